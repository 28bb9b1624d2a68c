/*
 * tight_loop: benchmark kernel - a tight register-only integer loop.
 * 10,000,000 iterations x 6 instructions = ~60 million instructions.
 */
#include "guest.h"

#define ITERS 10000000UL

int main(void)
{
    u64 n = ITERS, a = 0x0123456789abcdefUL, b = 0xfedcba9876543210UL, c = 1;
    __asm__ volatile("1:\n\t"
                     "add  %1, %1, %0\n\t"
                     "eor  %2, %2, %1, ror #13\n\t"
                     "add  %3, %3, %2, lsr #3\n\t"
                     "eor  %1, %1, %3\n\t"
                     "subs %0, %0, #1\n\t"
                     "b.ne 1b\n\t"
                     : "+r"(n), "+r"(a), "+r"(b), "+r"(c)
                     :
                     : "cc");
    printf("tight_loop: %lu iterations x 6 instructions\n", ITERS);
    printf("checksum a=0x%016lx b=0x%016lx c=0x%016lx\n", a, b, c);
    return 0;
}
