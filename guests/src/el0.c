/*
 * el0: EL1 "kernel" + EL0 "user" program.
 *
 * EL1 configures SCTLR_EL1 (UMA=0, UCT=0, nTWI=0), points SP_EL0 at
 * a user stack and ERETs to el0_main at EL0t.  EL0 computes things and
 * talks to the kernel only through SVC (number in x8, arguments in x0-x5,
 * result in x0); the kernel prints on its behalf.  EL0 then pokes at
 * privileged state: MRS SCTLR_EL1 / CurrentEL, MSR SPSel and ERET are
 * UNDEFINED at EL0 (EC 0x00); MRS DAIF (UMA=0), MRS CTR_EL0 (UCT=0) are
 * trapped with EC 0x18; WFI with nTWI=0 traps with EC 0x01; BRK gives EC
 * 0x3C; a semihosting HLT from EL0 is UNDEFINED in QEMU 7.2 (semihosting is
 * only honoured at EL1+ unless "userspace=on").  Finally SVC "exit" makes
 * the kernel exit with the code EL0 passed.
 *
 * Deliberately NOT tested, because QEMU 7.2 deviates from the architecture:
 * SP alignment checking (SCTLR_EL1.SA0/SA are not enforced) and MSR DAIFSet/
 * DAIFClr at EL0 with UMA=0 (QEMU swaps Op1/Op2 in the EC 0x18 ISS).
 */
#include "guest.h"

enum { SYS_EXIT_ = 0, SYS_PUTS = 1, SYS_PUTHEX = 2, SYS_MULADD = 3,
       SYS_GETEL = 4, SYS_SUM6 = 5 };

static u64 el0_stack[1024] __attribute__((aligned(16)));
static u64 n_traps;
static u64 trap_marker;

/* ------------------------------------------------------------------ EL0 */

static inline u64 sys6(u64 n, u64 a, u64 b, u64 c, u64 d, u64 e, u64 f)
{
    register u64 x8 __asm__("x8") = n;
    register u64 x0 __asm__("x0") = a;
    register u64 x1 __asm__("x1") = b;
    register u64 x2 __asm__("x2") = c;
    register u64 x3 __asm__("x3") = d;
    register u64 x4 __asm__("x4") = e;
    register u64 x5 __asm__("x5") = f;
    __asm__ volatile("svc #0"
                     : "+r"(x0)
                     : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                     : "memory");
    return x0;
}

#define sys1(n, a) sys6(n, a, 0, 0, 0, 0, 0)

static void uputs(const char *s) { sys1(SYS_PUTS, (u64)s); }
static void uhex(u64 v) { sys1(SYS_PUTHEX, v); }

/* Run one privileged-looking instruction at EL0; the kernel's handler
 * writes trap_marker-style values into the destination register. */
#define UTRY(DESC, INSN)                                                     \
    do {                                                                     \
        u64 r_ = 0x1111111111111111UL;                                       \
        uputs(DESC);                                                         \
        __asm__ volatile("mov x0, %0\n\t" INSN "\n\tmov %0, x0"              \
                         : "+r"(r_) : : "x0", "x1", "x8", "memory");         \
        uputs("  x0 after: ");                                               \
        uhex(r_);                                                            \
    } while (0)

__attribute__((noreturn, noinline)) void el0_main(void)
{
    uputs("EL0: hello from user mode\n");

    /* some computation at EL0 */
    u64 a = 0, b = 1, primes = 0, sum = 0;
    for (int i = 0; i < 90; i++) {
        u64 t = a + b;
        a = b;
        b = t;
    }
    for (u64 n = 2; n < 2000; n++) {
        int p = 1;
        for (u64 d = 2; d * d <= n; d++)
            if (n % d == 0) {
                p = 0;
                break;
            }
        if (p) {
            primes++;
            sum += n;
        }
    }
    uputs("EL0: fib(91) = ");
    uhex(b);
    uputs("EL0: primes below 2000 = ");
    uhex(primes);
    uputs("EL0: their sum = ");
    uhex(sum);

    u64 r = sys6(SYS_MULADD, 0x123456789UL, 0x1000, 0xabc, 0, 0, 0);
    uputs("EL0: muladd(0x123456789, 0x1000, 0xabc) = ");
    uhex(r);
    r = sys6(SYS_SUM6, 1, 2, 3, 4, 5, 0x8000000000000000UL);
    uputs("EL0: sum6(1..5, 1<<63) = ");
    uhex(r);
    r = sys1(SYS_GETEL, 0);
    uputs("EL0: kernel says caller EL = ");
    uhex(r);

    u64 nzcv;
    __asm__ volatile("mov x9, #0x90000000\n\tmsr nzcv, x9\n\tmrs %0, nzcv"
                     : "=r"(nzcv) : : "x9", "cc");
    uputs("EL0: NZCV write/read at EL0 = ");
    uhex(nzcv);

    uputs("\nEL0: now the privileged stuff\n");
    UTRY("mrs x0, sctlr_el1\n", "mrs x0, sctlr_el1");
    UTRY("mrs x0, CurrentEL\n", "mrs x0, CurrentEL");
    UTRY("msr sctlr_el1, x0\n", "msr sctlr_el1, x0");
    UTRY("msr spsel, #1\n", "msr spsel, #1");
    UTRY("eret\n", "eret");
    UTRY("mrs x0, daif (UMA=0)\n", "mrs x0, daif");
    UTRY("mrs x0, ctr_el0 (UCT=0)\n", "mrs x0, ctr_el0");
    UTRY("wfi (nTWI=0)\n", "wfi");
    UTRY("brk #0x3e7\n", "brk #0x3e7");
    UTRY("svc #0x4d2 (x8 = 0x4d2, unknown syscall)\n",
         "mov x8, #0x4d2\n\tsvc #0x4d2");
    UTRY("hlt #0xf000 with x0=SYS_WRITEC at EL0 (semihosting from EL0)\n",
         "mov x0, #3\n\tadr x1, 9f\n\tb 8f\n9:\t.ascii \"!\"\n\t.balign 4\n8:\thlt #0xf000");

    uputs("EL0: done, asking the kernel to exit(0)\n");
    sys1(SYS_EXIT_, 0);
    for (;;)
        ;
}

/* ------------------------------------------------------------------ EL1 */

static void print_sysreg_iss(u64 iss)
{
    printf("    ISS: op0=%lu op1=%lu CRn=%lu CRm=%lu op2=%lu Rt=%lu dir=%s\n",
           (iss >> 20) & 3, (iss >> 14) & 7, (iss >> 10) & 15, (iss >> 1) & 15,
           (iss >> 17) & 7, (iss >> 5) & 31, (iss & 1) ? "read" : "write");
}

void el1_exception(struct trap_frame *f, u64 kind)
{
    u64 esr = f->esr, ec = (esr >> 26) & 0x3f, iss = esr & 0x1ffffff;

    if (kind != 8) {        /* only lower-EL AArch64 synchronous expected */
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }

    if (ec == 0x15 && iss == 0) {   /* system call */
        u64 n = f->x[8];
        switch (n) {
        case SYS_EXIT_:
            printf("kernel: exit(%lu) requested by EL0 (SPSR=0x%08lx), "
                   "%lu traps handled\n", f->x[0], f->spsr, n_traps);
            exit((int)f->x[0]);
        case SYS_PUTS:
            sh_puts((const char *)f->x[0]);
            break;
        case SYS_PUTHEX:
            printf("0x%016lx\n", f->x[0]);
            break;
        case SYS_MULADD:
            f->x[0] = f->x[0] * f->x[1] + f->x[2];
            break;
        case SYS_GETEL:
            f->x[0] = (f->spsr >> 2) & 3;
            break;
        case SYS_SUM6:
            f->x[0] = f->x[0] + f->x[1] + f->x[2] + f->x[3] + f->x[4] + f->x[5];
            break;
        default:
            printf("kernel: unknown syscall %lu\n", n);
            f->x[0] = (u64)-1;
        }
        return;
    }

    n_traps++;
    trap_marker = 0xe1000000UL | (ec << 8) | n_traps;
    printf("  kernel: trap from EL0: ESR=0x%08lx EC=0x%02lx IL=%lu ISS=0x%07lx "
           "SPSR=0x%08lx ELR=el0_main%+ld\n",
           esr, ec, (esr >> 25) & 1, iss, f->spsr,
           (i64)(f->elr - (u64)el0_main));
    switch (ec) {
    case 0x00:      /* UNDEF: skip the instruction */
    case 0x01:      /* WFI/WFE trapped */
    case 0x3c:      /* BRK */
        f->x[0] = trap_marker;
        f->elr += 4;
        break;
    case 0x18: {    /* MSR/MRS trap: emulate a read as trap_marker */
        print_sysreg_iss(iss);
        u64 rt = (iss >> 5) & 31;
        if ((iss & 1) && rt != 31)
            f->x[rt] = trap_marker;
        f->elr += 4;
        break;
    }
    case 0x15:      /* SVC with a non-zero immediate: ELR already advanced */
        f->x[0] = trap_marker;
        break;
    default:
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
}

int main(void)
{
    printf("el0: EL1 kernel starting (CurrentEL=%lu)\n", read_sysreg(CurrentEL) >> 2);
    u64 sctlr = read_sysreg(sctlr_el1);
    sctlr &= ~((1UL << 9) |     /* UMA: EL0 DAIF access traps */
               (1UL << 15) |    /* UCT: EL0 CTR_EL0 access traps */
               (1UL << 16) |    /* nTWI: EL0 WFI traps */
               (1UL << 0));     /* M: MMU stays off */
    write_sysreg(sctlr_el1, sctlr);
    isb();

    u64 top = (u64)&el0_stack[1024];
    printf("kernel: ERET to EL0 at el0_main with SP_EL0 = user stack top\n");
    write_sysreg(sp_el0, top);
    write_sysreg(elr_el1, (u64)el0_main);
    write_sysreg(spsr_el1, 0x3c0);   /* EL0t, DAIF masked */
    isb();
    __asm__ volatile("eret");
    __builtin_unreachable();
}
