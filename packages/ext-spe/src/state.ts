import {
  token,
  type AddressTranslator,
  type CostModel,
  type Cpu,
  type InsnSampler,
  type InterruptController,
  type Prng,
  type SysReg,
} from '@hypsim/core';
import type { SpeOptions } from './options.js';

/** The operation a record describes, as the sampler saw it (SpeState.onRecord). */
export interface SampledOp {
  pc: bigint;
  el: number;
  insn: number;
  /** First data access: VA, and PA when it translated. */
  dataVa: bigint | undefined;
  dataPa: bigint | undefined;
  /** Taken branch: where it went. */
  branchTarget: bigint | undefined;
  events: bigint;
  total: number;
  /** The instruction unwound with a synchronous exception. */
  exception: boolean;
}

/** A record the `unordered` write-order policy has placed in the buffer but not yet written. */
export interface PendingRecord {
  /** The VA (in the owning regime) of its first byte. */
  va: bigint;
  bytes: Uint8Array;
}

/** Storage slots (index into `cpu.sys`, low half) of the registers the unit reads. */
export interface SpeSlots {
  PMSCR_EL1: number;
  PMSCR_EL2: number;
  PMSICR_EL1: number;
  PMSIRR_EL1: number;
  PMSFCR_EL1: number;
  PMSEVFR_EL1: number;
  PMSLATFR_EL1: number;
  PMBLIMITR_EL1: number;
  PMBPTR_EL1: number;
  PMBSR_EL1: number;
  CONTEXTIDR_EL1: number;
  /** -1 on a CPU without EL2. */
  MDCR_EL2: number;
  /** -1 when the CPU has no CONTEXTIDR_EL2 (no FEAT_VHE). */
  CONTEXTIDR_EL2: number;
}

/**
 * Per-CPU SPE state: what PSB CSYNC, the sampler and the profiling buffer share. Machine-wide
 * services (PRNG, interrupt controller, cost model, options) are referenced from here so the
 * per-instruction paths never look anything up.
 */
export class SpeState {
  /** PSB CSYNCs executed. */
  psbCount = 0;
  /** Makes completed records visible (the buffer installs its drain here). */
  flush: (cpu: Cpu) => void = () => {};

  // ---- sampler ----
  /** Members of the sample population counted so far (operations while profiling was enabled). */
  ops = 0;
  /** A sample is in flight until `ops` reaches this (collision window, unit/sampler.ts). */
  busyUntil = 0;
  /** Set by `enter` for the stretch in progress: whether it counts, PMSICR.COUNT at its start. */
  counting = false;
  countAtEnter = 0;
  /** The selected operation, captured before it runs. */
  selPcLo = 0;
  selPcHi = 0;
  selEl = 0;
  selInsn = 0;
  selTlbMisses = 0;
  /** The CPU's translator while a selected operation runs behind the recording one. */
  savedTranslator: AddressTranslator | undefined;
  /**
   * Observer of every record handed to the buffer (after the filters), with the operation it
   * describes: for tests (the round trip) and tools. Not called for filtered or colliding
   * samples.
   */
  onRecord: ((op: SampledOp, bytes: Uint8Array) => void) | undefined;
  /** The CPU's sampler; in `cpu.sampler` while PMBLIMITR_EL1.E = 1 (registers.ts). */
  sampler: InsnSampler | undefined;
  /** Counters for tests and `--stats`-style reporting. */
  readonly stats = { selected: 0, collisions: 0, filtered: 0, written: 0, discarded: 0 };

  // ---- buffer ----
  readonly pending: PendingRecord[] = [];
  /** `unordered`: drain when this many records are pending (redrawn from the PRNG each time). */
  drainAt = 1;
  /** Current level of the buffer management interrupt (PMBIRQ). */
  irqLevel = false;

  constructor(
    readonly slots: SpeSlots,
    readonly options: SpeOptions,
    readonly prng: Prng,
    readonly costs: CostModel | undefined,
    /** Finds the board's interrupt controller (registered at the board's realize, any order). */
    private readonly findIrq: () => InterruptController | undefined,
    /** CNTPCT_EL0 / CNTVCT_EL0 of the board, when it has a generic timer. */
    readonly cntpct: SysReg | undefined,
    readonly cntvct: SysReg | undefined,
  ) {}

  private irqCtl: InterruptController | undefined;
  /** The interrupt controller PMBIRQ goes to, or undefined on a machine without one. */
  get irq(): InterruptController | undefined {
    return (this.irqCtl ??= this.findIrq());
  }

  reset(): void {
    this.psbCount = 0;
    this.ops = 0;
    this.busyUntil = 0;
    this.counting = false;
    this.pending.length = 0;
    this.drainAt = 1;
    this.irqLevel = false;
    this.savedTranslator = undefined;
    for (const k of Object.keys(this.stats) as (keyof SpeState['stats'])[]) this.stats[k] = 0;
  }
}

export const SpeStateToken = token<SpeState>('ext-spe/SpeState');

export function speSlots(cpu: Cpu): SpeSlots {
  const r = cpu.registry;
  const s = (n: string): number => {
    const reg = r.get(n);
    return reg === undefined || cpu.present[reg.index] === 0 ? -1 : 2 * reg.index;
  };
  return {
    PMSCR_EL1: s('PMSCR_EL1'),
    PMSCR_EL2: s('PMSCR_EL2'),
    PMSICR_EL1: s('PMSICR_EL1'),
    PMSIRR_EL1: s('PMSIRR_EL1'),
    PMSFCR_EL1: s('PMSFCR_EL1'),
    PMSEVFR_EL1: s('PMSEVFR_EL1'),
    PMSLATFR_EL1: s('PMSLATFR_EL1'),
    PMBLIMITR_EL1: s('PMBLIMITR_EL1'),
    PMBPTR_EL1: s('PMBPTR_EL1'),
    PMBSR_EL1: s('PMBSR_EL1'),
    CONTEXTIDR_EL1: s('CONTEXTIDR_EL1'),
    MDCR_EL2: cpu.hasEL2 ? s('MDCR_EL2') : -1,
    CONTEXTIDR_EL2: s('CONTEXTIDR_EL2'),
  };
}
