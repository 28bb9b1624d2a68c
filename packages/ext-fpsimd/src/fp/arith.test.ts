import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fpAdd, fpDiv, fpMul, fpMulAdd, fpSqrt } from './arith.js';
import { FMT_D, FMT_S, IXC, OFC, UFC, env } from './round.js';

/**
 * Property tests of the exact arithmetic against a reference that works on exact rationals
 * with BigInt (test only): every finite, non-zero case is rounded once by the reference with
 * the same format, rounding mode and FZ, and both the value and the OFC/UFC/IXC flags must
 * agree. Tininess is detected before rounding (as Arm and QEMU do).
 */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** Exact value of a finite double: [numerator, log2 of the power-of-two denominator]. */
function exact(x: number): [bigint, number] {
  F64[0] = x;
  const b = U64[0]!;
  const e = Number((b >> 52n) & 0x7ffn);
  let m = b & 0xfffffffffffffn;
  if (e !== 0) m |= 1n << 52n;
  const neg = b >> 63n === 1n;
  return [neg ? -m : m, (e === 0 ? 1 : e) - 1075];
}

const P = [11, 24, 53];
const EMIN = [-14, -126, -1022];
const EMAX = [15, 127, 1023];
const MAXV = [65504, 3.4028234663852886e38, 1.7976931348623157e308];

function bitlen(x: bigint): number {
  return x.toString(2).length;
}

/** Reference rounding of num/den (den > 0) to fmt; returns [value, flags]. */
function refRound(
  num: bigint,
  den: bigint,
  fmt: number,
  mode: number,
  fz: boolean,
): [number, number] {
  if (num === 0n) throw new Error('zero');
  const neg = num < 0n;
  const N = neg ? -num : num;
  let E = bitlen(N) - bitlen(den);
  const ge = (e: number): boolean => (e >= 0 ? N >= den << BigInt(e) : N << BigInt(-e) >= den);
  if (!ge(E)) E--;
  const p = P[fmt]!;
  const tiny = E < EMIN[fmt]!;
  if (tiny && fz) return [neg ? -0 : 0, UFC];
  const qe = (tiny ? EMIN[fmt]! : E) - p + 1;
  const sn = qe <= 0 ? N << BigInt(-qe) : N;
  const sd = qe <= 0 ? den : den << BigInt(qe);
  let n = sn / sd;
  const rem = sn % sd;
  let flags = 0;
  if (rem !== 0n) {
    flags = tiny ? IXC | UFC : IXC;
    const c = 2n * rem === sd ? 0 : 2n * rem < sd ? -1 : 1;
    let up: boolean;
    switch (mode) {
      case 0:
        up = c > 0 || (c === 0 && n % 2n === 1n);
        break;
      case 1:
        up = !neg;
        break;
      case 2:
        up = neg;
        break;
      default:
        up = false;
    }
    if (up) n++;
  }
  if (!tiny && (n >= 1n << BigInt(p) ? E + 1 : E) > EMAX[fmt]!) {
    const inf = mode === 0 || (mode === 1 && !neg) || (mode === 2 && neg);
    const v = inf ? Infinity : MAXV[fmt]!;
    return [neg ? -v : v, OFC | IXC];
  }
  const v = Number(n) * 2 ** qe;
  return [neg ? -v : v, flags];
}

const asD = (bits: bigint): number => {
  U64[0] = bits;
  return F64[0]!;
};
const asS = (bits: number): number => {
  U32[0] = bits;
  return F32[0]!;
};

/** Finite doubles biased to small exponent differences, subnormals and extremes. */
const arbD = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.integer({ min: 0, max: 2046 }),
      fc.integer({ min: 1000, max: 1050 }),
      fc.constantFrom(0, 1, 2, 2045, 2046),
    ),
    fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 52n) - 1n }),
      fc.constantFrom(0n, 1n, (1n << 52n) - 1n, 1n << 51n),
    ),
  )
  .map(([s, e, m]) => asD((s ? 1n << 63n : 0n) | (BigInt(e) << 52n) | m))
  .filter((x) => x !== 0);

const arbS = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.integer({ min: 0, max: 254 }), fc.integer({ min: 110, max: 145 })),
    fc.integer({ min: 0, max: (1 << 23) - 1 }),
  )
  .map(([s, e, m]) => asS(((s ? 1 : 0) << 31) | (e << 23) | m))
  .filter((x) => x !== 0);

const arbMode = fc.integer({ min: 0, max: 3 });

function run(f: () => number, fz: boolean): [number, number] {
  env.flags = 0;
  env.fz = fz;
  const v = f();
  return [v, env.flags];
}

function sameResult(got: [number, number], want: [number, number]): boolean {
  return Object.is(got[0], want[0]) && got[1] === want[1];
}

/** a + b (or a·b + c) as an exact rational with a power-of-two denominator. */
function sumRational(terms: [bigint, number][]): [bigint, bigint] {
  const emin = Math.min(...terms.map((t) => t[1]));
  let n = 0n;
  for (const [m, e] of terms) n += m << BigInt(e - emin);
  return emin >= 0 ? [n << BigInt(emin), 1n] : [n, 1n << BigInt(-emin)];
}

const RUNS = 3000;

/** floor(√s) by Newton's method. */
function isqrt(s: bigint): bigint {
  if (s < 2n) return s;
  let x = 1n << BigInt((bitlen(s) >> 1) + 1);
  for (;;) {
    const y = (x + s / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

for (const [fmtName, fmt, arb] of [
  ['double', FMT_D, arbD],
  ['single', FMT_S, arbS],
] as const) {
  describe(`${fmtName}: one rounding, all modes, flags`, () => {
    it('add', () => {
      fc.assert(
        fc.property(arb, arb, arbMode, fc.boolean(), (a, b, mode, fz) => {
          const [n, d] = sumRational([exact(a), exact(b)]);
          if (n === 0n) return true;
          return sameResult(
            run(() => fpAdd(fmt, mode, a, b), fz),
            refRound(n, d, fmt, mode, fz),
          );
        }),
        { numRuns: RUNS },
      );
    });

    it('mul', () => {
      fc.assert(
        fc.property(arb, arb, arbMode, fc.boolean(), (a, b, mode, fz) => {
          const [ma, ea] = exact(a);
          const [mb, eb] = exact(b);
          const [n, d] = sumRational([[ma * mb, ea + eb]]);
          return sameResult(
            run(() => fpMul(fmt, mode, a, b), fz),
            refRound(n, d, fmt, mode, fz),
          );
        }),
        { numRuns: RUNS },
      );
    });

    it('div', () => {
      fc.assert(
        fc.property(arb, arb, arbMode, fc.boolean(), (a, b, mode, fz) => {
          const [ma, ea] = exact(a);
          const [mb, eb] = exact(b);
          // (ma·2^ea) / (mb·2^eb)
          const e = ea - eb;
          let n = e >= 0 ? ma << BigInt(e) : ma;
          let d = e >= 0 ? mb : mb << BigInt(-e);
          if (d < 0n) {
            d = -d;
            n = -n;
          }
          return sameResult(
            run(() => fpDiv(fmt, mode, a, b), fz),
            refRound(n, d, fmt, mode, fz),
          );
        }),
        { numRuns: RUNS },
      );
    });

    it('sqrt', () => {
      fc.assert(
        fc.property(arb, arbMode, fc.boolean(), (x, mode, fz) => {
          const a = Math.abs(x);
          let [m, e] = exact(a);
          if (e % 2 !== 0) {
            m <<= 1n;
            e--;
          }
          // r = floor(sqrt(m·4^k)) with ≥ 60 bits; sticky half-unit when inexact
          const k = 120;
          const s = m << BigInt(2 * k);
          const r = isqrt(s);
          const n = 2n * r + (r * r === s ? 0n : 1n);
          const ex = e / 2 - k - 1;
          const [nn, dd] = ex >= 0 ? [n << BigInt(ex), 1n] : [n, 1n << BigInt(-ex)];
          return sameResult(
            run(() => fpSqrt(fmt, mode, a), fz),
            refRound(nn, dd, fmt, mode, fz),
          );
        }),
        { numRuns: RUNS },
      );
    });

    it('fused multiply-add (single rounding)', () => {
      // c near −a·b as often as not, to exercise cancellation
      const arbFma = fc
        .tuple(arb, arb, arb, fc.integer({ min: -4, max: 4 }), fc.boolean())
        .map(([a, b, c, k, near]) => {
          if (!near) return [a, b, c] as const;
          const p = fmt === FMT_S ? Math.fround(-a * b) : -a * b;
          if (!Number.isFinite(p) || p === 0) return [a, b, c] as const;
          F64[0] = p;
          if (fmt === FMT_D) U64[0] = U64[0]! + BigInt(k);
          else {
            F32[0] = p;
            U32[0] = U32[0]! + k;
            return [a, b, F32[0]!] as const;
          }
          return [a, b, F64[0]!] as const;
        })
        .filter(([, , c]) => Number.isFinite(c) && c !== 0);
      fc.assert(
        fc.property(arbFma, arbMode, fc.boolean(), ([a, b, c], mode, fz) => {
          const [ma, ea] = exact(a);
          const [mb, eb] = exact(b);
          const [n, d] = sumRational([[ma * mb, ea + eb], exact(c)]);
          if (n === 0n) return true;
          return sameResult(
            run(() => fpMulAdd(fmt, mode, c, a, b, 0), fz),
            refRound(n, d, fmt, mode, fz),
          );
        }),
        { numRuns: RUNS },
      );
    });
  });
}

describe('underflow', () => {
  it('detects tininess before rounding (as QEMU 7.2): UFC even when the result rounds to the smallest normal', () => {
    // fmul d0, d1, d2 with d1 = 0x3fefffffffffffff, d2 = 2^-1022: QEMU gives 0x0010000000000000, FPSR 0x18
    const [v, flags] = run(() => fpMul(FMT_D, 0, asD(0x3fefffffffffffffn), 2 ** -1022), false);
    expect(v).toBe(2 ** -1022);
    expect(flags).toBe(UFC | IXC);
    // fmul s0, s1, s2 with s1 = 0x3f7fffff, s2 = 2^-126: QEMU gives 0x00800000, FPSR 0x18
    const [w, f2] = run(() => fpMul(FMT_S, 0, asS(0x3f7fffff), 2 ** -126), false);
    expect(w).toBe(2 ** -126);
    expect(f2).toBe(UFC | IXC);
  });

  it('flushes a tiny result to zero under FZ with UFC only', () => {
    expect(run(() => fpMul(FMT_D, 0, 2 ** -600, -(2 ** -500)), true)).toEqual([-0, UFC]);
  });
});
