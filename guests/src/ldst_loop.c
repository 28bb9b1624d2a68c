/*
 * ldst_loop: benchmark kernel - load/store streaming over a 64 KiB buffer.
 * 2000 passes x 4096 iterations x 8 instructions (LDP, LDRB, 3 ALU, STP
 * post-index, SUBS, B.NE) = ~65.5 million instructions.
 */
#include "guest.h"

#define WORDS  8192             /* 64 KiB of u64 */
#define PASSES 2000

static u64 buf[WORDS] __attribute__((aligned(64)));

int main(void)
{
    for (int i = 0; i < WORDS; i++)
        buf[i] = (u64)i * 0x9e3779b97f4a7c15UL;
    u64 acc = 0x1234;
    for (int pass = 0; pass < PASSES; pass++) {
        u64 *p = buf, n = WORDS / 2, t0, t1, t2;
        __asm__ volatile("1:\n\t"
                         "ldp  %3, %4, [%1]\n\t"
                         "ldrb %w5, [%1, #3]\n\t"
                         "add  %3, %3, %0\n\t"
                         "eor  %4, %4, %3, ror #11\n\t"
                         "add  %0, %0, %5\n\t"
                         "stp  %3, %4, [%1], #16\n\t"
                         "subs %2, %2, #1\n\t"
                         "b.ne 1b\n\t"
                         : "+r"(acc), "+r"(p), "+r"(n), "=&r"(t0), "=&r"(t1),
                           "=&r"(t2)
                         :
                         : "cc", "memory");
    }
    u64 h = 0xcbf29ce484222325UL;
    for (int i = 0; i < WORDS; i++)
        h = (h ^ buf[i]) * 0x100000001b3UL;
    printf("ldst_loop: %d passes over %d bytes\n", PASSES, WORDS * 8);
    printf("acc=0x%016lx buf[0]=0x%016lx buf[%d]=0x%016lx hash=0x%016lx\n",
           acc, buf[0], WORDS - 1, buf[WORDS - 1], h);
    return 0;
}
