/*
 * exceptions: synchronous exceptions taken to this program's own EL1
 * handler (at EL1h, no EL2/EL3: plain "-M virt").
 *
 * SVC (several immediates), BRK, UDF, unallocated encodings, an EL2/EL3
 * system register access from EL1, SMC without EL3, a misaligned PC (RET to an
 * address with low bits set), an exception taken while running on SP_EL0
 * (EL1t, "current EL with SP_EL0" vector group), a nested exception raised
 * inside the handler, and ERET restoring NZCV from a modified SPSR_EL1.
 *
 * For every exception the handler prints the vector group, EC, IL, ISS,
 * ELR relative to the trapping instruction, SPSR and - where it is valid -
 * FAR, then returns (advancing ELR where the preferred return address is
 * the trapping instruction itself).
 */
#include "guest.h"

#include "exc.h"

static void test_svc_brk(void)
{
    printf("\n== SVC / BRK ==\n");
    T("svc #0", "svc #0");
    T("svc #1", "svc #1");
    T("svc #0x1234", "svc #0x1234");
    T("svc #0xffff", "svc #0xffff");
    T("brk #0", "brk #0");
    T("brk #1", "brk #1");
    T("brk #0xf000", "brk #0xf000");
    T("brk #0xffff", "brk #0xffff");

    /* SPSR captures NZCV; ERET restores it */
    u64 f1;
    printf("svc #0x42 with NZCV=-Z-V (handler flips N and C in SPSR)\n");
    __asm__ volatile("mov x10, #0x50000000\n\t"
                     "msr nzcv, x10\n\t"
                     "adr x9, 1f\n\t"
                     "str x9, [%1]\n"
                     "1:\tsvc #0x42\n\t"
                     "mrs %0, nzcv\n\t"
                     : "=r"(f1) : "r"(&trap_pc) : "x9", "x10", "cc", "memory");
    printf("  NZCV after return: %s\n", nzcv_str(f1));

    u64 r;
    printf("svc #0x43 returning a value in x0\n");
    __asm__ volatile("mov x0, #7\n\t"
                     "adr x9, 1f\n\t"
                     "str x9, [%1]\n"
                     "1:\tsvc #0x43\n\t"
                     "mov %0, x0\n\t"
                     : "=r"(r) : "r"(&trap_pc) : "x0", "x9", "memory");
    printf("  x0 after return: 0x%016lx\n", r);

    T("brk #0x77 (handler performs a nested svc)", "brk #0x77");
}

static void test_undef(void)
{
    printf("\n== UNDEFINED / unallocated ==\n");
    T("udf #0 (.inst 0x00000000)", ".inst 0x00000000");
    T("udf #0xffff (.inst 0x0000ffff)", ".inst 0x0000ffff");
    T("unallocated .inst 0x02000000 (op0=0001)", ".inst 0x02000000");
    T("unallocated .inst 0x06000000 (op0=0011)", ".inst 0x06000000");
    T("mrs x0, hcr_el2 at EL1 (no EL2)", "mrs x0, hcr_el2");
    T("msr vbar_el2, xzr at EL1 (no EL2)", "msr vbar_el2, xzr");
    T("mrs x0, scr_el3 at EL1 (no EL3)", "mrs x0, scr_el3");
    T("smc #0 at EL1 (no EL3; QEMU's PSCI conduit is HVC here)", "smc #0");
}

__attribute__((unused)) static void test_fp(void) /* run by fp_trap */
{
    printf("\n== FP/SIMD with CPACR_EL1.FPEN=0 ==\n");
    printf("CPACR_EL1 = 0x%lx\n", read_sysreg(cpacr_el1));
    T("fadd d0, d1, d2 (.inst 0x1e622820)", ".inst 0x1e622820");
    T("fmov d0, x1 (.inst 0x9e670020)", ".inst 0x9e670020");
    T("ldr q0, [sp] (.inst 0x3dc003e0)", ".inst 0x3dc003e0");
    T("add v0.4s, v1.4s, v2.4s (.inst 0x4ea28420)", ".inst 0x4ea28420");
}

void aligned_target(void);
__asm__(".text\n"
        ".balign 16\n"
        ".type aligned_target, %function\n"
        "aligned_target:\n\t"
        "ret\n\t"
        "ret\n\t"
        "ret\n\t"
        "ret\n");

/*
 * The misaligned target is reached with "RET x9" rather than BLR: with
 * FEAT_BTI (-cpu max) BR/BLR also set PSTATE.BTYPE, which then shows up in
 * SPSR_EL1; RET leaves BTYPE at 0.  x30 holds the address to resume at.
 */
static void test_pc_align(void)
{
    printf("\n== misaligned PC ==\n");
    static const int offs[] = { 2, 1, 3 };
    for (int i = 0; i < 3; i++) {
        u64 target = (u64)aligned_target + offs[i];
        printf("ret x9 with x9 = aligned_target+%d\n", offs[i]);
        /* trap_pc = the misaligned target itself (where the fault is taken) */
        trap_pc = target;
        __asm__ volatile("mov x9, %0\n\t"
                         "adr x30, 1f\n\t"
                         "ret x9\n"
                         "1:\n"
                         : : "r"(target) : "x9", "x30", "memory");
    }
    /* a well-aligned call through the same path still works */
    aligned_target();
    printf("aligned call ok\n");
}

static u64 sp0_stack[512] __attribute__((aligned(16)));

static void test_sp0(void)
{
    printf("\n== exception while on SP_EL0 (EL1t) ==\n");
    u64 top = (u64)&sp0_stack[512], spsel_in, sp_after;
    __asm__ volatile("msr sp_el0, %2\n\t"
                     "msr spsel, #0\n\t"
                     "mrs %0, spsel\n\t"
                     "adr x9, 1f\n\t"
                     "str x9, [%3]\n"
                     "1:\tsvc #0x5e\n\t"
                     "mov %1, sp\n\t"
                     "msr spsel, #1\n\t"
                     : "=&r"(spsel_in), "=&r"(sp_after)
                     : "r"(top), "r"(&trap_pc) : "x9", "memory");
    printf("SPSel while trapping = %lu, SP_EL0 after return = top%+ld\n",
           spsel_in, (i64)(sp_after - top));
}

int main(void)
{
    printf("exceptions: synchronous exceptions at EL1\n");
    printf("CurrentEL=%lu SPSel=%lu DAIF=0x%lx\n", read_sysreg(CurrentEL) >> 2,
           read_sysreg(spsel), read_sysreg(daif));
    test_svc_brk();
    test_undef();
    test_pc_align();
    test_sp0();
    printf("\nexceptions taken: %d\nexceptions done\n", n_exc);
    return 0;
}
