import type { Cpu, InterruptController } from '@hypsim/core';
import { IrqBank } from './state.js';
import { VirtualInterface } from './virtual.js';

/** QEMU `virt`: 256 SPIs, so INTIDs 0–287 (GICD_TYPER.ITLinesNumber = 8). */
export const NUM_IRQ = 288;
/** INTID returned by an acknowledge with nothing to acknowledge. */
export const SPURIOUS = 1023;
/** Priority bits implemented (QEMU's CPU interface for `-cpu max`): priorities step by 8. */
export const PRI_BITS = 5;
export const PRI_MASK = 0xff & (0xff << (8 - PRI_BITS));
/** The maintenance interrupt (PPI 9 = INTID 25), as QEMU wires it on `virt`. */
export const MAINTENANCE_INTID = 25;

/** GICD_CTLR bits (single security state: GICD_CTLR.DS = 1). */
export const GICD_CTLR = { EnableGrp0: 1, EnableGrp1: 2, ARE: 1 << 4, DS: 1 << 6 } as const;

/** Physical CPU interface state of one PE (the ICC_* registers). */
export class CpuInterfaceState {
  pmr = 0;
  bpr0 = PRI_BITS === 5 ? 2 : 0;
  bpr1 = 3;
  /** ICC_CTLR_EL1 writable bits: CBPR (0), EOImode (1). */
  ctlr = 0;
  igrpen0 = 0;
  igrpen1 = 0;
  /** Active priorities, one bit per group priority (ICC_AP0R0_EL1 / ICC_AP1R0_EL1). */
  ap0 = 0;
  ap1 = 0;

  reset(): void {
    this.pmr = 0;
    this.bpr0 = 2;
    this.bpr1 = 3;
    this.ctlr = 0;
    this.igrpen0 = this.igrpen1 = 0;
    this.ap0 = this.ap1 = 0;
  }
}

/** Lowest set bit index of a 32-bit mask, 32 when none. */
export function lowestBit(v: number): number {
  return v === 0 ? 32 : 31 - Math.clz32(v & -v);
}

/**
 * A GICv3 without security extensions (GICD_CTLR.DS = 1, as on QEMU `virt` without EL3),
 * affinity routing always on, no LPIs. It implements core's `InterruptController`: devices raise
 * PPIs and SPIs here, and the GIC drives every CPU's IRQ/FIQ (and, through the virtual interface,
 * vIRQ/vFIQ) inputs.
 */
export class Gicv3 implements InterruptController {
  gicdCtlr = GICD_CTLR.ARE | GICD_CTLR.DS;
  readonly spis = new IrqBank(NUM_IRQ);
  /** IROUTER for each SPI (index = INTID), as a 64-bit value. */
  readonly route: bigint[] = new Array<bigint>(NUM_IRQ).fill(0n);
  readonly privs: IrqBank[];
  readonly icc: CpuInterfaceState[];
  readonly vif: VirtualInterface[];
  /** GICR_WAKER.ProcessorSleep per CPU. */
  readonly sleep: Uint8Array;

  constructor(readonly cpus: readonly Cpu[]) {
    this.privs = cpus.map(() => new IrqBank(32));
    this.icc = cpus.map(() => new CpuInterfaceState());
    this.vif = cpus.map((c) => new VirtualInterface(this, c));
    this.sleep = new Uint8Array(cpus.length);
    this.reset();
  }

  reset(): void {
    this.gicdCtlr = GICD_CTLR.ARE | GICD_CTLR.DS;
    this.spis.reset();
    this.route.fill(0n);
    for (let i = 0; i < this.cpus.length; i++) this.resetCpu(i);
  }

  resetCpu(i: number): void {
    const b = this.privs[i]!;
    b.reset();
    // SGIs are always edge-triggered; PPIs reset to level (the timers are level-sensitive).
    for (let n = 0; n < 16; n++) b.edge[n] = 1;
    this.icc[i]!.reset();
    this.vif[i]!.reset();
    this.sleep[i] = 1;
  }

  // ---- InterruptController ----------------------------------------------------------------

  setPpi(cpu: number, intid: number, level: boolean): void {
    const b = this.privs[cpu]!;
    if ((b.line[intid] === 1) === level) return;
    b.setLine(intid, level);
    this.update(cpu);
  }

  setSpi(intid: number, level: boolean): void {
    if ((this.spis.line[intid] === 1) === level) return;
    this.spis.setLine(intid, level);
    this.updateAll();
  }

  // ---- routing ------------------------------------------------------------------------------

  /** The bank holding `intid` for CPU `ci`. */
  bank(ci: number, intid: number): IrqBank {
    return intid < 32 ? this.privs[ci]! : this.spis;
  }

  /** The CPU an SPI is routed to (IRM = 1, "any PE", picks CPU 0 as QEMU does). */
  spiTarget(intid: number): number {
    const r = this.route[intid]!;
    if ((r >> 31n) & 1n) return 0;
    const aff = (r & 0xffffffn) | (((r >> 32n) & 0xffn) << 32n);
    for (const c of this.cpus) if ((c.mpidr & 0xff00ffffffn) === aff) return c.index;
    return -1;
  }

  /** Group priority mask for a group (ICC_BPR0/1, CBPR), as QEMU's icc_gprio_mask. */
  gprioMask(ci: number, group: number): number {
    const s = this.icc[ci]!;
    if (group === 1 && (s.ctlr & 1) === 0) return 0xff & (0xff << s.bpr1);
    return 0xff & (0xff << (s.bpr0 + 1));
  }

  /** Running priority: the highest active group priority, 0xff when none. */
  runningPriority(ci: number): number {
    const s = this.icc[ci]!;
    const b = lowestBit(s.ap0 | s.ap1);
    return b === 32 ? 0xff : b << (8 - PRI_BITS);
  }

  /**
   * The highest-priority pending interrupt for CPU `ci` that is enabled, not active, in an
   * enabled group and routed here; -1 when none. Lowest INTID wins a tie, as on QEMU.
   */
  hppi(ci: number): number {
    let best = -1;
    let bestPrio = 0x100;
    const icc = this.icc[ci]!;
    const g0 = (this.gicdCtlr & GICD_CTLR.EnableGrp0) !== 0 && icc.igrpen0 !== 0;
    const g1 = (this.gicdCtlr & GICD_CTLR.EnableGrp1) !== 0 && icc.igrpen1 !== 0;
    if (!g0 && !g1) return -1;
    const consider = (b: IrqBank, i: number, intid: number): void => {
      if (b.enabled[i] === 0 || b.active[i] === 1 || !b.pending(i)) return;
      if (b.group[i] === 1 ? !g1 : !g0) return;
      const p = b.priority[i]! & PRI_MASK;
      if (p < bestPrio) {
        bestPrio = p;
        best = intid;
      }
    };
    const pb = this.privs[ci]!;
    for (let i = 0; i < 32; i++) consider(pb, i, i);
    for (let i = 32; i < NUM_IRQ; i++)
      if (this.spis.enabled[i] === 1 && this.spiTarget(i) === ci) consider(this.spis, i, i);
    return best;
  }

  /** Whether `intid` (pending, from hppi) may be signalled now: below PMR and preempting. */
  canSignal(ci: number, intid: number): boolean {
    const b = this.bank(ci, intid);
    const p = b.priority[intid]! & PRI_MASK;
    if (p >= this.icc[ci]!.pmr) return false;
    return (p & this.gprioMask(ci, b.group[intid]!)) < this.runningPriority(ci);
  }

  /** Recomputes CPU `ci`'s IRQ/FIQ (and virtual) inputs. */
  update(ci: number): void {
    const cpu = this.cpus[ci]!;
    let irq = false;
    let fiq = false;
    const h = this.hppi(ci);
    if (h >= 0 && this.canSignal(ci, h)) {
      if (this.bank(ci, h).group[h] === 1) irq = true;
      else fiq = true;
    }
    if (irq !== cpu.irqLine || fiq !== cpu.fiqLine) {
      cpu.irqLine = irq;
      cpu.fiqLine = fiq;
      cpu.exitInner = true;
    }
    this.vif[ci]!.update();
  }

  updateAll(): void {
    for (let i = 0; i < this.cpus.length; i++) this.update(i);
  }

  // ---- the CPU interface operations (ICC_IAR/EOIR/DIR/SGI1R) -------------------------------

  /** ICC_IARn_EL1: acknowledge the highest-priority pending interrupt of `group`. */
  acknowledge(ci: number, group: number): number {
    const h = this.hppi(ci);
    if (h < 0 || !this.canSignal(ci, h)) return SPURIOUS;
    const b = this.bank(ci, h);
    if (b.group[h] !== group) return SPURIOUS;
    b.latch[h] = 0;
    b.active[h] = 1;
    const bit = 1 << ((b.priority[h]! & this.gprioMask(ci, group)) >> (8 - PRI_BITS));
    const s = this.icc[ci]!;
    if (group === 0) s.ap0 |= bit;
    else s.ap1 |= bit;
    this.update(ci);
    return h;
  }

  /** ICC_EOIRn_EL1: priority drop, and deactivation unless EOImode is set. */
  endOfInterrupt(ci: number, intid: number): void {
    const s = this.icc[ci]!;
    const b0 = lowestBit(s.ap0);
    const b1 = lowestBit(s.ap1);
    if (b0 < 32 || b1 < 32) {
      if (b0 <= b1) s.ap0 &= ~(1 << b0);
      else s.ap1 &= ~(1 << b1);
    }
    if ((s.ctlr & 2) === 0) this.deactivate(ci, intid);
    else this.update(ci);
  }

  /** ICC_DIR_EL1 (and the physical side of a hardware-mapped virtual interrupt). */
  deactivate(ci: number, intid: number): void {
    if (intid >= NUM_IRQ) return;
    const target = intid < 32 ? ci : this.spiTarget(intid);
    this.bank(ci, intid).active[intid] = 0;
    this.update(target < 0 ? ci : target);
    if (target !== ci) this.update(ci);
  }

  /** ICC_SGI1R_EL1 / ICC_SGI0R_EL1: raise an SGI on the targeted PEs. */
  generateSgi(ci: number, value: bigint): void {
    const intid = Number((value >> 24n) & 0xfn);
    const irm = ((value >> 40n) & 1n) === 1n;
    const aff1 = (value >> 16n) & 0xffn;
    const aff2 = (value >> 32n) & 0xffn;
    const aff3 = (value >> 48n) & 0xffn;
    const rs = Number((value >> 44n) & 0xfn);
    const list = Number(value & 0xffffn);
    for (const c of this.cpus) {
      let hit: boolean;
      if (irm) hit = c.index !== ci;
      else {
        const m = c.mpidr;
        const aff0 = Number(m & 0xffn);
        hit =
          ((m >> 8n) & 0xffn) === aff1 &&
          ((m >> 16n) & 0xffn) === aff2 &&
          ((m >> 32n) & 0xffn) === aff3 &&
          aff0 >> 4 === rs &&
          ((list >> (aff0 & 0xf)) & 1) === 1;
      }
      if (hit) {
        this.privs[c.index]!.latch[intid] = 1;
        this.update(c.index);
      }
    }
  }
}
