import type { Cpu } from '../cpu/cpu.js';
import type { SysRegDef, SysRegField, TrapRule } from './types.js';

/**
 * The core's base set of EL0/EL1/EL2 system registers (Arm ARM D24; encodings and E2H
 * redirections as in reference/el2-sysregs.md). One literal per register: everything about a
 * register is here, the registry derives aliases and compiles traps from it.
 */

const f = (name: string, lsb: number, width = 1): SysRegField => ({ name, lsb, width });

/** HCR_EL2.TVM traps writes, HCR_EL2.TRVM reads of the EL1 virtual-memory controls. */
const TVM: readonly TrapRule[] = [
  { control: 'HCR_EL2.TVM', on: 'write', from: [1], to: 2 },
  { control: 'HCR_EL2.TRVM', on: 'read', from: [1], to: 2 },
];
const TID3: readonly TrapRule[] = [{ control: 'HCR_EL2.TID3', on: 'read', from: [1], to: 2 }];

const HCR_FIELDS: readonly SysRegField[] = [
  f('VM', 0),
  f('SWIO', 1),
  f('PTW', 2),
  f('FMO', 3),
  f('IMO', 4),
  f('AMO', 5),
  f('VF', 6),
  f('VI', 7),
  f('VSE', 8),
  f('FB', 9),
  f('BSU', 10, 2),
  f('DC', 12),
  f('TWI', 13),
  f('TWE', 14),
  f('TID0', 15),
  f('TID1', 16),
  f('TID2', 17),
  f('TID3', 18),
  f('TSC', 19),
  f('TIDCP', 20),
  f('TACR', 21),
  f('TSW', 22),
  f('TPCP', 23),
  f('TPU', 24),
  f('TTLB', 25),
  f('TVM', 26),
  f('TGE', 27),
  f('TDZ', 28),
  f('HCD', 29),
  f('TRVM', 30),
  f('RW', 31),
  f('CD', 32),
  f('ID', 33),
  f('E2H', 34),
  f('TLOR', 35),
  f('TERR', 36),
  f('TEA', 37),
  f('APK', 40),
  f('API', 41),
  f('NV', 42),
  f('NV1', 43),
  f('AT', 44),
  f('NV2', 45),
  f('FWB', 46),
  f('FIEN', 47),
];

const SCTLR_FIELDS: readonly SysRegField[] = [
  f('M', 0),
  f('A', 1),
  f('C', 2),
  f('SA', 3),
  f('SA0', 4),
  f('CP15BEN', 5),
  f('nAA', 6),
  f('ITD', 7),
  f('SED', 8),
  f('UMA', 9),
  f('EnRCTX', 10),
  f('EOS', 11),
  f('I', 12),
  f('EnDB', 13),
  f('DZE', 14),
  f('UCT', 15),
  f('nTWI', 16),
  f('nTWE', 18),
  f('WXN', 19),
  f('TSCXT', 20),
  f('IESB', 21),
  f('EIS', 22),
  f('SPAN', 23),
  f('E0E', 24),
  f('EE', 25),
  f('UCI', 26),
  f('EnDA', 27),
  f('nTLSMD', 28),
  f('LSMAOE', 29),
  f('EnIB', 30),
  f('EnIA', 31),
];

const CPACR_FIELDS: readonly SysRegField[] = [
  f('ZEN', 16, 2),
  f('FPEN', 20, 2),
  f('SMEN', 24, 2),
  f('TTA', 28),
];

const CPTR_EL2_FIELDS: readonly SysRegField[] = [
  // E2H=0 layout
  f('TZ', 8),
  f('TFP', 10),
  f('TSM', 12),
  f('TTA', 20),
  f('TAM', 30),
  f('TCPAC', 31),
  // E2H=1 (CPACR-like) layout
  f('ZEN', 16, 2),
  f('FPEN', 20, 2),
  f('SMEN', 24, 2),
  f('E2H_TTA', 28),
];

const SPSR_FIELDS: readonly SysRegField[] = [
  f('M', 0, 4),
  f('M4', 4),
  f('F', 6),
  f('I', 7),
  f('A', 8),
  f('D', 9),
  f('IL', 20),
  f('SS', 21),
  f('V', 28),
  f('C', 29),
  f('Z', 30),
  f('N', 31),
];

/** SCTLR_EL1 RES1 bits when the features that give them meaning are absent. */
const SCTLR_EL1_RES1 = 0x30d00800n;
/** SCTLR_EL2 RES1 bits (E2H=0 layout). */
const SCTLR_EL2_RES1 = 0x30c50830n;

function plain(
  name: string,
  encoding: SysRegDef['encoding'],
  minEL: 0 | 1 | 2,
  extra: Partial<SysRegDef> = {},
): SysRegDef {
  return { name, encoding, minEL, ...extra };
}

function idReg(name: string, crm: number, op2: number, crn = 0): SysRegDef {
  return {
    name,
    encoding: [3, 0, crn, crm, op2],
    minEL: 1,
    access: 'ro',
    reset: (cpu: Cpu) => cpu.idRegs.get(name) ?? 0n,
    traps: TID3,
    group: 'id',
  };
}

/** The ID register names the core defines (features set their fields). */
export const ID_REGISTERS: readonly SysRegDef[] = [
  idReg('ID_AA64PFR0_EL1', 4, 0),
  idReg('ID_AA64PFR1_EL1', 4, 1),
  idReg('ID_AA64PFR2_EL1', 4, 2),
  idReg('ID_AA64ZFR0_EL1', 4, 4),
  idReg('ID_AA64SMFR0_EL1', 4, 5),
  idReg('ID_AA64DFR0_EL1', 5, 0),
  idReg('ID_AA64DFR1_EL1', 5, 1),
  idReg('ID_AA64AFR0_EL1', 5, 4),
  idReg('ID_AA64AFR1_EL1', 5, 5),
  idReg('ID_AA64ISAR0_EL1', 6, 0),
  idReg('ID_AA64ISAR1_EL1', 6, 1),
  idReg('ID_AA64ISAR2_EL1', 6, 2),
  idReg('ID_AA64MMFR0_EL1', 7, 0),
  idReg('ID_AA64MMFR1_EL1', 7, 1),
  idReg('ID_AA64MMFR2_EL1', 7, 2),
  // AArch32 ID registers: RAZ, as EL0 and EL1 are AArch64-only.
  ...[
    ['ID_PFR0_EL1', 1, 0],
    ['ID_PFR1_EL1', 1, 1],
    ['ID_DFR0_EL1', 1, 2],
    ['ID_AFR0_EL1', 1, 3],
    ['ID_MMFR0_EL1', 1, 4],
    ['ID_MMFR1_EL1', 1, 5],
    ['ID_MMFR2_EL1', 1, 6],
    ['ID_MMFR3_EL1', 1, 7],
    ['ID_ISAR0_EL1', 2, 0],
    ['ID_ISAR1_EL1', 2, 1],
    ['ID_ISAR2_EL1', 2, 2],
    ['ID_ISAR3_EL1', 2, 3],
    ['ID_ISAR4_EL1', 2, 4],
    ['ID_ISAR5_EL1', 2, 5],
    ['ID_MMFR4_EL1', 2, 6],
    ['ID_ISAR6_EL1', 2, 7],
    ['MVFR0_EL1', 3, 0],
    ['MVFR1_EL1', 3, 1],
    ['MVFR2_EL1', 3, 2],
    ['ID_PFR2_EL1', 3, 4],
    ['ID_DFR1_EL1', 3, 5],
    ['ID_MMFR5_EL1', 3, 6],
  ].map(([n, crm, op2]) => idReg(n as string, crm as number, op2 as number)),
];

export const BASE_SYSREGS: readonly SysRegDef[] = [
  // ---- identification -------------------------------------------------------------------
  plain('MIDR_EL1', [3, 0, 0, 0, 0], 1, {
    access: 'ro',
    group: 'id',
    // EL1 reads see VPIDR_EL2 when EL2 is implemented.
    read: (cpu, out) => {
      if (cpu.el === 1 && cpu.hasEL2)
        cpu.registry.readInto(cpu, cpu.registry.require('VPIDR_EL2'), out);
      else {
        out[0] = Number(cpu.midr & 0xffffffffn) | 0;
        out[1] = Number(cpu.midr >> 32n) | 0;
      }
    },
  }),
  plain('MPIDR_EL1', [3, 0, 0, 0, 5], 1, {
    access: 'ro',
    group: 'id',
    read: (cpu, out) => {
      if (cpu.el === 1 && cpu.hasEL2)
        cpu.registry.readInto(cpu, cpu.registry.require('VMPIDR_EL2'), out);
      else {
        out[0] = Number(cpu.mpidr & 0xffffffffn) | 0;
        out[1] = Number(cpu.mpidr >> 32n) | 0;
      }
    },
  }),
  plain('REVIDR_EL1', [3, 0, 0, 0, 6], 1, {
    access: 'ro',
    group: 'id',
    traps: [{ control: 'HCR_EL2.TID1', on: 'read', from: [1], to: 2 }],
  }),
  ...ID_REGISTERS,
  // Cache type: as QEMU's -cpu max (IminLine/DminLine 64 bytes, DIC=0, IDC=0).
  plain('CTR_EL0', [3, 3, 0, 0, 1], 0, {
    access: 'ro',
    reset: 0x8444c004n,
    group: 'id',
    traps: [
      {
        describe: 'EL0 reads need SCTLR_EL1.UCT; HCR_EL2.TID2 traps EL0/EL1 reads to EL2',
        check: (cpu) => {
          if (
            cpu.el === 0 &&
            !(cpu.hasEL2 && cpu.inHost) &&
            (cpu.sys[cpu.slots.SCTLR_EL1]! & (1 << 15)) === 0
          )
            return { to: cpu.hasEL2 && cpu.tge ? 2 : 1 };
          if (cpu.el < 2 && cpu.hasEL2 && !cpu.tge && (cpu.hcrLo & (1 << 17)) !== 0)
            return { to: 2 };
          return undefined;
        },
      },
    ],
  }),
  // DC ZVA block size 4 << BS = 64 bytes; DZP=0 (permitted).
  plain('DCZID_EL0', [3, 3, 0, 0, 7], 0, { access: 'ro', reset: 4n, group: 'id' }),

  // ---- EL1 controls ----------------------------------------------------------------------
  plain('SCTLR_EL1', [3, 0, 1, 0, 0], 1, {
    reset: SCTLR_EL1_RES1,
    writeMask: 0xffffffffn & ~SCTLR_EL1_RES1,
    fields: SCTLR_FIELDS,
    e2hRedirect: 'SCTLR_EL2',
    traps: TVM,
  }),
  plain('ACTLR_EL1', [3, 0, 1, 0, 1], 1, {
    traps: [{ control: 'HCR_EL2.TACR', on: 'rw', from: [1], to: 2 }],
  }),
  plain('CPACR_EL1', [3, 0, 1, 0, 2], 1, {
    fields: CPACR_FIELDS,
    writeMask: 0x13330000n,
    e2hRedirect: 'CPTR_EL2',
    traps: [{ control: 'CPTR_EL2.TCPAC', on: 'rw', from: [1], to: 2 }],
  }),
  plain('TTBR0_EL1', [3, 0, 2, 0, 0], 1, { e2hRedirect: 'TTBR0_EL2', traps: TVM }),
  plain('TTBR1_EL1', [3, 0, 2, 0, 1], 1, { e2hRedirect: 'TTBR1_EL2', traps: TVM }),
  plain('TCR_EL1', [3, 0, 2, 0, 2], 1, { e2hRedirect: 'TCR_EL2', traps: TVM }),
  plain('SPSR_EL1', [3, 0, 4, 0, 0], 1, {
    fields: SPSR_FIELDS,
    writeMask: 0xf03003dfn,
    e2hRedirect: 'SPSR_EL2',
  }),
  plain('ELR_EL1', [3, 0, 4, 0, 1], 1, { e2hRedirect: 'ELR_EL2' }),
  plain('SP_EL0', [3, 0, 4, 1, 0], 1, {
    group: 'special',
    // While PSTATE.SP selects SP_EL0 it is the live SP; the MSR/MRS form is then UNDEFINED.
    accessible: (cpu) => cpu.spsel === 1,
    read: (cpu, out) => cpu.spElInto(0, out),
    write: (cpu, lo, hi) => cpu.setSpElHalves(0, lo, hi),
  }),
  plain('SPSel', [3, 0, 4, 2, 0], 1, {
    group: 'special',
    read: (cpu, out) => {
      out[0] = cpu.spsel;
      out[1] = 0;
    },
    write: (cpu, lo) => cpu.setMode(cpu.el, lo & 1),
  }),
  plain('CurrentEL', [3, 0, 4, 2, 2], 1, {
    access: 'ro',
    group: 'special',
    read: (cpu, out) => {
      out[0] = cpu.el << 2;
      out[1] = 0;
    },
  }),
  plain('DAIF', [3, 3, 4, 2, 1], 0, {
    group: 'special',
    // EL0 access needs SCTLR_EL1.UMA (SCTLR_EL2.UMA in the EL2&0 host); otherwise it traps.
    traps: [
      {
        describe: 'EL0 access without SCTLR_ELx.UMA traps to EL1 (EL2 in the VHE host)',
        check: (cpu) => {
          if (cpu.el !== 0) return undefined;
          const host = cpu.hasEL2 && cpu.inHost;
          const sctlr = cpu.sys[host ? cpu.slots.SCTLR_EL2 : cpu.slots.SCTLR_EL1]!;
          if (sctlr & (1 << 9)) return undefined;
          return { to: host || (cpu.hasEL2 && cpu.tge) ? 2 : 1 };
        },
      },
    ],
    read: (cpu, out) => {
      out[0] = cpu.daif << 6;
      out[1] = 0;
    },
    write: (cpu, lo) => {
      cpu.daif = (lo >> 6) & 0xf;
    },
  }),
  plain('NZCV', [3, 3, 4, 2, 0], 0, {
    group: 'special',
    read: (cpu, out) => {
      out[0] = cpu.nzcv << 28;
      out[1] = 0;
    },
    write: (cpu, lo) => {
      cpu.nzcv = lo >>> 28;
    },
  }),
  plain('AFSR0_EL1', [3, 0, 5, 1, 0], 1, { e2hRedirect: 'AFSR0_EL2', traps: TVM }),
  plain('AFSR1_EL1', [3, 0, 5, 1, 1], 1, { e2hRedirect: 'AFSR1_EL2', traps: TVM }),
  plain('ESR_EL1', [3, 0, 5, 2, 0], 1, { e2hRedirect: 'ESR_EL2', traps: TVM }),
  plain('FAR_EL1', [3, 0, 6, 0, 0], 1, { e2hRedirect: 'FAR_EL2', traps: TVM }),
  plain('PAR_EL1', [3, 0, 7, 4, 0], 1),
  plain('MAIR_EL1', [3, 0, 10, 2, 0], 1, { e2hRedirect: 'MAIR_EL2', traps: TVM }),
  plain('AMAIR_EL1', [3, 0, 10, 3, 0], 1, { e2hRedirect: 'AMAIR_EL2', traps: TVM }),
  plain('VBAR_EL1', [3, 0, 12, 0, 0], 1, { writeMask: ~0x7ffn, e2hRedirect: 'VBAR_EL2' }),
  plain('CONTEXTIDR_EL1', [3, 0, 13, 0, 1], 1, {
    writeMask: 0xffffffffn,
    e2hRedirect: 'CONTEXTIDR_EL2',
    traps: TVM,
  }),
  plain('TPIDR_EL1', [3, 0, 13, 0, 4], 1),
  plain('TPIDR_EL0', [3, 3, 13, 0, 2], 0),
  plain('TPIDRRO_EL0', [3, 3, 13, 0, 3], 0, {
    accessible: (cpu, dir) => cpu.el > 0 || dir === 'read',
  }),
  plain('CNTKCTL_EL1', [3, 0, 14, 1, 0], 1, { e2hRedirect: 'CNTHCTL_EL2' }),
  plain('MDSCR_EL1', [2, 0, 0, 2, 2], 1),

  // ---- EL2 -------------------------------------------------------------------------------
  plain('VPIDR_EL2', [3, 4, 0, 0, 0], 2, { reset: (cpu) => cpu.midr, feature: 'FEAT_AA64EL2' }),
  plain('VMPIDR_EL2', [3, 4, 0, 0, 5], 2, { reset: (cpu) => cpu.mpidr, feature: 'FEAT_AA64EL2' }),
  plain('SCTLR_EL2', [3, 4, 1, 0, 0], 2, {
    reset: SCTLR_EL2_RES1,
    fields: SCTLR_FIELDS,
    feature: 'FEAT_AA64EL2',
  }),
  plain('ACTLR_EL2', [3, 4, 1, 0, 1], 2, { feature: 'FEAT_AA64EL2' }),
  plain('HCR_EL2', [3, 4, 1, 1, 0], 2, {
    // RW is RAO/WI: EL1 is AArch64-only.
    reset: 1n << 31n,
    writeMask: ~(1n << 31n),
    fields: HCR_FIELDS,
    feature: 'FEAT_AA64EL2',
    write: (cpu, lo, hi) => {
      cpu.sys[cpu.slots.HCR_EL2] = lo;
      // E2H is RES0 without FEAT_VHE.
      cpu.sys[cpu.slots.HCR_EL2 + 1] = cpu.hasVHE ? hi : hi & ~4;
    },
  }),
  plain('MDCR_EL2', [3, 4, 1, 1, 1], 2, { feature: 'FEAT_AA64EL2' }),
  plain('CPTR_EL2', [3, 4, 1, 1, 2], 2, {
    // The RES1 bits (13:12, 9, 7:0) set; the trap bits (TZ, TFP, TTA, TCPAC) are UNKNOWN at
    // reset, and clear here as QEMU 7.2 leaves them (QEMU also reads the RES1 bits as 0).
    reset: 0x32ffn,
    fields: CPTR_EL2_FIELDS,
    feature: 'FEAT_AA64EL2',
  }),
  plain('HSTR_EL2', [3, 4, 1, 1, 3], 2, { feature: 'FEAT_AA64EL2' }),
  plain('HACR_EL2', [3, 4, 1, 1, 7], 2, { feature: 'FEAT_AA64EL2' }),
  plain('TTBR0_EL2', [3, 4, 2, 0, 0], 2, { feature: 'FEAT_AA64EL2' }),
  plain('TTBR1_EL2', [3, 4, 2, 0, 1], 2, { feature: 'FEAT_VHE' }),
  plain('TCR_EL2', [3, 4, 2, 0, 2], 2, { reset: 0x80800000n, feature: 'FEAT_AA64EL2' }),
  plain('SPSR_EL2', [3, 4, 4, 0, 0], 2, {
    fields: SPSR_FIELDS,
    writeMask: 0xf03003dfn,
    feature: 'FEAT_AA64EL2',
  }),
  plain('ELR_EL2', [3, 4, 4, 0, 1], 2, { feature: 'FEAT_AA64EL2' }),
  plain('SP_EL1', [3, 4, 4, 1, 0], 2, {
    group: 'special',
    feature: 'FEAT_AA64EL2',
    read: (cpu, out) => cpu.spElInto(1, out),
    write: (cpu, lo, hi) => cpu.setSpElHalves(1, lo, hi),
  }),
  plain('AFSR0_EL2', [3, 4, 5, 1, 0], 2, { feature: 'FEAT_AA64EL2' }),
  plain('AFSR1_EL2', [3, 4, 5, 1, 1], 2, { feature: 'FEAT_AA64EL2' }),
  plain('ESR_EL2', [3, 4, 5, 2, 0], 2, { feature: 'FEAT_AA64EL2' }),
  plain('FAR_EL2', [3, 4, 6, 0, 0], 2, { feature: 'FEAT_AA64EL2' }),
  plain('MAIR_EL2', [3, 4, 10, 2, 0], 2, { feature: 'FEAT_AA64EL2' }),
  plain('AMAIR_EL2', [3, 4, 10, 3, 0], 2, { feature: 'FEAT_AA64EL2' }),
  plain('VBAR_EL2', [3, 4, 12, 0, 0], 2, { writeMask: ~0x7ffn, feature: 'FEAT_AA64EL2' }),
  plain('CONTEXTIDR_EL2', [3, 4, 13, 0, 1], 2, { writeMask: 0xffffffffn, feature: 'FEAT_VHE' }),
  plain('TPIDR_EL2', [3, 4, 13, 0, 2], 2, { feature: 'FEAT_AA64EL2' }),
  plain('CNTHCTL_EL2', [3, 4, 14, 1, 0], 2, { feature: 'FEAT_AA64EL2' }),
];
