/*
 * board_pl011: the PL011 at 0x09000000 — PrimeCell IDs, reset values, the TX raw interrupt
 * after a write, output on the serial line (recorded separately), and its SPI (INTID 33)
 * pending in the GIC.
 */
#include "board.h"

static void uart_puts(const char *s)
{
    for (; *s; s++) {
        while (r32(UART + 0x18) & (1u << 5))
            ;
        w32(UART, (u8)*s);
    }
}

int main(void)
{
    printf("board_pl011: IDs");
    for (int i = 0; i < 8; i++)
        printf(" %02x", r32(UART + 0xfe0 + 4 * i));
    printf("\n");
    printf("FR 0x%x CR 0x%x IFLS 0x%x IMSC 0x%x RIS 0x%x MIS 0x%x\n", r32(UART + 0x18),
           r32(UART + 0x30), r32(UART + 0x34), r32(UART + 0x38), r32(UART + 0x3c),
           r32(UART + 0x40));
    w32(UART + 0x24, 13);
    w32(UART + 0x28, 1);
    w32(UART + 0x2c, 0x70);
    w32(UART + 0x30, 0x301);
    printf("IBRD %u FBRD %u LCR_H 0x%x CR 0x%x\n", r32(UART + 0x24), r32(UART + 0x28),
           r32(UART + 0x2c), r32(UART + 0x30));
    uart_puts("Hello from the PL011\n");
    printf("RIS after output 0x%x\n", r32(UART + 0x3c) & 0x20);
    gic_init_dist();
    /* SPI 1 = INTID 33: route to CPU 0, Group 1, enabled, then unmask TX at the UART. */
    *(volatile u64 *)(GICD + 0x6000 + 8 * 33) = 0;
    w32(GICD + 0x84, 1u << 1);
    w32(GICD + 0x104, 1u << 1);
    printf("GICD_ISPENDR1 before IMSC 0x%x\n", r32(GICD + 0x204) & 2);
    w32(UART + 0x38, 0x20);
    printf("MIS 0x%x GICD_ISPENDR1 0x%x\n", r32(UART + 0x40), r32(GICD + 0x204) & 2);
    w32(UART + 0x44, 0x20);
    printf("after ICR: RIS 0x%x GICD_ISPENDR1 0x%x\n", r32(UART + 0x3c) & 0x20,
           r32(GICD + 0x204) & 2);
    uart_puts("bye\n");
    return 0;
}
