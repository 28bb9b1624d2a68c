/* mmu_ldst_loop.c - ../../src/ldst_loop.c run with the stage-1 MMU on (benchmark). */
#define main workload_main
#include "../../src/ldst_loop.c"
#undef main
#include "mmu_on.h"

int main(void)
{
    mmu_identity_on();
    return workload_main();
}
