/*
 * sve_autovec.c - C loops compiled at -O3 -march=armv8-a+sve so GCC
 * vectorises them with SVE (WHILELO-predicated loops, no scalar tail).
 * Every checksum is independent of the vector length; the VL is printed
 * on a separate line marked "VL-DEPENDENT".
 */
#include "guest.h"
#include <stdint.h>

#define N 1000
#define NOINLINE __attribute__((noinline))

static int32_t ia[N + 7], ib[N + 7], ic[N + 7];
static int64_t la[N + 7];
static uint8_t ba[N + 7], bb[N + 7], bc[N + 7];
static int16_t sa[N + 7], sb[N + 7];
static float fa[N + 7], fb[N + 7], fc[N + 7];
static double da[N + 7], db[N + 7];
static uint32_t idx[N + 7];
static int32_t strided[3 * (N + 7)];

static uint64_t lcg = 0x243f6a8885a308d3ull;
static uint32_t rnd(void) { lcg = lcg * 6364136223846793005ull + 1442695040888963407ull; return (uint32_t)(lcg >> 32); }

static uint64_t hash_bytes(const void *p, long n)
{
    const volatile uint8_t *b = p;   /* volatile: keep the hash scalar */
    uint64_t h = 0xcbf29ce484222325ull;
    for (long i = 0; i < n; i++) { h ^= b[i]; h *= 0x100000001b3ull; }
    return h;
}
static uint32_t fbits(float f) { union { float f; uint32_t u; } x = { f }; return x.u; }
static uint64_t dbits(double d) { union { double d; uint64_t u; } x = { d }; return x.u; }

NOINLINE int32_t isum(const int32_t *a, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
NOINLINE int64_t lsum_widen(const int32_t *a, int n) { int64_t s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
NOINLINE int32_t imax(const int32_t *a, int n) { int32_t m = (-2147483647 - 1); for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
NOINLINE uint32_t ixor(const int32_t *a, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s ^= (uint32_t)a[i]; return s; }
NOINLINE int32_t sdot(const int16_t *a, const int16_t *b, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
NOINLINE float fsum(const float *a, int n) { float s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }   /* in-order: FADDA */
NOINLINE double ddot(const double *a, const double *b, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
NOINLINE void saxpy(float *y, const float *x, float a, int n) { for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i]; }
NOINLINE void iexpr(int32_t *c, const int32_t *a, const int32_t *b, int n) { for (int i = 0; i < n; i++) c[i] = (a[i] * 3 - b[i]) ^ (a[i] >> 2); }
NOINLINE void u8avg(uint8_t *c, const uint8_t *a, const uint8_t *b, int n) { for (int i = 0; i < n; i++) c[i] = (uint8_t)((a[i] + b[i] + 1) >> 1); }
NOINLINE void condsel(int32_t *c, const int32_t *a, const int32_t *b, int n) { for (int i = 0; i < n; i++) if (a[i] > b[i]) c[i] = a[i] - b[i]; }
NOINLINE int32_t gather(const int32_t *a, const uint32_t *ix, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += a[ix[i]]; return s; }
NOINLINE void scatter3(int32_t *d, const int32_t *a, int n) { for (int i = 0; i < n; i++) d[3 * i + 1] = a[i] + 7; }
NOINLINE void i2f(float *f, const int32_t *a, int n) { for (int i = 0; i < n; i++) f[i] = (float)a[i] * 0.5f; }
NOINLINE void l64(int64_t *d, const int32_t *a, int n) { for (int i = 0; i < n; i++) d[i] = (int64_t)a[i] * a[i]; }
NOINLINE int32_t cnt_gt(const float *a, float t, int n) { int32_t c = 0; for (int i = 0; i < n; i++) c += a[i] > t; return c; }

static const int lens[] = { 0, 1, 3, 7, 15, 17, 31, 63, 65, 127, 129, 255, 257, 511, 997, 1000 };

int main(void)
{
    for (int i = 0; i < N + 7; i++) {
        ia[i] = (int32_t)rnd(); ib[i] = (int32_t)(rnd() % 20001) - 10000;
        ba[i] = (uint8_t)rnd(); bb[i] = (uint8_t)rnd();
        sa[i] = (int16_t)rnd(); sb[i] = (int16_t)rnd();
        fa[i] = (float)((int32_t)(rnd() % 2000001) - 1000000) / 1024.0f;
        fb[i] = (float)(rnd() % 1000) / 3.0f;
        da[i] = (double)(int32_t)rnd() / 65536.0; db[i] = (double)(rnd() % 4096) / 7.0;
        idx[i] = rnd() % (N + 7);
    }
    printf("sve_autovec: checksums (VL-independent)\n");
    for (unsigned k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        int n = lens[k];
        printf("n=%d isum=%08x lsum=%016lx imax=%08x ixor=%08x sdot=%08x fsum=%08x ddot=%016lx gather=%08x cnt=%d\n",
               n, (uint32_t)isum(ia, n), (uint64_t)lsum_widen(ia, n), (uint32_t)imax(ib, n),
               ixor(ia, n), (uint32_t)sdot(sa, sb, n), fbits(fsum(fa, n)), dbits(ddot(da, db, n)),
               (uint32_t)gather(ib, idx, n), cnt_gt(fa, 100.0f, n));
        for (int i = 0; i < N + 7; i++) { fc[i] = fb[i]; ic[i] = -1; strided[3 * i] = strided[3 * i + 1] = strided[3 * i + 2] = 0x55; la[i] = 0; bc[i] = 0; }
        saxpy(fc, fa, 1.75f, n);
        uint64_t h1 = hash_bytes(fc, sizeof fc);
        iexpr(ic, ia, ib, n);
        uint64_t h2 = hash_bytes(ic, sizeof ic);
        for (int i = 0; i < N + 7; i++) ic[i] = 0;
        condsel(ic, ia, ib, n);
        uint64_t h3 = hash_bytes(ic, sizeof ic);
        u8avg(bc, ba, bb, n);
        uint64_t h4 = hash_bytes(bc, sizeof bc);
        scatter3(strided, ib, n);
        uint64_t h5 = hash_bytes(strided, sizeof strided);
        i2f(fc, ib, n);
        uint64_t h6 = hash_bytes(fc, sizeof fc);
        l64(la, ib, n);
        uint64_t h7 = hash_bytes(la, sizeof la);
        printf("  saxpy=%016lx iexpr=%016lx condsel=%016lx u8avg=%016lx strided=%016lx i2f=%016lx l64=%016lx\n",
               h1, h2, h3, h4, h5, h6, h7);
    }
    uint64_t vl;
    __asm__ volatile(".arch_extension sve\n\trdvl %0, #8" : "=r"(vl));
    printf("VL-DEPENDENT: vl_bits=%lu\n", vl);
    return 0;
}
