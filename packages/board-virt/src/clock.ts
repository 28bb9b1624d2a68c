import type { Cpu, Machine } from '@hypsim/core';

/**
 * The board's time model, in one place. Virtual time is in nanoseconds and comes from retired
 * instructions: one instruction is 1 ns, the same rate core's semihosting clock uses, so
 * SYS_CLOCK and CNTPCT agree. The generic timer counts at 62.5 MHz like QEMU's `virt`, which is
 * exactly one tick per 16 ns.
 *
 * Each CPU sees `instret + skew`. A CPU that waits (WFI) or is powered off retires nothing, so
 * at the end of every round its skew is moved up to the most advanced CPU: time flows for it as
 * for the others. When every CPU waits, `advanceTo` jumps all of them to the next timer
 * deadline instead of spinning.
 */
export const CNTFRQ_HZ = 62_500_000;
export const NS_PER_TICK = 16;

export class VirtualClock {
  private readonly skew: Float64Array;

  constructor(private readonly m: Machine) {
    this.skew = new Float64Array(m.cpus.length);
  }

  /** Virtual nanoseconds as `cpu` sees them. */
  nowNs(cpu: Cpu): number {
    return cpu.instret + this.skew[cpu.index]!;
  }

  /** The physical count (CNTPCT_EL0) as `cpu` sees it. */
  ticks(cpu: Cpu): bigint {
    return BigInt(Math.floor(this.nowNs(cpu) / NS_PER_TICK));
  }

  /** The latest time any CPU has reached. */
  globalNs(): number {
    let t = 0;
    for (const c of this.m.cpus) t = Math.max(t, this.nowNs(c));
    return t;
  }

  /** Brings waiting and powered-off CPUs up to the machine's time (end of every round). */
  syncWaiting(): void {
    const g = this.globalNs();
    for (const c of this.m.cpus) if (c.halted || c.off) this.sync(c, g);
  }

  /** Sets `cpu`'s time to `ns` (e.g. after CPU_ON reset its instruction count). */
  sync(cpu: Cpu, ns = this.globalNs()): void {
    this.skew[cpu.index] = ns - cpu.instret;
  }

  /** Every CPU that is behind `ns` jumps to it (idle: nothing can happen before `ns`). */
  advanceTo(ns: number): void {
    for (const c of this.m.cpus) if (this.nowNs(c) < ns) this.sync(c, ns);
  }
}
