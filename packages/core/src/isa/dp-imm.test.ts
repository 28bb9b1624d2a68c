import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { TEST_CODE_BASE, machineWithCode, runToEnd } from '../testing.js';
import { check, type Row } from '../test-util/single-insn.js';

/**
 * Data Processing -- Immediate. Expected values were recorded by running each instruction
 * under qemu-aarch64 7.2 (-cpu cortex-a57) with the same initial state; a row lists only what
 * changes (plus NZCV, always), and every other register must keep its value.
 */

/** ADD/ADDS/SUB/SUBS (immediate), incl. the SP forms and CMP/CMN */
const ADDSUB_IMM: Row[] = [
  // add x0, x1, #0xfff
  [0x913ffc20, { x1: 0xfffffffffffff001n }, { x0: 0x0n, nzcv: 0b0000 }],
  // add x0, x1, #1, lsl #12
  [0x91400420, { x1: 0xfffff000n }, { x0: 0x100000000n, nzcv: 0b0000 }],
  // add x2, x3, #0x123, lsl #12
  [0x91448c62, { x3: 0x7ffffffffffff000n }, { x2: 0x8000000000122000n, nzcv: 0b0000 }],
  // add w0, w1, #1
  [0x11000420, { x1: 0x12345678ffffffffn }, { x0: 0x0n, nzcv: 0b0000 }],
  // add w0, w1, #0xfff, lsl #12
  [0x117ffc20, { x1: 0xffffffff00001000n }, { x0: 0x1000000n, nzcv: 0b0000 }],
  // add sp, sp, #16
  [0x910043ff, { sp: 0xfffffffffffffff0n }, { sp: 0x0n, nzcv: 0b0000 }],
  // add x0, sp, #0
  [0x910003e0, { sp: 0x123456789abcdef0n }, { x0: 0x123456789abcdef0n, nzcv: 0b0000 }],
  // add wsp, w1, #4
  [
    0x1100103f,
    { x1: 0xffffffff7ffffffcn, sp: 0x1111111111111110n },
    { sp: 0x80000000n, nzcv: 0b0000 },
  ],
  // sub x0, x1, #1
  [0xd1000420, { x1: 0x0n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // sub x0, x1, #1
  [0xd1000420, { x1: 0x100000000n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // sub w0, w1, #2
  [0x51000820, { x1: 0xffffffff00000001n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // sub sp, x1, #0x10, lsl #12
  [0xd140403f, { x1: 0x10000n }, { sp: 0x0n, nzcv: 0b0000 }],
  // adds x0, x1, #1
  [0xb1000420, { x1: 0x7fffffffffffffffn }, { x0: 0x8000000000000000n, nzcv: 0b1001 }],
  // adds x0, x1, #1
  [0xb1000420, { x1: 0xffffffffffffffffn }, { x0: 0x0n, nzcv: 0b0110 }],
  // adds w0, w1, #1
  [0x31000420, { x1: 0x7fffffffn }, { x0: 0x80000000n, nzcv: 0b1001 }],
  // adds w0, w1, #1
  [0x31000420, { x1: 0x1ffffffffn }, { x0: 0x0n, nzcv: 0b0110 }],
  // adds x0, sp, #8
  [0xb10023e0, { sp: 0xfffffffffffffff8n }, { x0: 0x0n, nzcv: 0b0110 }],
  // subs x0, x1, #1
  [0xf1000420, { x1: 0x0n }, { x0: 0xffffffffffffffffn, nzcv: 0b1000 }],
  // subs x0, x1, #1
  [0xf1000420, { x1: 0x1n }, { x0: 0x0n, nzcv: 0b0110 }],
  // subs x0, x1, #1
  [0xf1000420, { x1: 0x8000000000000000n }, { x0: 0x7fffffffffffffffn, nzcv: 0b0011 }],
  // subs w0, w1, #1
  [0x71000420, { x1: 0x180000000n }, { x0: 0x7fffffffn, nzcv: 0b0011 }],
  // cmp x1, #0
  [0xf100003f, { x1: 0x0n }, { nzcv: 0b0110 }],
  // cmp w1, #1
  [0x7100043f, { x1: 0x100000000n }, { nzcv: 0b1000 }],
  // cmp sp, #0x20
  [0xf10083ff, { sp: 0x20n }, { nzcv: 0b0110 }],
  // cmn x1, #1
  [0xb100043f, { x1: 0xffffffffffffffffn }, { nzcv: 0b0110 }],
  // cmn w1, #0xfff, lsl #12
  [0x317ffc3f, { x1: 0x7ffff001n }, { nzcv: 0b1001 }],
];

/** AND/ORR/EOR/ANDS (immediate), incl. TST, MOV (bitmask) and SP destinations */
const LOGICAL_IMM: Row[] = [
  // and x0, x1, #0xff00ff00ff00ff00
  [0x92089c20, { x1: 0x123456789abcdef0n }, { x0: 0x120056009a00de00n, nzcv: 0b0000 }],
  // and x0, x1, #0x8000000000000001
  [0x92410420, { x1: 0xffffffffffffffffn }, { x0: 0x8000000000000001n, nzcv: 0b0000 }],
  // and w0, w1, #0xfffffffe
  [0x121f7820, { x1: 0xffffffffffffffffn }, { x0: 0xfffffffen, nzcv: 0b0000 }],
  // orr x0, xzr, #0x5555555555555555
  [0xb200f3e0, {}, { x0: 0x5555555555555555n, nzcv: 0b0000 }],
  // orr x0, x1, #0xffffffff00000000
  [0xb2607c20, { x1: 0x12345678n }, { x0: 0xffffffff12345678n, nzcv: 0b0000 }],
  // orr w0, wzr, #0xffff
  [0x32003fe0, { x1: 0x0n }, { x0: 0xffffn, nzcv: 0b0000 }],
  // orr w0, w1, #0x3c3c3c3c
  [0x3206cc20, { x1: 0xf0f0f0f0f0f0f0f0n }, { x0: 0xfcfcfcfcn, nzcv: 0b0000 }],
  // eor x0, x1, #0x7ffffffffffffffe
  [0xd27ff420, { x1: 0xffffffffffffffffn }, { x0: 0x8000000000000001n, nzcv: 0b0000 }],
  // eor w0, w1, #0x80000001
  [0x52010420, { x1: 0xffffffffffffffffn }, { x0: 0x7ffffffen, nzcv: 0b0000 }],
  // ands x0, x1, #0x8000000000000000
  [0xf2410020, { x1: 0x8000000000000001n }, { x0: 0x8000000000000000n, nzcv: 0b1000 }],
  // ands w0, w1, #0x1
  [0x72000020, { x1: 0x2n, nzcv: 0b0011 }, { x0: 0x0n, nzcv: 0b0100 }],
  // tst w1, #0x80000000
  [0x7201003f, { x1: 0x80000000n, nzcv: 0b0111 }, { nzcv: 0b1000 }],
  // tst x1, #0x1f
  [0xf240103f, { x1: 0x20n, nzcv: 0b1011 }, { nzcv: 0b0100 }],
  // and sp, x1, #0xfffffffffffffff0
  [0x927cec3f, { x1: 0x123456789abcdeffn }, { sp: 0x123456789abcdef0n, nzcv: 0b0000 }],
  // orr wsp, wzr, #0x1000
  [0x321403ff, { sp: 0xffffffffffffffffn }, { sp: 0x1000n, nzcv: 0b0000 }],
  // eor x0, x1, #0xaaaaaaaaaaaaaaaa
  [0xd201f020, { x1: 0x5555555555555555n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // and x0, x1, #0x0000ffff0000ffff
  [0x92003c20, { x1: 0xffffffffffffffffn }, { x0: 0xffff0000ffffn, nzcv: 0b0000 }],
  // and x0, x1, #0x3333333333333333
  [0x9200e420, { x1: 0xffffffffffffffffn }, { x0: 0x3333333333333333n, nzcv: 0b0000 }],
  // and x0, x1, #0x0f0f0f0f0f0f0f0f
  [0x9200cc20, { x1: 0xffffffffffffffffn }, { x0: 0xf0f0f0f0f0f0f0fn, nzcv: 0b0000 }],
  // and x0, x1, #0x00000000ffffffff
  [0x92407c20, { x1: 0xffffffffffffffffn }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // and x0, x1, #0xfffffffffffffffe
  [0x927ff820, { x1: 0xffffffffffffffffn }, { x0: 0xfffffffffffffffen, nzcv: 0b0000 }],
  // and x0, x1, #0x7ff0000000000000
  [0x924c2820, { x1: 0xffffffffffffffffn }, { x0: 0x7ff0000000000000n, nzcv: 0b0000 }],
];

/** MOVZ/MOVN/MOVK */
const MOVE_WIDE: Row[] = [
  // movz x0, #0x1234, lsl #48
  [0xd2e24680, { x0: 0xffffffffffffffffn }, { x0: 0x1234000000000000n, nzcv: 0b0000 }],
  // movz x0, #0xffff, lsl #16
  [0xd2bfffe0, { x0: 0xffffffffffffffffn }, { x0: 0xffff0000n, nzcv: 0b0000 }],
  // movz w0, #0x8000, lsl #16
  [0x52b00000, { x0: 0xffffffffffffffffn }, { x0: 0x80000000n, nzcv: 0b0000 }],
  // movn x0, #0
  [0x92800000, { x0: 0x0n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // movn x0, #0x8000, lsl #48
  [0x92f00000, {}, { x0: 0x7fffffffffffffffn, nzcv: 0b0000 }],
  // movn w0, #0x1234, lsl #16
  [0x12a24680, {}, { x0: 0xedcbffffn, nzcv: 0b0000 }],
  // movn w0, #0
  [0x12800000, { x0: 0x1234n }, { x0: 0xffffffffn, nzcv: 0b0000 }],
  // movk x0, #0xbeef, lsl #32
  [0xf2d7dde0, { x0: 0xffffffffffffffffn }, { x0: 0xffffbeefffffffffn, nzcv: 0b0000 }],
  // movk x0, #0x1, lsl #48
  [0xf2e00020, { x0: 0x123456789abcdef0n }, { x0: 0x156789abcdef0n, nzcv: 0b0000 }],
  // movk w0, #0x1, lsl #16
  [0x72a00020, { x0: 0xffffffffffffffffn }, { x0: 0x1ffffn, nzcv: 0b0000 }],
  // movk w0, #0xffff
  [0x729fffe0, { x0: 0x123456789abcdef0n }, { x0: 0x9abcffffn, nzcv: 0b0000 }],
  // movz xzr, #1
  [0xd280003f, {}, { nzcv: 0b0000 }],
];

/** SBFM/BFM/UBFM and their aliases */
const BITFIELD: Row[] = [
  // asr x0, x1, #63
  [0x937ffc20, { x1: 0x8000000000000000n }, { x0: 0xffffffffffffffffn, nzcv: 0b0000 }],
  // asr x0, x1, #1
  [0x9341fc20, { x1: 0x8000000000000002n }, { x0: 0xc000000000000001n, nzcv: 0b0000 }],
  // asr x0, x1, #40
  [0x9368fc20, { x1: 0xf123456789abcdefn }, { x0: 0xfffffffffff12345n, nzcv: 0b0000 }],
  // asr w0, w1, #4
  [0x13047c20, { x1: 0xf0000000n }, { x0: 0xff000000n, nzcv: 0b0000 }],
  // asr w0, w1, #31
  [0x131f7c20, { x1: 0xffffffff7fffffffn }, { x0: 0x0n, nzcv: 0b0000 }],
  // sxtb x0, w1
  [0x93401c20, { x1: 0x80n }, { x0: 0xffffffffffffff80n, nzcv: 0b0000 }],
  // sxtb w0, w1
  [0x13001c20, { x1: 0xffffffffffffff7fn }, { x0: 0x7fn, nzcv: 0b0000 }],
  // sxth x0, w1
  [0x93403c20, { x1: 0x12348000n }, { x0: 0xffffffffffff8000n, nzcv: 0b0000 }],
  // sxth w0, w1
  [0x13003c20, { x1: 0x12348000n }, { x0: 0xffff8000n, nzcv: 0b0000 }],
  // sxtw x0, w1
  [0x93407c20, { x1: 0x80000000n }, { x0: 0xffffffff80000000n, nzcv: 0b0000 }],
  // sxtw x0, w1
  [0x93407c20, { x1: 0xffffffff7fffffffn }, { x0: 0x7fffffffn, nzcv: 0b0000 }],
  // sbfiz x0, x1, #60, #4
  [0x93440c20, { x1: 0x8n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // sbfiz x0, x1, #4, #60
  [0x937cec20, { x1: 0x800000000000000n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // sbfiz w0, w1, #8, #8
  [0x13181c20, { x1: 0xffn }, { x0: 0xffffff00n, nzcv: 0b0000 }],
  // sbfx x0, x1, #4, #8
  [0x93442c20, { x1: 0xf80n }, { x0: 0xfffffffffffffff8n, nzcv: 0b0000 }],
  // sbfx x0, x1, #32, #32
  [0x9360fc20, { x1: 0x8000000012345678n }, { x0: 0xffffffff80000000n, nzcv: 0b0000 }],
  // sbfx w0, w1, #1, #31
  [0x13017c20, { x1: 0x80000000n }, { x0: 0xc0000000n, nzcv: 0b0000 }],
  // sbfm x0, x1, #62, #1
  [0x937e0420, { x1: 0x2n }, { x0: 0xfffffffffffffff8n, nzcv: 0b0000 }],
  // lsl x0, x1, #1
  [0xd37ff820, { x1: 0x8000000000000001n }, { x0: 0x2n, nzcv: 0b0000 }],
  // lsl x0, x1, #63
  [0xd3410020, { x1: 0x3n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // lsl x0, x1, #32
  [0xd3607c20, { x1: 0x1234567890abcdefn }, { x0: 0x90abcdef00000000n, nzcv: 0b0000 }],
  // lsl x0, x1, #33
  [0xd35f7820, { x1: 0x1234567890abcdefn }, { x0: 0x21579bde00000000n, nzcv: 0b0000 }],
  // lsl w0, w1, #31
  [0x53010020, { x1: 0xffffffffffffffffn }, { x0: 0x80000000n, nzcv: 0b0000 }],
  // lsl w0, w1, #4
  [0x531c6c20, { x1: 0xfedcba9876543210n }, { x0: 0x65432100n, nzcv: 0b0000 }],
  // lsr x0, x1, #33
  [0xd361fc20, { x1: 0xfedcba9876543210n }, { x0: 0x7f6e5d4cn, nzcv: 0b0000 }],
  // lsr x0, x1, #63
  [0xd37ffc20, { x1: 0xfedcba9876543210n }, { x0: 0x1n, nzcv: 0b0000 }],
  // lsr x0, x1, #3
  [0xd343fc20, { x1: 0xfedcba9876543210n }, { x0: 0x1fdb97530eca8642n, nzcv: 0b0000 }],
  // lsr w0, w1, #31
  [0x531f7c20, { x1: 0x80000000n }, { x0: 0x1n, nzcv: 0b0000 }],
  // ubfx w0, w1, #28, #4
  [0x531c7c20, { x1: 0xffffffff12345678n }, { x0: 0x1n, nzcv: 0b0000 }],
  // ubfx x0, x1, #60, #4
  [0xd37cfc20, { x1: 0xfedcba9876543210n }, { x0: 0xfn, nzcv: 0b0000 }],
  // ubfx x0, x1, #20, #30
  [0xd354c420, { x1: 0xfedcba9876543210n }, { x0: 0xba98765n, nzcv: 0b0000 }],
  // ubfiz x0, x1, #32, #32
  [0xd3607c20, { x1: 0xfedcba9876543210n }, { x0: 0x7654321000000000n, nzcv: 0b0000 }],
  // ubfiz x0, x1, #1, #63
  [0xd37ff820, { x1: 0xfedcba9876543210n }, { x0: 0xfdb97530eca86420n, nzcv: 0b0000 }],
  // ubfiz w0, w1, #31, #1
  [0x53010020, { x1: 0x3n }, { x0: 0x80000000n, nzcv: 0b0000 }],
  // uxtb w0, w1
  [0x53001c20, { x1: 0xfedcba9876543210n }, { x0: 0x10n, nzcv: 0b0000 }],
  // uxth w0, w1
  [0x53003c20, { x1: 0xfedcba9876543210n }, { x0: 0x3210n, nzcv: 0b0000 }],
  // bfi x0, x1, #8, #16
  [0xb3783c20, { x0: 0xffffffffffffffffn, x1: 0x1234n }, { x0: 0xffffffffff1234ffn, nzcv: 0b0000 }],
  // bfi x0, x1, #60, #4
  [0xb3440c20, { x0: 0x0n, x1: 0xffffffffffffffffn }, { x0: 0xf000000000000000n, nzcv: 0b0000 }],
  // bfi x0, x1, #28, #8
  [0xb3641c20, { x0: 0x5555555555555555n, x1: 0xaan }, { x0: 0x5555555aa5555555n, nzcv: 0b0000 }],
  // bfi w0, w1, #28, #4
  [0x33040c20, { x0: 0xffffffffffffffffn, x1: 0x0n }, { x0: 0xfffffffn, nzcv: 0b0000 }],
  // bfxil w0, w1, #4, #8
  [0x33042c20, { x0: 0xffffffffffffffffn, x1: 0x1230n }, { x0: 0xffffff23n, nzcv: 0b0000 }],
  // bfxil x0, x1, #32, #32
  [
    0xb360fc20,
    { x0: 0x1111111122222222n, x1: 0xaaaaaaaabbbbbbbbn },
    { x0: 0x11111111aaaaaaaan, nzcv: 0b0000 },
  ],
  // bfxil x0, x1, #0, #64
  [0xb340fc20, { x0: 0x1n, x1: 0xfedcba9876543210n }, { x0: 0xfedcba9876543210n, nzcv: 0b0000 }],
  // bfm x0, x1, #0, #63
  [0xb340fc20, { x0: 0x1n, x1: 0x2n }, { x0: 0x2n, nzcv: 0b0000 }],
  // bfm x0, x1, #63, #0
  [0xb37f0020, { x0: 0x0n, x1: 0x1n }, { x0: 0x2n, nzcv: 0b0000 }],
  // bfm w0, w1, #31, #31
  [0x331f7c20, { x0: 0x0n, x1: 0x80000000n }, { x0: 0x1n, nzcv: 0b0000 }],
];

/** EXTR and ROR (immediate) */
const EXTRACT: Row[] = [
  // extr x0, x1, x2, #8
  [
    0x93c22020,
    { x1: 0x1122334455667788n, x2: 0x99aabbccddeeff00n },
    { x0: 0x8899aabbccddeeffn, nzcv: 0b0000 },
  ],
  // extr x0, x1, x2, #32
  [
    0x93c28020,
    { x1: 0x1122334455667788n, x2: 0x99aabbccddeeff00n },
    { x0: 0x5566778899aabbccn, nzcv: 0b0000 },
  ],
  // extr x0, x1, x2, #40
  [
    0x93c2a020,
    { x1: 0x1122334455667788n, x2: 0x99aabbccddeeff00n },
    { x0: 0x445566778899aabbn, nzcv: 0b0000 },
  ],
  // extr x0, x1, x2, #0
  [
    0x93c20020,
    { x1: 0x1122334455667788n, x2: 0x99aabbccddeeff00n },
    { x0: 0x99aabbccddeeff00n, nzcv: 0b0000 },
  ],
  // extr x0, x1, x2, #63
  [
    0x93c2fc20,
    { x1: 0x1122334455667788n, x2: 0x99aabbccddeeff00n },
    { x0: 0x22446688aaccef11n, nzcv: 0b0000 },
  ],
  // ror x0, x1, #1
  [0x93c10420, { x1: 0x1n }, { x0: 0x8000000000000000n, nzcv: 0b0000 }],
  // ror x0, x1, #36
  [0x93c19020, { x1: 0x123456789abcdef0n }, { x0: 0x89abcdef01234567n, nzcv: 0b0000 }],
  // extr w0, w1, w2, #31
  [0x13827c20, { x1: 0xffffffff00000003n, x2: 0x80000000n }, { x0: 0x7n, nzcv: 0b0000 }],
  // extr w0, w1, w2, #0
  [0x13820020, { x1: 0x1n, x2: 0xffffffff12345678n }, { x0: 0x12345678n, nzcv: 0b0000 }],
  // ror w0, w1, #8
  [0x13812020, { x1: 0xffffffff11223344n }, { x0: 0x44112233n, nzcv: 0b0000 }],
];

/** unallocated encodings next to allocated ones */
const UNALLOCATED_IMM: Row[] = [
  // sf=0 with N=1
  [0x12400020, { x1: 0x1n }, 'UNDEF'],
  // and x0, x1, #0x1 (N=1 immr=0 imms=0)
  [0x92400020, { x1: 0x3n }, { x0: 0x1n, nzcv: 0b0000 }],
  // N=1 imms=111111: reserved all-ones element
  [0x927ffc20, { x1: 0x1n }, 'UNDEF'],
  // and w0, w1, #0x10
  [0x123c0020, { x1: 0xffffffffn }, { x0: 0x10n, nzcv: 0b0000 }],
  // N=0 imms=011111: reserved all-ones element
  [0x123e7c20, { x1: 0x1n }, 'UNDEF'],
  // and w0, w1, #0x55555555
  [0x1200f020, { x1: 0x7n }, { x0: 0x5n, nzcv: 0b0000 }],
  // move wide opc=01 (sf=0)
  [0x32800000, {}, 'UNDEF'],
  // move wide opc=01 (sf=1)
  [0xb2800000, {}, 'UNDEF'],
  // MOVZ W with hw=2
  [0x52c00000, {}, 'UNDEF'],
  // MOVK W with hw=3
  [0x72e00000, {}, 'UNDEF'],
  // SBFM W with immr=32
  [0x13207c20, {}, 'UNDEF'],
  // asr w0, w1, #0
  [0x13007c20, { x1: 0x80000001n }, { x0: 0x80000001n, nzcv: 0b0000 }],
  // SBFM W with N=1
  [0x13408020, {}, 'UNDEF'],
  // SBFM X with N=0
  [0x93000020, {}, 'UNDEF'],
  // bitfield opc=11
  [0xf3400020, {}, 'UNDEF'],
  // sbfx w0, w1, #0, #5
  [0x13001020, { x1: 0x10n }, { x0: 0xfffffff0n, nzcv: 0b0000 }],
  // SBFM W with imms=32
  [0x13008020, {}, 'UNDEF'],
  // EXTR with o0=1
  [0x13a00000, {}, 'UNDEF'],
  // EXTR W with N=1
  [0x13c00000, {}, 'UNDEF'],
  // EXTR X with N=0
  [0x93800000, {}, 'UNDEF'],
  // EXTR W with imms=32
  [0x13808020, {}, 'UNDEF'],
  // EXTR with op21=01
  [0x33800000, {}, 'UNDEF'],
  // addg x0, x0, #0x0, #0x0 (FEAT_MTE not implemented)
  [0x91800000, {}, 'UNDEF'],
  // add x0, x0, #0x0, lsl #12
  [0x91400000, { x0: 0x5n }, { nzcv: 0b0000 }],
  // smax w0, w0, #0 (FEAT_CSSC not implemented)
  [0x11c00000, {}, 'UNDEF'],
];

describe('Data Processing -- Immediate', () => {
  const sections: Record<string, Row[]> = {
    ADDSUB_IMM,
    LOGICAL_IMM,
    MOVE_WIDE,
    BITFIELD,
    EXTRACT,
    UNALLOCATED_IMM,
  };
  for (const [name, rows] of Object.entries(sections))
    it(`${name} (${rows.length} cases)`, () => {
      expect(rows.flatMap(check)).toEqual([]);
    });

  it('ADR/ADRP compute from the address of the instruction itself', () => {
    const words = [
      0x10000040, // adr x0, .+8
      0x10800001, // adr x1, .-0x100000
      0x707fffe2, // adr x2, .+0xfffff
      0xb0000003, // adrp x3, .+0x1000 (page + 1)
      0x90c00004, // adrp x4, .-0x80000000 (page - 0x80000)
      0xf07fffe5, // adrp x5, .+0xfffff000 (page + 0xfffff)
      0x1000001f, // adr xzr, . (discarded)
      0x10800006, // adr x6, .-0x100000
    ];
    const m = machineWithCode(words);
    const cpu = m.cpus[0]!;
    runToEnd(m, words.length);
    const base = BigInt(TEST_CODE_BASE);
    expect(cpu.x(0)).toBe(base + 8n);
    expect(cpu.x(1)).toBe(base + 4n - 0x100000n);
    expect(cpu.x(2)).toBe(base + 8n + 0xfffffn);
    expect(cpu.x(3)).toBe(base + 0x1000n);
    expect(cpu.x(4)).toBe(0xffffffffc0080000n); // 0x40080000 - 0x80000000, wrapped
    expect(cpu.x(5)).toBe(0x14007f000n);
    expect(cpu.x(6)).toBe(base + 0x1cn - 0x100000n);
  });

  it('ADR/ADRP carry into the high half of the PC', () => {
    const m = createMachine({
      cpus: [{}],
      memory: [
        { name: 'ram', base: 0x4000_0000, size: 0x10_0000 },
        { name: 'hi', base: 0xffff_f000, size: 0x2000 },
      ],
    });
    m.bus.write32(0xffff_fffc, 0x10000080); // adr x0, .+16
    m.bus.write32(0x1_0000_0000, 0xf0ffffe1); // adrp x1, .-0x1000 (page - 1)
    m.bus.write32(0x1_0000_0004, 0x10ffffe2); // adr x2, .-4
    const cpu = m.cpus[0]!;
    cpu.setMode(1, 1);
    cpu.pc = 0xffff_fffcn;
    m.addBreakpoint(0x1_0000_0008n);
    m.run({ maxInstructions: 10 });
    expect(cpu.pc).toBe(0x1_0000_0008n);
    expect(cpu.x(0)).toBe(0x1_0000_000cn);
    expect(cpu.x(1)).toBe(0xffff_f000n);
    expect(cpu.x(2)).toBe(0x1_0000_0000n);
  });
});
