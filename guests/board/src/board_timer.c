/*
 * board_timer: the EL1 virtual timer's interrupt (PPI 27) through the GICv3, taken while the
 * CPU waits in WFI; three rounds with different TVALs, then the physical timer (PPI 30).
 */
#include "board.h"

static volatile u32 got, rpr_in_handler, hppir_in_handler;
static volatile int which; /* 0 = virtual timer, 1 = physical */

void el1_exception(struct trap_frame *f, u64 kind)
{
    if (KIND_TYPE(kind) != 1) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    u32 intid = (u32)MRS(ICC_IAR1_EL1);
    rpr_in_handler = (u32)MRS(ICC_RPR_EL1);
    if (which == 0)
        MSR(cntv_ctl_el0, 2);   /* masked, disabled: the line drops */
    else
        MSR(cntp_ctl_el0, 2);
    isb();
    hppir_in_handler = (u32)MRS(ICC_HPPIR1_EL1);
    MSR(ICC_EOIR1_EL1, intid);
    isb();
    got = intid;
}

int main(void)
{
    printf("board_timer: CNTFRQ_EL0 = %lu\n", read_sysreg(cntfrq_el0));
    gic_init_dist();
    gic_init_cpu(0);
    gic_enable_ppi(0, 27, 0x80);
    gic_enable_ppi(0, 30, 0xa0);
    printf("IAR1 with nothing pending = %u\n", (u32)MRS(ICC_IAR1_EL1));
    static const u32 tvals[] = { 100, 5000, 62500 };
    for (int i = 0; i < 3; i++) {
        got = 0;
        u64 before = read_sysreg(cntvct_el0);
        MSR(cntv_tval_el0, tvals[i]);
        MSR(cntv_ctl_el0, 1);
        isb();
        irq_on();
        while (!got)
            wfi();
        irq_off();
        u64 after = read_sysreg(cntvct_el0);
        printf("round %d: TVAL %u -> INTID %u, RPR in handler 0x%x, HPPIR 0x%x, waited enough: %s\n",
               i, tvals[i], got, rpr_in_handler, hppir_in_handler,
               after - before >= tvals[i] ? "yes" : "no");
    }
    printf("CNTV_CTL_EL0 after = 0x%lx\n", read_sysreg(cntv_ctl_el0));
    which = 1;
    got = 0;
    MSR(cntp_cval_el0, read_sysreg(cntpct_el0) + 2000);
    MSR(cntp_ctl_el0, 1);
    isb();
    u64 ctl;
    while (!((ctl = read_sysreg(cntp_ctl_el0)) & 4))
        ;
    printf("CNTP_CTL_EL0 when met = 0x%lx (ISTATUS)\n", ctl);
    irq_on();
    while (!got)
        wfi();
    irq_off();
    printf("physical timer -> INTID %u, RPR in handler 0x%x\n", got, rpr_in_handler);
    printf("RPR idle = 0x%x\n", (u32)MRS(ICC_RPR_EL1));
    return 0;
}
