/*
 * harness.S - bare-metal runner for the random SVE corpus.  One ELF per
 * batch, run unchanged at every VL (qemu -cpu max,sve-max-vq=N).
 *
 * Entered at EL1h, MMU off, DAIF masked.  Once: CPACR_EL1.FPEN = ZEN = 0b11,
 * ISB, ZCR_EL1.LEN = 0xf (capped to the implemented maximum), ISB, FPCR = 0,
 * and print "hypsim random-sve harness v1 vlbytes <RDVL #1 as 4 hex>".
 * For every case (case_count, case_blocks and the code come from batch-NNN.S):
 *
 *   1. FPSR = 0 (FPCR stays 0: round to nearest, no FZ/DN/AHP),
 *   2. P0-P15 from the block (LDR P; block stride 32 bytes = 256 bits, the
 *      low VL/8 bits are loaded), then SETFFR (FFR all true),
 *   3. Z0-Z7 from the block (LDR Z; stride 256 bytes, the low VL bits are
 *      loaded), Z8-Z31 = 0 (DUP #0),
 *   4. ELR_EL1 = codeAddr, SPSR_EL1 = NZCV | DAIF | EL1h,
 *   5. X0-X30 from the block (X30 last, it is the base) and ERET,
 *   6. the case's code runs; the word right after it is "b save_state",
 *   7. save_state stores X0-X30, NZCV, FPSR, Z0-Z31, P0-P15, FFR and prints
 *
 *        C <idx:4> <x0:16> ... <x30:16> <nzcv:8> <fpsr:8> <z0> ... <z31> <p0> ... <p15> <ffr>\n
 *
 *      Z as VL/4 hex digits, P/FFR as VL/32 hex digits, most significant
 *      first (byte 0 / bit 0 = element 0 at the right end).
 *
 * A synchronous exception inside a case prints
 *        E <idx:4> <vector offset:4> <esr:8> <elr:16> <far:16>\n
 * and goes on.  After the last case: "DONE <count:4>\n", exit status 0.
 *
 * Block layout (3072 bytes): x0..x30 @0, nzcv @248, codeAddr @256,
 * p0..p15 @512 (32 bytes each, low bits first), z0..z7 @1024 (256 bytes each).
 */
        .arch armv8.2-a+sve
        .equ CASES_LO, 0x40100000
        .equ CASES_HI, 0x40200000
        .equ BLK_NZCV, 248
        .equ BLK_CODE, 256
        .equ BLK_P, 512
        .equ BLK_Z, 1024
        .equ BLK_SIZE, 3072
        .equ SAVE_NZCV, 248
        .equ SAVE_FPSR, 256
        .equ SAVE_P, 512            // p0..p15, ffr: 17 x 32 bytes
        .equ SAVE_Z, 1088           // z0..z31: 32 x 256 bytes
        .equ SAVE_SIZE, 1088 + 8192

        .equ SYS_WRITE0, 0x04
        .equ SYS_EXIT, 0x18

#include "../lib/random-harness-macros.S"

        .section .text.boot, "ax"
        .global _start
_start:
        ldr     x0, =vectors
        msr     vbar_el1, x0
        mov     x0, #(3 << 20)                  // CPACR_EL1.FPEN = 0b11
        orr     x0, x0, #(3 << 16)              // CPACR_EL1.ZEN = 0b11
        msr     cpacr_el1, x0
        isb
        mov     x0, #0xf
        msr     S3_0_C1_C2_0, x0                // ZCR_EL1.LEN = 15
        isb
        msr     fpcr, xzr
        ldr     x0, =stack_top
        mov     sp, x0
        ldr     x0, =cur_case
        str     wzr, [x0]
        ldr     x10, =line_buf
        ldr     x1, =banner
8:      ldrb    w0, [x1], #1
        cbz     w0, 9f
        strb    w0, [x10], #1
        b       8b
9:      rdvl    x0, #1
        mov     x2, #4
        bl      put_hex
        mov     w0, #'\n'
        strb    w0, [x10], #1
        strb    wzr, [x10]
        ldr     x1, =line_buf
        bl      write0
        b       next_case

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
        msr     fpsr, xzr
        add     x0, x30, #BLK_P
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        ldr     p\n, [x0]
        add     x0, x0, #32
        .endr
        setffr
        add     x0, x30, #BLK_Z
        .irp n, 0,1,2,3,4,5,6,7
        ldr     z\n, [x0]
        add     x0, x0, #256
        .endr
        .irp n, 8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        dup     z\n\().b, #0
        .endr
        enter_case

        .global save_state
save_state:
        save_gprs
        mrs     x1, fpsr
        str     x1, [x0, #SAVE_FPSR]
        add     x1, x0, #SAVE_Z
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        str     z\n, [x1]
        add     x1, x1, #256
        .endr
        add     x1, x0, #SAVE_P
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        str     p\n, [x1]
        add     x1, x1, #32
        .endr
        rdffr   p0.b
        str     p0, [x1]
        ldr     x0, =stack_top
        mov     sp, x0

        rdvl    x15, #1                         // x15 = VL in bytes
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
        ldr     x0, [x11, #SAVE_NZCV]
        mov     x2, #8
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        ldr     x0, [x11, #SAVE_FPSR]
        mov     x2, #8
        bl      put_hex
        mov     x12, #0                         // z0..z31: VL/8 bytes each
3:      mov     w0, #' '
        strb    w0, [x10], #1
        add     x0, x11, #SAVE_Z
        add     x0, x0, x12, lsl #8
        mov     x2, x15
        bl      put_mem
        add     x12, x12, #1
        cmp     x12, #32
        b.ne    3b
        mov     x12, #0                         // p0..p15, ffr: VL/64 bytes each
        lsr     x15, x15, #3
4:      mov     w0, #' '
        strb    w0, [x10], #1
        add     x0, x11, #SAVE_P
        add     x0, x0, x12, lsl #5
        mov     x2, x15
        bl      put_mem
        add     x12, x12, #1
        cmp     x12, #17
        b.ne    4b
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

/* put_mem: x2 bytes at x0 as hex, byte x2-1 first.  Clobbers x0-x7. */
put_mem:
        mov     x6, x0
        mov     x7, x30
1:      sub     x2, x2, #1
        ldrb    w0, [x6, x2]
        mov     x1, x2
        mov     x2, #2
        bl      put_hex
        mov     x2, x1
        cbnz    x2, 1b
        ret     x7

        .section .rodata, "a"
banner:
        .asciz "hypsim random-sve harness v1 vlbytes "

        .section .text.boot, "ax"
        .equ RH_SAVE_ALIGN, 256
        .equ RH_SAVE_SIZE, SAVE_SIZE
        .equ RH_LINE_SIZE, 24576
#include "../lib/random-harness.S"
