/**
 * 64-bit element arithmetic on (lo, hi) word pairs, without BigInt: results go to `R`
 * (R[0] = low word, R[1] = high word). Shared by the SVE integer files in this folder.
 */

export const R = new Int32Array(2);

const TWO32 = 4294967296;
const INV_TWO32 = 1 / TWO32;

export function set64(lo: number, hi: number): void {
  R[0] = lo;
  R[1] = hi;
}

/** Three-way compare: -1, 0 or 1; `signed` selects the interpretation. */
export function cmp64(al: number, ah: number, bl: number, bh: number, signed: boolean): number {
  const x = signed ? ah | 0 : ah >>> 0;
  const y = signed ? bh | 0 : bh >>> 0;
  if (x !== y) return x < y ? -1 : 1;
  const l = al >>> 0;
  const m = bl >>> 0;
  return l === m ? 0 : l < m ? -1 : 1;
}

export function add64(al: number, ah: number, bl: number, bh: number): void {
  const s = (al >>> 0) + (bl >>> 0);
  R[0] = s | 0;
  R[1] = (ah + bh + (s >= TWO32 ? 1 : 0)) | 0;
}

export function sub64(al: number, ah: number, bl: number, bh: number): void {
  const s = (al >>> 0) - (bl >>> 0);
  R[0] = s | 0;
  R[1] = (ah - bh - (s < 0 ? 1 : 0)) | 0;
}

/** High 32 bits of the unsigned 32×32 product (exact: see core's mulhu32). */
function mulhu32(a: number, b: number): number {
  const p = (a >>> 0) * (b >>> 0);
  return Math.round((p - (Math.imul(a, b) >>> 0)) * INV_TWO32) | 0;
}

/** Low 64 bits of the product. */
export function mul64(al: number, ah: number, bl: number, bh: number): void {
  const hi = (mulhu32(al, bl) + Math.imul(al, bh) + Math.imul(ah, bl)) | 0;
  R[0] = Math.imul(al, bl);
  R[1] = hi;
}

/** High 64 bits of the 128-bit product, unsigned or signed. */
export function mulh64(al: number, ah: number, bl: number, bh: number, signed: boolean): void {
  const llHi = mulhu32(al, bl) >>> 0;
  const lhLo = Math.imul(al, bh) >>> 0;
  const lhHi = mulhu32(al, bh) >>> 0;
  const hlLo = Math.imul(ah, bl) >>> 0;
  const hlHi = mulhu32(ah, bl) >>> 0;
  const hhLo = Math.imul(ah, bh) >>> 0;
  const hhHi = mulhu32(ah, bh) >>> 0;
  const w1 = llHi + lhLo + hlLo;
  const w2 = lhHi + hlHi + hhLo + Math.floor(w1 * INV_TWO32);
  let lo = w2 | 0;
  let hi = (hhHi + Math.floor(w2 * INV_TWO32)) | 0;
  if (signed) {
    // signed high = unsigned high - (a < 0 ? b : 0) - (b < 0 ? a : 0)  (mod 2^64)
    if (ah < 0) {
      const l = (lo >>> 0) - (bl >>> 0);
      hi = (hi - bh - (l < 0 ? 1 : 0)) | 0;
      lo = l | 0;
    }
    if (bh < 0) {
      const l = (lo >>> 0) - (al >>> 0);
      hi = (hi - ah - (l < 0 ? 1 : 0)) | 0;
      lo = l | 0;
    }
  }
  R[0] = lo;
  R[1] = hi;
}

export function clz64(lo: number, hi: number): number {
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
}

export function cls64(lo: number, hi: number): number {
  const zHi = hi ^ ((hi << 1) | (lo >>> 31));
  const zLo = (lo ^ (lo << 1)) | 1;
  return clz64(zLo, zHi);
}

export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Unsigned division (x / 0 = 0). */
export function udiv64(nl: number, nh: number, ml: number, mh: number): void {
  const nhu = nh >>> 0;
  const mhu = mh >>> 0;
  if (nhu < 0x200000 && mhu < 0x200000) {
    // Below 2^53 the double quotient's floor is exact.
    const m = mhu * TWO32 + (ml >>> 0);
    const q = m === 0 ? 0 : Math.floor((nhu * TWO32 + (nl >>> 0)) / m);
    R[0] = q | 0;
    R[1] = Math.floor(q * INV_TWO32) | 0;
    return;
  }
  if ((ml | mh) === 0) {
    set64(0, 0);
    return;
  }
  let rl = 0;
  let rh = 0;
  let ql = 0;
  let qh = 0;
  for (let i = 63 - clz64(nl, nh); i >= 0; i--) {
    rh = (rh << 1) | (rl >>> 31);
    rl = (rl << 1) | (i >= 32 ? (nh >>> (i - 32)) & 1 : (nl >>> i) & 1);
    const r = rh >>> 0;
    if (r > mhu || (r === mhu && rl >>> 0 >= ml >>> 0)) {
      const l = (rl >>> 0) - (ml >>> 0);
      rh = (rh - mh - (l < 0 ? 1 : 0)) | 0;
      rl = l | 0;
      if (i >= 32) qh |= 1 << (i - 32);
      else ql |= 1 << i;
    }
  }
  set64(ql, qh);
}

/** Signed division rounding toward zero (x / 0 = 0, INT64_MIN / -1 = INT64_MIN). */
export function sdiv64(nl: number, nh: number, ml: number, mh: number): void {
  const negN = nh < 0;
  const negM = mh < 0;
  if (negN) {
    nh = (~nh + (nl === 0 ? 1 : 0)) | 0;
    nl = -nl | 0;
  }
  if (negM) {
    mh = (~mh + (ml === 0 ? 1 : 0)) | 0;
    ml = -ml | 0;
  }
  udiv64(nl, nh, ml, mh);
  if (negN !== negM) neg64(R[0]!, R[1]!);
}

export function neg64(lo: number, hi: number): void {
  R[1] = (~hi + (lo === 0 ? 1 : 0)) | 0;
  R[0] = -lo | 0;
}

/** Shifts by an unsigned amount (any size; 64 or more gives 0 / the sign). */
export function lsl64(lo: number, hi: number, s: number): void {
  if (s === 0) set64(lo, hi);
  else if (s < 32) set64(lo << s, (hi << s) | (lo >>> (32 - s)));
  else if (s < 64) set64(0, lo << (s - 32));
  else set64(0, 0);
}

export function lsr64(lo: number, hi: number, s: number): void {
  if (s === 0) set64(lo, hi);
  else if (s < 32) set64((lo >>> s) | (hi << (32 - s)), hi >>> s);
  else if (s < 64) set64(hi >>> (s - 32), 0);
  else set64(0, 0);
}

export function asr64(lo: number, hi: number, s: number): void {
  if (s === 0) set64(lo, hi);
  else if (s < 32) set64((lo >>> s) | (hi << (32 - s)), hi >> s);
  else if (s < 64) set64(hi >> (s - 32), hi >> 31);
  else set64(hi >> 31, hi >> 31);
}

/** Unsigned 64-bit value of a (lo, hi) pair as a shift amount, capped at 255. */
export function amount64(lo: number, hi: number): number {
  return hi !== 0 || lo >>> 0 > 255 ? 255 : lo >>> 0;
}
