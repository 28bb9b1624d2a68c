import type { FpState } from '../state.js';

/**
 * Scratch vectors for the AdvSIMD handlers. Operands are copied in (so Vd may alias Vn/Vm),
 * the result is built in R and written back with writeV/writeD (clearing SVE's upper bits).
 * Each buffer is 32 bytes so a pairwise operation can hold Vn:Vm. Nothing here allocates.
 */
export class Buf {
  readonly i32 = new Int32Array(8);
  readonly u32 = new Uint32Array(this.i32.buffer);
  readonly i16 = new Int16Array(this.i32.buffer);
  readonly u16 = new Uint16Array(this.i32.buffer);
  readonly i8 = new Int8Array(this.i32.buffer);
  readonly u8 = new Uint8Array(this.i32.buffer);

  /** Lane i of size 8 << es, signed or not, as a number (64-bit lanes: exact below 2^53). */
  get(es: number, signed: boolean, i: number): number {
    switch (es) {
      case 0:
        return signed ? this.i8[i]! : this.u8[i]!;
      case 1:
        return signed ? this.i16[i]! : this.u16[i]!;
      case 2:
        return signed ? this.i32[i]! : this.u32[i]!;
      default:
        return (
          (signed ? this.i32[2 * i + 1]! : this.u32[2 * i + 1]!) * 4294967296 + this.u32[2 * i]!
        );
    }
  }

  /** Writes lane i from an exact integer (truncated modulo the lane size). */
  set(es: number, i: number, v: number): void {
    switch (es) {
      case 0:
        this.i8[i] = v;
        return;
      case 1:
        this.i16[i] = v;
        return;
      case 2:
        this.i32[i] = v;
        return;
      default:
        this.i32[2 * i] = v;
        this.i32[2 * i + 1] = Math.floor(v / 4294967296);
    }
  }

  /** Lane i as a 64-bit pair: low half returned (int32), high half in PAIR_HI. */
  getPair(es: number, signed: boolean, i: number): number {
    if (es === 3) {
      pairHi = this.i32[2 * i + 1]!;
      return this.i32[2 * i]!;
    }
    const v = this.get(es, signed, i);
    pairHi = v < 0 ? -1 : 0;
    return v | 0;
  }

  setPair(es: number, i: number, lo: number, hi: number): void {
    if (es === 3) {
      this.i32[2 * i] = lo;
      this.i32[2 * i + 1] = hi;
    } else this.set(es, i, lo | 0);
  }

  load(s: FpState, n: number, at = 0): void {
    const z = s.z;
    const b = s.base(n);
    const w = this.i32;
    w[at] = z[b]!;
    w[at + 1] = z[b + 1]!;
    w[at + 2] = z[b + 2]!;
    w[at + 3] = z[b + 3]!;
  }

  clear(): void {
    this.i32.fill(0);
  }
}

/** High half of the last getPair. */
export let pairHi = 0;

export const A = new Buf();
export const B = new Buf();
export const D = new Buf();
export const R = new Buf();

/** Writes R to Vd: all 128 bits, or the low 64 with the rest zeroed. */
export function storeR(s: FpState, d: number, q: boolean): void {
  const w = R.i32;
  if (q) s.writeV(d, w[0]!, w[1]!, w[2]!, w[3]!);
  else s.writeD(d, w[0]!, w[1]!);
}

export const QC = 1 << 27;

export const TWO32 = 4294967296;

// ---- 64-bit pair arithmetic (results: low half returned, high half in `hi64`) ---------------------

export let hi64 = 0;

export function setHi(v: number): void {
  hi64 = v;
}

export function add64(al: number, ah: number, bl: number, bh: number): number {
  const s = (al >>> 0) + (bl >>> 0);
  hi64 = (ah + bh + (s > 0xffffffff ? 1 : 0)) | 0;
  return s | 0;
}

export function sub64(al: number, ah: number, bl: number, bh: number): number {
  const s = (al >>> 0) - (bl >>> 0);
  hi64 = (ah - bh - (s < 0 ? 1 : 0)) | 0;
  return s | 0;
}

export function neg64(al: number, ah: number): number {
  return sub64(0, 0, al, ah);
}

/** Signed compare: -1, 0, 1. */
export function cmpS64(al: number, ah: number, bl: number, bh: number): number {
  if (ah !== bh) return ah < bh ? -1 : 1;
  const x = al >>> 0;
  const y = bl >>> 0;
  return x === y ? 0 : x < y ? -1 : 1;
}

export function cmpU64(al: number, ah: number, bl: number, bh: number): number {
  const xh = ah >>> 0;
  const yh = bh >>> 0;
  if (xh !== yh) return xh < yh ? -1 : 1;
  const x = al >>> 0;
  const y = bl >>> 0;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Logical left shift by 0..63 (larger: 0). */
export function shl64(l: number, h: number, n: number): number {
  if (n >= 64) {
    hi64 = 0;
    return 0;
  }
  if (n === 0) {
    hi64 = h;
    return l;
  }
  if (n >= 32) {
    hi64 = l << (n - 32);
    return 0;
  }
  hi64 = (h << n) | (l >>> (32 - n));
  return l << n;
}

/** Right shift by 0..∞, arithmetic or logical. */
export function shr64(l: number, h: number, n: number, signed: boolean): number {
  if (n >= 64) {
    const f = signed ? h >> 31 : 0;
    hi64 = f;
    return f;
  }
  if (n === 0) {
    hi64 = h;
    return l;
  }
  if (n >= 32) {
    hi64 = signed ? h >> 31 : 0;
    return signed ? h >> (n - 32) : (h >>> (n - 32)) | 0;
  }
  hi64 = signed ? h >> n : (h >>> n) | 0;
  return (l >>> n) | (h << (32 - n));
}

/**
 * Rounding right shift by 1..∞: (x + 2^(n-1)) >> n, computed without overflow as
 * (x >> n) + bit n-1 of x.
 */
export function rshr64(l: number, h: number, n: number, signed: boolean): number {
  if (n === 0) {
    hi64 = h;
    return l;
  }
  if (n > 64) {
    hi64 = 0;
    return 0;
  }
  let bit: number;
  if (n <= 32) bit = (l >>> (n - 1)) & 1;
  else bit = (h >>> (n - 33)) & 1;
  const rl = shr64(l, h, n, signed);
  return add64(rl, hi64, bit, 0);
}

/** 32×32 → 64 multiply (signed or unsigned inputs as numbers). */
export function mul32(a: number, b: number): number {
  const lo = Math.imul(a, b);
  hi64 = Math.round((a * b - (lo >>> 0)) / TWO32) | 0;
  return lo;
}
