/*
 * el2: a tiny hypervisor (run with "-M virt,virtualization=on": entry at
 * EL2h, MMU off).
 *
 * EL2 sets HCR_EL2.RW (EL1 is AArch64; no stage 2, nothing needing the
 * MMU), prepares SP_EL1/SPSR_EL2/ELR_EL2 and ERETs to EL1.  EL1 then:
 *   - makes HVC #imm calls that the EL2 handler services (EC 0x16),
 *   - asks EL2 (by HVC) to set HCR_EL2.TVM/TRVM and then writes/reads
 *     SCTLR_EL1, which traps to EL2 (EC 0x18) where it is emulated,
 *   - with HCR_EL2.TID3 reads ID_AA64ISAR0_EL1 (EC 0x18, value faked by EL2),
 *   - with HCR_EL2.TWI executes WFI (EC 0x01 to EL2),
 *   - with HCR_EL2.TSC executes SMC (EC 0x17 to EL2; ELR = the SMC itself),
 *   - without TSC executes SMC with x0 = 0: QEMU (no EL3, PSCI conduit =
 *     SMC when virtualization=on) treats it as a PSCI call and returns
 *     PSCI NOT_SUPPORTED (-1) in x0 - no exception,
 *   - reads HCR_EL2 (UNDEFINED at EL1: EC 0x00 to EL1's own vectors),
 *   - finally HVC #0: EL2 rewrites ELR_EL2/SPSR_EL2 to return to EL2 code
 *     which prints and exits.
 * All trapped instructions use fixed registers so the ISS (Rt) is stable.
 */
#include "guest.h"

#define HCR_RW   (1UL << 31)
#define HCR_TRVM (1UL << 30)
#define HCR_TVM  (1UL << 26)
#define HCR_TSC  (1UL << 19)
#define HCR_TID3 (1UL << 18)
#define HCR_TWI  (1UL << 13)

static u64 el1_stack[1024] __attribute__((aligned(16)));
static volatile u64 trap_pc;
static int n_el2, n_el1;

/* ------------------------------------------------------------------ EL1 */

#define TRAP_AT(INSN)                                                        \
    "adr x9, 1f\n\t"                                                         \
    "str x9, [%[tp]]\n"                                                      \
    "1:\t" INSN "\n\t"

static u64 hvc(u64 imm_sel, u64 a0, u64 a1)
{
    register u64 x0 __asm__("x0") = a0;
    register u64 x1 __asm__("x1") = a1;
    switch (imm_sel) {
    case 1:
        __asm__ volatile(TRAP_AT("hvc #1") : "+r"(x0) : "r"(x1), [tp] "r"(&trap_pc) : "x9", "memory");
        break;
    case 2:
        __asm__ volatile(TRAP_AT("hvc #2") : "+r"(x0) : "r"(x1), [tp] "r"(&trap_pc) : "x9", "memory");
        break;
    case 0x55:
        __asm__ volatile(TRAP_AT("hvc #0x55") : "+r"(x0) : "r"(x1), [tp] "r"(&trap_pc) : "x9", "memory");
        break;
    case 0xffff:
        __asm__ volatile(TRAP_AT("hvc #0xffff") : "+r"(x0) : "r"(x1), [tp] "r"(&trap_pc) : "x9", "memory");
        break;
    default:
        __asm__ volatile(TRAP_AT("hvc #0") : "+r"(x0) : "r"(x1), [tp] "r"(&trap_pc) : "x9", "memory");
        break;
    }
    return x0;
}

/* hvc #2 services: set/clear HCR_EL2 bits */
enum { SET_HCR = 1, CLEAR_HCR = 2 };

__attribute__((noreturn, noinline)) void el1_main(void)
{
    printf("EL1: running, CurrentEL=%lu SPSel=%lu DAIF=0x%lx\n",
           read_sysreg(CurrentEL) >> 2, read_sysreg(spsel), read_sysreg(daif));

    printf("\nEL1: HVC calls\n");
    u64 r = hvc(1, 0x1000, 0x234);
    printf("EL1: hvc #1 (add) -> 0x%lx\n", r);
    r = hvc(0x55, 0xffffffffffffffffUL, 2);
    printf("EL1: hvc #0x55 (mul) -> 0x%lx\n", r);
    r = hvc(0xffff, 7, 0);
    printf("EL1: hvc #0xffff -> 0x%lx\n", r);

    printf("\nEL1: HCR_EL2.TVM|TRVM -> SCTLR_EL1 accesses trap to EL2\n");
    hvc(2, SET_HCR, HCR_TVM | HCR_TRVM);
    u64 v;
    __asm__ volatile(TRAP_AT("mrs x3, sctlr_el1") "mov %0, x3"
                     : "=r"(v) : [tp] "r"(&trap_pc) : "x3", "x9", "memory");
    printf("EL1: read SCTLR_EL1 (emulated by EL2): UCI=%lu M=%lu\n", (v >> 26) & 1, v & 1);
    v |= 1UL << 26;                 /* set UCI */
    __asm__ volatile("mov x5, %[v]\n\t" TRAP_AT("msr sctlr_el1, x5")
                     : : [v] "r"(v), [tp] "r"(&trap_pc) : "x5", "x9", "memory");
    __asm__ volatile(TRAP_AT("mrs x3, sctlr_el1") "mov %0, x3"
                     : "=r"(v) : [tp] "r"(&trap_pc) : "x3", "x9", "memory");
    printf("EL1: after trapped write, SCTLR_EL1.UCI=%lu\n", (v >> 26) & 1);
    __asm__ volatile(TRAP_AT("msr ttbr0_el1, xzr")
                     : : [tp] "r"(&trap_pc) : "x9", "memory");
    hvc(2, CLEAR_HCR, HCR_TVM | HCR_TRVM);
    v = read_sysreg(sctlr_el1);     /* not trapped any more */
    printf("EL1: untrapped read, SCTLR_EL1.UCI=%lu\n", (v >> 26) & 1);

    printf("\nEL1: HCR_EL2.TID3 -> ID register reads trap\n");
    hvc(2, SET_HCR, HCR_TID3);
    __asm__ volatile(TRAP_AT("mrs x7, id_aa64isar0_el1") "mov %0, x7"
                     : "=r"(v) : [tp] "r"(&trap_pc) : "x7", "x9", "memory");
    printf("EL1: ID_AA64ISAR0_EL1 as seen by EL1 = 0x%016lx\n", v);
    hvc(2, CLEAR_HCR, HCR_TID3);

    printf("\nEL1: HCR_EL2.TWI -> WFI traps\n");
    hvc(2, SET_HCR, HCR_TWI);
    __asm__ volatile(TRAP_AT("wfi") : : [tp] "r"(&trap_pc) : "x9", "memory");
    hvc(2, CLEAR_HCR, HCR_TWI);
    printf("EL1: back after trapped WFI\n");

    printf("\nEL1: SMC with HCR_EL2.TSC=1\n");
    hvc(2, SET_HCR, HCR_TSC);
    {
        register u64 x0 __asm__("x0") = 0;
        __asm__ volatile(TRAP_AT("smc #0x12") : "+r"(x0) : [tp] "r"(&trap_pc) : "x9", "memory");
        printf("EL1: x0 after trapped smc = 0x%016lx\n", x0);
    }
    hvc(2, CLEAR_HCR, HCR_TSC);

    printf("\nEL1: SMC with HCR_EL2.TSC=0 (no EL3)\n");
    {
        register u64 x0 __asm__("x0") = 0;   /* not a PSCI function ID */
        int before = n_el1 + n_el2;
        __asm__ volatile(TRAP_AT("smc #0") : "+r"(x0) : [tp] "r"(&trap_pc) : "x1", "x2", "x3", "x9", "memory");
        printf("EL1: x0 after smc = 0x%016lx (%s)\n", x0,
               n_el1 + n_el2 == before ? "no exception: QEMU PSCI" : "exception");
    }

    printf("\nEL1: mrs hcr_el2 at EL1\n");
    __asm__ volatile("mov x4, #0x77\n\t" TRAP_AT("mrs x4, hcr_el2") "mov %0, x4"
                     : "=r"(v) : [tp] "r"(&trap_pc) : "x4", "x9", "memory");
    printf("EL1: x4 after = 0x%lx\n", v);

    printf("\nEL1: hvc #0 -> return to EL2\n");
    hvc(0, 0, 0);
    printf("EL1: !! hvc #0 returned\n");
    exit(3);
}

/* EL1's own handler: only the UNDEF from "mrs hcr_el2" is expected. */
void el1_exception(struct trap_frame *f, u64 kind)
{
    u64 ec = (f->esr >> 26) & 0x3f;
    n_el1++;
    printf("  EL1 handler [%s] ESR_EL1=0x%08lx EC=0x%02lx ELR_EL1=insn%+ld "
           "SPSR_EL1=0x%08lx\n", kind_name(kind), f->esr, ec,
           (i64)(f->elr - trap_pc), f->spsr);
    if (kind != 4 || ec != 0) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    f->elr += 4;
}

/* ------------------------------------------------------------------ EL2 */

__attribute__((noreturn, noinline)) void el2_finish(void)
{
    printf("EL2: back at EL2 (CurrentEL=%lu), HCR_EL2=0x%016lx\n",
           read_sysreg(CurrentEL) >> 2, read_sysreg(hcr_el2));
    printf("EL2: %d exceptions taken to EL2, %d to EL1\n", n_el2, n_el1);
    printf("el2 done\n");
    exit(0);
}

static void print_sysreg_iss(u64 iss)
{
    printf("    ISS: op0=%lu op1=%lu CRn=%lu CRm=%lu op2=%lu Rt=%lu dir=%s\n",
           (iss >> 20) & 3, (iss >> 14) & 7, (iss >> 10) & 15, (iss >> 1) & 15,
           (iss >> 17) & 7, (iss >> 5) & 31, (iss & 1) ? "read" : "write");
}

void el2_exception(struct trap_frame *f, u64 kind)
{
    u64 esr = f->esr, ec = (esr >> 26) & 0x3f, iss = esr & 0x1ffffff;
    n_el2++;
    if (kind != 8) {
        report_exception("EL2", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    printf("  EL2 handler [%s] ESR_EL2=0x%08lx EC=0x%02lx IL=%lu ISS=0x%07lx "
           "ELR_EL2=insn%+ld SPSR_EL2=0x%08lx\n", kind_name(kind), esr, ec,
           (esr >> 25) & 1, iss, (i64)(f->elr - trap_pc), f->spsr);

    switch (ec) {
    case 0x16:                          /* HVC: ELR is already past it */
        switch (iss & 0xffff) {
        case 0:
            printf("    hvc #0: returning to EL2\n");
            f->elr = (u64)el2_finish;
            f->spsr = 0x3c9;            /* EL2h, DAIF masked */
            break;
        case 1:
            f->x[0] = f->x[0] + f->x[1];
            break;
        case 0x55:
            f->x[0] = f->x[0] * f->x[1];
            break;
        case 2: {
            u64 hcr = read_sysreg(hcr_el2);
            if (f->x[0] == SET_HCR)
                hcr |= f->x[1];
            else
                hcr &= ~f->x[1];
            write_sysreg(hcr_el2, hcr);
            isb();
            printf("    HCR_EL2 := 0x%016lx\n", hcr);
            break;
        }
        default:
            f->x[0] = 0xeeee0000UL | (iss & 0xffff);
        }
        break;
    case 0x18: {                        /* trapped MSR/MRS: emulate */
        print_sysreg_iss(iss);
        u64 rt = (iss >> 5) & 31, op1 = (iss >> 14) & 7, crn = (iss >> 10) & 15;
        u64 crm = (iss >> 1) & 15, op2 = (iss >> 17) & 7;
        u64 val = rt == 31 ? 0 : f->x[rt];
        if (op1 == 0 && crn == 1 && crm == 0 && op2 == 0) {        /* SCTLR_EL1 */
            if (iss & 1)
                val = read_sysreg(sctlr_el1);
            else
                write_sysreg(sctlr_el1, val);
        } else if (op1 == 0 && crn == 0 && crm == 6 && op2 == 0) { /* ID_AA64ISAR0 */
            val = 0x0000000000012340UL;     /* fake */
        } else if (op1 == 0 && crn == 2 && crm == 0 && op2 == 0) { /* TTBR0_EL1 */
            printf("    (TTBR0_EL1 write of 0x%lx ignored)\n", val);
        } else {
            printf("    unexpected register\n");
            exit(EXIT_UNEXPECTED_EXCEPTION);
        }
        if ((iss & 1) && rt != 31)
            f->x[rt] = val;
        f->elr += 4;
        break;
    }
    case 0x01:                          /* WFI/WFE */
        printf("    WF%c trapped\n", (iss & 1) ? 'E' : 'I');
        f->elr += 4;
        break;
    case 0x17:                          /* SMC trapped by TSC: ELR = the SMC */
        printf("    SMC #0x%lx trapped by HCR_EL2.TSC\n", iss & 0xffff);
        f->x[0] = 0x5c5c5c5cUL;
        f->elr += 4;
        break;
    default:
        report_exception("EL2", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
}

int main(void)
{
    u64 el = read_sysreg(CurrentEL) >> 2;
    printf("el2: hypervisor starting at EL%lu\n", el);
    if (el != 2) {
        printf("not at EL2 (run with -M virt,virtualization=on)\n");
        return 2;
    }
    write_sysreg(hcr_el2, HCR_RW);
    write_sysreg(sp_el1, (u64)&el1_stack[1024]);
    write_sysreg(elr_el2, (u64)el1_main);
    write_sysreg(spsr_el2, 0x3c5);  /* EL1h, DAIF masked */
    isb();
    printf("EL2: HCR_EL2=0x%016lx, ERET to EL1\n", read_sysreg(hcr_el2));
    __asm__ volatile("eret");
    __builtin_unreachable();
}
