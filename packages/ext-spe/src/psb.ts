import { pattern, token, type Cpu, type InsnPattern } from '@hypsim/core';
import { FEAT_SPE } from './registers.js';

/**
 * Per-CPU SPE state. This slice holds only what PSB CSYNC needs; the sampler and buffer
 * (next slice) add the interval counter, in-flight records and pending writes here.
 */
export class SpeState {
  /** PSB CSYNCs executed (a visible effect for tests until the buffer exists). */
  psbCount = 0;
  /**
   * Makes completed records visible. The buffer code installs its flush here; it is a
   * field, not a subclass hook, so the decode-table handler never changes.
   */
  flush: (cpu: Cpu) => void = () => {};

  reset(): void {
    this.psbCount = 0;
  }
}

export const SpeStateToken = token<SpeState>('ext-spe/SpeState');

/**
 * PSB CSYNC: profiling synchronisation barrier. Every record for an operation before it is
 * written to the buffer (and PMBPTR/PMBSR updated) before it completes (spe.md §4). On a
 * CPU without SPE state it does nothing, as the NOP hint it is there.
 */
export function psbCsync(cpu: Cpu): void {
  const st = cpu.tryGet(SpeStateToken);
  if (st === undefined) return;
  st.psbCount++;
  st.flush(cpu);
}

/** 0xD503223F = HINT #17 (CRm=0b0010, op2=0b001). */
export const PSB_CSYNC_WORD = 0xd503223f;

/**
 * PSB CSYNC as one exact encoding above the core's HINT pattern (which treats unallocated
 * hints as NOP): a higher priority wins, and CPUs without FEAT_SPE fall through to the core
 * HINT, i.e. a NOP, as the architecture specifies.
 */
export const PSB_CSYNC: InsnPattern<unknown> = pattern<unknown>({
  name: 'PSB_CSYNC',
  pattern: '11010101000000110010 0010 001 11111',
  feature: FEAT_SPE,
  exec: (cpu) => psbCsync(cpu),
});
