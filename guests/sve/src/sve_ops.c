/*
 * sve_ops.c - one pass over the SVE instruction inventory through arm_sve.h
 * (and inline asm where no intrinsic maps to one instruction).
 *
 * Part 1 (VL-independent lines): element-wise operations in WHILELT
 * strip-mined loops over odd-length arrays of random data (FP data includes
 * NaN, infinities, signed zeros and subnormals).  Merging forms use a second
 * data-dependent predicate so inactive lanes are stored too.  Integer and
 * min/max reductions are folded across strips, so they do not depend on VL;
 * FADDA is ordered and does not either.
 * Part 2 (lines marked VL-DEPENDENT): whole-vector permutes, predicate
 * permutes, FADDV's tree order, PTEST flags, non-faulting loads at the end
 * of RAM: their results depend on VL and are compared per VL.
 */
#include "guest.h"
#include <stdint.h>
#include <arm_sve.h>

#define N 301
static int8_t A8[N], B8[N], R8[N];
static int16_t A16[N], B16[N], R16[N];
static int32_t A32[N], B32[N], C32[N], R32[N], I32[N];
static int64_t A64[N], B64[N], C64[N], R64[N];
static float FA[N], FB[N], FC[N], FR[N];
static double DA[N], DB[N], DC[N], DR[N];
static __fp16 HA[N], HB[N], HR[N];
static uint32_t PERM[N];
static int32_t S3[3 * N], R3[3 * N];

static uint64_t lcg = 0x2545f4914f6cdd1dull;
static uint32_t rnd(void)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(lcg >> 32);
}
static uint64_t hash(const void *p, long n)
{
    const volatile uint8_t *q = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (long i = 0; i < n; i++) { h ^= q[i]; h *= 0x100000001b3ull; }
    return h;
}
static void report(const char *name, const void *p, long n)
{
    printf("%s %016lx\n", name, hash(p, n));
}
static void reportv(const char *name, const void *p, long n)
{
    printf("VL-DEPENDENT: %s %016lx\n", name, hash(p, n));
}

static float rndf(void)
{
    static const uint32_t special[] = { 0x7fc00000, 0xffc00001, 0x7f800000, 0xff800000,
                                        0x80000000, 0x00000000, 0x00000001, 0x807fffff,
                                        0x7f7fffff, 0x3f800000 };
    union { uint32_t u; float f; } x;
    uint32_t r = rnd();
    if ((r & 15) == 0) x.u = special[(r >> 4) % 10];
    else x.f = (float)(int32_t)(rnd() % 20001 - 10000) / (float)(1 + (rnd() % 97));
    return x.f;
}
static double rndd(void)
{
    uint32_t r = rnd();
    if ((r & 15) == 0) return (r & 16) ? -0.0 : 1e308 * 10.0 * ((r & 32) ? 1 : -1);
    return (double)(int32_t)rnd() / (double)(1 + (rnd() % 1013));
}

static void init(void)
{
    for (int i = 0; i < N; i++) {
        uint32_t r = rnd();
        A8[i] = (int8_t)r; B8[i] = (int8_t)(r >> 8);
        A16[i] = (int16_t)rnd(); B16[i] = (int16_t)((r & 3) ? rnd() : 0x8000);
        A32[i] = (int32_t)((r & 7) ? rnd() : 0x80000000u);
        B32[i] = (int32_t)rnd(); C32[i] = (int32_t)rnd() % 1000;
        if (B32[i] == 0) B32[i] = 7;
        A64[i] = (int64_t)(((uint64_t)rnd() << 32) | rnd());
        B64[i] = (int64_t)(((uint64_t)rnd() << 32) | rnd()) >> (rnd() % 40);
        if (B64[i] == 0) B64[i] = 3;
        C64[i] = (int64_t)(rnd() % 2000) - 1000;
        I32[i] = (int32_t)(rnd() % N);
        FA[i] = rndf(); FB[i] = rndf(); FC[i] = rndf();
        DA[i] = rndd(); DB[i] = rndd(); DC[i] = rndd();
        HA[i] = (__fp16)(FA[i] / 64.0f); HB[i] = (__fp16)(FB[i] / 64.0f);
        PERM[i] = i;
    }
    for (int i = N - 1; i > 0; i--) { uint32_t j = rnd() % (i + 1), t = PERM[i]; PERM[i] = PERM[j]; PERM[j] = t; }
    for (int i = 0; i < 3 * N; i++) S3[i] = (int32_t)rnd();
}

/* Element-wise loops: a, b, c loaded under pg; pm = c > 0 (a data-dependent merge predicate). */
#define LOOP(T, W, NAME, R, EXPR, A, B, C)                                                   \
    do {                                                                                     \
        for (int i = 0; i < N; i += svcnt##W()) {                                            \
            svbool_t pg = svwhilelt_b##T##_s32(i, N);                                        \
            svint##T##_t a = svld1_s##T(pg, A + i), b = svld1_s##T(pg, B + i);               \
            svint##T##_t c = svld1_s##T(pg, C + i);                                          \
            svbool_t pm = svcmpgt_n_s##T(pg, c, 0);                                          \
            (void)a; (void)b; (void)c; (void)pm;                                             \
            svst1_s##T(pg, R + i, (EXPR));                                                   \
        }                                                                                    \
        report(NAME, R, sizeof R);                                                           \
    } while (0)
#define L8(NAME, EXPR) LOOP(8, b, NAME, R8, EXPR, A8, B8, B8)
#define L16(NAME, EXPR) LOOP(16, h, NAME, R16, EXPR, A16, B16, A16)
#define L32(NAME, EXPR) LOOP(32, w, NAME, R32, EXPR, A32, B32, C32)
#define L64(NAME, EXPR) LOOP(64, d, NAME, R64, EXPR, A64, B64, C64)
#define U32(x) svreinterpret_u32_s32(x)
#define S32(x) svreinterpret_s32_u32(x)
#define U64(x) svreinterpret_u64_s64(x)
#define S64(x) svreinterpret_s64_u64(x)
#define U8(x) svreinterpret_u8_s8(x)
#define S8(x) svreinterpret_s8_u8(x)
#define U16(x) svreinterpret_u16_s16(x)
#define S16(x) svreinterpret_s16_u16(x)

static void integer_ops(void)
{
    printf("-- integer\n");
    L8("abs.b", svabs_s8_m(a, pg, b));
    L8("neg.b", svneg_s8_x(pg, b));
    L8("cnt.b", S8(svcnt_s8_z(pg, a)));
    L8("qadd.b", svqadd_s8(a, b));
    L8("uqsub.b", S8(svqsub_u8(U8(a), U8(b))));
    L8("uqadd.b#", S8(svqadd_n_u8(U8(a), 200)));
    L8("sqsub.b#", svqsub_n_s8(a, 100));
    L16("clz.h", S16(svclz_s16_m(U16(a), pm, b)));
    L16("cls.h", S16(svcls_s16_x(pg, a)));
    L16("sqsub.h", svqsub_s16(a, b));
    L16("uqadd.h", S16(svqadd_u16(U16(a), U16(b))));
    L16("mul.h", svmul_s16_m(pm, a, b));
    L16("sxtb.h", svextb_s16_m(a, pm, b));
    L16("uxtb.h", S16(svextb_u16_x(pg, U16(a))));
    L32("cnot.s", svcnot_s32_m(a, pm, b));
    L32("not.s", svnot_s32_x(pg, a));
    L32("sxth.s", svexth_s32_x(pg, a));
    L32("uxth.s", S32(svexth_u32_m(U32(a), pm, U32(b))));
    L32("smax.s", svmax_s32_m(pm, a, b));
    L32("smin.s", svmin_s32_x(pg, a, b));
    L32("umax.s", S32(svmax_u32_m(pm, U32(a), U32(b))));
    L32("umin.s", S32(svmin_u32_x(pg, U32(a), U32(b))));
    L32("smax.s#", svmax_n_s32_x(pg, a, -5));
    L32("umin.s#", S32(svmin_n_u32_x(pg, U32(a), 200)));
    L32("sabd.s", svabd_s32_m(pm, a, b));
    L32("uabd.s", S32(svabd_u32_x(pg, U32(a), U32(b))));
    L32("mla.s", svmla_s32_m(pm, c, a, b));
    L32("mls.s", svmls_s32_x(pg, c, a, b));
    L32("mad.s", svmad_s32_m(pm, a, b, c));
    L32("msb.s", svmsb_s32_x(pg, a, b, c));
    L32("sdiv.s", svdiv_s32_m(pm, a, b));
    L32("sdivr.s", svdivr_s32_x(pg, b, a));
    L32("udiv.s", S32(svdiv_u32_x(pg, U32(a), U32(c))));
    L32("smulh.s", svmulh_s32_m(pm, a, b));
    L32("umulh.s", S32(svmulh_u32_x(pg, U32(a), U32(b))));
    L32("asr.s#", svasr_n_s32_x(pg, a, 7));
    L32("lsl.s#", svlsl_n_s32_m(pm, a, 13));
    L32("lsr.s#", S32(svlsr_n_u32_x(pg, U32(a), 31)));
    L32("asr.s", svasr_s32_m(pm, a, svand_n_u32_x(pg, U32(c), 63)));
    L32("lsl.s", svlsl_s32_x(pg, a, svand_n_u32_x(pg, U32(b), 31)));
    L32("lsr.s", S32(svlsr_u32_m(pm, U32(a), svand_n_u32_x(pg, U32(b), 63))));
    L32("lslr.s", svlsl_s32_x(pg, c, svand_n_u32_x(pg, U32(a), 7)));
    L32("asrw.s", svasr_wide_s32_m(pm, a, svdup_n_u64(5)));
    L32("lslw.s", svlsl_wide_n_s32_x(pg, a, 33));
    L32("asrd.s", svasrd_n_s32_m(pm, a, 3));
    L32("and.s#", svand_n_s32_x(pg, a, 0xff00ff00));
    L32("orr.s#", svorr_n_s32_x(pg, a, 0x0f0f0f0f));
    L32("eor.s#", sveor_n_s32_x(pg, a, 0x7ffffffe));
    L32("bic.s", svbic_s32_m(pm, a, b));
    L32("sub.s#", svsub_n_s32_x(pg, a, 255));
    L32("subr.s#", svsubr_n_s32_x(pg, a, 77));
    L32("mul.s#", svmul_n_s32_x(pg, a, -3));
    L32("sqadd.s#", svqadd_n_s32(a, 0x7f00));
    L32("uqsub.s#", S32(svqsub_n_u32(U32(a), 0x200)));
    L32("dup.s", svdup_n_s32_m(a, pm, -42));
    L64("abs.d", svabs_s64_x(pg, a));
    L64("sxtw.d", svextw_s64_m(a, pm, b));
    L64("uxtw.d", S64(svextw_u64_x(pg, U64(a))));
    L64("sdiv.d", svdiv_s64_x(pg, a, b));
    L64("udivr.d", S64(svdivr_u64_m(pm, U64(b), U64(a))));
    L64("smulh.d", svmulh_s64_x(pg, a, b));
    L64("umulh.d", S64(svmulh_u64_m(pm, U64(a), U64(b))));
    L64("mla.d", svmla_s64_x(pg, c, a, b));
    L64("sqadd.d", svqadd_s64(a, b));
    L64("uqsub.d", S64(svqsub_u64(U64(a), U64(b))));
    L64("lsr.d", S64(svlsr_u64_x(pg, U64(a), svand_n_u64_x(pg, U64(b), 127))));
    L64("umax.d", S64(svmax_u64_x(pg, U64(a), U64(b))));
    L64("clz.d", S64(svclz_s64_x(pg, a)));
    L64("cnt.d", S64(svcnt_s64_x(pg, a)));
    L64("neg.d", svneg_s64_m(a, pm, b));
}

/* Compares: the result predicate as 0/1 elements, and the number of true lanes. */
#define CMP32(NAME, PEXPR)                                                                   \
    do {                                                                                     \
        uint64_t k = 0;                                                                      \
        for (int i = 0; i < N; i += svcntw()) {                                              \
            svbool_t pg = svwhilelt_b32_s32(i, N);                                           \
            svint32_t a = svld1_s32(pg, A32 + i), b = svld1_s32(pg, B32 + i);                 \
            svint32_t c = svld1_s32(pg, C32 + i);                                            \
            (void)a; (void)b; (void)c;                                                       \
            svbool_t p = (PEXPR);                                                            \
            k += svcntp_b32(pg, p);                                                          \
            svst1_s32(pg, R32 + i, svsel_s32(p, svdup_n_s32(1), svdup_n_s32(0)));            \
        }                                                                                    \
        printf("%s n=%lu %016lx\n", NAME, k, hash(R32, sizeof R32));                          \
    } while (0)
#define FCMP32(NAME, PEXPR)                                                                  \
    do {                                                                                     \
        uint64_t k = 0;                                                                      \
        for (int i = 0; i < N; i += svcntw()) {                                              \
            svbool_t pg = svwhilelt_b32_s32(i, N);                                           \
            svfloat32_t a = svld1_f32(pg, FA + i), b = svld1_f32(pg, FB + i);                 \
            (void)a; (void)b;                                                                \
            svbool_t p = (PEXPR);                                                            \
            k += svcntp_b32(pg, p);                                                          \
            svst1_s32(pg, R32 + i, svsel_s32(p, svdup_n_s32(1), svdup_n_s32(0)));            \
        }                                                                                    \
        printf("%s n=%lu %016lx\n", NAME, k, hash(R32, sizeof R32));                          \
    } while (0)

static void compare_ops(void)
{
    printf("-- compares\n");
    CMP32("cmpeq", svcmpeq_s32(pg, a, a));
    CMP32("cmpne", svcmpne_s32(pg, svand_n_s32_x(pg, a, 3), svand_n_s32_x(pg, b, 3)));
    CMP32("cmpgt", svcmpgt_s32(pg, a, b));
    CMP32("cmpge", svcmpge_s32(pg, c, svdup_n_s32(0)));
    CMP32("cmplt#", svcmplt_n_s32(pg, c, -7));
    CMP32("cmple#", svcmple_n_s32(pg, c, 15));
    CMP32("cmphi", svcmpgt_u32(pg, U32(a), U32(b)));
    CMP32("cmphs#", svcmpge_n_u32(pg, U32(c), 100));
    CMP32("cmplo#", svcmplt_n_u32(pg, U32(c), 50));
    CMP32("cmpls#", svcmple_n_u32(pg, U32(a), 127));
    CMP32("cmpeq.wide", svcmpeq_wide_s32(pg, c, svdup_n_s64(5)));
    CMP32("cmpgt.wide", svcmpgt_wide_s32(pg, a, svdup_n_s64(-1)));
    CMP32("cmplo.wide", svcmplt_wide_u32(pg, U32(a), svdup_n_u64(0x80000000u)));
    FCMP32("fcmeq", svcmpeq_f32(pg, a, b));
    FCMP32("fcmne", svcmpne_f32(pg, a, a));
    FCMP32("fcmgt", svcmpgt_f32(pg, a, b));
    FCMP32("fcmge", svcmpge_f32(pg, a, b));
    FCMP32("fcmlt0", svcmplt_n_f32(pg, a, 0.0f));
    FCMP32("fcmle0", svcmple_n_f32(pg, a, 0.0f));
    FCMP32("fcmeq0", svcmpeq_n_f32(pg, a, 0.0f));
    FCMP32("fcmuo", svcmpuo_f32(pg, a, b));
    FCMP32("facgt", svacgt_f32(pg, a, b));
    FCMP32("facge", svacge_f32(pg, a, b));
}

#define FL32(NAME, EXPR)                                                                     \
    do {                                                                                     \
        for (int i = 0; i < N; i += svcntw()) {                                              \
            svbool_t pg = svwhilelt_b32_s32(i, N);                                           \
            svfloat32_t a = svld1_f32(pg, FA + i), b = svld1_f32(pg, FB + i);                 \
            svfloat32_t c = svld1_f32(pg, FC + i);                                           \
            svbool_t pm = svcmpgt_n_s32(pg, svld1_s32(pg, C32 + i), 0);                      \
            (void)a; (void)b; (void)c; (void)pm;                                             \
            svst1_f32(pg, FR + i, (EXPR));                                                   \
        }                                                                                    \
        report(NAME, FR, sizeof FR);                                                         \
    } while (0)
#define FL64(NAME, EXPR)                                                                     \
    do {                                                                                     \
        for (int i = 0; i < N; i += svcntd()) {                                              \
            svbool_t pg = svwhilelt_b64_s32(i, N);                                           \
            svfloat64_t a = svld1_f64(pg, DA + i), b = svld1_f64(pg, DB + i);                 \
            svfloat64_t c = svld1_f64(pg, DC + i);                                           \
            svbool_t pm = svcmpgt_n_s64(pg, svld1_s64(pg, C64 + i), 0);                      \
            (void)a; (void)b; (void)c; (void)pm;                                             \
            svst1_f64(pg, DR + i, (EXPR));                                                   \
        }                                                                                    \
        report(NAME, DR, sizeof DR);                                                         \
    } while (0)
#define FL16(NAME, EXPR)                                                                     \
    do {                                                                                     \
        for (int i = 0; i < N; i += svcnth()) {                                              \
            svbool_t pg = svwhilelt_b16_s32(i, N);                                           \
            svfloat16_t a = svld1_f16(pg, HA + i), b = svld1_f16(pg, HB + i);                 \
            svbool_t pm = svcmpgt_n_s16(pg, svld1_s16(pg, A16 + i), 0);                      \
            (void)a; (void)b; (void)pm;                                                      \
            svst1_f16(pg, HR + i, (EXPR));                                                   \
        }                                                                                    \
        report(NAME, HR, sizeof HR);                                                         \
    } while (0)

static void fp_ops(void)
{
    printf("-- floating point\n");
    FL32("fadd", svadd_f32_x(svptrue_b32(), a, b));
    FL32("fsub.m", svsub_f32_m(pm, a, b));
    FL32("fsubr.m", svsubr_f32_m(pm, a, b));
    FL32("fmul", svmul_f32_x(svptrue_b32(), a, b));
    FL32("fdiv.m", svdiv_f32_m(pm, a, b));
    FL32("fdivr.m", svdivr_f32_m(pm, a, b));
    FL32("fmax", svmax_f32_m(pm, a, b));
    FL32("fmin", svmin_f32_m(pm, a, b));
    FL32("fmaxnm", svmaxnm_f32_m(pm, a, b));
    FL32("fminnm", svminnm_f32_m(pm, a, b));
    FL32("fabd", svabd_f32_m(pm, a, b));
    FL32("fmulx", svmulx_f32_m(pm, a, b));
    FL32("fscale", svscale_f32_m(pm, a, svand_n_s32_x(pg, svld1_s32(pg, C32 + i), 31)));
    FL32("fadd#0.5", svadd_n_f32_m(pm, a, 0.5f));
    FL32("fsub#1.0", svsub_n_f32_m(pm, a, 1.0f));
    FL32("fsubr#0.5", svsubr_n_f32_m(pm, a, 0.5f));
    FL32("fmul#2.0", svmul_n_f32_m(pm, a, 2.0f));
    FL32("fmax#0.0", svmax_n_f32_m(pm, a, 0.0f));
    FL32("fminnm#1.0", svminnm_n_f32_m(pm, a, 1.0f));
    FL32("fmla", svmla_f32_m(pm, c, a, b));
    FL32("fmls", svmls_f32_m(pm, c, a, b));
    FL32("fnmla", svnmla_f32_m(pm, c, a, b));
    FL32("fnmls", svnmls_f32_m(pm, c, a, b));
    FL32("fmad", svmad_f32_m(pm, a, b, c));
    FL32("fmsb", svmsb_f32_m(pm, a, b, c));
    FL32("fnmad", svnmad_f32_m(pm, a, b, c));
    FL32("fnmsb", svnmsb_f32_m(pm, a, b, c));
    FL32("fmla.lane", svmla_lane_f32(c, a, b, 1));
    FL32("fmul.lane", svmul_lane_f32(a, b, 3));
    FL32("fabs", svabs_f32_m(a, pm, b));
    FL32("fneg", svneg_f32_x(pg, a));
    FL32("fsqrt", svsqrt_f32_m(a, pm, b));
    FL32("frintn", svrintn_f32_x(pg, a));
    FL32("frintp", svrintp_f32_m(a, pm, b));
    FL32("frintm", svrintm_f32_x(pg, a));
    FL32("frintz", svrintz_f32_x(pg, a));
    FL32("frinta", svrinta_f32_x(pg, a));
    FL32("frintx", svrintx_f32_x(pg, a));
    FL32("frinti", svrinti_f32_x(pg, a));
    FL32("frecpe", svrecpe_f32(a));
    FL32("frsqrte", svrsqrte_f32(a));
    FL32("frecps", svrecps_f32(a, b));
    FL32("frsqrts", svrsqrts_f32(a, b));
    FL32("frecpx", svrecpx_f32_m(a, pm, b));
    FL32("fdup", svdup_n_f32_m(a, pm, -3.5f));
    FL32("scvtf", svcvt_f32_s32_m(a, pm, svld1_s32(pg, A32 + i)));
    FL32("ucvtf", svcvt_f32_u32_x(pg, svreinterpret_u32_s32(svld1_s32(pg, B32 + i))));
    FL32("fcvtzs", svreinterpret_f32_s32(svcvt_s32_f32_x(pg, a)));
    FL32("fcvtzu", svreinterpret_f32_u32(svcvt_u32_f32_m(svreinterpret_u32_f32(b), pm, a)));
    FL64("d.fadd", svadd_f64_m(pm, a, b));
    FL64("d.fmul", svmul_f64_x(pg, a, b));
    FL64("d.fdiv", svdiv_f64_x(pg, a, b));
    FL64("d.fmla", svmla_f64_m(pm, c, a, b));
    FL64("d.fnmsb", svnmsb_f64_x(pg, a, b, c));
    FL64("d.fsqrt", svsqrt_f64_x(pg, a));
    FL64("d.fminnm", svminnm_f64_x(pg, a, b));
    FL64("d.frinta", svrinta_f64_x(pg, a));
    FL64("d.scvtf", svcvt_f64_s64_x(pg, svld1_s64(pg, B64 + i)));
    FL64("d.fcvtzs", svreinterpret_f64_s64(svcvt_s64_f64_x(pg, a)));
    FL64("d.fcvt.s", svcvt_f64_f32_x(pg, svreinterpret_f32_f64(a)));
    FL64("d.fcvt.d2s", svreinterpret_f64_f32(svcvt_f32_f64_x(pg, a)));
    FL64("d.scvtf.w", svcvt_f64_s32_x(pg, svreinterpret_s32_f64(b)));
    FL64("d.fcvtzu.w", svreinterpret_f64_u32(svcvt_u32_f64_x(pg, a)));
    FL16("h.fadd", svadd_f16_m(pm, a, b));
    FL16("h.fmul", svmul_f16_x(pg, a, b));
    FL16("h.fmla", svmla_f16_m(pm, a, a, b));
    FL16("h.fcvt", svreinterpret_f16_f32(svcvt_f32_f16_x(pg, a)));
    FL16("h.fcvt2", svcvt_f16_f32_x(pg, svreinterpret_f32_f16(b)));
    FL16("h.scvtf", svcvt_f16_s16_x(pg, svreinterpret_s16_f16(a)));
}

static void reductions(void)
{
    int64_t sadd = 0; uint64_t uadd = 0, andv = ~0ull, orv = 0, eorv = 0;
    int32_t smax = INT32_MIN, smin = INT32_MAX; uint32_t umax = 0, umin = ~0u;
    int8_t bmax = -128; uint16_t hmin = 0xffff; int64_t dsum = 0;
    float fmax = -__builtin_inff(), fmin = __builtin_inff(), fmaxnm = -__builtin_inff(), fminnm = __builtin_inff();
    float fadda = 0.0f; double dadda = 1.0;
    for (int i = 0; i < N; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, N);
        svint32_t a = svld1_s32(pg, A32 + i);
        svfloat32_t f = svld1_f32(pg, FA + i);
        sadd += svaddv_s32(pg, a);
        uadd += svaddv_u32(pg, U32(a));
        int32_t x = svmaxv_s32(pg, a); if (x > smax) smax = x;
        x = svminv_s32(pg, a); if (x < smin) smin = x;
        uint32_t u = svmaxv_u32(pg, U32(a)); if (u > umax) umax = u;
        u = svminv_u32(pg, U32(a)); if (u < umin) umin = u;
        andv &= (uint32_t)svandv_s32(pg, svorr_n_s32_x(pg, a, 0x10000));
        orv |= (uint32_t)svorv_s32(pg, svand_n_s32_x(pg, a, 0x10101));
        eorv ^= (uint32_t)sveorv_s32(pg, a);
        float g = svmaxv_f32(pg, f); fmax = g > fmax || g != g ? g : fmax;
        g = svminv_f32(pg, f); fmin = g < fmin || g != g ? g : fmin;
        g = svmaxnmv_f32(pg, f); if (g > fmaxnm) fmaxnm = g;
        g = svminnmv_f32(pg, f); if (g < fminnm) fminnm = g;
        fadda = svadda_f32(pg, fadda, f);
    }
    for (int i = 0; i < N; i += svcntb()) {
        svbool_t pg = svwhilelt_b8_s32(i, N);
        int8_t x = svmaxv_s8(pg, svld1_s8(pg, A8 + i)); if (x > bmax) bmax = x;
    }
    for (int i = 0; i < N; i += svcnth()) {
        svbool_t pg = svwhilelt_b16_s32(i, N);
        uint16_t x = svminv_u16(pg, U16(svld1_s16(pg, A16 + i))); if (x < hmin) hmin = x;
    }
    for (int i = 0; i < N; i += svcntd()) {
        svbool_t pg = svwhilelt_b64_s32(i, N);
        dsum += svaddv_s64(pg, svld1_s64(pg, C64 + i));
        dadda = svadda_f64(pg, dadda, svld1_f64(pg, DB + i));
    }
    union { float f; uint32_t u; } c1 = { fmax }, c2 = { fmin }, c3 = { fmaxnm }, c4 = { fminnm }, c5 = { fadda };
    union { double d; uint64_t u; } c6 = { dadda };
    printf("-- reductions\nsaddv=%ld uaddv=%lu smaxv=%d sminv=%d umaxv=%u uminv=%u\n", sadd, uadd, smax, smin, umax, umin);
    printf("andv=%lx orv=%lx eorv=%lx bmax=%d hmin=%u dsum=%ld\n", andv, orv, eorv, bmax, hmin, dsum);
    printf("fmaxv=%08x fminv=%08x fmaxnmv=%08x fminnmv=%08x fadda=%08x dadda=%016lx\n", c1.u, c2.u, c3.u, c4.u, c5.u, c6.u);
}

static void memory_ops(void)
{
    printf("-- memory\n");
    /* extending contiguous loads, scalar+scalar and scalar+imm */
    for (int i = 0; i < N; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, N);
        svint32_t v = svadd_s32_x(pg, svld1sb_s32(pg, A8 + i), S32(svld1ub_u32(pg, (uint8_t *)B8 + i)));
        v = svadd_s32_x(pg, v, svld1sh_s32(pg, A16 + i));
        v = svadd_s32_x(pg, v, S32(svld1uh_u32(pg, (uint16_t *)B16 + i)));
        svst1_s32(pg, R32 + i, v);
    }
    report("ld1sb/ub/sh/uh", R32, sizeof R32);
    for (int i = 0; i < N; i += svcntd()) {
        svbool_t pg = svwhilelt_b64_s32(i, N);
        svint64_t v = svadd_s64_x(pg, svld1sw_s64(pg, A32 + i), S64(svld1uw_u64(pg, (uint32_t *)B32 + i)));
        svst1w_s64(pg, (int32_t *)R64 + i, v);
        svst1h_s64(pg, (int16_t *)R64 + 2 * N + i, v);
        svst1b_s64(pg, (int8_t *)R64 + 6 * N + i, v);
    }
    report("ld1sw/uw st1w/h/b", R64, sizeof R64);
    /* replicate loads: LD1RW (asm) and LD1RQW from fixed addresses; strips are multiples of 4
       words, so the quadword lane of an element does not depend on VL */
    for (int i = 0; i < N; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, N);
        svint32_t r;
        const int32_t *p = B32 + 7;
        asm("ld1rw {%0.s}, %1/z, [%2, #8]" : "=w"(r) : "Upl"(pg), "r"(p));
        svint32_t q = svld1rq_s32(svptrue_b32(), C32 + 9);
        svst1_s32(pg, R32 + i, svadd_s32_x(pg, svld1_s32(pg, A32 + i), svadd_s32_x(pg, r, q)));
    }
    report("ld1rw/ld1rqw", R32, sizeof R32);
    for (int i = 0; i < N; i += svcntd()) {
        svbool_t pg = svwhilelt_b64_s32(i, N);
        svint64_t r;
        const uint8_t *p = (const uint8_t *)A8 + 11;
        asm("ld1rsb {%0.d}, %1/z, [%2, #3]" : "=w"(r) : "Upl"(pg), "r"(p));
        svst1_s64(pg, R64 + i, svmul_s64_x(pg, r, svld1_s64(pg, B64 + i)));
    }
    report("ld1rsb", R64, sizeof R64);
    /* non-temporal and non-faulting contiguous (normal memory: nothing suppressed) */
    uint64_t loaded = 0;
    for (int i = 0; i < N; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, N);
        svsetffr();
        svint32_t v = svldnf1_s32(pg, A32 + i);
        svbool_t ok = svrdffr_z(pg);
        loaded += svcntp_b32(pg, ok);
        svstnt1_s32(pg, R32 + i, svadd_s32_x(pg, v, svldnt1_s32(pg, B32 + i)));
    }
    printf("ldnf1 loaded=%lu ", loaded);
    report("ldnt1/stnt1", R32, sizeof R32);
    /* structure loads/stores: 2, 3 and 4 registers */
    for (int i = 0; i < N / 4; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, N / 4);
        svint32x2_t t2 = svld2_s32(pg, S3 + 2 * i);
        svint32x3_t t3 = svld3_s32(pg, S3 + 3 * i);
        svint32x4_t t4 = svld4_s32(pg, S3 + 4 * i);
        svint32_t s = svadd_s32_x(pg, svget2_s32(t2, 1), svget3_s32(t3, 2));
        s = sveor_s32_x(pg, s, svget4_s32(t4, 3));
        svst3_s32(pg, R3 + 3 * i, svcreate3_s32(s, svget4_s32(t4, 0), svget2_s32(t2, 0)));
        svst4_s32(pg, R32 + 4 * i, svcreate4_s32(svget3_s32(t3, 0), s, s, svget3_s32(t3, 1)));
    }
    report("ld2/3/4 st3", R3, sizeof R3);
    report("st4", R32, sizeof R32);
    for (int i = 0; i < N / 2; i += svcntd()) {
        svbool_t pg = svwhilelt_b64_s32(i, N / 2);
        svint64x2_t t = svld2_s64(pg, A64 + 2 * i);
        svst2_s64(pg, R64 + 2 * i, svcreate2_s64(svget2_s64(t, 1), svget2_s64(t, 0)));
    }
    report("ld2d/st2d", R64, sizeof R64);
    /* gathers */
    for (int i = 0; i < N; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, N);
        svint32_t idx = svld1_s32(pg, I32 + i);
        svint32_t v = svld1_gather_s32index_s32(pg, A32, idx);
        v = svadd_s32_x(pg, v, svld1sh_gather_s32index_s32(pg, A16, idx));
        v = svadd_s32_x(pg, v, S32(svld1ub_gather_s32offset_u32(pg, (uint8_t *)A8, idx)));
        v = svadd_s32_x(pg, v, svld1_gather_u32offset_s32(pg, B32, svlsl_n_u32_x(pg, U32(idx), 2)));
        v = svadd_s32_x(pg, v, svldff1_gather_s32index_s32(pg, C32, idx));
        svprfw_gather_s32index(pg, A32, idx, SV_PLDL1KEEP);
        svprfb(pg, A8 + i, SV_PLDL2STRM);
        svst1_s32(pg, R32 + i, v);
    }
    report("gather.s", R32, sizeof R32);
    for (int i = 0; i < N; i += svcntd()) {
        svbool_t pg = svwhilelt_b64_s32(i, N);
        svint64_t idx = svld1sw_s64(pg, I32 + i);
        svint64_t v = svld1_gather_s64index_s64(pg, A64, idx);
        v = svadd_s64_x(pg, v, svld1sw_gather_s64index_s64(pg, B32, idx));
        v = svadd_s64_x(pg, v, svld1_gather_s64offset_s64(pg, C64, svlsl_n_s64_x(pg, idx, 3)));
        svuint64_t bases = svadd_n_u64_x(pg, svlsl_n_u64_x(pg, U64(idx), 3), (uint64_t)(uintptr_t)B64);
        v = svadd_s64_x(pg, v, svld1_gather_u64base_offset_s64(pg, bases, 8));
        v = svadd_s64_x(pg, v, svld1_gather_u64base_s64(pg, bases));
        v = svadd_s64_x(pg, v, S64(svld1uh_gather_u64base_index_u64(pg, bases, 2)));
        svst1_s64(pg, R64 + i, v);
    }
    report("gather.d", R64, sizeof R64);
    /* scatters (through a permutation, so no two lanes write one element) */
    for (int i = 0; i < N; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, N);
        svuint32_t idx = svld1_u32(pg, PERM + i);
        svst1_scatter_u32index_s32(pg, R32, idx, svld1_s32(pg, A32 + i));
        svst1h_scatter_u32index_s32(pg, R16, idx, svld1_s32(pg, B32 + i));
    }
    report("scatter.s", R32, sizeof R32);
    report("scatter.h", R16, sizeof R16);
    for (int i = 0; i < N; i += svcntd()) {
        svbool_t pg = svwhilelt_b64_s32(i, N);
        svuint64_t idx = svld1uw_u64(pg, PERM + i);
        svst1_scatter_u64index_s64(pg, R64, idx, svld1_s64(pg, A64 + i));
        svuint64_t bases = svadd_n_u64_x(pg, svlsl_n_u64_x(pg, idx, 2), (uint64_t)(uintptr_t)R3);
        svst1w_scatter_u64base_offset_s64(pg, bases, 4, svld1_s64(pg, B64 + i));
    }
    report("scatter.d", R64, sizeof R64);
    report("scatter.base", R3, sizeof R3);
}

/* Part 2: whole vectors at the current VL (results depend on VL). */
static int32_t V[6][64];
static uint8_t PB[8][32];
static void vl_ops(void)
{
    svbool_t all = svptrue_b32();
    svint32_t a = svld1_s32(all, A32), b = svld1_s32(all, B32);
    svbool_t p = svcmpgt_n_s32(all, a, 0), q = svcmplt_n_s32(all, b, 0);
    svst1_s32(all, V[0], svzip1_s32(a, b));
    svst1_s32(all, V[1], svzip2_s32(a, b));
    svst1_s32(all, V[2], svuzp1_s32(a, b));
    svst1_s32(all, V[3], svuzp2_s32(a, b));
    svst1_s32(all, V[4], svtrn1_s32(a, b));
    svst1_s32(all, V[5], svtrn2_s32(a, b));
    reportv("zip/uzp/trn.s", V, sizeof V);
    svst1_s32(all, V[0], svrev_s32(a));
    svst1_s32(all, V[1], svtbl_s32(a, svand_n_u32_x(all, U32(b), 7)));
    svst1_s32(all, V[2], svext_s32(a, b, 3));
    svst1_s32(all, V[3], svsplice_s32(p, a, b));
    svst1_s32(all, V[4], svcompact_s32(p, a));
    svst1_s32(all, V[5], svinsr_n_s32(a, 12345));
    reportv("rev/tbl/ext/splice/compact/insr", V, sizeof V);
    svint16_t h = svld1_s16(svptrue_b16(), A16);
    svint8_t c = svld1_s8(svptrue_b8(), A8);
    svst1_s16(svptrue_b16(), (int16_t *)V[0], svzip1_s16(h, svrev_s16(h)));
    svst1_s8(svptrue_b8(), (int8_t *)V[1], svuzp2_s8(c, svext_s8(c, c, 5)));
    svst1_s64(svptrue_b64(), (int64_t *)V[2], svtrn1_s64(svld1_s64(svptrue_b64(), A64), svld1_s64(svptrue_b64(), B64)));
    svst1_s32(all, V[3], svdup_lane_s32(a, 2));
    svst1_s32(all, V[4], svrevb_s32_x(all, a));
    svst1_s64(svptrue_b64(), (int64_t *)V[5], svrevw_s64_x(svptrue_b64(), svld1_s64(svptrue_b64(), A64)));
    reportv("zip.h/uzp.b/trn.d/dup.lane/revb/revw", V, sizeof V);
    svst1_s64(svptrue_b64(), (int64_t *)V[0], svunpklo_s64(a));
    svst1_u64(svptrue_b64(), (uint64_t *)V[1], svunpkhi_u64(U32(a)));
    svst1_s32(all, V[2], svrevh_s32_x(all, a));
    svst1_s32(all, V[3], svdup_lane_s32(a, 9));
    svst1_s16(svptrue_b16(), (int16_t *)V[4], svunpklo_s16(c));
    svst1_u16(svptrue_b16(), (uint16_t *)V[5], svunpkhi_u16(U8(c)));
    reportv("unpk/revh", V, sizeof V);
    int32_t la = svlasta_s32(p, a), lb = svlastb_s32(p, a);
    int32_t ca = svclasta_n_s32(q, -1, a), cb = svclastb_n_s32(svpfalse_b(), -2, a);
    svint32_t cv = svclastb_s32(q, b, a);
    float fl = svlastb_f32(p, svld1_f32(all, FA));
    union { float f; uint32_t u; } flu = { fl };
    printf("VL-DEPENDENT: lasta=%d lastb=%d clasta=%d clastb=%d clastb.v=%d lastb.f=%08x\n", la, lb, ca, cb,
           svlasta_s32(svpfalse_b(), cv), flu.u);
    for (int k = 0; k < 8; k++) {
        svbool_t r = k == 0 ? svzip1_b32(p, q) : k == 1 ? svzip2_b8(p, q) : k == 2 ? svuzp1_b16(p, q)
                   : k == 3 ? svuzp2_b32(p, q) : k == 4 ? svtrn1_b64(p, q) : k == 5 ? svtrn2_b8(p, q)
                   : k == 6 ? svrev_b16(p) : svunpklo_b(p);
        svint8_t m = svsel_s8(r, svdup_n_s8(1), svdup_n_s8(0));
        svst1_s8(svptrue_b8(), (int8_t *)V[0], m);
        for (int j = 0; j < 32; j++) PB[k][j] = 0;
        for (unsigned j = 0; j < svcntb() / 8; j++) {
            uint8_t bits = 0;
            for (int t = 0; t < 8; t++) bits |= (uint8_t)(((int8_t *)V[0])[8 * j + t] << t);
            PB[k][j] = bits;
        }
    }
    reportv("pzip/puzp/ptrn/prev/punpk", PB, sizeof PB);
    svbool_t pk = svunpkhi_b(q);
    printf("VL-DEPENDENT: ptest first=%d last=%d any=%d cntp(punpkhi)=%lu\n", svptest_first(all, p),
           svptest_last(all, q), svptest_any(p, q), svcntp_b64(svptrue_b64(), pk));
    union { float f; uint32_t u; } fa = { svaddv_f32(all, svld1_f32(all, FA)) };
    union { double d; uint64_t u; } da = { svaddv_f64(svptrue_b64(), svld1_f64(svptrue_b64(), DA)) };
    union { __fp16 h; uint16_t u; } ha = { svaddv_f16(svptrue_b16(), svld1_f16(svptrue_b16(), HA)) };
    printf("VL-DEPENDENT: faddv.s=%08x faddv.d=%016lx faddv.h=%04x\n", fa.u, da.u, ha.u);
    /* LDNF1 at the end of RAM (0x48000000): lanes past it are suppressed, FFR says which */
    const int32_t *end = (const int32_t *)0x48000000ul - 5;
    svsetffr();
    svint32_t nf = svldnf1_s32(all, end);
    svbool_t ok = svrdffr_z(all);
    printf("VL-DEPENDENT: ldnf1 at end of RAM: loaded=%lu sum=%ld\n", svcntp_b32(all, ok),
           svaddv_s32(ok, nf));
}

int main(void)
{
    init();
    /* the last 5 words of RAM, read by the LDNF1 test */
    for (int k = 1; k <= 5; k++) ((volatile int32_t *)0x48000000ul)[-k] = 1000 * k + 7;
    printf("sve_ops: results (VL-independent unless marked)\n");
    integer_ops();
    compare_ops();
    fp_ops();
    reductions();
    memory_ops();
    vl_ops();
    printf("VL-DEPENDENT: svcntb=%lu svcntw=%lu svcntd=%lu vl_bits=%lu\n", svcntb(), svcntw(), svcntd(),
           svcntb() * 8);
    return 0;
}
