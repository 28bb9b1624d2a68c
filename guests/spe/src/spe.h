/*
 * spe.h - shared helpers of the SPE guest programs: SPE registers by encoding (any assembler),
 * an identity stage-1 map with 4 KB pages for the image, the loop being profiled, and the
 * "key=value" report lines test/spe-guests.test.ts parses.  QEMU has no SPE: what these
 * programs must see comes from ../../../shared/reference/spe.md and is asserted in the test.
 */
#ifndef SPE_H
#define SPE_H
#include "guest.h"

#define PMSCR_EL1     S3_0_C9_C9_0
#define PMSICR_EL1    S3_0_C9_C9_2
#define PMSIRR_EL1    S3_0_C9_C9_3
#define PMSFCR_EL1    S3_0_C9_C9_4
#define PMSEVFR_EL1   S3_0_C9_C9_5
#define PMSLATFR_EL1  S3_0_C9_C9_6
#define PMSIDR_EL1    S3_0_C9_C9_7
#define PMBLIMITR_EL1 S3_0_C9_C10_0
#define PMBPTR_EL1    S3_0_C9_C10_1
#define PMBSR_EL1     S3_0_C9_C10_3
#define PMBIDR_EL1    S3_0_C9_C10_7
#define PMSCR_EL2     S3_4_C9_C9_0
#define MRS(r) read_sysreg(r)
#define MSR(r, v) write_sysreg(r, v)

/* PSB CSYNC is HINT #17; the driver follows it with DSB NSH (spe.md §4, §8). */
#define psb_csync() __asm__ volatile("hint #17\n\tdsb nsh" ::: "memory")

#define PAGE 4096UL
#define AF (1UL << 10)
#define SH_INNER (3UL << 8)
#define AP_EL0_RW (1UL << 6)
#define AP_RO (3UL << 6)
#define PXN (1UL << 53)
#define UXN (1UL << 54)
#define S1_NORMAL (SH_INNER | AF)

typedef u64 table_t[512] __attribute__((aligned(4096)));
static table_t s1_l1, s1_l2, s1_l3;

/*
 * EL1&0 stage 1, identity: 0x40000000..0x401fffff in 4 KB pages (EL1 only), the rest of the
 * first GB in 2 MB blocks (EL1 only) except 0x40400000..0x405fffff (EL0 and EL1 RW, never
 * executable): the EL0 data; the first GB (the devices) is Device-nGnRnE.  Pages holding the EL0 code get read-only EL0+EL1 (executable at
 * both).  39-bit VA, TTBR0, Normal write-back.
 */
static void mmu_on(u64 el0_code_lo, u64 el0_code_hi)
{
    s1_l1[0] = 0x0UL | AF | (1UL << 2) | PXN | UXN | 1; /* devices (GIC): Device-nGnRnE */
    s1_l1[1] = (u64)s1_l2 | 3;
    s1_l2[0] = (u64)s1_l3 | 3;
    for (u64 i = 0; i < 512; i++) {
        u64 pa = 0x40000000UL + i * PAGE;
        u64 ap = (pa + PAGE > el0_code_lo && pa < el0_code_hi) ? AP_RO : 0;
        s1_l3[i] = pa | S1_NORMAL | ap | 3;
    }
    for (u64 i = 1; i < 512; i++) {
        u64 pa = 0x40000000UL + i * 0x200000UL;
        s1_l2[i] = pa | S1_NORMAL | 1 | (i == 2 ? (AP_EL0_RW | PXN | UXN) : 0);
    }
    MSR(mair_el1, 0xffUL); /* Attr0 Normal write-back, Attr1 Device-nGnRnE */
    MSR(tcr_el1, 25UL | (1UL << 8) | (1UL << 10) | (3UL << 12) | (1UL << 23) | (5UL << 32));
    MSR(ttbr0_el1, (u64)s1_l1);
    __asm__ volatile("dsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
    MSR(sctlr_el1, read_sysreg(sctlr_el1) | 1);
    isb();
}

/* Unmaps (or remaps) one 4 KB page of the first 2 MB. */
static void s1_page(u64 va, int mapped)
{
    s1_l3[(va - 0x40000000UL) / PAGE] = mapped ? (va | S1_NORMAL | 3) : 0;
    __asm__ volatile("dsb ish\n\ttlbi vaae1, %0\n\tdsb ish\n\tisb" ::"r"(va >> 12) : "memory");
}

/*
 * The profiled loop (same code at EL0 and EL1): N iterations of LDR post-index over the array
 * at x0, ADD, SUBS, B.NE — 4 operations per iteration, one load per iteration.
 * spe_loop_start..spe_loop_end bracket it; it returns through x30 at EL1, SVC #0 at EL0.
 */
void spe_loop(u64 *arr, u64 n);
void spe_loop_el0(void);
extern char spe_loop_start[], spe_loop_end[], spe_el0_start[], spe_el0_end[];
__asm__(".section .text.spe_loop, \"ax\"\n"
        ".balign 4096\n"
        ".global spe_el0_start\nspe_el0_start:\n"
        ".global spe_loop\nspe_loop:\n"
        "    mov x3, #0\n"
        ".global spe_loop_start\nspe_loop_start:\n"
        "1:  ldr x2, [x0], #8\n"
        "    add x3, x3, x2\n"
        "    subs x1, x1, #1\n"
        "    b.ne 1b\n"
        ".global spe_loop_end\nspe_loop_end:\n"
        "    mov x0, x3\n"
        "    ret\n"
        ".global spe_loop_el0\nspe_loop_el0:\n"
        "    bl spe_loop\n"
        "    svc #0\n"
        "2:  b 2b\n"
        ".balign 4096\n"
        ".global spe_el0_end\nspe_el0_end:\n"
        ".text\n");

/* Programs the sampling controls and the buffer, the way Linux's driver orders it (§8). */
static void spe_start(u64 buf, u64 limit, u64 irr, u64 fcr, u64 evfr, u64 lat, u64 scr)
{
    MSR(PMSFCR_EL1, fcr);
    MSR(PMSEVFR_EL1, evfr);
    MSR(PMSLATFR_EL1, lat);
    MSR(PMSIRR_EL1, irr);
    isb();
    MSR(PMSICR_EL1, 0);
    isb();
    MSR(PMBPTR_EL1, buf);
    MSR(PMBSR_EL1, 0); /* a previous management event leaves S=1, which stops profiling */
    MSR(PMBLIMITR_EL1, limit | 1);
    isb();
    MSR(PMSCR_EL1, scr);
    isb();
}

/* Stop and drain (§8): PMSCR_EL1=0, ISB, PSB CSYNC, DSB NSH; the buffer stays programmed. */
static void spe_stop(void)
{
    MSR(PMSCR_EL1, 0);
    isb();
    psb_csync();
}

/* One report line: the phase, the buffer [start, PMBPTR), PMBSR and the loop/array ranges. */
static void report(const char *phase, u64 buf, u64 arr, u64 n, u64 el)
{
    printf("phase=%s buf=0x%lx ptr=0x%lx sr=0x%lx loop=0x%lx-0x%lx data=0x%lx-0x%lx ops=%lu el=%lu\n",
           phase, buf, MRS(PMBPTR_EL1), MRS(PMBSR_EL1), (u64)spe_loop_start,
           (u64)spe_loop_end, arr, arr + 8 * n, 4 * n, el);
}
#endif
