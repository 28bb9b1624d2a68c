/*
 * exc.h: the EL1 synchronous-exception handler shared by "exceptions" and
 * "fp_trap": prints the vector group, EC, IL, ISS, ELR relative to the
 * trapping instruction, SPSR and (where valid) FAR, then returns, advancing
 * ELR where the preferred return address is the trapping instruction.
 * Include once, from the program's .c file.
 */
#ifndef GUEST_EXC_H
#define GUEST_EXC_H
#include "guest.h"

static volatile u64 trap_pc;      /* address of the instruction expected to trap */
static volatile int n_exc;
static volatile u64 last_esr;

static const char *ec_name(u64 ec)
{
    switch (ec) {
    case 0x00: return "unknown/UNDEF";
    case 0x07: return "FP/SIMD access";
    case 0x15: return "SVC (AArch64)";
    case 0x16: return "HVC (AArch64)";
    case 0x17: return "SMC (AArch64)";
    case 0x18: return "MSR/MRS trap";
    case 0x22: return "PC alignment";
    case 0x25: return "data abort, same EL";
    case 0x3c: return "BRK (AArch64)";
    default:   return "?";
    }
}

static void nested_svc(void);

void el1_exception(struct trap_frame *f, u64 kind)
{
    u64 esr = f->esr, ec = (esr >> 26) & 0x3f, iss = esr & 0x1ffffff;
    n_exc++;
    last_esr = esr;
    if (KIND_TYPE(kind) != 0) {
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
    printf("  exception #%d [%s] ESR=0x%08lx EC=0x%02lx (%s) IL=%lu ISS=0x%07lx\n",
           n_exc, kind_name(kind), esr, ec, ec_name(ec), (esr >> 25) & 1, iss);
    printf("    ELR=insn%+ld SPSR=0x%08lx (%s, M=0x%lx)", (i64)(f->elr - trap_pc),
           f->spsr, nzcv_str(f->spsr), f->spsr & 0x1f);
    if (ec == 0x22 || ec == 0x24 || ec == 0x25 || ec == 0x20 || ec == 0x21)
        printf(" FAR=insn%+ld", (i64)(f->far - trap_pc));
    printf("\n");

    switch (ec) {
    case 0x15:                      /* SVC: ELR already points past it */
        if (iss == 0x42) {
            /* ERET must restore NZCV from SPSR: flip N and C */
            f->spsr ^= 0xa0000000UL;
            printf("    handler flipped SPSR.N and SPSR.C\n");
        }
        if (iss == 0x43)
            f->x[0] = 0x5555aaaa5555aaaaUL;    /* "return value" */
        break;
    case 0x3c:                      /* BRK: preferred return is the BRK */
        if (iss == 0x77) {
            u64 elr = f->elr, spsr = f->spsr;
            nested_svc();
            printf("    back from nested SVC: ELR/SPSR in frame %s\n",
                   (elr == f->elr && spsr == f->spsr) ? "intact" : "CHANGED");
        }
        f->elr += 4;
        break;
    case 0x00:                      /* UNDEF */
    case 0x07:                      /* FP/SIMD trap */
        f->elr += 4;
        break;
    case 0x22:                      /* PC alignment: return to the caller */
        f->elr = f->x[30];
        break;
    default:
        report_exception("EL1", f, kind);
        exit(EXIT_UNEXPECTED_EXCEPTION);
    }
}

/* Execute INSN with trap_pc pointing at it. */
#define TRAP(INSN)                                                           \
    __asm__ volatile("adr x9, 1f\n\t"                                        \
                     "str x9, [%0]\n"                                        \
                     "1:\t" INSN "\n\t"                                      \
                     : : "r"(&trap_pc) : "x0", "x9", "memory")

#define T(DESC, INSN)                                                        \
    do {                                                                     \
        int before = n_exc;                                                  \
        printf("%s\n", DESC);                                                \
        TRAP(INSN);                                                          \
        if (n_exc == before)                                                 \
            printf("  (no exception)\n");                                    \
    } while (0)

static void nested_svc(void)
{
    u64 saved = trap_pc;
    printf("    nested: svc #0x99 from inside the BRK handler\n");
    TRAP("svc #0x99");
    trap_pc = saved;
}

#endif
