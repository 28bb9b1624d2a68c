import { raiseSync, syndrome, type Cpu, type TrapTarget } from '@hypsim/core';
import { fpTrapEl } from '@hypsim/ext-fpsimd';
import { sveSlots } from './slots.js';
import { sveState } from './state.js';

const ZEN_SHIFT = 16;
const CPTR_TZ = 1 << 8;

/**
 * The EL an SVE access traps to with EC 0x19 at the CPU's current EL, or 0 (Arm ARM
 * CheckSVEEnabled; QEMU `sve_exception_el`): CPACR_EL1.ZEN for EL0/EL1 outside the VHE host
 * (0b01 traps EL0 only), then CPTR_EL2 — TZ with E2H=0, ZEN in the CPACR layout with E2H=1
 * (0b01 traps only host EL0). A trap "to EL1" from EL0 under HCR_EL2.TGE goes to EL2. No EL3.
 */
export function sveTrapEl(cpu: Cpu): number {
  const el = cpu.el;
  if (el > 2) return 0;
  const hasEL2 = cpu.hasEL2;
  const e2h = hasEL2 && cpu.e2h;
  const tge = hasEL2 && cpu.tge;
  const s = sveSlots(cpu);
  if (!(e2h && tge) && el <= 1) {
    const zen = (cpu.sys[s.cpacr]! >>> ZEN_SHIFT) & 3;
    if (zen === 0 || zen === 2 || (zen === 1 && el === 0)) return tge ? 2 : 1;
  }
  if (hasEL2) {
    const cptr = cpu.sys[s.cptr]!;
    if (e2h) {
      const zen = (cptr >>> ZEN_SHIFT) & 3;
      if (zen === 0 || zen === 2 || (zen === 1 && el === 0 && tge)) return 2;
    } else if ((cptr & CPTR_TZ) !== 0) return 2;
  }
  return 0;
}

/**
 * The access check of every SVE instruction. Arm ARM CheckSVEEnabled checks EL by EL, the SVE
 * enable before the FP enable at each: so the SVE trap (EC 0x19) wins when it goes to the same
 * or a lower EL than the FP trap, and the FP trap (EC 0x07) wins when it goes to a lower EL
 * (QEMU: "if SVE EL > FP EL, FP exception has precedence"). Cached per `cpu.ctxEpoch`. Also marks
 * the Z registers' high parts as written (FpState.highDirty).
 */
export function checkSveAccess(cpu: Cpu): void {
  const st = sveState(cpu);
  // Every SVE instruction may write Z above 128 bits; the next AdvSIMD write must clear them.
  st.fp.highDirty = -1;
  if (st.allowedEpoch === cpu.ctxEpoch) return;
  const sve = sveTrapEl(cpu);
  const fp = fpTrapEl(cpu);
  if (sve !== 0 && (fp === 0 || sve <= fp)) raiseSync(cpu, sve, syndrome.sveAccess());
  if (fp !== 0) raiseSync(cpu, fp, syndrome.fpAccess());
  st.allowedEpoch = cpu.ctxEpoch;
}

/**
 * ZCR_ELx accesses: only the SVE enables (EC 0x19, ISS 0) are checked, not the FP enables
 * (Arm ARM MSR/MRS ZCR_EL1/ZCR_EL2 pseudocode; QEMU `zcr_access`).
 */
export function zcrTrap(cpu: Cpu): TrapTarget | undefined {
  const to = sveTrapEl(cpu);
  return to === 0 ? undefined : { to: to as 1 | 2, ec: 0x19, iss: 0 };
}
