import { describe, expect, it } from 'vitest';
import { check, type Row } from '../test-util/single-insn.js';

/**
 * Data Processing -- Register. Expected values were recorded by running each instruction
 * under qemu-aarch64 7.2 (-cpu cortex-a57) with the same initial state; a row lists only what
 * changes (plus NZCV, always), and every other register must keep its value. Rows marked
 * "UNDEF as in QEMU 8+" or "not implemented" are where QEMU 7.2 (-cpu cortex-a57) differs.
 */

/** AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register), incl. MOV, MVN, TST */
const LOGICAL_REG: Row[] = [
  // and x0, x1, x2
  [
    0x8a020020,
    { x1: 0xff00ff00ff00ff00n, x2: 0xff00ff00ff00ff0n },
    { x0: 0xf000f000f000f00n, nzcv: 0b0000 },
  ],
  // and x0, x1, x2, lsl #4
  [
    0x8a021020,
    { x1: 0xffffffffffffffffn, x2: 0x123456789abcdefn },
    { x0: 0x123456789abcdef0n, nzcv: 0b0000 },
  ],
  // and x0, x1, x2, lsr #63
  [0x8a42fc20, { x1: 0xffffffffffffffffn, x2: 0x8000000000000000n }, { x0: 0x1n, nzcv: 0b0000 }],
  // and x0, x1, x2, asr #32
  [
    0x8a828020,
    { x1: 0xffffffffffffffffn, x2: 0x8000000000000000n },
    { x0: 0xffffffff80000000n, nzcv: 0b0000 },
  ],
  // and x0, x1, x2, ror #36
  [
    0x8ac29020,
    { x1: 0xffffffffffffffffn, x2: 0x123456789abcdefn },
    { x0: 0x789abcdef0123456n, nzcv: 0b0000 },
  ],
  // and w0, w1, w2, ror #4
  [
    0x0ac21020,
    { x1: 0xffffffffffffffffn, x2: 0x123456789abcdefn },
    { x0: 0xf89abcden, nzcv: 0b0000 },
  ],
  // and w0, w1, w2, asr #31
  [0x0a827c20, { x1: 0xffffffff12345678n, x2: 0x80000000n }, { x0: 0x12345678n, nzcv: 0b0000 }],
  // bic x0, x1, x2
  [
    0x8a220020,
    { x1: 0xffffffffffffffffn, x2: 0xff00ff00ff00ffn },
    { x0: 0xff00ff00ff00ff00n, nzcv: 0b0000 },
  ],
  // bic w0, w1, w2, lsl #8
  [0x0a222020, { x1: 0xffffffffffffffffn, x2: 0xffn }, { x0: 0xffff00ffn, nzcv: 0b0000 }],
  // orr x0, x1, x2, lsl #32
  [0xaa028020, { x1: 0x12345678n, x2: 0x9abcdef0n }, { x0: 0x9abcdef012345678n, nzcv: 0b0000 }],
  // orr w0, w1, w2, lsr #16
  [0x2a424020, { x1: 0x1n, x2: 0xffff0000n }, { x0: 0xffffn, nzcv: 0b0000 }],
  // mov x0, x1
  [0xaa0103e0, { x1: 0xfedcba9876543210n }, { x0: 0xfedcba9876543210n, nzcv: 0b0000 }],
  // mov w0, w1
  [0x2a0103e0, { x1: 0xfedcba9876543210n }, { x0: 0x76543210n, nzcv: 0b0000 }],
  // orn x0, x1, x2
  [0xaa220020, { x1: 0x0n, x2: 0x1n }, { x0: 0xfffffffffffffffen, nzcv: 0b0000 }],
  // orn w0, wzr, w2, ror #31
  [0x2ae27fe0, { x2: 0x80000001n }, { x0: 0xfffffffcn, nzcv: 0b0000 }],
  // mvn x0, x1
  [0xaa2103e0, { x1: 0x123456789abcdefn }, { x0: 0xfedcba9876543210n, nzcv: 0b0000 }],
  // mvn w0, w1, lsl #31
  [0x2a217fe0, { x1: 0x1n }, { x0: 0x7fffffffn, nzcv: 0b0000 }],
  // eor x0, x1, x2
  [
    0xca020020,
    { x1: 0xaaaaaaaaaaaaaaaan, x2: 0xffffffff00000000n },
    { x0: 0x55555555aaaaaaaan, nzcv: 0b0000 },
  ],
  // eor x0, x1, x2, ror #1
  [0xcac20420, { x1: 0x0n, x2: 0x3n }, { x0: 0x8000000000000001n, nzcv: 0b0000 }],
  // eor w0, w1, w2, asr #4
  [0x4a821020, { x1: 0xffffffffffffffffn, x2: 0x80000000n }, { x0: 0x7ffffffn, nzcv: 0b0000 }],
  // eon x0, x1, x2
  [
    0xca220020,
    { x1: 0xaaaaaaaaaaaaaaaan, x2: 0xffffffff00000000n },
    { x0: 0xaaaaaaaa55555555n, nzcv: 0b0000 },
  ],
  // eon w0, w1, w2, lsl #1
  [0x4a220420, { x1: 0x0n, x2: 0x80000001n }, { x0: 0xfffffffdn, nzcv: 0b0000 }],
  // ands x0, x1, x2
  [
    0xea020020,
    { x1: 0xf000000000000000n, x2: 0x8000000000000000n, nzcv: 0b0011 },
    { x0: 0x8000000000000000n, nzcv: 0b1000 },
  ],
  // ands x0, x1, x2
  [
    0xea020020,
    { x1: 0xf0f0f0f0f0f0f0f0n, x2: 0xf0f0f0f0f0f0f0fn, nzcv: 0b1011 },
    { x0: 0x0n, nzcv: 0b0100 },
  ],
  // ands w0, w1, w2
  [
    0x6a020020,
    { x1: 0xffffffff00000000n, x2: 0xffffffff00000000n, nzcv: 0b1011 },
    { x0: 0x0n, nzcv: 0b0100 },
  ],
  // ands w0, w1, w2, lsl #31
  [0x6a027c20, { x1: 0xffffffffn, x2: 0x1n }, { x0: 0x80000000n, nzcv: 0b1000 }],
  // bics x0, x1, x2
  [
    0xea220020,
    { x1: 0x8000000000000001n, x2: 0x1n, nzcv: 0b0111 },
    { x0: 0x8000000000000000n, nzcv: 0b1000 },
  ],
  // bics w0, w1, w2, lsr #1
  [0x6a620420, { x1: 0xffffffffn, x2: 0xffffffffn }, { x0: 0x80000000n, nzcv: 0b1000 }],
  // tst x1, x2, lsl #63
  [0xea02fc3f, { x1: 0x8000000000000000n, x2: 0x1n }, { nzcv: 0b1000 }],
  // tst w1, w2
  [0x6a02003f, { x1: 0x100000000n, x2: 0x100000000n, nzcv: 0b1010 }, { nzcv: 0b0100 }],
  // and xzr, x1, x2
  [0x8a02003f, { x1: 0x1n, x2: 0x1n }, { nzcv: 0b0000 }],
];

/** ADD/ADDS/SUB/SUBS (shifted register), incl. NEG/NEGS/CMP/CMN */
const ADDSUB_REG: Row[] = [
  // add x0, x1, x2
  [0x8b020020, { x1: 0xffffffffffffffffn, x2: 0x2n }, { x0: 0x1n, nzcv: 0b0000 }],
  // add x0, x1, x2, lsl #63
  [0x8b02fc20, { x1: 0x1n, x2: 0x3n }, { x0: 0x8000000000000001n, nzcv: 0b0000 }],
  // add x0, x1, x2, lsr #32
  [0x8b428020, { x1: 0xffffffffn, x2: 0x100000000n }, { x0: 0x100000000n, nzcv: 0b0000 }],
  // add x0, x1, x2, asr #1
  [0x8b820420, { x1: 0x0n, x2: 0x8000000000000000n }, { x0: 0xc000000000000000n, nzcv: 0b0000 }],
  // add w0, w1, w2, lsl #31
  [0x0b027c20, { x1: 0x7fffffffn, x2: 0x1n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // add w0, w1, w2, asr #31
  [0x0b827c20, { x1: 0x5n, x2: 0x80000000n }, { x0: 0x4n, nzcv: 0b0000 }],
  // add xzr, x1, x2
  [0x8b02003f, { x1: 0x1n, x2: 0x2n }, { nzcv: 0b0000 }],
  // sub x0, x1, x2
  [0xcb020020, { x1: 0x100000000n, x2: 0x1n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // sub w0, w1, w2, lsr #4
  [0x4b421020, { x1: 0x0n, x2: 0x10n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // neg x0, x1
  [0xcb0103e0, { x1: 0x1n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // neg x0, x1
  [0xcb0103e0, { x1: 0x8000000000000000n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // neg w0, w1, lsl #2
  [0x4b010be0, { x1: 0x40000000n }, { x0: 0x0n, nzcv: 0b0000 }],
  // adds x0, x1, x2
  [0xab020020, { x1: 0x8000000000000000n, x2: 0x8000000000000000n }, { x0: 0x0n, nzcv: 0b0111 }],
  // adds x0, x1, x2
  [0xab020020, { x1: 0xffffffffffffffffn, x2: 0x1n }, { x0: 0x0n, nzcv: 0b0110 }],
  // adds x0, x1, x2, lsl #1
  [
    0xab020420,
    { x1: 0x7fffffffffffffffn, x2: 0x0n, nzcv: 0b1111 },
    { x0: 0x7fffffffffffffffn, nzcv: 0b0000 },
  ],
  // adds w0, w1, w2
  [0x2b020020, { x1: 0xffffffffn, x2: 0x1n }, { x0: 0x0n, nzcv: 0b0110 }],
  // adds w0, w1, w2
  [0x2b020020, { x1: 0x7fffffffn, x2: 0x7fffffffn }, { x0: 0xfffffffen, nzcv: 0b1001 }],
  // adds w0, w1, w2
  [0x2b020020, { x1: 0x80000000n, x2: 0x80000000n }, { x0: 0x0n, nzcv: 0b0111 }],
  // cmn x1, x2
  [0xab02003f, { x1: 0xffffffffffffffffn, x2: 0x1n }, { nzcv: 0b0110 }],
  // subs x0, x1, x2
  [0xeb020020, { x1: 0x5n, x2: 0x5n }, { x0: 0x0n, nzcv: 0b0110 }],
  // subs x0, x1, x2
  [0xeb020020, { x1: 0x5n, x2: 0x6n }, { x0: 0xffffffffffffffffn, nzcv: 0b1000 }],
  // subs x0, x1, x2
  [0xeb020020, { x1: 0x8000000000000000n, x2: 0x1n }, { x0: 0x7fffffffffffffffn, nzcv: 0b0011 }],
  // subs x0, x1, x2
  [
    0xeb020020,
    { x1: 0x7fffffffffffffffn, x2: 0xffffffffffffffffn },
    { x0: 0x8000000000000000n, nzcv: 0b1001 },
  ],
  // subs w0, w1, w2
  [0x6b020020, { x1: 0x80000000n, x2: 0x1n }, { x0: 0x7fffffffn, nzcv: 0b0011 }],
  // subs w0, w1, w2
  [0x6b020020, { x1: 0x100000000n, x2: 0x1n }, { x0: 0xffffffffn, nzcv: 0b1000 }],
  // subs w0, w1, w2, asr #31
  [0x6b827c20, { x1: 0x0n, x2: 0x80000000n }, { x0: 0x1n, nzcv: 0b0000 }],
  // cmp x1, x2, lsr #1
  [0xeb42043f, { x1: 0x7fffffffffffffffn, x2: 0xffffffffffffffffn }, { nzcv: 0b0110 }],
  // cmp w1, w2
  [0x6b02003f, { x1: 0xffffffff00000000n, x2: 0xffffffffn }, { nzcv: 0b0000 }],
  // negs x0, x1
  [0xeb0103e0, { x1: 0x0n }, { x0: 0x0n, nzcv: 0b0110 }],
  // negs x0, x1
  [0xeb0103e0, { x1: 0x8000000000000000n }, { x0: 0x8000000000000000n, nzcv: 0b1001 }],
  // negs w0, w1
  [0x6b0103e0, { x1: 0x1n }, { x0: 0xffffffffn, nzcv: 0b1000 }],
];

/** ADD/ADDS/SUB/SUBS (extended register), UXTB..SXTX with LSL #0-4 and SP */
const ADDSUB_EXT: Row[] = [
  // add x0, x1, w2, uxtb
  [0x8b220020, { x1: 0x1000n, x2: 0xffffffffffffff80n }, { x0: 0x1080n, nzcv: 0b0000 }],
  // add x0, x1, w2, uxth #4
  [0x8b223020, { x1: 0x0n, x2: 0xffffffffffff8001n }, { x0: 0x80010n, nzcv: 0b0000 }],
  // add x0, x1, w2, uxtw #2
  [0x8b224820, { x1: 0x0n, x2: 0xffffffff80000001n }, { x0: 0x200000004n, nzcv: 0b0000 }],
  // add x0, x1, x2, uxtx #3
  [0x8b226c20, { x1: 0x1n, x2: 0xf000000000000001n }, { x0: 0x8000000000000009n, nzcv: 0b0000 }],
  // add x0, x1, w2, sxtb
  [0x8b228020, { x1: 0x0n, x2: 0x80n }, { x0: 0xffffffffffffff80n, nzcv: 0b0000 }],
  // add x0, x1, w2, sxtb #4
  [0x8b229020, { x1: 0x100n, x2: 0xfen }, { x0: 0xe0n, nzcv: 0b0000 }],
  // add x0, x1, w2, sxth #1
  [0x8b22a420, { x1: 0x0n, x2: 0x8000n }, { x0: 0xffffffffffff0000n, nzcv: 0b0000 }],
  // add x0, x1, w2, sxtw #3
  [0x8b22cc20, { x1: 0x0n, x2: 0x80000000n }, { x0: 0xfffffffc00000000n, nzcv: 0b0000 }],
  // add x0, x1, x2, sxtx #4
  [0x8b22f020, { x1: 0x0n, x2: 0x8000000000000001n }, { x0: 0x10n, nzcv: 0b0000 }],
  // add x0, sp, w1, uxtw
  [0x8b2143e0, { x1: 0xffffffffn, sp: 0xfffffffff000n }, { x0: 0x10000ffffefffn, nzcv: 0b0000 }],
  // add sp, sp, x1, lsl #2
  [0x8b216bff, { x1: 0x4n, sp: 0x10000n }, { sp: 0x10010n, nzcv: 0b0000 }],
  // add sp, x1, w2, sxtw
  [0x8b22c03f, { x1: 0x100000000n, x2: 0xffffffffn }, { sp: 0xffffffffn, nzcv: 0b0000 }],
  // sub sp, sp, w1, uxtb #4
  [0xcb2113ff, { x1: 0x1ffn, sp: 0x10000n }, { sp: 0xf010n, nzcv: 0b0000 }],
  // sub x0, sp, x1
  [0xcb2163e0, { x1: 0x1n, sp: 0x0n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // add w0, w1, w2, uxtb
  [0x0b220020, { x1: 0xffffffffn, x2: 0x1ffn }, { x0: 0xfen, nzcv: 0b0000 }],
  // add w0, w1, w2, sxtb #2
  [0x0b228820, { x1: 0x0n, x2: 0x80n }, { x0: 0xfffffe00n, nzcv: 0b0000 }],
  // add w0, w1, w2, sxth
  [0x0b22a020, { x1: 0x0n, x2: 0x1ffffn }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // add w0, w1, w2, uxtw #4
  [0x0b225020, { x1: 0x0n, x2: 0x1f0000001n }, { x0: 0x10n, nzcv: 0b0000 }],
  // add w0, w1, w2, sxtw #1
  [0x0b22c420, { x1: 0x1n, x2: 0x80000000n }, { x0: 0x1n, nzcv: 0b0000 }],
  // add w0, w1, w2, uxtx #3
  [0x0b226c20, { x1: 0x0n, x2: 0xff00000001n }, { x0: 0x8n, nzcv: 0b0000 }],
  // add wsp, wsp, w1, uxth
  [0x0b2123ff, { x1: 0x12345n, sp: 0xffffffffffffffffn }, { sp: 0x2344n, nzcv: 0b0000 }],
  // adds x0, x1, w2, sxth #1
  [0xab22a420, { x1: 0x10000n, x2: 0x8000n }, { x0: 0x0n, nzcv: 0b0110 }],
  // adds x0, sp, x1
  [0xab2163e0, { x1: 0x1n, sp: 0xffffffffffffffffn }, { x0: 0x0n, nzcv: 0b0110 }],
  // adds w0, w1, w2, uxtb
  [0x2b220020, { x1: 0xffffff01n, x2: 0xffn }, { x0: 0x0n, nzcv: 0b0110 }],
  // subs x0, x1, w2, uxtw
  [0xeb224020, { x1: 0x100000000n, x2: 0xffffffff00000001n }, { x0: 0xffffffffn, nzcv: 0b0010 }],
  // subs w0, w1, w2, sxtb
  [0x6b228020, { x1: 0x0n, x2: 0x80n }, { x0: 0x80n, nzcv: 0b0000 }],
  // cmp x1, w2, uxtb
  [0xeb22003f, { x1: 0xffn, x2: 0x1ffn }, { nzcv: 0b0110 }],
  // cmp sp, x1
  [0xeb2163ff, { sp: 0x100n, x1: 0x100n }, { nzcv: 0b0110 }],
  // cmn w1, w2, sxth #4
  [0x2b22b03f, { x1: 0x80000n, x2: 0xfffff8000n }, { nzcv: 0b0110 }],
  // subs x0, sp, w1, uxtw #4
  [0xeb2153e0, { x1: 0x100n, sp: 0x1000n }, { x0: 0x0n, nzcv: 0b0110 }],
];

/** ADC/ADCS/SBC/SBCS, incl. NGC/NGCS */
const CARRY: Row[] = [
  // adc x0, x1, x2
  [0x9a020020, { x1: 0xffffffffffffffffn, x2: 0x0n, nzcv: 0b0010 }, { x0: 0x0n, nzcv: 0b0010 }],
  // adc x0, x1, x2
  [0x9a020020, { x1: 0xffffffffn, x2: 0x0n, nzcv: 0b0010 }, { x0: 0x100000000n, nzcv: 0b0010 }],
  // adc x0, x1, x2
  [0x9a020020, { x1: 0x1n, x2: 0x1n, nzcv: 0b1101 }, { x0: 0x2n, nzcv: 0b1101 }],
  // adc w0, w1, w2
  [0x1a020020, { x1: 0xffffffffn, x2: 0x0n, nzcv: 0b0010 }, { x0: 0x0n, nzcv: 0b0010 }],
  // adcs x0, x1, x2
  [0xba020020, { x1: 0xffffffffffffffffn, x2: 0x0n, nzcv: 0b0010 }, { x0: 0x0n, nzcv: 0b0110 }],
  // adcs x0, x1, x2
  [
    0xba020020,
    { x1: 0x7fffffffffffffffn, x2: 0x0n, nzcv: 0b0010 },
    { x0: 0x8000000000000000n, nzcv: 0b1001 },
  ],
  // adcs x0, x1, x2
  [
    0xba020020,
    { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn, nzcv: 0b0010 },
    { x0: 0xffffffffffffffffn, nzcv: 0b1010 },
  ],
  // adcs w0, w1, w2
  [0x3a020020, { x1: 0x7fffffffn, x2: 0x0n, nzcv: 0b0010 }, { x0: 0x80000000n, nzcv: 0b1001 }],
  // adcs w0, w1, w2
  [0x3a020020, { x1: 0xfffffffen, x2: 0x1n, nzcv: 0b0010 }, { x0: 0x0n, nzcv: 0b0110 }],
  // adcs w0, w1, w2
  [0x3a020020, { x1: 0xfffffffen, x2: 0x1n }, { x0: 0xffffffffn, nzcv: 0b1000 }],
  // sbc x0, x1, x2
  [0xda020020, { x1: 0x5n, x2: 0x3n }, { x0: 0x1n, nzcv: 0b0000 }],
  // sbc x0, x1, x2
  [0xda020020, { x1: 0x5n, x2: 0x3n, nzcv: 0b0010 }, { x0: 0x2n, nzcv: 0b0010 }],
  // sbc x0, x1, x2
  [0xda020020, { x1: 0x0n, x2: 0x0n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // sbc w0, w1, w2
  [0x5a020020, { x1: 0x0n, x2: 0x0n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // sbcs x0, x1, x2
  [0xfa020020, { x1: 0x0n, x2: 0x0n }, { x0: 0xffffffffffffffffn, nzcv: 0b1000 }],
  // sbcs x0, x1, x2
  [0xfa020020, { x1: 0x0n, x2: 0x0n, nzcv: 0b0010 }, { x0: 0x0n, nzcv: 0b0110 }],
  // sbcs x0, x1, x2
  [0xfa020020, { x1: 0x8000000000000000n, x2: 0x0n }, { x0: 0x7fffffffffffffffn, nzcv: 0b0011 }],
  // sbcs w0, w1, w2
  [0x7a020020, { x1: 0x80000000n, x2: 0x0n }, { x0: 0x7fffffffn, nzcv: 0b0011 }],
  // sbcs w0, w1, w2
  [0x7a020020, { x1: 0x5n, x2: 0x5n, nzcv: 0b1111 }, { x0: 0x0n, nzcv: 0b0110 }],
  // ngc x0, x1
  [0xda0103e0, { x1: 0x1n }, { x0: 0xfffffffffffffffen, nzcv: 0b0000 }],
  // ngcs w0, w1
  [0x7a0103e0, { x1: 0x0n, nzcv: 0b0010 }, { x0: 0x0n, nzcv: 0b0110 }],
  // ngcs w0, w1
  [0x7a0103e0, { x1: 0x0n }, { x0: 0xffffffffn, nzcv: 0b1000 }],
];

/** CCMP/CCMN (register and immediate) */
const CONDCMP: Row[] = [
  // ccmp x1, x2, #0x5, eq
  [0xfa420025, { x1: 0x3n, x2: 0x3n, nzcv: 0b0100 }, { nzcv: 0b0110 }],
  // ccmp x1, x2, #0x5, eq
  [0xfa420025, { x1: 0x3n, x2: 0x3n }, { nzcv: 0b0101 }],
  // ccmp x1, x2, #0xf, ne
  [0xfa42102f, { x1: 0x3n, x2: 0x4n }, { nzcv: 0b1000 }],
  // ccmp x1, x2, #0x0, hs
  [0xfa422020, { x1: 0x8000000000000000n, x2: 0x1n, nzcv: 0b0010 }, { nzcv: 0b0011 }],
  // ccmp w1, w2, #0x2, lt
  [0x7a42b022, { x1: 0x80000000n, x2: 0x1n, nzcv: 0b1000 }, { nzcv: 0b0011 }],
  // ccmp w1, w2, #0x2, lt
  [0x7a42b022, { x1: 0x80000000n, x2: 0x1n, nzcv: 0b1001 }, { nzcv: 0b0010 }],
  // ccmp w1, w2, #0x8, al
  [0x7a42e028, { x1: 0x100000000n, x2: 0x0n }, { nzcv: 0b0110 }],
  // ccmp x1, #0x1f, #0x0, gt
  [0xfa5fc820, { x1: 0x1fn }, { nzcv: 0b0110 }],
  // ccmp x1, #0x1f, #0x6, gt
  [0xfa5fc826, { x1: 0x1fn, nzcv: 0b0100 }, { nzcv: 0b0110 }],
  // ccmp w1, #0x1, #0x0, mi
  [0x7a414820, { x1: 0x0n, nzcv: 0b1000 }, { nzcv: 0b1000 }],
  // ccmp x1, #0x1, #0x0, mi
  [0xfa414820, { x1: 0x0n, nzcv: 0b1000 }, { nzcv: 0b1000 }],
  // ccmn x1, x2, #0x0, eq
  [0xba420020, { x1: 0xffffffffffffffffn, x2: 0x1n, nzcv: 0b0100 }, { nzcv: 0b0110 }],
  // ccmn w1, w2, #0x0, pl
  [0x3a425020, { x1: 0x7fffffffn, x2: 0x1n }, { nzcv: 0b1001 }],
  // ccmn x1, #0x1, #0x3, vs
  [0xba416823, { x1: 0x7fffffffffffffffn }, { nzcv: 0b0011 }],
  // ccmn x1, #0x1, #0x3, vs
  [0xba416823, { x1: 0x7fffffffffffffffn, nzcv: 0b0001 }, { nzcv: 0b1001 }],
  // ccmn w1, #0x1f, #0x9, le
  [0x3a5fd829, { x1: 0xffffffe1n, nzcv: 0b0100 }, { nzcv: 0b0110 }],
  // ccmp x1, x2, #0x0, nv
  [0xfa42f020, { x1: 0x1n, x2: 0x2n }, { nzcv: 0b1000 }],
];

/** CSEL/CSINC/CSINV/CSNEG and their aliases */
const CONDSEL: Row[] = [
  // csel x0, x1, x2, eq
  [
    0x9a820020,
    { x1: 0x1111111111111111n, x2: 0x2222222222222222n, nzcv: 0b0100 },
    { x0: 0x1111111111111111n, nzcv: 0b0100 },
  ],
  // csel x0, x1, x2, eq
  [
    0x9a820020,
    { x1: 0x1111111111111111n, x2: 0x2222222222222222n },
    { x0: 0x2222222222222222n, nzcv: 0b0000 },
  ],
  // csel w0, w1, w2, ne
  [
    0x1a821020,
    { x1: 0x1111111111111111n, x2: 0x2222222222222222n },
    { x0: 0x11111111n, nzcv: 0b0000 },
  ],
  // csel w0, w1, w2, ne
  [
    0x1a821020,
    { x1: 0x1111111111111111n, x2: 0x2222222222222222n, nzcv: 0b0100 },
    { x0: 0x22222222n, nzcv: 0b0100 },
  ],
  // csinc x0, x1, x2, lt
  [0x9a82b420, { x1: 0x1n, x2: 0xffffffffffffffffn }, { x0: 0x0n, nzcv: 0b0000 }],
  // csinc x0, x1, x2, lt
  [0x9a82b420, { x1: 0x1n, x2: 0xffffffffn }, { x0: 0x100000000n, nzcv: 0b0000 }],
  // csinc w0, w1, w2, ge
  [0x1a82a420, { x1: 0x1n, x2: 0xffffffffn, nzcv: 0b1000 }, { x0: 0x0n, nzcv: 0b1000 }],
  // cset x0, eq
  [0x9a9f17e0, { nzcv: 0b0100 }, { x0: 0x1n, nzcv: 0b0100 }],
  // cset w0, hi
  [0x1a9f97e0, { nzcv: 0b0010 }, { x0: 0x1n, nzcv: 0b0010 }],
  // cinc x0, x1, ls
  [
    0x9a818420,
    { x1: 0x7fffffffffffffffn, nzcv: 0b0110 },
    { x0: 0x8000000000000000n, nzcv: 0b0110 },
  ],
  // csinv x0, x1, x2, cs
  [0xda822020, { x1: 0x5n, x2: 0x0n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // csinv w0, w1, w2, cs
  [0x5a822020, { x1: 0x5n, x2: 0x0n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // csetm x0, vs
  [0xda9f73e0, { nzcv: 0b0001 }, { x0: 0xffffffffffffffffn, nzcv: 0b0001 }],
  // csetm w0, vs
  [0x5a9f73e0, { nzcv: 0b0001 }, { x0: 0xffffffffn, nzcv: 0b0001 }],
  // csinv x0, x1, x1, al
  [0xda81e020, { x1: 0x5n }, { x0: 0x5n, nzcv: 0b0000 }],
  // csneg x0, x1, x2, gt
  [0xda82c420, { x1: 0x5n, x2: 0x1n, nzcv: 0b0100 }, { x0: 0xffffffffffffffffn, nzcv: 0b0100 }],
  // csneg x0, x1, x2, gt
  [0xda82c420, { x1: 0x5n, x2: 0x0n, nzcv: 0b0100 }, { x0: 0x0n, nzcv: 0b0100 }],
  // csneg x0, x1, x2, gt
  [
    0xda82c420,
    { x1: 0x5n, x2: 0x8000000000000000n, nzcv: 0b0100 },
    { x0: 0x8000000000000000n, nzcv: 0b0100 },
  ],
  // csneg w0, w1, w2, le
  [0x5a82d420, { x1: 0x5n, x2: 0x1n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // cneg w0, w1, mi
  [0x5a815420, { x1: 0x80000000n, nzcv: 0b1000 }, { x0: 0x80000000n, nzcv: 0b1000 }],
  // cneg x0, x1, pl
  [0xda814420, { x1: 0xffffffffn }, { x0: 0xffffffff00000001n, nzcv: 0b0000 }],
  // csel x1, x1, x1, eq
  [0x9a810021, { x1: 0x123456789n }, { nzcv: 0b0000 }],
  // csel x0, xzr, x1, nv
  [0x9a81f3e0, { x1: 0x5n, x0: 0x7n }, { x0: 0x0n, nzcv: 0b0000 }],
];

/** UDIV/SDIV, LSLV/LSRV/ASRV/RORV */
const TWO_SOURCE: Row[] = [
  // udiv x0, x1, x2
  [0x9ac20820, { x1: 0xffffffffffffffffn, x2: 0x1n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // udiv x0, x1, x2
  [0x9ac20820, { x1: 0xffffffffffffffffn, x2: 0x3n }, { x0: 0x5555555555555555n, nzcv: 0b0000 }],
  // udiv x0, x1, x2
  [0x9ac20820, { x1: 0xffffffffffffffffn, x2: 0xfffffffffffffffen }, { x0: 0x1n, nzcv: 0b0000 }],
  // udiv x0, x1, x2
  [0x9ac20820, { x1: 0xfedcba9876543210n, x2: 0x100000001n }, { x0: 0xfedcba97n, nzcv: 0b0000 }],
  // udiv x0, x1, x2
  [0x9ac20820, { x1: 0x1234n, x2: 0x0n }, { x0: 0x0n, nzcv: 0b0000 }],
  // udiv x0, x1, x2
  [0x9ac20820, { x1: 0x1fffffffffffffn, x2: 0x7n }, { x0: 0x4924924924924n, nzcv: 0b0000 }],
  // udiv x0, x1, x2
  [0x9ac20820, { x1: 0x8000000000000000n, x2: 0x8000000000000001n }, { x0: 0x0n, nzcv: 0b0000 }],
  // udiv w0, w1, w2
  [0x1ac20820, { x1: 0xffffffffn, x2: 0x2n }, { x0: 0x7fffffffn, nzcv: 0b0000 }],
  // udiv w0, w1, w2
  [0x1ac20820, { x1: 0x5n, x2: 0x100000000n }, { x0: 0x0n, nzcv: 0b0000 }],
  // udiv w0, w1, w2
  [0x1ac20820, { x1: 0x100000005n, x2: 0x2n }, { x0: 0x2n, nzcv: 0b0000 }],
  // sdiv x0, x1, x2
  [
    0x9ac20c20,
    { x1: 0x8000000000000000n, x2: 0xffffffffffffffffn },
    { x0: 0x8000000000000000n, nzcv: 0b0000 },
  ],
  // sdiv x0, x1, x2
  [0x9ac20c20, { x1: 0x8000000000000000n, x2: 0x1n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // sdiv x0, x1, x2
  [0x9ac20c20, { x1: 0x8000000000000000n, x2: 0x0n }, { x0: 0x0n, nzcv: 0b0000 }],
  // sdiv x0, x1, x2
  [0x9ac20c20, { x1: 0xfffffffffffffff9n, x2: 0x2n }, { x0: 0xfffffffffffffffdn, nzcv: 0b0000 }],
  // sdiv x0, x1, x2
  [0x9ac20c20, { x1: 0x7n, x2: 0xfffffffffffffffen }, { x0: 0xfffffffffffffffdn, nzcv: 0b0000 }],
  // sdiv x0, x1, x2
  [
    0x9ac20c20,
    { x1: 0x8000000000000001n, x2: 0x7fffffffffffffffn },
    { x0: 0xffffffffffffffffn, nzcv: 0b0000 },
  ],
  // sdiv x0, x1, x2
  [
    0x9ac20c20,
    { x1: 0xc000000000000000n, x2: 0xfffffffffffffffdn },
    { x0: 0x1555555555555555n, nzcv: 0b0000 },
  ],
  // sdiv x0, x1, x2
  [0x9ac20c20, { x1: 0xffe0000000000000n, x2: 0x3n }, { x0: 0xfff5555555555556n, nzcv: 0b0000 }],
  // sdiv w0, w1, w2
  [0x1ac20c20, { x1: 0x80000000n, x2: 0xffffffffn }, { x0: 0x80000000n, nzcv: 0b0000 }],
  // sdiv w0, w1, w2
  [0x1ac20c20, { x1: 0xfffffff9n, x2: 0x2n }, { x0: 0xfffffffdn, nzcv: 0b0000 }],
  // sdiv w0, w1, w2
  [0x1ac20c20, { x1: 0x7n, x2: 0x0n }, { x0: 0x0n, nzcv: 0b0000 }],
  // sdiv w0, w1, w2
  [0x1ac20c20, { x1: 0x7n, x2: 0x1fffffffen }, { x0: 0xfffffffdn, nzcv: 0b0000 }],
  // lsl x0, x1, x2
  [0x9ac22020, { x1: 0x1n, x2: 0x40n }, { x0: 0x1n, nzcv: 0b0000 }],
  // lsl x0, x1, x2
  [0x9ac22020, { x1: 0x1n, x2: 0x3fn }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // lsl x0, x1, x2
  [
    0x9ac22020,
    { x1: 0x123456789abcdefn, x2: 0xffffffffffffffe4n },
    { x0: 0x9abcdef000000000n, nzcv: 0b0000 },
  ],
  // lsl w0, w1, w2
  [0x1ac22020, { x1: 0x1n, x2: 0x21n }, { x0: 0x2n, nzcv: 0b0000 }],
  // lsl w0, w1, w2
  [0x1ac22020, { x1: 0xffffffffn, x2: 0x1fn }, { x0: 0x80000000n, nzcv: 0b0000 }],
  // lsr x0, x1, x2
  [0x9ac22420, { x1: 0x8000000000000000n, x2: 0x3fn }, { x0: 0x1n, nzcv: 0b0000 }],
  // lsr x0, x1, x2
  [0x9ac22420, { x1: 0x8000000000000000n, x2: 0x24n }, { x0: 0x8000000n, nzcv: 0b0000 }],
  // lsr x0, x1, x2
  [0x9ac22420, { x1: 0x8000000000000000n, x2: 0x80n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // lsr w0, w1, w2
  [0x1ac22420, { x1: 0xffffffff80000000n, x2: 0x1fn }, { x0: 0x1n, nzcv: 0b0000 }],
  // asr x0, x1, x2
  [0x9ac22820, { x1: 0x8000000000000000n, x2: 0x3fn }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // asr x0, x1, x2
  [0x9ac22820, { x1: 0x8000000000000000n, x2: 0x20n }, { x0: 0xffffffff80000000n, nzcv: 0b0000 }],
  // asr x0, x1, x2
  [0x9ac22820, { x1: 0x8000000000000000n, x2: 0x4n }, { x0: 0xf800000000000000n, nzcv: 0b0000 }],
  // asr w0, w1, w2
  [0x1ac22820, { x1: 0x80000000n, x2: 0x24n }, { x0: 0xf8000000n, nzcv: 0b0000 }],
  // ror x0, x1, x2
  [0x9ac22c20, { x1: 0x1n, x2: 0x1n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // ror x0, x1, x2
  [0x9ac22c20, { x1: 0x123456789abcdef0n, x2: 0x20n }, { x0: 0x9abcdef012345678n, nzcv: 0b0000 }],
  // ror x0, x1, x2
  [0x9ac22c20, { x1: 0x123456789abcdef0n, x2: 0x44n }, { x0: 0x123456789abcdefn, nzcv: 0b0000 }],
  // ror w0, w1, w2
  [0x1ac22c20, { x1: 0x1n, x2: 0x21n }, { x0: 0x80000000n, nzcv: 0b0000 }],
  // ror w0, w1, w2
  [0x1ac22c20, { x1: 0xffffffff12345678n, x2: 0x0n }, { x0: 0x12345678n, nzcv: 0b0000 }],
];

/** RBIT/REV16/REV32/REV/CLZ/CLS */
const ONE_SOURCE: Row[] = [
  // rbit x0, x1
  [0xdac00020, { x1: 0x1n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // rbit x0, x1
  [0xdac00020, { x1: 0x123456789abcdefn }, { x0: 0xf7b3d591e6a2c480n, nzcv: 0b0000 }],
  // rbit w0, w1
  [0x5ac00020, { x1: 0xffffffff00000001n }, { x0: 0x80000000n, nzcv: 0b0000 }],
  // rev16 x0, x1
  [0xdac00420, { x1: 0x123456789abcdefn }, { x0: 0x23016745ab89efcdn, nzcv: 0b0000 }],
  // rev16 w0, w1
  [0x5ac00420, { x1: 0x123456789abcdefn }, { x0: 0xab89efcdn, nzcv: 0b0000 }],
  // rev32 x0, x1
  [0xdac00820, { x1: 0x123456789abcdefn }, { x0: 0x67452301efcdab89n, nzcv: 0b0000 }],
  // rev x0, x1
  [0xdac00c20, { x1: 0x123456789abcdefn }, { x0: 0xefcdab8967452301n, nzcv: 0b0000 }],
  // rev w0, w1
  [0x5ac00820, { x1: 0x123456789abcdefn }, { x0: 0xefcdab89n, nzcv: 0b0000 }],
  // clz x0, x1
  [0xdac01020, { x1: 0x0n }, { x0: 0x40n, nzcv: 0b0000 }],
  // clz x0, x1
  [0xdac01020, { x1: 0x1n }, { x0: 0x3fn, nzcv: 0b0000 }],
  // clz x0, x1
  [0xdac01020, { x1: 0x100000000n }, { x0: 0x1fn, nzcv: 0b0000 }],
  // clz x0, x1
  [0xdac01020, { x1: 0x8000000000000000n }, { x0: 0x0n, nzcv: 0b0000 }],
  // clz w0, w1
  [0x5ac01020, { x1: 0xffffffff00000000n }, { x0: 0x20n, nzcv: 0b0000 }],
  // clz w0, w1
  [0x5ac01020, { x1: 0x10000n }, { x0: 0xfn, nzcv: 0b0000 }],
  // cls x0, x1
  [0xdac01420, { x1: 0x0n }, { x0: 0x3fn, nzcv: 0b0000 }],
  // cls x0, x1
  [0xdac01420, { x1: 0xffffffffffffffffn }, { x0: 0x3fn, nzcv: 0b0000 }],
  // cls x0, x1
  [0xdac01420, { x1: 0x1n }, { x0: 0x3en, nzcv: 0b0000 }],
  // cls x0, x1
  [0xdac01420, { x1: 0xffffffff7fffffffn }, { x0: 0x1fn, nzcv: 0b0000 }],
  // cls x0, x1
  [0xdac01420, { x1: 0xffffffffn }, { x0: 0x1fn, nzcv: 0b0000 }],
  // cls x0, x1
  [0xdac01420, { x1: 0xc000000000000000n }, { x0: 0x1n, nzcv: 0b0000 }],
  // cls w0, w1
  [0x5ac01420, { x1: 0x0n }, { x0: 0x1fn, nzcv: 0b0000 }],
  // cls w0, w1
  [0x5ac01420, { x1: 0xffffffffn }, { x0: 0x1fn, nzcv: 0b0000 }],
  // cls w0, w1
  [0x5ac01420, { x1: 0xffffn }, { x0: 0xfn, nzcv: 0b0000 }],
  // cls w0, w1
  [0x5ac01420, { x1: 0xfffffffe80000000n }, { x0: 0x0n, nzcv: 0b0000 }],
];

/** MADD/MSUB, SMADDL/SMSUBL/UMADDL/UMSUBL, SMULH/UMULH */
const THREE_SOURCE: Row[] = [
  // madd x0, x1, x2, x3
  [
    0x9b020c20,
    { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn, x3: 0x1n },
    { x0: 0x2n, nzcv: 0b0000 },
  ],
  // madd x0, x1, x2, x3
  [
    0x9b020c20,
    { x1: 0x123456789abcdefn, x2: 0xfedcba987654321n, x3: 0x0n },
    { x0: 0x22236d88fe5618cfn, nzcv: 0b0000 },
  ],
  // madd x0, x1, x2, x3
  [
    0x9b020c20,
    { x1: 0x100000001n, x2: 0x100000001n, x3: 0xffffffffffffffffn },
    { x0: 0x200000000n, nzcv: 0b0000 },
  ],
  // mul x0, x1, x2
  [0x9b027c20, { x1: 0x8000000000000000n, x2: 0x3n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // madd w0, w1, w2, w3
  [
    0x1b020c20,
    { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0xffffffff00000001n },
    { x0: 0x2n, nzcv: 0b0000 },
  ],
  // mul w0, w1, w2
  [0x1b027c20, { x1: 0x12345678n, x2: 0x9abcdef0n }, { x0: 0x242d2080n, nzcv: 0b0000 }],
  // msub x0, x1, x2, x3
  [0x9b028c20, { x1: 0x3n, x2: 0x4n, x3: 0x5n }, { x0: 0xfffffffffffffff9n, nzcv: 0b0000 }],
  // msub x0, x1, x2, x3
  [
    0x9b028c20,
    { x1: 0x123456789abcdefn, x2: 0xfedcba987654321n, x3: 0x0n },
    { x0: 0xdddc927701a9e731n, nzcv: 0b0000 },
  ],
  // mneg w0, w1, w2
  [0x1b02fc20, { x1: 0x3n, x2: 0x4n }, { x0: 0xfffffff4n, nzcv: 0b0000 }],
  // msub w0, w1, w2, w3
  [0x1b028c20, { x1: 0x10000n, x2: 0x10000n, x3: 0x1n }, { x0: 0x1n, nzcv: 0b0000 }],
  // smaddl x0, w1, w2, x3
  [
    0x9b220c20,
    { x1: 0x80000000n, x2: 0x80000000n, x3: 0x0n },
    { x0: 0x4000000000000000n, nzcv: 0b0000 },
  ],
  // smaddl x0, w1, w2, x3
  [
    0x9b220c20,
    { x1: 0xffffffffn, x2: 0x7fffffffn, x3: 0x1n },
    { x0: 0xffffffff80000002n, nzcv: 0b0000 },
  ],
  // smull x0, w1, w2
  [0x9b227c20, { x1: 0xfffffffffffffffen, x2: 0x3n }, { x0: 0xfffffffffffffffan, nzcv: 0b0000 }],
  // smsubl x0, w1, w2, x3
  [
    0x9b228c20,
    { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0x0n },
    { x0: 0xffffffffffffffffn, nzcv: 0b0000 },
  ],
  // smsubl x0, w1, w2, x3
  [
    0x9b228c20,
    { x1: 0x80000000n, x2: 0x7fffffffn, x3: 0x8000000000000000n },
    { x0: 0xbfffffff80000000n, nzcv: 0b0000 },
  ],
  // umaddl x0, w1, w2, x3
  [
    0x9ba20c20,
    { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0xffffffffn },
    { x0: 0xffffffff00000000n, nzcv: 0b0000 },
  ],
  // umaddl x0, w1, w2, x3
  [
    0x9ba20c20,
    { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0xffffffffffffffffn },
    { x0: 0xfffffffe00000000n, nzcv: 0b0000 },
  ],
  // umull x0, w1, w2
  [0x9ba27c20, { x1: 0x1ffffffffn, x2: 0x2n }, { x0: 0x1fffffffen, nzcv: 0b0000 }],
  // umsubl x0, w1, w2, x3
  [0x9ba28c20, { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0x0n }, { x0: 0x1ffffffffn, nzcv: 0b0000 }],
  // smulh x0, x1, x2
  [
    0x9b427c20,
    { x1: 0x8000000000000000n, x2: 0x8000000000000000n },
    { x0: 0x4000000000000000n, nzcv: 0b0000 },
  ],
  // smulh x0, x1, x2
  [0x9b427c20, { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn }, { x0: 0x0n, nzcv: 0b0000 }],
  // smulh x0, x1, x2
  [0x9b427c20, { x1: 0xffffffffffffffffn, x2: 0x1n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // smulh x0, x1, x2
  [
    0x9b427c20,
    { x1: 0x7fffffffffffffffn, x2: 0x7fffffffffffffffn },
    { x0: 0x3fffffffffffffffn, nzcv: 0b0000 },
  ],
  // smulh x0, x1, x2
  [
    0x9b427c20,
    { x1: 0x8000000000000000n, x2: 0x7fffffffffffffffn },
    { x0: 0xc000000000000000n, nzcv: 0b0000 },
  ],
  // smulh x0, x1, x2
  [
    0x9b427c20,
    { x1: 0x123456789abcdefn, x2: 0xfedcba9876543210n },
    { x0: 0xfffeb49923cc0953n, nzcv: 0b0000 },
  ],
  // umulh x0, x1, x2
  [
    0x9bc27c20,
    { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn },
    { x0: 0xfffffffffffffffen, nzcv: 0b0000 },
  ],
  // umulh x0, x1, x2
  [0x9bc27c20, { x1: 0xffffffffffffffffn, x2: 0x2n }, { x0: 0x1n, nzcv: 0b0000 }],
  // umulh x0, x1, x2
  [
    0x9bc27c20,
    { x1: 0x123456789abcdefn, x2: 0xfedcba9876543210n },
    { x0: 0x121fa00ad77d742n, nzcv: 0b0000 },
  ],
  // umulh x0, x1, x2
  [0x9bc27c20, { x1: 0x100000000n, x2: 0x100000000n }, { x0: 0x1n, nzcv: 0b0000 }],
];

/** unallocated encodings next to allocated ones */
const UNALLOCATED_REG: Row[] = [
  // add/sub (shifted register) W with shift=ROR
  [0x0bc00000, {}, 'UNDEF'],
  // add/sub (shifted register) X with shift=ROR
  [0x8bc00000, {}, 'UNDEF'],
  // add/sub (shifted register) W with imm6=32
  [0x0b008000, {}, 'UNDEF'],
  // add x0, x0, x0, lsl #63
  [0x8b00fc00, { x0: 0x1n }, { x0: 0x8000000000000001n, nzcv: 0b0000 }],
  // logical (shifted register) W with imm6=32
  [0x0a008000, {}, 'UNDEF'],
  // logical (shifted register) W with imm6=63
  [0x2a00fc00, {}, 'UNDEF'],
  // and x0, x0, x0, lsl #63
  [0x8a00fc00, { x0: 0x8000000000000001n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // add x0, x0, w1, uxtw
  [0x8b214000, { x1: 0x1n }, { x0: 0xdeadbeefdeadbef0n, nzcv: 0b0000 }],
  // add (extended register) with LSL #5
  [0x8b211400, {}, 'UNDEF'],
  // add (extended register) with LSL #6
  [0x8b211800, {}, 'UNDEF'],
  // add (extended register) with LSL #7
  [0x8b211c00, {}, 'UNDEF'],
  // add (extended register) with opt=01
  [0x8b610000, {}, 'UNDEF'],
  // add (extended register) with opt=10
  [0x8ba10000, {}, 'UNDEF'],
  // ADC with bits 15:10 = 000001
  [0x9a010400, {}, 'UNDEF'],
  // rmif x0, #2, #0 (FEAT_FlagM not implemented)
  [0xba010400, {}, 'UNDEF'],
  // setf8 w0 (FEAT_FlagM not implemented)
  [0x3a00080d, {}, 'UNDEF'],
  // setf16 w0 (FEAT_FlagM not implemented)
  [0x3a00480d, {}, 'UNDEF'],
  // ccmn x0, x1, #0x0, eq
  [0xba410000, { x0: 0x1n, x1: 0xffffffffffffffffn, nzcv: 0b0100 }, { nzcv: 0b0110 }],
  // conditional compare with S=0
  [0x9a410000, {}, 'UNDEF'],
  // CCMP with o2=1
  [0xfa410400, {}, 'UNDEF'],
  // CCMP with o3=1
  [0xfa410010, {}, 'UNDEF'],
  // ccmp x0, #0x1, #0x0, eq
  [0xfa410800, { x0: 0x1n, nzcv: 0b0100 }, { nzcv: 0b0110 }],
  // ccmn x0, #0x1f, #0x0, eq
  [0xba5f0800, { x0: 0xffffffffffffffe1n, nzcv: 0b0100 }, { nzcv: 0b0110 }],
  // CSEL with op2<1>=1
  [0x9a810800, {}, 'UNDEF'],
  // CSEL with S=1
  [0xba810000, {}, 'UNDEF'],
  // REV (64-bit opcode) with sf=0
  [0x5ac00c00, {}, 'UNDEF'],
  // data-processing (1 source) with S=1
  [0x7ac00000, {}, 'UNDEF'],
  // pacia x0, x0 (FEAT_PAuth not implemented)
  [0xdac10000, {}, 'UNDEF'],
  // xpaci x0 (FEAT_PAuth not implemented)
  [0xdac143e0, {}, 'UNDEF'],
  // ctz w0, w0 (FEAT_CSSC not implemented)
  [0x5ac01800, {}, 'UNDEF'],
  // cnt w0, w0 (FEAT_CSSC not implemented)
  [0x5ac01c00, {}, 'UNDEF'],
  // abs w0, w0 (FEAT_CSSC not implemented)
  [0x5ac02000, {}, 'UNDEF'],
  // data-processing (2 source) with S=1
  [0x3ac20800, {}, 'UNDEF'],
  // crc32b w0, w0, w2 (FEAT_CRC32 not implemented; QEMU -cpu cortex-a57 has it)
  [0x1ac24000, {}, 'UNDEF'],
  // crc32x w0, w0, x2 (FEAT_CRC32 not implemented; QEMU -cpu cortex-a57 has it)
  [0x9ac24c00, {}, 'UNDEF'],
  // crc32cb w0, w0, w2 (FEAT_CRC32 not implemented; QEMU -cpu cortex-a57 has it)
  [0x1ac25000, {}, 'UNDEF'],
  // subp x0, x0, x2 (FEAT_MTE not implemented)
  [0x9ac20000, {}, 'UNDEF'],
  // irg x0, x0, x2 (FEAT_MTE not implemented)
  [0x9ac21000, {}, 'UNDEF'],
  // pacga x0, x0, x2 (FEAT_PAuth not implemented)
  [0x9ac23000, {}, 'UNDEF'],
  // smax w0, w0, w2 (FEAT_CSSC not implemented)
  [0x1ac26000, {}, 'UNDEF'],
  // 2-source opcode 000111
  [0x1ac21c00, {}, 'UNDEF'],
  // 3-source with op54=01
  [0x3b020000, {}, 'UNDEF'],
  // 3-source with op54=10
  [0x5b020000, {}, 'UNDEF'],
  // SMADDL with sf=0
  [0x1b220000, {}, 'UNDEF'],
  // SMULH with sf=0
  [0x1b420000, {}, 'UNDEF'],
  // SMULH with o0=1
  [0x9b428000, {}, 'UNDEF'],
  // UMULH with o0=1
  [0x9bc28000, {}, 'UNDEF'],
  // smulh x0, x0, x2 (Ra=0 is should-be-ones: UNDEF as in QEMU 8+ (7.2 ignores Ra))
  [0x9b420000, {}, 'UNDEF'],
  // umulh x0, x0, x2 (Ra=3 is should-be-ones: UNDEF as in QEMU 8+ (7.2 ignores Ra))
  [0x9bc20c00, {}, 'UNDEF'],
  // 3-source op31=011
  [0x9b620000, {}, 'UNDEF'],
  // 3-source op31=100
  [0x9b820000, {}, 'UNDEF'],
  // 3-source op31=111
  [0x9be20000, {}, 'UNDEF'],
];

describe('Data Processing -- Register', () => {
  const sections: Record<string, Row[]> = {
    LOGICAL_REG,
    ADDSUB_REG,
    ADDSUB_EXT,
    CARRY,
    CONDCMP,
    CONDSEL,
    TWO_SOURCE,
    ONE_SOURCE,
    THREE_SOURCE,
    UNALLOCATED_REG,
  };
  for (const [name, rows] of Object.entries(sections))
    it(`${name} (${rows.length} cases)`, () => {
      expect(rows.flatMap(check)).toEqual([]);
    });
});
