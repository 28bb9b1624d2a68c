import { FMT_D, FMT_H, R, ctl, defaultNaN, isNaNBits, processNaN, toDouble } from './bits.js';
import { DZC, IOC, IXC, OFC, RM_NEGINF, RM_POSINF, RM_TIEEVEN, UFC, env } from './round.js';

/**
 * FRECPE, FRSQRTE and FRECPX for half, single and double precision, following the Arm ARM
 * pseudocode (FPRecipEstimate, FPRSqrtEstimate, FPRecpX) with the 8-bit estimate tables
 * computed by RecipEstimate / RecipSqrtEstimate (no FEAT_RPRES). Half-precision operands are
 * never flushed here (toDouble does not flush them): SVE flushes them under FZ16 beforehand.
 */

function recipEstimate(a: number): number {
  a = a * 2 + 1;
  const b = Math.floor(524288 / a);
  return (b + 1) >> 1;
}

function recipSqrtEstimate(a: number): number {
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 268435456) b++;
  return (b + 1) >> 1;
}

const RECIP = new Uint16Array(256);
const RSQRT = new Uint16Array(384);
for (let i = 0; i < 256; i++) RECIP[i] = recipEstimate(256 + i);
for (let i = 0; i < 384; i++) RSQRT[i] = recipSqrtEstimate(128 + i);

/**
 * Operand fields into FLD: [exponent, top 20 bits of the fraction as a 52-bit value, low 32
 * bits of it] (a scratch array rather than a tuple: no allocation per element).
 */
const FLD = new Int32Array(3);
function fields(fmt: number, lo: number, hi: number): void {
  if (fmt === FMT_D) {
    FLD[0] = (hi >>> 20) & 0x7ff;
    FLD[1] = hi & 0xfffff;
    FLD[2] = lo;
  } else if (fmt === FMT_H) {
    // fraction<9:0> : Zeros(42)
    FLD[0] = (lo >>> 10) & 0x1f;
    FLD[1] = (lo & 0x3ff) << 10;
    FLD[2] = 0;
  } else {
    // single: fraction<22:0> : Zeros(29) → top 20 bits = frac>>>3, low 32 = (frac&7)<<29
    const f = lo & 0x7fffff;
    FLD[0] = (lo >>> 23) & 0xff;
    FLD[1] = f >>> 3;
    FLD[2] = (f & 7) << 29;
  }
}

function signOf(fmt: number, lo: number, hi: number): number {
  return fmt === FMT_D ? hi >>> 31 : fmt === FMT_H ? (lo >>> 15) & 1 : lo >>> 31;
}

/** R = sign : exponent : the top 20 bits of a 52-bit fraction, for fmt. */
function pack(fmt: number, sign: number, exp: number, fhi: number): void {
  if (fmt === FMT_D) {
    R[0] = 0;
    R[1] = (sign << 31) | (exp << 20) | fhi;
  } else {
    R[0] =
      fmt === FMT_H
        ? (sign << 15) | (exp << 10) | (fhi >>> 10)
        : (sign << 31) | (exp << 23) | (fhi << 3);
    R[1] = 0;
  }
}

/** Largest exponent field of fmt (infinities and NaNs). */
function expMax(fmt: number): number {
  return fmt === FMT_D ? 0x7ff : fmt === FMT_H ? 0x1f : 0xff;
}

function packInf(fmt: number, sign: number): void {
  pack(fmt, sign, expMax(fmt), 0);
}

function packZero(fmt: number, sign: number): void {
  pack(fmt, sign, 0, 0);
}

/** Exponent bias of fmt. */
function bias(fmt: number): number {
  return fmt === FMT_D ? 1023 : fmt === FMT_H ? 15 : 127;
}

export function recpeOp(fmt: number, lo: number, hi: number): void {
  if (isNaNBits(fmt, lo, hi)) return processNaN(fmt, lo, hi);
  const v = toDouble(fmt, lo, hi);
  const sign = signOf(fmt, lo, hi);
  const av = Math.abs(v);
  if (av === Infinity) return packZero(fmt, sign);
  if (v === 0) {
    env.flags |= DZC;
    return packInf(fmt, sign);
  }
  const b = bias(fmt);
  if (av < 2 ** -(b + 1)) {
    const m = ctl.mode;
    const toInf =
      m === RM_TIEEVEN || (m === RM_POSINF && sign === 0) || (m === RM_NEGINF && sign === 1);
    env.flags |= OFC | IXC;
    if (toInf) return packInf(fmt, sign);
    // the largest finite value
    if (fmt === FMT_D) {
      R[0] = -1;
      R[1] = (sign << 31) | 0x7fefffff;
    } else {
      R[0] = fmt === FMT_H ? (sign << 15) | 0x7bff : (sign << 31) | 0x7f7fffff;
      R[1] = 0;
    }
    return;
  }
  if (env.fz && av >= 2 ** (b - 1)) {
    env.flags |= UFC;
    return packZero(fmt, sign);
  }
  fields(fmt, lo, hi);
  let exp = FLD[0]!;
  let fhi = FLD[1]!;
  if (exp === 0) {
    if ((fhi & 0x80000) === 0) {
      exp = -1;
      fhi = (fhi << 2) & 0xfffff;
    } else fhi = (fhi << 1) & 0xfffff;
  }
  const scaled = 256 | (fhi >>> 12);
  let rexp = 2 * b - 1 - exp;
  const est = RECIP[scaled - 256]!;
  // fraction = est<7:0> : Zeros(44), as a 52-bit value: top 20 bits
  let frac = (est & 0xff) << 12;
  if (rexp === 0) frac = 0x80000 | (frac >>> 1);
  else if (rexp === -1) {
    frac = 0x40000 | (frac >>> 2);
    rexp = 0;
  }
  pack(fmt, sign, rexp, frac);
}

export function rsqrteOp(fmt: number, lo: number, hi: number): void {
  if (isNaNBits(fmt, lo, hi)) return processNaN(fmt, lo, hi);
  const v = toDouble(fmt, lo, hi);
  const sign = signOf(fmt, lo, hi);
  if (v === 0) {
    env.flags |= DZC;
    return packInf(fmt, sign);
  }
  if (sign === 1) {
    env.flags |= IOC;
    return defaultNaN(fmt);
  }
  if (v === Infinity) return packZero(fmt, 0);
  fields(fmt, lo, hi);
  let exp = FLD[0]!;
  let fhi = FLD[1]!;
  let flo = FLD[2]!;
  if (exp === 0) {
    while ((fhi & 0x80000) === 0) {
      fhi = ((fhi << 1) | (flo >>> 31)) & 0xfffff;
      flo <<= 1;
      exp--;
    }
    fhi = ((fhi << 1) | (flo >>> 31)) & 0xfffff;
  }
  const scaled = (exp & 1) === 0 ? 256 | (fhi >>> 12) : 128 | (fhi >>> 13);
  const rexp = Math.floor((3 * bias(fmt) - 1 - exp) / 2);
  const est = RSQRT[scaled - 128]! & 0xff;
  pack(fmt, 0, rexp, est << 12);
}

export function recpxOp(fmt: number, lo: number, hi: number): void {
  if (isNaNBits(fmt, lo, hi)) return processNaN(fmt, lo, hi);
  toDouble(fmt, lo, hi); // FZ: IDC for a denormal
  fields(fmt, lo, hi);
  const exp = FLD[0]!;
  const max = expMax(fmt);
  pack(fmt, signOf(fmt, lo, hi), exp === 0 ? max - 1 : ~exp & max, 0);
}

/**
 * URECPE / URSQRTE lane results (UnsignedRecipEstimate / UnsignedRSqrtEstimate), exported for
 * the integer AdvSIMD table, which owns those instructions; they share the estimate tables.
 */
export function urecpe32(x: number): number {
  if (x >= 0) return -1; // bit 31 clear → 0xFFFFFFFF
  return (RECIP[((x >>> 23) & 0x1ff) - 256]! & 0x1ff) << 23;
}

export function ursqrte32(x: number): number {
  if (x >>> 30 === 0) return -1;
  return (RSQRT[((x >>> 23) & 0x1ff) - 128]! & 0x1ff) << 23;
}
