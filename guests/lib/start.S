/*
 * start.S - entry point shared by all guest fixtures.
 *
 * Entered at EL1h (or EL2h for virtualization=on programs) with the MMU
 * off and DAIF masked.  Sets SP to the boot stack, zeroes .bss, installs
 * the shared vector table(s), calls main() and exits with its return value.
 */
    .file "start.S"
    .section .text.boot, "ax"
    .global _start
    .type _start, %function
_start:
    adrp    x9, __stack_top
    add     x9, x9, :lo12:__stack_top
    mov     sp, x9

    adrp    x9, __bss_start
    add     x9, x9, :lo12:__bss_start
    adrp    x10, __bss_end
    add     x10, x10, :lo12:__bss_end
1:  cmp     x9, x10
    b.hs    2f
    stp     xzr, xzr, [x9], #16
    b       1b
2:
    adrp    x9, __vectors_el1
    add     x9, x9, :lo12:__vectors_el1
    msr     vbar_el1, x9
    mrs     x10, CurrentEL
    cmp     x10, #(2 << 2)
    b.ne    3f
    adrp    x9, __vectors_el2
    add     x9, x9, :lo12:__vectors_el2
    msr     vbar_el2, x9
3:  isb
    mov     x29, #0
    mov     x30, #0
    bl      main
    bl      exit
4:  b       4b
    .size _start, . - _start
