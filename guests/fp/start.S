/*
 * start.S - entry point for the FP/SIMD guest fixtures (copy of
 * ../lib/start.S plus the FP enable).
 *
 * Entered at EL1h with the MMU off and DAIF masked.  Sets SP, zeroes .bss,
 * installs the shared EL1 vector table, sets CPACR_EL1.FPEN = 0b11 (unless
 * built with -DFP_DISABLED_AT_START, used by fp_access_trap, which wants
 * the reset value 0 so its first FP instruction traps with EC 0x07), then
 * calls main() and exits with its return value.  No FP/SIMD instruction is
 * executed before main.
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
#ifndef FP_DISABLED_AT_START
    mov     x9, #(3 << 20)              // CPACR_EL1.FPEN = 0b11: no FP/SIMD traps
    msr     cpacr_el1, x9
#endif
    isb
    mov     x29, #0
    mov     x30, #0
    bl      main
    bl      exit
4:  b       4b
    .size _start, . - _start
