/*
 * semihost.c - semihosting I/O, printf, exit and default exception handlers.
 *
 * printf supports %d %i %u %x %X %p %c %s %% with flags '0' '-' '+', a
 * field width and the length modifiers 'l'/'z' (64-bit).  Each printf call
 * is formatted into a 512-byte buffer and emitted with one SYS_WRITE0.
 */
#include "guest.h"

long semihost_call(long op, const void *arg)
{
    register long x0 __asm__("x0") = op;
    register const void *x1 __asm__("x1") = arg;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

void sh_putc(char c)
{
    semihost_call(SYS_WRITEC, &c);
}

void sh_puts(const char *s)
{
    semihost_call(SYS_WRITE0, s);
}

void exit(int code)
{
    /* AArch64 SYS_EXIT takes a parameter block {reason, subcode}. */
    static volatile u64 block[2];
    block[0] = ADP_Stopped_ApplicationExit;
    block[1] = (u64)(i64)code;
    for (;;)
        semihost_call(SYS_EXIT, (const void *)block);
}

/* ---- formatted output ------------------------------------------------ */

struct outbuf {
    char *buf;
    size_t n, pos;
};

static void ob_put(struct outbuf *o, char c)
{
    if (o->pos + 1 < o->n)
        o->buf[o->pos] = c;
    o->pos++;
}

/* sign: 0, '-' or '+' */
static void ob_num(struct outbuf *o, u64 v, int base, int upper, int sign,
                   int width, int zero, int left)
{
    char tmp[24];
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int len = 0;
    do {
        tmp[len++] = digits[v % (u64)base];
        v /= (u64)base;
    } while (v);
    int total = len + (sign ? 1 : 0);
    if (!left && !zero)
        for (; total < width; total++)
            ob_put(o, ' ');
    if (sign)
        ob_put(o, (char)sign);
    if (!left && zero)
        for (; total < width; total++)
            ob_put(o, '0');
    while (len)
        ob_put(o, tmp[--len]);
    if (left)
        for (; total < width; total++)
            ob_put(o, ' ');
}

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct outbuf o = { buf, n, 0 };
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            ob_put(&o, *fmt);
            continue;
        }
        fmt++;
        int zero = 0, left = 0, plus = 0, width = 0, lng = 0;
        for (;; fmt++) {
            if (*fmt == '0') zero = 1;
            else if (*fmt == '-') left = 1;
            else if (*fmt == '+') plus = 1;
            else break;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l' || *fmt == 'z') {
            lng = 1;
            fmt++;
        }
        u64 v;
        switch (*fmt) {
        case 'd':
        case 'i': {
            i64 s = lng ? va_arg(ap, i64) : (i64)va_arg(ap, int);
            int neg = s < 0;
            ob_num(&o, neg ? -(u64)s : (u64)s, 10, 0, neg ? '-' : plus ? '+' : 0,
                   width, zero, left);
            break;
        }
        case 'u':
            v = lng ? va_arg(ap, u64) : (u64)va_arg(ap, unsigned);
            ob_num(&o, v, 10, 0, 0, width, zero, left);
            break;
        case 'x':
        case 'X':
            v = lng ? va_arg(ap, u64) : (u64)va_arg(ap, unsigned);
            ob_num(&o, v, 16, *fmt == 'X', 0, width, zero, left);
            break;
        case 'p':
            ob_put(&o, '0');
            ob_put(&o, 'x');
            ob_num(&o, (u64)va_arg(ap, void *), 16, 0, 0, 16, 1, 0);
            break;
        case 'c':
            ob_put(&o, (char)va_arg(ap, int));
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            int len = (int)strlen(s);
            if (!left)
                for (int i = len; i < width; i++)
                    ob_put(&o, ' ');
            while (*s)
                ob_put(&o, *s++);
            if (left)
                for (int i = len; i < width; i++)
                    ob_put(&o, ' ');
            break;
        }
        case '%':
            ob_put(&o, '%');
            break;
        case 0:
            fmt--;
            break;
        default:
            ob_put(&o, '%');
            ob_put(&o, *fmt);
            break;
        }
    }
    if (n)
        buf[o.pos < n ? o.pos : n - 1] = 0;
    return (int)o.pos;
}

int snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

/* printf formats into a buffer and emits it with a single SYS_WRITE0. */
int printf(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    sh_puts(buf);
    return r;
}

void print_hex64(u64 v) { printf("0x%016lx", v); }
void print_hex32(u32 v) { printf("0x%08x", v); }
void print_dec(i64 v) { printf("%ld", v); }
void print_udec(u64 v) { printf("%lu", v); }

const char *nzcv_str(u64 f)
{
    static char s[5];
    s[0] = (f >> 31) & 1 ? 'N' : '-';
    s[1] = (f >> 30) & 1 ? 'Z' : '-';
    s[2] = (f >> 29) & 1 ? 'C' : '-';
    s[3] = (f >> 28) & 1 ? 'V' : '-';
    s[4] = 0;
    return s;
}

/* ---- default exception handlers --------------------------------------- */

const char *kind_name(u64 kind)
{
    static const char *const group[4] = {
        "current EL, SP_EL0", "current EL, SP_ELx",
        "lower EL, AArch64", "lower EL, AArch32",
    };
    static const char *const type[4] = { "sync", "IRQ", "FIQ", "SError" };
    static char buf[48];
    snprintf(buf, sizeof buf, "%s, %s", group[KIND_GROUP(kind) & 3],
             type[KIND_TYPE(kind)]);
    return buf;
}

void report_exception(const char *el, struct trap_frame *f, u64 kind)
{
    printf("\n*** UNEXPECTED EXCEPTION taken to %s (%s)\n", el, kind_name(kind));
    printf("*** ESR=0x%016lx (EC=0x%02lx IL=%lu ISS=0x%07lx)\n", f->esr,
           (f->esr >> 26) & 0x3f, (f->esr >> 25) & 1, f->esr & 0x1ffffff);
    printf("*** ELR=0x%016lx FAR=0x%016lx SPSR=0x%016lx\n", f->elr, f->far,
           f->spsr);
}

__attribute__((weak)) void el1_exception(struct trap_frame *f, u64 kind)
{
    report_exception("EL1", f, kind);
    exit(EXIT_UNEXPECTED_EXCEPTION);
}

__attribute__((weak)) void el2_exception(struct trap_frame *f, u64 kind)
{
    report_exception("EL2", f, kind);
    exit(EXIT_UNEXPECTED_EXCEPTION);
}
