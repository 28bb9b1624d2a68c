import { DZC, IOC, RM_NEGINF, env, expOf, roundPack, scaleB } from './round.js';

/**
 * Exact arithmetic on doubles feeding the rounding core. Inputs are finite-or-infinite
 * doubles holding values of the operation's format (never NaN: NaNs are handled on the bit
 * patterns first); results are rounded once to `fmt` by roundPack. Invalid operations return
 * NaN (the caller substitutes the default NaN) and raise IOC.
 *
 * - add: TwoSum is exact; on overflow of the double sum both inputs are halved (exact: an
 *   overflowing sum has no tiny operand that matters) and k = 1.
 * - mul: significands scaled to [1,2), Dekker's TwoProduct gives the exact 106-bit product.
 * - div/sqrt: q = RN(a/b) (RN(√a)) on scaled significands, and the sign of the exact remainder
 *   a − q·b (a − q²) from TwoProduct decides the direction of lo; quotients and square roots
 *   are never exact midpoints, so only the sign matters.
 * - fma: Boldo–Melquiond: uh+ul = a·b, th+tl = c+uh, v = RO(tl+ul) (round-to-odd via
 *   TwoSum), then (th, v) is rounded once. v's error lies ~2^-50 ulp(th) below every rounding
 *   boundary of the result and round-to-odd keeps its sign and inexactness, so this is exact
 *   for every rounding mode and format.
 */

const SPLIT = 134217729; // 2^27 + 1
const F64 = new Float64Array(1);
const W = new Int32Array(F64.buffer);

/** Outputs of the error-free transformations. */
let tsHi = 0;
let tsLo = 0;

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  tsLo = a - (s - bb) + (b - bb);
  tsHi = s;
}

function twoProd(a: number, b: number): void {
  const p = a * b;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  tsLo = ah * bh - p + ah * bl + al * bh + al * bl;
  tsHi = p;
}

/** x with its significand's last bit set, moved one ulp towards e if needed (round to odd). */
function toOdd(s: number, e: number): number {
  if (e === 0) return s;
  F64[0] = s;
  if ((W[0]! & 1) !== 0) return s;
  // s is even: the odd neighbour towards e. Moving away from zero = +1 on the bits.
  const away = s > 0 === e > 0;
  let lo = W[0]! >>> 0;
  let hi = W[1]!;
  if (away) {
    lo += 1;
    if (lo > 0xffffffff) {
      lo = 0;
      hi++;
    }
  } else {
    lo -= 1;
    if (lo < 0) {
      lo = 0xffffffff;
      hi--;
    }
  }
  W[0] = lo | 0;
  W[1] = hi;
  return F64[0]!;
}

/** Significand in [1,2) and exponent of a finite x ≠ 0 (sign kept). */
let mant = 0;
let mexp = 0;
function decompose(x: number): void {
  const e = expOf(x);
  mexp = e;
  mant = scaleB(x, -e);
}

function packPair(fmt: number, mode: number, hi: number, lo: number, k: number): number {
  if (hi === 0) return mode === RM_NEGINF ? -0 : 0;
  return hi < 0 ? roundPack(fmt, mode, true, -hi, -lo, k) : roundPack(fmt, mode, false, hi, lo, k);
}

function isNeg(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0);
}

export function fpAdd(fmt: number, mode: number, a: number, b: number): number {
  if (a === Infinity || a === -Infinity) {
    if (b === -a) {
      env.flags |= IOC;
      return NaN;
    }
    return a;
  }
  if (b === Infinity || b === -Infinity) return b;
  if (a === 0 && b === 0) {
    if (isNeg(a) === isNeg(b)) return a;
    return mode === RM_NEGINF ? -0 : 0;
  }
  if (b === 0) return packPair(fmt, mode, a, 0, 0);
  if (a === 0) return packPair(fmt, mode, b, 0, 0);
  twoSum(a, b);
  if (tsHi === Infinity || tsHi === -Infinity) {
    twoSum(a * 0.5, b * 0.5);
    return packPair(fmt, mode, tsHi, tsLo, 1);
  }
  return packPair(fmt, mode, tsHi, tsLo, 0);
}

export function fpMul(fmt: number, mode: number, a: number, b: number): number {
  const neg = isNeg(a) !== isNeg(b);
  if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) {
    if (a === 0 || b === 0) {
      env.flags |= IOC;
      return NaN;
    }
    return neg ? -Infinity : Infinity;
  }
  if (a === 0 || b === 0) return neg ? -0 : 0;
  decompose(a);
  const ma = mant;
  const ea = mexp;
  decompose(b);
  twoProd(ma, mant);
  return packPair(fmt, mode, tsHi, tsLo, ea + mexp);
}

export function fpDiv(fmt: number, mode: number, a: number, b: number): number {
  const neg = isNeg(a) !== isNeg(b);
  const ai = a === Infinity || a === -Infinity;
  const bi = b === Infinity || b === -Infinity;
  if ((ai && bi) || (a === 0 && b === 0)) {
    env.flags |= IOC;
    return NaN;
  }
  if (ai) return neg ? -Infinity : Infinity;
  if (bi || a === 0) return neg ? -0 : 0;
  if (b === 0) {
    env.flags |= DZC;
    return neg ? -Infinity : Infinity;
  }
  decompose(a);
  const ma = mant < 0 ? -mant : mant;
  const ea = mexp;
  decompose(b);
  const mb = mant < 0 ? -mant : mant;
  const q = ma / mb;
  twoProd(q, mb);
  const r = ma - tsHi - tsLo;
  const lo = r > 0 ? q * 8.673617379884035e-19 : r < 0 ? -q * 8.673617379884035e-19 : 0;
  return roundPack(fmt, mode, neg, q, lo, ea - mexp);
}

export function fpSqrt(fmt: number, mode: number, a: number): number {
  if (a === 0 || a === Infinity) return a;
  if (a < 0) {
    env.flags |= IOC;
    return NaN;
  }
  let e = expOf(a);
  if (e % 2 !== 0) e--;
  const m = scaleB(a, -e); // [1, 4)
  const s = Math.sqrt(m);
  twoProd(s, s);
  const r = m - tsHi - tsLo;
  const lo = r > 0 ? s * 8.673617379884035e-19 : r < 0 ? -s * 8.673617379884035e-19 : 0;
  return roundPack(fmt, mode, false, s, lo, e / 2);
}

/** a·b + c with a single rounding (callers negate operands for FMSUB/FNMADD/FNMSUB). */
export function fpMulAdd(
  fmt: number,
  mode: number,
  c: number,
  a: number,
  b: number,
  scale: number,
): number {
  const pneg = isNeg(a) !== isNeg(b);
  const ainf = a === Infinity || a === -Infinity;
  const binf = b === Infinity || b === -Infinity;
  if ((ainf && b === 0) || (binf && a === 0)) {
    env.flags |= IOC;
    return NaN;
  }
  if (ainf || binf) {
    if ((c === Infinity || c === -Infinity) && isNeg(c) !== pneg) {
      env.flags |= IOC;
      return NaN;
    }
    return pneg ? -Infinity : Infinity;
  }
  if (c === Infinity || c === -Infinity) return c;
  if (a === 0 || b === 0) {
    if (c === 0) {
      if (isNeg(c) === pneg) return c;
      return mode === RM_NEGINF ? -0 : 0;
    }
    return scale === 0 ? c : c * 0.5;
  }
  if (c === 0) return fpMul(fmt, mode, a, b);
  decompose(a);
  const ma = mant;
  const ea = mexp;
  decompose(b);
  const mb = mant;
  const k = ea + mexp;
  const ec = expOf(c);
  let uh: number;
  let ul: number;
  let cs: number;
  let kk = k;
  if (ec - k > 110) {
    // the product only contributes a sticky bit below c
    cs = scaleB(c, -ec);
    uh = pneg ? -1.1102230246251565e-16 * 2 ** -60 : 1.1102230246251565e-16 * 2 ** -60;
    ul = 0;
    kk = ec;
  } else {
    twoProd(ma, mb);
    uh = tsHi;
    ul = tsLo;
    if (ec - k < -110) cs = c < 0 ? -(2 ** -200) : 2 ** -200;
    else cs = scaleB(c, -k);
  }
  twoSum(cs, uh);
  const th = tsHi;
  const tl = tsLo;
  twoSum(tl, ul);
  const v = toOdd(tsHi, tsLo);
  twoSum(th, v);
  return packPair(fmt, mode, tsHi, tsLo, kk + scale);
}
