import type { Cpu } from '../cpu/cpu.js';
import type { StopReason } from '../run/stop.js';

/** Why the CPU changed exception level. */
export type ExceptionKind = 'sync' | 'irq' | 'fiq' | 'serror';

export interface ExceptionEvent {
  cpu: Cpu;
  kind: ExceptionKind;
  fromEL: number;
  toEL: number;
  /** ESR_ELx.EC (synchronous and SError only; -1 for interrupts). */
  ec: number;
  iss: number;
  /** Preferred return address written to ELR_ELx. */
  elr: bigint;
}

export interface EretEvent {
  cpu: Cpu;
  fromEL: number;
  toEL: number;
  /** An illegal exception return: PSTATE.IL set, EL unchanged. */
  illegal: boolean;
}

export interface SysregEvent {
  cpu: Cpu;
  /** The register actually reached (after E2H redirection). */
  name: string;
  /** The name the access used (differs from `name` when redirected or aliased). */
  via: string;
  op: 'read' | 'write';
  el: number;
  /** Cost-model group of the register. */
  group: string;
  /** 'insn' for MRS/MSR, 'api' for TypeScript accesses through cpu.sysreg. */
  source: 'insn' | 'api';
}

export interface InsnEvent {
  cpu: Cpu;
  pc: bigint;
  insn: number;
}

export interface CostEvent {
  cpu: Cpu;
  /** Operation class in the cost model (e.g. 'tlbi', 'bytes.saved'). */
  op: string;
  count: number;
}

/**
 * Events the core emits. Plugins extend the map by declaration merging on this interface
 * (`declare module '@hypsim/core' { interface CoreEvents { ... } }`) and list their event
 * names in their manifest.
 */
export interface CoreEvents {
  exception: ExceptionEvent;
  eret: EretEvent;
  sysreg: SysregEvent;
  /** Instruction-level hook: emitted before each instruction, only while subscribed. */
  insn: InsnEvent;
  cost: CostEvent;
  reset: { cpu: Cpu };
  stop: { reason: StopReason };
  /** A listener threw; the error is also returned as the run's stop reason. */
  listenerError: { event: string; error: unknown };
}
