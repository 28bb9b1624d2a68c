import type { Cpu } from '@hypsim/core';
import { fpBegin, fpEnv, fpState, FMT_D, FMT_H, FMT_S } from '@hypsim/ext-fpsimd';
import { checkSveAccess } from '../../traps.js';
import { syncVq } from '../../vl.js';
import type { Views } from '../elements.js';

/**
 * What every SVE floating-point handler shares: the FPCR set-up per instruction (half-precision
 * elements use FPCR.FZ16 for flushing, as QEMU's fp_status_f16 does, and flush inputs without
 * IDC), and element reads/writes as (lo, hi) 32-bit words, which is how ext-fpsimd's IEEE
 * library takes its operands (half and single use lo only).
 */

/** esz → ext-fpsimd format (esz 0 has no FP format). */
export const FMTS = [-1, FMT_H, FMT_S, FMT_D] as const;

/** High word of the last element read by rd. */
export const EH = new Int32Array(1);

/** FZ16 flushing of half-precision inputs for the current instruction. */
let flushH = false;

/**
 * SVE access check, FPCR into the IEEE environment (flags cleared) and the effective VQ. `esz`
 * is the size of the floating-point operands (1 = half: FZ16 replaces FZ).
 */
export function fpPrep(cpu: Cpu, esz: number): number {
  checkSveAccess(cpu);
  const fp = fpState(cpu);
  fpBegin(fp);
  flushH = false;
  if (esz === 1) {
    const fz16 = (fp.fpcr & (1 << 19)) !== 0;
    fpEnv.fz = fz16;
    flushH = fz16;
  }
  return syncVq(cpu);
}

/** Access check and VQ for handlers that do no arithmetic (no FPCR use). */
export function plainPrep(cpu: Cpu): number {
  checkSveAccess(cpu);
  flushH = false;
  return syncVq(cpu);
}

/** Element e of the register at word base wb: returns the low word, EH[0] = the high word. */
export function rd(v: Views, wb: number, e: number, esz: number): number {
  if (esz === 3) {
    EH[0] = v.i32[wb + 2 * e + 1]!;
    return v.i32[wb + 2 * e]!;
  }
  EH[0] = 0;
  if (esz === 2) return v.i32[wb + e]!;
  const h = v.u16[2 * wb + e]!;
  return flushH && (h & 0x7c00) === 0 ? h & 0x8000 : h;
}

/** A half-precision pattern as rd would flush it (halves read from wider containers). */
export function flushHalf(h: number): number {
  return flushH && (h & 0x7c00) === 0 ? h & 0x8000 : h;
}

/** Element e without FZ16 flushing (integer operands: FSCALE, SCVTF/UCVTF). */
export function rdRaw(v: Views, wb: number, e: number, esz: number): number {
  if (esz !== 1) return rd(v, wb, e, esz);
  EH[0] = 0;
  return v.u16[2 * wb + e]!;
}

/** Writes element e of the register at word base wb. */
export function wr(v: Views, wb: number, e: number, esz: number, lo: number, hi: number): void {
  if (esz === 3) {
    v.i32[wb + 2 * e] = lo;
    v.i32[wb + 2 * e + 1] = hi;
  } else if (esz === 2) v.i32[wb + e] = lo;
  else v.u16[2 * wb + e] = lo;
}

/** Sign bit of an element as (lo, hi) masks. */
export const SIGN_LO = [0, 0x8000, 0x80000000 | 0, 0] as const;
export const SIGN_HI = [0, 0, 0, 0x80000000 | 0] as const;

/** Bit patterns (lo, hi) of 0.0, 0.5, 1.0, 2.0 per esz. */
export function constBits(esz: number, v: number): [number, number] {
  if (esz === 1) return [v === 0 ? 0 : v === 0.5 ? 0x3800 : v === 1 ? 0x3c00 : 0x4000, 0];
  if (esz === 2)
    return [v === 0 ? 0 : v === 0.5 ? 0x3f000000 : v === 1 ? 0x3f800000 : 0x40000000, 0];
  return [0, v === 0 ? 0 : v === 0.5 ? 0x3fe00000 : v === 1 ? 0x3ff00000 : 0x40000000];
}
