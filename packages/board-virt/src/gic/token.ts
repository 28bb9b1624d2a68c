import { token, type Cpu } from '@hypsim/core';
import type { Gicv3 } from './gic.js';

/** Per-CPU link from a PE to the board's GIC (attached at realize). */
export const GicToken = token<Gicv3>('board-virt.Gicv3');

export function gicOf(cpu: Cpu): Gicv3 {
  return cpu.get(GicToken);
}

/** Writes a 32-bit value as the low half of a system-register read. */
export function out32(out: Int32Array, v: number): void {
  out[0] = v | 0;
  out[1] = 0;
}
