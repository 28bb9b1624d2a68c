import { describe, expect, it } from 'vitest';
import { predCount } from './predicates.js';
import { pHex, runWords, setP, setZWords, sveMachine, zWord } from './testutil.js';

// Encodings from aarch64-linux-gnu-as -march=armv8-a+sve.
const N = 8;
const Z = 4;
const C = 2;

describe('DecodePredCount', () => {
  it.each([
    // pat, elements, count
    [0, 16, 16],
    [0, 48, 32],
    [0, 3, 2],
    [1, 4, 1],
    [8, 8, 8],
    [8, 7, 0],
    [9, 16, 16],
    [9, 15, 0],
    [13, 256, 256],
    [13, 128, 0],
    [14, 64, 0],
    [28, 64, 0],
    [29, 30, 28],
    [30, 32, 30],
    [31, 24, 24],
  ])('pattern %i of %i elements → %i', (pat, el, want) => {
    expect(predCount(pat, el)).toBe(want);
  });
});

describe('PTRUE / PTRUES', () => {
  it('ptrue p0.b at VL 256 sets every byte', () => {
    const m = sveMachine(256);
    const cpu = runWords(m, [0x2518e3e0]); // ptrue p0.b
    expect(pHex(cpu, 0, 256)).toBe('ffffffff');
  });

  it('ptrues p3.s, vl3 at VL 384: elements 0..2, NZCV = N (PredTest(result, result))', () => {
    const m = sveMachine(384);
    const cpu = m.cpus[0]!;
    setP(cpu, 3, 'ffffffffffff');
    runWords(m, [0x2599e063]); // ptrues p3.s, vl3
    expect(pHex(cpu, 3, 384)).toBe('000000000111');
    expect(cpu.nzcv).toBe(N);
  });

  it('ptrues with no elements (vl256 at VL 512, .d) sets Z and C; ALL sets N only', () => {
    const m = sveMachine(512);
    const cpu = m.cpus[0]!;
    // ptrues p1.d, vl256 = 0x25d9e000 | 13 << 5 | 1
    runWords(m, [0x25d9e000 | (13 << 5) | 1]);
    expect(pHex(cpu, 1, 512)).toBe('0000000000000000');
    expect(cpu.nzcv).toBe(Z | C);
    runWords(m, [0x25d9e000 | (31 << 5) | 1]); // ptrues p1.d
    expect(pHex(cpu, 1, 512)).toBe('0101010101010101');
    expect(cpu.nzcv).toBe(N);
  });

  it('ptrue p2.h, mul3 at VL 128 (8 elements → 6)', () => {
    const m = sveMachine(128);
    const cpu = runWords(m, [0x2558e000 | (30 << 5) | 2]);
    expect(pHex(cpu, 2, 128)).toBe('0555');
  });
});

describe('WHILE', () => {
  it('whilelo p0.s, x0, x1 (x0=5, x1=7) at VL 256', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    cpu.setX(0, 5n);
    cpu.setX(1, 7n);
    runWords(m, [0x25a11c00]);
    expect(pHex(cpu, 0, 256)).toBe('00000011');
    expect(cpu.nzcv).toBe(N | C);
  });

  it('whilelo with x0 >= x1 gives none: Z C', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    cpu.setX(0, 7n);
    cpu.setX(1, 7n);
    runWords(m, [0x25a11c00]);
    expect(pHex(cpu, 0, 256)).toBe('00000000');
    expect(cpu.nzcv).toBe(Z | C);
  });

  it('whilelo compares unsigned 64-bit: 0 < 2^63 fills all, N only', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    cpu.setX(0, 0n);
    cpu.setX(1, 1n << 63n);
    runWords(m, [0x25a11c00]);
    expect(pHex(cpu, 0, 256)).toBe('11111111');
    expect(cpu.nzcv).toBe(N);
  });

  it('whilelt p1.d, w2, w3 is signed 32-bit: -3 < 1 → 4 of 4 at VL 256', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    cpu.setX(2, 0xfffffffdn | (5n << 32n)); // upper half ignored
    cpu.setX(3, 1n);
    runWords(m, [0x25e30441]);
    expect(pHex(cpu, 1, 256)).toBe('01010101');
    expect(cpu.nzcv).toBe(N);
  });

  it('whilelt signed: -1 (x) is not < 0 when unsigned-looking values differ', () => {
    const m = sveMachine(128);
    const cpu = m.cpus[0]!;
    cpu.setX(2, 0n);
    cpu.setX(3, 0xffffffffn); // w3 = -1
    runWords(m, [0x25e30441]);
    expect(pHex(cpu, 1, 128)).toBe('0000');
    expect(cpu.nzcv).toBe(Z | C);
  });

  it('whilele p2.h, x4, x5 counts the equal element (x4=x5=-10 → 1)', () => {
    const m = sveMachine(128);
    const cpu = m.cpus[0]!;
    cpu.setX(4, -10n & ((1n << 64n) - 1n));
    cpu.setX(5, -10n & ((1n << 64n) - 1n));
    runWords(m, [0x25651492]);
    expect(pHex(cpu, 2, 128)).toBe('0001');
    expect(cpu.nzcv).toBe(N | C);
  });

  it('whilele with op2 = INT64_MAX keeps every element true (wrap-around)', () => {
    const m = sveMachine(128);
    const cpu = m.cpus[0]!;
    cpu.setX(4, (1n << 63n) - 1n);
    cpu.setX(5, (1n << 63n) - 1n);
    runWords(m, [0x25651492]);
    expect(pHex(cpu, 2, 128)).toBe('5555');
    expect(cpu.nzcv).toBe(N);
  });

  it('whilels p15.b, w6, w7 unsigned 32-bit: 0xfffffff0 <= 0xffffffff (max) → all', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    cpu.setX(6, 0xfffffff0n);
    cpu.setX(7, 0xffffffffn);
    runWords(m, [0x25270cdf]);
    expect(pHex(cpu, 15, 256)).toBe('ffffffff');
    expect(cpu.nzcv).toBe(N);
    cpu.setX(6, 3n);
    cpu.setX(7, 20n); // 18 elements of 32
    runWords(m, [0x25270cdf]);
    expect(pHex(cpu, 15, 256)).toBe('0003ffff');
    expect(cpu.nzcv).toBe(N | C);
  });
});

describe('PTEST and predicate logical ops', () => {
  it('ptest p1, p2.b: first/last of the governing predicate', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, '00f000f0');
    setP(cpu, 2, '00100080');
    runWords(m, [0x2550c440]);
    expect(cpu.nzcv).toBe(C); // first active (bit 4) false, some true, last (bit 23) false
    setP(cpu, 2, '00800010');
    runWords(m, [0x2550c440]);
    expect(cpu.nzcv).toBe(N);
    setP(cpu, 2, '0f0f0f0f');
    runWords(m, [0x2550c440]);
    expect(cpu.nzcv).toBe(Z | C);
    setP(cpu, 1, '00000000');
    runWords(m, [0x2550c440]);
    expect(cpu.nzcv).toBe(Z | C);
  });

  const ops: Array<[string, number, string]> = [
    // name, word (pd=p0, pg=p1, pn=p2, pm=p3), expected with P1=00ff, P2=0f0f, P3=3333
    ['and', 0x25034440, '0003'],
    ['bic', 0x25034450, '000c'],
    ['eor', 0x25034640, '003c'],
    ['sel', 0x25034650, '330f'],
    ['orr', 0x25834440, '003f'],
    ['orn', 0x25834450, '00cf'],
    ['nor', 0x25834640, '00c0'],
    ['nand', 0x25834650, '00fc'],
  ];
  it.each(ops)('%s', (_name, word, want) => {
    const m = sveMachine(128);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, '00ff');
    setP(cpu, 2, '0f0f');
    setP(cpu, 3, '3333');
    cpu.nzcv = 0xf;
    runWords(m, [word]);
    expect(pHex(cpu, 0, 128)).toBe(want);
    expect(cpu.nzcv).toBe(0xf); // non-flag-setting
  });

  it('ands / nands set flags (governed by Pg) and allow Pd = Pg', () => {
    const m = sveMachine(128);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, '00ff');
    setP(cpu, 2, '0f0f');
    setP(cpu, 3, '3333');
    runWords(m, [0x25434440]); // ands p0.b, p1/z, p2.b, p3.b → 0003
    expect(pHex(cpu, 0, 128)).toBe('0003');
    expect(cpu.nzcv).toBe(N | C);
    setP(cpu, 5, 'f0f0');
    setP(cpu, 6, 'ffff');
    setP(cpu, 7, 'ffff');
    runWords(m, [0x25c756d4]); // nands p4.b, p5/z, p6.b, p7.b → 0
    expect(pHex(cpu, 4, 128)).toBe('0000');
    expect(cpu.nzcv).toBe(Z | C);
    // ands p1.b, p1/z, p2.b, p3.b: flags from the old Pg
    runWords(m, [0x25434441]);
    expect(pHex(cpu, 1, 128)).toBe('0003');
    expect(cpu.nzcv).toBe(N | C);
  });
});

describe('CNTP and element counts', () => {
  it('cntp x3, p1, p2.s counts active .s elements', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, 'ffff1111');
    setP(cpu, 2, '11111011');
    runWords(m, [0x25a08443]);
    expect(cpu.x(3)).toBe(7n); // (ffff1111 & 11111011) has 4 + 3 .s bits
  });

  it('cntb / cntd mul3 mul #4 / incw vl8 mul #2 / decd at VL 384', () => {
    const m = sveMachine(384);
    const cpu = m.cpus[0]!;
    cpu.setX(2, 100n);
    cpu.setX(3, 2n);
    runWords(m, [0x0420e3e0, 0x04e3e3c1, 0x04b1e102, 0x04f0e7e3]);
    expect(cpu.x(0)).toBe(48n); // 48 bytes
    expect(cpu.x(1)).toBe(24n); // 6 .d elements, mul3 → 6, × 4
    expect(cpu.x(2)).toBe(116n); // 12 .s elements, vl8 → 8, × 2
    expect(cpu.x(3)).toBe((1n << 64n) - 4n); // 2 - 6 wraps
  });

  it('inch z1.h, all, mul #3 and decd z2.d, pow2 wrap per element (VL 256)', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 1, [0xffff0001, 0, 0, 0, 0, 0, 0, 0x7fffffff]);
    setZWords(cpu, 2, [0, 0, 10, 0, 0, 1, 0, 0]);
    runWords(m, [0x0472c3e1, 0x04f0c402]); // inch +48, decd -4
    expect(zWord(cpu, 1, 0)).toBe(0x002f0031);
    expect(zWord(cpu, 1, 1)).toBe(0x00300030);
    expect(zWord(cpu, 1, 7)).toBe(0x802f002f);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((w) => zWord(cpu, 2, w))).toEqual([
      0xfffffffc, 0xffffffff, 6, 0, 0xfffffffc, 0, 0xfffffffc, 0xffffffff,
    ]);
    // words above the VL are untouched
    expect(zWord(cpu, 1, 8)).toBe(0);
  });
});

describe('against QEMU 7.2 (qemu-aarch64 -cpu max,sve-max-vq=2, VL 256)', () => {
  /*
   * Built with aarch64-linux-gnu-gcc -march=armv8-a+sve -static; after each step the program
   * stored NZCV (mrs) and the predicate/vector (str p/z), printed as hex:
   *   x4 = x5 = INT64_MAX; whilele p0.h, x4, x5      → nzcv 80000000, p0 55555555
   *   w6 = 3, w7 = 20;     whilels p1.b, w6, w7      → nzcv a0000000, p1 0003ffff
   *                        ptrues p2.s, vl3          → nzcv 80000000, p2 00000111
   *   x2 = -1, x3 = 5;     whilelt p3.d, x2, x3      → nzcv 80000000, p3 01010101
   *                        eors p4.b, p1/z, p2.b, p3.b → nzcv 20000000, p4 00010010
   *                        cntp x11, p1, p1.h        → 9
   *                        cntd x11, mul3, mul #4    → 12
   *   index z0.h, #-3, #7; inch z0.h, vl5, mul #3    → z0 .d: 0021001a0013000c 003d0036002f0028 ...
   *   x2 = -7; index z1.d, x2, #9; mov z2.d, #5; mul z1.d, p3/m, z1.d, z2.d
   *                                                  → z1 .d: -35, 10, 55, 100
   */
  it('matches the recorded results', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    const step = (w: number, setup?: () => void): number => {
      setup?.();
      runWords(m, [w]);
      return cpu.nzcv;
    };
    expect(
      step(0x25651490, () => {
        cpu.setX(4, (1n << 63n) - 1n);
        cpu.setX(5, (1n << 63n) - 1n);
      }),
    ).toBe(0x8);
    expect(pHex(cpu, 0, 256)).toBe('55555555');
    expect(
      step(0x25270cd1, () => {
        cpu.setX(6, 3n);
        cpu.setX(7, 20n);
      }),
    ).toBe(0xa);
    expect(pHex(cpu, 1, 256)).toBe('0003ffff');
    expect(step(0x2599e062)).toBe(0x8);
    expect(pHex(cpu, 2, 256)).toBe('00000111');
    expect(
      step(0x25e31443, () => {
        cpu.setX(2, (1n << 64n) - 1n);
        cpu.setX(3, 5n);
      }),
    ).toBe(0x8);
    expect(pHex(cpu, 3, 256)).toBe('01010101');
    expect(step(0x25434644)).toBe(0x2);
    expect(pHex(cpu, 4, 256)).toBe('00010010');
    step(0x2560842b);
    expect(cpu.x(11)).toBe(9n);
    step(0x04e3e3cb);
    expect(cpu.x(11)).toBe(12n);
    runWords(m, [0x046743a0, 0x0472c0a0]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((w) => zWord(cpu, 0, w))).toEqual([
      0x0013000c, 0x0021001a, 0x002f0028, 0x003d0036, 0x004b0044, 0x00590052, 0x00670060,
      0x0075006e,
    ]);
    cpu.setX(2, (1n << 64n) - 7n);
    runWords(m, [0x04e94441, 0x25f8c0a2, 0x04d00c41]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((w) => zWord(cpu, 1, w))).toEqual([
      0xffffffdd, 0xffffffff, 10, 0, 55, 0, 100, 0,
    ]);
  });
});

describe('saturating INC/DEC (scalar) against QEMU 7.2 (sve-max-vq=2, VL 256)', () => {
  // Each: initial X1, instruction, X1 after (qemu-aarch64 output).
  const cases: Array<[string, bigint, number, bigint]> = [
    ['sqincb x1, w1', 0x7ffffff0n, 0x0420f3e1, 0x7fffffffn],
    ['sqdech x1, w1, vl16, mul #2', 0xffffffff80000010n, 0x0461f921, 0xffffffff80000000n],
    ['uqdecw w1, all, mul #4', 10n, 0x04a3ffe1, 0n],
    ['uqincd w1, pow2', 0xfffffff8n, 0x04e0f401, 0xfffffffcn],
    ['sqincb x1', 0x7ffffffffffffff0n, 0x0430f3e1, 0x7fffffffffffffffn],
    ['sqdecb x1', 0x8000000000000010n, 0x0430fbe1, 0x8000000000000000n],
    ['uqincb x1, vl3, mul #2', 0xfffffffffffffffdn, 0x0431f461, 0xffffffffffffffffn],
    ['uqdech x1, all, mul #3', 40n, 0x0472ffe1, 0n],
    ['sqdecd x1, w1', 0x100000000n, 0x04e0fbe1, 0xfffffffffffffffcn],
  ];
  it.each(cases)('%s', (_name, init, word, want) => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    cpu.setX(1, init);
    runWords(m, [word]);
    expect(cpu.x(1)).toBe(want);
  });
});
