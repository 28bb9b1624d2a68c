import type { Cpu } from '../cpu/cpu.js';
import { raiseSync, undefinedInstruction } from '../cpu/exception.js';
import { dataAddress } from '../cpu/memory.js';
import { syndrome } from '../cpu/syndrome.js';
import { AccessKind } from '../cpu/translate.js';
import { pattern, type Fields, type InsnPattern } from '../decode/pattern.js';
import { rz } from './operands.js';

/**
 * SYS (op0=1): cache maintenance, address translation and TLB maintenance, as one declarative
 * table of Arm's operation names. The model has no caches, so cache maintenance is a no-op
 * (the decode cache stays coherent by itself); DC ZVA zeroes its block; TLBI and AT go to
 * `cpu.sysOps`, which the MMU replaces (the core's default has no TLB and a flat map).
 */
export type SysOpKind = 'dc-zva' | 'dc' | 'ic' | 'tlbi' | 'at';

export interface SysOpDef {
  /** Arm's name: `DC ZVA`, `TLBI VMALLE1IS`, `AT S1E1R`. */
  name: string;
  op1: number;
  crn: number;
  crm: number;
  op2: number;
  minEL: 0 | 1 | 2;
  kind: SysOpKind;
  /** HCR_EL2 bit that traps the operation from EL1 (and EL0) to EL2. */
  hcrTrap?: number;
}

const HCR_TPU = 24;
const HCR_TPCP = 23;
const HCR_TSW = 22;
const HCR_TTLB = 25;
const HCR_TDZ = 28;
const HCR_AT = 44;

const dc = (
  name: string,
  op1: number,
  crm: number,
  op2: number,
  minEL: 0 | 1,
  hcrTrap: number,
): SysOpDef => ({
  name: `DC ${name}`,
  op1,
  crn: 7,
  crm,
  op2,
  minEL,
  kind: 'dc',
  hcrTrap,
});

const tlbi = (name: string, op1: number, crm: number, op2: number): SysOpDef => ({
  name: `TLBI ${name}`,
  op1,
  crn: 8,
  crm,
  op2,
  minEL: op1 === 4 ? 2 : 1,
  kind: 'tlbi',
  hcrTrap: op1 === 0 ? HCR_TTLB : undefined,
});

const at = (name: string, op1: number, crm: number, op2: number): SysOpDef => ({
  name: `AT ${name}`,
  op1,
  crn: 7,
  crm,
  op2,
  minEL: op1 === 4 ? 2 : 1,
  kind: 'at',
  hcrTrap: op1 === 0 ? HCR_AT : undefined,
});

/** Encodings: Arm ARM C5.3 (A64 system instructions for cache, AT and TLB maintenance). */
export const SYS_OPS: readonly SysOpDef[] = [
  { name: 'IC IALLUIS', op1: 0, crn: 7, crm: 1, op2: 0, minEL: 1, kind: 'ic', hcrTrap: HCR_TPU },
  { name: 'IC IALLU', op1: 0, crn: 7, crm: 5, op2: 0, minEL: 1, kind: 'ic', hcrTrap: HCR_TPU },
  { name: 'IC IVAU', op1: 3, crn: 7, crm: 5, op2: 1, minEL: 0, kind: 'ic', hcrTrap: HCR_TPU },
  dc('IVAC', 0, 6, 1, 1, HCR_TPCP),
  dc('ISW', 0, 6, 2, 1, HCR_TSW),
  dc('CSW', 0, 10, 2, 1, HCR_TSW),
  dc('CISW', 0, 14, 2, 1, HCR_TSW),
  { name: 'DC ZVA', op1: 3, crn: 7, crm: 4, op2: 1, minEL: 0, kind: 'dc-zva', hcrTrap: HCR_TDZ },
  dc('CVAC', 3, 10, 1, 0, HCR_TPCP),
  dc('CVAU', 3, 11, 1, 0, HCR_TPU),
  dc('CVAP', 3, 12, 1, 0, HCR_TPCP),
  dc('CIVAC', 3, 14, 1, 0, HCR_TPCP),
  at('S1E1R', 0, 8, 0),
  at('S1E1W', 0, 8, 1),
  at('S1E0R', 0, 8, 2),
  at('S1E0W', 0, 8, 3),
  at('S1E2R', 4, 8, 0),
  at('S1E2W', 4, 8, 1),
  at('S12E1R', 4, 8, 4),
  at('S12E1W', 4, 8, 5),
  at('S12E0R', 4, 8, 6),
  at('S12E0W', 4, 8, 7),
  tlbi('VMALLE1IS', 0, 3, 0),
  tlbi('VAE1IS', 0, 3, 1),
  tlbi('ASIDE1IS', 0, 3, 2),
  tlbi('VAAE1IS', 0, 3, 3),
  tlbi('VALE1IS', 0, 3, 5),
  tlbi('VAALE1IS', 0, 3, 7),
  tlbi('VMALLE1', 0, 7, 0),
  tlbi('VAE1', 0, 7, 1),
  tlbi('ASIDE1', 0, 7, 2),
  tlbi('VAAE1', 0, 7, 3),
  tlbi('VALE1', 0, 7, 5),
  tlbi('VAALE1', 0, 7, 7),
  tlbi('IPAS2E1IS', 4, 0, 1),
  tlbi('IPAS2LE1IS', 4, 0, 5),
  tlbi('IPAS2E1', 4, 4, 1),
  tlbi('IPAS2LE1', 4, 4, 5),
  tlbi('ALLE2IS', 4, 3, 0),
  tlbi('VAE2IS', 4, 3, 1),
  tlbi('ALLE1IS', 4, 3, 4),
  tlbi('VALE2IS', 4, 3, 5),
  tlbi('VMALLS12E1IS', 4, 3, 6),
  tlbi('ALLE2', 4, 7, 0),
  tlbi('VAE2', 4, 7, 1),
  tlbi('ALLE1', 4, 7, 4),
  tlbi('VALE2', 4, 7, 5),
  tlbi('VMALLS12E1', 4, 7, 6),
];

/** What the MMU implements for TLBI and AT; the core default is "no TLB, flat map". */
export interface SysOpHandler {
  tlbi(cpu: Cpu, op: SysOpDef, lo: number, hi: number): void;
  /** DSB: completes the TLB maintenance this CPU issued (the `strict` policy defers it to here). */
  dsb(cpu: Cpu): void;
  /** Translates (lo, hi) for AT and writes PAR_EL1. */
  at(cpu: Cpu, op: SysOpDef, lo: number, hi: number): void;
}

/** No TLB to invalidate; AT with the MMU off: PAR_EL1 = PA (F=0), Device-nGnRnE attributes. */
export const flatSysOps: SysOpHandler = {
  tlbi() {},
  dsb() {},
  at(cpu, _op, lo, hi) {
    const par = cpu.registry.require('PAR_EL1');
    // PA[47:12] in PAR[47:12]; ATTR (63:56) 0 = Device-nGnRnE; SH (8:7) 0b10 for Device.
    cpu.registry.writeFrom(cpu, par, (lo & ~0xfff) | (0b10 << 7), hi & 0xffff);
  },
};

const byKey = new Map<number, SysOpDef>(
  SYS_OPS.map((o) => [(o.op1 << 11) | (o.crn << 7) | (o.crm << 3) | o.op2, o]),
);

/** DC ZVA block: 4 << DCZID_EL0.BS bytes (BS = 4: 64 bytes, as QEMU's -cpu max). */
export const DCZVA_BYTES = 64;

interface SysOp {
  def: SysOpDef;
  rt: number;
  f: { op1: number; crn: number; crm: number; op2: number; rt: number };
}

function trapToEl2(cpu: Cpu, op: SysOp): never {
  const f = op.f;
  return raiseSync(cpu, 2, syndrome.sysregTrap(1, f.op1, f.crn, f.crm, f.op2, f.rt, false));
}

export const SYS = pattern<SysOp>({
  name: 'SYS',
  pattern: '1101010100 0 01 op1:3 CRn:4 CRm:4 op2:3 Rt:5',
  decode: (f: Fields) => {
    const def = byKey.get((f.op1! << 11) | (f.CRn! << 7) | (f.CRm! << 3) | f.op2!);
    if (!def) return null;
    return {
      def,
      rt: rz(f.Rt!),
      f: { op1: f.op1!, crn: f.CRn!, crm: f.CRm!, op2: f.op2!, rt: f.Rt! },
    };
  },
  exec(cpu, op) {
    const d = op.def;
    const el = cpu.el;
    if (el < d.minEL) return undefinedInstruction(cpu);
    const host = cpu.hasEL2 && cpu.inHost;
    if (el === 0 && !host) {
      // EL0 access controls in SCTLR_EL1: DZE for DC ZVA, UCI for the other EL0 cache ops.
      const sctlr = cpu.sys[cpu.slots.SCTLR_EL1]!;
      const bit = d.kind === 'dc-zva' ? 14 : 26;
      if ((sctlr & (1 << bit)) === 0)
        raiseSync(
          cpu,
          cpu.hasEL2 && cpu.tge ? 2 : 1,
          syndrome.sysregTrap(1, d.op1, d.crn, d.crm, d.op2, op.f.rt, false),
        );
    }
    if (d.hcrTrap !== undefined && el < 2 && cpu.hasEL2 && !cpu.tge) {
      const b = d.hcrTrap;
      const word = b >= 32 ? cpu.sys[cpu.slots.HCR_EL2 + 1]! : cpu.hcrLo;
      if ((word & (1 << (b & 31))) !== 0) trapToEl2(cpu, op);
    }
    const lo = cpu.gpr[op.rt]!;
    const hi = cpu.gpr[op.rt + 1]!;
    switch (d.kind) {
      case 'dc-zva': {
        const alo = (lo & ~(DCZVA_BYTES - 1)) >>> 0;
        const pa = dataAddress(cpu, alo, hi, DCZVA_BYTES, AccessKind.Write);
        cpu.bus.writeBytes(pa, ZEROS);
        cpu.monitorWrite(pa, DCZVA_BYTES);
        return;
      }
      case 'tlbi':
        cpu.sysOps.tlbi(cpu, d, lo, hi);
        cpu.exitInner = true;
        return;
      case 'at':
        cpu.sysOps.at(cpu, d, lo, hi);
        return;
      default:
        return; // no caches are modelled
    }
  },
});

const ZEROS = new Uint8Array(DCZVA_BYTES);

/** SYSL (op0=1, L=1): no A64 operation is allocated in the base architecture. */
export const sysOpPatterns: readonly InsnPattern<never>[] = [
  SYS,
] as unknown as readonly InsnPattern<never>[];
