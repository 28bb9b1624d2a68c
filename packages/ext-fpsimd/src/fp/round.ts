/**
 * The rounding core of the IEEE library. Every arithmetic result is first computed *exactly*
 * as an unevaluated sum of two doubles scaled by a power of two, x = (hi + lo) · 2^k, with
 * hi > 0 and |lo| < ulp(hi) (error-free transformations in arith.ts); `roundPack` then rounds
 * x once to the destination format (half, single, double) with any Arm rounding mode, applies
 * FPCR.FZ to tiny results, and raises OFC/UFC/IXC. JavaScript's own round-to-nearest is only
 * used inside error-free transformations, where it is exact.
 *
 * Arm (and QEMU) detect tininess *before* rounding: UFC is set when the exact result is below
 * the smallest normal and inexact, or whenever it is flushed by FZ.
 */

export const FMT_H = 0;
export const FMT_S = 1;
export const FMT_D = 2;

/** Rounding modes: the FPCR.RMode values 0–3, then ties-away (FCVTA*, FRINTA) and odd. */
export const RM_TIEEVEN = 0;
export const RM_POSINF = 1;
export const RM_NEGINF = 2;
export const RM_ZERO = 3;
export const RM_TIEAWAY = 4;
export const RM_ODD = 5;

/** FPSR cumulative flags. */
export const IOC = 1;
export const DZC = 2;
export const OFC = 4;
export const UFC = 8;
export const IXC = 16;
export const IDC = 128;

const PREC = [11, 24, 53];
const EMIN = [-14, -126, -1022];
const EMAX = [15, 127, 1023];

const F64 = new Float64Array(1);
const W = new Int32Array(F64.buffer);

/** Unbiased exponent of a finite x ≠ 0 (subnormals included). */
export function expOf(x: number): number {
  F64[0] = x;
  const e = (W[1]! >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  F64[0] = x * 18446744073709551616;
  return ((W[1]! >>> 20) & 0x7ff) - 1023 - 64;
}

/** 2^e for -1022 ≤ e ≤ 1023. */
function pow2n(e: number): number {
  W[0] = 0;
  W[1] = (e + 1023) << 20;
  return F64[0]!;
}

/** x · 2^e, exact whenever the result is representable (and no intermediate underflows). */
export function scaleB(x: number, e: number): number {
  while (e > 1000) {
    x *= 1.0715086071862673e301; // 2^1000
    e -= 1000;
  }
  while (e < -1000) {
    x *= 9.332636185032189e-302; // 2^-1000
    e += 1000;
  }
  return x * pow2n(e);
}

/** True when the normal x > 0 is a power of two. */
function isPow2(x: number): boolean {
  F64[0] = x;
  return W[0] === 0 && (W[1]! & 0xfffff) === 0;
}

/** Flags accumulated by the last operation; callers OR them into FPSR. */
export const env = { flags: 0, fz: false };

/**
 * Rounds a non-negative integer-plus-fraction m = n0 + f + L (see roundPack) … helper that
 * picks between `down` and `down + 1`. cmp is the sign of (fraction − ½).
 */
function pick(down: number, cmp: number, neg: boolean, mode: number): number {
  switch (mode) {
    case RM_TIEEVEN:
      return cmp < 0 ? down : cmp > 0 ? down + 1 : down % 2 === 0 ? down : down + 1;
    case RM_POSINF:
      return neg ? down : down + 1;
    case RM_NEGINF:
      return neg ? down + 1 : down;
    case RM_ZERO:
      return down;
    case RM_TIEAWAY:
      return cmp < 0 ? down : down + 1;
    default:
      return down % 2 === 1 ? down : down + 1;
  }
}

/** Set by roundInt: whether the last rounding was inexact. */
export let lastInexact = false;

/**
 * Rounds (H + L) to an integer, where H ≥ 0 and |L| < ulp(H) (or L = 0), so the fraction
 * comparisons are exact. Returns the rounded magnitude.
 */
function roundHL(H: number, L: number, neg: boolean, mode: number): number {
  const n0 = Math.floor(H);
  const f = H - n0;
  if (f === 0) {
    if (L === 0) {
      lastInexact = false;
      return n0;
    }
    lastInexact = true;
    if (L > 0) return pick(n0, L < 0.5 ? -1 : L > 0.5 ? 1 : 0, neg, mode);
    return pick(n0 - 1, L > -0.5 ? 1 : L < -0.5 ? -1 : 0, neg, mode);
  }
  lastInexact = true;
  return pick(n0, f < 0.5 ? -1 : f > 0.5 ? 1 : L > 0 ? 1 : L < 0 ? -1 : 0, neg, mode);
}

/** Rounds the double x to an integral value (FRINT*, float→int); sets lastInexact. */
export function roundInt(x: number, mode: number): number {
  const neg = x < 0 || (x === 0 && 1 / x < 0);
  const m = neg ? -x : x;
  if (m >= 4503599627370496) {
    lastInexact = false;
    return x;
  }
  const r = roundHL(m, 0, neg, mode);
  return neg ? -r : r;
}

/** Largest finite value of each format. */
const MAXV = [65504, 3.4028234663852886e38, 1.7976931348623157e308];

/**
 * Rounds x = (hi + lo) · 2^k (hi > 0, |lo| < ulp(hi)) to format `fmt`, returning the signed
 * result as a double (±0, subnormal, normal or ±∞), and ORs the flags into env.flags.
 */
export function roundPack(
  fmt: number,
  mode: number,
  neg: boolean,
  hi: number,
  lo: number,
  k: number,
): number {
  const p = PREC[fmt]!;
  const emin = EMIN[fmt]!;
  let e = expOf(hi);
  if (lo < 0 && isPow2(hi)) e--;
  const E = e + k;
  const tiny = E < emin;
  if (tiny && env.fz) {
    env.flags |= UFC;
    return neg ? -0 : 0;
  }
  const qe = (tiny ? emin : E) - p + 1;
  let n: number;
  if (E < qe - 2) {
    lastInexact = true;
    n = pick(0, -1, neg, mode);
  } else {
    let L = scaleB(lo, k - qe);
    // only L's sign and its comparison with ±½ matter: keep it non-zero if it underflowed
    if (L === 0 && lo !== 0) L = lo > 0 ? 5e-324 : -5e-324;
    n = roundHL(scaleB(hi, k - qe), L, neg, mode);
  }
  const inexact = lastInexact;
  if (inexact) env.flags |= tiny ? IXC | UFC : IXC;
  if (!tiny) {
    const er = n >= 2 ** p ? E + 1 : E;
    if (er > EMAX[fmt]!) {
      env.flags |= OFC | IXC;
      const toInf =
        mode === RM_TIEEVEN ||
        mode === RM_TIEAWAY ||
        (mode === RM_POSINF && !neg) ||
        (mode === RM_NEGINF && neg);
      const v = toInf ? Infinity : MAXV[fmt]!;
      return neg ? -v : v;
    }
  }
  const v = scaleB(n, qe);
  return neg ? -v : v;
}
