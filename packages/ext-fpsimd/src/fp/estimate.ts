import { FMT_D, R, ctl, defaultNaN, isNaNBits, processNaN, toDouble } from './bits.js';
import { DZC, IOC, IXC, OFC, RM_NEGINF, RM_POSINF, RM_TIEEVEN, UFC, env } from './round.js';

/**
 * FRECPE, FRSQRTE and FRECPX for single and double precision, following the Arm ARM
 * pseudocode (FPRecipEstimate, FPRSqrtEstimate, FPRecpX) with the 8-bit estimate tables
 * computed by RecipEstimate / RecipSqrtEstimate (no FEAT_RPRES).
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

/** Operand fields as a 52-bit fraction split (fhi: top 20 bits, flo: low 32) and exponent. */
function fields(fmt: number, lo: number, hi: number): [number, number, number] {
  if (fmt === FMT_D) return [(hi >>> 20) & 0x7ff, hi & 0xfffff, lo >>> 0];
  // single: fraction<22:0> : Zeros(29) → top 20 bits = frac>>>3, low 32 = (frac&7)<<29
  const f = lo & 0x7fffff;
  return [(lo >>> 23) & 0xff, f >>> 3, ((f & 7) << 29) >>> 0];
}

function signOf(fmt: number, lo: number, hi: number): number {
  return (fmt === FMT_D ? hi : lo) < 0 ? 1 : 0;
}

function packInf(fmt: number, sign: number): void {
  if (fmt === FMT_D) {
    R[0] = 0;
    R[1] = (sign << 31) | 0x7ff00000;
  } else {
    R[0] = (sign << 31) | 0x7f800000;
    R[1] = 0;
  }
}

function packZero(fmt: number, sign: number): void {
  R[0] = fmt === FMT_D ? 0 : sign << 31;
  R[1] = fmt === FMT_D ? sign << 31 : 0;
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
  const dbl = fmt === FMT_D;
  if (av < (dbl ? 2 ** -1024 : 2 ** -128)) {
    const m = ctl.mode;
    const toInf =
      m === RM_TIEEVEN || (m === RM_POSINF && sign === 0) || (m === RM_NEGINF && sign === 1);
    env.flags |= OFC | IXC;
    if (toInf) return packInf(fmt, sign);
    if (dbl) {
      R[0] = -1;
      R[1] = (sign << 31) | 0x7fefffff;
    } else {
      R[0] = (sign << 31) | 0x7f7fffff;
      R[1] = 0;
    }
    return;
  }
  if (env.fz && av >= (dbl ? 2 ** 1022 : 2 ** 126)) {
    env.flags |= UFC;
    return packZero(fmt, sign);
  }
  let [exp, fhi] = fields(fmt, lo, hi);
  if (exp === 0) {
    if ((fhi & 0x80000) === 0) {
      exp = -1;
      fhi = (fhi << 2) & 0xfffff;
    } else fhi = (fhi << 1) & 0xfffff;
  }
  const scaled = 256 | (fhi >>> 12);
  let rexp = (dbl ? 2045 : 253) - exp;
  const est = RECIP[scaled - 256]!;
  // fraction = est<7:0> : Zeros(44), as a 52-bit value: top 20 bits
  let frac = (est & 0xff) << 12;
  if (rexp === 0) frac = 0x80000 | (frac >>> 1);
  else if (rexp === -1) {
    frac = 0x40000 | (frac >>> 2);
    rexp = 0;
  }
  if (dbl) {
    R[0] = 0;
    R[1] = (sign << 31) | (rexp << 20) | frac;
  } else {
    R[0] = (sign << 31) | (rexp << 23) | (frac << 3);
    R[1] = 0;
  }
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
  const dbl = fmt === FMT_D;
  let [exp, fhi, flo] = fields(fmt, lo, hi);
  if (exp === 0) {
    while ((fhi & 0x80000) === 0) {
      fhi = ((fhi << 1) | (flo >>> 31)) & 0xfffff;
      flo = (flo << 1) >>> 0;
      exp--;
    }
    fhi = ((fhi << 1) | (flo >>> 31)) & 0xfffff;
    flo = (flo << 1) >>> 0;
  }
  const scaled = (exp & 1) === 0 ? 256 | (fhi >>> 12) : 128 | (fhi >>> 13);
  const rexp = Math.floor(((dbl ? 3068 : 380) - exp) / 2);
  const est = RSQRT[scaled - 128]! & 0xff;
  if (dbl) {
    R[0] = 0;
    R[1] = (rexp << 20) | (est << 12);
  } else {
    R[0] = (rexp << 23) | (est << 15);
    R[1] = 0;
  }
}

export function recpxOp(fmt: number, lo: number, hi: number): void {
  if (isNaNBits(fmt, lo, hi)) return processNaN(fmt, lo, hi);
  toDouble(fmt, lo, hi); // FZ: IDC for a denormal
  const sign = signOf(fmt, lo, hi);
  const [exp] = fields(fmt, lo, hi);
  if (fmt === FMT_D) {
    R[0] = 0;
    R[1] = (sign << 31) | ((exp === 0 ? 0x7fe : ~exp & 0x7ff) << 20);
  } else {
    R[0] = (sign << 31) | ((exp === 0 ? 0xfe : ~exp & 0xff) << 23);
    R[1] = 0;
  }
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
