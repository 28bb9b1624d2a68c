/*
 * fp_convert: conversions, all printed as bit patterns with the FPSR flags
 * each one raised (FPSR cleared before every conversion):
 *   - FCVTZS/FCVTZU (C casts) and FCVTNS/NU, FCVTPS/PU, FCVTMS/MU, FCVTAS/AU
 *     (inline asm) from float and double to W and X, on out-of-range values,
 *     NaN, +-inf, -0.0, +-0.5/1.5/2.5 ties, INT_MIN/MAX neighbours;
 *   - fixed-point FCVTZS/FCVTZU #fbits and SCVTF/UCVTF #fbits;
 *   - SCVTF/UCVTF (C casts) from W/X boundary values to float and double;
 *   - FCVT double<->float (rounding, overflow, underflow, NaN quieting) and
 *     float/double <-> half via __fp16 (storage-only type: FCVT Hd,Sn / Sd,Hn
 *     and Hd,Dn / Dd,Hn are base ARMv8.0 FP, no +fp16 needed).
 */
#include "fp.h"

static const u64 dsrc[] = {
    0x0000000000000000UL, 0x8000000000000000UL, 0x3fe0000000000000UL, 0xbfe0000000000000UL,
    0x3ff8000000000000UL, 0xbff8000000000000UL, 0x4004000000000000UL, 0xc004000000000000UL,
    0x41dfffffffc00000UL, /* 2^31-1 */ 0x41e0000000000000UL, /* 2^31 */ 0xc1e0000000000000UL, /* -2^31 */
    0xc1e0000000200000UL, /* -2^31-1 */ 0x41efffffffe00000UL, /* 2^32-1 */ 0x41f0000000000000UL, /* 2^32 */
    0x43dfffffffffffffUL, 0x43e0000000000000UL, /* 2^63 */ 0xc3e0000000000000UL, 0xc3e0000000000001UL,
    0x43f0000000000000UL, /* 2^64 */ 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL,
    0x7ff0000000000001UL, 0xfff8000000000123UL, 0x0000000000000001UL, 0xbfefffffffffffffUL,
    0x41dfffffffe00000UL, /* 2^31-0.5 */ 0x4330000000000001UL, 0xc330000000000003UL,
};
#define ND (sizeof dsrc / sizeof dsrc[0])

#define CV(INSN, DREG, SREG, SRC, DSTT, SRCT)                                  \
    ({ DSTT r_; SRCT s_ = (SRC); set_fpsr(0); OPAQUE(s_);                       \
       __asm__ volatile(INSN " %" DREG "0, %" SREG "1" : "=r"(r_) : "w"(s_));   \
       fl_ = get_fpsr(); r_; })

static u64 fl_;

static void to_int_double(void)
{
    printf("== double -> int: zs/zu (C casts), ns nu ps pu ms mu as au (asm); W then X; value:flags ==\n");
    for (unsigned i = 0; i < ND; i++) {
        double d = bitsd(dsrc[i]);
        printf("%016lx\n", dsrc[i]);
        volatile double vd = d;
        set_fpsr(0); i32 a = (i32)vd; u64 f1 = FLR(a);
        set_fpsr(0); u32 b = (u32)vd; u64 f2 = FLR(b);
        set_fpsr(0); i64 c = (i64)vd; u64 f3 = FLR(c);
        set_fpsr(0); u64 e = (u64)vd; u64 f4 = FLR(e);
        printf("  W zs %08x:%s zu %08x:%s  X zs %016lx:%s zu %016lx:%s\n", (u32)a, fpsr_str(f1), b, fpsr_str(f2),
               (u64)c, fpsr_str(f3), e, fpsr_str(f4));
        u32 w[8]; u64 x[8]; u64 fw[8], fx[8];
#define ROW(k, OP) w[k] = CV(OP, "w", "d", d, u32, double); fw[k] = fl_; x[k] = CV(OP, "x", "d", d, u64, double); fx[k] = fl_;
        ROW(0, "fcvtns") ROW(1, "fcvtnu") ROW(2, "fcvtps") ROW(3, "fcvtpu")
        ROW(4, "fcvtms") ROW(5, "fcvtmu") ROW(6, "fcvtas") ROW(7, "fcvtau")
        printf("  W");
        for (int k = 0; k < 8; k++) printf(" %08x:%s", w[k], fpsr_str(fw[k]));
        printf("\n  X");
        for (int k = 0; k < 8; k++) printf(" %016lx:%s%s", x[k], fpsr_str(fx[k]), k == 3 ? "\n   " : "");
        printf("\n");
    }
}

static void to_int_float(void)
{
    printf("== float -> int (values = (float)double above, FCVT with current rounding) ==\n");
    for (unsigned i = 0; i < ND; i++) {
        volatile double vd = bitsd(dsrc[i]);
        set_fpsr(0); float f = (float)vd; u64 cf = FL(f);
        u32 w[8]; u64 x[8]; u64 fw[8], fx[8];
#undef ROW
#define ROW(k, OP) w[k] = CV(OP, "w", "s", f, u32, float); fw[k] = fl_; x[k] = CV(OP, "x", "s", f, u64, float); fx[k] = fl_;
        ROW(0, "fcvtzs") ROW(1, "fcvtzu") ROW(2, "fcvtns") ROW(3, "fcvtnu")
        ROW(4, "fcvtps") ROW(5, "fcvtms") ROW(6, "fcvtas") ROW(7, "fcvtau")
        printf("%08x (fcvt from double:%s)\n  W", fbits(f), fpsr_str(cf));
        for (int k = 0; k < 8; k++) printf(" %08x:%s", w[k], fpsr_str(fw[k]));
        printf("\n  X");
        for (int k = 0; k < 8; k++) printf(" %016lx:%s%s", x[k], fpsr_str(fx[k]), k == 3 ? "\n   " : "");
        printf("\n");
    }
}

static void fixed_point(void)
{
    printf("== fixed point: fcvtzs/fcvtzu #fbits and scvtf/ucvtf #fbits ==\n");
    static const u64 v[] = { 0x3ff8000000000000UL, 0xbff4000000000000UL, 0x40e0000000000000UL, 0x41e0000000000000UL,
                             0xc0effffc00000000UL, 0x3f10000000000000UL, 0x7ff8000000000000UL, 0xfff0000000000000UL };
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++) {
        double d = bitsd(v[i]);
        u32 a = CV("fcvtzs", "w", "d", d, u32, double); u64 fa = fl_;
        u32 a1, a2, a3; u64 b1, b2; u64 f1, f2, f3, f4, f5;
        set_fpsr(0); OPAQUE(d); __asm__ volatile("fcvtzs %w0, %d1, #1" : "=r"(a1) : "w"(d)); f1 = get_fpsr();
        set_fpsr(0); OPAQUE(d); __asm__ volatile("fcvtzs %w0, %d1, #16" : "=r"(a2) : "w"(d)); f2 = get_fpsr();
        set_fpsr(0); OPAQUE(d); __asm__ volatile("fcvtzu %w0, %d1, #32" : "=r"(a3) : "w"(d)); f3 = get_fpsr();
        set_fpsr(0); OPAQUE(d); __asm__ volatile("fcvtzs %x0, %d1, #40" : "=r"(b1) : "w"(d)); f4 = get_fpsr();
        set_fpsr(0); OPAQUE(d); __asm__ volatile("fcvtzu %x0, %d1, #64" : "=r"(b2) : "w"(d)); f5 = get_fpsr();
        printf("  %016lx: #0 %08x:%s #1 %08x:%s #16 %08x:%s u#32 %08x:%s\n      x#40 %016lx:%s xu#64 %016lx:%s\n",
               v[i], a, fpsr_str(fa), a1, fpsr_str(f1), a2, fpsr_str(f2), a3, fpsr_str(f3),
               b1, fpsr_str(f4), b2, fpsr_str(f5));
    }
    static const u64 iv[] = { 0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x8000000000000000UL, 0xffffffffffffffffUL,
                              0x0000000100000001UL, 0x7ffffffffffffe00UL, 0x00000000ffffff81UL };
    for (unsigned i = 0; i < sizeof iv / sizeof iv[0]; i++) {
        u64 x = iv[i];
        double r[4]; float s[4]; u64 fl[8];
        __asm__ volatile("" : "+r"(x));
        set_fpsr(0); __asm__ volatile("scvtf %d0, %w1, #3" : "=w"(r[0]) : "r"(x)); fl[0] = get_fpsr();
        set_fpsr(0); __asm__ volatile("ucvtf %d0, %w1, #32" : "=w"(r[1]) : "r"(x)); fl[1] = get_fpsr();
        set_fpsr(0); __asm__ volatile("scvtf %d0, %x1, #64" : "=w"(r[2]) : "r"(x)); fl[2] = get_fpsr();
        set_fpsr(0); __asm__ volatile("ucvtf %d0, %x1, #7" : "=w"(r[3]) : "r"(x)); fl[3] = get_fpsr();
        set_fpsr(0); __asm__ volatile("scvtf %s0, %w1, #1" : "=w"(s[0]) : "r"(x)); fl[4] = get_fpsr();
        set_fpsr(0); __asm__ volatile("ucvtf %s0, %w1, #31" : "=w"(s[1]) : "r"(x)); fl[5] = get_fpsr();
        set_fpsr(0); __asm__ volatile("scvtf %s0, %x1, #13" : "=w"(s[2]) : "r"(x)); fl[6] = get_fpsr();
        set_fpsr(0); __asm__ volatile("ucvtf %s0, %x1, #64" : "=w"(s[3]) : "r"(x)); fl[7] = get_fpsr();
        printf("  %016lx: d %016lx:%s %016lx:%s %016lx:%s %016lx:%s\n      s %08x:%s %08x:%s %08x:%s %08x:%s\n", x,
               dbits(r[0]), fpsr_str(fl[0]), dbits(r[1]), fpsr_str(fl[1]), dbits(r[2]), fpsr_str(fl[2]),
               dbits(r[3]), fpsr_str(fl[3]), fbits(s[0]), fpsr_str(fl[4]), fbits(s[1]), fpsr_str(fl[5]),
               fbits(s[2]), fpsr_str(fl[6]), fbits(s[3]), fpsr_str(fl[7]));
    }
}

static void from_int(void)
{
    printf("== int -> float/double (C casts: scvtf/ucvtf) ==\n");
    static const u64 iv[] = { 0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x01000001, 0x01000003, 0x00ffffff,
                              0x7fffffffffffffffUL, 0x8000000000000000UL, 0xffffffffffffffffUL,
                              0x0020000000000001UL, 0x0020000000000003UL, 0x8000008000000001UL };
    for (unsigned i = 0; i < sizeof iv / sizeof iv[0]; i++) {
        volatile u64 x = iv[i];
        u64 f[8];
        set_fpsr(0); float a = (float)(i32)x; f[0] = FL(a);
        set_fpsr(0); float b = (float)(u32)x; f[1] = FL(b);
        set_fpsr(0); float c = (float)(i64)x; f[2] = FL(c);
        set_fpsr(0); float d = (float)(u64)x; f[3] = FL(d);
        set_fpsr(0); double e = (double)(i32)x; f[4] = FL(e);
        set_fpsr(0); double g = (double)(u32)x; f[5] = FL(g);
        set_fpsr(0); double h = (double)(i64)x; f[6] = FL(h);
        set_fpsr(0); double k = (double)(u64)x; f[7] = FL(k);
        printf("  %016lx: f %08x:%s %08x:%s %08x:%s %08x:%s\n      d %016lx:%s %016lx:%s %016lx:%s %016lx:%s\n",
               iv[i], fbits(a), fpsr_str(f[0]), fbits(b), fpsr_str(f[1]), fbits(c), fpsr_str(f[2]), fbits(d),
               fpsr_str(f[3]), dbits(e), fpsr_str(f[4]), dbits(g), fpsr_str(f[5]), dbits(h), fpsr_str(f[6]),
               dbits(k), fpsr_str(f[7]));
    }
}

static void fp_fp(void)
{
    printf("== double <-> float <-> half ==\n");
    static const u64 dv[] = { 0x3ff0000000000000UL, 0x3ff0000010000000UL, 0x3ff0000030000000UL, 0x47efffffe0000000UL,
                              0x47effffff0000000UL, 0x36a0000000000000UL, 0x3690000000000000UL, 0x3810000000000000UL,
                              0x380fffffffffffffUL, 0x7ff0000000000001UL, 0xfff4000000012345UL, 0x7ff8000fffffffffUL,
                              0x8000000000000000UL, 0xfff0000000000000UL, 0x40effe0000000000UL, 0x40effc0000000000UL,
                              0x3e70000000000000UL, 0x3e60000000000000UL, 0xbf50040000000000UL };
    for (unsigned i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        volatile double vd = bitsd(dv[i]);
        u64 f[6];
        set_fpsr(0); float s = (float)vd; f[0] = FL(s);
        set_fpsr(0); OPAQUE(s); double back = (double)s; f[1] = FL(back);
        volatile __fp16 h;
        set_fpsr(0); OPAQUE(s); h = (__fp16)s; f[2] = get_fpsr();
        set_fpsr(0); float hs = (float)h; f[3] = FL(hs);
        volatile __fp16 h2;
        set_fpsr(0); h2 = (__fp16)vd; f[4] = get_fpsr();
        set_fpsr(0); double hd = (double)h2; f[5] = FL(hd);
        __fp16 hh = h, hh2 = h2;
        u16 hb, hb2;
        memcpy(&hb, &hh, 2); memcpy(&hb2, &hh2, 2);
        printf("  %016lx -> s %08x:%s -> d %016lx:%s | s->h %04x:%s ->s %08x:%s | d->h %04x:%s ->d %016lx:%s\n",
               dv[i], fbits(s), fpsr_str(f[0]), dbits(back), fpsr_str(f[1]), hb, fpsr_str(f[2]), fbits(hs),
               fpsr_str(f[3]), hb2, fpsr_str(f[4]), dbits(hd), fpsr_str(f[5]));
    }
}

int main(void)
{
    printf("fp_convert: conversions with saturation and flags (FPCR=0x%lx)\n", get_fpcr());
    to_int_double();
    to_int_float();
    fixed_point();
    from_int();
    fp_fp();
    printf("fp_convert done\n");
    return 0;
}
