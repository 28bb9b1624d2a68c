import type { FeatureDef } from './feature.js';

/** Features implemented by the core itself. */
export const coreFeatures: readonly FeatureDef[] = [
  {
    name: 'FEAT_AA64EL0',
    description: 'AArch64 at EL0 (AArch64 only)',
    always: true,
    idFields: [{ reg: 'ID_AA64PFR0_EL1', field: 'EL0', lsb: 0, width: 4, value: 1 }],
  },
  {
    name: 'FEAT_AA64EL1',
    description: 'AArch64 at EL1 (AArch64 only)',
    always: true,
    idFields: [
      { reg: 'ID_AA64PFR0_EL1', field: 'EL1', lsb: 4, width: 4, value: 1 },
      // 48-bit physical addresses, 16-bit ASIDs, 4 KB granule only.
      { reg: 'ID_AA64MMFR0_EL1', field: 'PARange', lsb: 0, width: 4, value: 5 },
      { reg: 'ID_AA64MMFR0_EL1', field: 'ASIDBits', lsb: 4, width: 4, value: 2 },
      { reg: 'ID_AA64MMFR0_EL1', field: 'TGran64', lsb: 24, width: 4, value: 0xf },
      { reg: 'ID_AA64MMFR0_EL1', field: 'TGran4', lsb: 28, width: 4, value: 0 },
      // 0xF = not implemented, until a plugin's FEAT_FP / FEAT_AdvSIMD says otherwise.
      { reg: 'ID_AA64PFR0_EL1', field: 'FP', lsb: 16, width: 4, value: 0xf },
      { reg: 'ID_AA64PFR0_EL1', field: 'AdvSIMD', lsb: 20, width: 4, value: 0xf },
    ],
  },
  {
    name: 'FEAT_AA64EL2',
    description: 'EL2 implemented, AArch64 only (virtualization)',
    idFields: [{ reg: 'ID_AA64PFR0_EL1', field: 'EL2', lsb: 8, width: 4, value: 1 }],
  },
  {
    name: 'FEAT_VHE',
    description: 'Virtualization Host Extensions: HCR_EL2.E2H, the EL2&0 regime, _EL12 aliases',
    requires: ['FEAT_AA64EL2'],
    idFields: [{ reg: 'ID_AA64MMFR1_EL1', field: 'VH', lsb: 8, width: 4, value: 1 }],
  },
  {
    name: 'FEAT_CRC32',
    description: 'CRC32 and CRC32C instructions',
    idFields: [{ reg: 'ID_AA64ISAR0_EL1', field: 'CRC32', lsb: 16, width: 4, value: 1 }],
  },
  {
    name: 'FEAT_LRCPC',
    description: 'Load-acquire RCpc: LDAPR, LDAPRB, LDAPRH',
    idFields: [{ reg: 'ID_AA64ISAR1_EL1', field: 'LRCPC', lsb: 20, width: 4, value: 1 }],
  },
  {
    name: 'FEAT_LRCPC2',
    description: 'LDAPUR*/STLUR* (unscaled-immediate RCpc load-acquire / store-release)',
    requires: ['FEAT_LRCPC'],
    idFields: [{ reg: 'ID_AA64ISAR1_EL1', field: 'LRCPC', lsb: 20, width: 4, value: 2 }],
  },
  {
    name: 'FEAT_LSE',
    description: 'Large System Extensions: CAS, CASP, LD<op>, ST<op>, SWP',
    idFields: [{ reg: 'ID_AA64ISAR0_EL1', field: 'Atomic', lsb: 20, width: 4, value: 2 }],
  },
];
