import { raiseSync, syndrome, type Cpu, type SysRegRegistry, type TrapTarget } from '@hypsim/core';
import { fpState } from './state.js';

const FPEN_SHIFT = 20;
const CPTR_TFP = 1 << 10;

/** Storage slots of CPACR_EL1 and CPTR_EL2, resolved once per registry (not per access). */
const slotsByRegistry = new WeakMap<SysRegRegistry, { cpacr: number; cptr: number }>();
function controlSlots(cpu: Cpu): { cpacr: number; cptr: number } {
  let s = slotsByRegistry.get(cpu.registry);
  if (!s) {
    s = {
      cpacr: 2 * cpu.registry.require('CPACR_EL1').index,
      cptr: 2 * cpu.registry.require('CPTR_EL2').index,
    };
    slotsByRegistry.set(cpu.registry, s);
  }
  return s;
}

/**
 * The EL an FP/AdvSIMD access traps to at the CPU's current EL, or 0 when it is allowed
 * (Arm ARM "CheckFPAdvSIMDEnabled"; QEMU's fp_exception_el): CPACR_EL1.FPEN first (unless the
 * VHE host owns EL0), then CPTR_EL2 (TFP with E2H=0; FPEN in the CPACR layout with E2H=1,
 * where 0b01 traps only host EL0). A trap "to EL1" from EL0 under HCR_EL2.TGE goes to EL2.
 */
export function fpTrapEl(cpu: Cpu): number {
  const el = cpu.el;
  if (el > 2) return 0;
  const hasEL2 = cpu.hasEL2;
  const e2h = hasEL2 && cpu.e2h;
  const tge = hasEL2 && cpu.tge;
  const slots = controlSlots(cpu);
  if (!(e2h && tge) && el <= 1) {
    const fpen = (cpu.sys[slots.cpacr]! >>> FPEN_SHIFT) & 3;
    if (fpen === 0 || fpen === 2 || (fpen === 1 && el === 0)) return tge ? 2 : 1;
  }
  if (hasEL2) {
    const cptr = cpu.sys[slots.cptr]!;
    if (e2h) {
      const fpen = (cptr >>> FPEN_SHIFT) & 3;
      if (fpen === 0 || fpen === 2 || (fpen === 1 && el === 0 && tge)) return 2;
    } else if ((cptr & CPTR_TFP) !== 0) return 2;
  }
  return 0;
}

/**
 * Raises the FP access trap (EC 0x07, ELR = the instruction) if FP is disabled here. The
 * answer only changes with a system-register write or an EL change, both of which bump
 * `cpu.ctxEpoch`, so an "allowed" result is cached per epoch: the common case is one compare.
 */
export function checkFpAccess(cpu: Cpu): void {
  const st = fpState(cpu);
  if (st.allowedEpoch === cpu.ctxEpoch) return;
  const to = fpTrapEl(cpu);
  if (to !== 0) raiseSync(cpu, to, syndrome.fpAccess());
  st.allowedEpoch = cpu.ctxEpoch;
}

/** The same rule for MRS/MSR of FPCR/FPSR, as a registry trap rule (EC 0x07, not 0x18). */
export function fpSysregTrap(cpu: Cpu): TrapTarget | undefined {
  const to = fpTrapEl(cpu);
  return to === 0 ? undefined : { to: to as 1 | 2, ec: 0x07, iss: syndrome.fpAccess() & 0x1ffffff };
}
