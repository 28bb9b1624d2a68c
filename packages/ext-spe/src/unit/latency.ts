import type { CostModel } from '@hypsim/core';
import { COUNTER_MAX } from '../registers.js';
import type { LatencyClass } from './classify.js';

/**
 * The deterministic latency model behind the Counter packets (spe.md §6.3). hypsim has no
 * pipeline, so the values are a documented model, never chance:
 *
 * - issue latency (dispatch → issue): 1 cycle for every operation;
 * - execution: per latency class — ALU 1, multiply 3, divide 12, scalar FP 4, Advanced SIMD 3,
 *   branch 1, load 4 (an L1 hit), store 1, atomic 8; system-register reads/writes, barriers,
 *   exception entry and ERET cost what the machine's cost model says (`sysreg.read.el1`,
 *   `sysreg.write.el1`, `dsb`, `tlbi`, `exception.entry`, `exception.return`), so a cost model
 *   override changes the profile the same way it changes the accounting;
 * - translation latency (loads and stores): 0 with translation off, 1 on a TLB hit, 20 for a
 *   stage-1 walk and 20 more when stage 2 is on (a walk = the access missed the software TLB);
 * - total = issue + execution + translation, all saturating at the 12-bit counter maximum
 *   (PMSIDR_EL1.CountSize = 0b0010).
 */
export const ISSUE_CYCLES = 1;
export const WALK_CYCLES = 20;
const FIXED: Partial<Record<LatencyClass, number>> = {
  alu: 1,
  mul: 3,
  div: 12,
  fp: 4,
  simd: 3,
  branch: 1,
  load: 4,
  store: 1,
  atomic: 8,
};
const FROM_COST_MODEL: Partial<Record<LatencyClass, string>> = {
  'sysreg-read': 'sysreg.read.el1',
  'sysreg-write': 'sysreg.write.el1',
  barrier: 'dsb',
  'sys-op': 'tlbi',
  exception: 'exception.entry',
  eret: 'exception.return',
};

export interface Latencies {
  total: number;
  issue: number;
  translation: number;
}

const sat = (v: number): number => Math.min(COUNTER_MAX, Math.max(0, Math.round(v)));

export function executionCycles(cls: LatencyClass, costs: CostModel | undefined): number {
  const fixed = FIXED[cls];
  if (fixed !== undefined) return fixed;
  const op = FROM_COST_MODEL[cls]!;
  return costs !== undefined ? costs.cost(op) : 1;
}

/**
 * `translation`: 'off' (no stage on), 'hit', 'walk' (stage 1 or stage 2 only), 'walk2' (both
 * stages); undefined for operations without a data access.
 */
export function latencies(
  cls: LatencyClass,
  translation: 'off' | 'hit' | 'walk' | 'walk2' | undefined,
  costs: CostModel | undefined,
): Latencies {
  const t =
    translation === undefined || translation === 'off'
      ? 0
      : translation === 'hit'
        ? 1
        : translation === 'walk'
          ? WALK_CYCLES
          : 2 * WALK_CYCLES;
  const issue = ISSUE_CYCLES;
  return {
    issue: sat(issue),
    translation: sat(t),
    total: sat(issue + executionCycles(cls, costs) + t),
  };
}
