/*
 * loadstore: every base-ISA load/store addressing form.
 *
 * All accesses are naturally aligned: with the MMU off every data access is
 * Device-nGnRnE, for which unaligned accesses are architecturally an
 * alignment fault.  (QEMU 7.2 does not enforce that, so the fixture never
 * relies on it.)  The one deliberate misaligned access is made with
 * SCTLR_EL1.A=1, where QEMU does take the alignment fault, and is reported
 * by this program's own EL1 handler.
 *
 * Destination registers are pre-loaded with 0xdeadbeefdeadbeef so that the
 * printed 64-bit values show zero/sign extension of narrow loads.
 */
#include "guest.h"

#define GARBAGE 0xdeadbeefdeadbeefUL

static u8 buf[512] __attribute__((aligned(64)));

static void fill(void)
{
    for (int i = 0; i < (int)sizeof buf; i++)
        buf[i] = (u8)(i * 37 + 0x81);
}

static void dump(const char *what, int from, int len)
{
    printf("  %s buf[%d..%d]:", what, from, from + len - 1);
    for (int i = 0; i < len; i++)
        printf("%s%02x", (i % 16) ? " " : "\n    ", buf[from + i]);
    printf("\n");
}

static void section(const char *name)
{
    printf("\n== %s ==\n", name);
}

/* Print an asm template on one line, padded to 'width' columns. */
static void print_ins(const char *ins, int width)
{
    char line[96];
    int n = 0;
    for (; *ins && n < (int)sizeof line - 3; ins++) {
        if (*ins == '\n') {
            line[n++] = ';';
            line[n++] = ' ';
        } else if (*ins != '\t') {
            line[n++] = *ins;
        }
    }
    while (n < width)
        line[n++] = ' ';
    line[n] = 0;
    sh_puts(line);
}

/* %0 = Rt (preloaded with garbage), %1 = base */
#define LD(INS, BASE)                                                        \
    do {                                                                     \
        u64 v_ = GARBAGE;                                                    \
        __asm__ volatile(INS : "+r"(v_) : "r"(BASE) : "memory");             \
        print_ins(INS, 36);                                                  \
        printf(" -> 0x%016lx\n", v_);                                        \
    } while (0)

/* %0 = Rt, %1 = base (written back); prints value and base - buf */
#define LDWB(INS, BASE)                                                      \
    do {                                                                     \
        u64 v_ = GARBAGE;                                                    \
        u8 *b_ = (BASE);                                                     \
        __asm__ volatile(INS : "+r"(v_), "+r"(b_) : : "memory");             \
        printf("%-36s -> 0x%016lx base=buf%+ld\n", INS, v_, (i64)(b_ - buf)); \
    } while (0)

/* %0 = Rt, %1 = base, %2 = index */
#define LDX(INS, BASE, IDX)                                                  \
    do {                                                                     \
        u64 v_ = GARBAGE, i_ = (IDX);                                        \
        __asm__ volatile(INS : "+r"(v_) : "r"(BASE), "r"(i_) : "memory");    \
        printf("%-36s idx=0x%016lx -> 0x%016lx\n", INS, i_, v_);             \
    } while (0)

/* %0 = value, %1 = base */
#define ST(INS, VAL, BASE)                                                   \
    __asm__ volatile(INS : : "r"((u64)(VAL)), "r"(BASE) : "memory")

static void test_uimm(void)
{
    section("unsigned scaled immediate offset");
    fill();
    u8 *b = buf;
    LD("ldrb %w0, [%1]", b);
    LD("ldrb %w0, [%1, #1]", b);
    LD("ldrb %w0, [%1, #255]", b);
    LD("ldrsb %w0, [%1, #2]", b);
    LD("ldrsb %x0, [%1, #2]", b);
    LD("ldrsb %w0, [%1, #3]", b);
    LD("ldrsb %x0, [%1, #3]", b);
    LD("ldrh %w0, [%1, #2]", b);
    LD("ldrh %w0, [%1, #510]", b);
    LD("ldrsh %w0, [%1, #4]", b);
    LD("ldrsh %x0, [%1, #4]", b);
    LD("ldrsh %w0, [%1, #6]", b);
    LD("ldrsh %x0, [%1, #6]", b);
    LD("ldr %w0, [%1, #4]", b);
    LD("ldr %w0, [%1, #508]", b);
    LD("ldrsw %x0, [%1, #8]", b);
    LD("ldrsw %x0, [%1, #12]", b);
    LD("ldr %x0, [%1]", b);
    LD("ldr %x0, [%1, #8]", b);
    LD("ldr %x0, [%1, #504]", b);
    LD("ldr wzr, [%1, #16]\n\tmov %x0, xzr", b);

    /* stores, one of each size */
    fill();
    ST("strb %w0, [%1, #1]", 0x11223344556677aaUL, b);
    ST("strh %w0, [%1, #2]", 0x11223344556677bbUL, b);
    ST("str %w0, [%1, #4]", 0x1122334455667788UL, b);
    ST("str %x0, [%1, #8]", 0x0123456789abcdefUL, b);
    ST("str xzr, [%1, #16]", 0, b);
    ST("str wzr, [%1, #28]", 0, b);
    ST("strh wzr, [%1, #24]", 0, b);
    ST("strb wzr, [%1, #511]", 0, b);
    dump("after strb/strh/str w/str x/str zr", 0, 32);
    dump("tail", 496, 16);
}

static void test_unscaled(void)
{
    section("unscaled immediate (LDUR/STUR), base = buf+256");
    fill();
    u8 *b = buf + 256;
    LD("ldurb %w0, [%1, #-1]", b);
    LD("ldurb %w0, [%1, #-256]", b);
    LD("ldursb %w0, [%1, #-3]", b);
    LD("ldursb %x0, [%1, #-3]", b);
    LD("ldurh %w0, [%1, #-2]", b);
    LD("ldursh %w0, [%1, #-6]", b);
    LD("ldursh %x0, [%1, #-6]", b);
    LD("ldur %w0, [%1, #-4]", b);
    LD("ldur %w0, [%1, #252]", b);
    LD("ldursw %x0, [%1, #-8]", b);
    LD("ldursw %x0, [%1, #-12]", b);
    LD("ldur %x0, [%1, #-8]", b);
    LD("ldur %x0, [%1, #-256]", b);
    LD("ldur %x0, [%1, #248]", b);
    /* the assembler picks LDUR for a negative/unaligned offset of LDR */
    LD("ldr %x0, [%1, #-16]", b);
    ST("sturb %w0, [%1, #-1]", 0xa1, b);
    ST("sturh %w0, [%1, #-4]", 0xb2b3, b);
    ST("stur %w0, [%1, #-8]", 0xc4c5c6c7, b);
    ST("stur %x0, [%1, #-16]", 0xd8d9dadbdcdddedfUL, b);
    ST("stur %x0, [%1, #8]", 0x0102030405060708UL, b);
    dump("after stur*", 240, 32);
}

static void test_index(void)
{
    section("pre-index / post-index writeback");
    fill();
    LDWB("ldr %x0, [%1, #16]!", buf + 32);
    LDWB("ldr %x0, [%1], #16", buf + 32);
    LDWB("ldr %x0, [%1, #-256]!", buf + 256);
    LDWB("ldr %x0, [%1], #-8", buf + 256);
    LDWB("ldr %w0, [%1, #4]!", buf + 32);
    LDWB("ldr %w0, [%1], #255", buf + 32);
    LDWB("ldrb %w0, [%1, #1]!", buf + 32);
    LDWB("ldrb %w0, [%1], #-1", buf + 32);
    LDWB("ldrsb %x0, [%1, #-255]!", buf + 300);
    LDWB("ldrsb %w0, [%1], #3", buf + 33);
    LDWB("ldrh %w0, [%1, #-2]!", buf + 64);
    LDWB("ldrsh %x0, [%1], #2", buf + 66);
    LDWB("ldrsh %w0, [%1, #2]!", buf + 66);
    LDWB("ldrsw %x0, [%1, #4]!", buf + 64);
    LDWB("ldrsw %x0, [%1], #-4", buf + 68);

    u8 *p = buf + 128;
    __asm__ volatile("str %x1, [%0, #-8]!\n\t"
                     "str %w1, [%0, #-4]!\n\t"
                     "strh %w1, [%0, #-2]!\n\t"
                     "strb %w1, [%0, #-1]!\n\t"
                     : "+r"(p) : "r"(0x8877665544332211UL) : "memory");
    printf("pre-index stores: base=buf%+ld\n", (i64)(p - buf));
    p = buf + 128;
    __asm__ volatile("str %x1, [%0], #8\n\t"
                     "str %w1, [%0], #4\n\t"
                     "strh %w1, [%0], #2\n\t"
                     "strb %w1, [%0], #1\n\t"
                     : "+r"(p) : "r"(0xf0e0d0c0b0a09080UL) : "memory");
    printf("post-index stores: base=buf%+ld\n", (i64)(p - buf));
    dump("after pre/post-index stores", 112, 32);

    /* SP as base register with writeback */
    u64 a, c, sp0, sp1;
    __asm__ volatile("mov %2, sp\n\t"
                     "str %4, [sp, #-16]!\n\t"
                     "str %5, [sp, #8]\n\t"
                     "ldr %0, [sp], #16\n\t"
                     "ldr %1, [sp, #-8]\n\t"
                     "mov %3, sp\n\t"
                     : "=&r"(a), "=&r"(c), "=&r"(sp0), "=&r"(sp1)
                     : "r"(0x1111222233334444UL), "r"(0x5555666677778888UL)
                     : "memory");
    printf("sp-relative: a=0x%016lx c=0x%016lx sp restored=%s\n", a, c,
           sp0 == sp1 ? "yes" : "NO");
}

static void test_regoff(void)
{
    section("register offset (LSL / UXTW / SXTW / SXTX)");
    fill();
    u8 *b = buf + 256;
    LDX("ldr %x0, [%1, %2]", b, 8);
    LDX("ldr %x0, [%1, %2]", b, -64);
    LDX("ldr %x0, [%1, %2, lsl #3]", b, 3);
    LDX("ldr %x0, [%1, %2, lsl #3]", b, -3);
    LDX("ldr %x0, [%1, %w2, uxtw]", buf, 0xffffffff00000010UL);
    LDX("ldr %x0, [%1, %w2, uxtw #3]", buf, 0xffffffff00000005UL);
    LDX("ldr %x0, [%1, %w2, sxtw]", b, 0x00000000fffffff8UL);
    LDX("ldr %x0, [%1, %w2, sxtw #3]", b, 0x12345678fffffffeUL);
    LDX("ldr %x0, [%1, %2, sxtx]", b, -24);
    LDX("ldr %x0, [%1, %2, sxtx #3]", b, -5);
    LDX("ldr %w0, [%1, %2, lsl #2]", b, 7);
    LDX("ldr %w0, [%1, %w2, sxtw #2]", b, 0xfffffff9);
    LDX("ldr %w0, [%1, %w2, uxtw #2]", buf, 0x00000041);
    LDX("ldrsw %x0, [%1, %2, lsl #2]", b, -1);
    LDX("ldrsw %x0, [%1, %w2, sxtw]", b, 0xfffffff4);
    LDX("ldrh %w0, [%1, %2, lsl #1]", b, 5);
    LDX("ldrh %w0, [%1, %w2, sxtw #1]", b, 0xffffff81);
    LDX("ldrsh %w0, [%1, %2]", b, -2);
    LDX("ldrsh %x0, [%1, %2, sxtx #1]", b, -1);
    LDX("ldrb %w0, [%1, %2]", b, 255);
    LDX("ldrb %w0, [%1, %w2, uxtw]", buf, 0x100000001UL);
    LDX("ldrb %w0, [%1, %2, lsl #0]", b, -255);
    LDX("ldrsb %w0, [%1, %w2, sxtw]", b, 0xffffff00);
    LDX("ldrsb %x0, [%1, %2]", b, 3);

    u64 i1 = 2, i2 = 0xfffffffc, i3 = -6;
    __asm__ volatile("str %x0, [%1, %2, lsl #3]\n\t"
                     "str %w0, [%1, %w3, sxtw #2]\n\t"
                     "strh %w0, [%1, %4, lsl #1]\n\t"
                     "strb %w0, [%1, %w3, sxtw]\n\t"
                     : : "r"(0xa5a4a3a2a1a0a9a8UL), "r"(b), "r"(i1), "r"(i2),
                         "r"(i3)
                     : "memory");
    dump("after register-offset stores", 236, 40);
}

static void test_literal(void)
{
    section("PC-relative literal loads");
    u64 v1, v2, v3, v4, v5 = GARBAGE, v6 = GARBAGE;
    __asm__ volatile("b 3f\n\t"
                     ".balign 8\n"
                     "1:\t.quad 0xfedcba9876543210\n"
                     "2:\t.word 0x87654321\n\t"
                     ".word 0x7fff0001\n"
                     "3:\n\t"
                     "ldr %0, 1b\n\t"
                     "ldr %w1, 2b\n\t"
                     "ldrsw %2, 2b\n\t"
                     "ldrsw %3, 2b + 4\n\t"
                     "ldr %x4, 4f\n\t"
                     "ldr %w5, 4f + 4\n\t"
                     "prfm pldl1keep, 4f\n\t"
                     "b 5f\n\t"
                     ".balign 8\n"
                     "4:\t.quad 0x8000000000000001\n"
                     "5:\n\t"
                     : "=&r"(v1), "=&r"(v2), "=&r"(v3), "=&r"(v4), "+r"(v5),
                       "+r"(v6));
    printf("ldr x literal (backward)  -> 0x%016lx\n", v1);
    printf("ldr w literal             -> 0x%016lx\n", v2);
    printf("ldrsw literal (negative)  -> 0x%016lx\n", v3);
    printf("ldrsw literal (positive)  -> 0x%016lx\n", v4);
    printf("ldr x literal (forward)   -> 0x%016lx\n", v5);
    printf("ldr w literal (hi word)   -> 0x%016lx\n", v6);
}

static void test_pairs(void)
{
    section("LDP/STP/LDPSW/LDNP/STNP");
    fill();
    u64 a = GARBAGE, c = GARBAGE;
    u8 *p;
#define LDP(INS, BASE)                                                       \
    do {                                                                     \
        a = c = GARBAGE;                                                     \
        p = (BASE);                                                          \
        __asm__ volatile(INS : "+r"(a), "+r"(c), "+r"(p) : : "memory");      \
        print_ins(INS, 32);                                                  \
        printf(" -> 0x%016lx 0x%016lx base=buf%+ld\n", a, c, (i64)(p - buf)); \
    } while (0)
    LDP("ldp %x0, %x1, [%2]", buf + 64);
    LDP("ldp %x0, %x1, [%2, #-512]", buf + 512);
    LDP("ldp %x0, %x1, [%2, #496]", buf);
    LDP("ldp %x0, %x1, [%2, #16]!", buf + 64);
    LDP("ldp %x0, %x1, [%2], #-64", buf + 64);
    LDP("ldp %w0, %w1, [%2]", buf + 64);
    LDP("ldp %w0, %w1, [%2, #-256]", buf + 256);
    LDP("ldp %w0, %w1, [%2, #8]!", buf + 64);
    LDP("ldp %w0, %w1, [%2], #252", buf + 64);
    LDP("ldpsw %x0, %x1, [%2]", buf + 8);
    LDP("ldpsw %x0, %x1, [%2, #-8]!", buf + 16);
    LDP("ldpsw %x0, %x1, [%2], #4", buf + 24);
    LDP("ldnp %x0, %x1, [%2, #32]", buf);
    LDP("ldnp %w0, %w1, [%2, #-8]", buf + 72);
    LDP("ldp xzr, %x1, [%2]\n\tmov %x0, xzr", buf + 80);

    p = buf + 160;
    __asm__ volatile("stp %x1, %x2, [%0]\n\t"
                     "stp %w2, %w1, [%0, #-8]!\n\t"
                     "stp %x2, xzr, [%0], #-16\n\t"
                     "stp wzr, %w1, [%0, #32]\n\t"
                     "stnp %x1, %x2, [%0, #48]\n\t"
                     "stnp %w2, %w1, [%0, #-16]\n\t"
                     : "+r"(p)
                     : "r"(0x1112131415161718UL), "r"(0x2122232425262728UL)
                     : "memory");
    printf("stp writeback base=buf%+ld\n", (i64)(p - buf));
    dump("after stp/stnp", 112, 112);
}

static void test_prfm(void)
{
    section("PRFM (must have no architectural effect)");
    u8 *b = buf + 64;
    u64 i = 8;
    __asm__ volatile("prfm pldl1keep, [%0]\n\t"
                     "prfm pldl2strm, [%0, #8]\n\t"
                     "prfm pldl3keep, [%0, #32760]\n\t"
                     "prfm pstl1keep, [%0, %1]\n\t"
                     "prfm pstl3strm, [%0, %1, lsl #3]\n\t"
                     "prfm plil1keep, [%0, %w1, sxtw]\n\t"
                     "prfm plil2strm, [%0]\n\t"
                     "prfum pldl1strm, [%0, #-1]\n\t"
                     "prfum pstl2keep, [%0, #255]\n\t"
                     "prfm #0x1f, [%0]\n\t"         /* unallocated prfop */
                     "prfm #0x18, [%0, %1]\n\t"
                     : : "r"(b), "r"(i) : "memory");
    /* prefetch of an address that is not RAM must not fault either */
    __asm__ volatile("prfm pldl1keep, [%0]" : : "r"(0x123456789000UL));
    printf("prfm: ok\n");
}

static void test_acqrel(void)
{
    section("load-acquire / store-release");
    fill();
    LD("ldarb %w0, [%1]", buf + 3);
    LD("ldarh %w0, [%1]", buf + 6);
    LD("ldar %w0, [%1]", buf + 12);
    LD("ldar %x0, [%1]", buf + 24);
    u8 *b = buf + 32;
    __asm__ volatile("stlrb %w0, [%1]\n\t"
                     "add x9, %1, #2\n\t"
                     "stlrh %w0, [x9]\n\t"
                     "add x9, %1, #4\n\t"
                     "stlr %w0, [x9]\n\t"
                     "add x9, %1, #8\n\t"
                     "stlr %x0, [x9]\n\t"
                     "dmb ish\n\tdsb sy\n\tisb\n\t"
                     "dmb ishld\n\tdmb oshst\n\tdsb nsh\n\t"
                     : : "r"(0xc1c2c3c4c5c6c7c8UL), "r"(b) : "x9", "memory");
    dump("after stlrb/stlrh/stlr w/stlr x", 32, 16);
}

/* ---- deliberate alignment fault with SCTLR_EL1.A = 1 -------------------- */

static volatile int faults;

void el1_exception(struct trap_frame *f, u64 kind)
{
    u64 ec = (f->esr >> 26) & 0x3f;
    if (kind != 4 || ec != 0x25) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    printf("  data abort: ESR=0x%08lx EC=0x%02lx WnR=%lu DFSC=0x%02lx "
           "FAR=buf%+ld ELR=0x%016lx\n",
           f->esr, ec, (f->esr >> 6) & 1, f->esr & 0x3f, (i64)(f->far - (u64)buf),
           f->elr);
    faults++;
    f->x[0] = 0x0bad0bad0bad0badUL;     /* visible "result" of the load */
    f->elr += 4;
}

static void test_alignment(void)
{
    section("alignment check (SCTLR_EL1.A=1)");
    u64 sctlr = read_sysreg(sctlr_el1);
    write_sysreg(sctlr_el1, sctlr | 2);
    isb();
    u64 v;
    __asm__ volatile("mov x0, #0\n\tldr x0, [%1]\n\tmov %0, x0"
                     : "=r"(v) : "r"(buf + 4) : "x0", "memory");
    printf("ldr x0, [buf+4] -> 0x%016lx\n", v);
    __asm__ volatile("mov x0, #0\n\tldrh w0, [%1]\n\tmov %0, x0"
                     : "=r"(v) : "r"(buf + 33) : "x0", "memory");
    printf("ldrh w0, [buf+33] -> 0x%016lx\n", v);
    __asm__ volatile("mov x0, #0\n\tstr w0, [%1]\n\tmov %0, x0"
                     : "=r"(v) : "r"(buf + 66) : "x0", "memory");
    printf("str w0, [buf+66] -> x0=0x%016lx\n", v);
    __asm__ volatile("mov x0, #0\n\tldr x0, [%1]\n\tmov %0, x0"
                     : "=r"(v) : "r"(buf + 8) : "x0", "memory");
    printf("aligned ldr x0, [buf+8] -> 0x%016lx\n", v);
    write_sysreg(sctlr_el1, sctlr);
    isb();
    printf("alignment faults taken: %d\n", faults);
}

int main(void)
{
    printf("loadstore: base-ISA load/store forms\n");
    printf("buf = 0x%016lx\n", (u64)buf);
    test_uimm();
    test_unscaled();
    test_index();
    test_regoff();
    test_literal();
    test_pairs();
    test_prfm();
    test_acqrel();
    test_alignment();
    fill();
    u64 sum = 0;
    for (int i = 0; i < (int)sizeof buf; i++)
        sum = sum * 31 + buf[i];
    printf("\nloadstore done, checksum 0x%016lx\n", sum);
    return 0;
}
