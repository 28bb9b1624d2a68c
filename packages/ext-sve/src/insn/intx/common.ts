import type { Cpu } from '@hypsim/core';
import { checkSveAccess } from '../../traps.js';
import { syncVq } from '../../vl.js';

/** Access check, then the effective VQ (VL / 128). */
export function prep(cpu: Cpu): number {
  checkSveAccess(cpu);
  return syncVq(cpu);
}

/** Predicate bits of the element-size-2^esz lanes within one 16-bit granule. */
export const EMASK = [0xffff, 0x5555, 0x1111, 0x0101] as const;

/** Scratch for results built before they are written (sources may alias the destination). */
export const SCRATCH8 = new Uint8Array(512);
export const SCRATCH16 = new Uint16Array(32);

/** Copies the q halfwords of SCRATCH16 to the predicate at halfword offset db of p. */
export function storeScratch16(p: Uint16Array, db: number, q: number): void {
  for (let h = 0; h < q; h++) p[db + h] = SCRATCH16[h]!;
}

/** Element size in bits → the value of an 8/16/32-bit element as a signed number. */
export function sx(v: number, bits: number): number {
  const s = 32 - bits;
  return (v << s) >> s;
}

/** Element size in bits → the value as an unsigned number. */
export function ux(v: number, bits: number): number {
  return bits === 32 ? v >>> 0 : v & ((1 << bits) - 1);
}

/** The interleaving permutes (ZIP1/2, UZP1/2, TRN1/2) of vectors and of predicates. */
export const ZIP1 = 0;
export const ZIP2 = 1;
export const UZP1 = 2;
export const UZP2 = 3;
export const TRN1 = 4;
export const TRN2 = 5;
export const INTERLEAVE_NAMES = ['ZIP1', 'ZIP2', 'UZP1', 'UZP2', 'TRN1', 'TRN2'] as const;

/**
 * Source of result element e of an interleaving permute of two registers of `count` elements:
 * j < count is element j of the first operand, j >= count element j - count of the second.
 */
export function interleaveSource(op: number, e: number, count: number): number {
  const second = e & 1 ? count : 0;
  switch (op) {
    case ZIP1:
      return second + (e >> 1);
    case ZIP2:
      return second + (count >> 1) + (e >> 1);
    case UZP1:
      return 2 * e;
    case UZP2:
      return 2 * e + 1;
    case TRN1:
      return second + (e & ~1);
    default:
      return second + (e & ~1) + 1;
  }
}
