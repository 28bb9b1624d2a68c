/* mmu_tight_loop.c - ../../src/tight_loop.c run with the stage-1 MMU on (benchmark). */
#define main workload_main
#include "../../src/tight_loop.c"
#undef main
#include "mmu_on.h"

int main(void)
{
    mmu_identity_on();
    return workload_main();
}
