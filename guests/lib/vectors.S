/*
 * vectors.S - shared exception vector tables for EL1 and EL2.
 *
 * Every entry builds a struct trap_frame (see guest.h) on the current stack
 * and calls el1_exception(frame, kind) / el2_exception(frame, kind).  On
 * return, ELR/SPSR/SP_EL0 and x0..x30 are reloaded from the frame (so the
 * handler may change them) and the code ERETs.
 */
#define FRAME_SIZE  288     /* 36 * 8, multiple of 16 */
#define F_ELR       248
#define F_SPSR      256
#define F_ESR       264
#define F_FAR       272
#define F_SP_EL0    280

.macro VENTRY el, kind
    .balign 0x80
    sub     sp, sp, #FRAME_SIZE
    stp     x0, x1, [sp, #0]
    mov     x1, #\kind
    b       __exc_common_el\el
.endm

.macro VTABLE el
    .balign 2048
    .global __vectors_el\el
__vectors_el\el:
    VENTRY \el, 0
    VENTRY \el, 1
    VENTRY \el, 2
    VENTRY \el, 3
    VENTRY \el, 4
    VENTRY \el, 5
    VENTRY \el, 6
    VENTRY \el, 7
    VENTRY \el, 8
    VENTRY \el, 9
    VENTRY \el, 10
    VENTRY \el, 11
    VENTRY \el, 12
    VENTRY \el, 13
    VENTRY \el, 14
    VENTRY \el, 15
.endm

.macro COMMON el
__exc_common_el\el:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mrs     x2, elr_el\el
    mrs     x3, spsr_el\el
    stp     x2, x3, [sp, #F_ELR]
    mrs     x2, esr_el\el
    mrs     x3, far_el\el
    stp     x2, x3, [sp, #F_ESR]
    mrs     x2, sp_el0
    str     x2, [sp, #F_SP_EL0]
    mov     x0, sp
    bl      el\el\()_exception
    ldp     x2, x3, [sp, #F_ELR]
    msr     elr_el\el, x2
    msr     spsr_el\el, x3
    ldr     x2, [sp, #F_SP_EL0]
    msr     sp_el0, x2
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    ldp     x0, x1, [sp, #0]
    add     sp, sp, #FRAME_SIZE
    eret
.endm

    .file "vectors.S"
    .section .text.vectors, "ax"
    VTABLE 1
    VTABLE 2

    .text
    COMMON 1
    COMMON 2
