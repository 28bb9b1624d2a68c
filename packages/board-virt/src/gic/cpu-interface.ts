import type { Cpu, SysRegDef, TrapRule } from '@hypsim/core';
import { PRI_BITS, PRI_MASK } from './gic.js';
import { gicOf, out32 } from './token.js';
import { ICH_VMCR } from './virtual.js';

/**
 * The GICv3 CPU interface as system registers (ICC_*_EL1), and the virtual CPU interface behind
 * the same encodings: an EL1 access goes to the ICV_* view when HCR_EL2.IMO (Group 1 registers),
 * HCR_EL2.FMO (Group 0) or either (the common ones) is set, exactly as on hardware.
 */

const IMO = 1 << 4;
const FMO = 1 << 3;

/** Which HCR_EL2 routing bits send a register to its ICV_* view. */
type Kind = 'g0' | 'g1' | 'common';

function virtual(cpu: Cpu, kind: Kind): boolean {
  if (cpu.el !== 1 || !cpu.hasEL2 || cpu.tge) return false;
  const h = cpu.hcrLo;
  return kind === 'g1'
    ? (h & IMO) !== 0
    : kind === 'g0'
      ? (h & FMO) !== 0
      : (h & (IMO | FMO)) !== 0;
}

/** ICC_SGI*R_EL1 at EL1 trap to EL2 when interrupts are routed there (IMO/FMO). */
const SGI_TRAP: readonly TrapRule[] = [
  {
    check: (cpu) => (virtual(cpu, 'common') ? { to: 2 } : undefined),
    describe: 'HCR_EL2.IMO/FMO trap ICC_SGI*R_EL1 at EL1',
  },
];

/** ICC_CTLR_EL1 read-only fields: PRIbits = 4, IDbits = 0 (16 bits), A3V = 1. */
const CTLR_RO = ((PRI_BITS - 1) << 8) | (1 << 15);

function icc(
  name: string,
  op2: number,
  crm: number,
  extra: Partial<SysRegDef>,
  op1 = 0,
): SysRegDef {
  return { name, encoding: [3, op1, 12, crm, op2], minEL: 1, group: 'gic', ...extra };
}

const ICC_DEFS: readonly SysRegDef[] = [
  {
    name: 'ICC_PMR_EL1',
    encoding: [3, 0, 4, 6, 0],
    minEL: 1,
    group: 'gic',
    read: (cpu, out) => {
      const g = gicOf(cpu);
      out32(out, virtual(cpu, 'common') ? g.vif[cpu.index]!.vpmr : g.icc[cpu.index]!.pmr);
    },
    write: (cpu, lo) => {
      const g = gicOf(cpu);
      if (virtual(cpu, 'common')) {
        const v = g.vif[cpu.index]!;
        v.vmcr = ((v.vmcr & 0x00ffffff) | ((lo & PRI_MASK) << 24)) >>> 0;
        v.update();
      } else {
        g.icc[cpu.index]!.pmr = lo & PRI_MASK;
        g.update(cpu.index);
      }
    },
  },
  ...[0, 1].flatMap((grp): SysRegDef[] => {
    const kind: Kind = grp === 0 ? 'g0' : 'g1';
    const crm = grp === 0 ? 8 : 12;
    return [
      icc(`ICC_IAR${grp}_EL1`, 0, crm, {
        access: 'ro',
        read: (cpu, out) => {
          const g = gicOf(cpu);
          out32(
            out,
            virtual(cpu, kind) ? g.vif[cpu.index]!.acknowledge(grp) : g.acknowledge(cpu.index, grp),
          );
        },
      }),
      icc(`ICC_EOIR${grp}_EL1`, 1, crm, {
        access: 'wo',
        write: (cpu, lo) => {
          const g = gicOf(cpu);
          const intid = lo & 0xffffff;
          if (virtual(cpu, kind)) g.vif[cpu.index]!.endOfInterrupt(grp, intid);
          else g.endOfInterrupt(cpu.index, intid);
        },
      }),
      icc(`ICC_HPPIR${grp}_EL1`, 2, crm, {
        access: 'ro',
        read: (cpu, out) => {
          const g = gicOf(cpu);
          if (virtual(cpu, kind)) return out32(out, g.vif[cpu.index]!.highestPending(grp));
          const h = g.hppi(cpu.index);
          out32(out, h >= 0 && g.bank(cpu.index, h).group[h] === grp ? h : 1023);
        },
      }),
      icc(`ICC_BPR${grp}_EL1`, 3, crm, {
        read: (cpu, out) => {
          const g = gicOf(cpu);
          if (virtual(cpu, kind))
            return out32(out, (g.vif[cpu.index]!.vmcr >>> (grp === 0 ? 21 : 18)) & 7);
          const s = g.icc[cpu.index]!;
          out32(out, grp === 0 ? s.bpr0 : s.bpr1);
        },
        write: (cpu, lo) => {
          const g = gicOf(cpu);
          if (virtual(cpu, kind)) {
            const v = g.vif[cpu.index]!;
            const sh = grp === 0 ? 21 : 18;
            const min = grp === 0 ? 2 : 3;
            v.vmcr = ((v.vmcr & ~(7 << sh)) | (Math.max(lo & 7, min) << sh)) >>> 0;
            v.update();
            return;
          }
          const s = g.icc[cpu.index]!;
          // The minimum binary point follows from the 5 implemented priority bits.
          if (grp === 0) s.bpr0 = Math.max(lo & 7, 7 - PRI_BITS);
          else s.bpr1 = Math.max(lo & 7, 8 - PRI_BITS);
          g.update(cpu.index);
        },
      }),
      ...[0, 1, 2, 3].map((n) =>
        icc(`ICC_AP${grp}R${n}_EL1`, 4 + n, grp === 0 ? 8 : 9, {
          read: (cpu, out) => {
            if (n !== 0) return out32(out, 0);
            const g = gicOf(cpu);
            if (virtual(cpu, kind)) {
              const v = g.vif[cpu.index]!;
              return out32(out, grp === 0 ? v.ap0 : v.ap1);
            }
            const s = g.icc[cpu.index]!;
            out32(out, grp === 0 ? s.ap0 : s.ap1);
          },
          write: (cpu, lo) => {
            if (n !== 0) return;
            const g = gicOf(cpu);
            if (virtual(cpu, kind)) {
              const v = g.vif[cpu.index]!;
              if (grp === 0) v.ap0 = lo >>> 0;
              else v.ap1 = lo >>> 0;
              v.update();
              return;
            }
            const s = g.icc[cpu.index]!;
            if (grp === 0) s.ap0 = lo >>> 0;
            else s.ap1 = lo >>> 0;
            g.update(cpu.index);
          },
        }),
      ),
      icc(`ICC_IGRPEN${grp}_EL1`, 6 + grp, 12, {
        read: (cpu, out) => {
          const g = gicOf(cpu);
          if (virtual(cpu, kind)) {
            const bit = grp === 0 ? ICH_VMCR.VENG0 : ICH_VMCR.VENG1;
            return out32(out, g.vif[cpu.index]!.vmcr & bit ? 1 : 0);
          }
          const s = g.icc[cpu.index]!;
          out32(out, grp === 0 ? s.igrpen0 : s.igrpen1);
        },
        write: (cpu, lo) => {
          const g = gicOf(cpu);
          if (virtual(cpu, kind)) {
            const v = g.vif[cpu.index]!;
            const bit = grp === 0 ? ICH_VMCR.VENG0 : ICH_VMCR.VENG1;
            v.vmcr = (lo & 1 ? v.vmcr | bit : v.vmcr & ~bit) >>> 0;
            v.update();
            return;
          }
          const s = g.icc[cpu.index]!;
          if (grp === 0) s.igrpen0 = lo & 1;
          else s.igrpen1 = lo & 1;
          g.update(cpu.index);
        },
      }),
    ];
  }),
  icc('ICC_DIR_EL1', 1, 11, {
    access: 'wo',
    write: (cpu, lo) => {
      const g = gicOf(cpu);
      const intid = lo & 0xffffff;
      if (virtual(cpu, 'common')) g.vif[cpu.index]!.deactivate(intid);
      else g.deactivate(cpu.index, intid);
    },
  }),
  icc('ICC_RPR_EL1', 3, 11, {
    access: 'ro',
    read: (cpu, out) => {
      const g = gicOf(cpu);
      out32(
        out,
        virtual(cpu, 'common') ? g.vif[cpu.index]!.runningPriority() : g.runningPriority(cpu.index),
      );
    },
  }),
  ...(
    [
      ['ICC_SGI1R_EL1', 5],
      ['ICC_ASGI1R_EL1', 6],
      ['ICC_SGI0R_EL1', 7],
    ] as const
  ).map(([name, op2]) =>
    icc(name, op2, 11, {
      access: 'wo',
      traps: SGI_TRAP,
      write: (cpu, lo, hi) => {
        // ASGI1R targets the other Security state, which does not exist here (DS = 1).
        if (name === 'ICC_ASGI1R_EL1') return;
        gicOf(cpu).generateSgi(cpu.index, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
      },
    }),
  ),
  icc('ICC_CTLR_EL1', 4, 12, {
    read: (cpu, out) => {
      const g = gicOf(cpu);
      if (virtual(cpu, 'common')) {
        const vm = g.vif[cpu.index]!.vmcr;
        const v = CTLR_RO | (vm & ICH_VMCR.VCBPR ? 1 : 0) | (vm & ICH_VMCR.VEOIM ? 2 : 0);
        return out32(out, v);
      }
      out32(out, CTLR_RO | g.icc[cpu.index]!.ctlr);
    },
    write: (cpu, lo) => {
      const g = gicOf(cpu);
      if (virtual(cpu, 'common')) {
        const v = g.vif[cpu.index]!;
        let vm = v.vmcr & ~(ICH_VMCR.VCBPR | ICH_VMCR.VEOIM);
        if (lo & 1) vm |= ICH_VMCR.VCBPR;
        if (lo & 2) vm |= ICH_VMCR.VEOIM;
        v.vmcr = vm >>> 0;
        v.update();
        return;
      }
      g.icc[cpu.index]!.ctlr = lo & 3;
      g.update(cpu.index);
    },
  }),
  // Only the system-register interface exists: SRE, DFB and DIB are RAO/WI.
  icc('ICC_SRE_EL1', 5, 12, { read: (_c, out) => out32(out, 7), write: () => undefined }),
  icc(
    'ICC_SRE_EL2',
    5,
    9,
    {
      minEL: 2,
      feature: 'FEAT_AA64EL2',
      read: (_c, out) => out32(out, 0xf),
      write: () => undefined,
    },
    4,
  ),
];

/** ICH_HCR_EL2 trap controls for the ICV_* view: TC (10), TALL0 (11), TALL1 (12), TDIR (14). */
function ichTraps(name: string): TrapRule[] {
  const grp =
    /^ICC_(?:IAR|EOIR|HPPIR|BPR|IGRPEN)([01])_EL1$/.exec(name) ??
    /^ICC_AP([01])R\d_EL1$/.exec(name);
  const common = ['ICC_PMR_EL1', 'ICC_CTLR_EL1', 'ICC_RPR_EL1', 'ICC_DIR_EL1'].includes(name);
  if (!grp && !common) return [];
  const kind: Kind = grp ? (grp[1] === '0' ? 'g0' : 'g1') : 'common';
  let bits = grp ? (grp[1] === '0' ? 1 << 11 : 1 << 12) : 1 << 10;
  if (name === 'ICC_DIR_EL1') bits |= 1 << 14;
  return [
    {
      check: (cpu) =>
        virtual(cpu, kind) && (gicOf(cpu).vif[cpu.index]!.hcr & bits) !== 0 ? { to: 2 } : undefined,
      describe: `ICH_HCR_EL2 traps of ${name} (TC/TALL0/TALL1/TDIR)`,
    },
  ];
}

/** The ICC_* registers, each with its ICH_HCR_EL2 trap rule. */
export const ICC_SYSREGS: readonly SysRegDef[] = ICC_DEFS.map((d) => {
  const t = ichTraps(d.name);
  return t.length ? { ...d, traps: [...(d.traps ?? []), ...t] } : d;
});
