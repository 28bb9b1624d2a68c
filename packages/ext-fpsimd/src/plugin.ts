import { definePlugin, type SysRegDef } from '@hypsim/core';
import { z } from 'zod';
import { fpLoadStorePatterns } from './ldst.js';
import { scalarFpPatterns } from './scalar/index.js';
import { simdPatterns } from './simd/index.js';
import { FpState, FpStateToken, fpState } from './state.js';
import { fpSysregTrap } from './traps.js';

export const FPSIMD_PLUGIN_ID = '@hypsim/ext-fpsimd';

export const fpsimdOptionsSchema = z.object({}).strict();
export type FpsimdOptions = z.infer<typeof fpsimdOptionsSchema>;

/**
 * Writable FPCR bits, as QEMU 7.2 (-cpu max) reads them back: AHP, DN, FZ, RMode, FZ16 and the
 * AArch32-only Stride and Len. FZ16 is stored as QEMU stores it (its CPU has FEAT_FP16); it
 * has no effect here because half-precision arithmetic is not implemented. The trap enables
 * are RAZ/WI (no FP exception trapping).
 */
export const FPCR_WRITE_MASK = 0x07ff_0000;
/** FPSR: the AArch32 N/Z/C/V bits (kept, as QEMU does), QC and the cumulative flags. */
export const FPSR_WRITE_MASK = 0xf800_009f | 0;

const FP_SYSREGS: readonly SysRegDef[] = [
  {
    name: 'FPCR',
    encoding: [3, 3, 4, 4, 0],
    minEL: 0,
    feature: 'FEAT_FP',
    group: 'fp',
    traps: [
      {
        check: fpSysregTrap,
        describe: 'FP access trap (CPACR_EL1.FPEN, CPTR_EL2.TFP/FPEN), EC 0x07',
      },
    ],
    read: (cpu, out) => {
      out[0] = fpState(cpu).fpcr;
      out[1] = 0;
    },
    write: (cpu, lo) => {
      fpState(cpu).fpcr = lo & FPCR_WRITE_MASK;
    },
  },
  {
    name: 'FPSR',
    encoding: [3, 3, 4, 4, 1],
    minEL: 0,
    feature: 'FEAT_FP',
    group: 'fp',
    traps: [
      {
        check: fpSysregTrap,
        describe: 'FP access trap (CPACR_EL1.FPEN, CPTR_EL2.TFP/FPEN), EC 0x07',
      },
    ],
    read: (cpu, out) => {
      out[0] = fpState(cpu).fpsr;
      out[1] = 0;
    },
    write: (cpu, lo) => {
      fpState(cpu).fpsr = lo & FPSR_WRITE_MASK;
    },
  },
];

/**
 * The FP/AdvSIMD plugin: features FEAT_FP and FEAT_AdvSIMD (ID_AA64PFR0_EL1.FP/AdvSIMD = 0,
 * "implemented"; the core's baseline is 0xF, "not implemented"), FPCR/FPSR, the FP and AdvSIMD
 * decode tables, and an FpState on every CPU that has FEAT_FP.
 */
export const fpsimdPlugin = definePlugin<FpsimdOptions>({
  id: FPSIMD_PLUGIN_ID,
  options: fpsimdOptionsSchema,
  features: [
    {
      name: 'FEAT_FP',
      description: 'Floating point: V registers, FPCR/FPSR, scalar FP instructions',
      idFields: [{ reg: 'ID_AA64PFR0_EL1', field: 'FP', lsb: 16, width: 4, value: 0 }],
    },
    {
      name: 'FEAT_FRINTTS',
      description: 'FRINT32Z/FRINT32X/FRINT64Z/FRINT64X',
      requires: ['FEAT_FP'],
      idFields: [{ reg: 'ID_AA64ISAR1_EL1', field: 'FRINTTS', lsb: 32, width: 4, value: 1 }],
    },
    {
      name: 'FEAT_JSCVT',
      description: 'FJCVTZS (JavaScript conversion)',
      requires: ['FEAT_FP'],
      idFields: [{ reg: 'ID_AA64ISAR1_EL1', field: 'JSCVT', lsb: 12, width: 4, value: 1 }],
    },
    {
      name: 'FEAT_AdvSIMD',
      description: 'Advanced SIMD (NEON)',
      requires: ['FEAT_FP'],
      idFields: [{ reg: 'ID_AA64PFR0_EL1', field: 'AdvSIMD', lsb: 20, width: 4, value: 0 }],
    },
  ],
  sysregs: FP_SYSREGS,
  decode: [
    { name: 'fpsimd/ldst', priority: 0, patterns: fpLoadStorePatterns },
    { name: 'fpsimd/scalar', priority: 0, patterns: scalarFpPatterns },
    { name: 'fpsimd/simd', priority: 0, patterns: simdPatterns },
  ],
  realize(machine) {
    for (const cpu of machine.cpus)
      if (cpu.hasFeature('FEAT_FP')) cpu.attach(FpStateToken, new FpState());
  },
  reset(cpu) {
    cpu.tryGet(FpStateToken)?.reset();
  },
});
