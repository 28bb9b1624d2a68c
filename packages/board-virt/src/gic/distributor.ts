import type { AccessSize, MmioDevice } from '@hypsim/core';
import { GICD_CTLR, NUM_IRQ, type Gicv3 } from './gic.js';
import { bitsRead, bitsWrite, type IrqBank } from './state.js';

/** QEMU's GICD/GICR identification registers from PIDR4 (0xFFD0) to CIDR3 (0xFFFC). */
export function idRegs(pidr0: number): readonly number[] {
  return [0x44, 0, 0, 0, pidr0, 0xb4, 0x3b, 0, 0x0d, 0xf0, 0x05, 0xb1];
}
const GICD_IDS = idRegs(0x92);

/** GICD_IIDR and GICR_IIDR: implementer Arm (0x43B), as QEMU. */
export const GIC_IIDR = 0x43b;

/**
 * Register-block helpers shared by the distributor (SPIs) and the redistributors' SGI frame
 * (SGIs/PPIs): the per-INTID enable/pending/active/group/priority/config registers, at the
 * offsets both blocks use. `first`/`limit` bound the INTIDs this block owns.
 */
export function readIrqRegs(
  b: IrqBank,
  off: number,
  first: number,
  limit: number,
): number | undefined {
  const word = (base: number): number => ((off - base) >> 2) * 32;
  const owns = (i: number): boolean => i >= first && i < limit;
  if (off >= 0x80 && off < 0x100) return owns(word(0x80)) ? bitsRead(b.group, word(0x80)) : 0;
  if (off >= 0x100 && off < 0x200) {
    const i = word(off < 0x180 ? 0x100 : 0x180);
    return owns(i) ? bitsRead(b.enabled, i) : 0;
  }
  if (off >= 0x200 && off < 0x300) {
    const i = word(off < 0x280 ? 0x200 : 0x280);
    return owns(i) ? bitsRead(b.latch, i, (n) => b.pending(n)) : 0;
  }
  if (off >= 0x300 && off < 0x400) {
    const i = word(off < 0x380 ? 0x300 : 0x380);
    return owns(i) ? bitsRead(b.active, i) : 0;
  }
  if (off >= 0x400 && off < 0x800) {
    const i = off - 0x400;
    let v = 0;
    for (let k = 0; k < 4; k++) if (owns(i + k)) v |= b.priority[i + k]! << (8 * k);
    return v >>> 0;
  }
  if (off >= 0xc00 && off < 0xd00) {
    const i = ((off - 0xc00) >> 2) * 16;
    let v = 0;
    for (let k = 0; k < 16; k++) if (owns(i + k) && b.edge[i + k]) v |= 2 << (2 * k);
    return v >>> 0;
  }
  if (off >= 0xd00 && off < 0xd80) return 0; // IGRPMODR: no Secure Group 1
  return undefined;
}

/** The write side of `readIrqRegs`; false when the offset is not one of these registers. */
export function writeIrqRegs(
  b: IrqBank,
  off: number,
  v: number,
  first: number,
  limit: number,
  /** INTIDs below this have a fixed configuration (SGIs are always edge-triggered). */
  fixedCfg: number,
): boolean {
  const word = (base: number): number => ((off - base) >> 2) * 32;
  const owns = (i: number): boolean => i >= first && i < limit;
  const bits = (a: Uint8Array, base: number, set: 0 | 1): void => {
    const i = word(base);
    if (owns(i)) bitsWrite(a, i, v, set);
  };
  if (off >= 0x80 && off < 0x100) {
    const i = word(0x80);
    if (owns(i)) for (let k = 0; k < 32 && i + k < limit; k++) b.group[i + k] = (v >>> k) & 1;
  } else if (off >= 0x100 && off < 0x180) bits(b.enabled, 0x100, 1);
  else if (off >= 0x180 && off < 0x200) bits(b.enabled, 0x180, 0);
  else if (off >= 0x200 && off < 0x280) bits(b.latch, 0x200, 1);
  else if (off >= 0x280 && off < 0x300) bits(b.latch, 0x280, 0);
  else if (off >= 0x300 && off < 0x380) bits(b.active, 0x300, 1);
  else if (off >= 0x380 && off < 0x400) bits(b.active, 0x380, 0);
  else if (off >= 0x400 && off < 0x800) {
    const i = off - 0x400;
    for (let k = 0; k < 4; k++) if (owns(i + k)) b.priority[i + k] = (v >>> (8 * k)) & 0xff;
  } else if (off >= 0xc00 && off < 0xd00) {
    const i = ((off - 0xc00) >> 2) * 16;
    for (let k = 0; k < 16; k++)
      if (owns(i + k) && i + k >= fixedCfg) b.edge[i + k] = (v >>> (2 * k + 1)) & 1;
  } else if (!(off >= 0xd00 && off < 0xd80)) return false;
  return true;
}

/**
 * GICD: the distributor frame at 0x08000000 (64 KiB). With affinity routing the banked
 * INTIDs 0–31 live in the redistributors, so their distributor registers are RAZ/WI.
 */
export class Distributor implements MmioDevice {
  constructor(private readonly gic: Gicv3) {}

  read(off: number, size: AccessSize): bigint {
    if (off >= 0x6100 && off < 0x6000 + 8 * NUM_IRQ) {
      const intid = (off - 0x6000) >> 3;
      const r = this.gic.route[intid]!;
      if (size === 8) return r;
      return off & 4 ? r >> 32n : r & 0xffffffffn;
    }
    const aligned = off & ~3;
    let v = this.read32(aligned);
    if (size < 4 && aligned >= 0x400 && aligned < 0x800) v >>>= 8 * (off & 3);
    const mask = size >= 4 ? 0xffffffff : (1 << (8 * size)) - 1;
    return BigInt((v & mask) >>> 0);
  }

  private read32(off: number): number {
    const g = this.gic;
    switch (off) {
      case 0x0:
        return g.gicdCtlr;
      case 0x4: {
        // ITLinesNumber, CPUNumber, IDbits = 15, A3V, No1N (as QEMU's virt GICv3).
        const n = g.cpus.length;
        return (
          ((NUM_IRQ / 32 - 1) |
            ((Math.min(n, 8) - 1) << 5) |
            (15 << 19) |
            (1 << 24) |
            (1 << 25)) >>>
          0
        );
      }
      case 0x8:
        return GIC_IIDR;
    }
    if (off >= 0xffd0) return GICD_IDS[(off - 0xffd0) >> 2] ?? 0;
    return readIrqRegs(g.spis, off, 32, NUM_IRQ) ?? 0;
  }

  write(off: number, size: AccessSize, value: bigint): void {
    const g = this.gic;
    if (off >= 0x6100 && off < 0x6000 + 8 * NUM_IRQ) {
      const intid = (off - 0x6000) >> 3;
      const mask = 0xff_0000_8000_ffffffn & ~0x7f00_0000n;
      if (size === 8) g.route[intid] = value & mask;
      else if (off & 4) g.route[intid] = ((g.route[intid]! & 0xffffffffn) | (value << 32n)) & mask;
      else g.route[intid] = ((g.route[intid]! & ~0xffffffffn) | (value & 0xffffffffn)) & mask;
      g.updateAll();
      return;
    }
    let v = Number(value & 0xffffffffn) >>> 0;
    const aligned = off & ~3;
    if (size < 4 && aligned >= 0x400 && aligned < 0x800) {
      // Byte access to IPRIORITYR.
      const i = off - 0x400;
      if (i >= 32 && i < NUM_IRQ) g.spis.priority[i] = v & 0xff;
      g.updateAll();
      return;
    }
    if (aligned === 0) {
      g.gicdCtlr =
        (v & (GICD_CTLR.EnableGrp0 | GICD_CTLR.EnableGrp1)) | GICD_CTLR.ARE | GICD_CTLR.DS;
    } else {
      v >>>= 0;
      writeIrqRegs(g.spis, aligned, v, 32, NUM_IRQ, 32);
    }
    g.updateAll();
  }
}
