/*
 * random-harness.S - the part the random-instruction harnesses (../random, ../random-fp,
 * ../random-sve) share, included at the end of each harness.S:
 *
 *   exit, put_hex, write0; exc_common (an exception inside the case code prints
 *   "E case vector ESR ELR FAR" and goes on with the next case; outside it, FATAL);
 *   the EL1 vector table; the messages; and the .bss (cur_case, exit_block, save_area,
 *   line_buf, stack).
 *
 * The including harness defines: CASES_LO/CASES_HI, case_finished, banner (its own
 * .rodata string), and the sizes RH_SAVE_ALIGN, RH_SAVE_SIZE, RH_LINE_SIZE.
 */

/* exit(x0): SYS_EXIT with ADP_Stopped_ApplicationExit and subcode x0 */
exit:
        ldr     x1, =exit_block
        ldr     x2, =0x20026
        stp     x2, x0, [x1]
        mov     w0, #SYS_EXIT
        hlt     #0xf000
6:      b       6b

/* put_hex: write the low x2 nibbles of x0 as lowercase hex at x10 (advanced).
 * Clobbers x3-x5. */
put_hex:
        sub     x3, x2, #1
        lsl     x3, x3, #2
7:      lsr     x4, x0, x3
        and     x4, x4, #0xf
        cmp     x4, #10
        add     x5, x4, #'0'
        add     x4, x4, #('a' - 10)
        csel    x4, x5, x4, lo
        strb    w4, [x10], #1
        subs    x3, x3, #4
        b.pl    7b
        ret

/* write0: SYS_WRITE0 of the string at x1.  Clobbers x0. */
write0:
        mov     w0, #SYS_WRITE0
        hlt     #0xf000
        ret

/* Exceptions: x0 = vector offset (0x000 .. 0x780). */
exc_common:
        ldr     x1, =stack_top
        mov     sp, x1
        mov     x9, x0
        mrs     x1, elr_el1
        ldr     x2, =CASES_LO
        cmp     x1, x2
        b.lo    fatal
        ldr     x2, =CASES_HI
        cmp     x1, x2
        b.hs    fatal
        ldr     x10, =line_buf
        mov     w0, #'E'
        strb    w0, [x10], #1
        mov     w0, #' '
        strb    w0, [x10], #1
        ldr     x0, =cur_case
        ldr     w0, [x0]
        mov     x2, #4
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        mov     x0, x9
        mov     x2, #4
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        mrs     x0, esr_el1
        mov     x2, #8
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        mrs     x0, elr_el1
        mov     x2, #16
        bl      put_hex
        mov     w0, #' '
        strb    w0, [x10], #1
        mrs     x0, far_el1
        mov     x2, #16
        bl      put_hex
        mov     w0, #'\n'
        strb    w0, [x10], #1
        strb    wzr, [x10]
        ldr     x1, =line_buf
        bl      write0
        b       case_finished

/* An exception outside the case code: the harness itself is broken. */
fatal:
        ldr     x1, =fatal_msg
        bl      write0
        mov     x0, #2
        b       exit

        .ltorg

        .section .text.vectors, "ax"
        .balign 2048
vectors:
        .irp off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
        .org \off
        mov     x0, #\off
        b       exc_common
        .endr

        .section .rodata, "a"
done_msg:
        .asciz "DONE "
fatal_msg:
        .asciz "FATAL exception outside case code\n"

        .section .bss, "aw", %nobits
        .balign 16
cur_case:
        .space 16
exit_block:
        .space 16
        .balign RH_SAVE_ALIGN
save_area:
        .space RH_SAVE_SIZE
line_buf:
        .space RH_LINE_SIZE
        .balign 16
stack:
        .space 4096
stack_top:
