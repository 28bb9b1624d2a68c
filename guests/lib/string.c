/*
 * string.c - the few libc routines GCC may call even in freestanding mode.
 * Byte-wise on purpose: the MMU is off, so all data accesses are
 * Device-nGnRnE and must be naturally aligned.
 */
#include "guest.h"

void *memset(void *d, int c, size_t n)
{
    volatile u8 *p = d;
    while (n--)
        *p++ = (u8)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    volatile u8 *dp = d;
    const volatile u8 *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    volatile u8 *dp = d;
    const volatile u8 *sp = s;
    if (dp < sp) {
        while (n--)
            *dp++ = *sp++;
    } else {
        dp += n;
        sp += n;
        while (n--)
            *--dp = *--sp;
    }
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const u8 *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
