import type { SysRegDef } from '@hypsim/core';
import { gicOf, out32 } from './token.js';
import { ICH_VTR_EL2, NUM_LRS, type VirtualInterface } from './virtual.js';

/**
 * The hypervisor's side of the GIC virtualization interface: ICH_*_EL2 (Arm IHI 0069, 12.4).
 * Every write recomputes the virtual interrupt and maintenance signals.
 */

function ich(
  name: string,
  crm: number,
  op2: number,
  read: (v: VirtualInterface, out: Int32Array) => void,
  write?: (v: VirtualInterface, lo: number, hi: number) => void,
): SysRegDef {
  return {
    name,
    encoding: [3, 4, 12, crm, op2],
    minEL: 2,
    feature: 'FEAT_AA64EL2',
    group: 'gic',
    access: write ? 'rw' : 'ro',
    read: (cpu, out) => read(gicOf(cpu).vif[cpu.index]!, out),
    ...(write && {
      write: (cpu, lo, hi) => {
        const v = gicOf(cpu).vif[cpu.index]!;
        write(v, lo, hi);
        v.update();
      },
    }),
  };
}

/**
 * ICH_HCR_EL2 bits hypsim implements: En, UIE, LRENPIE, NPIE, VGrp*IE, the trap controls TC,
 * TALL0, TALL1 and TDIR, and EOIcount.
 */
const HCR_MASK = 0xf8005cff;
/** ICH_VMCR_EL2 writable fields: VENG0/1, VAckCtl, VFIQEn, VCBPR, VEOIM, VBPR1, VBPR0, VPMR. */
const VMCR_MASK = 0xfffc021f;

export const ICH_SYSREGS: readonly SysRegDef[] = [
  ...[0, 1, 2, 3].map((n) =>
    ich(
      `ICH_AP0R${n}_EL2`,
      8,
      n,
      (v, out) => out32(out, n === 0 ? v.ap0 : 0),
      (v, lo) => {
        if (n === 0) v.ap0 = lo >>> 0;
      },
    ),
  ),
  ...[0, 1, 2, 3].map((n) =>
    ich(
      `ICH_AP1R${n}_EL2`,
      9,
      n,
      (v, out) => out32(out, n === 0 ? v.ap1 : 0),
      (v, lo) => {
        if (n === 0) v.ap1 = lo >>> 0;
      },
    ),
  ),
  ich(
    'ICH_HCR_EL2',
    11,
    0,
    (v, out) => out32(out, v.hcr),
    (v, lo) => {
      v.hcr = (lo & HCR_MASK) >>> 0;
    },
  ),
  ich('ICH_VTR_EL2', 11, 1, (_v, out) => out32(out, ICH_VTR_EL2)),
  ich('ICH_MISR_EL2', 11, 2, (v, out) => out32(out, v.misr())),
  ich('ICH_EISR_EL2', 11, 3, (v, out) => out32(out, v.eisr())),
  ich('ICH_ELRSR_EL2', 11, 5, (v, out) => out32(out, v.elrsr())),
  ich(
    'ICH_VMCR_EL2',
    11,
    7,
    (v, out) => out32(out, v.vmcr),
    (v, lo) => {
      v.vmcr = (lo & VMCR_MASK) >>> 0;
    },
  ),
  ...Array.from({ length: 16 }, (_, n) =>
    ich(
      `ICH_LR${n}_EL2`,
      12 + (n >> 3),
      n & 7,
      (v, out) => {
        // List registers past ICH_VTR_EL2.ListRegs are RES0.
        out[0] = n < NUM_LRS ? v.lrLo[n]! | 0 : 0;
        out[1] = n < NUM_LRS ? v.lrHi[n]! | 0 : 0;
      },
      (v, lo, hi) => {
        if (n >= NUM_LRS) return;
        v.lrLo[n] = lo >>> 0;
        // Keep State, HW, Group, Priority, pINTID and EOI (bit 41); the rest is RES0.
        v.lrHi[n] = (hi & 0xf0ff1fff) >>> 0;
      },
    ),
  ),
];
