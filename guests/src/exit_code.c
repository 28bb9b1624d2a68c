/* exit_code: prints a few lines using every output primitive, exits 42. */
#include "guest.h"

int main(void)
{
    const char *s = "SYS_WRITEC\n";
    while (*s)
        sh_putc(*s++);                    /* one SYS_WRITEC per character */
    sh_puts("SYS_WRITE0\n");
    printf("printf: %d %u %x %lx %016lx %c %s|%5d|%-5d|%05d\n", -7, 7u, 0xbeefu,
           0x123456789abcdefUL, 0xfeUL, 'Z', "str", 42, 42, 42);
    printf("exiting with code 42 via SYS_EXIT (ADP_Stopped_ApplicationExit)\n");
    exit(42);
}
