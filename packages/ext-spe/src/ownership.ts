import type { AccessDir, Cpu, SysRegRegistry, TrapTarget } from '@hypsim/core';

/** MDCR_EL2 fields used by SPE (spe.md §3). */
export const MDCR_EL2_E2PB_SHIFT = 12;
export const MDCR_EL2_TPMS = 1 << 14;

/** E2PB=0b11: EL1 owns the buffer and its registers are not trapped. */
const E2PB_EL1_NO_TRAP = 0b11;

/** MDCR_EL2's storage slot, resolved once per registry rather than on every access. */
const mdcrSlotByRegistry = new WeakMap<SysRegRegistry, number>();
function mdcrEl2(cpu: Cpu): number {
  let slot = mdcrSlotByRegistry.get(cpu.registry);
  if (slot === undefined) {
    slot = 2 * cpu.registry.require('MDCR_EL2').index;
    mdcrSlotByRegistry.set(cpu.registry, slot);
  }
  return cpu.sys[slot]!;
}

/** MDCR_EL2.E2PB, or undefined on a CPU without EL2 (then EL1 owns the buffer). */
export function e2pb(cpu: Cpu): number | undefined {
  return cpu.hasEL2 ? (mdcrEl2(cpu) >>> MDCR_EL2_E2PB_SHIFT) & 3 : undefined;
}

/**
 * The EL that owns the profiling buffer (spe.md §3, [ARM D24.3]): EL2 when E2PB is 0b00
 * (0b01 is reserved; it is treated as 0b00, the reset value, so a reserved setting never
 * hands the buffer to EL1 by accident), EL1 when E2PB is 0b1x or the CPU has no EL2.
 * EL3 / MDCR_EL3.NSPB is not modelled: hypsim has no EL3, so EL3 never keeps the buffer.
 */
export function owningEl(cpu: Cpu): 1 | 2 {
  const f = e2pb(cpu);
  return f === undefined || (f & 2) !== 0 ? 1 : 2;
}

/** PMBIDR_EL1.P: programming not allowed — the owning EL is higher than the current EL. */
export function programmingNotAllowed(cpu: Cpu): boolean {
  return owningEl(cpu) > cpu.el;
}

const TO_EL2: TrapTarget = { to: 2 };

/**
 * MDCR_EL2.TPMS: EL1 accesses to the sampling-control registers trap to EL2 (EC 0x18). Only
 * EL1 is affected: EL0 never reaches these registers (minEL 1) and EL2 is the trap target.
 */
export function tpmsTrap(cpu: Cpu, _dir: AccessDir): TrapTarget | undefined {
  if (cpu.el !== 1 || !cpu.hasEL2) return undefined;
  return (mdcrEl2(cpu) & MDCR_EL2_TPMS) !== 0 ? TO_EL2 : undefined;
}

/**
 * MDCR_EL2.E2PB: EL1 accesses to PMBLIMITR/PMBPTR/PMBSR trap to EL2 (EC 0x18) unless E2PB is
 * 0b11. E2PB=0b10 gives the buffer to EL1 but still traps, so a hypervisor can mediate.
 */
export function e2pbTrap(cpu: Cpu, _dir: AccessDir): TrapTarget | undefined {
  if (cpu.el !== 1) return undefined;
  const f = e2pb(cpu);
  return f !== undefined && f !== E2PB_EL1_NO_TRAP ? TO_EL2 : undefined;
}
