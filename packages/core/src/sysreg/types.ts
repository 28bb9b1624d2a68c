import type { Cpu } from '../cpu/cpu.js';

/** (op0, op1, CRn, CRm, op2) as in the Arm ARM and in MRS/MSR encodings. */
export type Encoding = readonly [op0: number, op1: number, crn: number, crm: number, op2: number];

export interface SysRegField {
  name: string;
  lsb: number;
  width: number;
}

export type AccessDir = 'read' | 'write';

/** Where a trapped access goes, and with which syndrome. Default: EC 0x18 with the MSR/MRS ISS. */
export interface TrapTarget {
  to: 1 | 2;
  ec?: number;
  /** ISS for classes other than 0x18 (e.g. EC 0x07 uses a fixed ISS). */
  iss?: number;
}

/**
 * A trap rule. The declarative form names a control bit (`'HCR_EL2.TVM'`); the function form
 * covers multi-bit controls (CPACR.FPEN, CPTR_EL2.ZEN with E2H) and EL-dependent cases.
 * Rules are checked in order: list them in the architecture's priority order
 * (traps to EL1 before traps to EL2).
 */
export type TrapRule =
  | {
      control: string;
      /** Trap when the control bit is clear instead of set (e.g. HCR_EL2.API). */
      whenClear?: boolean;
      on: AccessDir | 'rw';
      /** ELs whose accesses trap. Default: EL0 and EL1. */
      from?: readonly number[];
      to: 1 | 2;
    }
  | {
      check: (cpu: Cpu, dir: AccessDir) => TrapTarget | undefined;
      /** For documentation and error messages. */
      describe: string;
    };

export interface SysRegDef {
  /** Arm's name, verbatim: `SCTLR_EL1`. */
  name: string;
  encoding: Encoding;
  /** Lowest EL that may access it; below that it is UNDEFINED. */
  minEL: 0 | 1 | 2;
  /** Default 'rw'. A write to 'ro' or a read of 'wo' is UNDEFINED. */
  access?: 'rw' | 'ro' | 'wo';
  /** Reset value (default 0). A function computes it per CPU (ID registers, MPIDR). */
  reset?: bigint | ((cpu: Cpu) => bigint);
  /** Bits that writes change; the others keep their reset value (RES0/RES1). Default all. */
  writeMask?: bigint;
  fields?: readonly SysRegField[];
  /** The register exists only on CPUs with this feature (otherwise UNDEFINED). */
  feature?: string;
  /**
   * VHE: at EL2 with HCR_EL2.E2H=1 an access to this (EL1 or EL0) name reaches the named EL2
   * register, and the `_EL12` (`_EL02` for EL0 names) alias with op1=5 reaches this register.
   * The alias is generated from this one declaration.
   */
  e2hRedirect?: string;
  traps?: readonly TrapRule[];
  /**
   * Extra UNDEFINED conditions beyond `minEL`/`access` (e.g. SP_EL0 while PSTATE.SP=0,
   * TPIDRRO_EL0 written at EL0). Returns false when the access is UNDEFINED.
   */
  accessible?: (cpu: Cpu, dir: AccessDir) => boolean;
  /** Cost-model group (default: derived from the name, e.g. 'el1', 'el2', 'id'). */
  group?: string;
  /** Custom behaviour; `out[0]`/`out[1]` receive the low/high halves. */
  read?: (cpu: Cpu, out: Int32Array) => void;
  /** Custom behaviour; receives the value after the write mask was applied to the old value. */
  write?: (cpu: Cpu, lo: number, hi: number) => void;
}

/** Thrown by the TypeScript API when an access would be UNDEFINED or trap at the CPU's EL. */
export class SysRegAccessError extends Error {
  constructor(
    message: string,
    readonly reason: 'undefined' | 'trap',
  ) {
    super(message);
    this.name = 'SysRegAccessError';
  }
}

export function encodingKey(
  op0: number,
  op1: number,
  crn: number,
  crm: number,
  op2: number,
): number {
  return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
}

export function formatEncoding(e: Encoding): string {
  return `(op0=${e[0]}, op1=${e[1]}, CRn=${e[2]}, CRm=${e[3]}, op2=${e[4]})`;
}
