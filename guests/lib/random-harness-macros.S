/*
 * random-harness-macros.S - the case entry and exit the random-instruction harnesses
 * (../random, ../random-fp, ../random-sve) share; included near the top of each harness.S
 * (the rest of what they share is random-harness.S, included at the end).
 *
 * Case blocks and save_area both hold X0..X30 at offsets 0..240 and NZCV at 248; the block's
 * NZCV and codeAddr offsets are BLK_NZCV and BLK_CODE (defined by the harness).
 */

/* ELR_EL1 = codeAddr, SPSR_EL1 = NZCV | DAIF | EL1h, X0..X30 from the block at X30 (X30
 * last: it is the base), ERET into the case. */
        .macro  enter_case
        ldr     x0, [x30, #BLK_CODE]
        msr     elr_el1, x0
        ldr     x0, [x30, #BLK_NZCV]
        mov     x1, #0x3c5                      // DAIF masked, EL1h
        orr     x0, x0, x1
        msr     spsr_el1, x0
        ldp     x0, x1, [x30, #0]
        ldp     x2, x3, [x30, #16]
        ldp     x4, x5, [x30, #32]
        ldp     x6, x7, [x30, #48]
        ldp     x8, x9, [x30, #64]
        ldp     x10, x11, [x30, #80]
        ldp     x12, x13, [x30, #96]
        ldp     x14, x15, [x30, #112]
        ldp     x16, x17, [x30, #128]
        ldp     x18, x19, [x30, #144]
        ldp     x20, x21, [x30, #160]
        ldp     x22, x23, [x30, #176]
        ldp     x24, x25, [x30, #192]
        ldp     x26, x27, [x30, #208]
        ldp     x28, x29, [x30, #224]
        ldr     x30, [x30, #240]
        eret
        .endm

/* X0..X30 and NZCV into save_area (X0 through TPIDR_EL1); leaves X0 = save_area. */
        .macro  save_gprs
        msr     tpidr_el1, x0
        ldr     x0, =save_area
        stp     x1, x2, [x0, #8]
        stp     x3, x4, [x0, #24]
        stp     x5, x6, [x0, #40]
        stp     x7, x8, [x0, #56]
        stp     x9, x10, [x0, #72]
        stp     x11, x12, [x0, #88]
        stp     x13, x14, [x0, #104]
        stp     x15, x16, [x0, #120]
        stp     x17, x18, [x0, #136]
        stp     x19, x20, [x0, #152]
        stp     x21, x22, [x0, #168]
        stp     x23, x24, [x0, #184]
        stp     x25, x26, [x0, #200]
        stp     x27, x28, [x0, #216]
        stp     x29, x30, [x0, #232]
        mrs     x1, tpidr_el1
        str     x1, [x0]
        mrs     x1, nzcv
        str     x1, [x0, #248]
        .endm
