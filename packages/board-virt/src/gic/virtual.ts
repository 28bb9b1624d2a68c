import type { Cpu } from '@hypsim/core';
import type { Gicv3 } from './gic.js';

/** Number of list registers (ICH_VTR_EL2.ListRegs + 1), as QEMU's CPU interface. */
export const NUM_LRS = 4;
/** Virtual priority bits (ICH_VTR_EL2.PRIbits + 1 and PREbits + 1). */
export const VPRI_BITS = 5;
const VPRI_MASK = 0xff & (0xff << (8 - VPRI_BITS));
const SPURIOUS = 1023;

/**
 * ICH_VTR_EL2 as QEMU reports it: ListRegs = 3, TDS, A3V, IDbits = 1 (24-bit), PREbits and
 * PRIbits = 4 (five bits each).
 */
export const ICH_VTR_EL2 =
  (NUM_LRS - 1) |
  (1 << 19) |
  (1 << 21) |
  (1 << 23) |
  ((VPRI_BITS - 1) << 26) |
  ((VPRI_BITS - 1) << 29);

/** ICH_HCR_EL2 bits. */
export const ICH_HCR = {
  En: 1,
  UIE: 1 << 1,
  LRENPIE: 1 << 2,
  NPIE: 1 << 3,
  VGrp0EIE: 1 << 4,
  VGrp0DIE: 1 << 5,
  VGrp1EIE: 1 << 6,
  VGrp1DIE: 1 << 7,
} as const;

/** ICH_VMCR_EL2 fields. */
export const ICH_VMCR = {
  VENG0: 1,
  VENG1: 2,
  VAckCtl: 4,
  VFIQEn: 8,
  VCBPR: 16,
  VEOIM: 1 << 9,
} as const;

/** ICH_LR<n>_EL2.State (bits 63:62). */
export const LR_STATE = { Invalid: 0, Pending: 1, Active: 2, PendingActive: 3 } as const;

/**
 * The GIC virtualization interface of one PE: the ICH_* state a hypervisor programs at EL2, and
 * the virtual CPU interface (ICV_*) that EL1 reaches through the ICC_* encodings when
 * HCR_EL2.IMO/FMO are set. List registers are kept as two 32-bit halves (hi holds pINTID,
 * priority, group, HW and state).
 */
export class VirtualInterface {
  hcr = 0;
  vmcr = 0;
  ap0 = 0;
  ap1 = 0;
  readonly lrLo = new Uint32Array(NUM_LRS);
  readonly lrHi = new Uint32Array(NUM_LRS);
  /** Whether the maintenance interrupt line is currently raised. */
  private maint = false;

  constructor(
    private readonly gic: Gicv3,
    private readonly cpu: Cpu,
  ) {}

  reset(): void {
    this.hcr = this.vmcr = this.ap0 = this.ap1 = 0;
    this.lrLo.fill(0);
    this.lrHi.fill(0);
    this.maint = false;
  }

  state(n: number): number {
    return this.lrHi[n]! >>> 30;
  }
  private setState(n: number, s: number): void {
    this.lrHi[n] = ((this.lrHi[n]! & 0x3fffffff) | (s << 30)) >>> 0;
  }
  lrGroup(n: number): number {
    return (this.lrHi[n]! >>> 28) & 1;
  }
  lrHw(n: number): boolean {
    return ((this.lrHi[n]! >>> 29) & 1) === 1;
  }
  lrPriority(n: number): number {
    return (this.lrHi[n]! >>> 16) & 0xff;
  }
  /** ICH_LR<n>_EL2.EOI (bit 41): maintenance on deactivation; only when HW = 0. */
  private lrEoi(n: number): boolean {
    return !this.lrHw(n) && ((this.lrHi[n]! >>> 9) & 1) === 1;
  }

  get vpmr(): number {
    return this.vmcr >>> 24;
  }
  private vbpr(group: number): number {
    if (group === 0 || (this.vmcr & ICH_VMCR.VCBPR) !== 0) return (this.vmcr >>> 21) & 7;
    return (this.vmcr >>> 18) & 7;
  }
  private gprioMask(group: number): number {
    const bpr = this.vbpr(group);
    return (
      0xff & (group === 1 && (this.vmcr & ICH_VMCR.VCBPR) === 0 ? 0xff << bpr : 0xff << (bpr + 1))
    );
  }

  /** Virtual running priority (from ICH_AP0R0/AP1R0). */
  runningPriority(): number {
    const v = (this.ap0 | this.ap1) >>> 0;
    if (v === 0) return 0xff;
    return (31 - Math.clz32(v & -v)) << (8 - VPRI_BITS);
  }

  /** The highest-priority pending list register in an enabled group; -1 when none. */
  hppLr(): number {
    let best = -1;
    let bp = 0x100;
    for (let n = 0; n < NUM_LRS; n++) {
      const s = this.state(n);
      if (s !== LR_STATE.Pending) continue;
      const g = this.lrGroup(n);
      if ((this.vmcr & (g === 1 ? ICH_VMCR.VENG1 : ICH_VMCR.VENG0)) === 0) continue;
      const p = this.lrPriority(n) & VPRI_MASK;
      if (p < bp) {
        bp = p;
        best = n;
      }
    }
    return best;
  }

  private canSignal(n: number): boolean {
    const p = this.lrPriority(n) & VPRI_MASK;
    if (p >= this.vpmr) return false;
    return (p & this.gprioMask(this.lrGroup(n))) < this.runningPriority();
  }

  /** ICH_MISR_EL2. */
  misr(): number {
    let v = 0;
    if (this.eisr() !== 0) v |= 1;
    if (this.hcr & ICH_HCR.UIE) {
      let valid = 0;
      for (let n = 0; n < NUM_LRS; n++) if (this.state(n) !== 0) valid++;
      if (valid <= 1) v |= 2;
    }
    if (this.hcr & ICH_HCR.LRENPIE && this.hcr >>> 27 !== 0) v |= 4;
    if (this.hcr & ICH_HCR.NPIE) {
      let anyPending = false;
      for (let n = 0; n < NUM_LRS; n++) if (this.state(n) & 1) anyPending = true;
      if (!anyPending) v |= 8;
    }
    const g0 = (this.vmcr & ICH_VMCR.VENG0) !== 0;
    const g1 = (this.vmcr & ICH_VMCR.VENG1) !== 0;
    if (this.hcr & ICH_HCR.VGrp0EIE && g0) v |= 16;
    if (this.hcr & ICH_HCR.VGrp0DIE && !g0) v |= 32;
    if (this.hcr & ICH_HCR.VGrp1EIE && g1) v |= 64;
    if (this.hcr & ICH_HCR.VGrp1DIE && !g1) v |= 128;
    return v;
  }

  /** ICH_EISR_EL2: invalid list registers that asked for maintenance on EOI. */
  eisr(): number {
    let v = 0;
    for (let n = 0; n < NUM_LRS; n++) if (this.state(n) === 0 && this.lrEoi(n)) v |= 1 << n;
    return v;
  }

  /** ICH_ELRSR_EL2: list registers free for a new interrupt. */
  elrsr(): number {
    let v = 0;
    for (let n = 0; n < NUM_LRS; n++) if (this.state(n) === 0 && !this.lrEoi(n)) v |= 1 << n;
    return v;
  }

  /** Recomputes vIRQ/vFIQ and the maintenance interrupt. */
  update(): void {
    const cpu = this.cpu;
    let virq = false;
    let vfiq = false;
    const en = (this.hcr & ICH_HCR.En) !== 0;
    if (en) {
      const n = this.hppLr();
      if (n >= 0 && this.canSignal(n)) {
        if (this.lrGroup(n) === 1) virq = true;
        else vfiq = true;
      }
    }
    if (virq !== cpu.virqLine || vfiq !== cpu.vfiqLine) {
      cpu.virqLine = virq;
      cpu.vfiqLine = vfiq;
      cpu.exitInner = true;
    }
    const maint = en && this.misr() !== 0;
    if (maint !== this.maint) {
      this.maint = maint;
      this.gic.setPpi(cpu.index, 25, maint);
    }
  }

  // ---- the ICV_* operations ---------------------------------------------------------------

  /** ICV_IARn_EL1. */
  acknowledge(group: number): number {
    const n = this.hppLr();
    if (n < 0 || !this.canSignal(n) || this.lrGroup(n) !== group) return SPURIOUS;
    this.setState(n, LR_STATE.Active);
    const bit = 1 << ((this.lrPriority(n) & this.gprioMask(group)) >> (8 - VPRI_BITS));
    if (group === 0) this.ap0 = (this.ap0 | bit) >>> 0;
    else this.ap1 = (this.ap1 | bit) >>> 0;
    this.update();
    return this.lrLo[n]!;
  }

  /** ICV_HPPIRn_EL1. */
  highestPending(group: number): number {
    const n = this.hppLr();
    return n >= 0 && this.lrGroup(n) === group ? this.lrLo[n]! : SPURIOUS;
  }

  /** ICV_EOIRn_EL1: priority drop, then deactivation unless VEOIM. */
  endOfInterrupt(group: number, intid: number): void {
    const ap = group === 0 ? this.ap0 : this.ap1;
    if (ap !== 0) {
      const cleared = (ap & (ap - 1)) >>> 0;
      if (group === 0) this.ap0 = cleared;
      else this.ap1 = cleared;
    }
    if ((this.vmcr & ICH_VMCR.VEOIM) === 0) this.deactivate(intid);
    else this.update();
  }

  /** ICV_DIR_EL1 (and EOI with VEOIM clear): the matching list register leaves Active. */
  deactivate(intid: number): void {
    if (intid >= 1020 && intid <= 1023) return;
    let found = -1;
    for (let n = 0; n < NUM_LRS; n++)
      if (this.lrLo[n] === intid >>> 0 && this.state(n) & 2) {
        found = n;
        break;
      }
    if (found < 0) {
      // No list register holds it: count it for the hypervisor (ICH_HCR_EL2.EOIcount).
      const count = ((this.hcr >>> 27) + 1) & 31;
      this.hcr = ((this.hcr & 0x07ffffff) | (count << 27)) >>> 0;
    } else {
      this.setState(found, this.state(found) & 1);
      if (this.lrHw(found)) this.gic.deactivate(this.cpu.index, this.lrHi[found]! & 0x1fff);
    }
    this.update();
  }
}
