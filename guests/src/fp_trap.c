/*
 * fp_trap: FP/SIMD instructions trapped by CPACR_EL1.FPEN = 0 (EC 0x07),
 * split out of "exceptions" because the FP access trap belongs to the FP/SIMD
 * extension (@hypsim/ext-fpsimd). The handler is lib/exc.h, shared with
 * "exceptions".
 */
#include "exc.h"

static void test_fp(void)
{
    printf("\n== FP/SIMD with CPACR_EL1.FPEN=0 ==\n");
    printf("CPACR_EL1 = 0x%lx\n", read_sysreg(cpacr_el1));
    T("fadd d0, d1, d2 (.inst 0x1e622820)", ".inst 0x1e622820");
    T("fmov d0, x1 (.inst 0x9e670020)", ".inst 0x9e670020");
    T("ldr q0, [sp] (.inst 0x3dc003e0)", ".inst 0x3dc003e0");
    T("add v0.4s, v1.4s, v2.4s (.inst 0x4ea28420)", ".inst 0x4ea28420");
}

int main(void)
{
    printf("fp_trap: FP/SIMD access traps at EL1\n");
    test_fp();
    printf("\nexceptions taken: %d\nfp_trap done\n", n_exc);
    return 0;
}
