import type { FpState } from '../state.js';
import { FMT_D, FMT_H, FMT_S, IDC, IOC, env, roundPack } from './round.js';

/**
 * The bit-pattern layer: FPCR decoding per instruction, operand unpacking (FZ flushing with
 * IDC), NaN propagation as Arm's FPProcessNaNs does it, and packing doubles back to half,
 * single or double bit patterns. Values are passed as (lo, hi) 32-bit words; single and half
 * use lo only. Results go to `R` (R[0] = low word, R[1] = high word).
 */

export const R = new Int32Array(2);

const F64 = new Float64Array(1);
const W = new Int32Array(F64.buffer);
const F32 = new Float32Array(1);
const W32 = new Int32Array(F32.buffer);

/** Per-instruction FPCR view. */
export const ctl = { mode: 0, dn: false };

/** Loads FPCR into the environment and clears the flag accumulator. */
export function fpBegin(st: FpState): void {
  const c = st.fpcr;
  env.flags = 0;
  env.fz = (c & (1 << 24)) !== 0;
  ctl.dn = (c & (1 << 25)) !== 0;
  ctl.mode = (c >>> 22) & 3;
}

/** ORs the accumulated flags into FPSR. */
export function fpEnd(st: FpState): void {
  if (env.flags !== 0) st.fpsr |= env.flags;
}

export function isNaNBits(fmt: number, lo: number, hi: number): boolean {
  if (fmt === FMT_D) return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;
  if (fmt === FMT_S) return (lo & 0x7f800000) === 0x7f800000 && (lo & 0x7fffff) !== 0;
  return (lo & 0x7c00) === 0x7c00 && (lo & 0x3ff) !== 0;
}

export function isSNaNBits(fmt: number, lo: number, hi: number): boolean {
  if (!isNaNBits(fmt, lo, hi)) return false;
  if (fmt === FMT_D) return (hi & 0x80000) === 0;
  if (fmt === FMT_S) return (lo & 0x400000) === 0;
  return (lo & 0x200) === 0;
}

export function defaultNaN(fmt: number): void {
  if (fmt === FMT_D) {
    R[0] = 0;
    R[1] = 0x7ff80000;
  } else {
    R[0] = fmt === FMT_S ? 0x7fc00000 : 0x7e00;
    R[1] = 0;
  }
}

/** R = the quieted NaN (or the default NaN with FPCR.DN); IOC when it was signalling. */
export function processNaN(fmt: number, lo: number, hi: number): void {
  if (isSNaNBits(fmt, lo, hi)) env.flags |= IOC;
  if (ctl.dn) return defaultNaN(fmt);
  if (fmt === FMT_D) {
    R[0] = lo;
    R[1] = hi | 0x80000;
  } else {
    R[0] = fmt === FMT_S ? lo | 0x400000 : lo | 0x200;
    R[1] = 0;
  }
}

/** FPProcessNaNs: sets R and returns true when either operand is a NaN. */
export function nans2(fmt: number, alo: number, ahi: number, blo: number, bhi: number): boolean {
  const an = isNaNBits(fmt, alo, ahi);
  const bn = isNaNBits(fmt, blo, bhi);
  if (!an && !bn) return false;
  // all operands are unpacked (and flushed, raising IDC) before NaN processing
  if (!an) toDouble(fmt, alo, ahi);
  if (!bn) toDouble(fmt, blo, bhi);
  if (isSNaNBits(fmt, alo, ahi)) processNaN(fmt, alo, ahi);
  else if (isSNaNBits(fmt, blo, bhi)) processNaN(fmt, blo, bhi);
  else if (an) processNaN(fmt, alo, ahi);
  else processNaN(fmt, blo, bhi);
  return true;
}

/** FPProcessNaNs3 (operand order as given: the addend first for the fused ops). */
export function nans3(
  fmt: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  clo: number,
  chi: number,
): boolean {
  const an = isNaNBits(fmt, alo, ahi);
  const bn = isNaNBits(fmt, blo, bhi);
  const cn = isNaNBits(fmt, clo, chi);
  if (!an && !bn && !cn) return false;
  if (!an) toDouble(fmt, alo, ahi);
  if (!bn) toDouble(fmt, blo, bhi);
  if (!cn) toDouble(fmt, clo, chi);
  if (isSNaNBits(fmt, alo, ahi)) processNaN(fmt, alo, ahi);
  else if (isSNaNBits(fmt, blo, bhi)) processNaN(fmt, blo, bhi);
  else if (isSNaNBits(fmt, clo, chi)) processNaN(fmt, clo, chi);
  else if (an) processNaN(fmt, alo, ahi);
  else if (bn) processNaN(fmt, blo, bhi);
  else processNaN(fmt, clo, chi);
  return true;
}

/** The value of a non-NaN pattern as a double; denormals flush to ±0 with IDC under FZ. */
export function toDouble(fmt: number, lo: number, hi: number): number {
  if (fmt === FMT_D) {
    if ((hi & 0x7ff00000) === 0 && ((hi & 0xfffff) | lo) !== 0 && env.fz) {
      env.flags |= IDC;
      return hi < 0 ? -0 : 0;
    }
    W[0] = lo;
    W[1] = hi;
    return F64[0]!;
  }
  if (fmt === FMT_S) {
    if ((lo & 0x7f800000) === 0 && (lo & 0x7fffff) !== 0 && env.fz) {
      env.flags |= IDC;
      return lo < 0 ? -0 : 0;
    }
    W32[0] = lo;
    return F32[0]!;
  }
  return halfToDouble(lo);
}

/** Exact value of a half-precision pattern (not NaN); never flushed (FZ16 is not modelled). */
export function halfToDouble(h: number): number {
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  let v: number;
  if (e === 0x1f) v = Infinity;
  else if (e === 0)
    v = m * 5.960464477539063e-8; // 2^-24
  else v = (1024 + m) * 2 ** (e - 25);
  return (h & 0x8000) !== 0 ? -v : v;
}

/** R = the pattern of v (a value already representable in fmt; NaN → default NaN). */
export function fromDouble(fmt: number, v: number): void {
  if (v !== v) return defaultNaN(fmt);
  if (fmt === FMT_D) {
    F64[0] = v;
    R[0] = W[0]!;
    R[1] = W[1]!;
    return;
  }
  R[1] = 0;
  if (fmt === FMT_S) {
    F32[0] = v;
    R[0] = W32[0]!;
    return;
  }
  const neg = v < 0 || (v === 0 && 1 / v < 0);
  const m = neg ? -v : v;
  let bits: number;
  if (m === Infinity) bits = 0x7c00;
  else if (m < 6.103515625e-5) bits = m * 16777216;
  else {
    F64[0] = m;
    const e = ((W[1]! >>> 20) & 0x7ff) - 1023;
    bits = ((e + 15) << 10) | (m * 2 ** (10 - e) - 1024);
  }
  R[0] = neg ? bits | 0x8000 : bits;
}

/** Rounds the double v (exact value) to fmt and packs it into R (conversions). */
export function roundDouble(fmt: number, mode: number, v: number): void {
  if (v === 0 || v === Infinity || v === -Infinity || fmt === FMT_D) return fromDouble(fmt, v);
  fromDouble(
    fmt,
    v < 0 ? roundPack(fmt, mode, true, -v, 0, 0) : roundPack(fmt, mode, false, v, 0, 0),
  );
}

export { FMT_D, FMT_H, FMT_S };
