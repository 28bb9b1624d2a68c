/*
 * psci: QEMU's built-in PSCI firmware, reached with HVC from EL1.
 *
 * On "-M virt" without EL2/EL3, QEMU's PSCI conduit is HVC and QEMU treats
 * EVERY HVC #0 from EL1 as a PSCI call (unknown function IDs return
 * NOT_SUPPORTED = -1 in x0; no exception is taken).  This program queries
 * a few functions and finally powers off with SYSTEM_OFF, which makes QEMU
 * exit with status 0 (the guest never returns from that call).
 */
#include "guest.h"

#define PSCI_VERSION        0x84000000UL
#define PSCI_CPU_SUSPEND    0xc4000001UL
#define PSCI_CPU_OFF        0x84000002UL
#define PSCI_CPU_ON         0xc4000003UL
#define PSCI_AFFINITY_INFO  0xc4000004UL
#define PSCI_MIGRATE_INFO_TYPE 0x84000006UL
#define PSCI_SYSTEM_OFF     0x84000008UL
#define PSCI_SYSTEM_RESET   0x84000009UL
#define PSCI_FEATURES       0x8400000aUL

static u64 psci(u64 fn, u64 a1, u64 a2, u64 a3)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = a1;
    register u64 x2 __asm__("x2") = a2;
    register u64 x3 __asm__("x3") = a3;
    __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    return x0;
}

/* Any exception here would mean the HVC was not handled as PSCI. */
void el1_exception(struct trap_frame *f, u64 kind)
{
    report_exception("EL1", f, kind);
    exit(EXIT_UNEXPECTED_EXCEPTION);
}

int main(void)
{
    printf("psci: QEMU PSCI via HVC at EL1\n");
    printf("PSCI_VERSION                    -> 0x%016lx\n", psci(PSCI_VERSION, 0, 0, 0));
    printf("PSCI_FEATURES(PSCI_VERSION)     -> 0x%016lx\n", psci(PSCI_FEATURES, PSCI_VERSION, 0, 0));
    printf("PSCI_FEATURES(SYSTEM_OFF)       -> 0x%016lx\n", psci(PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0));
    printf("PSCI_FEATURES(0x12345678)       -> 0x%016lx\n", psci(PSCI_FEATURES, 0x12345678, 0, 0));
    printf("PSCI_MIGRATE_INFO_TYPE          -> 0x%016lx\n", psci(PSCI_MIGRATE_INFO_TYPE, 0, 0, 0));
    printf("AFFINITY_INFO(mpidr 0)          -> 0x%016lx\n", psci(PSCI_AFFINITY_INFO, 0, 0, 0));
    printf("unknown function 0x0            -> 0x%016lx\n", psci(0, 0, 0, 0));
    printf("unknown function 0x12345        -> 0x%016lx\n", psci(0x12345, 0, 0, 0));
    printf("SYSTEM_OFF (QEMU exits with status 0)\n");
    psci(PSCI_SYSTEM_OFF, 0, 0, 0);
    printf("!! SYSTEM_OFF returned\n");
    return 1;
}
