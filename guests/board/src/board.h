/* board.h - QEMU virt (gic-version=3) devices for the board fixture programs. */
#ifndef BOARD_H
#define BOARD_H
#include "guest.h"

#define GICD        0x08000000UL
#define GICR(n)     (0x080A0000UL + (u64)(n) * 0x20000UL)
#define GICR_SGI(n) (GICR(n) + 0x10000UL)
#define UART        0x09000000UL

#define MRS(enc) read_sysreg(enc)
#define MSR(enc, v) write_sysreg(enc, v)
/* ICC registers by encoding, so any assembler accepts them. */
#define ICC_PMR_EL1     S3_0_C4_C6_0
#define ICC_IAR1_EL1    S3_0_C12_C12_0
#define ICC_EOIR1_EL1   S3_0_C12_C12_1
#define ICC_HPPIR1_EL1  S3_0_C12_C12_2
#define ICC_RPR_EL1     S3_0_C12_C11_3
#define ICC_SGI1R_EL1   S3_0_C12_C11_5
#define ICC_SRE_EL1     S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7

static inline void w32(u64 a, u32 v) { *(volatile u32 *)a = v; }
static inline u32 r32(u64 a) { return *(volatile u32 *)a; }

#define PSCI_CPU_OFF        0x84000002UL
#define PSCI_CPU_ON         0xc4000003UL
#define PSCI_AFFINITY_INFO  0xc4000004UL
#define PSCI_SYSTEM_OFF     0x84000008UL

static inline u64 psci(u64 fn, u64 a1, u64 a2, u64 a3)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = a1;
    register u64 x2 __asm__("x2") = a2;
    register u64 x3 __asm__("x3") = a3;
    __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    return x0;
}

/* Distributor on (affinity routing, Group 1), and this CPU's redistributor awake and its
 * CPU interface accepting Group 1 at every priority. */
static inline void gic_init_dist(void) { w32(GICD, 0x12); }
static inline void gic_init_cpu(int n)
{
    w32(GICR(n) + 0x14, r32(GICR(n) + 0x14) & ~2u);
    while (r32(GICR(n) + 0x14) & 4)
        ;
    w32(GICR_SGI(n) + 0x80, 0xffffffffu);   /* SGIs and PPIs in Group 1 */
    w32(GICR_SGI(n) + 0x100, 0xffffu);      /* SGIs enabled */
    MSR(ICC_SRE_EL1, 7);
    isb();
    MSR(ICC_PMR_EL1, 0xff);
    MSR(ICC_IGRPEN1_EL1, 1);
    isb();
}
static inline void gic_enable_ppi(int cpu, int intid, int prio)
{
    *(volatile u8 *)(GICR_SGI(cpu) + 0x400 + intid) = (u8)prio;
    w32(GICR_SGI(cpu) + 0x100, 1u << intid);
}
static inline void irq_on(void) { __asm__ volatile("msr daifclr, #2" ::: "memory"); }
static inline void irq_off(void) { __asm__ volatile("msr daifset, #2" ::: "memory"); }
static inline void wfi(void) { __asm__ volatile("wfi" ::: "memory"); }

/* Entry for secondary CPUs (secondary.S): sets SP to the stack in x0 (the PSCI context), then
 * calls secondary_main(). */
extern void secondary_entry(void);
#endif
