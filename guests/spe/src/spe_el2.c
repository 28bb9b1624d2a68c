/*
 * spe_el2.c - SPE with EL2 (virtualization=on): MDCR_EL2.TPMS/E2PB traps and buffer ownership
 * (spe.md §3), an EL1 payload whose profiling buffer crosses into a page stage 2 does not map
 * (EC 0x25 with DL, §2), and profiling at EL2 itself when EL2 owns the buffer, prohibited when
 * EL1 owns it (§5).
 *
 * EL2 sets up stage 2 (40-bit IPA, level-1 start, two concatenated tables; IPA 0x40000000 is an
 * identity 1 GB block, IPA 0x80000000.. goes through level-2/3 tables mapping pages 0 and 2 to
 * `data` pages and leaving page 1 unmapped) and the payload's stage 1 (VA = IPA), then ERETs to
 * el1_main.  The payload asks EL2 for each MDCR_EL2 setting with HVC #n.
 */
#include "spe.h"

#define S2AP_R (1UL << 6)
#define S2AP_W (1UL << 7)
#define S2_NORMAL ((0xfUL << 2) | SH_INNER | AF)
#define MDCR_TPMS (1UL << 14)
#define MDCR_E2PB(v) ((u64)(v) << 12)

static u64 s2_root[1024] __attribute__((aligned(8192)));
static table_t s2_l2, s2_l3, p_l1;
static u8 data[3][PAGE] __attribute__((aligned(4096)));
static u64 el1_stack[1024] __attribute__((aligned(16)));
#define N 4096
static u64 arr[N];
static u8 el2buf[2 * PAGE] __attribute__((aligned(4096)));
#define IPA_BUF 0x80000000UL

static volatile u64 traps, last_esr;
static void el2_phase2(void) __attribute__((noreturn));

static void set_mdcr(u64 bits)
{
    MSR(mdcr_el2, (MRS(mdcr_el2) & ~(MDCR_TPMS | MDCR_E2PB(3))) | bits);
    isb();
}

void el2_exception(struct trap_frame *f, u64 kind)
{
    u64 ec = (f->esr >> 26) & 0x3f, iss = f->esr & 0x1ffffff;
    if (KIND_GROUP(kind) == 2 && KIND_TYPE(kind) == 0 && ec == 0x18) {
        traps++;
        last_esr = f->esr;
        if (iss & 1) /* a read: give Rt a recognisable value */
            f->x[(iss >> 5) & 31] = 0x5a5a;
        f->elr += 4;
        return;
    }
    if (KIND_GROUP(kind) == 2 && KIND_TYPE(kind) == 0 && ec == 0x16) {
        switch (iss & 0xffff) {
        case 1: set_mdcr(MDCR_TPMS | MDCR_E2PB(0)); return;
        case 2: set_mdcr(MDCR_E2PB(3)); return;
        case 3: set_mdcr(MDCR_E2PB(2)); return;
        case 0:
            f->elr = (u64)el2_phase2;
            f->spsr = 0x3c9; /* EL2h, DAIF masked */
            return;
        }
    }
    report_exception("EL2", f, kind);
    exit(EXIT_UNEXPECTED_EXCEPTION);
}

#define HVC(n) __asm__ volatile("hvc #" #n ::: "memory")

static void traps_report(const char *name, u64 before)
{
    printf("phase=%s traps=%lu esr=0x%lx pmbidr=0x%lx\n", name, traps - before, last_esr,
           MRS(PMBIDR_EL1));
}

static void el1_main(void)
{
    volatile u64 v;
    /* TPMS=1, E2PB=0b00: every PMS* and PMB* access but PMBIDR traps (EC 0x18); P=1. */
    HVC(1);
    u64 t = traps;
    v = MRS(PMSCR_EL1);
    v = MRS(PMSIDR_EL1);
    MSR(PMSIRR_EL1, 0x100);
    v = MRS(PMBPTR_EL1);
    MSR(PMBLIMITR_EL1, 0);
    printf("read under trap: 0x%lx\n", (u64)v);
    traps_report("tpms_e2pb00", t);

    /* TPMS=0, E2PB=0b11: nothing traps, EL1 owns the buffer, P=0. */
    HVC(2);
    t = traps;
    v = MRS(PMSCR_EL1);
    v = MRS(PMSIDR_EL1);
    v = MRS(PMBPTR_EL1);
    traps_report("e2pb11", t);

    /* E2PB=0b10: EL1 owns the buffer (P=0) but PMB* accesses still trap; PMS* do not. */
    HVC(3);
    t = traps;
    v = MRS(PMSCR_EL1);
    v = MRS(PMBPTR_EL1);
    MSR(PMBSR_EL1, 0);
    traps_report("e2pb10", t);

    /* E2PB=0b11, stage 2 on: the buffer's second IPA page is not mapped at stage 2. */
    HVC(2);
    u64 b = IPA_BUF + PAGE - 203;
    spe_start(b, IPA_BUF + 3 * PAGE, 1UL << 8, 0, 0, 0, 2 | (1UL << 4) /* E1SPE, PA */);
    spe_loop(arr, N);
    spe_stop();
    report("s2_fault", b, (u64)arr, N, 1);
    printf("bufpa=0x%lx\n", (u64)data[0] + PAGE - 203);
    MSR(PMBLIMITR_EL1, 0);
    MSR(PMBSR_EL1, 0);
    isb();
    HVC(0);
    for (;;)
        ;
}

static void el2_phase2(void)
{
    /* E2PB=0b00: EL2 owns the buffer (EL2 regime, MMU off here); PMSCR_EL2.E2SPE samples EL2. */
    set_mdcr(MDCR_E2PB(0));
    u64 b = (u64)el2buf;
    spe_start(b, b + 2 * PAGE, 1UL << 8, 0, 0, 0, 0);
    MSR(PMSCR_EL2, 2);
    isb();
    spe_loop(arr, N);
    MSR(PMSCR_EL2, 0);
    spe_stop();
    report("el2_owned", b, (u64)arr, N, 2);

    /* E2PB=0b11: EL1 owns the buffer, so profiling is prohibited at EL2 (§3): no records. */
    set_mdcr(MDCR_E2PB(3));
    spe_start(b, b + 2 * PAGE, 1UL << 8, 0, 0, 0, 0);
    MSR(PMSCR_EL2, 2);
    isb();
    spe_loop(arr, N);
    MSR(PMSCR_EL2, 0);
    spe_stop();
    report("el2_prohibited", b, (u64)arr, N, 2);
    exit(0);
}

int main(void)
{
    for (u64 i = 0; i < N; i++)
        arr[i] = i;
    printf("spe_el2: at EL%lu\n", MRS(CurrentEL) >> 2);
    s2_root[1] = 0x40000000UL | S2_NORMAL | S2AP_R | S2AP_W | 1;
    s2_root[2] = (u64)s2_l2 | 3;
    s2_l2[0] = (u64)s2_l3 | 3;
    s2_l3[0] = (u64)data[0] | S2_NORMAL | S2AP_R | S2AP_W | 3;
    s2_l3[2] = (u64)data[2] | S2_NORMAL | S2AP_R | S2AP_W | 3; /* page 1 left unmapped */
    MSR(vttbr_el2, (u64)s2_root | (7UL << 48));
    MSR(vtcr_el2, (1UL << 31) | 24UL | (1UL << 6) | (1UL << 8) | (1UL << 10) | (3UL << 12) |
                      (5UL << 16));
    p_l1[1] = 0x40000000UL | S1_NORMAL | 1;
    p_l1[2] = 0x80000000UL | S1_NORMAL | 1;
    MSR(mair_el1, 0xffUL);
    MSR(tcr_el1, 25UL | (1UL << 8) | (1UL << 10) | (3UL << 12) | (1UL << 23) | (5UL << 32));
    MSR(ttbr0_el1, (u64)p_l1);
    MSR(sctlr_el1, MRS(sctlr_el1) | 1);
    __asm__ volatile("dsb ish\n\ttlbi vmalls12e1is\n\tdsb ish\n\tisb" ::: "memory");
    MSR(hcr_el2, (1UL << 31) | 1UL); /* RW, VM */
    MSR(sp_el1, (u64)&el1_stack[1024]);
    MSR(elr_el2, (u64)el1_main);
    MSR(spsr_el2, 0x3c5);
    isb();
    __asm__ volatile("eret");
    return 1;
}
