import type { Cpu } from '../cpu/cpu.js';
import {
  exceptionReturn,
  raiseCall,
  raiseSync,
  routeSync,
  undefinedInstruction,
  wakeupPending,
} from '../cpu/exception.js';
import { esr, EC, syndrome } from '../cpu/syndrome.js';
import { pattern, type Fields, type InsnPattern } from '../decode/pattern.js';
import type { SysReg } from '../sysreg/registry.js';
import { wz, rz } from './operands.js';

/**
 * Branches, exception generation and system (the part of the A64 "Branches, Exception
 * Generating and System instructions" group that touches PSTATE, system registers and
 * exceptions). Encodings: Arm ARM C4.1.
 */

const HCR_TWI = 1 << 13;
const HCR_TWE = 1 << 14;
const HCR_TSC = 1 << 19;
const HCR_HCD = 1 << 29;
const SCTLR_UMA = 1 << 9;
const SCTLR_nTWI = 1 << 16;
const SCTLR_nTWE = 1 << 18;

interface SysRegOp {
  reg: SysReg | undefined;
  /** gpr index of Rt (XZR-mapped for the direction). */
  rt: number;
  rtNum: number;
  op0: number;
  op1: number;
  crn: number;
  crm: number;
  op2: number;
}

/** Takes the trap the registry reported for a failed access, or UNDEF. */
function sysregFault(cpu: Cpu, op: SysRegOp, isRead: boolean): never {
  const t = cpu.registry.lastTrap;
  if (!t) return undefinedInstruction(cpu);
  const value =
    t.ec === undefined || t.ec === EC.SYSREG
      ? syndrome.sysregTrap(op.op0, op.op1, op.crn, op.crm, op.op2, op.rtNum, isRead)
      : esr(t.ec, t.iss ?? 0);
  return raiseSync(cpu, t.to, value);
}

function noteSysreg(cpu: Cpu, reg: SysReg, target: SysReg, op: 'read' | 'write'): void {
  cpu.events.emit('sysreg', {
    cpu,
    name: target.name,
    via: reg.name,
    op,
    el: cpu.el,
    group: target.group,
    source: 'insn',
  });
}

function decodeSysReg(isRead: boolean): (f: Fields) => SysRegOp {
  return (f) => ({
    reg: undefined,
    rt: isRead ? wz(f.Rt!) : rz(f.Rt!),
    rtNum: f.Rt!,
    op0: 2 + f.o0!,
    op1: f.op1!,
    crn: f.CRn!,
    crm: f.CRm!,
    op2: f.op2!,
  });
}

/**
 * The registry is per machine, but decoding happens without a CPU; the register is looked up
 * on first execution and kept in the op (ops are per decode cache, and a decode cache belongs
 * to one machine).
 */
function lookup(cpu: Cpu, op: SysRegOp): SysReg | undefined {
  if (op.reg === undefined)
    op.reg = cpu.registry.byEncoding(op.op0, op.op1, op.crn, op.crm, op.op2);
  return op.reg;
}

export const MRS = pattern<SysRegOp>({
  name: 'MRS',
  pattern: '1101010100 1 1 o0:1 op1:3 CRn:4 CRm:4 op2:3 Rt:5',
  decode: decodeSysReg(true),
  exec(cpu, op) {
    const reg = lookup(cpu, op);
    if (!reg) return undefinedInstruction(cpu);
    const r = cpu.registry;
    const target = r.check(cpu, reg, 'read');
    if (!target) return sysregFault(cpu, op, true);
    r.readInto(cpu, target, cpu.scratch);
    cpu.gpr[op.rt] = cpu.scratch[0]!;
    cpu.gpr[op.rt + 1] = cpu.scratch[1]!;
    if (cpu.events.has('sysreg')) noteSysreg(cpu, reg, target, 'read');
  },
});

export const MSR_r = pattern<SysRegOp>({
  name: 'MSR_r',
  pattern: '1101010100 0 1 o0:1 op1:3 CRn:4 CRm:4 op2:3 Rt:5',
  decode: decodeSysReg(false),
  exec(cpu, op) {
    const reg = lookup(cpu, op);
    if (!reg) return undefinedInstruction(cpu);
    const r = cpu.registry;
    const target = r.check(cpu, reg, 'write');
    if (!target) return sysregFault(cpu, op, false);
    r.writeFrom(cpu, target, cpu.gpr[op.rt]!, cpu.gpr[op.rt + 1]!);
    if (cpu.events.has('sysreg')) noteSysreg(cpu, reg, target, 'write');
  },
});

interface PstateOp {
  field: 'SPSel' | 'DAIFSet' | 'DAIFClr';
  imm: number;
  op1: number;
  op2: number;
  crm: number;
}

/** MSR (immediate) to PSTATE fields: SPSel, DAIFSet, DAIFClr. Others need features: UNDEF. */
export const MSR_i = pattern<PstateOp>({
  name: 'MSR_i',
  pattern: '1101010100000 op1:3 0100 CRm:4 op2:3 11111',
  decode: (f) => {
    const key = (f.op1! << 3) | f.op2!;
    const field =
      key === 0o05 ? 'SPSel' : key === 0o36 ? 'DAIFSet' : key === 0o37 ? 'DAIFClr' : undefined;
    return field ? { field, imm: f.CRm!, op1: f.op1!, op2: f.op2!, crm: f.CRm! } : null;
  },
  exec(cpu, op) {
    if (op.field === 'SPSel') {
      if (cpu.el === 0) return undefinedInstruction(cpu);
      cpu.setMode(cpu.el, op.imm & 1);
      return;
    }
    if (cpu.el === 0) {
      // EL0 DAIF access needs SCTLR_ELx.UMA; otherwise it traps like MSR DAIF (EC 0x18).
      const host = cpu.hasEL2 && cpu.inHost;
      const sctlr = cpu.sys[host ? cpu.slots.SCTLR_EL2 : cpu.slots.SCTLR_EL1]!;
      if ((sctlr & SCTLR_UMA) === 0)
        raiseSync(
          cpu,
          host || (cpu.hasEL2 && cpu.tge) ? 2 : 1,
          syndrome.sysregTrap(0, op.op1, 4, op.crm, op.op2, 31, false),
        );
    }
    cpu.daif = op.field === 'DAIFSet' ? cpu.daif | op.imm : cpu.daif & ~op.imm;
    cpu.exitInner = true;
  },
});

interface HintOp {
  kind: 'nop' | 'wfi' | 'wfe' | 'sev' | 'sevl' | 'yield';
}

/** The hint space: unallocated hints (PAC, BTI, ESB, CSDB, …) execute as NOP. */
export const HINT = pattern<HintOp>({
  name: 'HINT',
  pattern: '11010101000000110010 CRm:4 op2:3 11111',
  decode: (f) => {
    if (f.CRm !== 0) return { kind: 'nop' };
    const kinds = ['nop', 'yield', 'wfe', 'wfi', 'sev', 'sevl'] as const;
    return { kind: kinds[f.op2!] ?? 'nop' };
  },
  exec(cpu, op) {
    switch (op.kind) {
      case 'wfi':
      case 'wfe':
        waitFor(cpu, op.kind === 'wfi');
        return;
      case 'sev':
        for (const c of cpu.monitors.cpus) c.eventRegister = true;
        return;
      case 'sevl':
        cpu.eventRegister = true;
        return;
      default:
        return;
    }
  },
});

/** WFI/WFE: trap checks (SCTLR_EL1.nTWx for EL0, HCR_EL2.TWx for EL0/EL1), then wait. */
function waitFor(cpu: Cpu, isWfi: boolean): void {
  const el = cpu.el;
  if (el === 0 && !(cpu.hasEL2 && cpu.inHost)) {
    const sctlr = cpu.sys[cpu.slots.SCTLR_EL1]!;
    if ((sctlr & (isWfi ? SCTLR_nTWI : SCTLR_nTWE)) === 0)
      raiseSync(cpu, cpu.hasEL2 && cpu.tge ? 2 : 1, syndrome.wfx(isWfi ? 0 : 1));
  }
  if (el < 2 && cpu.hasEL2 && !cpu.tge && (cpu.hcrLo & (isWfi ? HCR_TWI : HCR_TWE)) !== 0)
    raiseSync(cpu, 2, syndrome.wfx(isWfi ? 0 : 1));
  if (!isWfi && cpu.eventRegister) {
    cpu.eventRegister = false;
    return;
  }
  if (wakeupPending(cpu)) return;
  cpu.halted = true;
  cpu.exitInner = true;
}

interface BarrierOp {
  kind: 'clrex' | 'dsb' | 'dmb' | 'isb';
}

export const BARRIER = pattern<BarrierOp>({
  name: 'BARRIER',
  pattern: '11010101000000110011 CRm:4 op2:3 11111',
  decode: (f) => {
    switch (f.op2) {
      case 2:
        return { kind: 'clrex' };
      case 4:
        return { kind: 'dsb' };
      case 5:
        return { kind: 'dmb' };
      case 6:
        return { kind: 'isb' };
      default:
        return null;
    }
  },
  exec(cpu, op) {
    // The model is sequentially consistent: DMB has nothing to order. DSB completes pending
    // TLB maintenance; ISB is a context-synchronisation point for what the run loop caches.
    switch (op.kind) {
      case 'clrex':
        cpu.monitors.clear(cpu);
        return;
      case 'dsb':
        cpu.sysOps.dsb(cpu);
        if (cpu.events.has('cost')) cpu.events.emit('cost', { cpu, op: 'dsb', count: 1 });
        return;
      case 'isb':
        cpu.exitInner = true;
        if (cpu.events.has('cost')) cpu.events.emit('cost', { cpu, op: 'isb', count: 1 });
        return;
      default:
        return;
    }
  },
});

interface ExcOp {
  imm16: number;
}

export const SVC = pattern<ExcOp>({
  name: 'SVC',
  pattern: '11010100 000 imm16:16 000 01',
  exec(cpu, op) {
    raiseCall(cpu, routeSync(cpu), syndrome.svc(op.imm16));
  },
});

export const HVC = pattern<ExcOp>({
  name: 'HVC',
  pattern: '11010100 000 imm16:16 000 10',
  exec(cpu, op) {
    if (cpu.el === 0) return undefinedInstruction(cpu);
    if (!cpu.hasEL2) {
      const fw = cpu.firmwareCall;
      if (fw && fw(cpu, 'hvc', op.imm16)) return;
      return undefinedInstruction(cpu);
    }
    if (cpu.el === 1 && (cpu.hcrLo & HCR_HCD) !== 0) return undefinedInstruction(cpu);
    raiseCall(cpu, 2, syndrome.hvc(op.imm16));
  },
});

export const SMC = pattern<ExcOp>({
  name: 'SMC',
  pattern: '11010100 000 imm16:16 000 11',
  exec(cpu, op) {
    if (cpu.el === 0) return undefinedInstruction(cpu);
    // No EL3: SMC is UNDEFINED, except that HCR_EL2.TSC traps it from EL1 to EL2 first
    // (with ELR pointing at the SMC itself).
    if (cpu.el === 1 && cpu.hasEL2 && (cpu.hcrLo & HCR_TSC) !== 0)
      raiseSync(cpu, 2, syndrome.smc(op.imm16));
    const fw = cpu.firmwareCall;
    if (fw && fw(cpu, 'smc', op.imm16)) return;
    undefinedInstruction(cpu);
  },
});

export const BRK = pattern<ExcOp>({
  name: 'BRK',
  pattern: '11010100 001 imm16:16 000 00',
  exec(cpu, op) {
    raiseSync(cpu, routeSync(cpu), syndrome.brk(op.imm16));
  },
});

/** HLT: halting debug is not enabled, so UNDEFINED unless a hook (semihosting) claims it. */
export const HLT = pattern<ExcOp>({
  name: 'HLT',
  pattern: '11010100 010 imm16:16 000 00',
  exec(cpu, op) {
    const handler = cpu.hltHandler;
    if (handler && handler(cpu, op.imm16)) return;
    undefinedInstruction(cpu);
  },
});

export const ERET = pattern<Record<string, never>>({
  name: 'ERET',
  pattern: '1101011 0100 11111 000000 11111 00000',
  decode: () => ({}),
  exec(cpu) {
    exceptionReturn(cpu);
  },
});

export const systemPatterns: readonly InsnPattern<never>[] = [
  MRS,
  MSR_r,
  MSR_i,
  HINT,
  BARRIER,
  SVC,
  HVC,
  SMC,
  BRK,
  HLT,
  ERET,
] as unknown as readonly InsnPattern<never>[];
