/*
 * mmu_on.h - turn the EL1 stage-1 MMU on with an identity map of RAM, for the
 * benchmark wrappers (the same workloads as ../../src, MMU on).
 *
 * 0x40000000..0x401fffff: 4 KB pages (a level-3 table: the image, data, stack);
 * 0x40200000..0x7fffffff: 2 MB blocks.  Normal write-back memory, TTBR0, 39-bit VA.
 */
#ifndef MMU_ON_H
#define MMU_ON_H
#include "guest.h"

static u64 mmu_on_l1[512] __attribute__((aligned(4096)));
static u64 mmu_on_l2[512] __attribute__((aligned(4096)));
static u64 mmu_on_l3[512] __attribute__((aligned(4096)));

static void mmu_identity_on(void)
{
    const u64 attrs = (3UL << 8) | (1UL << 10);         /* inner shareable, AF, AttrIndx 0 */
    mmu_on_l1[1] = (u64)mmu_on_l2 | 3;
    mmu_on_l2[0] = (u64)mmu_on_l3 | 3;
    for (u64 i = 0; i < 512; i++)
        mmu_on_l3[i] = (0x40000000UL + i * 4096) | attrs | 3;
    for (u64 i = 1; i < 512; i++)
        mmu_on_l2[i] = (0x40000000UL + i * 0x200000UL) | attrs | 1;
    write_sysreg(mair_el1, 0xffUL);
    write_sysreg(tcr_el1, 25UL | (1UL << 8) | (1UL << 10) | (3UL << 12) | (1UL << 23) |
                              (5UL << 32));
    write_sysreg(ttbr0_el1, (u64)mmu_on_l1);
    __asm__ volatile("dsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | 1);
    isb();
    printf("[MMU on: 4 KB pages + 2 MB blocks, identity]\n");
}
#endif
