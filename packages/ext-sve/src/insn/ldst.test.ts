import { describe, expect, it } from 'vitest';
import { runWords, setP, setZWords, sveMachine, zWord } from './testutil.js';

// Encodings from aarch64-linux-gnu-as -march=armv8-a+sve. MMU off: Device memory, so element
// accesses must be naturally aligned.
const DATA = 0x4010_0000;
const VL = 256;

const words = (cpu: Parameters<typeof zWord>[0], n: number, k = VL / 32): number[] =>
  Array.from({ length: k }, (_, i) => zWord(cpu, n, i));

function setup(vl = VL): ReturnType<typeof sveMachine> {
  const m = sveMachine(vl);
  for (let i = -256; i < 512; i++) m.bus.write8(DATA + i, (i * 7 + 0x81) & 0xff);
  const cpu = m.cpus[0]!;
  cpu.setX(0, BigInt(DATA));
  return m;
}
/** The byte initially at DATA + i. */
const B = (i: number): number => (i * 7 + 0x81) & 0xff;
const le32 = (i: number): number =>
  (B(i) | (B(i + 1) << 8) | (B(i + 2) << 16) | (B(i + 3) << 24)) >>> 0;

describe('LD1 (contiguous)', () => {
  it('ld1b {z0.b}, p1/z, [x0]: all active', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    setP(cpu, 1, 'ffffffff');
    runWords(m, [0xa400a400]);
    expect(words(cpu, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((w) => le32(4 * w)));
  });

  it('inactive elements are zeroed; words above the VL untouched', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 0, new Array<number>(8).fill(-1));
    setP(cpu, 1, '00f0');
    runWords(m, [0xa400a400]);
    expect(words(cpu, 0, 5)).toEqual([0, le32(4), 0, 0, 0xffffffff]);
  });

  it('ld1b {z0.h}, p1/z, [x0, #1, mul vl] zero-extends (offset VL/16 bytes)', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, '5555');
    runWords(m, [0xa421a400]);
    const h = (e: number): number => B(8 + e);
    expect(words(cpu, 0, 4)).toEqual(
      [0, 1, 2, 3].map((w) => (h(2 * w) | (h(2 * w + 1) << 16)) >>> 0),
    );
  });

  it('ld1sb {z0.s}, p1/z, [x0, #-1, mul vl] sign-extends', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, '1111');
    runWords(m, [0xa5afa400]);
    const s = (i: number): number => ((B(i) << 24) >> 24) >>> 0;
    expect(words(cpu, 0, 4)).toEqual([s(-4), s(-3), s(-2), s(-1)]);
  });

  it('ld1sw {z0.d} and ld1sh {z0.d}, [x0, x1, lsl #1]', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, '0101');
    runWords(m, [0xa480a400]);
    const w0 = le32(0);
    const w1 = le32(4);
    expect(words(cpu, 0, 4)).toEqual([
      w0,
      w0 >= 0x80000000 ? 0xffffffff : 0,
      w1,
      w1 >= 0x80000000 ? 0xffffffff : 0,
    ]);
    cpu.setX(1, 3n); // byte offset 6
    setP(cpu, 1, '0001');
    runWords(m, [0xa5014400]);
    const h = B(6) | (B(7) << 8);
    const sh = (h << 16) >> 16;
    expect(words(cpu, 0, 4)).toEqual([sh >>> 0, sh < 0 ? 0xffffffff : 0, 0, 0]);
  });

  it('ld1d {z0.d}, [x0, x1, lsl #3] with a negative index', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    cpu.setX(1, (1n << 64n) - 2n); // -2 → -16 bytes
    setP(cpu, 1, '0101');
    runWords(m, [0xa5e14400]);
    expect(words(cpu, 0, 4)).toEqual([le32(-16), le32(-12), le32(-8), le32(-4)]);
  });

  it('ld1w {z0.s}, [sp, #2, mul vl]', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    cpu.sp = BigInt(DATA);
    setP(cpu, 1, '1111');
    runWords(m, [0xa542a7e0]);
    expect(words(cpu, 0, 4)).toEqual([32, 36, 40, 44].map(le32));
  });

  it('a fault leaves Zt unchanged (misaligned .h load on Device memory)', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    cpu.setX(0, BigInt(DATA + 1));
    cpu.setX(1, 0n);
    setP(cpu, 1, '5555');
    setZWords(cpu, 0, [1, 2, 3, 4]);
    expect(() => runWords(m, [0xa4a14400])).toThrow(/stopped/);
    expect(Number(cpu.sysreg.peek('ESR_EL1') >> 26n)).toBe(0x25);
    expect(words(cpu, 0, 4)).toEqual([1, 2, 3, 4]);
  });
});

describe('ST1 (contiguous)', () => {
  const mem = (m: ReturnType<typeof setup>, off: number, n: number): number[] =>
    Array.from({ length: n }, (_, i) => m.bus.read8(DATA + off + i));

  it('st1b {z0.b}, p1, [x0] stores active bytes only', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 0, [0x04030201, 0x08070605, 0x0c0b0a09, 0x100f0e0d]);
    setP(cpu, 1, '8001');
    runWords(m, [0xe400e400]);
    const want = Array.from({ length: 16 }, (_, i) => B(i));
    want[0] = 1;
    want[15] = 0x10;
    expect(mem(m, 0, 16)).toEqual(want);
  });

  it('st1b {z0.d}, p1, [x0, #1, mul vl] truncates (offset VL/64 bytes)', () => {
    const m = setup(256);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 0, [0x11, 0, 0x122, 0, 0x233, 0, 0x344, 0]);
    setP(cpu, 1, '01010101');
    runWords(m, [0xe461e400]);
    expect(mem(m, 4, 4)).toEqual([0x11, 0x22, 0x33, 0x44]);
    expect(mem(m, 3, 1)).toEqual([B(3)]);
  });

  it('st1h {z0.s}, [x0, x1, lsl #1]; st1w {z0.d}, [x0, #-2, mul vl]; st1d', () => {
    const m = setup(128);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 0, [0xaabbccdd, 0x11223344, 0x55667788, 0x99aabbcc]);
    cpu.setX(1, 2n);
    setP(cpu, 1, '1111');
    runWords(m, [0xe4c14400]);
    expect(mem(m, 4, 8)).toEqual([0xdd, 0xcc, 0x44, 0x33, 0x88, 0x77, 0xcc, 0xbb]);
    setP(cpu, 1, '0101');
    runWords(m, [0xe56ee400]); // -2 × (2 elements × 4 bytes) = -16
    expect(mem(m, -16, 8)).toEqual([0xdd, 0xcc, 0xbb, 0xaa, 0x88, 0x77, 0x66, 0x55]);
    cpu.setX(1, 4n);
    setP(cpu, 1, '0100');
    runWords(m, [0xe5e14400]); // element 1 only, at +32 + 8
    expect(mem(m, 32, 16)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => B(32 + i)),
      0x88,
      0x77,
      0x66,
      0x55,
      0xcc,
      0xbb,
      0xaa,
      0x99,
    ]);
  });
});

describe('against QEMU 7.2 (qemu-aarch64 -cpu max,sve-max-vq=2, VL 256)', () => {
  /*
   * x1 → 64 bytes, byte i = i * 37 + 0x85; x2 = 5; x3 = 3. Each Z stored with str, printed as
   * 64-bit hex (elements above the active ones zero):
   *   ptrue p0.b; pfalse p1.b; whilelo p1.h, xzr, x2
   *   ld1sb {z0.h}, p1/z, [x1, #1, mul vl]       → 0044001ffffaffd5 0000000000000069 0 0
   *   ld1sh {z1.d}, p1/z, [x1, x3, lsl #1]       → ffffffffffff8863 ffffffffffffd2ad 0 0
   *   ld1w {z2.s}, p0/z, [x1]
   *   movprfx z3.s, p1/z, z2.s; add z3.s, p1/m, z3.s, z0.s
   *                                              → 88a73e38f4caaa5a 000000001cf7d316 0 0
   *   sel z4.h, p1, z0.h, z2.h                   → 0044001ffffaffd5 b08b66411cf70069
   *                                                d8b38e69441ffad5 00dbb6916c4722fd
   *   cpy z5.b, p1/z, #-7; cpy z5.s, p1/m, w3    → 0000000300000003 0000000000000003 0 0
   *   st1h {z2.s}, p1, [x0]                      → 0000d2ad3e19aa85
   */
  it('matches the recorded results', () => {
    const m = sveMachine(256);
    const cpu = m.cpus[0]!;
    for (let i = 0; i < 64; i++) m.bus.write8(DATA + i, (i * 37 + 0x85) & 0xff);
    for (let i = 0; i < 16; i++) m.bus.write8(DATA + 0x100 + i, 0);
    cpu.setX(0, BigInt(DATA + 0x100));
    cpu.setX(1, BigInt(DATA));
    cpu.setX(2, 5n);
    cpu.setX(3, 3n);
    const d64 = (n: number): string[] =>
      [0, 1, 2, 3].map((i) =>
        ((BigInt(zWord(cpu, n, 2 * i + 1)) << 32n) | BigInt(zWord(cpu, n, 2 * i)))
          .toString(16)
          .padStart(16, '0'),
      );
    runWords(
      m,
      [
        0x2518e3e0, 0x2518e401, 0x25621fe1, 0xa5c1a420, 0xa5034421, 0xa540a022, 0x04902443,
        0x04800403, 0x0562c404, 0x05111f25, 0x05a8a465, 0xe4c0e402,
      ],
    );
    const zero = '0000000000000000';
    expect(d64(0)).toEqual(['0044001ffffaffd5', '0000000000000069', zero, zero]);
    expect(d64(1)).toEqual(['ffffffffffff8863', 'ffffffffffffd2ad', zero, zero]);
    expect(d64(3)).toEqual(['88a73e38f4caaa5a', '000000001cf7d316', zero, zero]);
    expect(d64(4)).toEqual([
      '0044001ffffaffd5',
      'b08b66411cf70069',
      'd8b38e69441ffad5',
      '00dbb6916c4722fd',
    ]);
    expect(d64(5)).toEqual(['0000000300000003', '0000000000000003', zero, zero]);
    const st = Array.from({ length: 8 }, (_, i) => m.bus.read8(DATA + 0x100 + i));
    expect(st).toEqual([0x85, 0xaa, 0x19, 0x3e, 0xad, 0xd2, 0, 0]);
  });
});
