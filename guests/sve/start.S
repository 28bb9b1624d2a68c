/*
 * start.S - entry point for the SVE guest fixtures (../fp/start.S plus the
 * SVE enable).
 *
 * Entered at EL1h with the MMU off and DAIF masked.  Sets SP, zeroes .bss,
 * installs the shared EL1 vector table, sets CPACR_EL1.FPEN = 0b11 and
 * CPACR_EL1.ZEN = 0b11 (no FP/SIMD/SVE traps at EL1/EL0), ISB, then writes
 * ZCR_EL1.LEN = 0xf (the effective VL is capped at the implemented maximum,
 * i.e. QEMU's sve-max-vq; LEN = 0xf requests 2048 bits) and ISB, then calls
 * main() and exits with its return value.  ZCR_EL1 is written by its
 * generic name S3_0_C1_C2_0 so no SVE instruction is needed here.
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
    mov     x9, #(3 << 20)              // CPACR_EL1.FPEN = 0b11
    orr     x9, x9, #(3 << 16)          // CPACR_EL1.ZEN  = 0b11
    msr     cpacr_el1, x9
    isb
    mov     x9, #0xf                    // ZCR_EL1.LEN = 15 (capped to max VL)
    msr     S3_0_C1_C2_0, x9            // ZCR_EL1
    isb
    mov     x29, #0
    mov     x30, #0
    bl      main
    bl      exit
4:  b       4b
    .size _start, . - _start
