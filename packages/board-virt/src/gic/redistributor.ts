import type { AccessSize, MmioDevice } from '@hypsim/core';
import { GIC_IIDR, idRegs, readIrqRegs, writeIrqRegs } from './distributor.js';
import type { Gicv3 } from './gic.js';

/** One redistributor: RD_base and SGI_base, 64 KiB each (QEMU `virt`: from 0x080A0000). */
export const GICR_STRIDE = 0x20000;
const GICR_IDS = idRegs(0x93);

/**
 * The redistributors of all CPUs as one device: frame pair `n` belongs to CPU `n`. They hold the
 * SGI/PPI state; GICR_TYPER gives each one's affinity and marks the last (Last = 1).
 */
export class Redistributors implements MmioDevice {
  constructor(private readonly gic: Gicv3) {}

  read(offset: number, size: AccessSize): bigint {
    const ci = Math.floor(offset / GICR_STRIDE);
    const off = offset % GICR_STRIDE;
    if (off === 0x8 || off === 0xc) {
      const t = this.typer(ci);
      if (size === 8) return t;
      return off === 0xc ? t >> 32n : t & 0xffffffffn;
    }
    const aligned = off & ~3;
    let v = this.read32(ci, aligned);
    if (size < 4 && aligned >= 0x10400 && aligned < 0x10420) v >>>= 8 * (off & 3);
    const mask = size >= 4 ? 0xffffffff : (1 << (8 * size)) - 1;
    return BigInt((v & mask) >>> 0);
  }

  private typer(ci: number): bigint {
    const m = this.gic.cpus[ci]!.mpidr;
    const aff = (m & 0xffffffn) | (((m >> 32n) & 0xffn) << 24n);
    const last = ci === this.gic.cpus.length - 1 ? 1n << 4n : 0n;
    return (aff << 32n) | (BigInt(ci) << 8n) | last;
  }

  private read32(ci: number, off: number): number {
    const g = this.gic;
    if (off < 0x10000) {
      switch (off) {
        case 0x0: // GICR_CTLR
          return 0;
        case 0x4:
          return GIC_IIDR;
        case 0x14: // GICR_WAKER: ChildrenAsleep follows ProcessorSleep at once
          return g.sleep[ci] ? 6 : 0;
      }
      if (off >= 0xffd0) return GICR_IDS[(off - 0xffd0) >> 2] ?? 0;
      return 0;
    }
    return readIrqRegs(g.privs[ci]!, off - 0x10000, 0, 32) ?? 0;
  }

  write(offset: number, size: AccessSize, value: bigint): void {
    const g = this.gic;
    const ci = Math.floor(offset / GICR_STRIDE);
    const off = offset % GICR_STRIDE;
    const v = Number(value & 0xffffffffn) >>> 0;
    if (off === 0x14) {
      g.sleep[ci] = (v >> 1) & 1;
      return;
    }
    if (off < 0x10000) return;
    const sgiOff = off - 0x10000;
    if (size < 4 && sgiOff >= 0x400 && sgiOff < 0x420) {
      g.privs[ci]!.priority[sgiOff - 0x400] = v & 0xff;
    } else writeIrqRegs(g.privs[ci]!, sgiOff & ~3, v, 0, 32, 16);
    g.update(ci);
  }
}
