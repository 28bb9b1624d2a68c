/* hello: the smallest possible fixture - one line of output, exit 0. */
#include "guest.h"

int main(void)
{
    sh_puts("Hello from hypsim guest (semihosting SYS_WRITE0)\n");
    return 0;
}
