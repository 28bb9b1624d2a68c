import { pattern, type Cpu, type InsnPattern } from '@hypsim/core';
import { SpeStateToken } from './state.js';
import { FEAT_SPE } from './registers.js';

export { SpeState, SpeStateToken } from './state.js';

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
