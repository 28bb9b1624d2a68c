/* mmu_sort_hash.c - ../../src/sort_hash.c run with the stage-1 MMU on (benchmark). */
#define main workload_main
#include "../../src/sort_hash.c"
#undef main
#include "mmu_on.h"

int main(void)
{
    mmu_identity_on();
    return workload_main();
}
