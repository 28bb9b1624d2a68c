/*
 * fp_arith: scalar float/double arithmetic, an 8x8 double and a 6x6 float
 * matrix multiply, polynomial evaluation (plain Horner and fused
 * __builtin_fma/__builtin_fmaf Horner), and FSQRT.  Everything printed as
 * exact bit patterns, with FPSR after each group (cleared before it).
 */
#include "fp.h"

static const u64 dvals[] = {
    0x0000000000000000UL, 0x8000000000000000UL, 0x3ff0000000000000UL, 0xbff0000000000000UL,
    0x3fb999999999999aUL, 0x400921fb54442d18UL, 0x7fefffffffffffffUL, 0x0010000000000000UL,
    0x000fffffffffffffUL, 0x0000000000000001UL, 0x7ff0000000000000UL, 0xfff0000000000000UL,
    0x7ff8000000000000UL, 0x4340000000000001UL, 0x3ca0000000000000UL, 0xc1e0000000000000UL,
};
static const u32 fvals[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3dcccccd, 0x40490fdb, 0x7f7fffff, 0x00800000,
    0x007fffff, 0x00000001, 0x7f800000, 0xff800000, 0x7fc00000, 0x4b800001, 0x33800000, 0xcf000000,
};
#define NV 16

static volatile double vd[NV];
static volatile float vf[NV];

static u32 hash32(u32 h, u64 v) { h ^= (u32)v; h *= 0x01000193u; h ^= h >> 13; h ^= (u32)(v >> 32); h *= 0x01000193u; h ^= h >> 13; return h; }

static void scalar_double(void)
{
    printf("== double add/sub/mul/div/sqrt over %d x %d values ==\n", NV, NV);
    for (int i = 0; i < NV; i++) {
        u32 h = 0x811c9dc5u;
        u64 fl = 0;
        for (int j = 0; j < NV; j++) {
            double a = vd[i], b = vd[j];
            set_fpsr(0);
            OPAQUE(a); OPAQUE(b);
            double s = a + b, d = a - b, m = a * b, q = a / b;
            OPAQUE(s); OPAQUE(d); OPAQUE(m); OPAQUE(q);
            fl |= get_fpsr();
            h = hash32(h, dbits(s)); h = hash32(h, dbits(d)); h = hash32(h, dbits(m)); h = hash32(h, dbits(q));
            if (j == (i * 5 + 3) % NV)
                printf("  a=%016lx b=%016lx  + %016lx  - %016lx  * %016lx  / %016lx\n",
                       dbits(a), dbits(b), dbits(s), dbits(d), dbits(m), dbits(q));
        }
        double a = vd[i];
        set_fpsr(0);
        OPAQUE(a);
        double r = __builtin_sqrt(a);
        OPAQUE(r);
        u64 sf = get_fpsr();
        printf("  row %2d: hash %08x fpsr-or %s  sqrt(%016lx) = %016lx fpsr %s\n", i, h, fpsr_str(fl),
               dbits(a), dbits(r), fpsr_str(sf));
    }
}

static void scalar_float(void)
{
    printf("== float add/sub/mul/div/sqrt over %d x %d values ==\n", NV, NV);
    for (int i = 0; i < NV; i++) {
        u32 h = 0x811c9dc5u;
        u64 fl = 0;
        for (int j = 0; j < NV; j++) {
            float a = vf[i], b = vf[j];
            set_fpsr(0);
            OPAQUE(a); OPAQUE(b);
            float s = a + b, d = a - b, m = a * b, q = a / b;
            OPAQUE(s); OPAQUE(d); OPAQUE(m); OPAQUE(q);
            fl |= get_fpsr();
            h = hash32(h, fbits(s)); h = hash32(h, fbits(d)); h = hash32(h, fbits(m)); h = hash32(h, fbits(q));
            if (j == (i * 7 + 1) % NV)
                printf("  a=%08x b=%08x  + %08x  - %08x  * %08x  / %08x\n",
                       fbits(a), fbits(b), fbits(s), fbits(d), fbits(m), fbits(q));
        }
        float a = vf[i];
        set_fpsr(0);
        OPAQUE(a);
        float r = __builtin_sqrtf(a);
        OPAQUE(r);
        u64 sf = get_fpsr();
        printf("  row %2d: hash %08x fpsr-or %s  sqrtf(%08x) = %08x fpsr %s\n", i, h, fpsr_str(fl),
               fbits(a), fbits(r), fpsr_str(sf));
    }
}

#define N 8
static double A[N][N], B[N][N], C[N][N];
#define M 6
static float FA[M][M], FB[M][M], FC[M][M];

static void matmul(void)
{
    u64 seed = 0x243f6a8885a308d3UL;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            A[i][j] = (double)(i64)(seed >> 40) / 1048576.0 - 3.3;
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            B[i][j] = (double)(i64)(seed >> 44) * 0.001 + 1.0 / (i + j + 1);
        }
    set_fpsr(0);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++) s += A[i][k] * B[k][j];
            C[i][j] = s;
        }
    printf("== 8x8 double matmul (fpsr %s) ==\n", fpsr_str(get_fpsr()));
    for (int i = 0; i < N; i++) {
        printf("  ");
        for (int j = 0; j < N; j++) printf("%016lx%s", dbits(C[i][j]), j + 1 < N ? " " : "\n");
    }
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            FA[i][j] = (float)(i32)(seed >> 44) / 3.0f;
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            FB[i][j] = (float)(i32)(seed >> 50) * 0.37f - 1e-3f * (float)i;
        }
    set_fpsr(0);
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            float s = 0.0f;
            for (int k = 0; k < M; k++) s += FA[i][k] * FB[k][j];
            FC[i][j] = s;
        }
    printf("== 6x6 float matmul (fpsr %s) ==\n", fpsr_str(get_fpsr()));
    for (int i = 0; i < M; i++) {
        printf("  ");
        for (int j = 0; j < M; j++) printf("%08x%s", fbits(FC[i][j]), j + 1 < M ? " " : "\n");
    }
}

/* exp(x)-like and sin-like polynomials; plain Horner vs fused Horner. */
static const double pc[] = { 1.0, 1.0, 0.5, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320 };
static const float pcf[] = { 1.0f, -0.16666667f, 0.008333334f, -0.0001984127f, 2.7557319e-6f };

static void poly(void)
{
    printf("== polynomials: Horner (mul+add) vs fused (fma) ==\n");
    static const u64 xs[] = { 0x3fe0000000000000UL, 0xbfe0000000000000UL, 0x3ff8000000000000UL,
                              0x4014000000000000UL, 0x3e50000000000000UL, 0xc024000000000000UL,
                              0x3fd5555555555555UL, 0x3ff0000000000001UL };
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = bitsd(xs[i]);
        set_fpsr(0);
        OPAQUE(x);
        double p = pc[8], q = pc[8];
        for (int k = 7; k >= 0; k--) {
            p = p * x + pc[k];
            q = __builtin_fma(q, x, pc[k]);
        }
        OPAQUE(p); OPAQUE(q);
        u64 fl = get_fpsr();
        float xf = (float)x;
        float x2 = xf * xf, pf = pcf[4], qf = pcf[4];
        for (int k = 3; k >= 0; k--) {
            pf = pf * x2 + pcf[k];
            qf = __builtin_fmaf(qf, x2, pcf[k]);
        }
        pf *= xf; qf *= xf;
        OPAQUE(pf); OPAQUE(qf);
        printf("  x=%016lx exp: horner %016lx fma %016lx (fpsr %s)  sin(f): horner %08x fma %08x\n",
               xs[i], dbits(p), dbits(q), fpsr_str(fl), fbits(pf), fbits(qf));
    }
    /* single rounding of fma: a*b+c where the product is exact only in wide precision */
    double a = bitsd(0x3ff0000000000001UL), b = bitsd(0x3ff0000000000001UL), c = bitsd(0xbff0000000000002UL);
    set_fpsr(0);
    OPAQUE(a); OPAQUE(b); OPAQUE(c);
    double f1 = __builtin_fma(a, b, c), f2 = a * b + c;
    OPAQUE(f1); OPAQUE(f2);
    printf("  fma(1+u,1+u,-(1+2u)) = %016lx, unfused = %016lx, fpsr %s\n", dbits(f1), dbits(f2), fpsr_str(get_fpsr()));
    float fa = bitsf(0x3f800001), fc = bitsf(0xbf800002);
    OPAQUE(fa); OPAQUE(fc);
    float g1 = __builtin_fmaf(fa, fa, fc), g2 = fa * fa + fc;
    OPAQUE(g1); OPAQUE(g2);
    printf("  fmaf(1+u,1+u,-(1+2u)) = %08x, unfused = %08x\n", fbits(g1), fbits(g2));
    /* fused negated forms through the builtins */
    double r1 = __builtin_fma(-a, b, c), r2 = __builtin_fma(a, b, -c), r3 = -__builtin_fma(a, b, c);
    OPAQUE(r1); OPAQUE(r2); OPAQUE(r3);
    printf("  fma(-a,b,c) %016lx fma(a,b,-c) %016lx -fma(a,b,c) %016lx\n", dbits(r1), dbits(r2), dbits(r3));
}

int main(void)
{
    printf("fp_arith: float/double arithmetic, matmul, polynomials (FPCR=0x%lx)\n", get_fpcr());
    for (int i = 0; i < NV; i++) { vd[i] = bitsd(dvals[i]); vf[i] = bitsf(fvals[i]); }
    scalar_double();
    scalar_float();
    matmul();
    poly();
    printf("fp_arith done\n");
    return 0;
}
