import { fpAdd, fpDiv, fpMul, fpMulAdd, fpSqrt } from './arith.js';
import {
  FMT_D,
  FMT_H,
  FMT_S,
  R,
  ctl,
  defaultNaN,
  fromDouble,
  isNaNBits,
  isSNaNBits,
  nans2,
  nans3,
  processNaN,
  toDouble,
} from './bits.js';
import { IDC, IOC, IXC, RM_TIEAWAY, env, lastInexact, roundInt, roundPack } from './round.js';

/**
 * Lane operations on bit patterns (single or double), the building blocks of the scalar and
 * vector FP instructions. Each reads ctl/env (set by fpBegin) and leaves its result in R.
 */

export const OP_ADD = 0;
export const OP_SUB = 1;
export const OP_MUL = 2;
export const OP_DIV = 3;
export const OP_MAX = 4;
export const OP_MIN = 5;
export const OP_MAXNM = 6;
export const OP_MINNM = 7;
export const OP_NMUL = 8;
export const OP_ABD = 9;
export const OP_MULX = 10;
export const OP_RECPS = 11;
export const OP_RSQRTS = 12;
export const OP_CMEQ = 13;
export const OP_CMGE = 14;
export const OP_CMGT = 15;
export const OP_ACGE = 16;
export const OP_ACGT = 17;

function isNeg(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0);
}

function setMask(fmt: number, t: boolean): void {
  R[0] = t ? -1 : 0;
  R[1] = t && fmt === FMT_D ? -1 : 0;
}

/**
 * Compare ops: returns -2 for unordered, else -1/0/1; quiet compares raise IOC only on sNaN,
 * signalling ones (sig) on any NaN. Also SVE's FCM* / FAC* (exported as fpCompare).
 */
export function cmp(
  fmt: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  sig: boolean,
): number {
  const an = isNaNBits(fmt, alo, ahi);
  const bn = isNaNBits(fmt, blo, bhi);
  if (an || bn) {
    if (!an) toDouble(fmt, alo, ahi);
    if (!bn) toDouble(fmt, blo, bhi);
    if (sig || isSNaNBits(fmt, alo, ahi) || isSNaNBits(fmt, blo, bhi)) env.flags |= IOC;
    return -2;
  }
  const a = toDouble(fmt, alo, ahi);
  const b = toDouble(fmt, blo, bhi);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FCMP/FCMPE flags: NZCV for a vs b. */
export function fcmpFlags(
  fmt: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  sig: boolean,
): number {
  const c = cmp(fmt, alo, ahi, blo, bhi, sig);
  return c === -2 ? 0b0011 : c < 0 ? 0b1000 : c > 0 ? 0b0010 : 0b0110;
}

function absBits(fmt: number, lo: number, hi: number): void {
  R[0] = fmt === FMT_D ? lo : lo & 0x7fffffff;
  R[1] = fmt === FMT_D ? hi & 0x7fffffff : 0;
}

export function binop(
  code: number,
  fmt: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): void {
  const mode = ctl.mode;
  switch (code) {
    case OP_CMEQ:
      return setMask(fmt, cmp(fmt, alo, ahi, blo, bhi, false) === 0);
    case OP_CMGE:
      return setMask(fmt, cmp(fmt, alo, ahi, blo, bhi, true) >= 0);
    case OP_CMGT:
      return setMask(fmt, cmp(fmt, alo, ahi, blo, bhi, true) === 1);
    case OP_ACGE:
    case OP_ACGT: {
      const c =
        fmt === FMT_D
          ? cmp(fmt, alo, ahi & 0x7fffffff, blo, bhi & 0x7fffffff, true)
          : cmp(fmt, alo & 0x7fffffff, 0, blo & 0x7fffffff, 0, true);
      return setMask(fmt, code === OP_ACGE ? c >= 0 : c === 1);
    }
    case OP_MAXNM:
    case OP_MINNM: {
      const an = isNaNBits(fmt, alo, ahi);
      const bn = isNaNBits(fmt, blo, bhi);
      if (an !== bn) {
        // one quiet NaN: the number wins (signalling NaNs propagate as usual)
        if (an && !isSNaNBits(fmt, alo, ahi)) {
          fromDouble(fmt, toDouble(fmt, blo, bhi));
          return;
        }
        if (bn && !isSNaNBits(fmt, blo, bhi)) {
          fromDouble(fmt, toDouble(fmt, alo, ahi));
          return;
        }
      }
      break;
    }
    default:
      break;
  }
  if (code === OP_RECPS || code === OP_RSQRTS) {
    // FPRecipStepFused / FPRSqrtStepFused: op1 is negated before NaN processing
    if (fmt === FMT_D) ahi ^= 0x80000000;
    else alo ^= 0x80000000;
  }
  if (nans2(fmt, alo, ahi, blo, bhi)) {
    if (code === OP_ABD) absBits(fmt, R[0]!, R[1]!);
    else if (code === OP_NMUL) negR(fmt);
    return;
  }
  const a = toDouble(fmt, alo, ahi);
  const b = toDouble(fmt, blo, bhi);
  let v: number;
  switch (code) {
    case OP_ADD:
      v = fpAdd(fmt, mode, a, b);
      break;
    case OP_SUB:
      v = fpAdd(fmt, mode, a, -b);
      break;
    case OP_MUL:
      v = fpMul(fmt, mode, a, b);
      break;
    case OP_DIV:
      v = fpDiv(fmt, mode, a, b);
      break;
    case OP_NMUL:
      v = -fpMul(fmt, mode, a, b);
      break;
    case OP_ABD:
      v = Math.abs(fpAdd(fmt, mode, a, -b));
      break;
    case OP_MULX:
      if (
        (a === 0 && (b === Infinity || b === -Infinity)) ||
        (b === 0 && (a === Infinity || a === -Infinity))
      )
        v = isNeg(a) !== isNeg(b) ? -2 : 2;
      else v = fpMul(fmt, mode, a, b);
      break;
    case OP_RECPS:
      if (
        (a === 0 && (b === Infinity || b === -Infinity)) ||
        (b === 0 && (a === Infinity || a === -Infinity))
      )
        v = 2;
      else v = fpMulAdd(fmt, mode, 2, a, b, 0);
      break;
    case OP_RSQRTS:
      if (
        (a === 0 && (b === Infinity || b === -Infinity)) ||
        (b === 0 && (a === Infinity || a === -Infinity))
      )
        v = 1.5;
      else v = fpMulAdd(fmt, mode, 3, a, b, -1);
      break;
    case OP_MAX:
    case OP_MAXNM:
      if (a === 0 && b === 0) v = isNeg(a) && isNeg(b) ? -0 : 0;
      else v = a > b ? a : b;
      break;
    default:
      // MIN, MINNM
      if (a === 0 && b === 0) v = isNeg(a) || isNeg(b) ? -0 : 0;
      else v = a < b ? a : b;
      break;
  }
  if (v !== v) {
    defaultNaN(fmt);
    if (code === OP_NMUL) negR(fmt);
    return;
  }
  fromDouble(fmt, v);
}

function negR(fmt: number): void {
  if (fmt === FMT_D) R[1] = R[1]! ^ 0x80000000;
  else R[0] = R[0]! ^ (fmt === FMT_S ? 0x80000000 : 0x8000);
}

/** FMADD family: addend + a·b with the operands already negated as the instruction needs. */
export function fmaop(
  fmt: number,
  clo: number,
  chi: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): void {
  if (nans3(fmt, clo, chi, alo, ahi, blo, bhi)) {
    // Arm: a quiet-NaN addend with ∞·0 is still an invalid operation (default NaN)
    if (!isSNaNBits(fmt, clo, chi) && isNaNBits(fmt, clo, chi)) {
      const an = isNaNBits(fmt, alo, ahi);
      const bn = isNaNBits(fmt, blo, bhi);
      if (!an && !bn) {
        const a = toDouble(fmt, alo, ahi);
        const b = toDouble(fmt, blo, bhi);
        const ai = a === Infinity || a === -Infinity;
        const bi = b === Infinity || b === -Infinity;
        if ((ai && b === 0) || (bi && a === 0)) {
          env.flags |= IOC;
          defaultNaN(fmt);
        }
      }
    }
    return;
  }
  const c = toDouble(fmt, clo, chi);
  const a = toDouble(fmt, alo, ahi);
  const b = toDouble(fmt, blo, bhi);
  const v = fpMulAdd(fmt, ctl.mode, c, a, b, 0);
  if (v !== v) return defaultNaN(fmt);
  fromDouble(fmt, v);
}

export const U_SQRT = 0;
export const U_RINT = 1;
export const U_CVT = 2;

/** FSQRT. */
export function sqrtop(fmt: number, lo: number, hi: number): void {
  if (isNaNBits(fmt, lo, hi)) return processNaN(fmt, lo, hi);
  const v = fpSqrt(fmt, ctl.mode, toDouble(fmt, lo, hi));
  if (v !== v) return defaultNaN(fmt);
  fromDouble(fmt, v);
}

/** FRINT* with an explicit mode (-1: FPCR); `exact` raises IXC (FRINTX). */
export function rintop(fmt: number, lo: number, hi: number, mode: number, exact: boolean): void {
  if (isNaNBits(fmt, lo, hi)) return processNaN(fmt, lo, hi);
  const x = toDouble(fmt, lo, hi);
  if (x === 0 || x === Infinity || x === -Infinity) return fromDouble(fmt, x);
  const r = roundInt(x, mode < 0 ? ctl.mode : mode);
  if (exact && lastInexact) env.flags |= IXC;
  fromDouble(fmt, r === 0 && x < 0 ? -0 : r);
}

/**
 * FRINT32Z/32X/64Z/64X (FEAT_FRINTTS): round to an integral value that fits in `intsize`
 * bits; NaN, infinity and out-of-range values give −2^(intsize−1) with IOC (and no IXC).
 */
export function rintNop(fmt: number, lo: number, hi: number, mode: number, intsize: number): void {
  const dbl = fmt === FMT_D;
  const special = dbl ? (hi & 0x7ff00000) === 0x7ff00000 : (lo & 0x7f800000) === 0x7f800000;
  if (!special) {
    const x = toDouble(fmt, lo, hi);
    if (x === 0) return fromDouble(fmt, x);
    const r = roundInt(x, mode < 0 ? ctl.mode : mode);
    const lim = 2 ** (intsize - 1);
    if (r < lim && r >= -lim) {
      if (lastInexact) env.flags |= IXC;
      return fromDouble(fmt, r === 0 && x < 0 ? -0 : r);
    }
  }
  env.flags |= IOC;
  fromDouble(fmt, -(2 ** (intsize - 1)));
}

/**
 * FJCVTZS (FEAT_JSCVT): double → int32 rounding toward zero, modulo 2^32, as QEMU 7.2's
 * helper does it. R[0] = the result, R[1] = 1 when Z is to be set (exact and in range).
 */
export function fjcvtzsOp(lo: number, hi: number): void {
  const sign = hi < 0;
  const exp = (hi >>> 20) & 0x7ff;
  let inexact = true;
  let res = 0;
  if (exp === 0) {
    // −0 is not exact for JavaScript; a denormal is flushed (IDC) under FZ, else inexact
    inexact = sign;
    if (((hi & 0xfffff) | lo) !== 0) {
      if (env.fz) env.flags |= IDC;
      else {
        env.flags |= IXC;
        inexact = true;
      }
    }
  } else if (exp === 0x7ff) env.flags |= IOC;
  else {
    const e = exp - 1023;
    const shift = e - 52;
    const fhi = (hi & 0xfffff) | 0x100000;
    let v: number; // the shifted magnitude when it fits in 2^53, else only its low word matters
    let low: number;
    if (shift >= 0) {
      inexact = false;
      low = shift >= 32 ? 0 : (lo << shift) >>> 0;
      v = e > 52 ? Infinity : fhi * 4294967296 + (lo >>> 0);
    } else {
      const m = fhi * 4294967296 + (lo >>> 0);
      const p = 2 ** -shift;
      v = shift > -64 ? Math.floor(m / p) : 0;
      inexact = v * p !== m;
      low = v % 4294967296;
    }
    if (e > 31 || v > (sign ? 2147483648 : 2147483647)) {
      env.flags |= IOC;
      inexact = true;
    } else if (inexact) env.flags |= IXC;
    res = sign ? -low | 0 : low | 0;
  }
  R[0] = res;
  R[1] = inexact ? 0 : 1;
}

/** FCVT between formats (fmt → to): NaNs keep their payload's top bits. */
export function cvtop(fmt: number, to: number, lo: number, hi: number): void {
  if (to === FMT_H && !isNaNBits(fmt, lo, hi)) {
    // QEMU 7.2: FZ flushes a denormal input (IDC) but never the half-precision result
    const x = toDouble(fmt, lo, hi);
    const fz = env.fz;
    env.fz = false;
    if (x === 0 || x === Infinity || x === -Infinity) fromDouble(to, x);
    else
      fromDouble(
        to,
        x < 0 ? roundPack(to, ctl.mode, true, -x, 0, 0) : roundPack(to, ctl.mode, false, x, 0, 0),
      );
    env.fz = fz;
  } else cvt1(fmt, to, lo, hi);
}

function cvt1(fmt: number, to: number, lo: number, hi: number): void {
  if (isNaNBits(fmt, lo, hi)) {
    if (isSNaNBits(fmt, lo, hi)) env.flags |= IOC;
    if (ctl.dn) return defaultNaN(to);
    // payload: significand bits below the quiet bit, aligned at the top
    const neg = fmt === FMT_D ? hi < 0 : fmt === FMT_S ? lo < 0 : (lo & 0x8000) !== 0;
    let fhi: number; // top 51 bits of the payload as hi:20 lo:31 …
    let flo: number;
    if (fmt === FMT_D) {
      fhi = hi & 0x7ffff; // 19 bits
      flo = lo >>> 0; // 32 bits → 51 payload bits
    } else if (fmt === FMT_S) {
      fhi = (lo & 0x3fffff) >>> 3; // 22 payload bits: top 19 into fhi
      flo = ((lo & 7) << 29) >>> 0;
    } else {
      fhi = (lo & 0x1ff) << 10;
      flo = 0;
    }
    if (to === FMT_D) {
      R[0] = flo | 0;
      R[1] = (neg ? 0x80000000 : 0) | 0x7ff80000 | fhi;
    } else if (to === FMT_S) {
      R[0] = (neg ? 0x80000000 : 0) | 0x7fc00000 | (fhi << 3) | (flo >>> 29);
      R[1] = 0;
    } else {
      R[0] = (neg ? 0x8000 : 0) | 0x7e00 | (fhi >>> 10);
      R[1] = 0;
    }
    return;
  }
  const x = toDouble(fmt, lo, hi);
  if (x === 0 || x === Infinity || x === -Infinity || to === FMT_D) return fromDouble(to, x);
  fromDouble(
    to,
    x < 0 ? roundPack(to, ctl.mode, true, -x, 0, 0) : roundPack(to, ctl.mode, false, x, 0, 0),
  );
}

/**
 * Float → integer (FCVT[NPMZA][SU], fixed point with fbits): R = the saturated 32- or 64-bit
 * result. mode -1 = FPCR.RMode.
 */
export function toIntOp(
  fmt: number,
  lo: number,
  hi: number,
  fbits: number,
  mode: number,
  unsigned: boolean,
  bits64: boolean,
): void {
  if (isNaNBits(fmt, lo, hi)) {
    env.flags |= IOC;
    R[0] = 0;
    R[1] = 0;
    return;
  }
  const x = toDouble(fmt, lo, hi) * 2 ** fbits;
  const r = x === Infinity || x === -Infinity ? x : roundInt(x, mode < 0 ? ctl.mode : mode);
  // saturation bounds: 2^63 and 2^64 are exact doubles, so compare with ≥ there
  const over = bits64
    ? r >= (unsigned ? 18446744073709551616 : 9223372036854775808)
    : r > (unsigned ? 4294967295 : 2147483647);
  const min = unsigned ? 0 : bits64 ? -9223372036854775808 : -2147483648;
  let v: number;
  if (over) {
    env.flags |= IOC;
    if (bits64) {
      R[0] = -1;
      R[1] = unsigned ? -1 : 0x7fffffff;
    } else {
      R[0] = unsigned ? -1 : 0x7fffffff;
      R[1] = 0;
    }
    return;
  }
  if (r < min) {
    env.flags |= IOC;
    v = min;
  } else {
    v = r;
    if (lastInexact) env.flags |= IXC;
  }
  if (bits64) {
    const h = Math.floor(v / 4294967296);
    R[0] = (v - h * 4294967296) | 0;
    R[1] = h | 0;
  } else {
    R[0] = v | 0;
    R[1] = 0;
  }
}

/**
 * Integer → float (SCVTF/UCVTF, fixed point with fbits): the integer is (hi:lo) for 64-bit or
 * lo for 32-bit sources.
 */
export function fromIntOp(
  fmt: number,
  lo: number,
  hi: number,
  fbits: number,
  unsigned: boolean,
  bits64: boolean,
): void {
  let h: number;
  let l: number;
  if (bits64) {
    h = (unsigned ? hi >>> 0 : hi) * 4294967296;
    l = lo >>> 0;
  } else {
    h = 0;
    l = unsigned ? lo >>> 0 : lo;
  }
  const s = h + l;
  // exact value (h + l): TwoSum
  const bb = s - h;
  const err = h - (s - bb) + (l - bb);
  if (s === 0) return fromDouble(fmt, 0);
  const v =
    s < 0
      ? roundPack(fmt, ctl.mode, true, -s, -err, -fbits)
      : roundPack(fmt, ctl.mode, false, s, err, -fbits);
  fromDouble(fmt, v);
}

export { RM_TIEAWAY, FMT_S, FMT_D };
