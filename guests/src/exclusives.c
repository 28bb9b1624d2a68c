/*
 * exclusives: ARMv8.0 load/store exclusive (built with -march=armv8-a).
 *
 * LDXR/STXR, LDAXR/STLXR (B/H/W/X), LDXP/STXP and LDAXP/STLXP (W/X):
 * success paths, failure paths (STXR after CLREX, a second STXR after a
 * successful one), the "most recent LDXR wins" rule, misaligned exclusives
 * (always an alignment fault, whatever SCTLR_EL1.A says) and a
 * spinlock-protected counter plus an LDXR/STXR atomic-add retry loop.
 *
 * Nothing is printed (no semihosting call) between an LDXR and its STXR.
 */
#include "guest.h"

#define GARBAGE 0xdeadbeefdeadbeefUL
#define BG      0x0706050403020100UL

static u64 slot[4] __attribute__((aligned(16)));

static void section(const char *name)
{
    printf("\n== %s ==\n", name);
}

static void reset_slot(void)
{
    slot[0] = BG;
    slot[1] = 0x0f0e0d0c0b0a0908UL;
    slot[2] = slot[3] = 0;
}

/* LDxR + STxR of (old + ADD), status and memory printed */
#define EXCL(LD, ST, R, ADD)                                                 \
    do {                                                                     \
        u64 old = GARBAGE, nv = GARBAGE, st = GARBAGE;                       \
        reset_slot();                                                        \
        __asm__ volatile(LD " %" R "[old], [%[p]]\n\t"                       \
                         "add %" R "[nv], %" R "[old], %" R "[add]\n\t"      \
                         ST " %w[st], %" R "[nv], [%[p]]\n\t"                \
                         : [old] "+&r"(old), [nv] "+&r"(nv), [st] "+&r"(st)  \
                         : [p] "r"(slot), [add] "r"((u64)(ADD))              \
                         : "memory");                                        \
        printf("%-6s/%-6s old=0x%016lx new=0x%016lx status=0x%016lx "        \
               "mem=0x%016lx\n", LD, ST, old, nv, st, slot[0]);              \
    } while (0)

#define EXCLP(LD, ST, R, ADD)                                                \
    do {                                                                     \
        u64 o1 = GARBAGE, o2 = GARBAGE, st = GARBAGE;                        \
        reset_slot();                                                        \
        __asm__ volatile(LD " %" R "[o1], %" R "[o2], [%[p]]\n\t"            \
                         "add %" R "[o1], %" R "[o1], %" R "[add]\n\t"       \
                         "sub %" R "[o2], %" R "[o2], %" R "[add]\n\t"       \
                         ST " %w[st], %" R "[o1], %" R "[o2], [%[p]]\n\t"    \
                         : [o1] "+&r"(o1), [o2] "+&r"(o2), [st] "+&r"(st)    \
                         : [p] "r"(slot), [add] "r"((u64)(ADD))              \
                         : "memory");                                        \
        printf("%-6s/%-6s new1=0x%016lx new2=0x%016lx status=%lx "           \
               "mem=0x%016lx 0x%016lx\n", LD, ST, o1, o2, st, slot[0],       \
               slot[1]);                                                     \
    } while (0)

static void test_success(void)
{
    section("successful LDXR/STXR pairs (add 0x81 to the loaded value)");
    EXCL("ldxrb", "stxrb", "w", 0x81);
    EXCL("ldxrh", "stxrh", "w", 0x8001);
    EXCL("ldxr", "stxr", "w", 0x80000001);
    EXCL("ldxr", "stxr", "x", 0x8000000000000001UL);
    EXCL("ldaxrb", "stlxrb", "w", 0xff);
    EXCL("ldaxrh", "stlxrh", "w", 0xffff);
    EXCL("ldaxr", "stlxr", "w", 0xffffffff);
    EXCL("ldaxr", "stlxr", "x", 0xffffffffffffffffUL);
    EXCL("ldxrb", "stlxrb", "w", 1);
    EXCL("ldaxr", "stxr", "x", 1);

    section("LDXP/STXP pairs (first += 0x11, second -= 0x11)");
    EXCLP("ldxp", "stxp", "w", 0x11);
    EXCLP("ldxp", "stxp", "x", 0x11);
    EXCLP("ldaxp", "stlxp", "w", 0x11);
    EXCLP("ldaxp", "stlxp", "x", 0x11);
    EXCLP("ldxp", "stlxp", "x", 0x8000000000000000UL);
}

static void test_failure(void)
{
    section("failure paths");
    u64 st1, st2, v = GARBAGE;

    reset_slot();
    __asm__ volatile("clrex\n\t"
                     "stxr %w0, %2, [%1]\n\t"
                     : "=&r"(st1) : "r"(slot), "r"(0x1111UL) : "memory");
    printf("clrex; stxr                 -> status=%lu mem=0x%016lx\n", st1, slot[0]);

    reset_slot();
    __asm__ volatile("ldxr %1, [%2]\n\t"
                     "clrex\n\t"
                     "stxr %w0, %3, [%2]\n\t"
                     : "=&r"(st1), "+&r"(v) : "r"(slot), "r"(0x2222UL) : "memory");
    printf("ldxr; clrex; stxr           -> status=%lu mem=0x%016lx\n", st1, slot[0]);

    reset_slot();
    st2 = GARBAGE;
    __asm__ volatile("ldxr %2, [%3]\n\t"
                     "stxr %w0, %4, [%3]\n\t"
                     "stxr %w1, %5, [%3]\n\t"
                     : "=&r"(st1), "+&r"(st2), "+&r"(v)
                     : "r"(slot), "r"(0x3333UL), "r"(0x4444UL)
                     : "memory");
    printf("ldxr; stxr; stxr            -> status1=%lu status2=%lu mem=0x%016lx\n",
           st1, st2, slot[0]);

    reset_slot();
    __asm__ volatile("ldxrb %w1, [%2]\n\t"
                     "clrex #5\n\t"
                     "stxrb %w0, %w3, [%2]\n\t"
                     : "=&r"(st1), "+&r"(v) : "r"(slot), "r"(0x55UL) : "memory");
    printf("ldxrb; clrex #5; stxrb      -> status=%lu mem=0x%016lx\n", st1, slot[0]);

    reset_slot();
    st2 = GARBAGE;
    __asm__ volatile("ldxp %1, %2, [%3]\n\t"
                     "clrex\n\t"
                     "stxp %w0, %2, %1, [%3]\n\t"
                     : "=&r"(st1), "+&r"(v), "+&r"(st2) : "r"(slot) : "memory");
    printf("ldxp; clrex; stxp           -> status=%lu mem=0x%016lx 0x%016lx\n",
           st1, slot[0], slot[1]);

    /* The most recent exclusive load sets the monitor. */
    reset_slot();
    u64 a = GARBAGE, b = GARBAGE;
    __asm__ volatile("ldxr %2, [%4]\n\t"
                     "ldxr %3, [%5]\n\t"
                     "add %3, %3, #1\n\t"
                     "stxr %w0, %3, [%5]\n\t"
                     "stxr %w1, %2, [%4]\n\t"
                     : "=&r"(st1), "=&r"(st2), "+&r"(a), "+&r"(b)
                     : "r"(&slot[0]), "r"(&slot[1]) : "memory");
    printf("ldxr A; ldxr B; stxr B; stxr A -> statusB=%lu statusA=%lu "
           "mem=0x%016lx 0x%016lx\n", st1, st2, slot[0], slot[1]);

    /* Status register value is exactly 0 or 1 in a W register. */
    reset_slot();
    st1 = GARBAGE;
    __asm__ volatile("ldaxrh %w1, [%2]\n\t"
                     "stlxrh %w0, %w1, [%2]\n\t"
                     "clrex\n\t"
                     : "+&r"(st1), "+&r"(a) : "r"(slot) : "memory");
    printf("stlxrh status register full value: 0x%016lx\n", st1);
}

/* ---- misaligned exclusives -> alignment fault ------------------------- */

static int faults;

void el1_exception(struct trap_frame *f, u64 kind)
{
    u64 ec = (f->esr >> 26) & 0x3f;
    if (kind != 4 || ec != 0x25) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    printf("  data abort: ESR=0x%08lx EC=0x%02lx WnR=%lu DFSC=0x%02lx FAR=slot%+ld\n",
           f->esr, ec, (f->esr >> 6) & 1, f->esr & 0x3f,
           (i64)(f->far - (u64)slot));
    faults++;
    f->x[0] = 0x0badUL;
    f->elr += 4;
}

static void test_misaligned(void)
{
    section("misaligned exclusives (SCTLR_EL1.A=0): alignment fault");
    u64 v;
    __asm__ volatile("mov x0, #0\n\tldxr x0, [%1]\n\tmov %0, x0\n\tclrex"
                     : "=r"(v) : "r"((u8 *)slot + 4) : "x0", "memory");
    printf("ldxr x0, [slot+4]  -> x0=0x%lx\n", v);
    __asm__ volatile("mov x0, #0\n\tldaxrh w0, [%1]\n\tmov %0, x0\n\tclrex"
                     : "=r"(v) : "r"((u8 *)slot + 1) : "x0", "memory");
    printf("ldaxrh w0, [slot+1] -> x0=0x%lx\n", v);
    __asm__ volatile("mov x0, #0\n\tldxp x0, x1, [%1]\n\tmov %0, x0\n\tclrex"
                     : "=r"(v) : "r"((u8 *)slot + 8) : "x0", "x1", "memory");
    printf("ldxp x0, x1, [slot+8] -> x0=0x%lx\n", v);
    __asm__ volatile("mov x0, #0\n\tldxp w0, w1, [%1]\n\tmov %0, x0\n\tclrex"
                     : "=r"(v) : "r"((u8 *)slot + 4) : "x0", "x1", "memory");
    printf("ldxp w0, w1, [slot+4] -> x0=0x%lx\n", v);
    printf("faults taken: %d\n", faults);
}

/* ---- spinlock + retry loops ------------------------------------------- */

static u32 lock;
static u64 counter;
static u64 atomic_ctr;

static void spin_lock(u32 *l)
{
    u32 tmp, st;
    __asm__ volatile("sevl\n"
                     "1:\twfe\n"
                     "2:\tldaxr %w0, [%2]\n\t"
                     "cbnz %w0, 1b\n\t"
                     "stxr %w1, %w3, [%2]\n\t"
                     "cbnz %w1, 2b\n\t"
                     : "=&r"(tmp), "=&r"(st)
                     : "r"(l), "r"(1)
                     : "memory");
}

static void spin_unlock(u32 *l)
{
    __asm__ volatile("stlr wzr, [%0]" : : "r"(l) : "memory");
}

static u64 atomic_add(u64 *p, u64 v, u64 *retries)
{
    u64 old, nv, st, r = 0;
    __asm__ volatile("1:\tldxr %0, [%4]\n\t"
                     "add %1, %0, %5\n\t"
                     "stxr %w2, %1, [%4]\n\t"
                     "cbz %w2, 2f\n\t"
                     "add %3, %3, #1\n\t"
                     "b 1b\n"
                     "2:\n"
                     : "=&r"(old), "=&r"(nv), "=&r"(st), "+&r"(r)
                     : "r"(p), "r"(v)
                     : "memory");
    *retries += r;
    return old;
}

static void test_loops(void)
{
    section("spinlock-protected counter and LDXR/STXR atomic add");
    u64 retries = 0, x = 1;
    for (int i = 0; i < 5000; i++) {
        spin_lock(&lock);
        counter += x;
        x = x * 3 + 1;
        spin_unlock(&lock);
        u64 old = atomic_add(&atomic_ctr, (u64)i * 0x9e3779b9UL, &retries);
        if (i % 1000 == 999)
            printf("i=%d counter=0x%016lx atomic=0x%016lx old=0x%016lx lock=%u\n",
                   i, counter, atomic_ctr, old, lock);
    }
    printf("retries=%lu\n", retries);
}

int main(void)
{
    printf("exclusives: load/store exclusive (armv8-a)\n");
    test_success();
    test_failure();
    test_misaligned();
    test_loops();
    printf("\nexclusives done\n");
    return 0;
}
