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

/** Element size in bits → the value of an 8/16/32-bit element as a signed number. */
export function sx(v: number, bits: number): number {
  const s = 32 - bits;
  return (v << s) >> s;
}

/** Element size in bits → the value as an unsigned number. */
export function ux(v: number, bits: number): number {
  return bits === 32 ? v >>> 0 : v & ((1 << bits) - 1);
}
