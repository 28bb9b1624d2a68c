/*
 * lse: ARMv8.1 Large System Extensions atomics (built with -march=armv8.1-a).
 *
 * CAS/CASA/CASL/CASAL (B/H/W/X), CASP/CASPA/CASPL/CASPAL (W/X),
 * LDADD/LDCLR/LDEOR/LDSET/LDSMAX/LDSMIN/LDUMAX/LDUMIN and SWP in every
 * ordering variant and size, and the ST<op> aliases.  Every line shows the
 * old value returned (destination preloaded with garbage, so zero extension
 * is visible) and the whole 64-bit memory word afterwards (neighbouring
 * bytes must be untouched).  Narrow source operands carry garbage in their
 * upper bits, which must be ignored.
 */
#include "guest.h"

#define GARBAGE 0xdeadbeefdeadbeefUL
#define BG      0x7766554433221100UL

static u64 slot[2] __attribute__((aligned(16)));

static void section(const char *name)
{
    printf("\n== %s ==\n", name);
}

static u64 mask_of(int bits)
{
    return bits == 64 ? ~0UL : (1UL << bits) - 1;
}

/* store the low 'bits' of v at slot[0] without touching the other bytes */
static void set_target(int bits, u64 v)
{
    slot[0] = (BG & ~mask_of(bits)) | (v & mask_of(bits));
    slot[1] = 0x8899aabbccddeeffUL;
}

/* three (memory, operand) pairs per size */
static void values(int bits, int k, u64 *m, u64 *s)
{
    u64 mask = mask_of(bits), sign = 1UL << (bits - 1);
    switch (k) {
    case 0: *m = sign; *s = sign - 1; break;          /* MIN vs MAX */
    case 1: *m = 5; *s = mask - 1; break;             /* small vs -2 */
    default: *m = mask; *s = 1; break;                /* -1 vs 1 */
    }
    /* garbage above the operand width (ignored by the instruction) */
    if (bits < 32)
        *s |= 0x5a5a5a5aUL & ~mask;
    if (bits < 64)
        *s |= 0xa5a5a5a500000000UL;
}

#define AMO1(MN, R, BITS)                                                    \
    for (int k = 0; k < 3; k++) {                                            \
        u64 m, s, old = GARBAGE;                                             \
        values(BITS, k, &m, &s);                                             \
        set_target(BITS, m);                                                 \
        __asm__ volatile(MN " %" R "[s], %" R "[o], [%[p]]"                  \
                         : [o] "+r"(old) : [s] "r"(s), [p] "r"(slot)         \
                         : "memory");                                        \
        printf("%-9s m=%016lx s=%016lx -> old=%016lx mem=%016lx\n", MN,      \
               m, s, old, slot[0]);                                               \
        if (slot[1] != 0x8899aabbccddeeffUL)                                 \
            printf("  !! neighbour word changed\n");                         \
    }

#define AMO_ORD(OP, ORD)                                                     \
    AMO1(OP ORD "b", "w", 8)                                                 \
    AMO1(OP ORD "h", "w", 16)                                                \
    AMO1(OP ORD, "w", 32)                                                    \
    AMO1(OP ORD, "x", 64)

#define AMO_OP(OP)                                                           \
    static void t_##OP(void)                                                 \
    {                                                                        \
        AMO_ORD(#OP, "")                                                     \
        AMO_ORD(#OP, "a")                                                    \
        AMO_ORD(#OP, "l")                                                    \
        AMO_ORD(#OP, "al")                                                   \
    }

AMO_OP(ldadd)
AMO_OP(ldclr)
AMO_OP(ldeor)
AMO_OP(ldset)
AMO_OP(ldsmax)
AMO_OP(ldsmin)
AMO_OP(ldumax)
AMO_OP(ldumin)
AMO_OP(swp)

/* ST<op> aliases: no destination (Rt = ZR); only plain and release forms */
#define STO1(MN, R, BITS)                                                    \
    for (int k = 0; k < 3; k++) {                                            \
        u64 m, s;                                                            \
        values(BITS, k, &m, &s);                                             \
        set_target(BITS, m);                                                 \
        __asm__ volatile(MN " %" R "[s], [%[p]]"                             \
                         : : [s] "r"(s), [p] "r"(slot) : "memory");          \
        printf("%-9s m=%016lx s=%016lx -> mem=%016lx\n", MN, m, s, slot[0]); \
    }

#define STO_ORD(OP, ORD)                                                     \
    STO1(OP ORD "b", "w", 8)                                                 \
    STO1(OP ORD "h", "w", 16)                                                \
    STO1(OP ORD, "w", 32)                                                    \
    STO1(OP ORD, "x", 64)

#define STO_OP(OP)                                                           \
    static void t_##OP(void)                                                 \
    {                                                                        \
        STO_ORD(#OP, "")                                                     \
        STO_ORD(#OP, "l")                                                    \
    }

STO_OP(stadd)
STO_OP(stclr)
STO_OP(steor)
STO_OP(stset)
STO_OP(stsmax)
STO_OP(stsmin)
STO_OP(stumax)
STO_OP(stumin)

/* CAS: compare Rs with memory, store Rt if equal; Rs <- old value */
#define CAS1(MN, R, BITS)                                                    \
    for (int k = 0; k < 4; k++) {                                            \
        u64 m, s, cmp, nv;                                                   \
        values(BITS, k % 3, &m, &s);                                         \
        set_target(BITS, m);                                                 \
        nv = s;                                                              \
        /* k=0,1: compare value matches (upper garbage must be ignored) */   \
        cmp = (k < 2) ? (m | (BITS < 32 ? 0xffff0000UL & ~mask_of(BITS) : 0) \
                         | 0x1234567800000000UL)                             \
                      : (m ^ 1);                                             \
        if (BITS == 64)                                                      \
            cmp = (k < 2) ? m : (m ^ 1);                                     \
        u64 cmp_in = cmp;                                                    \
        __asm__ volatile(MN " %" R "[c], %" R "[n], [%[p]]"                  \
                         : [c] "+r"(cmp) : [n] "r"(nv), [p] "r"(slot)        \
                         : "memory");                                        \
        printf("%-7s m=%016lx cmp=%016lx new=%016lx -> rs=%016lx mem=%016lx %s\n", \
               MN, m, cmp_in, nv, cmp, slot[0],                              \
               ((slot[0] ^ BG) & mask_of(BITS)) == ((nv ^ BG) & mask_of(BITS)) \
                   ? "(stored)" : "(not stored)");                           \
    }

#define CAS_ORD(ORD)                                                         \
    CAS1("cas" ORD "b", "w", 8)                                              \
    CAS1("cas" ORD "h", "w", 16)                                             \
    CAS1("cas" ORD, "w", 32)                                                 \
    CAS1("cas" ORD, "x", 64)

static void t_cas(void)
{
    CAS_ORD("")
    CAS_ORD("a")
    CAS_ORD("l")
    CAS_ORD("al")
}

#define CASP1(MN, R)                                                         \
    for (int k = 0; k < 3; k++) {                                            \
        slot[0] = 0x0123456789abcdefUL;                                      \
        slot[1] = 0xfedcba9876543210UL;                                      \
        u64 e0 = R[0] == 'x' ? slot[0] : (slot[0] & 0xffffffff);             \
        u64 e1 = R[0] == 'x' ? slot[1] : (slot[0] >> 32);                    \
        if (k == 1) e0 ^= 0x100;                                             \
        if (k == 2) e1 ^= 0x100;                                             \
        if (R[0] == 'w') { e0 |= 0xffffffff00000000UL; }                     \
        register u64 c0 __asm__("x4") = e0;                                  \
        register u64 c1 __asm__("x5") = e1;                                  \
        register u64 n0 __asm__("x6") = 0x1111111122222222UL;                \
        register u64 n1 __asm__("x7") = 0x3333333344444444UL;                \
        __asm__ volatile(MN " " R "4, " R "5, " R "6, " R "7, [%[p]]"        \
                         : "+r"(c0), "+r"(c1)                                \
                         : "r"(n0), "r"(n1), [p] "r"(slot) : "memory");      \
        printf("%-7s %s expect=%016lx,%016lx -> old=%016lx,%016lx "          \
               "mem=%016lx %016lx\n", MN, R, e0, e1, c0, c1, slot[0],        \
               slot[1]);                                                     \
    }

static void t_casp(void)
{
    CASP1("casp", "x")
    CASP1("caspa", "x")
    CASP1("caspl", "x")
    CASP1("caspal", "x")
    CASP1("casp", "w")
    CASP1("caspa", "w")
    CASP1("caspl", "w")
    CASP1("caspal", "w")
}

/* An LSE-based counter, checked against plain arithmetic. */
static void t_loop(void)
{
    static u64 ctr, mx, mn = ~0UL;
    static u32 bits;
    u64 x = 12345, expect = 0;
    for (int i = 0; i < 3000; i++) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        u64 old;
        __asm__ volatile("ldaddal %1, %0, [%2]" : "=&r"(old) : "r"(x), "r"(&ctr) : "memory");
        __asm__ volatile("stumax %0, [%1]" : : "r"(x), "r"(&mx) : "memory");
        __asm__ volatile("stuminl %0, [%1]" : : "r"(x), "r"(&mn) : "memory");
        __asm__ volatile("steor %w0, [%1]" : : "r"(x >> 17), "r"(&bits) : "memory");
        if (old != expect)
            printf("  !! ldaddal old mismatch at %d\n", i);
        expect += x;
    }
    printf("loop: ctr=0x%016lx (expect 0x%016lx) umax=0x%016lx umin=0x%016lx eor=0x%08x\n",
           ctr, expect, mx, mn, bits);
}

int main(void)
{
    printf("lse: ARMv8.1 atomics\n");
    section("LDADD");  t_ldadd();
    section("LDCLR");  t_ldclr();
    section("LDEOR");  t_ldeor();
    section("LDSET");  t_ldset();
    section("LDSMAX"); t_ldsmax();
    section("LDSMIN"); t_ldsmin();
    section("LDUMAX"); t_ldumax();
    section("LDUMIN"); t_ldumin();
    section("SWP");    t_swp();
    section("ST<op> aliases");
    t_stadd(); t_stclr(); t_steor(); t_stset();
    t_stsmax(); t_stsmin(); t_stumax(); t_stumin();
    section("CAS (k=0,1 match, k=2,3 mismatch)");
    t_cas();
    section("CASP");
    t_casp();
    section("LSE counter loop");
    t_loop();
    printf("\nlse done\n");
    return 0;
}
