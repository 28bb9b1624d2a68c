/*
 * sve_intrinsics.c - arm_sve.h ACLE intrinsics: svwhilelt, svld1/svst1,
 * svadd_m/svmla_m, svaddv, svcntw, svptrue, svcmp/svsel, svdup, svindex,
 * svmaxv, svcntp, svcompact-free predicated loops.  Every result printed
 * is independent of the vector length; the VL-dependent values (svcntw,
 * svcntb) are printed only on lines marked "VL-DEPENDENT".
 */
#include "guest.h"
#include <stdint.h>
#include <arm_sve.h>

#define N 777
static int32_t a[N], b[N], c[N];
static float fa[N], fb[N], fc[N];
static uint64_t lcg = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void) { lcg = lcg * 6364136223846793005ull + 1442695040888963407ull; return (uint32_t)(lcg >> 32); }
static uint64_t hash_bytes(const void *p, long n)
{
    const volatile uint8_t *q = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (long i = 0; i < n; i++) { h ^= q[i]; h *= 0x100000001b3ull; }
    return h;
}
static uint32_t fbits(float f) { union { float f; uint32_t u; } x = { f }; return x.u; }

/* c = a + b (svadd_m under the WHILELT predicate), strip-mined by svcntw */
__attribute__((noinline)) static void vadd(int32_t *c, const int32_t *a, const int32_t *b, int n)
{
    for (int i = 0; i < n; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, n);
        svint32_t va = svld1_s32(pg, a + i), vb = svld1_s32(pg, b + i);
        svst1_s32(pg, c + i, svadd_s32_m(pg, va, vb));
    }
}
/* sum a*b + c with svmla_m into a vector accumulator, then svaddv (integer: order-independent) */
__attribute__((noinline)) static int64_t vmla_sum(const int32_t *a, const int32_t *b, const int32_t *c, int n)
{
    svint64_t acc = svdup_n_s64(0);
    for (int i = 0; i < n; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, n);
        svint32_t r = svmla_s32_m(pg, svld1_s32(pg, c + i), svld1_s32(pg, a + i), svld1_s32(pg, b + i));
        /* widen both halves to 64 bits; inactive lanes are zero after the zeroing loads */
        r = svsel_s32(pg, r, svdup_n_s32(0));
        acc = svadd_s64_x(svptrue_b64(), acc, svunpklo_s64(r));
        acc = svadd_s64_x(svptrue_b64(), acc, svunpkhi_s64(r));
    }
    return svaddv_s64(svptrue_b64(), acc);
}
/* count and max of elements > t: svcmpgt, svcntp, svmaxv */
__attribute__((noinline)) static void cnt_max(const int32_t *a, int32_t t, int n, uint64_t *cnt, int32_t *mx)
{
    uint64_t k = 0; int32_t m = INT32_MIN;
    for (int i = 0; i < n; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, n);
        svint32_t v = svld1_s32(pg, a + i);
        svbool_t gt = svcmpgt_n_s32(pg, v, t);
        k += svcntp_b32(pg, gt);
        if (svptest_any(pg, gt)) { int32_t x = svmaxv_s32(gt, v); if (x > m) m = x; }
    }
    *cnt = k; *mx = m;
}
/* float: fc = fa * fb + 1 (svmla_m f32, exact per element, VL-independent);
 * ordered sum with svadda (FADDA) */
__attribute__((noinline)) static float fmla_adda(float *fc, const float *fa, const float *fb, int n)
{
    float s = 0.0f;
    for (int i = 0; i < n; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, n);
        svfloat32_t r = svmla_f32_m(pg, svdup_n_f32(1.0f), svld1_f32(pg, fa + i), svld1_f32(pg, fb + i));
        svst1_f32(pg, fc + i, r);
        s = svadda_f32(pg, s, r);
    }
    return s;
}
/* svindex + svmul: c[i] = i*i*3 - 5 */
__attribute__((noinline)) static void iota(int32_t *c, int n)
{
    for (int i = 0; i < n; i += svcntw()) {
        svbool_t pg = svwhilelt_b32_s32(i, n);
        svint32_t v = svindex_s32(i, 1);
        svst1_s32(pg, c + i, svsub_n_s32_x(pg, svmul_s32_x(pg, svmul_n_s32_x(pg, v, 3), v), 5));
    }
}


/*
 * First-faulting loads at the end of RAM.  The MMU is off, QEMU virt RAM is
 * 0x40000000..0x48000000 (-m 128M default); nothing is mapped right after
 * it.  Strip-mine over the last RAM_TAIL words with SETFFR + LDFF1W +
 * RDFFR: the elements that lie past the end of RAM must not fault (they are
 * not the first active element); FFR tells how many were loaded, and the
 * loop advances by that count, so the total loaded / summed is
 * VL-independent.  The loop stops (scalar test) before the first active
 * element would itself be past the end.
 */
#define RAM_END 0x48000000ul
#define RAM_TAIL 21
__attribute__((noinline)) static void ldff1_tail(void)
{
    int32_t *tail = (int32_t *)(RAM_END - 4 * RAM_TAIL);
    for (int i = 0; i < RAM_TAIL; i++) tail[i] = 1000 + 7 * i;
    int64_t sum = 0; uint64_t loaded = 0, iters = 0, first_cnt = 0;
    for (int i = 0; i < RAM_TAIL; ) {
        svbool_t pg = svptrue_b32();          /* all lanes: those past RAM_END are beyond the data */
        svsetffr();
        svint32_t v = svldff1_s32(pg, tail + i);
        svbool_t ok = svrdffr_z(pg);
        uint64_t n = svcntp_b32(pg, ok);
        if (iters == 0) first_cnt = n;
        /* count only elements below RAM_TAIL (FFR may also cover them all) */
        svbool_t use = svand_b_z(pg, ok, svwhilelt_b32_s32(i, RAM_TAIL));
        sum += svaddv_s32(use, v);
        uint64_t m = svcntp_b32(pg, use);
        loaded += m;
        i += (int)m;
        iters++;
        if (m == 0) break;
    }
    printf("ldff1 at end of RAM: loaded=%lu sum=%ld\n", loaded, sum);
    printf("VL-DEPENDENT: ldff1 iterations=%lu first_ffr_count=%lu\n", iters, first_cnt);
}

static const int lens[] = { 0, 1, 2, 3, 5, 8, 13, 31, 33, 64, 65, 100, 255, 257, 500, 777 };

int main(void)
{
    for (int i = 0; i < N; i++) {
        a[i] = (int32_t)rnd(); b[i] = (int32_t)(rnd() % 2001) - 1000;
        fa[i] = (float)((int32_t)(rnd() % 4001) - 2000) / 8.0f; fb[i] = (float)(rnd() % 301) / 4.0f;
    }
    printf("sve_intrinsics: results (VL-independent)\n");
    for (unsigned k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        int n = lens[k];
        for (int i = 0; i < N; i++) { c[i] = 0x5a5a5a5a; fc[i] = -0.0f; }
        vadd(c, a, b, n);
        uint64_t h1 = hash_bytes(c, sizeof c);
        int64_t s = vmla_sum(b, b, a, n);
        uint64_t cnt; int32_t mx;
        cnt_max(b, 500, n, &cnt, &mx);
        float fs = fmla_adda(fc, fa, fb, n);
        uint64_t h2 = hash_bytes(fc, sizeof fc);
        for (int i = 0; i < N; i++) c[i] = 0;
        iota(c, n);
        uint64_t h3 = hash_bytes(c, sizeof c);
        printf("n=%d vadd=%016lx mlasum=%016lx cnt=%lu max=%08x fadda=%08x fmla=%016lx iota=%016lx\n",
               n, h1, (uint64_t)s, cnt, (uint32_t)mx, fbits(fs), h2, h3);
    }
    /* whole-vector predicate facts that hold at every VL */
    svbool_t all = svptrue_b8();
    printf("ptest_any(ptrue)=%d ptest_any(pfalse)=%d cntp(whilelt 0..5, b16)=%lu\n",
           (int)svptest_any(all, all), (int)svptest_any(all, svpfalse_b()),
           svcntp_b16(svptrue_b16(), svwhilelt_b16_s32(0, 5)));
    ldff1_tail();
    printf("VL-DEPENDENT: svcntb=%lu svcntw=%lu svcntd=%lu vl_bits=%lu\n",
           svcntb(), svcntw(), svcntd(), svcntb() * 8);
    return 0;
}
