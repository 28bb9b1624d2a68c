/*
 * fp.h - helpers for the FP/SIMD fixtures: exact bit patterns, FPCR/FPSR.
 * Include after guest.h.  FP values are always printed as hex bit patterns
 * (the runtime's printf has no %f).
 */
#ifndef FP_H
#define FP_H
#include "guest.h"

typedef union { float f; u32 u; } f32u;
typedef union { double d; u64 u; } f64u;

static inline u32 fbits(float f) { f32u x; x.f = f; return x.u; }
static inline u64 dbits(double d) { f64u x; x.d = d; return x.u; }
static inline float bitsf(u32 u) { f32u x; x.u = u; return x.f; }
static inline double bitsd(u64 u) { f64u x; x.u = u; return x.d; }

static inline u64 get_fpsr(void) { u64 v; __asm__ volatile("mrs %0, fpsr" : "=r"(v) :: "memory"); return v; }
static inline void set_fpsr(u64 v) { __asm__ volatile("msr fpsr, %0" :: "r"(v) : "memory"); }
static inline u64 get_fpcr(void) { u64 v; __asm__ volatile("mrs %0, fpcr" : "=r"(v) :: "memory"); return v; }
static inline void set_fpcr(u64 v) { __asm__ volatile("msr fpcr, %0\n\tisb" :: "r"(v) : "memory"); }

#define FPCR_DN (1UL << 25)
#define FPCR_FZ (1UL << 24)
#define FPCR_RMODE(m) ((u64)(m) << 22)   /* 0 RN, 1 RP, 2 RM, 3 RZ */

/* "QC IDC IXC UFC OFC DZC IOC" flags as letters, '-' when clear */
static inline const char *fpsr_str(u64 v)
{
    static char bufs[16][8];
    static int k;
    char *b = bufs[k++ & 15];         /* 16 rotating buffers: up to 16 per printf */
    const char *n = "QDXUOZI";
    int bit[7] = { 27, 7, 4, 3, 2, 1, 0 };
    for (int i = 0; i < 7; i++) b[i] = (v >> bit[i]) & 1 ? n[i] : '-';
    b[7] = 0;
    return b;
}

/* Hide a value from the optimiser (no constant folding across it). */
#define OPAQUE(x) __asm__ volatile("" : "+w"(x))
#define OPAQUER(x) __asm__ volatile("" : "+r"(x))
/* FPSR after the computation of FP value V (V forced to exist first) */
#define FL(v) ({ OPAQUE(v); get_fpsr(); })
#define FLR(v) ({ OPAQUER(v); get_fpsr(); })
#endif
