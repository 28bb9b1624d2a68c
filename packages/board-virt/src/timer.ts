import {
  token,
  type Cpu,
  type InterruptController,
  type SysRegDef,
  type TrapRule,
} from '@hypsim/core';
import { CNTFRQ_HZ, NS_PER_TICK, type VirtualClock } from './clock.js';

/**
 * The Arm generic timer of each PE: the counters and the EL1 physical, EL1 virtual, EL2 physical
 * and (VHE) EL2 virtual timers, wired to PPIs as on QEMU `virt`. Time comes from the board's
 * `VirtualClock`, never the wall clock.
 */

/** Timer numbers, and the INTID QEMU `virt` wires each one to. */
export const TIMER = { PHYS: 0, VIRT: 1, HYP_PHYS: 2, HYP_VIRT: 3 } as const;
export const TIMER_INTID = [30, 27, 26, 28] as const;

/** CNTx_CTL bits. */
const ENABLE = 1;
const IMASK = 2;
const ISTATUS = 4;

/** One PE's timer registers. */
export class TimerState {
  readonly ctl = new Uint8Array(4);
  readonly cval: bigint[] = [0n, 0n, 0n, 0n];
  cntvoff = 0n;
  /** The output level last sent to the GIC, per timer. */
  readonly level = new Uint8Array(4);

  reset(): void {
    this.ctl.fill(0);
    this.cval.fill(0n);
    this.cntvoff = 0n;
  }
}

export interface TimerContext {
  clock: VirtualClock;
  gic: InterruptController;
  state: TimerState;
  /** Storage slots of core's CNTKCTL_EL1 and CNTHCTL_EL2 in `cpu.sys`. */
  cntkctlSlot: number;
  cnthctlSlot: number;
}

export const TimerToken = token<TimerContext>('board-virt.GenericTimer');

function ctx(cpu: Cpu): TimerContext {
  return cpu.get(TimerToken);
}

/** CNTVOFF_EL2 applies except in the VHE host (EL2 or EL0 with E2H = TGE = 1). */
function virtOffset(cpu: Cpu, t: TimerContext): bigint {
  if (!cpu.hasEL2 || (cpu.inHost && cpu.el !== 1)) return 0n;
  return t.state.cntvoff;
}

/** The count a timer compares against: physical, or virtual (physical minus CNTVOFF_EL2). */
function countFor(cpu: Cpu, t: TimerContext, n: number): bigint {
  const pct = t.clock.ticks(cpu);
  return n === TIMER.VIRT || n === TIMER.HYP_VIRT ? pct - t.state.cntvoff : pct;
}

function ctlValue(cpu: Cpu, t: TimerContext, n: number): number {
  const c = t.state.ctl[n]!;
  const met = (c & ENABLE) !== 0 && countFor(cpu, t, n) >= t.state.cval[n]!;
  return c | (met ? ISTATUS : 0);
}

/** Recomputes the four timer outputs of `cpu` and raises or lowers their PPIs. */
export function updateTimers(cpu: Cpu): void {
  const t = ctx(cpu);
  const c = t.state.ctl;
  const l = t.state.level;
  // Nothing enabled and no line raised: nothing can change (the common case, every round).
  if ((c[0]! | c[1]! | c[2]! | c[3]! | l[0]! | l[1]! | l[2]! | l[3]!) === 0) return;
  for (let n = 0; n < 4; n++) {
    const c = ctlValue(cpu, t, n);
    const lvl = (c & (ENABLE | IMASK | ISTATUS)) === (ENABLE | ISTATUS) ? 1 : 0;
    if (lvl !== t.state.level[n]) {
      t.state.level[n] = lvl;
      t.gic.setPpi(cpu.index, TIMER_INTID[n]!, lvl === 1);
    }
  }
}

/** The virtual time (ns) at which one of `cpu`'s armed timers next fires; Infinity if none. */
export function nextDeadlineNs(cpu: Cpu): number {
  const t = ctx(cpu);
  let best = Number.POSITIVE_INFINITY;
  for (let n = 0; n < 4; n++) {
    const c = t.state.ctl[n]!;
    if ((c & (ENABLE | IMASK)) !== ENABLE || t.state.level[n] === 1) continue;
    const off = n === TIMER.VIRT || n === TIMER.HYP_VIRT ? t.state.cntvoff : 0n;
    const tick = t.state.cval[n]! + off;
    best = Math.min(best, Number(tick) * NS_PER_TICK);
  }
  return best;
}

// ---- access controls ---------------------------------------------------------------------------

type Ctl = 'pct' | 'vct' | 'ptimer' | 'vtimer';

/**
 * EL0 access enables (CNTKCTL_EL1, or CNTHCTL_EL2 in the VHE host) and the EL1 physical
 * counter/timer traps (CNTHCTL_EL2.EL1PCTEN/EL1PCEN, at bits 10/11 when E2H = 1).
 */
function timerTrap(what: Ctl): TrapRule {
  return {
    describe: `generic timer ${what} access controls (CNTKCTL_EL1, CNTHCTL_EL2)`,
    check: (cpu) => {
      const t = ctx(cpu);
      const hctl = cpu.hasEL2 ? cpu.sys[t.cnthctlSlot]! : 0;
      if (cpu.el === 0) {
        const host = cpu.hasEL2 && cpu.inHost;
        const k = host ? hctl : cpu.sys[t.cntkctlSlot]!;
        const bit = { pct: 0, vct: 1, ptimer: 9, vtimer: 8 }[what];
        if (((k >> bit) & 1) === 0) return { to: host || (cpu.hasEL2 && cpu.tge) ? 2 : 1 };
      }
      if (!cpu.hasEL2 || cpu.inHost || cpu.el === 2) return undefined;
      if (what !== 'pct' && what !== 'ptimer') return undefined;
      const e2h = cpu.e2h;
      const bit = what === 'pct' ? (e2h ? 10 : 0) : e2h ? 11 : 1;
      return ((hctl >> bit) & 1) === 0 ? { to: 2 } : undefined;
    },
  };
}

// ---- register definitions ----------------------------------------------------------------------

function setOut(out: Int32Array, v: bigint): void {
  out[0] = Number(v & 0xffffffffn) | 0;
  out[1] = Number((v >> 32n) & 0xffffffffn) | 0;
}

function timerRegs(
  n: number,
  prefix: string,
  op1: number,
  crm: number,
  minEL: 0 | 2,
  extra: Partial<SysRegDef>,
  redirect?: string,
): SysRegDef[] {
  const base = (suffix: string, op2: number): SysRegDef => ({
    name: `${prefix}_${suffix}`,
    encoding: [3, op1, 14, crm, op2],
    minEL,
    group: 'timer',
    ...extra,
    ...(redirect && { e2hRedirect: `${redirect}_${suffix.replace('EL0', 'EL2')}` }),
  });
  return [
    {
      ...base('TVAL_EL0'.replace('EL0', minEL === 2 ? 'EL2' : 'EL0'), 0),
      read: (cpu, out) => {
        const t = ctx(cpu);
        const v = BigInt.asIntN(32, t.state.cval[n]! - countFor(cpu, t, n));
        setOut(out, BigInt.asUintN(32, v));
      },
      write: (cpu, lo) => {
        const t = ctx(cpu);
        t.state.cval[n] = BigInt.asUintN(64, countFor(cpu, t, n) + BigInt(lo | 0));
        updateTimers(cpu);
      },
    },
    {
      ...base('CTL_EL0'.replace('EL0', minEL === 2 ? 'EL2' : 'EL0'), 1),
      read: (cpu, out) => {
        out[0] = ctlValue(cpu, ctx(cpu), n);
        out[1] = 0;
      },
      write: (cpu, lo) => {
        ctx(cpu).state.ctl[n] = lo & (ENABLE | IMASK);
        updateTimers(cpu);
      },
    },
    {
      ...base('CVAL_EL0'.replace('EL0', minEL === 2 ? 'EL2' : 'EL0'), 2),
      read: (cpu, out) => setOut(out, ctx(cpu).state.cval[n]!),
      write: (cpu, lo, hi) => {
        ctx(cpu).state.cval[n] = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
        updateTimers(cpu);
      },
    },
  ];
}

export const TIMER_SYSREGS: readonly SysRegDef[] = [
  {
    name: 'CNTFRQ_EL0',
    encoding: [3, 3, 14, 0, 0],
    minEL: 0,
    reset: BigInt(CNTFRQ_HZ),
    writeMask: 0xffffffffn,
    group: 'timer',
    // Only the highest EL writes it; EL0 reads it when either EL0 counter is enabled.
    accessible: (cpu, dir) => dir === 'read' || cpu.el === (cpu.hasEL2 ? 2 : 1),
  },
  {
    name: 'CNTPCT_EL0',
    encoding: [3, 3, 14, 0, 1],
    minEL: 0,
    access: 'ro',
    group: 'timer',
    traps: [timerTrap('pct')],
    read: (cpu, out) => setOut(out, ctx(cpu).clock.ticks(cpu)),
  },
  {
    name: 'CNTVCT_EL0',
    encoding: [3, 3, 14, 0, 2],
    minEL: 0,
    access: 'ro',
    group: 'timer',
    traps: [timerTrap('vct')],
    read: (cpu, out) => {
      const t = ctx(cpu);
      setOut(out, BigInt.asUintN(64, t.clock.ticks(cpu) - virtOffset(cpu, t)));
    },
  },
  ...timerRegs(TIMER.PHYS, 'CNTP', 3, 2, 0, { traps: [timerTrap('ptimer')] }, 'CNTHP'),
  ...timerRegs(TIMER.VIRT, 'CNTV', 3, 3, 0, { traps: [timerTrap('vtimer')] }, 'CNTHV'),
  ...timerRegs(TIMER.HYP_PHYS, 'CNTHP', 4, 2, 2, { feature: 'FEAT_AA64EL2' }),
  ...timerRegs(TIMER.HYP_VIRT, 'CNTHV', 4, 3, 2, { feature: 'FEAT_VHE' }),
  {
    name: 'CNTVOFF_EL2',
    encoding: [3, 4, 14, 0, 3],
    minEL: 2,
    feature: 'FEAT_AA64EL2',
    group: 'timer',
    read: (cpu, out) => setOut(out, ctx(cpu).state.cntvoff),
    write: (cpu, lo, hi) => {
      ctx(cpu).state.cntvoff = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
      updateTimers(cpu);
    },
  },
];
