/*
 * harness.S - bare-metal runner for the random FP/AdvSIMD corpus.
 *
 * Entered at EL1h, MMU off, DAIF masked (qemu-system-aarch64 -M virt
 * -cpu max -kernel).  Sets CPACR_EL1.FPEN = 0b11 once.  For every case of
 * the batch (case_count, case_blocks and the code come from batch-NNN.S):
 *
 *   1. FPCR = block.fpcr, then FPSR = block.fpsr (always 0),
 *   2. V0-V31 from the block (128 bits each, LDP Q),
 *   3. ELR_EL1 = codeAddr, SPSR_EL1 = NZCV | DAIF | EL1h,
 *   4. X0-X30 from the block (X30 last, it is the base) and ERET,
 *   5. the case's code runs; the word right after it is "b save_state",
 *   6. save_state stores X0-X30, NZCV, FPCR, FPSR and V0-V31, then prints
 *
 *        C <idx:4> <x0:16> ... <x30:16> <nzcv:8> <fpcr:8> <fpsr:8> <v0:32> ... <v31:32>\n
 *
 *      (V registers as V[127:0], most significant digit first) with
 *      SYS_WRITE0 and goes on with the next case.
 *
 * A synchronous exception inside a case prints
 *        E <idx:4 hex> <vector offset> <esr> <elr> <far>\n
 * and goes on with the next case (the collector refuses such batches).
 * After the last case it prints "DONE <count>\n" and exits with status 0.
 *
 * Block layout (800 bytes): x0..x30 @0, nzcv @248, codeAddr @256,
 * fpcr @264, fpsr @272, (pad), v0..v31 @288 (low 64 bits first).
 */
        .equ CASES_LO, 0x40100000
        .equ CASES_HI, 0x40180000
        .equ BLK_NZCV, 248
        .equ BLK_CODE, 256
        .equ BLK_FPCR, 264
        .equ BLK_FPSR, 272
        .equ BLK_V, 288
        .equ BLK_SIZE, 800
        .equ SAVE_NZCV, 248
        .equ SAVE_FPCR, 256
        .equ SAVE_FPSR, 264
        .equ SAVE_V, 288

        .equ SYS_WRITE0, 0x04
        .equ SYS_EXIT, 0x18

#include "../lib/random-harness-macros.S"

        .section .text.boot, "ax"
        .global _start
_start:
        ldr     x0, =vectors
        msr     vbar_el1, x0
        mov     x0, #(3 << 20)                  // CPACR_EL1.FPEN = 0b11
        msr     cpacr_el1, x0
        isb
        ldr     x0, =stack_top
        mov     sp, x0
        ldr     x0, =cur_case
        str     wzr, [x0]
        ldr     x1, =banner
        bl      write0
        b       next_case

/* Entered with no live registers (after a case, or from _start). */
next_case:
        ldr     x0, =stack_top
        mov     sp, x0
        ldr     x0, =cur_case
        ldr     w1, [x0]
        ldr     x2, =case_count
        ldr     w2, [x2]
        cmp     w1, w2
        b.hs    all_done
        ldr     x3, =case_blocks
        mov     x4, #BLK_SIZE
        madd    x30, x1, x4, x3                 // x30 = this case's block
        ldr     x0, [x30, #BLK_FPCR]
        msr     fpcr, x0
        ldr     x0, [x30, #BLK_FPSR]
        msr     fpsr, x0
        add     x0, x30, #BLK_V
        ldp     q0, q1, [x0, #0]
        ldp     q2, q3, [x0, #32]
        ldp     q4, q5, [x0, #64]
        ldp     q6, q7, [x0, #96]
        ldp     q8, q9, [x0, #128]
        ldp     q10, q11, [x0, #160]
        ldp     q12, q13, [x0, #192]
        ldp     q14, q15, [x0, #224]
        ldp     q16, q17, [x0, #256]
        ldp     q18, q19, [x0, #288]
        ldp     q20, q21, [x0, #320]
        ldp     q22, q23, [x0, #352]
        ldp     q24, q25, [x0, #384]
        ldp     q26, q27, [x0, #416]
        ldp     q28, q29, [x0, #448]
        ldp     q30, q31, [x0, #480]
        clrex
        enter_case

/* Every case's code is followed by "b save_state". */
        .global save_state
save_state:
        save_gprs
        mrs     x1, fpcr
        str     x1, [x0, #SAVE_FPCR]
        mrs     x1, fpsr
        str     x1, [x0, #SAVE_FPSR]
        add     x1, x0, #SAVE_V
        stp     q0, q1, [x1, #0]
        stp     q2, q3, [x1, #32]
        stp     q4, q5, [x1, #64]
        stp     q6, q7, [x1, #96]
        stp     q8, q9, [x1, #128]
        stp     q10, q11, [x1, #160]
        stp     q12, q13, [x1, #192]
        stp     q14, q15, [x1, #224]
        stp     q16, q17, [x1, #256]
        stp     q18, q19, [x1, #288]
        stp     q20, q21, [x1, #320]
        stp     q22, q23, [x1, #352]
        stp     q24, q25, [x1, #384]
        stp     q26, q27, [x1, #416]
        stp     q28, q29, [x1, #448]
        stp     q30, q31, [x1, #480]
        ldr     x0, =stack_top
        mov     sp, x0

        ldr     x10, =line_buf
        mov     w0, #'C'
        strb    w0, [x10], #1
        mov     w0, #' '
        strb    w0, [x10], #1
        ldr     x0, =cur_case
        ldr     w0, [x0]
        mov     x2, #4
        bl      put_hex
        ldr     x11, =save_area
        mov     x12, #0
2:      mov     w0, #' '
        strb    w0, [x10], #1
        ldr     x0, [x11, x12, lsl #3]
        mov     x2, #16
        bl      put_hex
        add     x12, x12, #1
        cmp     x12, #31
        b.ne    2b
        mov     w0, #' '
        strb    w0, [x10], #1
        mov     x12, #SAVE_NZCV                 // nzcv, fpcr, fpsr: 8 digits each
12:     ldr     x0, [x11, x12]
        mov     x2, #8
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        add     x12, x12, #8
        cmp     x12, #(SAVE_FPSR + 8)
        b.ne    12b
        mov     x12, #0                         // v0..v31: high half, low half
3:      add     x13, x11, #SAVE_V
        add     x13, x13, x12, lsl #4
        ldr     x0, [x13, #8]
        mov     x2, #16
        bl      put_hex
        ldr     x0, [x13]
        mov     x2, #16
        bl      put_hex
        add     x12, x12, #1
        cmp     x12, #32
        b.eq    13f
        mov     w0, #' '
        strb    w0, [x10], #1
        b       3b
13:
        mov     w0, #'\n'
        strb    w0, [x10], #1
        strb    wzr, [x10]
        ldr     x1, =line_buf
        bl      write0
case_finished:
        ldr     x0, =cur_case
        ldr     w1, [x0]
        add     w1, w1, #1
        str     w1, [x0]
        b       next_case

all_done:
        ldr     x10, =line_buf
        ldr     x1, =done_msg
4:      ldrb    w0, [x1], #1
        cbz     w0, 5f
        strb    w0, [x10], #1
        b       4b
5:      ldr     x0, =case_count
        ldr     w0, [x0]
        mov     x2, #4
        bl      put_hex
        mov     w0, #'\n'
        strb    w0, [x10], #1
        strb    wzr, [x10]
        ldr     x1, =line_buf
        bl      write0
        mov     x0, #0
        b       exit

        .section .rodata, "a"
banner:
        .asciz "hypsim random-fp harness v1\n"

        .section .text.boot, "ax"
        .equ RH_SAVE_ALIGN, 16
        .equ RH_SAVE_SIZE, 800
        .equ RH_LINE_SIZE, 2048
#include "../lib/random-harness.S"
