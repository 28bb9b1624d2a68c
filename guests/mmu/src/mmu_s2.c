/*
 * mmu_s2.c - stage 2 built at EL2 for an EL1 payload (run with virtualization=on).
 *
 * Stage 2: 40-bit IPA (T0SZ=24), walk from level 1 with two concatenated
 * level-1 tables, 4 KB granule, VMID 5.  IPA 0x40000000..0x7fffffff is an
 * identity 1 GB block; IPA 0x80000000.. goes through level-2/level-3 tables
 * that start mostly empty.  The payload's stage 1 (set up here, 39-bit VA)
 * maps VA 0x40000000 and 0x80000000 1:1 and VA 0xc0000000 through a level-2
 * table at IPA 0x90000000, which stage 2 does not map at first.
 *
 * ESR_EL2's instruction syndrome (ISV, SAS, SSE, SRT, SF, AR) is printed: the
 * loads/stores are single-register ones, so EL2 could emulate them as MMIO.
 */
#include "guest.h"

#define PAGE 4096UL
#define AF          (1UL << 10)
#define SH_INNER    (3UL << 8)
#define S2AP_R      (1UL << 6)
#define S2AP_W      (1UL << 7)
#define S2_NORMAL   ((0xfUL << 2) | SH_INNER | AF)
#define S1_NORMAL   ((0UL << 2) | SH_INNER | AF)
#define TABLE       3UL
#define PAGE_D      3UL
#define BLOCK       1UL
#define VMID        5UL
#define MMIO_IPA    0x80003000UL

static u64 s2_root[1024] __attribute__((aligned(8192)));
typedef u64 table_t[512] __attribute__((aligned(4096)));
static table_t s2_l2, s2_l3, s2_l3b, s1_l1, s1_l2c;
static u8 data[3][4096] __attribute__((aligned(4096)));
static u64 el1_stack[1024] __attribute__((aligned(16)));
static volatile u64 aborts;

static void s2_flush(u64 ipa)
{
    __asm__ volatile("dsb ishst\n\ttlbi ipas2e1is, %0\n\tdsb ish\n\t"
                     "tlbi vmalle1is\n\tdsb ish\n\tisb" :: "r"(ipa >> 12) : "memory");
}

static u64 ld64(u64 va)
{
    u64 v = 0xdeaddeaddeaddeadUL;
    __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "memory");
    return v;
}

static void st64(u64 va, u64 v)
{
    __asm__ volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
}

static void el2_after(void);

void el2_exception(struct trap_frame *f, u64 kind)
{
    u64 ec = f->esr >> 26;
    u64 hpfar = read_sysreg(hpfar_el2);
    if (ec == 0x16) {                       /* HVC #0: the payload is done */
        printf("EL2: HVC from EL1, payload done\n");
        f->elr = (u64)el2_after;
        f->spsr = 0x3c9;                    /* EL2h, DAIF masked */
        return;
    }
    if (KIND_TYPE(kind) != 0 || (ec != 0x24 && ec != 0x20)) {
        report_exception("EL2", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    aborts++;
    u64 iss = f->esr & 0x1ffffff;
    printf("EL2: stage-2 abort EC=0x%02lx ISS=0x%07lx S1PTW=%lu WnR=%lu FSC=0x%02lx\n",
           ec, iss, (iss >> 7) & 1, (iss >> 6) & 1, iss & 0x3f);
    printf("     ISV=%lu SAS=%lu SSE=%lu SRT=%lu SF=%lu AR=%lu\n", (iss >> 24) & 1,
           (iss >> 22) & 3, (iss >> 21) & 1, (iss >> 16) & 31, (iss >> 15) & 1, (iss >> 14) & 1);
    printf("     FAR_EL2=0x%016lx HPFAR_EL2=0x%016lx (IPA page 0x%lx)\n", f->far, hpfar,
           (hpfar >> 4) << 12);
    u64 ipa = (hpfar >> 4) << 12;
    if (ipa == MMIO_IPA) {                  /* emulated device: loads read 0x100 + offset */
        u64 off = f->far & 0xfff;
        if ((iss >> 24) & 1) {
            if (!((iss >> 6) & 1) && ((iss >> 16) & 31) != 31)
                f->x[(iss >> 16) & 31] = 0x100 + off;
            printf("     MMIO %s at +0x%lx emulated\n", (iss >> 6) & 1 ? "write" : "read", off);
        } else
            printf("     MMIO access without a syndrome: skipped\n");
        f->elr += 4;
        return;
    }
    if ((iss & 0x3c) == 0x0c) {             /* permission fault: skip the store */
        printf("     permission fault: skipping the access\n");
        f->elr += 4;
        return;
    }
    if (ipa == 0x80000000UL) {
        s2_l3[0] = (u64)data[0] | S2_NORMAL | S2AP_R | S2AP_W | PAGE_D;
        printf("     mapped IPA 0x80000000 -> data[0], retrying\n");
    } else if (ipa == 0x90000000UL) {
        s2_l2[0x80] = (u64)s2_l3b | TABLE;
        s2_l3b[0] = (u64)s1_l2c | S2_NORMAL | S2AP_R | S2AP_W | PAGE_D;
        printf("     mapped IPA 0x90000000 -> the payload's level-2 table, retrying\n");
    } else {
        printf("     unexpected IPA\n");
        exit(4);
    }
    s2_flush(ipa);
}

static void el1_payload(void)
{
    printf("EL1: payload at EL%lu, SCTLR_EL1.M=%lu\n", read_sysreg(CurrentEL) >> 2,
           read_sysreg(sctlr_el1) & 1);
    printf("EL1: load IPA 0x80000000 -> 0x%016lx\n", ld64(0x80000000UL));
    printf("EL1: load IPA 0x80001000 -> 0x%016lx\n", ld64(0x80001000UL));
    st64(0x80001000UL, 0x77);
    printf("EL1: after store, data[1] = 0x%016lx\n", ld64(0x80001000UL));
    u64 va = 0xc0000000UL + ((u64)data[2] & 0x1fffffUL);
    printf("EL1: load VA 0x%lx -> 0x%016lx\n", va, ld64(va));
    {
        u64 r;
        u64 base = MMIO_IPA;
        __asm__ volatile("ldrsh w2, [%1, #6]\n\tmov %0, x2" : "=r"(r) : "r"(base) : "x2", "memory");
        printf("EL1: MMIO ldrsh w2 -> 0x%lx\n", r);
        __asm__ volatile("ldar x3, [%1]\n\tmov %0, x3" : "=r"(r) : "r"(base + 8) : "x3", "memory");
        printf("EL1: MMIO ldar x3 -> 0x%lx\n", r);
        __asm__ volatile("mov x4, #16\n\tldrb w5, [%1, x4]\n\tmov %0, x5" : "=r"(r) : "r"(base)
                         : "x4", "x5", "memory");
        printf("EL1: MMIO ldrb w5 (register offset) -> 0x%lx\n", r);
        __asm__ volatile("str w6, [%0, #0x20]" :: "r"(base) : "memory");
        __asm__ volatile("mov x7, %0\n\tldr x8, [x7], #8" :: "r"(base + 0x30) : "x7", "x8", "memory");
        __asm__ volatile("ldp x9, x10, [%0]" :: "r"(base + 0x40) : "x9", "x10", "memory");
        __asm__ volatile("ldrsw x11, [%0, #0x50]\n\tstlr w12, [%0]" :: "r"(base) : "x11", "memory");
    }
    printf("EL1: %lu stage-2 aborts so far, HVC\n", aborts);
    __asm__ volatile("hvc #0");
    for (;;)
        ;
}

static void el2_after(void)
{
    u64 par;
    printf("EL2: AT from EL2\n");
    __asm__ volatile("at s12e1r, %0\n\tisb" :: "r"(0x80000000UL));
    par = read_sysreg(par_el1);
    printf("  AT S12E1R 0x80000000: PA bits 0x%lx F=%lu (data[0] %s)\n",
           par & 0xfffffffff000UL, par & 1,
           (par & 0xfffffffff000UL) == (u64)data[0] ? "ok" : "MISMATCH");
    __asm__ volatile("at s1e1r, %0\n\tisb" :: "r"(0x80001000UL));
    par = read_sysreg(par_el1);
    printf("  AT S1E1R  0x80001000: 0x%016lx\n", par);
    __asm__ volatile("at s12e1r, %0\n\tisb" :: "r"(0x80005000UL));
    par = read_sysreg(par_el1);
    printf("  AT S12E1R 0x80005000: F=%lu S=%lu PTW=%lu FST=0x%02lx\n", par & 1, (par >> 9) & 1,
           (par >> 8) & 1, (par >> 1) & 0x3f);
    printf("EL2: %lu stage-2 aborts, done\n", aborts);
    exit(0);
}

int main(void)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 8; j++)
            ((u64 *)data[i])[j] = 0x0101010101010101UL * (i + 1) * 0x10 + j;

    printf("mmu_s2: at EL%lu\n", read_sysreg(CurrentEL) >> 2);
    /* stage 2 */
    s2_root[1] = 0x40000000UL | S2_NORMAL | S2AP_R | S2AP_W | BLOCK;
    s2_root[2] = (u64)s2_l2 | TABLE;
    s2_l2[0] = (u64)s2_l3 | TABLE;
    s2_l3[1] = (u64)data[1] | S2_NORMAL | S2AP_R | PAGE_D;      /* read-only */
    write_sysreg(vttbr_el2, (u64)s2_root | (VMID << 48));
    write_sysreg(vtcr_el2, (1UL << 31) | 24UL | (1UL << 6) | (1UL << 8) | (1UL << 10) |
                               (3UL << 12) | (5UL << 16));
    /* the payload's stage 1 */
    s1_l1[1] = 0x40000000UL | S1_NORMAL | BLOCK;
    s1_l1[2] = 0x80000000UL | S1_NORMAL | BLOCK;
    s1_l1[3] = 0x90000000UL | TABLE;                 /* level-2 table at an unmapped IPA */
    s1_l2c[0] = ((u64)data[2] & ~0x1fffffUL) | S1_NORMAL | BLOCK;
    write_sysreg(mair_el1, 0xffUL);
    write_sysreg(tcr_el1, 25UL | (1UL << 8) | (1UL << 10) | (3UL << 12) | (1UL << 23) |
                              (5UL << 32));
    write_sysreg(ttbr0_el1, (u64)s1_l1);
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | 1);
    __asm__ volatile("dsb ish\n\ttlbi vmalls12e1is\n\tdsb ish\n\tisb" ::: "memory");

    write_sysreg(hcr_el2, (1UL << 31) | 1UL);        /* RW, VM */
    write_sysreg(sp_el1, (u64)&el1_stack[1024]);
    write_sysreg(elr_el2, (u64)el1_payload);
    write_sysreg(spsr_el2, 0x3c5);                   /* EL1h, DAIF masked */
    isb();
    printf("EL2: VTTBR_EL2=VMID %lu, VTCR_EL2=0x%lx, HCR_EL2.VM=1, ERET to EL1\n",
           read_sysreg(vttbr_el2) >> 48, read_sysreg(vtcr_el2));
    __asm__ volatile("eret");
    return 1;
}
