/*
 * fp_special: IEEE special cases and FPCR modes, executed with inline asm so
 * each line is exactly one instruction (FPSR cleared before it, read after):
 *   - NaN handling: quiet and signalling NaN payloads (built via unions),
 *     propagation order (sNaN before qNaN, first operand first, incl. the
 *     3-operand FMADD order Ra/Rn/Rm), quieting, FMAX/FMIN vs FMAXNM/FMINNM,
 *     FABS/FNEG on NaNs (no quieting, no flags), FCMP vs FCMPE (IOC) and NZCV;
 *   - infinities, signed zeros, denormals in/out (UFC, IDC);
 *   - all four rounding modes (FPCR.RMode via msr fpcr) on values at rounding
 *     boundaries: add, mul, div, fma, sqrt, FCVT D->S, FRINTI/FRINTX, SCVTF;
 *   - FPCR.FZ (flush inputs/outputs to zero, IDC/UFC) and FPCR.DN (default
 *     NaN) alone and together.
 */
#include "fp.h"

#define D2(NAME, INSN) static double NAME(double a, double b) { double r; __asm__ volatile(INSN " %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b)); return r; }
#define S2(NAME, INSN) static double NAME(double a, double b) { float r, x = (float)0, y = (float)0; f64u ua = { .d = a }, ub = { .d = b }; f32u xa = { .u = (u32)ua.u }, xb = { .u = (u32)ub.u }; x = xa.f; y = xb.f; __asm__ volatile(INSN " %s0, %s1, %s2" : "=w"(r) : "w"(x), "w"(y)); f32u o = { .f = r }; f64u res = { .u = o.u }; return res.d; }
#define D1(NAME, INSN) static double NAME(double a, double b) { double r; __asm__ volatile(INSN " %d0, %d1" : "=w"(r) : "w"(a)); return r; }
#define S1(NAME, INSN) static double NAME(double a, double b) { float r, x; f64u ua = { .d = a }; f32u xa = { .u = (u32)ua.u }; x = xa.f; __asm__ volatile(INSN " %s0, %s1" : "=w"(r) : "w"(x)); f32u o = { .f = r }; f64u res = { .u = o.u }; return res.d; }

D2(d_add, "fadd") D2(d_sub, "fsub") D2(d_mul, "fmul") D2(d_div, "fdiv") D2(d_nmul, "fnmul")
D2(d_max, "fmax") D2(d_min, "fmin") D2(d_maxnm, "fmaxnm") D2(d_minnm, "fminnm")
D1(d_sqrt, "fsqrt") D1(d_abs, "fabs") D1(d_neg, "fneg") D1(d_frinti, "frinti") D1(d_frintx, "frintx")
D1(d_frintn, "frintn") D1(d_frinta, "frinta") D1(d_frintz, "frintz") D1(d_frintp, "frintp") D1(d_frintm, "frintm")
S2(s_add, "fadd") S2(s_mul, "fmul") S2(s_div, "fdiv") S2(s_max, "fmax") S2(s_minnm, "fminnm")
S1(s_sqrt, "fsqrt") S1(s_frintx, "frintx")
static double d_fma(double a, double b) { double r, c = bitsd(0x3ff0000000000000UL); __asm__ volatile("fmadd %d0, %d1, %d2, %d3" : "=w"(r) : "w"(a), "w"(b), "w"(c)); return r; }
static double d_fmsub(double a, double b) { double r, c = bitsd(0x3cb0000000000000UL); __asm__ volatile("fmsub %d0, %d1, %d2, %d3" : "=w"(r) : "w"(a), "w"(b), "w"(c)); return r; }
static double d_cvts(double a, double b) { float r; __asm__ volatile("fcvt %s0, %d1" : "=w"(r) : "w"(a)); return bitsd(fbits(r)); }
static double s_cvtd(double a, double b) { double r; float x = bitsf((u32)dbits(a)); __asm__ volatile("fcvt %d0, %s1" : "=w"(r) : "w"(x)); return r; }
static double d_scvtf(double a, double b) { double r; u64 x = dbits(a); __asm__ volatile("scvtf %d0, %x1" : "=w"(r) : "r"(x)); return r; }
static double s_scvtf(double a, double b) { float r; u64 x = dbits(a); __asm__ volatile("scvtf %s0, %x1" : "=w"(r) : "r"(x)); return bitsd(fbits(r)); }
static double d_fcvtzs(double a, double b) { u64 r; __asm__ volatile("fcvtzs %x0, %d1" : "=r"(r) : "w"(a)); return bitsd(r); }
static double d_fcmp(double a, double b) { u64 r; __asm__ volatile("fcmp %d1, %d2\n\tmrs %0, nzcv" : "=r"(r) : "w"(a), "w"(b)); return bitsd(r); }
static double d_fcmpe(double a, double b) { u64 r; __asm__ volatile("fcmpe %d1, %d2\n\tmrs %0, nzcv" : "=r"(r) : "w"(a), "w"(b)); return bitsd(r); }
static double s_fcmp(double a, double b) { u64 r; float x = bitsf((u32)dbits(a)), y = bitsf((u32)dbits(b)); __asm__ volatile("fcmp %s1, %s2\n\tmrs %0, nzcv" : "=r"(r) : "w"(x), "w"(y)); return bitsd(r); }
static double d_fccmp(double a, double b) { u64 r; u64 z = 0; __asm__ volatile("cmp %3, #0\n\tfccmpe %d1, %d2, #0x3, eq\n\tmrs %0, nzcv" : "=r"(r) : "w"(a), "w"(b), "r"(z) : "cc"); return bitsd(r); }

typedef double (*opfn)(double, double);
struct op { const char *name; opfn f; int single; int arity; };

/* one instruction under FPCR=fpcr: prints "name(a,b) = r flags" */
static void run(const struct op *o, u64 fpcr, u64 a, u64 b)
{
    double x = bitsd(a), y = bitsd(b);
    set_fpcr(fpcr);
    set_fpsr(0);
    OPAQUE(x); OPAQUE(y);
    double r = o->f(x, y);
    u64 fl = FL(r);
    set_fpcr(0);
    if (o->single) {
        if (o->arity == 1) printf("    %-8s %08x            = %08x %s\n", o->name, (u32)a, (u32)dbits(r), fpsr_str(fl));
        else printf("    %-8s %08x %08x   = %08x %s\n", o->name, (u32)a, (u32)b, (u32)dbits(r), fpsr_str(fl));
    } else {
        if (o->arity == 1) printf("    %-8s %016lx                  = %016lx %s\n", o->name, a, dbits(r), fpsr_str(fl));
        else printf("    %-8s %016lx %016lx = %016lx %s\n", o->name, a, b, dbits(r), fpsr_str(fl));
    }
}

#define QN   0x7ff8000000000000UL
#define QNP  0x7ff800000000beefUL     /* quiet NaN with payload */
#define QNN  0xfff80000000c0ffeUL     /* negative quiet NaN with payload */
#define SN   0x7ff0000000000001UL
#define SNP  0x7ff4000000dead00UL     /* signalling NaN with payload */
#define SNN  0xfff0000000abcdefUL
#define INF  0x7ff0000000000000UL
#define NINF 0xfff0000000000000UL
#define ONE  0x3ff0000000000000UL
#define NZ   0x8000000000000000UL
#define DEN  0x0008000000000001UL     /* denormal */
#define NDEN 0x800fffffffffffffUL
#define MINN 0x0010000000000000UL     /* smallest normal */
#define SQN  0x7fc00000UL
#define SQNP 0xffc0abcdUL
#define SSNP 0x7f800123UL
#define SSNN 0xff812345UL
#define SDEN 0x00400001UL
#define SONE 0x3f800000UL

static const struct op OPS2[] = {
    { "fadd", d_add, 0, 2 }, { "fsub", d_sub, 0, 2 }, { "fmul", d_mul, 0, 2 }, { "fdiv", d_div, 0, 2 },
    { "fnmul", d_nmul, 0, 2 }, { "fmax", d_max, 0, 2 }, { "fmin", d_min, 0, 2 }, { "fmaxnm", d_maxnm, 0, 2 },
    { "fminnm", d_minnm, 0, 2 }, { "fmadd+1", d_fma, 0, 2 }, { "fcmp", d_fcmp, 0, 2 }, { "fcmpe", d_fcmpe, 0, 2 },
    { "fccmpe", d_fccmp, 0, 2 },
};
static const struct op OPS1[] = {
    { "fsqrt", d_sqrt, 0, 1 }, { "fabs", d_abs, 0, 1 }, { "fneg", d_neg, 0, 1 }, { "frinti", d_frinti, 0, 1 },
    { "frintx", d_frintx, 0, 1 }, { "fcvt>s", d_cvts, 0, 1 }, { "fcvtzs", d_fcvtzs, 0, 1 },
};
static const struct op SOPS2[] = {
    { "fadd.s", s_add, 1, 2 }, { "fmul.s", s_mul, 1, 2 }, { "fdiv.s", s_div, 1, 2 }, { "fmax.s", s_max, 1, 2 },
    { "fminnm.s", s_minnm, 1, 2 }, { "fcmp.s", s_fcmp, 1, 2 },
};
static const struct op SOPS1[] = { { "fsqrt.s", s_sqrt, 1, 1 }, { "frintx.s", s_frintx, 1, 1 }, { "fcvt>d", s_cvtd, 1, 1 } };
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void nans(u64 fpcr)
{
    static const u64 pairs[][2] = {
        { QNP, ONE }, { ONE, QNP }, { SNP, ONE }, { ONE, SNP }, { QNP, SNP }, { SNP, QNP }, { QNN, QNP },
        { SNN, SNP }, { SN, INF }, { QN, NINF }, { INF, NINF }, { NINF, INF }, { INF, NZ }, { NZ, 0 },
        { 0, NZ }, { DEN, NDEN }, { MINN, 0x3fe0000000000000UL }, { DEN, DEN }, { NDEN, INF }, { ONE, ONE },
    };
    static const u64 singles[] = { QNP, QNN, SNP, SNN, INF, NINF, NZ, DEN, NDEN, 0xbff0000000000000UL, MINN,
                                   0x47efffffe0000001UL, 0x36a0000000000000UL, 0x7fefffffffffffffUL };
    static const u64 spairs[][2] = { { SQN, SONE }, { SSNP, SQNP }, { SQNP, SSNN }, { SONE, SSNP }, { SDEN, SDEN },
                                     { SDEN, SONE }, { 0x7f7fffff, 0x40000000 }, { 0x00800000, 0x3f000000 },
                                     { 0x80000000, 0 }, { 0x7f800000, 0x7f800000 } };
    static const u32 s1[] = { SSNP, SSNN, SQNP, SDEN, 0x807fffff, 0xbf800000, 0x4b7fffff, 0x3fc00000, 0x00000001 };
    for (unsigned i = 0; i < NELEM(pairs); i++)
        for (unsigned k = 0; k < NELEM(OPS2); k++) run(&OPS2[k], fpcr, pairs[i][0], pairs[i][1]);
    for (unsigned i = 0; i < NELEM(singles); i++)
        for (unsigned k = 0; k < NELEM(OPS1); k++) run(&OPS1[k], fpcr, singles[i], 0);
    for (unsigned i = 0; i < NELEM(spairs); i++)
        for (unsigned k = 0; k < NELEM(SOPS2); k++) run(&SOPS2[k], fpcr, spairs[i][0], spairs[i][1]);
    for (unsigned i = 0; i < NELEM(s1); i++)
        for (unsigned k = 0; k < NELEM(SOPS1); k++) run(&SOPS1[k], fpcr, s1[i], 0);
}

static void rounding(void)
{
    static const struct op R2[] = {
        { "fadd", d_add, 0, 2 }, { "fsub", d_sub, 0, 2 }, { "fmul", d_mul, 0, 2 }, { "fdiv", d_div, 0, 2 },
        { "fmadd+1", d_fma, 0, 2 }, { "fmsub-e", d_fmsub, 0, 2 }, { "fadd.s", s_add, 1, 2 }, { "fdiv.s", s_div, 1, 2 },
    };
    static const struct op R1[] = {
        { "fsqrt", d_sqrt, 0, 1 }, { "fcvt>s", d_cvts, 0, 1 }, { "frinti", d_frinti, 0, 1 }, { "frintx", d_frintx, 0, 1 },
        { "frintn", d_frintn, 0, 1 }, { "frinta", d_frinta, 0, 1 }, { "frintz", d_frintz, 0, 1 },
        { "frintp", d_frintp, 0, 1 }, { "frintm", d_frintm, 0, 1 }, { "scvtf", d_scvtf, 0, 1 },
        { "scvtf.s", s_scvtf, 0, 1 }, { "frintx.s", s_frintx, 1, 1 },
    };
    static const u64 p2[][2] = { { ONE, 0x3ca0000000000000UL }, { ONE, 0x3ca0000000000001UL }, { 0xbff0000000000000UL, 0xbca0000000000000UL },
                                 { ONE, 0x4008000000000000UL }, { 0xbff0000000000000UL, 0x4008000000000000UL },
                                 { 0x7fefffffffffffffUL, 0x7fefffffffffffffUL }, { 0xffefffffffffffffUL, 0x4000000000000000UL },
                                 { MINN, 0x3fefffffffffffffUL }, { 0x3ff0000000000001UL, 0x3ff0000000000001UL },
                                 { 0x3f800001UL, 0x33800000UL }, { 0xbf800001UL, 0x40400000UL } };
    static const u64 p1[] = { 0x4000000000000000UL, 0x3ff8000000000000UL, 0x4004000000000000UL, 0xc004000000000000UL,
                              0xbfe0000000000000UL, 0x3fe0000000000001UL, 0x3ff0000010000000UL, 0xbff0000030000000UL,
                              0x47efffffefffffffUL, 0x36a8000000000000UL, 0x4330000000000001UL,
                              0x0020000000000001UL, 0x7ffffffffffffe01UL, 0x3fc00001UL, 0xbfc00000UL };
    static const char *mname[4] = { "RN (nearest even)", "RP (towards +inf)", "RM (towards -inf)", "RZ (towards zero)" };
    for (int m = 0; m < 4; m++) {
        printf("== rounding mode %d: %s, FPCR=0x%lx ==\n", m, mname[m], FPCR_RMODE(m));
        for (unsigned i = 0; i < NELEM(p2); i++)
            for (unsigned k = 0; k < NELEM(R2); k++) run(&R2[k], FPCR_RMODE(m), p2[i][0], p2[i][1]);
        for (unsigned i = 0; i < NELEM(p1); i++)
            for (unsigned k = 0; k < NELEM(R1); k++) run(&R1[k], FPCR_RMODE(m), p1[i], 0);
    }
}

int main(void)
{
    printf("fp_special: NaN/inf/denormal handling and FPCR modes\n");
    /* FPCR read-back: which bits stick (QEMU: RES0 bits read as 0) */
    static const u64 tries[] = { FPCR_DN, FPCR_FZ, FPCR_RMODE(3), 0x07ff9f00UL, 0xffffffffUL, 0x00009f00UL };
    for (unsigned i = 0; i < NELEM(tries); i++) {
        set_fpcr(tries[i]);
        u64 back = get_fpcr();
        set_fpcr(0);
        printf("FPCR write 0x%08lx reads 0x%08lx\n", tries[i], back);
    }
    set_fpsr(0xffffffffUL);
    printf("FPSR write 0xffffffff reads 0x%08lx\n", get_fpsr());
    set_fpsr(0);
    static const struct { u64 fpcr; const char *what; } modes[] = {
        { 0, "default (RN, FZ=0, DN=0)" }, { FPCR_DN, "DN=1 (default NaN)" }, { FPCR_FZ, "FZ=1 (flush to zero)" },
        { FPCR_FZ | FPCR_DN, "FZ=1 DN=1" }, { FPCR_FZ | FPCR_RMODE(2), "FZ=1 RM" },
    };
    for (unsigned m = 0; m < NELEM(modes); m++) {
        printf("== special values, FPCR=0x%08lx: %s ==\n", modes[m].fpcr, modes[m].what);
        nans(modes[m].fpcr);
    }
    rounding();
    printf("fp_special done\n");
    return 0;
}
