/**
 * Integer arithmetic shared by the data-processing groups, on 64-bit values held as two int32
 * halves (low, high). Nothing here allocates or uses BigInt: results that are 64 bits wide go
 * into an Int32Array at an index (often `cpu.gpr` at the destination register, or `T64` as a
 * scratch), flags come back as a number in `cpu.nzcv` format (N=8, Z=4, C=2, V=1).
 *
 * Inputs are always read into locals before anything is written, so `out` may alias the
 * arrays the operands were read from.
 */

/** 2^32 and 2^-32 (scaling by a power of two is exact in doubles). */
export const TWO32 = 4294967296;
export const INV_TWO32 = 1 / 4294967296;

/** Scratch for 64-bit intermediate results (low at 0, high at 1). */
export const T64 = new Int32Array(2);

/** Shift types as encoded in the shifted-register forms. */
export const SHIFT_LSL = 0;
export const SHIFT_LSR = 1;
export const SHIFT_ASR = 2;
export const SHIFT_ROR = 3;

// ---- flags ----------------------------------------------------------------------------------

/**
 * Arm's AddWithCarry(x, y, carry_in) for 64-bit operands: writes x + y + carryIn to
 * out[o], out[o+1] and returns NZCV. Subtraction is x + NOT(y) + 1.
 */
export function addWithCarry(
  out: Int32Array,
  o: number,
  xLo: number,
  xHi: number,
  yLo: number,
  yHi: number,
  carryIn: number,
): number {
  const lo = (xLo >>> 0) + (yLo >>> 0) + carryIn;
  const hiU = (xHi >>> 0) + (yHi >>> 0) + (lo > 0xffffffff ? 1 : 0);
  const rLo = lo | 0;
  const rHi = hiU | 0;
  out[o] = rLo;
  out[o + 1] = rHi;
  return (
    (rHi < 0 ? 8 : 0) |
    ((rLo | rHi) === 0 ? 4 : 0) |
    (hiU > 0xffffffff ? 2 : 0) |
    (((xHi ^ rHi) & (yHi ^ rHi)) < 0 ? 1 : 0)
  );
}

/**
 * AddWithCarry for 32-bit operands: writes the result zero-extended (the W-register write)
 * to out[o], out[o+1] and returns NZCV.
 */
export function addWithCarry32(
  out: Int32Array,
  o: number,
  x: number,
  y: number,
  carryIn: number,
): number {
  const s = (x >>> 0) + (y >>> 0) + carryIn;
  const r = s | 0;
  out[o] = r;
  out[o + 1] = 0;
  return (
    (r < 0 ? 8 : 0) |
    (r === 0 ? 4 : 0) |
    (s > 0xffffffff ? 2 : 0) |
    (((x ^ r) & (y ^ r)) < 0 ? 1 : 0)
  );
}

/** NZ of a 64-bit result with C = V = 0 (the logical flag-setting forms). */
export function nz64(lo: number, hi: number): number {
  return (hi < 0 ? 8 : 0) | ((lo | hi) === 0 ? 4 : 0);
}

/** NZ of a 32-bit result with C = V = 0. */
export function nz32(r: number): number {
  return (r < 0 ? 8 : 0) | (r === 0 ? 4 : 0);
}

// ---- shifts ---------------------------------------------------------------------------------

/** LSL of a 64-bit value by 0..63. */
export function lsl64(out: Int32Array, o: number, lo: number, hi: number, s: number): void {
  if (s === 0) {
    out[o] = lo;
    out[o + 1] = hi;
  } else if (s < 32) {
    out[o] = lo << s;
    out[o + 1] = (hi << s) | (lo >>> (32 - s));
  } else {
    out[o] = 0;
    out[o + 1] = lo << (s - 32);
  }
}

/** LSR of a 64-bit value by 0..63. */
export function lsr64(out: Int32Array, o: number, lo: number, hi: number, s: number): void {
  if (s === 0) {
    out[o] = lo;
    out[o + 1] = hi;
  } else if (s < 32) {
    out[o] = (lo >>> s) | (hi << (32 - s));
    out[o + 1] = hi >>> s;
  } else {
    out[o] = hi >>> (s - 32);
    out[o + 1] = 0;
  }
}

/** ASR of a 64-bit value by 0..63. */
export function asr64(out: Int32Array, o: number, lo: number, hi: number, s: number): void {
  if (s === 0) {
    out[o] = lo;
    out[o + 1] = hi;
  } else if (s < 32) {
    out[o] = (lo >>> s) | (hi << (32 - s));
    out[o + 1] = hi >> s;
  } else {
    out[o] = hi >> (s - 32);
    out[o + 1] = hi >> 31;
  }
}

/** ROR of a 64-bit value by 0..63. */
export function ror64(out: Int32Array, o: number, lo: number, hi: number, s: number): void {
  if (s >= 32) {
    const t = lo;
    lo = hi;
    hi = t;
    s -= 32;
  }
  // (x << 1) << (31 - s) is x << (32 - s) that also works for s = 0 (it gives 0).
  out[o] = (lo >>> s) | ((hi << 1) << (31 - s));
  out[o + 1] = (hi >>> s) | ((lo << 1) << (31 - s));
}

/** ROR of a 32-bit value by 0..31. */
export function ror32(x: number, s: number): number {
  return (x >>> s) | ((x << 1) << (31 - s));
}

/** Arm's ShiftReg for a 64-bit operand: type 0 LSL, 1 LSR, 2 ASR, 3 ROR; amount 0..63. */
export function shiftReg64(
  out: Int32Array,
  o: number,
  lo: number,
  hi: number,
  type: number,
  amount: number,
): void {
  switch (type) {
    case SHIFT_LSL:
      lsl64(out, o, lo, hi, amount);
      return;
    case SHIFT_LSR:
      lsr64(out, o, lo, hi, amount);
      return;
    case SHIFT_ASR:
      asr64(out, o, lo, hi, amount);
      return;
    default:
      ror64(out, o, lo, hi, amount);
  }
}

/** ShiftReg for a 32-bit operand; amount 0..31. */
export function shiftReg32(x: number, type: number, amount: number): number {
  switch (type) {
    case SHIFT_LSL:
      return x << amount;
    case SHIFT_LSR:
      return x >>> amount;
    case SHIFT_ASR:
      return x >> amount;
    default:
      return ror32(x, amount);
  }
}

// ---- multiplication ---------------------------------------------------------------------------

/**
 * High 32 bits of the unsigned 32×32 product. The double product is within 2^10 of the exact
 * one (< 2^64) and the low word is exact from Math.imul, so (p - low) / 2^32 is within 2^-21
 * of the integer high word: rounding recovers it exactly.
 */
export function mulhu32(a: number, b: number): number {
  const p = (a >>> 0) * (b >>> 0);
  return Math.round((p - (Math.imul(a, b) >>> 0)) * INV_TWO32) | 0;
}

/** High 32 bits of the signed 32×32 product (same argument as mulhu32; |product| ≤ 2^62). */
export function mulhs32(a: number, b: number): number {
  const p = (a | 0) * (b | 0);
  return Math.round((p - (Math.imul(a, b) >>> 0)) * INV_TWO32) | 0;
}

/** Low 64 bits of the 64×64 product (the same for signed and unsigned operands). */
export function mul64(
  out: Int32Array,
  o: number,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  const hi = (mulhu32(aLo, bLo) + Math.imul(aLo, bHi) + Math.imul(aHi, bLo)) | 0;
  out[o] = Math.imul(aLo, bLo);
  out[o + 1] = hi;
}

/** High 64 bits of the unsigned 64×64 → 128-bit product (UMULH). */
export function umulh64(
  out: Int32Array,
  o: number,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  // Four 32×32 partial products, each 64 bits, summed by 32-bit columns. Column sums of a few
  // 32-bit values are exact in doubles.
  const llHi = mulhu32(aLo, bLo) >>> 0;
  const lhLo = Math.imul(aLo, bHi) >>> 0;
  const lhHi = mulhu32(aLo, bHi) >>> 0;
  const hlLo = Math.imul(aHi, bLo) >>> 0;
  const hlHi = mulhu32(aHi, bLo) >>> 0;
  const hhLo = Math.imul(aHi, bHi) >>> 0;
  const hhHi = mulhu32(aHi, bHi) >>> 0;
  const w1 = llHi + lhLo + hlLo;
  const w2 = lhHi + hlHi + hhLo + Math.floor(w1 * INV_TWO32);
  out[o] = w2 | 0;
  out[o + 1] = (hhHi + Math.floor(w2 * INV_TWO32)) | 0;
}

/** High 64 bits of the signed 64×64 → 128-bit product (SMULH). */
export function smulh64(
  out: Int32Array,
  o: number,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  umulh64(out, o, aLo, aHi, bLo, bHi);
  // signed high = unsigned high - (a < 0 ? b : 0) - (b < 0 ? a : 0)  (mod 2^64)
  let lo = out[o]!;
  let hi = out[o + 1]!;
  if (aHi < 0) {
    const l = (lo >>> 0) - (bLo >>> 0);
    hi = (hi - bHi - (l < 0 ? 1 : 0)) | 0;
    lo = l | 0;
  }
  if (bHi < 0) {
    const l = (lo >>> 0) - (aLo >>> 0);
    hi = (hi - aHi - (l < 0 ? 1 : 0)) | 0;
    lo = l | 0;
  }
  out[o] = lo;
  out[o + 1] = hi;
}

// ---- division ---------------------------------------------------------------------------------

/** UDIV, 32-bit: x / 0 = 0. */
export function udiv32(n: number, m: number): number {
  return m === 0 ? 0 : Math.floor((n >>> 0) / (m >>> 0)) | 0;
}

/** SDIV, 32-bit, rounding toward zero: x / 0 = 0, INT_MIN / -1 = INT_MIN. */
export function sdiv32(n: number, m: number): number {
  // (n / m) | 0 truncates, and maps 2^31 (INT_MIN / -1) to INT_MIN.
  return m === 0 ? 0 : ((n | 0) / (m | 0)) | 0;
}

/**
 * Below 2^53 a double division is exact enough: for integers n, m < 2^53 the correctly
 * rounded n / m never reaches the next integer when the true quotient is below it (that would
 * need quotient × m > 2^53), so floor/trunc of it is the integer quotient.
 */
const SAFE_HI = 0x200000; // high word of 2^53

/** UDIV, 64-bit: x / 0 = 0. */
export function udiv64(
  out: Int32Array,
  o: number,
  nLo: number,
  nHi: number,
  mLo: number,
  mHi: number,
): void {
  const nh = nHi >>> 0;
  const mh = mHi >>> 0;
  if (nh < SAFE_HI && mh < SAFE_HI) {
    const m = mh * TWO32 + (mLo >>> 0);
    const q = m === 0 ? 0 : Math.floor((nh * TWO32 + (nLo >>> 0)) / m);
    out[o] = q | 0;
    out[o + 1] = Math.floor(q * INV_TWO32) | 0;
    return;
  }
  if ((mLo | mHi) === 0) {
    out[o] = 0;
    out[o + 1] = 0;
    return;
  }
  udivSlow(out, o, nLo, nHi, mLo, mHi);
}

/** SDIV, 64-bit, rounding toward zero: x / 0 = 0, INT64_MIN / -1 = INT64_MIN. */
export function sdiv64(
  out: Int32Array,
  o: number,
  nLo: number,
  nHi: number,
  mLo: number,
  mHi: number,
): void {
  if (nHi >= -SAFE_HI && nHi < SAFE_HI && mHi >= -SAFE_HI && mHi < SAFE_HI) {
    const m = mHi * TWO32 + (mLo >>> 0);
    const q = m === 0 ? 0 : Math.trunc((nHi * TWO32 + (nLo >>> 0)) / m);
    out[o] = q | 0;
    out[o + 1] = Math.floor(q * INV_TWO32) | 0;
    return;
  }
  if ((mLo | mHi) === 0) {
    out[o] = 0;
    out[o + 1] = 0;
    return;
  }
  // |n| / |m| unsigned, then the sign. INT64_MIN / -1: 2^63 / 1 = 2^63, positive, which is
  // INT64_MIN again in 64 bits, as required.
  const negN = nHi < 0;
  const negM = mHi < 0;
  if (negN) {
    nHi = (~nHi + (nLo === 0 ? 1 : 0)) | 0;
    nLo = -nLo | 0;
  }
  if (negM) {
    mHi = (~mHi + (mLo === 0 ? 1 : 0)) | 0;
    mLo = -mLo | 0;
  }
  udivSlow(out, o, nLo, nHi, mLo, mHi);
  if (negN !== negM) {
    const lo = out[o]!;
    out[o + 1] = (~out[o + 1]! + (lo === 0 ? 1 : 0)) | 0;
    out[o] = -lo | 0;
  }
}

/**
 * Exact unsigned 64-bit division for operands beyond 2^53 (m ≠ 0): restoring shift-subtract,
 * one quotient bit per step, starting at the numerator's top set bit.
 */
function udivSlow(
  out: Int32Array,
  o: number,
  nLo: number,
  nHi: number,
  mLo: number,
  mHi: number,
): void {
  const mh = mHi >>> 0;
  const ml = mLo >>> 0;
  let rLo = 0;
  let rHi = 0;
  let qLo = 0;
  let qHi = 0;
  // Before each shift r ≤ n >> (i + 1) < 2^63, so the shifted remainder fits in 64 bits.
  for (let i = 63 - clz64(nLo, nHi); i >= 0; i--) {
    rHi = (rHi << 1) | (rLo >>> 31);
    rLo = (rLo << 1) | (i >= 32 ? (nHi >>> (i - 32)) & 1 : (nLo >>> i) & 1);
    const rh = rHi >>> 0;
    if (rh > mh || (rh === mh && rLo >>> 0 >= ml)) {
      const l = (rLo >>> 0) - ml;
      rHi = (rHi - mHi - (l < 0 ? 1 : 0)) | 0;
      rLo = l | 0;
      if (i >= 32) qHi |= 1 << (i - 32);
      else qLo |= 1 << i;
    }
  }
  out[o] = qLo;
  out[o + 1] = qHi;
}

// ---- bit counting and reversal ---------------------------------------------------------------

/** CountLeadingZeroBits of a 64-bit value (64 for zero). */
export function clz64(lo: number, hi: number): number {
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
}

/** CLS (count leading sign bits, not counting the sign bit itself), 32-bit. */
export function cls32(x: number): number {
  // Bit j of x ^ (x << 1) (j ≥ 1) says whether bits j and j-1 differ; bit 0 is forced so the
  // count stops at 31.
  return Math.clz32((x ^ (x << 1)) | 1);
}

/** CLS, 64-bit. */
export function cls64(lo: number, hi: number): number {
  const zHi = hi ^ ((hi << 1) | (lo >>> 31));
  const zLo = (lo ^ (lo << 1)) | 1;
  return clz64(zLo, zHi);
}

/** Reverses the 32 bits of x. */
export function rbit32(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  return bswap32(x);
}

/** Reverses the bytes of x (REV, 32-bit). */
export function bswap32(x: number): number {
  return (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
}

/** Swaps the bytes within each halfword (REV16, per 32 bits). */
export function rev16x32(x: number): number {
  return ((x & 0x00ff00ff) << 8) | ((x >>> 8) & 0x00ff00ff);
}

// ---- bitmask immediates ---------------------------------------------------------------------

/** wmask and tmask of DecodeBitMasks, as 64-bit halves. */
export interface BitMasks {
  wLo: number;
  wHi: number;
  tLo: number;
  tHi: number;
}

/** Ones(n) in the low bits of a 64-bit value, n in 0..64, into T64. */
function ones64(n: number): void {
  T64[0] = n >= 32 ? -1 : (1 << n) - 1;
  T64[1] = n >= 64 ? -1 : n > 32 ? (1 << (n - 32)) - 1 : 0;
}

/**
 * Arm's DecodeBitMasks(immN, imms, immr, immediate, M) for M = 32 or 64. Returns null for the
 * reserved encodings: element size < 2 bits, or (for the logical immediates) an all-ones
 * element. The result is replicated to 64 bits; the 32-bit forms use the low halves.
 */
export function decodeBitMasks(
  immN: number,
  imms: number,
  immr: number,
  immediate: boolean,
  datasize: number,
): BitMasks | null {
  const len = 31 - Math.clz32(((immN & 1) << 6) | (~imms & 0x3f));
  if (len < 1) return null;
  const esize = 1 << len;
  if (esize > datasize) return null;
  const levels = esize - 1;
  if (immediate && (imms & levels) === levels) return null;
  const s = imms & levels;
  const r = immr & levels;
  const d = (s - r) & levels;
  let wLo: number, wHi: number, tLo: number, tHi: number;
  if (esize === 64) {
    ones64(s + 1);
    ror64(T64, 0, T64[0]!, T64[1]!, r);
    wLo = T64[0]!;
    wHi = T64[1]!;
    ones64(d + 1);
    tLo = T64[0]!;
    tHi = T64[1]!;
  } else {
    const emask = esize === 32 ? -1 : (1 << esize) - 1;
    const welem = s + 1 === 32 ? -1 : (1 << (s + 1)) - 1;
    // ROR within the element.
    let w = r === 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & emask;
    let t = d + 1 === 32 ? -1 : (1 << (d + 1)) - 1;
    for (let e = esize; e < 32; e *= 2) {
      w |= w << e;
      t |= t << e;
    }
    wLo = wHi = w | 0;
    tLo = tHi = t | 0;
  }
  return { wLo, wHi, tLo, tHi };
}
