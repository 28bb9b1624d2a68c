import type { Cpu } from './cpu.js';
import { raiseSync, routeSync } from './exception.js';
import { FSC, syndrome } from './syndrome.js';
import { AccessKind } from './translate.js';
import { BusError } from '../memory/bus.js';

/**
 * Data accesses of instructions: translate, check alignment, access the bus, and turn every
 * failure into the architectural abort (taken, then unwinding the instruction). Values are
 * numbers: sizes up to 4 bytes as unsigned numbers, 8 bytes as halves (low returned, high in
 * `cpu.memHi`). No allocation on the RAM path.
 */

function alignmentFault(cpu: Cpu, lo: number, hi: number, kind: AccessKind): never {
  return raiseSync(
    cpu,
    routeSync(cpu),
    syndrome.dataAbort(cpu.el !== 0, FSC.ALIGNMENT, { wnr: kind === AccessKind.Write }),
    { lo, hi },
  );
}

function externalAbort(cpu: Cpu, lo: number, hi: number, kind: AccessKind): never {
  return raiseSync(
    cpu,
    routeSync(cpu),
    syndrome.dataAbort(cpu.el !== 0, FSC.SYNC_EXTERNAL, { wnr: kind === AccessKind.Write }),
    { lo, hi },
  );
}

/**
 * PA of a data access after the alignment checks. With the MMU off, data accesses are
 * Device-nGnRnE and every unaligned access faults; SCTLR_ELx.A makes unaligned Normal
 * accesses fault too. `mustAlign` forces the check (exclusives, atomics, acquire/release).
 */
export function dataAddress(
  cpu: Cpu,
  lo: number,
  hi: number,
  size: number,
  kind: AccessKind,
  mustAlign = false,
): number {
  const pa = cpu.translator.data(cpu, lo, hi, kind, size);
  if ((lo & (size - 1)) !== 0 && (mustAlign || cpu.strictAlignment()))
    alignmentFault(cpu, lo, hi, kind);
  return pa;
}

export function load(cpu: Cpu, lo: number, hi: number, size: 1 | 2 | 4, mustAlign = false): number {
  const pa = dataAddress(cpu, lo, hi, size, AccessKind.Read, mustAlign);
  const bus = cpu.bus;
  const r = bus.ramAt(pa);
  if (r !== undefined && pa + size <= r.end) {
    const off = pa - r.base;
    return size === 4
      ? r.view.getUint32(off, true)
      : size === 2
        ? r.view.getUint16(off, true)
        : r.bytes[off]!;
  }
  try {
    return size === 4 ? bus.read32(pa) : size === 2 ? bus.read16(pa) : bus.read8(pa);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, AccessKind.Read);
    throw e;
  }
}

/** 64-bit load: returns the low half (unsigned); the high half (int32) is in `cpu.memHi`. */
export function load64(cpu: Cpu, lo: number, hi: number, mustAlign = false): number {
  const pa = dataAddress(cpu, lo, hi, 8, AccessKind.Read, mustAlign);
  const bus = cpu.bus;
  const r = bus.ramAt(pa);
  if (r !== undefined && pa + 8 <= r.end) {
    const off = pa - r.base;
    cpu.memHi = r.view.getInt32(off + 4, true);
    return r.view.getUint32(off, true);
  }
  try {
    const v = bus.read64(pa);
    cpu.memHi = bus.hi;
    return v;
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, AccessKind.Read);
    throw e;
  }
}

export function store(
  cpu: Cpu,
  lo: number,
  hi: number,
  size: 1 | 2 | 4,
  value: number,
  mustAlign = false,
): void {
  const pa = dataAddress(cpu, lo, hi, size, AccessKind.Write, mustAlign);
  try {
    if (size === 4) cpu.bus.write32(pa, value);
    else if (size === 2) cpu.bus.write16(pa, value & 0xffff);
    else cpu.bus.write8(pa, value & 0xff);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, AccessKind.Write);
    throw e;
  }
  cpu.monitorWrite(pa, size);
}

export function store64(
  cpu: Cpu,
  lo: number,
  hi: number,
  vLo: number,
  vHi: number,
  mustAlign = false,
): void {
  const pa = dataAddress(cpu, lo, hi, 8, AccessKind.Write, mustAlign);
  try {
    cpu.bus.write64(pa, vLo, vHi);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, AccessKind.Write);
    throw e;
  }
  cpu.monitorWrite(pa, 8);
}
