/*
 * spe_profile.c - SPE at EL1 (no EL2): profile a known loop at EL1 and at EL0 with different
 * filters, then buffer faults at stage 1 (EC 0x24).  Prints one "phase=" line per phase; the
 * test decodes each buffer from guest memory and checks the records against spe.md.
 *
 * Interval 256 (PMSIRR.INTERVAL=1): a sample every 257 operations (RND=0).  The stage-1 MMU is
 * on (spe.md: software that profiles runs with stage 1 on).
 */
#include "spe.h"

#define N 4096
static u64 arr[N];
static u8 bufs[6][3 * PAGE] __attribute__((aligned(4096)));
#define EL0_DATA 0x40400000UL

static volatile u64 el0_returned;
extern char run_el0_back[];

void el1_exception(struct trap_frame *f, u64 kind)
{
    u64 ec = (f->esr >> 26) & 0x3f;
    if (KIND_GROUP(kind) == 2 && KIND_TYPE(kind) == 0 && ec == 0x15) {
        /* SVC #0 from the EL0 loop: return to EL1h at run_el0_back (SP_EL1 is what it was
         * at the ERET; x19-x29 still hold EL1's values, EL0 did not touch them). */
        el0_returned = f->x[0];
        f->elr = (u64)run_el0_back;
        f->spsr = 0x3c5;
        return;
    }
    report_exception("EL1", f, kind);
    exit(EXIT_UNEXPECTED_EXCEPTION);
}

/* ERET to spe_loop_el0 with x0 = array, x1 = n; comes back at run_el0_back via the SVC. */
static void __attribute__((noinline)) run_el0(u64 arr0, u64 n)
{
    __asm__ volatile("msr elr_el1, %2\n\t"
                     "msr spsr_el1, xzr\n\t" /* EL0t, interrupts unmasked */
                     "mov x0, %0\n\t"
                     "mov x1, %1\n\t"
                     "isb\n\t"
                     "eret\n"
                     ".global run_el0_back\nrun_el0_back:\n"
                     :
                     : "r"(arr0), "r"(n), "r"((u64)spe_loop_el0)
                     : "x0", "x1", "x2", "x3", "x30", "memory", "cc");
}

int main(void)
{
    for (u64 i = 0; i < N; i++)
        arr[i] = i * 3 + 1;
    mmu_on((u64)spe_el0_start, (u64)spe_el0_end);
    for (u64 i = 0; i < N; i++)
        ((u64 *)EL0_DATA)[i] = i;
    printf("spe_profile: PMSIDR_EL1=0x%lx PMBIDR_EL1=0x%lx ID_AA64DFR0_EL1.PMSVer=%lu\n",
           MRS(PMSIDR_EL1), MRS(PMBIDR_EL1), (MRS(id_aa64dfr0_el1) >> 32) & 0xf);

    /* A: EL1, no filter. */
    u64 b = (u64)bufs[0];
    spe_start(b, b + 3 * PAGE, 1UL << 8, 0, 0, 0, 2 /* E1SPE */);
    spe_loop(arr, N);
    spe_stop();
    report("el1", b, (u64)arr, N, 1);

    /* B: EL1, loads only (FT + LD), RND jitter. */
    b = (u64)bufs[1];
    spe_start(b, b + 3 * PAGE, (1UL << 8) | 1, 2 | (1UL << 17), 0, 0, 2);
    spe_loop(arr, N);
    spe_stop();
    report("el1_loads", b, (u64)arr, N, 1);

    /* C: EL1, branches only (FT + B). */
    b = (u64)bufs[2];
    spe_start(b, b + 3 * PAGE, 1UL << 8, 2 | (1UL << 16), 0, 0, 2);
    spe_loop(arr, N);
    spe_stop();
    report("el1_branches", b, (u64)arr, N, 1);

    /* D: EL0 only (E0SPE), with physical addresses (PA) and timestamps (TS). */
    b = (u64)bufs[3];
    spe_start(b, b + 3 * PAGE, 1UL << 8, 0, 0, 0, 1 | (1UL << 4) | (1UL << 5));
    run_el0(EL0_DATA, N);
    spe_stop();
    report("el0", b, EL0_DATA, N, 0);

    /* E: the buffer's page unmapped at stage 1, PMBPTR at its first byte: EC 0x24, DL=0. */
    b = (u64)bufs[4];
    s1_page(b, 0);
    spe_start(b, b + 3 * PAGE, 1UL << 8, 0, 0, 0, 2);
    spe_loop(arr, N);
    spe_stop();
    report("s1_fault_start", b, (u64)arr, N, 1);
    s1_page(b, 1);

    /* F: a record crosses into an unmapped page: EC 0x24, DL=1, PMBPTR = the page (records
     * are 20 or 32 bytes here, so an odd distance never ends exactly at the page). */
    b = (u64)bufs[5];
    s1_page(b + PAGE, 0);
    spe_start(b + PAGE - 203, b + 3 * PAGE, 1UL << 8, 0, 0, 0, 2);
    spe_loop(arr, N);
    spe_stop();
    report("s1_fault_cross", b + PAGE - 203, (u64)arr, N, 1);
    s1_page(b + PAGE, 1);
    MSR(PMBLIMITR_EL1, 0);
    MSR(PMBSR_EL1, 0);
    isb();
    printf("PMSICR_EL1=0x%lx after the run\n", MRS(PMSICR_EL1));
    return 0;
}
