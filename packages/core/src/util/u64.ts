/**
 * 64-bit values on the hot path are pairs of 32-bit halves (see
 * docs/decisions/0001-register-representation.md). These helpers convert at API edges,
 * where BigInt is fine.
 */

export const TWO32 = 4294967296;
const MASK64 = (1n << 64n) - 1n;

/** Low 32 bits of a 64-bit value, as a signed int32 (the form stored in Int32Array). */
export function lo32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** High 32 bits of a 64-bit value, as a signed int32. */
export function hi32(v: bigint): number {
  return Number(BigInt.asIntN(32, v >> 32n));
}

/** Joins two halves (either signedness) into an unsigned 64-bit BigInt. */
export function join64(lo: number, hi: number): bigint {
  return ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) & MASK64;
}

/** Normalises any BigInt (negative or wide) to its unsigned 64-bit value. */
export function u64(v: bigint): bigint {
  return BigInt.asUintN(64, v);
}

/** An unsigned 64-bit value as a number, exact only below 2^53 (physical addresses). */
export function pairToNumber(lo: number, hi: number): number {
  return (hi >>> 0) * TWO32 + (lo >>> 0);
}

/** `0x`-prefixed, 16-digit lowercase hex. */
export function hex64(v: bigint): string {
  return `0x${u64(v).toString(16).padStart(16, '0')}`;
}

/** Bits [lsb+width-1 : lsb] of v. */
export function field(v: bigint, lsb: number, width: number): bigint {
  return (v >> BigInt(lsb)) & ((1n << BigInt(width)) - 1n);
}

/** v with bits [lsb+width-1 : lsb] replaced by f. */
export function withField(v: bigint, lsb: number, width: number, f: bigint): bigint {
  const m = ((1n << BigInt(width)) - 1n) << BigInt(lsb);
  return u64((v & ~m) | ((f << BigInt(lsb)) & m));
}
