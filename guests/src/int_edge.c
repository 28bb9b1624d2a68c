/*
 * int_edge: integer data-processing edge cases.
 *
 * Every test runs the exact instruction through inline asm, with NZCV set
 * to a known value first ("msr nzcv") and read back afterwards ("mrs
 * nzcv"), so both results and flags (printed as NZCV letters, '-' = clear)
 * are checked - including that non-flag-setting instructions preserve them.
 */
#include "guest.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define NZCV_N 0x80000000UL
#define NZCV_Z 0x40000000UL
#define NZCV_C 0x20000000UL
#define NZCV_V 0x10000000UL

static const u64 xb[] = {   /* 64-bit boundary values */
    0, 1, 0x7fffffffffffffffUL, 0x8000000000000000UL, 0xffffffffffffffffUL,
};
static const u64 wb[] = {   /* 32-bit boundary values */
    0, 1, 0x7fffffff, 0x80000000, 0xffffffff,
};

static void section(const char *name)
{
    printf("\n== %s ==\n", name);
}

/* ---- add/sub with flags ----------------------------------------------- */

#define ASX(INS, A_, B_, FI_, R_, F_)                                        \
    __asm__ volatile("msr nzcv, %[fi]\n\t" INS " %[r], %[a], %[b]\n\t"      \
                     "mrs %[f], nzcv"                                        \
                     : [r] "=&r"(R_), [f] "=&r"(F_)                          \
                     : [a] "r"(A_), [b] "r"(B_), [fi] "r"(FI_) : "cc")
#define ASW(INS, A_, B_, FI_, R_, F_)                                        \
    __asm__ volatile("msr nzcv, %[fi]\n\t" INS " %w[r], %w[a], %w[b]\n\t"   \
                     "mrs %[f], nzcv"                                        \
                     : [r] "=&r"(R_), [f] "=&r"(F_)                          \
                     : [a] "r"(A_), [b] "r"(B_), [fi] "r"(FI_) : "cc")

#define DEF_AS(name, INS)                                                    \
    static void t_##name(u64 fin)                                            \
    {                                                                        \
        for (unsigned i = 0; i < ARRAY_SIZE(xb); i++)                        \
            for (unsigned j = 0; j < ARRAY_SIZE(xb); j++) {                  \
                u64 r, f;                                                    \
                ASX(INS, xb[i], xb[j], fin, r, f);                           \
                printf("%-5s x in=%s 0x%016lx 0x%016lx -> 0x%016lx ", INS,   \
                       nzcv_str(fin), xb[i], xb[j], r);                      \
                printf("%s\n", nzcv_str(f));                                 \
            }                                                                \
        for (unsigned i = 0; i < ARRAY_SIZE(wb); i++)                        \
            for (unsigned j = 0; j < ARRAY_SIZE(wb); j++) {                  \
                u64 r, f;                                                    \
                ASW(INS, wb[i], wb[j], fin, r, f);                           \
                printf("%-5s w in=%s 0x%08lx 0x%08lx -> 0x%016lx ", INS,     \
                       nzcv_str(fin), wb[i], wb[j], r);                      \
                printf("%s\n", nzcv_str(f));                                 \
            }                                                                \
    }

DEF_AS(adds, "adds")
DEF_AS(subs, "subs")
DEF_AS(adcs, "adcs")
DEF_AS(sbcs, "sbcs")
DEF_AS(add, "add")
DEF_AS(sub, "sub")
DEF_AS(adc, "adc")
DEF_AS(sbc, "sbc")

static void test_addsub(void)
{
    section("ADDS/SUBS (flags in = ----)");
    t_adds(0);
    t_subs(0);
    section("ADCS/SBCS with C=0 and C=1");
    t_adcs(0);
    t_adcs(NZCV_C);
    t_sbcs(0);
    t_sbcs(NZCV_C);
    section("ADD/SUB/ADC/SBC preserve flags");
    t_add(NZCV_N | NZCV_V);
    t_sub(NZCV_Z | NZCV_C);
    t_adc(NZCV_C | NZCV_N);
    t_sbc(NZCV_Z);
    t_sbc(NZCV_C | NZCV_V);
}

/* ---- add/sub immediate, shifted and extended register ------------------ */

#define R1(INS, A_, R_, F_)                                                  \
    __asm__ volatile("msr nzcv, xzr\n\t" INS "\n\tmrs %[f], nzcv"            \
                     : [r] "=&r"(R_), [f] "=&r"(F_) : [a] "r"(A_) : "cc")
#define R2(INS, A_, B_, R_, F_)                                              \
    __asm__ volatile("msr nzcv, xzr\n\t" INS "\n\tmrs %[f], nzcv"            \
                     : [r] "=&r"(R_), [f] "=&r"(F_) : [a] "r"(A_), [b] "r"(B_) \
                     : "cc")
#define SHOW1(INS, A_)                                                       \
    do {                                                                     \
        u64 r_, f_, a_ = (A_);                                               \
        R1(INS, a_, r_, f_);                                                 \
        printf("%-34s a=0x%016lx -> 0x%016lx ", INS, a_, r_);                \
        printf("%s\n", nzcv_str(f_));                                        \
    } while (0)
#define SHOW2(INS, A_, B_)                                                   \
    do {                                                                     \
        u64 r_, f_, a_ = (A_), b_ = (B_);                                    \
        R2(INS, a_, b_, r_, f_);                                             \
        printf("%-38s a=0x%016lx b=0x%016lx -> 0x%016lx ", INS, a_, b_, r_); \
        printf("%s\n", nzcv_str(f_));                                        \
    } while (0)

static void test_addsub_forms(void)
{
    section("ADD/SUB immediate");
    static const u64 v[] = { 0, 0xfff, 0x1000, 0xfffffffffffff000UL,
                             0x7ffffffffffff000UL, 0xffffffff, 0x80000000 };
    for (unsigned i = 0; i < ARRAY_SIZE(v); i++) {
        u64 a = v[i];
        SHOW1("adds %x[r], %x[a], #0xfff", a);
        SHOW1("adds %x[r], %x[a], #0xfff, lsl #12", a);
        SHOW1("subs %x[r], %x[a], #1", a);
        SHOW1("subs %x[r], %x[a], #0x1, lsl #12", a);
        SHOW1("adds %w[r], %w[a], #0x800", a);
        SHOW1("subs %w[r], %w[a], #0xfff, lsl #12", a);
        SHOW1("cmp %x[a], #0x1000\n\tcset %x[r], hi", a);
        SHOW1("cmn %w[a], #1\n\tcset %w[r], eq", a);
        SHOW1("add %x[r], %x[a], #4095", a);
        SHOW1("sub %w[r], %w[a], #4095", a);
    }

    section("ADD/SUB with SP");
    {
        u64 r1, r2, r3;
        __asm__ volatile("mov %0, sp\n\t"
                         "sub sp, sp, #0x120\n\t"
                         "add %1, sp, #0x20\n\t"
                         "add sp, sp, #0x120\n\t"
                         "mov %2, sp\n\t"
                         : "=&r"(r1), "=&r"(r2), "=&r"(r3));
        printf("sp delta checks: (sp-0x120+0x20) - sp = %ld, restored %s\n",
               (i64)(r2 - r1), r1 == r3 ? "yes" : "NO");
        u64 a = 0x10, b = 0xffffffffffffffe0UL, r;
        __asm__ volatile("mov x9, sp\n\t"
                         "mov sp, %1\n\t"
                         "add %0, sp, %w2, uxtw #2\n\t"   /* extended form w/ SP */
                         "mov sp, x9\n\t"
                         : "=&r"(r) : "r"(a), "r"(b) : "x9");
        printf("add x, sp(=0x10), w(0xffffffe0), uxtw #2 -> 0x%016lx\n", r);
        __asm__ volatile("mov x9, sp\n\t"
                         "mov sp, %1\n\t"
                         "sub %0, sp, %w2, sxtw #1\n\t"
                         "mov sp, x9\n\t"
                         : "=&r"(r) : "r"(a), "r"(b) : "x9");
        printf("sub x, sp(=0x10), w(0xffffffe0), sxtw #1 -> 0x%016lx\n", r);
    }

    section("ADD/SUB shifted register");
    static const u64 s[][2] = {
        { 0x0123456789abcdefUL, 0xfedcba9876543210UL },
        { 0x7fffffffffffffffUL, 0x8000000000000001UL },
        { 0, 0xffffffffffffffffUL },
    };
    for (unsigned i = 0; i < ARRAY_SIZE(s); i++) {
        u64 a = s[i][0], b = s[i][1];
        SHOW2("adds %x[r], %x[a], %x[b], lsl #1", a, b);
        SHOW2("adds %x[r], %x[a], %x[b], lsl #63", a, b);
        SHOW2("adds %x[r], %x[a], %x[b], lsr #4", a, b);
        SHOW2("adds %x[r], %x[a], %x[b], asr #63", a, b);
        SHOW2("subs %x[r], %x[a], %x[b], asr #7", a, b);
        SHOW2("subs %x[r], %x[a], %x[b], lsr #32", a, b);
        SHOW2("adds %w[r], %w[a], %w[b], lsl #31", a, b);
        SHOW2("subs %w[r], %w[a], %w[b], asr #31", a, b);
        SHOW2("add %w[r], %w[a], %w[b], lsr #16", a, b);
        SHOW2("neg %x[r], %x[b], lsl #3", a, b);
        SHOW2("negs %x[r], %x[b]", a, b);
        SHOW2("negs %w[r], %w[b]", a, b);
        SHOW2("cmp %x[a], %x[b]\n\tcset %x[r], lt", a, b);
        SHOW2("cmn %w[a], %w[b]\n\tcset %x[r], vs", a, b);
    }
    section("NGC/NGCS");
    for (unsigned i = 0; i < ARRAY_SIZE(xb); i++) {
        u64 b = xb[i];
        SHOW2("ngcs %x[r], %x[b]", 0, b);
        SHOW2("cmp xzr, xzr\n\tngcs %x[r], %x[b]", 0, b);
        SHOW2("ngc %w[r], %w[b]", 0, b);
        SHOW2("cmp xzr, xzr\n\tngcs %w[r], %w[b]", 0, b);
    }

    section("ADD/SUB extended register");
    static const u64 e[][2] = {
        { 0x1000, 0x00000000000000ffUL },
        { 0x1000, 0x0000000000008080UL },
        { 0x1000, 0x00000000800000f0UL },
        { 0x8000000000000000UL, 0xffffffffffffffffUL },
    };
    for (unsigned i = 0; i < ARRAY_SIZE(e); i++) {
        u64 a = e[i][0], b = e[i][1];
        SHOW2("adds %x[r], %x[a], %w[b], uxtb", a, b);
        SHOW2("adds %x[r], %x[a], %w[b], uxth #1", a, b);
        SHOW2("adds %x[r], %x[a], %w[b], uxtw #2", a, b);
        SHOW2("adds %x[r], %x[a], %x[b], uxtx #3", a, b);
        SHOW2("adds %x[r], %x[a], %w[b], sxtb", a, b);
        SHOW2("adds %x[r], %x[a], %w[b], sxth #4", a, b);
        SHOW2("subs %x[r], %x[a], %w[b], sxtw", a, b);
        SHOW2("subs %x[r], %x[a], %x[b], sxtx #1", a, b);
        SHOW2("add %w[r], %w[a], %w[b], sxtb #2", a, b);
        SHOW2("sub %w[r], %w[a], %w[b], uxth", a, b);
        SHOW2("cmp %x[a], %w[b], sxtw\n\tcset %x[r], ge", a, b);
    }
}

/* ---- logical ------------------------------------------------------------ */

#define LOGI_X(imm)                                                          \
    do {                                                                     \
        u64 a = 0x0123456789abcdefUL, r1, r2, r3, r4, f, r5, f5;             \
        __asm__ volatile("and %0, %1, #" #imm : "=r"(r1) : "r"(a));          \
        __asm__ volatile("orr %0, %1, #" #imm : "=r"(r2) : "r"(a));          \
        __asm__ volatile("eor %0, %1, #" #imm : "=r"(r3) : "r"(a));          \
        __asm__ volatile("msr nzcv, xzr\n\tands %0, %2, #" #imm              \
                         "\n\tmrs %1, nzcv"                                  \
                         : "=&r"(r4), "=&r"(f) : "r"(a) : "cc");             \
        __asm__ volatile("msr nzcv, xzr\n\tands %0, %2, #" #imm              \
                         "\n\tmrs %1, nzcv"                                  \
                         : "=&r"(r5), "=&r"(f5) : "r"(~a) : "cc");           \
        printf("x #0x%016lx and=0x%016lx orr=0x%016lx eor=0x%016lx",         \
               (u64)(imm), r1, r2, r3);                                      \
        printf(" ands=0x%016lx %s", r4, nzcv_str(f));                        \
        printf(" ands~=0x%016lx %s\n", r5, nzcv_str(f5));                    \
    } while (0)

#define LOGI_W(imm)                                                          \
    do {                                                                     \
        u64 a = 0x0123456789abcdefUL, r1, r2, r3, r4, f, r5, f5;             \
        __asm__ volatile("and %w0, %w1, #" #imm : "=r"(r1) : "r"(a));        \
        __asm__ volatile("orr %w0, %w1, #" #imm : "=r"(r2) : "r"(a));        \
        __asm__ volatile("eor %w0, %w1, #" #imm : "=r"(r3) : "r"(a));        \
        __asm__ volatile("msr nzcv, xzr\n\tands %w0, %w2, #" #imm            \
                         "\n\tmrs %1, nzcv"                                  \
                         : "=&r"(r4), "=&r"(f) : "r"(a) : "cc");             \
        __asm__ volatile("msr nzcv, xzr\n\tands %w0, %w2, #" #imm            \
                         "\n\tmrs %1, nzcv"                                  \
                         : "=&r"(r5), "=&r"(f5) : "r"(~a) : "cc");           \
        printf("w #0x%08lx and=0x%016lx orr=0x%016lx eor=0x%016lx",          \
               (u64)(imm), r1, r2, r3);                                      \
        printf(" ands=0x%016lx %s", r4, nzcv_str(f));                        \
        printf(" ands~=0x%016lx %s\n", r5, nzcv_str(f5));                    \
    } while (0)

static void test_logical(void)
{
    section("logical immediate (bitmask patterns), a=0x0123456789abcdef");
    LOGI_X(0x5555555555555555);
    LOGI_X(0xaaaaaaaaaaaaaaaa);
    LOGI_X(0x3333333333333333);
    LOGI_X(0xcccccccccccccccc);
    LOGI_X(0x6666666666666666);
    LOGI_X(0x1111111111111111);
    LOGI_X(0x8888888888888888);
    LOGI_X(0x0f0f0f0f0f0f0f0f);
    LOGI_X(0xf0f0f0f0f0f0f0f0);
    LOGI_X(0x0101010101010101);
    LOGI_X(0x8080808080808080);
    LOGI_X(0x7f7f7f7f7f7f7f7f);
    LOGI_X(0xe7e7e7e7e7e7e7e7);
    LOGI_X(0x00ff00ff00ff00ff);
    LOGI_X(0xff00ff00ff00ff00);
    LOGI_X(0x0ff00ff00ff00ff0);
    LOGI_X(0x0000ffff0000ffff);
    LOGI_X(0xffff0000ffff0000);
    LOGI_X(0x0003fffc0003fffc);
    LOGI_X(0x00000000ffffffff);
    LOGI_X(0xffffffff00000000);
    LOGI_X(0x3fffffffc0000000);
    LOGI_X(0x0000000000000001);
    LOGI_X(0x8000000000000000);
    LOGI_X(0x7fffffffffffffff);
    LOGI_X(0xfffffffffffffffe);
    LOGI_X(0xc000000000000001);
    LOGI_X(0x0000000000ff0000);
    LOGI_X(0x0ffffffffffffff0);
    LOGI_X(0xfffffffffffff000);
    LOGI_W(0x55555555);
    LOGI_W(0xaaaaaaaa);
    LOGI_W(0x0f0f0f0f);
    LOGI_W(0x3c3c3c3c);
    LOGI_W(0x00ff00ff);
    LOGI_W(0x0ff00ff0);
    LOGI_W(0x0000ffff);
    LOGI_W(0xffff0000);
    LOGI_W(0x00000001);
    LOGI_W(0x80000000);
    LOGI_W(0x7fffffff);
    LOGI_W(0xfffffffe);
    LOGI_W(0xc0000001);
    LOGI_W(0xefffffff);
    LOGI_W(0x11111111);

    section("logical shifted register");
    static const u64 s[][2] = {
        { 0x0123456789abcdefUL, 0xfedcba9876543210UL },
        { 0xffffffffffffffffUL, 0x8000000000000001UL },
        { 0x00000000ffffffffUL, 0x00000000ffffffffUL },
    };
    for (unsigned i = 0; i < ARRAY_SIZE(s); i++) {
        u64 a = s[i][0], b = s[i][1];
        SHOW2("and %x[r], %x[a], %x[b]", a, b);
        SHOW2("and %x[r], %x[a], %x[b], ror #4", a, b);
        SHOW2("bic %x[r], %x[a], %x[b], lsl #8", a, b);
        SHOW2("orr %x[r], %x[a], %x[b], lsr #60", a, b);
        SHOW2("orn %x[r], %x[a], %x[b], asr #63", a, b);
        SHOW2("eor %x[r], %x[a], %x[b], ror #63", a, b);
        SHOW2("eon %x[r], %x[a], %x[b]", a, b);
        SHOW2("ands %x[r], %x[a], %x[b]", a, b);
        SHOW2("ands %x[r], %x[a], %x[b], lsr #1", a, b);
        SHOW2("bics %x[r], %x[a], %x[b]", a, b);
        SHOW2("bics %x[r], %x[a], %x[a]", a, b);
        SHOW2("and %w[r], %w[a], %w[b], ror #31", a, b);
        SHOW2("orn %w[r], %w[a], %w[b], asr #3", a, b);
        SHOW2("eon %w[r], %w[a], %w[b], lsl #31", a, b);
        SHOW2("ands %w[r], %w[a], %w[b]", a, b);
        SHOW2("bics %w[r], %w[a], %w[b], lsr #2", a, b);
        SHOW2("mvn %x[r], %x[b]", a, b);
        SHOW2("mvn %w[r], %w[b], ror #8", a, b);
        SHOW2("tst %x[a], %x[b]\n\tcset %x[r], ne", a, b);
        SHOW2("tst %w[a], #0x80000000\n\tcset %x[r], mi", a, b);
    }
}

/* ---- move wide, ADR/ADRP ------------------------------------------------ */

u64 data_word __attribute__((used)) = 0x1122334455667788UL;

static void test_movewide(void)
{
    section("MOVZ/MOVN/MOVK");
    u64 r[8];
    __asm__ volatile("movz %0, #0x1234\n\t"
                     "movz %1, #0x1234, lsl #16\n\t"
                     "movz %2, #0x1234, lsl #32\n\t"
                     "movz %3, #0xffff, lsl #48\n\t"
                     "movn %4, #0x1234\n\t"
                     "movn %5, #0x1234, lsl #16\n\t"
                     "movn %6, #0x0, lsl #32\n\t"
                     "movn %7, #0xffff, lsl #48\n\t"
                     : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]),
                       "=&r"(r[4]), "=&r"(r[5]), "=&r"(r[6]), "=&r"(r[7]));
    for (int i = 0; i < 8; i++)
        printf("x movz/movn[%d] = 0x%016lx\n", i, r[i]);
    __asm__ volatile("mov %0, #-1\n\tmovk %0, #0xaaaa\n\t"
                     "mov %1, #-1\n\tmovk %1, #0xbbbb, lsl #16\n\t"
                     "mov %2, #-1\n\tmovk %2, #0xcccc, lsl #32\n\t"
                     "mov %3, #-1\n\tmovk %3, #0xdddd, lsl #48\n\t"
                     "movz %4, #0xdef0\n\tmovk %4, #0x9abc, lsl #16\n\t"
                     "movk %4, #0x5678, lsl #32\n\tmovk %4, #0x1234, lsl #48\n\t"
                     "movz %w5, #0x8000, lsl #16\n\t"
                     "movn %w6, #0x1\n\t"
                     "mov %7, #-1\n\tmovk %w7, #0x4321, lsl #16\n\t"
                     : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]),
                       "=&r"(r[4]), "=&r"(r[5]), "=&r"(r[6]), "=&r"(r[7]));
    for (int i = 0; i < 8; i++)
        printf("x movk/w forms[%d] = 0x%016lx\n", i, r[i]);

    section("ADR/ADRP");
    u64 a1, a2, a3, a4, here;
    __asm__ volatile("0: adr %0, 0b\n\t"
                     "adr %1, 1f\n\t"
                     "adr %2, 0b - 0x1000\n\t"
                     "adrp %3, data_word\n\t"
                     "adrp %4, 0b\n\t"
                     "b 2f\n"
                     "1: nop\n"
                     "2:\n"
                     : "=&r"(here), "=&r"(a1), "=&r"(a2), "=&r"(a3), "=&r"(a4));
    printf("adr  here         = 0x%016lx\n", here);
    printf("adr  fwd - here   = 0x%lx\n", a1 - here);
    printf("adr  here-0x1000  = 0x%016lx\n", a2);
    printf("adrp data_word    = 0x%016lx (sym 0x%016lx)\n", a3, (u64)&data_word);
    printf("adrp here         = 0x%016lx\n", a4);
}

/* ---- bitfield, extract --------------------------------------------------- */

static const u64 bfv[] = { 0x0123456789abcdefUL, 0xfedcba9876543210UL,
                           0x8000000000000001UL };

#define BF(INS)                                                              \
    do {                                                                     \
        for (unsigned i = 0; i < ARRAY_SIZE(bfv); i++) {                     \
            u64 r = 0x5a5a5a5a5a5a5a5aUL;                                    \
            __asm__ volatile(INS : "+r"(r) : "r"(bfv[i]));                   \
            printf("%-28s 0x%016lx -> 0x%016lx\n", INS, bfv[i], r);          \
        }                                                                    \
    } while (0)

static void test_bitfield(void)
{
    section("bitfield (dst starts as 0x5a5a5a5a5a5a5a5a)");
    BF("ubfx %0, %1, #0, #8");
    BF("ubfx %0, %1, #60, #4");
    BF("ubfx %0, %1, #4, #60");
    BF("ubfx %0, %1, #0, #64");
    BF("sbfx %0, %1, #0, #8");
    BF("sbfx %0, %1, #63, #1");
    BF("sbfx %0, %1, #8, #56");
    BF("sbfx %0, %1, #31, #2");
    BF("bfi %0, %1, #0, #8");
    BF("bfi %0, %1, #60, #4");
    BF("bfi %0, %1, #8, #48");
    BF("bfxil %0, %1, #4, #8");
    BF("bfxil %0, %1, #63, #1");
    BF("bfm %0, xzr, #60, #55");          /* BFC #4, #56 */
    BF("ubfiz %0, %1, #4, #8");
    BF("sbfiz %0, %1, #60, #4");
    BF("sbfiz %0, %1, #1, #63");
    BF("lsl %0, %1, #1");
    BF("lsl %0, %1, #63");
    BF("lsr %0, %1, #1");
    BF("lsr %0, %1, #63");
    BF("asr %0, %1, #1");
    BF("asr %0, %1, #63");
    BF("sxtb %0, %w1");
    BF("sxth %0, %w1");
    BF("sxtw %0, %w1");
    BF("uxtb %w0, %w1");
    BF("uxth %w0, %w1");
    BF("ubfm %0, %1, #8, #3");
    BF("sbfm %0, %1, #60, #7");
    BF("bfm %0, %1, #62, #5");
    BF("bfm %0, %1, #3, #40");
    BF("ubfx %w0, %w1, #0, #8");
    BF("ubfx %w0, %w1, #28, #4");
    BF("sbfx %w0, %w1, #28, #4");
    BF("sbfx %w0, %w1, #0, #32");
    BF("bfi %w0, %w1, #28, #4");
    BF("bfi %w0, %w1, #0, #32");
    BF("bfxil %w0, %w1, #16, #16");
    BF("lsl %w0, %w1, #31");
    BF("lsr %w0, %w1, #31");
    BF("asr %w0, %w1, #31");
    BF("asr %w0, %w1, #7");
    BF("sxtb %w0, %w1");
    BF("sxth %w0, %w1");
    BF("ubfm %w0, %w1, #8, #3");
    BF("sbfm %w0, %w1, #30, #1");
    BF("bfm %w0, %w1, #31, #30");

    section("EXTR / ROR immediate");
    static const u64 p[][2] = {
        { 0x0123456789abcdefUL, 0xfedcba9876543210UL },
        { 0xffffffff00000000UL, 0x00000000ffffffffUL },
    };
    for (unsigned i = 0; i < ARRAY_SIZE(p); i++) {
        u64 a = p[i][0], b = p[i][1];
        SHOW2("extr %x[r], %x[a], %x[b], #0", a, b);
        SHOW2("extr %x[r], %x[a], %x[b], #1", a, b);
        SHOW2("extr %x[r], %x[a], %x[b], #8", a, b);
        SHOW2("extr %x[r], %x[a], %x[b], #32", a, b);
        SHOW2("extr %x[r], %x[a], %x[b], #63", a, b);
        SHOW2("extr %w[r], %w[a], %w[b], #0", a, b);
        SHOW2("extr %w[r], %w[a], %w[b], #1", a, b);
        SHOW2("extr %w[r], %w[a], %w[b], #16", a, b);
        SHOW2("extr %w[r], %w[a], %w[b], #31", a, b);
        SHOW2("ror %x[r], %x[a], #12", a, b);
        SHOW2("ror %w[r], %w[b], #20", a, b);
    }
}

/* ---- shifts by register -------------------------------------------------- */

#define SHV(INS, a, amt, r)                                                  \
    __asm__ volatile(INS : "=r"(r) : "r"(a), "r"(amt))

static void test_shiftv(void)
{
    section("LSLV/LSRV/ASRV/RORV");
    static const u64 amts[] = { 0, 1, 4, 31, 32, 33, 63, 64, 65, 127, 128, 255,
                                0xffffffffffffffffUL, 0x8000000000000020UL };
    static const u64 vals[] = { 0x8123456789abcdefUL, 0x00000000f0000001UL };
    for (unsigned v = 0; v < ARRAY_SIZE(vals); v++)
        for (unsigned i = 0; i < ARRAY_SIZE(amts); i++) {
            u64 a = vals[v], s = amts[i], r1, r2, r3, r4;
            SHV("lslv %0, %1, %2", a, s, r1);
            SHV("lsrv %0, %1, %2", a, s, r2);
            SHV("asrv %0, %1, %2", a, s, r3);
            SHV("rorv %0, %1, %2", a, s, r4);
            printf("x 0x%016lx by 0x%016lx: lsl=0x%016lx lsr=0x%016lx", a, s,
                   r1, r2);
            printf(" asr=0x%016lx ror=0x%016lx\n", r3, r4);
            SHV("lslv %w0, %w1, %w2", a, s, r1);
            SHV("lsrv %w0, %w1, %w2", a, s, r2);
            SHV("asrv %w0, %w1, %w2", a, s, r3);
            SHV("rorv %w0, %w1, %w2", a, s, r4);
            printf("w 0x%08lx by 0x%08lx: lsl=0x%08lx lsr=0x%08lx", a & 0xffffffff,
                   s & 0xffffffff, r1, r2);
            printf(" asr=0x%08lx ror=0x%08lx\n", r3, r4);
        }
}

/* ---- multiply / divide --------------------------------------------------- */

static const u64 mv[] = { 0, 1, 0xffffffffffffffffUL, 0x8000000000000000UL,
                          0x7fffffffffffffffUL, 0x123456789abcdef0UL,
                          0x00000000ffffffffUL, 0x0000000080000000UL };

static void test_mul(void)
{
    section("MADD/MSUB/SMULH/UMULH (acc=0x1111111111111111)");
    u64 acc = 0x1111111111111111UL;
    for (unsigned i = 0; i < ARRAY_SIZE(mv); i++)
        for (unsigned j = 0; j < ARRAY_SIZE(mv); j++) {
            u64 a = mv[i], b = mv[j], r1, r2, r3, r4, r5;
            __asm__ volatile("madd %0, %1, %2, %3" : "=r"(r1) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("msub %0, %1, %2, %3" : "=r"(r2) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("smulh %0, %1, %2" : "=r"(r3) : "r"(a), "r"(b));
            __asm__ volatile("umulh %0, %1, %2" : "=r"(r4) : "r"(a), "r"(b));
            __asm__ volatile("mneg %0, %1, %2" : "=r"(r5) : "r"(a), "r"(b));
            printf("x %016lx * %016lx: madd=%016lx msub=%016lx", a, b, r1, r2);
            printf(" smulh=%016lx umulh=%016lx mneg=%016lx\n", r3, r4, r5);
        }
    section("W MADD/MSUB and SMADDL/UMADDL/SMSUBL/UMSUBL (acc=0x1111111111111111)");
    for (unsigned i = 0; i < ARRAY_SIZE(mv); i++)
        for (unsigned j = 0; j < ARRAY_SIZE(mv); j++) {
            u64 a = mv[i] ^ (mv[i] >> 32), b = mv[j] ^ (mv[j] >> 29);
            u64 r1, r2, r3, r4, r5, r6, r7;
            __asm__ volatile("madd %w0, %w1, %w2, %w3" : "=r"(r1) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("msub %w0, %w1, %w2, %w3" : "=r"(r2) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("smaddl %0, %w1, %w2, %3" : "=r"(r3) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("umaddl %0, %w1, %w2, %3" : "=r"(r4) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("smsubl %0, %w1, %w2, %3" : "=r"(r5) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("umsubl %0, %w1, %w2, %3" : "=r"(r6) : "r"(a), "r"(b), "r"(acc));
            __asm__ volatile("smull %0, %w1, %w2" : "=r"(r7) : "r"(a), "r"(b));
            printf("w %08lx * %08lx: madd=%08lx msub=%08lx smaddl=%016lx",
                   a & 0xffffffff, b & 0xffffffff, r1, r2, r3);
            printf(" umaddl=%016lx smsubl=%016lx umsubl=%016lx smull=%016lx\n",
                   r4, r5, r6, r7);
        }
}

static void test_div(void)
{
    section("UDIV/SDIV");
    static const u64 dv[] = { 0, 1, 2, 7, 0xffffffffffffffffUL,
                              0xfffffffffffffff9UL, 0x8000000000000000UL,
                              0x7fffffffffffffffUL, 0x123456789abcdef0UL,
                              0x0000000080000000UL, 0x00000000ffffffffUL };
    for (unsigned i = 0; i < ARRAY_SIZE(dv); i++)
        for (unsigned j = 0; j < ARRAY_SIZE(dv); j++) {
            u64 a = dv[i], b = dv[j], r1, r2, r3, r4;
            u64 aw = a ? a : 0, bw = b;
            if (a == 0x8000000000000000UL) aw = 0x80000000;   /* W INT_MIN */
            if (b == 0x8000000000000000UL) bw = 0x80000000;
            __asm__ volatile("udiv %0, %1, %2" : "=r"(r1) : "r"(a), "r"(b));
            __asm__ volatile("sdiv %0, %1, %2" : "=r"(r2) : "r"(a), "r"(b));
            __asm__ volatile("udiv %w0, %w1, %w2" : "=r"(r3) : "r"(aw), "r"(bw));
            __asm__ volatile("sdiv %w0, %w1, %w2" : "=r"(r4) : "r"(aw), "r"(bw));
            printf("x %016lx / %016lx: udiv=%016lx sdiv=%016lx", a, b, r1, r2);
            printf(" | w %08lx / %08lx: udiv=%08lx sdiv=%08lx\n",
                   aw & 0xffffffff, bw & 0xffffffff, r3, r4);
        }
}

/* ---- bit counting / reversal ---------------------------------------------- */

static void test_bits(void)
{
    section("CLZ/CLS/RBIT/REV/REV16/REV32");
    static const u64 v[] = { 0, 1, 0xffffffffffffffffUL, 0x8000000000000000UL,
                             0x7fffffffffffffffUL, 0x0123456789abcdefUL,
                             0x00000000ffff0000UL, 0x4000000000000000UL,
                             0xc000000000000000UL, 0x00000000c0000000UL,
                             0x0000000040000000UL, 0x000000000000ff00UL };
    for (unsigned i = 0; i < ARRAY_SIZE(v); i++) {
        u64 a = v[i], r[6];
        __asm__ volatile("clz %0, %1" : "=r"(r[0]) : "r"(a));
        __asm__ volatile("cls %0, %1" : "=r"(r[1]) : "r"(a));
        __asm__ volatile("rbit %0, %1" : "=r"(r[2]) : "r"(a));
        __asm__ volatile("rev %0, %1" : "=r"(r[3]) : "r"(a));
        __asm__ volatile("rev16 %0, %1" : "=r"(r[4]) : "r"(a));
        __asm__ volatile("rev32 %0, %1" : "=r"(r[5]) : "r"(a));
        printf("x %016lx: clz=%ld cls=%ld rbit=%016lx rev=%016lx", a, r[0],
               r[1], r[2], r[3]);
        printf(" rev16=%016lx rev32=%016lx\n", r[4], r[5]);
        __asm__ volatile("clz %w0, %w1" : "=r"(r[0]) : "r"(a));
        __asm__ volatile("cls %w0, %w1" : "=r"(r[1]) : "r"(a));
        __asm__ volatile("rbit %w0, %w1" : "=r"(r[2]) : "r"(a));
        __asm__ volatile("rev %w0, %w1" : "=r"(r[3]) : "r"(a));
        __asm__ volatile("rev16 %w0, %w1" : "=r"(r[4]) : "r"(a));
        printf("w %08lx: clz=%ld cls=%ld rbit=%08lx rev=%08lx rev16=%08lx\n",
               a & 0xffffffff, r[0], r[1], r[2], r[3], r[4]);
    }
}

/* ---- conditional select / compare ----------------------------------------- */

#define FOR_CONDS(X) X(eq) X(ne) X(cs) X(cc) X(mi) X(pl) X(vs) X(vc) \
                     X(hi) X(ls) X(ge) X(lt) X(gt) X(le) X(al) X(nv)

static const char *const cond_names[16] = {
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
    "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

#define CSEL_ONE(INS, c)                                                     \
    __asm__ volatile("msr nzcv, %[fi]\n\t" INS " %w[r], %w[a], %w[b], " #c   \
                     "\n\tmrs %[f], nzcv"                                    \
                     : [r] "=&r"(res[k]), [f] "=&r"(fo)                      \
                     : [a] "r"(a), [b] "r"(b), [fi] "r"(fin) : "cc");        \
    if (fo != fin) bad++;                                                    \
    k++;

#define DEF_CSEL(name, INS)                                                  \
    static void t_##name(void)                                               \
    {                                                                        \
        u64 a = 0x10, b = 0x20, fo;                                          \
        int bad = 0;                                                         \
        for (u64 n = 0; n < 16; n++) {                                       \
            u64 fin = n << 28, res[16];                                      \
            int k = 0;                                                       \
            FOR_CONDS(CSEL_ONE_##name)                                       \
            printf("%-5s %s:", INS, nzcv_str(fin));                          \
            for (k = 0; k < 16; k++)                                         \
                printf(" %s=%lx", cond_names[k], res[k]);                    \
            printf("\n");                                                    \
        }                                                                    \
        printf("%s flags changed: %d\n", INS, bad);                          \
    }

#define CSEL_ONE_csel(c) CSEL_ONE("csel", c)
#define CSEL_ONE_csinc(c) CSEL_ONE("csinc", c)
#define CSEL_ONE_csinv(c) CSEL_ONE("csinv", c)
#define CSEL_ONE_csneg(c) CSEL_ONE("csneg", c)
DEF_CSEL(csel, "csel")
DEF_CSEL(csinc, "csinc")
DEF_CSEL(csinv, "csinv")
DEF_CSEL(csneg, "csneg")

/* B.cond with all 16 conditions: bit k set if branch k was taken. */
#define BCOND_ONE(c)                                                         \
    __asm__ volatile("msr nzcv, %[fi]\n\tmov %w[t], #0\n\t"                  \
                     "b." #c " 1f\n\tb 2f\n1:\tmov %w[t], #1\n2:"            \
                     : [t] "=&r"(t) : [fi] "r"(fin) : "cc");                 \
    mask |= t << k;                                                          \
    k++;

#define CCMP_ONE(INS, c, OPS)                                                \
    __asm__ volatile("msr nzcv, %[fi]\n\t" INS " " OPS ", " #c               \
                     "\n\tmrs %[f], nzcv"                                    \
                     : [f] "=&r"(fo) : [a] "r"(a), [b] "r"(b), [fi] "r"(fin) \
                     : "cc");                                                \
    printf(" %s", nzcv_str(fo));
#define CCMP_R(c) CCMP_ONE("ccmp", c, "%x[a], %x[b], #0b1001")
#define CCMP_I(c) CCMP_ONE("ccmp", c, "%w[a], #31, #0b0110")
#define CCMN_R(c) CCMP_ONE("ccmn", c, "%w[a], %w[b], #0b1111")
#define CCMN_I(c) CCMP_ONE("ccmn", c, "%x[a], #1, #0b0000")

static void test_cond(void)
{
    section("CSEL/CSINC/CSINV/CSNEG, all 16 conditions x 16 NZCV (a=0x10 b=0x20)");
    t_csel();
    t_csinc();
    t_csinv();
    t_csneg();

    section("CSET/CSETM/CINC/CINV/CNEG aliases");
    for (u64 n = 0; n < 16; n++) {
        u64 fin = n << 28, r1, r2, r3, r4, r5, a = 0x7fffffff;
        __asm__ volatile("msr nzcv, %5\n\t"
                         "cset %0, hi\n\t"
                         "csetm %w1, lt\n\t"
                         "cinc %w2, %w6, ge\n\t"
                         "cinv %3, %6, vs\n\t"
                         "cneg %4, %6, ls\n\t"
                         : "=&r"(r1), "=&r"(r2), "=&r"(r3), "=&r"(r4), "=&r"(r5)
                         : "r"(fin), "r"(a) : "cc");
        printf("%s: cset.hi=%lx csetm.lt=%lx cinc.ge=%lx cinv.vs=%lx cneg.ls=%lx\n",
               nzcv_str(fin), r1, r2, r3, r4, r5);
    }

    section("B.cond, all 16 conditions (bit k = cond k taken)");
    for (u64 n = 0; n < 16; n++) {
        u64 fin = n << 28, mask = 0, t;
        int k = 0;
        FOR_CONDS(BCOND_ONE)
        printf("%s: taken mask=0x%04lx\n", nzcv_str(fin), mask);
    }

    section("CCMP/CCMN, all 16 conditions (flags out per cond)");
    static const u64 ops[][2] = {
        { 5, 5 }, { 5, 7 }, { 0x8000000000000000UL, 1 },
        { 0xffffffffffffffffUL, 1 }, { 31, 0x7fffffff },
    };
    for (unsigned o = 0; o < ARRAY_SIZE(ops); o++) {
        u64 a = ops[o][0], b = ops[o][1], fo;
        for (u64 n = 0; n < 16; n += 5) {
            u64 fin = n << 28;
            printf("ccmp x a=%lx b=%lx #1001 in=%s:", a, b, nzcv_str(fin));
            FOR_CONDS(CCMP_R)
            printf("\nccmp w a=%lx #31 #0110  in=%s:", a, nzcv_str(fin));
            FOR_CONDS(CCMP_I)
            printf("\nccmn w a=%lx b=%lx #1111 in=%s:", a, b, nzcv_str(fin));
            FOR_CONDS(CCMN_R)
            printf("\nccmn x a=%lx #1 #0000   in=%s:", a, nzcv_str(fin));
            FOR_CONDS(CCMN_I)
            printf("\n");
        }
    }

    section("CBZ/CBNZ/TBZ/TBNZ");
    static const u64 tv[] = { 0, 1, 0x8000000000000000UL, 0x0000000100000000UL,
                              0x0000000080000000UL };
    for (unsigned i = 0; i < ARRAY_SIZE(tv); i++) {
        u64 a = tv[i], m;
        __asm__ volatile("mov %0, #0\n\t"
                         "cbz %1, 1f\n\torr %0, %0, #1\n1:\t"
                         "cbnz %1, 1f\n\torr %0, %0, #2\n1:\t"
                         "cbz %w1, 1f\n\torr %0, %0, #4\n1:\t"
                         "cbnz %w1, 1f\n\torr %0, %0, #8\n1:\t"
                         "tbz %1, #63, 1f\n\torr %0, %0, #16\n1:\t"
                         "tbnz %1, #63, 1f\n\torr %0, %0, #32\n1:\t"
                         "tbz %w1, #31, 1f\n\torr %0, %0, #64\n1:\t"
                         "tbnz %1, #32, 1f\n\torr %0, %0, #128\n1:\t"
                         "tbz %1, #0, 1f\n\torr %0, %0, #256\n1:\t"
                         : "=&r"(m) : "r"(a));
        printf("0x%016lx: fallthrough mask=0x%03lx\n", a, m);
    }
}

/* Checksum of a long mixed computation, to catch anything the tables miss. */
static void test_mix(void)
{
    section("mixed checksum");
    u64 x = 0x9e3779b97f4a7c15UL, acc = 0;
    for (int i = 0; i < 2000; i++) {
        u64 t, f;
        __asm__ volatile("adds %0, %2, %3\n\t"
                         "mrs %1, nzcv\n\t"
                         "eor %0, %0, %0, ror #17\n\t"
                         "umulh %1, %0, %2\n\t"
                         : "=&r"(t), "=&r"(f) : "r"(x), "r"(acc) : "cc");
        acc = (acc ^ t ^ f) * 0x100000001b3UL;
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        if (i % 400 == 399)
            printf("i=%d acc=0x%016lx\n", i, acc);
    }
}

int main(void)
{
    printf("int_edge: integer data-processing edge cases\n");
    test_addsub();
    test_addsub_forms();
    test_logical();
    test_movewide();
    test_bitfield();
    test_shiftv();
    test_mul();
    test_div();
    test_bits();
    test_cond();
    test_mix();
    printf("\nint_edge done\n");
    return 0;
}
