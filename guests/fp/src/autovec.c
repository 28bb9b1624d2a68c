/*
 * autovec: plain C loops compiled at -O3 so GCC auto-vectorises them with
 * AdvSIMD (checked by "make neoncheck"): saxpy and daxpy, float/double dot
 * products (vector partial sums, so the summation order is GCC's, fixed by
 * the committed ELF), integer sums/histogram-style reductions, byte
 * saturation/clamp, min/max search, widening multiply-accumulate, int<->float
 * conversion loops, and a 3-tap FIR filter.  Results printed as bit
 * patterns / checksums.
 */
#include "fp.h"

#define N 1024
static float xs[N], ys[N], zs[N];
static double xd[N], yd[N];
static int ia[N], ib[N];
static short sa[N], sb[N];
static unsigned char ua[N], ub[N], uc[N];
static unsigned int hist[16];

__attribute__((noinline)) static void saxpy(int n, float a, const float *restrict x, float *restrict y)
{ for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i]; }
__attribute__((noinline)) static void daxpy(int n, double a, const double *restrict x, double *restrict y)
{ for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i]; }
__attribute__((noinline)) static float sdot(int n, const float *x, const float *y)
{ float s = 0; for (int i = 0; i < n; i++) s += x[i] * y[i]; return s; }
__attribute__((noinline)) static double ddot(int n, const double *x, const double *y)
{ double s = 0; for (int i = 0; i < n; i++) s += x[i] * y[i]; return s; }
__attribute__((noinline)) static int isum(int n, const int *x)
{ int s = 0; for (int i = 0; i < n; i++) s += x[i]; return s; }
__attribute__((noinline)) static long dot_s16(int n, const short *x, const short *y)
{ long s = 0; for (int i = 0; i < n; i++) s += x[i] * y[i]; return s; }
__attribute__((noinline)) static void vadd_i(int n, int *restrict r, const int *restrict x, const int *restrict y)
{ for (int i = 0; i < n; i++) r[i] = x[i] * 3 + (y[i] >> 2) - (x[i] ^ y[i]); }
__attribute__((noinline)) static void sat_u8(int n, unsigned char *restrict r, const unsigned char *restrict x, const unsigned char *restrict y)
{ for (int i = 0; i < n; i++) { unsigned s = x[i] + y[i]; r[i] = s > 255 ? 255 : s; } }
__attribute__((noinline)) static void avg_u8(int n, unsigned char *restrict r, const unsigned char *restrict x, const unsigned char *restrict y)
{ for (int i = 0; i < n; i++) r[i] = (x[i] + y[i] + 1) >> 1; }
__attribute__((noinline)) static unsigned count_gt(int n, const unsigned char *x, unsigned char t)
{ unsigned c = 0; for (int i = 0; i < n; i++) c += x[i] > t; return c; }
__attribute__((noinline)) static int imax(int n, const int *x)
{ int m = x[0]; for (int i = 1; i < n; i++) m = x[i] > m ? x[i] : m; return m; }
__attribute__((noinline)) static float fmaxv(int n, const float *x)
{ float m = x[0]; for (int i = 1; i < n; i++) m = x[i] > m ? x[i] : m; return m; }
__attribute__((noinline)) static void cvt_loop(int n, float *restrict f, const int *restrict x)
{ for (int i = 0; i < n; i++) f[i] = (float)x[i] * 0.5f; }
__attribute__((noinline)) static void trunc_loop(int n, int *restrict r, const float *restrict f)
{ for (int i = 0; i < n; i++) r[i] = (int)f[i]; }
__attribute__((noinline)) static void fir3(int n, float *restrict r, const float *restrict x)
{ for (int i = 0; i < n - 2; i++) r[i] = 0.25f * x[i] + 0.5f * x[i + 1] + 0.25f * x[i + 2]; }
__attribute__((noinline)) static void widen_mac(int n, int *restrict r, const short *restrict x, const short *restrict y)
{ for (int i = 0; i < n; i++) r[i] += x[i] * y[i]; }
__attribute__((noinline)) static void histo(int n, const unsigned char *x)
{ for (int i = 0; i < n; i++) hist[x[i] & 15]++; }
__attribute__((noinline)) static void fabs_neg(int n, float *restrict r, const float *restrict x)
{ for (int i = 0; i < n; i++) r[i] = x[i] < 0 ? -x[i] * 2.0f : __builtin_sqrtf(x[i]); }

static u32 crc(const void *p, int n)
{
    const u8 *b = p;
    u32 h = 0x811c9dc5u;
    for (int i = 0; i < n; i++) { h ^= b[i]; h *= 0x01000193u; }
    return h;
}

int main(void)
{
    printf("autovec: -O3 auto-vectorised loops\n");
    u64 seed = 0x9e3779b97f4a7c15UL;
    for (int i = 0; i < N; i++) {
        seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
        xs[i] = (float)(i32)(seed >> 40) / 65536.0f;
        ys[i] = (float)(i - 512) * 0.125f;
        xd[i] = (double)(i64)(seed >> 20) / 1e9;
        yd[i] = 1.0 / (double)(i + 1);
        ia[i] = (int)(seed >> 32);
        ib[i] = (int)seed;
        sa[i] = (short)(seed >> 16);
        sb[i] = (short)(seed >> 48);
        ua[i] = (u8)(seed >> 8);
        ub[i] = (u8)(seed >> 56);
    }
    set_fpsr(0);
    saxpy(N, 1.5f, xs, ys);
    printf("saxpy          crc %08x y[0]=%08x y[1023]=%08x\n", crc(ys, sizeof ys), fbits(ys[0]), fbits(ys[N - 1]));
    daxpy(N, -0.75, xd, yd);
    printf("daxpy          crc %08x y[7]=%016lx\n", crc(yd, sizeof yd), dbits(yd[7]));
    printf("sdot           %08x\n", fbits(sdot(N, xs, ys)));
    printf("ddot           %016lx\n", dbits(ddot(N, xd, yd)));
    printf("isum           %08x\n", (u32)isum(N, ia));
    printf("dot_s16        %016lx\n", (u64)dot_s16(N, sa, sb));
    static int r[N];
    vadd_i(N, r, ia, ib);
    printf("vadd_i         crc %08x\n", crc(r, sizeof r));
    sat_u8(N, uc, ua, ub);
    printf("sat_u8         crc %08x\n", crc(uc, N));
    avg_u8(N, uc, ua, ub);
    printf("avg_u8         crc %08x\n", crc(uc, N));
    printf("count_gt       %u %u\n", count_gt(N, ua, 100), count_gt(N, ub, 250));
    printf("imax           %08x fmax %08x\n", (u32)imax(N, ia), fbits(fmaxv(N, xs)));
    cvt_loop(N, zs, ia);
    printf("cvt_loop       crc %08x\n", crc(zs, sizeof zs));
    trunc_loop(N, r, xs);
    printf("trunc_loop     crc %08x\n", crc(r, sizeof r));
    fir3(N, zs, xs);
    printf("fir3           crc %08x z[100]=%08x\n", crc(zs, sizeof zs), fbits(zs[100]));
    widen_mac(N, r, sa, sb);
    printf("widen_mac      crc %08x\n", crc(r, sizeof r));
    histo(N, ua);
    printf("histo         ");
    for (int i = 0; i < 16; i++) printf(" %u", hist[i]);
    printf("\n");
    fabs_neg(N, zs, xs);
    printf("fabs_neg       crc %08x\n", crc(zs, sizeof zs));
    printf("FPSR %s (0x%08lx)\n", fpsr_str(get_fpsr()), get_fpsr());
    printf("autovec done\n");
    return 0;
}
