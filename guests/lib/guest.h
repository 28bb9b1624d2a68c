/*
 * guest.h - tiny bare-metal runtime for the hypsim guest fixtures.
 *
 * Everything here is integer-only (built with -mgeneral-regs-only) and talks
 * to the outside world exclusively through Arm semihosting (HLT #0xF000).
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdarg.h>

typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef int i32;
typedef unsigned short u16;
typedef short i16;
typedef unsigned char u8;
typedef signed char i8;
typedef unsigned long size_t;

#define NULL ((void *)0)

/* Semihosting operation numbers */
#define SYS_WRITEC          0x03
#define SYS_WRITE0          0x04
#define SYS_EXIT            0x18
#define SYS_EXIT_EXTENDED   0x20
#define ADP_Stopped_ApplicationExit 0x20026

/* Exit code used by the default (unexpected) exception handlers. */
#define EXIT_UNEXPECTED_EXCEPTION 99

/* Register frame built by the shared vector table (lib/vectors.S). */
struct trap_frame {
    u64 x[31];      /* x0..x30 at the time of the exception */
    u64 elr;        /* ELR_ELn  (written back on return) */
    u64 spsr;       /* SPSR_ELn (written back on return) */
    u64 esr;        /* ESR_ELn  (read only) */
    u64 far;        /* FAR_ELn  (read only; UNKNOWN for many ECs) */
    u64 sp_el0;     /* SP_EL0   (written back on return) */
};

/*
 * Vector "kind" passed to the C handlers: (group << 2) | type
 *   group: 0 = current EL with SP_EL0, 1 = current EL with SP_ELx,
 *          2 = lower EL AArch64, 3 = lower EL AArch32
 *   type:  0 = synchronous, 1 = IRQ, 2 = FIQ, 3 = SError
 */
#define KIND_GROUP(k) ((k) >> 2)
#define KIND_TYPE(k)  ((k) & 3)

/* Handlers called by the shared vector tables.  Both are weak in the
 * library; a program may define its own to take over. */
void el1_exception(struct trap_frame *f, u64 kind);
void el2_exception(struct trap_frame *f, u64 kind);
/* Print an exception report (used by the default handlers). */
void report_exception(const char *el, struct trap_frame *f, u64 kind);
const char *kind_name(u64 kind);

extern char __vectors_el1[], __vectors_el2[];
extern char __image_start[], __image_end[], __stack_top[];

/* semihosting / output */
long semihost_call(long op, const void *arg);
void sh_putc(char c);
void sh_puts(const char *s);              /* no newline added */
int printf(const char *fmt, ...);
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int snprintf(char *buf, size_t n, const char *fmt, ...);
void print_hex64(u64 v);                  /* 0x%016lx */
void print_hex32(u32 v);                  /* 0x%08x */
void print_dec(i64 v);
void print_udec(u64 v);
const char *nzcv_str(u64 nzcv);           /* "N-C-" style, static buffer */
void exit(int code) __attribute__((noreturn));

/* string.c */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* system register helpers */
#define read_sysreg(r) ({ u64 __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(r, v) do { u64 __v = (u64)(v); __asm__ volatile("msr " #r ", %0" :: "r"(__v)); } while (0)
#define isb() __asm__ volatile("isb" ::: "memory")

static inline u64 read_nzcv(void) { return read_sysreg(nzcv); }

#endif
