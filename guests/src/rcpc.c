/*
 * rcpc: ARMv8.3 FEAT_LRCPC load-acquire RCpc (built with -march=armv8.3-a).
 * LDAPRB/LDAPRH/LDAPR (W and X).  Kept out of "loadstore" so that program
 * stays pure ARMv8.0.
 */
#include "guest.h"

#define GARBAGE 0xdeadbeefdeadbeefUL

static u8 buf[64] __attribute__((aligned(16)));

#define LDAPR(INS, OFF)                                                      \
    do {                                                                     \
        u64 v_ = GARBAGE;                                                    \
        __asm__ volatile(INS : "+r"(v_) : "r"(buf + (OFF)) : "memory");      \
        printf("%-22s [buf+%2d] -> 0x%016lx\n", INS, OFF, v_);               \
    } while (0)

int main(void)
{
    printf("rcpc: LDAPR* (FEAT_LRCPC)\n");
    for (int i = 0; i < 64; i++)
        buf[i] = (u8)(0xf1 - i * 29);
    LDAPR("ldaprb %w0, [%1]", 0);
    LDAPR("ldaprb %w0, [%1]", 7);
    LDAPR("ldaprh %w0, [%1]", 2);
    LDAPR("ldaprh %w0, [%1]", 14);
    LDAPR("ldapr %w0, [%1]", 4);
    LDAPR("ldapr %w0, [%1]", 60);
    LDAPR("ldapr %x0, [%1]", 8);
    LDAPR("ldapr %x0, [%1]", 48);
    /* ordering with a store-release in between */
    u64 v = 0;
    __asm__ volatile("stlr %1, [%2]\n\tldapr %0, [%2]"
                     : "=&r"(v) : "r"(0x1122334455667788UL), "r"(buf + 16) : "memory");
    printf("stlr; ldapr -> 0x%016lx\n", v);
    printf("rcpc done\n");
    return 0;
}
