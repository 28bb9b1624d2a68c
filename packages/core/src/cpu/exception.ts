import type { ExceptionKind } from '../events/events.js';
import { join64 } from '../util/u64.js';
import type { Cpu } from './cpu.js';
import { DAIF_F, DAIF_I, SPSR_IL, SPSR_M4, SPSR_SS, packSpsr } from './pstate.js';
import { syndrome } from './syndrome.js';

/**
 * Thrown (as this one frozen object, never an Error) after an instruction has taken a
 * synchronous exception, to unwind the instruction's remaining effects. The run loop
 * catches it; nothing else should.
 */
export const EXCEPTION_TAKEN: { readonly exceptionTaken: true } = Object.freeze({
  exceptionTaken: true,
});

export function isExceptionTaken(e: unknown): boolean {
  return e === EXCEPTION_TAKEN;
}

const VECTOR_KIND_OFFSET: Record<ExceptionKind, number> = {
  sync: 0,
  irq: 0x80,
  fiq: 0x100,
  serror: 0x180,
};

/**
 * Where a synchronous exception that is not explicitly routed goes: EL0 → EL1, or EL2 when
 * HCR_EL2.TGE=1; EL1 and EL2 stay where they are (no EL3).
 */
export function routeSync(cpu: Cpu): number {
  if (cpu.el === 0) return cpu.hasEL2 && cpu.tge ? 2 : 1;
  return cpu.el;
}

/**
 * Exception entry (Arm ARM D1.3, checklist in reference/el2-sysregs.md §6): SPSR, ELR, ESR,
 * FAR, PSTATE.{DAIF,SS,IL,EL,SPSel}, PC from the target's VBAR and the vector offset.
 * `esrValue` is ignored for interrupts. `far` undefined leaves FAR_ELx unchanged (UNKNOWN).
 */
export function takeException(
  cpu: Cpu,
  target: number,
  kind: ExceptionKind,
  esrValue: number,
  retLo: number,
  retHi: number,
  far?: { lo: number; hi: number },
): void {
  const from = cpu.el;
  if (target < from || target < 1 || target > 2 || (target === 2 && !cpu.hasEL2))
    throw new Error(`cpu${cpu.index}: exception from EL${from} cannot be taken to EL${target}`);
  const s = cpu.sys;
  const sl = cpu.slots;
  const spsr = packSpsr(cpu);
  s[sl.SPSR[target]] = spsr | 0;
  s[sl.SPSR[target] + 1] = 0;
  s[sl.ELR[target]] = retLo | 0;
  s[sl.ELR[target] + 1] = retHi | 0;
  if (kind === 'sync' || kind === 'serror') {
    s[sl.ESR[target]] = esrValue | 0;
    s[sl.ESR[target] + 1] = 0;
  }
  if (far) {
    s[sl.FAR[target]] = far.lo | 0;
    s[sl.FAR[target] + 1] = far.hi | 0;
  }
  let offset: number;
  if (target === from) offset = cpu.spsel === 0 ? 0x000 : 0x200;
  else offset = 0x400; // lower EL, AArch64 (AArch32 is not implemented; HCR_EL2.RW is RAO)
  offset += VECTOR_KIND_OFFSET[kind];
  cpu.daif = 0xf;
  cpu.ss = 0;
  cpu.il = 0;
  cpu.setMode(target, 1);
  cpu.pcLo = (s[sl.VBAR[target]]! + offset) >>> 0;
  cpu.pcHi = s[sl.VBAR[target] + 1]!;
  cpu.halted = false;
  cpu.jumped = true;
  if (cpu.events.has('exception')) {
    cpu.events.emit('exception', {
      cpu,
      kind,
      fromEL: from,
      toEL: target,
      ec: kind === 'sync' || kind === 'serror' ? esrValue >>> 26 : -1,
      iss: kind === 'sync' || kind === 'serror' ? esrValue & 0x1ffffff : 0,
      elr: join64(retLo, retHi),
    });
  }
}

/** Takes a synchronous exception on the current instruction and unwinds it. */
export function raiseSync(
  cpu: Cpu,
  target: number,
  esrValue: number,
  far?: { lo: number; hi: number },
): never {
  takeException(cpu, target, 'sync', esrValue, cpu.pcLo, cpu.pcHi, far);
  throw EXCEPTION_TAKEN;
}

/** UNDEFINED instruction: EC 0x00 at the routed EL, ELR = the instruction. */
export function undefinedInstruction(cpu: Cpu): never {
  return raiseSync(cpu, routeSync(cpu), syndrome.uncategorized());
}

/** Exception-generating instructions (SVC/HVC/SMC): ELR = the next instruction. */
export function raiseCall(cpu: Cpu, target: number, esrValue: number): never {
  const lo = cpu.pcLo + 4;
  takeException(
    cpu,
    target,
    'sync',
    esrValue,
    lo >>> 0,
    lo > 0xffffffff ? (cpu.pcHi + 1) | 0 : cpu.pcHi,
  );
  throw EXCEPTION_TAKEN;
}

/**
 * ERET (Arm ARM D1.3.2 and "Illegal exception returns"): restores PSTATE from SPSR_ELx and
 * PC from ELR_ELx. A return to AArch32, to a higher or unimplemented EL, to EL1 while
 * HCR_EL2.TGE=1, or to a reserved mode is illegal: EL and SPSel stay, PSTATE.IL is set and
 * the next instruction takes an Illegal Execution state exception.
 */
export function exceptionReturn(cpu: Cpu): void {
  const from = cpu.el;
  if (from === 0) undefinedInstruction(cpu);
  const s = cpu.sys;
  const spsr = s[cpu.slots.SPSR[from]]! >>> 0;
  const elrLo = s[cpu.slots.ELR[from]]! >>> 0;
  const elrHi = s[cpu.slots.ELR[from] + 1]!;
  const m = spsr & 0x1f;
  const tel = (m >> 2) & 3;
  const illegal =
    (m & SPSR_M4) !== 0 ||
    (m & 2) !== 0 ||
    tel > from ||
    tel === 3 ||
    (tel === 2 && !cpu.hasEL2) ||
    (tel === 0 && (m & 1) !== 0) ||
    (tel === 1 && cpu.hasEL2 && cpu.tge);
  // ERET clears the local exclusive monitor and sets the event register (Arm ARM
  // AArch64.ExceptionReturn), legal or not; QEMU clears the monitor likewise.
  cpu.monitors.clear(cpu);
  cpu.eventRegister = true;
  cpu.nzcv = spsr >>> 28;
  cpu.daif = (spsr >> 6) & 0xf;
  cpu.ss = (spsr & SPSR_SS) !== 0 ? 1 : 0;
  if (illegal) {
    cpu.il = 1;
    cpu.exitInner = true;
  } else {
    cpu.il = (spsr & SPSR_IL) !== 0 ? 1 : 0;
    cpu.setMode(tel, m & 1);
  }
  cpu.pcLo = elrLo;
  cpu.pcHi = elrHi;
  cpu.exitInner = true;
  cpu.jumped = true;
  if (cpu.events.has('eret'))
    cpu.events.emit('eret', { cpu, fromEL: from, toEL: illegal ? from : tel, illegal });
}

/**
 * The interrupt, if any, that the CPU takes now (Arm ARM D1.3.6, no EL3, AArch64 only).
 * Physical IRQ/FIQ route to EL2 when HCR_EL2.IMO/FMO or TGE is set; an interrupt routed to a
 * higher EL is not masked by PSTATE, one routed to the current EL is, and one routed below the
 * current EL stays pending. Virtual IRQ/FIQ (HCR_EL2.VI/VF or the virtual lines) exist only
 * with IMO/FMO=1 and TGE=0, are taken to EL1 from EL0/EL1 and masked by PSTATE.I/F.
 * Returns 0 for none, else `target | kindBit` where kindBit 4 = IRQ, 8 = FIQ.
 */
export function pendingInterrupt(cpu: Cpu): number {
  const hcr = cpu.hasEL2 ? cpu.hcrLo : 0;
  // Fast exit: no line asserted and no virtual interrupt pending in HCR_EL2.VI/VF.
  if (!(cpu.irqLine || cpu.fiqLine || cpu.virqLine || cpu.vfiqLine) && (hcr & 0xc0) === 0) return 0;
  // FIQ has priority over IRQ when both are takeable.
  return (
    takeable(
      cpu,
      hcr,
      cpu.fiqLine,
      cpu.vfiqLine || (hcr & (1 << 6)) !== 0,
      (hcr & (1 << 3)) !== 0,
      DAIF_F,
      8,
    ) ||
    takeable(
      cpu,
      hcr,
      cpu.irqLine,
      cpu.virqLine || (hcr & (1 << 7)) !== 0,
      (hcr & (1 << 4)) !== 0,
      DAIF_I,
      4,
    )
  );
}

/** One of IRQ/FIQ: the physical line, then its virtual counterpart (see pendingInterrupt). */
function takeable(
  cpu: Cpu,
  hcr: number,
  line: boolean,
  virtual: boolean,
  routed: boolean,
  maskBit: number,
  kindBit: number,
): number {
  const el = cpu.el;
  const tge = (hcr & (1 << 27)) !== 0;
  if (line) {
    const target = routed || tge ? 2 : 1;
    if (target > el) return target | kindBit;
    if (target === el && (cpu.daif & maskBit) === 0) return target | kindBit;
  }
  if (virtual && routed && !tge && el < 2 && (cpu.daif & maskBit) === 0) return 1 | kindBit;
  return 0;
}

/** WFI wake-up condition: any interrupt pending, whether or not PSTATE masks it. */
export function wakeupPending(cpu: Cpu): boolean {
  const hcr = cpu.hasEL2 ? cpu.hcrLo : 0;
  return cpu.irqLine || cpu.fiqLine || cpu.virqLine || cpu.vfiqLine || (hcr & 0xc0) !== 0;
}

/** Takes the interrupt `pendingInterrupt` returned. Preferred return: the next instruction to run. */
export function takeInterrupt(cpu: Cpu, pending: number): void {
  takeException(cpu, pending & 3, pending & 8 ? 'fiq' : 'irq', 0, cpu.pcLo, cpu.pcHi);
}

/** PSTATE.IL set by an illegal exception return: the next instruction takes EC 0x0E. */
export function takeIllegalState(cpu: Cpu): void {
  takeException(cpu, routeSync(cpu), 'sync', syndrome.illegalState(), cpu.pcLo, cpu.pcHi);
}
