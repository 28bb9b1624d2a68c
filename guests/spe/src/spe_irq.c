/*
 * spe_irq.c - the buffer management interrupt (spe.md §2 buffer full, §7 PMBIRQ) at EL1:
 * a one-page buffer fills while a loop is profiled; PMBIRQ (PPI, INTID 21 on the virt board)
 * is taken through the GICv3 and the handler does what Linux's driver does (§8): PSB CSYNC,
 * DSB, read PMBSR, stop the buffer, clear PMBSR (deasserting the level-sensitive interrupt).
 * Then software writes PMBSR.S=1 itself, which asserts PMBIRQ too (§7).
 */
#include "spe.h"

#define GICD 0x08000000UL
#define GICR(n) (0x080A0000UL + (u64)(n) * 0x20000UL)
#define GICR_SGI(n) (GICR(n) + 0x10000UL)
#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_IAR1_EL1 S3_0_C12_C12_0
#define ICC_EOIR1_EL1 S3_0_C12_C12_1
#define ICC_SRE_EL1 S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define PMBIRQ 21

static inline void w32(u64 a, u32 v) { *(volatile u32 *)a = v; }
static inline u32 r32(u64 a) { return *(volatile u32 *)a; }

static u8 buf[PAGE] __attribute__((aligned(4096)));
#define N 16384
#define ARR 0x40400000UL

static volatile u64 irqs, irq_intid, irq_sr, irq_ptr;

void el1_exception(struct trap_frame *f, u64 kind)
{
    if (KIND_TYPE(kind) == 1) {
        u32 intid = (u32)MRS(ICC_IAR1_EL1);
        psb_csync();
        irq_intid = intid;
        irq_sr = MRS(PMBSR_EL1);
        irq_ptr = MRS(PMBPTR_EL1);
        irqs++;
        MSR(PMBLIMITR_EL1, 0);
        isb();
        MSR(PMBSR_EL1, 0);
        isb();
        MSR(ICC_EOIR1_EL1, intid);
        return;
    }
    report_exception("EL1", f, kind);
    exit(EXIT_UNEXPECTED_EXCEPTION);
}

int main(void)
{
    mmu_on(0, 0);
    for (u64 i = 0; i < N; i++)
        ((u64 *)ARR)[i] = i;
    w32(GICD, 0x12);
    w32(GICR(0) + 0x14, r32(GICR(0) + 0x14) & ~2u);
    while (r32(GICR(0) + 0x14) & 4)
        ;
    w32(GICR_SGI(0) + 0x80, 0xffffffffu);
    MSR(ICC_SRE_EL1, 7);
    isb();
    MSR(ICC_PMR_EL1, 0xff);
    MSR(ICC_IGRPEN1_EL1, 1);
    *(volatile u8 *)(GICR_SGI(0) + 0x400 + PMBIRQ) = 0x80;
    w32(GICR_SGI(0) + 0x100, 1u << PMBIRQ);
    isb();
    __asm__ volatile("msr daifclr, #2" ::: "memory");

    u64 b = (u64)buf;
    spe_start(b, b + PAGE, 1UL << 8, 0, 0, 0, 2);
    spe_loop((u64 *)ARR, N);
    spe_stop();
    report("full", b, ARR, N, 1);
    printf("irqs=%lu intid=%lu irq_sr=0x%lx irq_ptr=0x%lx\n", irqs, irq_intid, irq_sr, irq_ptr);

    /* §7: a direct write of PMBSR.S=1 asserts PMBIRQ as well. */
    MSR(PMBSR_EL1, 1UL << 17);
    isb();
    __asm__ volatile("nop\n\tnop" ::: "memory");
    printf("after software S=1: irqs=%lu intid=%lu PMBSR=0x%lx\n", irqs, irq_intid,
           MRS(PMBSR_EL1));
    return 0;
}
