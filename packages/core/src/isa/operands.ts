import { SLOT_SINK, SLOT_ZR } from '../cpu/cpu.js';

/**
 * Register operands are decoded once into indices of `cpu.gpr` (slot × 2: the low half; the
 * high half is at index + 1). Register number 31 means XZR or SP depending on the operand,
 * and that choice is made here, at decode time, never in a handler.
 */

/** Source operand where 31 is XZR (reads as zero). */
export function rz(n: number): number {
  return 2 * (n === 31 ? SLOT_ZR : n);
}

/** Destination operand where 31 is XZR (the write is discarded). */
export function wz(n: number): number {
  return 2 * (n === 31 ? SLOT_SINK : n);
}

/** Operand where 31 is the current SP (source or destination). */
export function rsp(n: number): number {
  return 2 * n;
}

/** Sign-extends the low `bits` bits of v (bits <= 32). */
export function sext(v: number, bits: number): number {
  const s = 32 - bits;
  return (v << s) >> s;
}
