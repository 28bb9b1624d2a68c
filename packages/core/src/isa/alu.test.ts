import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hi32, join64, lo32 } from '../util/u64.js';
import {
  T64,
  addWithCarry,
  addWithCarry32,
  asr64,
  bswap32,
  clz64,
  cls32,
  cls64,
  decodeBitMasks,
  lsl64,
  lsr64,
  mul64,
  mulhs32,
  mulhu32,
  rbit32,
  rev16x32,
  ror32,
  ror64,
  sdiv32,
  sdiv64,
  shiftReg32,
  shiftReg64,
  smulh64,
  udiv32,
  udiv64,
  umulh64,
} from './alu.js';

/** Properties of the ALU helpers against BigInt models of Arm's pseudocode. */

const M64 = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const u32 = (v: bigint): bigint => BigInt.asUintN(32, v);
const s32 = (v: bigint): bigint => BigInt.asIntN(32, v);

/** 64-bit values biased towards the edges: 0, ±1, 2^31/2^32/2^53/2^63 neighbourhoods, … */
const edge64 = fc.constantFrom(
  0n,
  1n,
  2n,
  3n,
  M64,
  M64 - 1n,
  1n << 63n,
  (1n << 63n) - 1n,
  (1n << 63n) + 1n,
  0xffff_ffffn,
  0x1_0000_0000n,
  0x8000_0000n,
  0x7fff_ffffn,
  0xffff_ffff_8000_0000n,
  1n << 53n,
  (1n << 53n) - 1n,
  (1n << 53n) + 1n,
  u64(-(1n << 53n)),
  u64(-(1n << 53n) - 1n),
);
const any64 = fc.oneof(
  fc.bigInt({ min: 0n, max: M64 }),
  edge64,
  fc.bigInt({ min: 0n, max: 0xffffn }),
  fc.bigInt({ min: -0xffffn, max: -1n }).map(u64),
  fc.bigInt({ min: 0n, max: 1n << 33n }),
  fc.bigInt({ min: (1n << 53n) - 4096n, max: (1n << 53n) + 4096n }),
  fc.bigInt({ min: -(1n << 54n), max: 1n << 54n }).map(u64),
);
const any32 = fc.oneof(
  fc.bigInt({ min: 0n, max: 0xffff_ffffn }),
  fc.constantFrom(0n, 1n, 0x7fff_ffffn, 0x8000_0000n, 0xffff_ffffn, 0xffff_fffen),
);
const shift64 = fc.integer({ min: 0, max: 63 });
const shift32 = fc.integer({ min: 0, max: 31 });

const out = new Int32Array(4);
/** Runs a helper that writes a 64-bit result to out[1..2] (an unaligned slot on purpose). */
const res = (): bigint => join64(out[1]!, out[2]!);

/** Arm's AddWithCarry over N bits: [result, nzcv]. */
function refAddWithCarry(x: bigint, y: bigint, c: bigint, n: bigint): [bigint, number] {
  const mask = (1n << n) - 1n;
  const unsigned = x + y + c;
  const result = unsigned & mask;
  const signed = BigInt.asIntN(Number(n), x) + BigInt.asIntN(Number(n), y) + c;
  const nf = result >> (n - 1n) === 1n ? 8 : 0;
  const zf = result === 0n ? 4 : 0;
  const cf = result !== unsigned ? 2 : 0;
  const vf = BigInt.asIntN(Number(n), result) !== signed ? 1 : 0;
  return [result, nf | zf | cf | vf];
}

describe('AddWithCarry', () => {
  it('64-bit: result and NZCV', () => {
    fc.assert(
      fc.property(any64, any64, fc.integer({ min: 0, max: 1 }), (x, y, c) => {
        const nzcv = addWithCarry(out, 1, lo32(x), hi32(x), lo32(y), hi32(y), c);
        expect([res(), nzcv]).toEqual(refAddWithCarry(x, y, BigInt(c), 64n));
      }),
      { numRuns: 5000 },
    );
  });

  it('64-bit subtraction as x + NOT(y) + 1', () => {
    fc.assert(
      fc.property(any64, any64, (x, y) => {
        const nzcv = addWithCarry(out, 1, lo32(x), hi32(x), ~lo32(y), ~hi32(y), 1);
        expect([res(), nzcv]).toEqual(refAddWithCarry(x, u64(~y), 1n, 64n));
        // C is NOT borrow: set iff x >= y unsigned.
        expect((nzcv & 2) !== 0).toBe(x >= y);
      }),
      { numRuns: 3000 },
    );
  });

  it('32-bit: zero-extended result and NZCV', () => {
    fc.assert(
      fc.property(any32, any32, fc.integer({ min: 0, max: 1 }), (x, y, c) => {
        out[2] = 12345;
        const nzcv = addWithCarry32(out, 1, Number(s32(x)), Number(s32(y)), c);
        expect([res(), nzcv]).toEqual(refAddWithCarry(x, y, BigInt(c), 32n));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('multiplication', () => {
  it('mulhu32/mulhs32 are the high words of the 64-bit products', () => {
    fc.assert(
      fc.property(any32, any32, (a, b) => {
        const an = Number(s32(a));
        const bn = Number(s32(b));
        expect(BigInt(mulhu32(an, bn))).toBe(s32((a * b) >> 32n));
        expect(BigInt(mulhs32(an, bn))).toBe(s32((s32(a) * s32(b)) >> 32n));
      }),
      { numRuns: 5000 },
    );
  });

  it('mul64 is the low 64 bits; umulh64/smulh64 the high 64 bits of the 128-bit product', () => {
    fc.assert(
      fc.property(any64, any64, (a, b) => {
        const [al, ah, bl, bh] = [lo32(a), hi32(a), lo32(b), hi32(b)];
        mul64(out, 1, al, ah, bl, bh);
        expect(res()).toBe(u64(a * b));
        umulh64(out, 1, al, ah, bl, bh);
        expect(res()).toBe((a * b) >> 64n);
        smulh64(out, 1, al, ah, bl, bh);
        expect(res()).toBe(u64((s64(a) * s64(b)) >> 64n));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('division', () => {
  const refUdiv = (n: bigint, m: bigint): bigint => (m === 0n ? 0n : n / m);
  // BigInt division truncates toward zero, like SDIV; INT_MIN / -1 wraps to INT_MIN.
  const refSdiv = (n: bigint, m: bigint, bits: number): bigint =>
    m === 0n ? 0n : BigInt.asUintN(bits, BigInt.asIntN(bits, n) / BigInt.asIntN(bits, m));

  it('udiv64/sdiv64', () => {
    fc.assert(
      fc.property(any64, any64, (n, m) => {
        udiv64(out, 1, lo32(n), hi32(n), lo32(m), hi32(m));
        expect(res()).toBe(refUdiv(n, m));
        sdiv64(out, 1, lo32(n), hi32(n), lo32(m), hi32(m));
        expect(res()).toBe(refSdiv(n, m, 64));
      }),
      { numRuns: 10000 },
    );
  });

  it('udiv64/sdiv64 with divisors much smaller than the dividend', () => {
    fc.assert(
      fc.property(any64, fc.bigInt({ min: -0x1_0000_0000n, max: 0x1_0000_0000n }), (n, d) => {
        const m = u64(d);
        udiv64(out, 1, lo32(n), hi32(n), lo32(m), hi32(m));
        expect(res()).toBe(refUdiv(n, m));
        sdiv64(out, 1, lo32(n), hi32(n), lo32(m), hi32(m));
        expect(res()).toBe(refSdiv(n, m, 64));
      }),
      { numRuns: 5000 },
    );
  });

  it('the edge cases: x/0 = 0 and INT_MIN/-1 = INT_MIN', () => {
    const min = 1n << 63n;
    sdiv64(out, 1, lo32(min), hi32(min), -1, -1);
    expect(res()).toBe(min);
    udiv64(out, 1, -1, -1, 0, 0);
    expect(res()).toBe(0n);
    sdiv64(out, 1, -1, -1, 0, 0);
    expect(res()).toBe(0n);
    expect(sdiv32(-0x8000_0000, -1)).toBe(-0x8000_0000);
    expect(sdiv32(5, 0)).toBe(0);
    expect(udiv32(5, 0)).toBe(0);
  });

  it('udiv32/sdiv32', () => {
    fc.assert(
      fc.property(any32, any32, (n, m) => {
        const [nn, mn] = [Number(s32(n)), Number(s32(m))];
        expect(BigInt(udiv32(nn, mn))).toBe(s32(refUdiv(n, m)));
        expect(BigInt(sdiv32(nn, mn))).toBe(s32(refSdiv(n, m, 32)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('shifts', () => {
  const ror = (v: bigint, s: bigint, n: bigint): bigint =>
    ((v >> s) | (v << (n - s))) & ((1n << n) - 1n);

  it('lsl64/lsr64/asr64/ror64 and shiftReg64', () => {
    fc.assert(
      fc.property(any64, shift64, (v, s) => {
        const [lo, hi, sb] = [lo32(v), hi32(v), BigInt(s)];
        const want = [u64(v << sb), v >> sb, u64(s64(v) >> sb), ror(v, sb, 64n)];
        lsl64(out, 1, lo, hi, s);
        expect(res()).toBe(want[0]);
        lsr64(out, 1, lo, hi, s);
        expect(res()).toBe(want[1]);
        asr64(out, 1, lo, hi, s);
        expect(res()).toBe(want[2]);
        ror64(out, 1, lo, hi, s);
        expect(res()).toBe(want[3]);
        for (let type = 0; type < 4; type++) {
          shiftReg64(T64, 0, lo, hi, type, s);
          expect(join64(T64[0]!, T64[1]!)).toBe(want[type]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('shiftReg32 and ror32', () => {
    fc.assert(
      fc.property(any32, shift32, (v, s) => {
        const [x, sb] = [Number(s32(v)), BigInt(s)];
        const want = [u32(v << sb), v >> sb, u32(s32(v) >> sb), ror(v, sb, 32n)];
        for (let type = 0; type < 4; type++)
          expect(u32(BigInt(shiftReg32(x, type, s)))).toBe(want[type]);
        expect(u32(BigInt(ror32(x, s)))).toBe(want[3]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('bit counting and reversal', () => {
  const clz = (v: bigint, n: number): number => {
    for (let i = n - 1; i >= 0; i--) if ((v >> BigInt(i)) & 1n) return n - 1 - i;
    return n;
  };
  // CLS(x) = CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>)
  const cls = (v: bigint, n: number): number => {
    const mask = (1n << BigInt(n - 1)) - 1n;
    return clz(((v >> 1n) ^ v) & mask, n - 1);
  };
  const reverseBits = (v: bigint, n: number): bigint => {
    let r = 0n;
    for (let i = 0; i < n; i++) if ((v >> BigInt(i)) & 1n) r |= 1n << BigInt(n - 1 - i);
    return r;
  };
  const reverseBytes = (v: bigint, bytes: number): bigint => {
    let r = 0n;
    for (let i = 0; i < bytes; i++)
      r |= ((v >> BigInt(8 * i)) & 0xffn) << BigInt(8 * (bytes - 1 - i));
    return r;
  };

  it('clz64/cls64', () => {
    fc.assert(
      fc.property(any64, (v) => {
        expect(clz64(lo32(v), hi32(v))).toBe(clz(v, 64));
        expect(cls64(lo32(v), hi32(v))).toBe(cls(v, 64));
      }),
      { numRuns: 3000 },
    );
    for (let i = 0; i < 64; i++) {
      const v = 1n << BigInt(i);
      expect(clz64(lo32(v), hi32(v))).toBe(63 - i);
      expect(cls64(lo32(u64(-v)), hi32(u64(-v)))).toBe(cls(u64(-v), 64));
    }
  });

  it('cls32/rbit32/bswap32/rev16x32', () => {
    fc.assert(
      fc.property(any32, (v) => {
        const x = Number(s32(v));
        expect(cls32(x)).toBe(cls(v, 32));
        expect(u32(BigInt(rbit32(x)))).toBe(reverseBits(v, 32));
        expect(u32(BigInt(bswap32(x)))).toBe(reverseBytes(v, 4));
        expect(u32(BigInt(rev16x32(x)))).toBe(
          reverseBytes(v & 0xffffn, 2) | (reverseBytes(v >> 16n, 2) << 16n),
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('DecodeBitMasks', () => {
  /** The Arm ARM pseudocode, in BigInt. */
  function ref(
    immN: number,
    imms: number,
    immr: number,
    immediate: boolean,
    M: number,
  ): [bigint, bigint] | null {
    const combined = (immN << 6) | (~imms & 0x3f);
    let len = -1;
    for (let i = 6; i >= 0; i--)
      if ((combined >> i) & 1) {
        len = i;
        break;
      }
    if (len < 1) return null;
    if (M < 1 << len) return null;
    const levels = (1 << len) - 1;
    if (immediate && (imms & levels) === levels) return null;
    const S = imms & levels;
    const R = immr & levels;
    const d = (S - R) & levels;
    const esize = 1 << len;
    const emask = (1n << BigInt(esize)) - 1n;
    const welem = (1n << BigInt(S + 1)) - 1n;
    const telem = (1n << BigInt(d + 1)) - 1n;
    const rot = R === 0 ? welem : ((welem >> BigInt(R)) | (welem << BigInt(esize - R))) & emask;
    let wmask = 0n;
    let tmask = 0n;
    for (let i = 0; i < M; i += esize) {
      wmask |= rot << BigInt(i);
      tmask |= telem << BigInt(i);
    }
    return [wmask, tmask];
  }

  it('agrees with the pseudocode for every N:immr:imms, both sizes, both uses', () => {
    const wrong: string[] = [];
    for (const M of [32, 64])
      for (const immediate of [true, false])
        for (let n = 0; n < 2; n++)
          for (let immr = 0; immr < 64; immr++)
            for (let imms = 0; imms < 64; imms++) {
              const want = ref(n, imms, immr, immediate, M);
              const got = decodeBitMasks(n, imms, immr, immediate, M);
              const mask = (1n << BigInt(M)) - 1n;
              const show = (p: readonly bigint[] | null): string =>
                p ? p.map((v) => (v & mask).toString(16)).join('/') : 'reserved';
              const gotPair = got ? [join64(got.wLo, got.wHi), join64(got.tLo, got.tHi)] : null;
              if (show(gotPair) !== show(want))
                wrong.push(`M=${M} imm=${immediate} N=${n} immr=${immr} imms=${imms}`);
            }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('the reserved encodings', () => {
    expect(decodeBitMasks(1, 0b111111, 0, true, 64)).toBeNull(); // all-ones 64-bit element
    expect(decodeBitMasks(0, 0b111101, 0, true, 64)).toBeNull(); // all-ones 2-bit element
    expect(decodeBitMasks(0, 0b111110, 0, true, 64)).toBeNull(); // len 0
    expect(decodeBitMasks(0, 0b111111, 0, false, 64)).toBeNull(); // len < 1 even for bitfields
    expect(decodeBitMasks(1, 0, 0, true, 32)).toBeNull(); // 64-bit element in a 32-bit op
  });
});
