/*
 * board_vgic (EL2, virtualization=on): the hypervisor puts a virtual interrupt in a list
 * register; EL1 (HCR_EL2.IMO) takes it as a virtual IRQ through ICV_IAR1_EL1 and EOIs it; the
 * hypervisor then reads the list register back, with an underflow maintenance interrupt.
 */
#include "board.h"

#define ICH_HCR_EL2   S3_4_C12_C11_0
#define ICH_VTR_EL2   S3_4_C12_C11_1
#define ICH_MISR_EL2  S3_4_C12_C11_2
#define ICH_ELRSR_EL2 S3_4_C12_C11_5
#define ICH_VMCR_EL2  S3_4_C12_C11_7
#define ICH_LR0_EL2   S3_4_C12_C12_0
#define ICH_AP1R0_EL2 S3_4_C12_C9_0

static u8 stack_el1[4096] __attribute__((aligned(16)));
static volatile u32 v_intid, v_rpr, v_after;

void el1_exception(struct trap_frame *f, u64 kind)
{
    if (KIND_TYPE(kind) != 1) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    v_intid = (u32)MRS(ICC_IAR1_EL1);
    v_rpr = (u32)MRS(ICC_RPR_EL1);
    MSR(ICC_EOIR1_EL1, v_intid);
    isb();
    v_after = (u32)MRS(ICC_RPR_EL1);
}

static void el1_main(void)
{
    irq_on();
    while (!v_intid)
        wfi();
    irq_off();
    __asm__ volatile("hvc #1" ::: "memory");
    for (;;)
        ;
}

void el2_exception(struct trap_frame *f, u64 kind)
{
    if (KIND_TYPE(kind) == 0 && (f->esr >> 26) == 0x16) {
        printf("EL1 got vINTID %u, RPR 0x%x, RPR after EOI 0x%x\n", v_intid, v_rpr, v_after);
        printf("ICH_LR0_EL2 0x%lx ELRSR 0x%lx AP1R0 0x%lx\n", MRS(ICH_LR0_EL2),
               MRS(ICH_ELRSR_EL2), MRS(ICH_AP1R0_EL2));
        MSR(ICH_HCR_EL2, 3); /* En | UIE */
        isb();
        printf("MISR with UIE 0x%lx\n", MRS(ICH_MISR_EL2));
        exit(0);
    }
    report_exception("EL2", f, kind);
    exit(EXIT_UNEXPECTED_EXCEPTION);
}

int main(void)
{
    printf("board_vgic: ICH_VTR_EL2 ListRegs+1 = %lu\n", (MRS(ICH_VTR_EL2) & 0x1f) + 1);
    MSR(hcr_el2, (1UL << 31) | (1UL << 4)); /* RW, IMO */
    MSR(ICH_VMCR_EL2, (0xffUL << 24) | 2);  /* VPMR 0xff, VENG1 */
    MSR(ICH_HCR_EL2, 1);                    /* En */
    /* State pending, Group 1, priority 0x80, vINTID 42. */
    MSR(ICH_LR0_EL2, (1UL << 62) | (1UL << 60) | (0x80UL << 48) | 42);
    isb();
    printf("ELRSR 0x%lx MISR 0x%lx\n", MRS(ICH_ELRSR_EL2), MRS(ICH_MISR_EL2));
    MSR(sp_el1, (u64)(stack_el1 + sizeof stack_el1));
    MSR(elr_el2, (u64)el1_main);
    MSR(spsr_el2, 0x3c5); /* EL1h, DAIF masked */
    isb();
    __asm__ volatile("eret");
    return 1;
}
