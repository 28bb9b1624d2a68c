/*
 * harness.S - bare-metal runner for the random instruction corpus.
 *
 * Entered at EL1h, MMU off, DAIF masked (qemu-system-aarch64 -M virt
 * -cpu max -kernel).  For every case of the batch (case_count, case_blocks,
 * and the code slots c<i> come from the generated batch-NNN.S):
 *
 *   1. copy the case's 256-byte memory image into the window (WINDOW_ADDR),
 *   2. ELR_EL1 = codeAddr, SPSR_EL1 = NZCV | DAIF | EL1h,
 *   3. load X0-X30 from the case block (X30 last, it is the base) and ERET:
 *      the case starts with exactly the recorded state and nothing else,
 *   4. the case's code runs; the word right after it is "b save_state",
 *   5. save_state stores X0-X30 and NZCV (X0 via TPIDR_EL1), then prints
 *
 *        C <idx:4 hex> <x0> ... <x30> <nzcv:8 hex> <window:512 hex>\n
 *
 *      with SYS_WRITE0 and goes on with the next case.
 *
 * A synchronous exception inside a case prints
 *        E <idx:4 hex> <vector offset> <esr> <elr> <far>\n
 * and goes on with the next case (the collector refuses such batches).
 * After the last case it prints "DONE <count>\n" and exits with status 0.
 *
 * Validation build (-DGUARD=<64-bit pattern>): before each case the memory
 * around the window, [GUARD_LO, WINDOW) and [WINDOW_END, GUARD_HI), is filled
 * with the pattern; after the case it is checked ("G <idx> <addr>" on the
 * first changed doubleword).  Two runs with different patterns must give the
 * same "C" lines as the normal build: then no case stored to or loaded from
 * those zones.
 */
        .equ WINDOW_ADDR, 0x4017ff80
        .equ WINDOW_SIZE, 256
        .equ CASES_LO, 0x40100000
        .equ CASES_HI, 0x4017ff80
        .equ BLK_NZCV, 248
        .equ BLK_CODE, 256
        .equ BLK_MEM, 272
        .equ BLK_SIZE, 528
        .equ WINDOW_END, WINDOW_ADDR + WINDOW_SIZE
        .equ GUARD_LO, 0x40110000
        .equ GUARD_HI, 0x401a0000

        .equ SYS_WRITE0, 0x04
        .equ SYS_EXIT, 0x18

#include "../lib/random-harness-macros.S"

        .section .text.boot, "ax"
        .global _start
_start:
        ldr     x0, =vectors
        msr     vbar_el1, x0
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
#ifdef GUARD
        ldr     x8, =GUARD
        ldr     x5, =GUARD_LO
        ldr     x6, =WINDOW_ADDR
8:      str     x8, [x5], #8
        cmp     x5, x6
        b.lo    8b
        ldr     x5, =WINDOW_END
        ldr     x6, =GUARD_HI
9:      str     x8, [x5], #8
        cmp     x5, x6
        b.lo    9b
#endif
        ldr     x5, =WINDOW_ADDR
        add     x6, x30, #BLK_MEM
        mov     x7, #WINDOW_SIZE
1:      ldp     x8, x9, [x6], #16
        stp     x8, x9, [x5], #16
        subs    x7, x7, #16
        b.ne    1b
        clrex
        enter_case

/* Every case's code is followed by "b save_state". */
        .global save_state
save_state:
        save_gprs
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
        ldr     x0, [x11, #248]
        mov     x2, #8
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        ldr     x11, =WINDOW_ADDR
        mov     x12, #0
3:      ldrb    w0, [x11, x12]
        mov     x2, #2
        bl      put_hex
        add     x12, x12, #1
        cmp     x12, #WINDOW_SIZE
        b.ne    3b
        mov     w0, #'\n'
        strb    w0, [x10], #1
        strb    wzr, [x10]
        ldr     x1, =line_buf
        bl      write0
#ifdef GUARD
        ldr     x8, =GUARD
        ldr     x11, =GUARD_LO
        ldr     x12, =WINDOW_ADDR
10:     ldr     x9, [x11]
        cmp     x9, x8
        b.ne    guard_hit
        add     x11, x11, #8
        cmp     x11, x12
        b.lo    10b
        ldr     x11, =WINDOW_END
        ldr     x12, =GUARD_HI
11:     ldr     x9, [x11]
        cmp     x9, x8
        b.ne    guard_hit
        add     x11, x11, #8
        cmp     x11, x12
        b.lo    11b
        b       case_finished
guard_hit:
        ldr     x10, =line_buf
        mov     w0, #'G'
        strb    w0, [x10], #1
        mov     w0, #' '
        strb    w0, [x10], #1
        ldr     x0, =cur_case
        ldr     w0, [x0]
        mov     x2, #4
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        mov     x0, x11
        mov     x2, #16
        bl      put_hex
        mov     w0, #'\n'
        strb    w0, [x10], #1
        strb    wzr, [x10]
        ldr     x1, =line_buf
        bl      write0
#endif
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
        .asciz "hypsim random-instruction harness v1\n"

        .section .text.boot, "ax"
        .equ RH_SAVE_ALIGN, 16
        .equ RH_SAVE_SIZE, 256
        .equ RH_LINE_SIZE, 1200
#include "../lib/random-harness.S"
