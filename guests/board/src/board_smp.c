/*
 * board_smp (-smp 2): PSCI CPU_ON / AFFINITY_INFO / CPU_OFF, and SGIs between the two CPUs
 * through ICC_SGI1R_EL1. CPU 1 only records; CPU 0 prints.
 */
#include "board.h"

static u8 stack1[4096] __attribute__((aligned(16)));
static volatile u64 cpu1_mpidr, cpu1_el, cpu1_sgi, cpu1_step;
static volatile u32 cpu0_sgi;

void el1_exception(struct trap_frame *f, u64 kind)
{
    if (KIND_TYPE(kind) != 1) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    u32 intid = (u32)MRS(ICC_IAR1_EL1);
    MSR(ICC_EOIR1_EL1, intid);
    isb();
    if ((read_sysreg(mpidr_el1) & 0xff) == 1)
        cpu1_sgi = intid;
    else
        cpu0_sgi = intid;
}

void secondary_main(void)
{
    cpu1_mpidr = read_sysreg(mpidr_el1);
    cpu1_el = read_sysreg(CurrentEL) >> 2;
    gic_init_cpu(1);
    cpu1_step = 1;
    irq_on();
    while (!cpu1_sgi)
        wfi();
    irq_off();
    /* Answer with SGI 5 to CPU 0 (Aff0 = 0, target list bit 0). */
    MSR(ICC_SGI1R_EL1, (5UL << 24) | 1);
    isb();
    cpu1_step = 2;
    psci(PSCI_CPU_OFF, 0, 0, 0);
    cpu1_step = 99; /* never */
}

int main(void)
{
    printf("board_smp: MPIDR_EL1 = 0x%lx\n", read_sysreg(mpidr_el1));
    gic_init_dist();
    gic_init_cpu(0);
    printf("AFFINITY_INFO(1) before = %ld\n", (i64)psci(PSCI_AFFINITY_INFO, 1, 0, 0));
    printf("AFFINITY_INFO(7) = %ld\n", (i64)psci(PSCI_AFFINITY_INFO, 7, 0, 0));
    printf("CPU_ON(7) = %ld\n", (i64)psci(PSCI_CPU_ON, 7, (u64)secondary_entry, 0));
    i64 r = (i64)psci(PSCI_CPU_ON, 1, (u64)secondary_entry, (u64)(stack1 + sizeof stack1));
    printf("CPU_ON(1) = %ld\n", r);
    while (cpu1_step < 1)
        ;
    printf("cpu1 running: MPIDR 0x%lx at EL%lu\n", cpu1_mpidr, cpu1_el);
    printf("CPU_ON(1) again = %ld\n", (i64)psci(PSCI_CPU_ON, 1, (u64)secondary_entry, 0));
    printf("AFFINITY_INFO(1) while on = %ld\n", (i64)psci(PSCI_AFFINITY_INFO, 1, 0, 0));
    /* SGI 3 to CPU 1: Aff1 = 0, target list bit 1. */
    irq_on();
    MSR(ICC_SGI1R_EL1, (3UL << 24) | 2);
    isb();
    while (!cpu0_sgi)
        wfi();
    irq_off();
    while (cpu1_step < 2)
        ;
    printf("cpu1 got SGI %lu, cpu0 got SGI %u\n", cpu1_sgi, cpu0_sgi);
    while (psci(PSCI_AFFINITY_INFO, 1, 0, 0) != 1)
        ;
    printf("AFFINITY_INFO(1) after CPU_OFF = 1\n");
    printf("cpu1 step %lu\n", cpu1_step);
    return 0;
}
