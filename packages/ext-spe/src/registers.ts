import type { Cpu, SysRegDef, SysRegField, TrapRule } from '@hypsim/core';
import { e2pbTrap, programmingNotAllowed, tpmsTrap } from './ownership.js';
import { SpeStateToken } from './state.js';
import { updateIrq } from './unit/buffer.js';

/**
 * The SPE system registers (spe.md §1–§2) for the modelled version, FEAT_SPE (SPEv1,
 * ID_AA64DFR0_EL1.PMSVer = 1). Fields and write masks are SPEv1's: bits added by later
 * versions (FnE, FDS, PMFZ, nVM, EFT, …) are RES0 here. Every register exists only on CPUs
 * with FEAT_SPE, so a CPU configured without it sees them UNDEFINED.
 */

export const FEAT_SPE = 'FEAT_SPE';
/** ID_AA64DFR0_EL1.PMSVer for FEAT_SPE (SPEv1). */
export const PMSVER_SPEV1 = 1;

const f = (name: string, lsb: number, width = 1): SysRegField => ({ name, lsb, width });

const TPMS: readonly TrapRule[] = [
  { check: tpmsTrap, describe: 'MDCR_EL2.TPMS: EL1 access traps to EL2, EC 0x18' },
];
const E2PB: readonly TrapRule[] = [
  { check: e2pbTrap, describe: 'MDCR_EL2.E2PB != 0b11: EL1 access traps to EL2, EC 0x18' },
];

// PMSCR_EL1 / PMSCR_EL2: bit 2 and bits 63:8 are RES0 in SPEv1 (EE/KE/EnVM are later).
export const PMSCR_EL1_FIELDS = [
  f('E0SPE', 0),
  f('E1SPE', 1),
  f('CX', 3),
  f('PA', 4),
  f('TS', 5),
  f('PCT', 6, 2),
] as const;
export const PMSCR_EL2_FIELDS = [
  f('E0HSPE', 0),
  f('E2SPE', 1),
  f('CX', 3),
  f('PA', 4),
  f('TS', 5),
  f('PCT', 6, 2),
] as const;
const PMSCR_MASK = 0xfbn;

export const PMSICR_EL1_FIELDS = [f('COUNT', 0, 32)] as const; // ECOUNT needs FEAT_SPE_ERnd
export const PMSIRR_EL1_FIELDS = [f('RND', 0), f('INTERVAL', 8, 24)] as const;
export const PMSFCR_EL1_FIELDS = [
  f('FE', 0),
  f('FT', 1),
  f('FL', 2),
  f('B', 16),
  f('LD', 17),
  f('ST', 18),
] as const;
const PMSFCR_MASK = 0x7_0007n;

/**
 * PMSEVFR_EL1 bits usable in SPEv1 (spe.md §2): 1, 3, 5, 7, 12–15, 24–31 and 48–63; the rest
 * are RES0. The same bit numbers as the Events packet (§6.4).
 */
export const PMSEVFR_SPEV1_MASK = 0xffff_0000_ff00_f0aan;

/**
 * Counter width: PMSIDR_EL1.CountSize = 0b0010, 12-bit saturating counters (as Linux's
 * 12-bit min_latency assumes), so PMSLATFR_EL1.MINLAT is 11:0 and 15:12 are RES0.
 */
export const COUNTER_BITS = 12;
export const COUNTER_MAX = (1 << COUNTER_BITS) - 1;

/**
 * PMSIDR_EL1, fixed per implementation:
 * - FE, FT, FL = 1: all three SPEv1 filters are implemented;
 * - ArchInst = 1: the sample population is architecturally executed instructions (hypsim
 *   has no micro-ops or misspeculation);
 * - LDS = 0: no Data Source packet (its meaning is IMPLEMENTATION DEFINED, nothing to model);
 * - ERnd, FnE, FDS = 0: SPEv1;
 * - Interval = 0: minimum recommended interval 256, so tests can sample densely;
 * - MaxSize = 6: 64-byte records; the largest record the unit writes (PC, context,
 *   type, 2-byte events, three counters, data VA and PA, timestamp) is 55 bytes;
 * - CountSize = 0b0010 (12-bit saturating); Format = 0; PBT = 0.
 */
export const PMSIDR_EL1_VALUE = 0b1111n | (0n << 8n) | (6n << 12n) | (2n << 16n) | (0n << 20n);
export const PMSIDR_EL1_FIELDS = [
  f('FE', 0),
  f('FT', 1),
  f('FL', 2),
  f('ArchInst', 3),
  f('LDS', 4),
  f('ERnd', 5),
  f('FnE', 6),
  f('FDS', 7),
  f('Interval', 8, 4),
  f('MaxSize', 12, 4),
  f('CountSize', 16, 4),
  f('Format', 20, 4),
  f('PBT', 24),
] as const;
export const MAX_RECORD_BYTES = 1 << 6;

// PMBLIMITR_EL1: FM=0b10 (discard) is SPEv1p2, but the field is two bits wide in every
// version and software may write it; the buffer code treats non-fill modes as reserved.
export const PMBLIMITR_EL1_FIELDS = [f('E', 0), f('FM', 1, 2), f('LIMIT', 12, 52)] as const;
const PMBLIMITR_MASK = 0xffff_ffff_ffff_f007n;

export const PMBPTR_EL1_FIELDS = [f('PTR', 0, 64)] as const;

export const PMBSR_EL1_FIELDS = [
  f('MSS', 0, 16),
  f('COLL', 16),
  f('S', 17),
  f('EA', 18),
  f('DL', 19),
  f('EC', 26, 6),
] as const;
const PMBSR_MASK = 0xfc0f_ffffn;

/** PMBSR_EL1 field values the buffer code will write (spe.md §2, [ARM D17.8]). */
export const PMBSR = {
  COLL: 1 << 16,
  S: 1 << 17,
  EA: 1 << 18,
  DL: 1 << 19,
  EC_SHIFT: 26,
  EC_OTHER: 0x00,
  EC_STAGE1_ABORT: 0x24,
  EC_STAGE2_ABORT: 0x25,
  BSC_NOT_ALLOWED: 0b000000,
  BSC_FULL: 0b000001,
} as const;

/**
 * PMBIDR_EL1 without P: Align = 0 (byte-aligned PMBPTR; the unit writes bytes, nothing needs
 * more), F = 0 (no hardware Access flag / dirty management of the buffer's pages — optional
 * before SPEv1p3; a missing AF is a fault), EA = 0 (external aborts not described).
 */
export const PMBIDR_EL1_BASE = 0n;
export const PMBIDR_EL1_P = 1 << 4;
export const PMBIDR_EL1_FIELDS = [f('Align', 0, 4), f('P', 4), f('F', 5), f('EA', 8, 4)] as const;

/** Reads PMBIDR_EL1 at the accessing EL: P depends on who owns the buffer (spe.md §2). */
function readPmbidr(cpu: Cpu, out: Int32Array): void {
  out[0] = Number(PMBIDR_EL1_BASE) | (programmingNotAllowed(cpu) ? PMBIDR_EL1_P : 0);
  out[1] = 0;
}

/**
 * PMBSR_EL1 writes (after the write mask): PMBIRQ follows PMBSR.S, so software setting S
 * asserts the interrupt and clearing it deasserts it (spe.md §7).
 */
function writePmbsr(cpu: Cpu, lo: number, hi: number): void {
  const slot = 2 * cpu.registry.require('PMBSR_EL1').index;
  cpu.sys[slot] = lo;
  cpu.sys[slot + 1] = hi;
  const st = cpu.tryGet(SpeStateToken);
  if (st !== undefined) updateIrq(cpu, st);
}

/** PMSCR_EL1 reads: without EL2, PCT reads 0b01 — the physical counter (D24.7.8). */
function readPmscrEl1(cpu: Cpu, out: Int32Array): void {
  const slot = 2 * cpu.registry.require('PMSCR_EL1').index;
  const lo = cpu.sys[slot]!;
  out[0] = cpu.hasEL2 ? lo : (lo & ~0xc0) | 0x40;
  out[1] = cpu.sys[slot + 1]!;
}

/**
 * PMBLIMITR_EL1 writes: the sampler is installed in core's `cpu.sampler` seam only while the
 * buffer is enabled (E=1), since profiling is disabled otherwise — so a CPU whose buffer is
 * off runs exactly like one without SPE.
 */
function writePmblimitr(cpu: Cpu, lo: number, hi: number): void {
  const slot = 2 * cpu.registry.require('PMBLIMITR_EL1').index;
  cpu.sys[slot] = lo;
  cpu.sys[slot + 1] = hi;
  const st = cpu.tryGet(SpeStateToken);
  if (st !== undefined) cpu.sampler = (lo & 1) !== 0 ? st.sampler : undefined;
}

const spe = (d: Omit<SysRegDef, 'feature' | 'group'>): SysRegDef => ({
  ...d,
  feature: FEAT_SPE,
  group: 'spe',
});

/**
 * The registers. Resets: the architecture leaves most fields UNKNOWN at reset; hypsim
 * resets them to 0 (deterministic, and "profiling disabled, buffer disabled, no event"),
 * which is one of the permitted values.
 */
export const SPE_SYSREGS: readonly SysRegDef[] = [
  spe({
    name: 'PMSCR_EL1',
    encoding: [3, 0, 9, 9, 0],
    minEL: 1,
    writeMask: PMSCR_MASK,
    fields: PMSCR_EL1_FIELDS,
    read: readPmscrEl1,
    e2hRedirect: 'PMSCR_EL2',
    traps: TPMS,
  }),
  spe({
    name: 'PMSCR_EL2',
    encoding: [3, 4, 9, 9, 0],
    minEL: 2,
    writeMask: PMSCR_MASK,
    fields: PMSCR_EL2_FIELDS,
  }),
  spe({
    name: 'PMSICR_EL1',
    encoding: [3, 0, 9, 9, 2],
    minEL: 1,
    writeMask: 0xffff_ffffn,
    fields: PMSICR_EL1_FIELDS,
    traps: TPMS,
  }),
  spe({
    name: 'PMSIRR_EL1',
    encoding: [3, 0, 9, 9, 3],
    minEL: 1,
    writeMask: 0xffff_ff01n,
    fields: PMSIRR_EL1_FIELDS,
    traps: TPMS,
  }),
  spe({
    name: 'PMSFCR_EL1',
    encoding: [3, 0, 9, 9, 4],
    minEL: 1,
    writeMask: PMSFCR_MASK,
    fields: PMSFCR_EL1_FIELDS,
    traps: TPMS,
  }),
  spe({
    name: 'PMSEVFR_EL1',
    encoding: [3, 0, 9, 9, 5],
    minEL: 1,
    writeMask: PMSEVFR_SPEV1_MASK,
    traps: TPMS,
  }),
  spe({
    name: 'PMSLATFR_EL1',
    encoding: [3, 0, 9, 9, 6],
    minEL: 1,
    writeMask: BigInt(COUNTER_MAX),
    fields: [f('MINLAT', 0, COUNTER_BITS)],
    traps: TPMS,
  }),
  spe({
    name: 'PMSIDR_EL1',
    encoding: [3, 0, 9, 9, 7],
    minEL: 1,
    access: 'ro',
    reset: PMSIDR_EL1_VALUE,
    fields: PMSIDR_EL1_FIELDS,
    traps: TPMS,
  }),
  spe({
    name: 'PMBLIMITR_EL1',
    encoding: [3, 0, 9, 10, 0],
    minEL: 1,
    writeMask: PMBLIMITR_MASK,
    fields: PMBLIMITR_EL1_FIELDS,
    write: writePmblimitr,
    traps: E2PB,
  }),
  spe({
    name: 'PMBPTR_EL1',
    encoding: [3, 0, 9, 10, 1],
    minEL: 1,
    fields: PMBPTR_EL1_FIELDS,
    traps: E2PB,
  }),
  spe({
    name: 'PMBSR_EL1',
    encoding: [3, 0, 9, 10, 3],
    minEL: 1,
    writeMask: PMBSR_MASK,
    fields: PMBSR_EL1_FIELDS,
    write: writePmbsr,
    traps: E2PB,
  }),
  // Never trapped by MDCR_EL2.E2PB/TPMS [ARM D24.3]: software can always ask who owns the buffer.
  spe({
    name: 'PMBIDR_EL1',
    encoding: [3, 0, 9, 10, 7],
    minEL: 1,
    access: 'ro',
    fields: PMBIDR_EL1_FIELDS,
    read: readPmbidr,
  }),
];
