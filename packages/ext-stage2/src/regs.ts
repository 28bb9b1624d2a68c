import type { Cpu, SysRegDef } from '@hypsim/core';
import { stage2Regs } from './state.js';

/** A write that also bumps the stage-2 configuration generation (see Stage2Regs). */
function counted(slot: (cpu: Cpu) => number): (cpu: Cpu, lo: number, hi: number) => void {
  return (cpu, lo, hi) => {
    const i = slot(cpu);
    cpu.sys[i] = lo;
    cpu.sys[i + 1] = hi;
    stage2Regs(cpu).generation++;
  };
}

/**
 * The stage-2 registers (Arm ARM D24.2.224 VTCR_EL2, D24.2.226 VTTBR_EL2, D24.2.76 HPFAR_EL2).
 * Group 'mmu' for the cost model.
 */
export const STAGE2_SYSREGS: readonly SysRegDef[] = [
  {
    name: 'VTTBR_EL2',
    encoding: [3, 4, 2, 1, 0],
    minEL: 2,
    feature: 'FEAT_AA64EL2',
    group: 'mmu',
    write: counted((cpu) => stage2Regs(cpu).vttbr),
  },
  {
    name: 'VTCR_EL2',
    encoding: [3, 4, 2, 1, 2],
    minEL: 2,
    feature: 'FEAT_AA64EL2',
    group: 'mmu',
    // Bit 31 is RES1; bits above 32 belong to features the model does not have.
    reset: 0x8000_0000n,
    writeMask: 0x7fff_ffffn,
    write: counted((cpu) => stage2Regs(cpu).vtcr),
  },
  {
    name: 'HPFAR_EL2',
    encoding: [3, 4, 6, 0, 4],
    minEL: 2,
    feature: 'FEAT_AA64EL2',
    group: 'mmu',
    // FIPA, bits 43:4 (IPA[51:12]).
    writeMask: 0xfff_ffff_fff0n,
  },
];
