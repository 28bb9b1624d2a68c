/*
 * fp_access_trap: CPACR_EL1.FPEN = 0 at entry (start.S built with
 * -DFP_DISABLED_AT_START).  Executes FP/SIMD instructions (scalar FADD,
 * FMOV from a GPR, MRS FPCR, a vector ADD, LDR Q), each trapping with EC 0x07
 * to the program's EL1 handler; the handler records ESR/ELR, sets
 * CPACR_EL1.FPEN = 0b11 and returns to the SAME instruction, which is then
 * retried and completes (its result is printed).  FPEN = 0b01 (EL0 only
 * traps) and back to 0b00 are exercised too.  The handler and the pre-enable
 * code are compiled with target("general-regs-only") so they never touch
 * FP/SIMD registers themselves.
 */
#include "fp.h"

#define NOFP __attribute__((target("general-regs-only"), noinline))

static volatile int n_traps;
static volatile u64 last_esr, last_elr, last_cpacr;

NOFP void el1_exception(struct trap_frame *f, u64 kind)
{
    u64 ec = (f->esr >> 26) & 0x3f;
    if (kind != 4 || ec != 0x07) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    n_traps++;
    last_esr = f->esr;
    last_elr = f->elr;
    last_cpacr = read_sysreg(cpacr_el1);
    write_sysreg(cpacr_el1, 3UL << 20);     /* enable, then retry the instruction (ELR unchanged) */
    isb();
}

NOFP static void disable_fp(u64 fpen)
{
    write_sysreg(cpacr_el1, fpen << 20);
    isb();
}

/* Each test: FP off, run INSN (address recorded), print what happened. */
#define TRY(DESC, FPEN, ASM, ...)                                                      \
    do {                                                                               \
        u64 at;                                                                        \
        int before = n_traps;                                                          \
        disable_fp(FPEN);                                                              \
        __asm__ volatile("adr %0, 1f\n1:\t" ASM : "=&r"(at), __VA_ARGS__);            \
        printf("%-40s FPEN=%lu traps=%d", DESC, (u64)(FPEN), n_traps - before);       \
        if (n_traps != before)                                                         \
            printf(" ESR=0x%08lx EC=0x%02lx ISS=0x%07lx ELR=insn%+ld CPACR(at trap)=0x%lx", \
                   last_esr, (last_esr >> 26) & 0x3f, last_esr & 0x1ffffff,           \
                   (i64)(last_elr - at), last_cpacr);                                  \
        printf("\n");                                                                  \
    } while (0)

static u64 qbuf[2] __attribute__((aligned(16))) = { 0x0123456789abcdefUL, 0xfedcba9876543210UL };

NOFP int main(void)
{
    printf("fp_access_trap: FP/SIMD access trap (EC 0x07), enable in handler, retry\n");
    printf("CPACR_EL1 at entry = 0x%lx\n", read_sysreg(cpacr_el1));
    u64 r1, r2, r3, r4, r5;
    TRY("fmov d0, x1; (retried) fmov x0, d0", 0, "fmov d0, %2\n\tfmov %1, d0", "=&r"(r1) : "r"(0x4000000000000000UL) : "v0");
    printf("  result 0x%016lx\n", r1);
    TRY("fadd d0,d0,d0 after fmov (FPEN=0b01)", 1, "fmov d0, %2\n\tfadd d0, d0, d0\n\tfmov %1, d0", "=&r"(r2) : "r"(0x3ff8000000000000UL) : "v0");
    printf("  result 0x%016lx\n", r2);
    TRY("mrs fpcr", 0, "mrs %1, fpcr", "=&r"(r3));
    printf("  result 0x%016lx\n", r3);
    TRY("msr fpsr + mrs fpsr", 2, "msr fpsr, %2\n\tmrs %1, fpsr", "=&r"(r4) : "r"(0x8000000UL));
    printf("  result 0x%016lx\n", r4);
    TRY("ldr q1 / add v1.2d / umov", 0, "ldr q1, [%2]\n\tadd v1.2d, v1.2d, v1.2d\n\tumov %1, v1.d[1]", "=&r"(r5) : "r"(qbuf) : "v1", "memory");
    printf("  result 0x%016lx\n", r5);
    TRY("no trap with FPEN=0b11", 3, "fmov s2, wzr\n\tfmov %w1, s2", "=&r"(r1) :: "v2");
    printf("CPACR_EL1 at end = 0x%lx, total traps %d\n", read_sysreg(cpacr_el1), n_traps);
    printf("fp_access_trap done\n");
    return 0;
}
