import type { Cpu } from './cpu.js';
import { raiseSync, routeSync } from './exception.js';
import { FSC, syndrome } from './syndrome.js';
import { AccessKind, type AddressTranslator } from './translate.js';
import { BusError } from '../memory/bus.js';

/**
 * Data accesses of instructions: translate, check alignment, access the bus, and turn every
 * failure into the architectural abort (taken, then unwinding the instruction by throwing
 * EXCEPTION_TAKEN). Nothing here allocates or uses BigInt on the RAM path.
 *
 * Value conventions of the fixed-size functions (`ld8` … `st64`): 8- and 16-bit loads return
 * the zero-extended value, 32-bit loads the value as an int32 (the form `cpu.gpr` stores), and
 * 64-bit loads the low half as an int32 with the high half in `cpu.memHi`. The older generic
 * `load`/`load64` return unsigned low halves, as they always did.
 *
 * Alignment: with the MMU off, data accesses are Device-nGnRnE and an unaligned access takes
 * an alignment fault (`cpu.strictAlignment()` also covers SCTLR_ELx.A). Accesses that are
 * allowed to be unaligned (MMU on, Normal memory, A=0) and cross a 4 KB page are split and each
 * page translated on its own. Exclusives, atomics and acquire/release accesses must always be
 * naturally aligned: `alignedAddress`/`rmwAddress` check that before translating.
 */

const PAGE_MASK = 0xfff;

/** Alignment check of an unaligned ordinary access after its translation (Device memory). */
function unalignedFaults(cpu: Cpu, t: AddressTranslator, lo: number, hi: number): boolean {
  return t.unalignedFault !== undefined ? t.unalignedFault(cpu, lo, hi) : cpu.strictAlignment();
}

function alignmentFault(cpu: Cpu, lo: number, hi: number, write: boolean): never {
  return raiseSync(
    cpu,
    routeSync(cpu),
    syndrome.dataAbort(cpu.el !== 0, FSC.ALIGNMENT, { wnr: write }),
    { lo, hi },
  );
}

function externalAbort(cpu: Cpu, lo: number, hi: number, write: boolean): never {
  return raiseSync(
    cpu,
    routeSync(cpu),
    syndrome.dataAbort(cpu.el !== 0, FSC.SYNC_EXTERNAL, { wnr: write }),
    { lo, hi },
  );
}

// ---- SP alignment --------------------------------------------------------------------------

const SCTLR_SA = 1 << 3;
const SCTLR_SA0 = 1 << 4;

/**
 * CheckSPAlignment() for a load/store whose base register is SP (Arm ARM D1.8.2): when SP is
 * not 16-byte aligned and SCTLR_ELx.SA (SA0 for EL0) of the current regime is set, an SP
 * alignment fault (EC 0x26, FAR not written). Callers test `(cpu.gpr[62] & 15) !== 0` first,
 * so the aligned case costs nothing. Note: QEMU (7.2 and later) never makes this check.
 */
export function checkSpAlignment(cpu: Cpu): void {
  if ((cpu.gpr[62]! & 15) === 0) return;
  const el = cpu.el;
  const sl = cpu.slots;
  let enabled: boolean;
  if (el === 0)
    enabled = (cpu.sys[cpu.hasEL2 && cpu.inHost ? sl.SCTLR_EL2 : sl.SCTLR_EL1]! & SCTLR_SA0) !== 0;
  else enabled = (cpu.sys[el === 2 ? sl.SCTLR_EL2 : sl.SCTLR_EL1]! & SCTLR_SA) !== 0;
  if (enabled) raiseSync(cpu, routeSync(cpu), syndrome.spAlignment());
}

// ---- physical accesses ---------------------------------------------------------------------

/**
 * Reads 1, 2 or 4 bytes at a PA (RAM fast path, else the bus); a bus error becomes a
 * synchronous external abort reported at VA (lo, hi). 4-byte values come back as int32.
 */
export function readPa(cpu: Cpu, pa: number, size: 1 | 2 | 4, lo: number, hi: number): number {
  const r = cpu.bus.ramAt(pa);
  if (r !== undefined && pa + size <= r.end) {
    const off = pa - r.base;
    return size === 4
      ? r.view.getInt32(off, true)
      : size === 2
        ? r.view.getUint16(off, true)
        : r.bytes[off]!;
  }
  return readSlow(cpu, pa, size, lo, hi);
}

/** Reads 8 bytes at a PA: the low half (int32) is returned, the high half is in `cpu.memHi`. */
export function readPa64(cpu: Cpu, pa: number, lo: number, hi: number): number {
  const r = cpu.bus.ramAt(pa);
  if (r !== undefined && pa + 8 <= r.end) {
    const off = pa - r.base;
    cpu.memHi = r.view.getInt32(off + 4, true);
    return r.view.getInt32(off, true);
  }
  return readSlow(cpu, pa, 8, lo, hi);
}

function readSlow(cpu: Cpu, pa: number, size: number, lo: number, hi: number): number {
  const bus = cpu.bus;
  try {
    if (size === 8) {
      const v = bus.read64(pa) | 0;
      cpu.memHi = bus.hi;
      return v;
    }
    return size === 4 ? bus.read32(pa) | 0 : size === 2 ? bus.read16(pa) : bus.read8(pa);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, false);
    throw e;
  }
}

/**
 * Writes 1, 2 or 4 bytes at a PA (the low bits of v), then clears the exclusive reservations
 * on the written granule (`cpu.monitorWrite`; this CPU's own reservation included).
 */
export function writePa(
  cpu: Cpu,
  pa: number,
  size: 1 | 2 | 4,
  v: number,
  lo: number,
  hi: number,
): void {
  const bus = cpu.bus;
  try {
    if (size === 4) bus.write32(pa, v);
    else if (size === 2) bus.write16(pa, v & 0xffff);
    else bus.write8(pa, v & 0xff);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, true);
    throw e;
  }
  cpu.monitorWrite(pa, size);
}

/** Writes 8 bytes (two halves) at a PA, then clears reservations like `writePa`. */
export function writePa64(
  cpu: Cpu,
  pa: number,
  vLo: number,
  vHi: number,
  lo: number,
  hi: number,
): void {
  try {
    cpu.bus.write64(pa, vLo, vHi);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, true);
    throw e;
  }
  cpu.monitorWrite(pa, 8);
}

// ---- ordinary loads and stores (the hot path) ------------------------------------------------

/** 8-bit load, zero-extended. */
export function ld8(cpu: Cpu, lo: number, hi: number): number {
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Read, 1);
  const r = cpu.bus.ramAt(pa);
  if (r !== undefined) return r.bytes[pa - r.base]!;
  return readSlow(cpu, pa, 1, lo, hi);
}

/** 16-bit load, zero-extended. */
export function ld16(cpu: Cpu, lo: number, hi: number): number {
  if ((lo & 1) !== 0) return loadUnaligned(cpu, lo, hi, 2);
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Read, 2);
  const r = cpu.bus.ramAt(pa);
  if (r !== undefined && pa + 2 <= r.end) return r.view.getUint16(pa - r.base, true);
  return readSlow(cpu, pa, 2, lo, hi);
}

/** 32-bit load, as an int32. */
export function ld32(cpu: Cpu, lo: number, hi: number): number {
  if ((lo & 3) !== 0) return loadUnaligned(cpu, lo, hi, 4);
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Read, 4);
  const r = cpu.bus.ramAt(pa);
  if (r !== undefined && pa + 4 <= r.end) return r.view.getInt32(pa - r.base, true);
  return readSlow(cpu, pa, 4, lo, hi);
}

/** 64-bit load: returns the low half (int32); the high half (int32) is in `cpu.memHi`. */
export function ld64(cpu: Cpu, lo: number, hi: number): number {
  if ((lo & 7) !== 0) return loadUnaligned(cpu, lo, hi, 8);
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Read, 8);
  const r = cpu.bus.ramAt(pa);
  if (r !== undefined && pa + 8 <= r.end) {
    const off = pa - r.base;
    cpu.memHi = r.view.getInt32(off + 4, true);
    return r.view.getInt32(off, true);
  }
  return readSlow(cpu, pa, 8, lo, hi);
}

export function st8(cpu: Cpu, lo: number, hi: number, v: number): void {
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Write, 1);
  try {
    cpu.bus.write8(pa, v & 0xff);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, true);
    throw e;
  }
  cpu.monitorWrite(pa, 1);
}

export function st16(cpu: Cpu, lo: number, hi: number, v: number): void {
  if ((lo & 1) !== 0) return storeUnaligned(cpu, lo, hi, 2, v, 0);
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Write, 2);
  try {
    cpu.bus.write16(pa, v & 0xffff);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, true);
    throw e;
  }
  cpu.monitorWrite(pa, 2);
}

export function st32(cpu: Cpu, lo: number, hi: number, v: number): void {
  if ((lo & 3) !== 0) return storeUnaligned(cpu, lo, hi, 4, v, 0);
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Write, 4);
  try {
    cpu.bus.write32(pa, v);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, true);
    throw e;
  }
  cpu.monitorWrite(pa, 4);
}

export function st64(cpu: Cpu, lo: number, hi: number, vLo: number, vHi: number): void {
  if ((lo & 7) !== 0) return storeUnaligned(cpu, lo, hi, 8, vLo, vHi);
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Write, 8);
  try {
    cpu.bus.write64(pa, vLo, vHi);
  } catch (e) {
    if (e instanceof BusError) externalAbort(cpu, lo, hi, true);
    throw e;
  }
  cpu.monitorWrite(pa, 8);
}

/**
 * An unaligned ordinary access: translate (both pages when it crosses one, first page first),
 * then the alignment check (MMU off / SCTLR.A), then the access, byte by byte across pages.
 */
function loadUnaligned(cpu: Cpu, lo: number, hi: number, size: 2 | 4 | 8): number {
  const t = cpu.translator;
  const first = 0x1000 - (lo & PAGE_MASK);
  if (first >= size) {
    const pa = t.data(cpu, lo, hi, AccessKind.Read, size);
    if (unalignedFaults(cpu, t, lo, hi)) alignmentFault(cpu, lo, hi, false);
    return size === 8 ? readPa64(cpu, pa, lo, hi) : readPa(cpu, pa, size, lo, hi);
  }
  const pa1 = t.data(cpu, lo, hi, AccessKind.Read, first);
  const lo2 = lo + first;
  const pa2 = t.data(
    cpu,
    lo2 >>> 0,
    lo2 > 0xffffffff ? (hi + 1) | 0 : hi,
    AccessKind.Read,
    size - first,
  );
  if (unalignedFaults(cpu, t, lo, hi)) alignmentFault(cpu, lo, hi, false);
  let vLo = 0;
  let vHi = 0;
  for (let i = 0; i < size; i++) {
    const b = readPa(cpu, i < first ? pa1 + i : pa2 + (i - first), 1, lo, hi);
    if (i < 4) vLo |= b << (8 * i);
    else vHi |= b << (8 * (i - 4));
  }
  cpu.memHi = vHi;
  return vLo;
}

function storeUnaligned(
  cpu: Cpu,
  lo: number,
  hi: number,
  size: 2 | 4 | 8,
  vLo: number,
  vHi: number,
): void {
  const t = cpu.translator;
  const first = 0x1000 - (lo & PAGE_MASK);
  if (first >= size) {
    const pa = t.data(cpu, lo, hi, AccessKind.Write, size);
    if (unalignedFaults(cpu, t, lo, hi)) alignmentFault(cpu, lo, hi, true);
    if (size === 8) writePa64(cpu, pa, vLo, vHi, lo, hi);
    else writePa(cpu, pa, size, vLo, lo, hi);
    return;
  }
  const pa1 = t.data(cpu, lo, hi, AccessKind.Write, first);
  const lo2 = lo + first;
  const pa2 = t.data(
    cpu,
    lo2 >>> 0,
    lo2 > 0xffffffff ? (hi + 1) | 0 : hi,
    AccessKind.Write,
    size - first,
  );
  if (unalignedFaults(cpu, t, lo, hi)) alignmentFault(cpu, lo, hi, true);
  for (let i = 0; i < size; i++) {
    const b = i < 4 ? vLo >>> (8 * i) : vHi >>> (8 * (i - 4));
    writePa(cpu, i < first ? pa1 + i : pa2 + (i - first), 1, b, lo, hi);
  }
}

// ---- accesses that must be aligned -----------------------------------------------------------

/**
 * PA of an access that must be naturally aligned whatever SCTLR says (exclusives,
 * load-acquire/store-release; `size` is the whole access, 16 for LDXP Xt): an unaligned
 * address takes an alignment fault (DFSC 0x21, WnR from `kind`) before translation.
 */
export function alignedAddress(
  cpu: Cpu,
  lo: number,
  hi: number,
  size: number,
  kind: AccessKind,
): number {
  if ((lo & (size - 1)) !== 0) alignmentFault(cpu, lo, hi, kind === AccessKind.Write);
  return cpu.translator.data(cpu, lo, hi, kind, size);
}

/** Alignment check alone (STXR checks alignment before it looks at the monitor). */
export function checkAligned(cpu: Cpu, lo: number, hi: number, size: number, write: boolean): void {
  if ((lo & (size - 1)) !== 0) alignmentFault(cpu, lo, hi, write);
}

/**
 * PA of an atomic read-modify-write (CAS, CASP, LD<op>, SWP): naturally aligned, then
 * translated for reading and for writing. Alignment faults report WnR=0, as QEMU does.
 */
export function rmwAddress(cpu: Cpu, lo: number, hi: number, size: number): number {
  if ((lo & (size - 1)) !== 0) alignmentFault(cpu, lo, hi, false);
  const t = cpu.translator;
  const pa = t.data(cpu, lo, hi, AccessKind.Read, size);
  t.data(cpu, lo, hi, AccessKind.Write, size);
  return pa;
}

// ---- generic entry points (kept for existing users) -------------------------------------------

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
  if (mustAlign) return alignedAddress(cpu, lo, hi, size, kind);
  const t = cpu.translator;
  const pa = t.data(cpu, lo, hi, kind, size);
  if ((lo & (size - 1)) !== 0 && unalignedFaults(cpu, t, lo, hi))
    alignmentFault(cpu, lo, hi, kind === AccessKind.Write);
  return pa;
}

/** Load of 1, 2 or 4 bytes, returned as an unsigned number. */
export function load(cpu: Cpu, lo: number, hi: number, size: 1 | 2 | 4, mustAlign = false): number {
  if (mustAlign)
    return readPa(cpu, alignedAddress(cpu, lo, hi, size, AccessKind.Read), size, lo, hi) >>> 0;
  return size === 4 ? ld32(cpu, lo, hi) >>> 0 : size === 2 ? ld16(cpu, lo, hi) : ld8(cpu, lo, hi);
}

/** 64-bit load: returns the low half (unsigned); the high half (int32) is in `cpu.memHi`. */
export function load64(cpu: Cpu, lo: number, hi: number, mustAlign = false): number {
  if (mustAlign)
    return readPa64(cpu, alignedAddress(cpu, lo, hi, 8, AccessKind.Read), lo, hi) >>> 0;
  return ld64(cpu, lo, hi) >>> 0;
}

export function store(
  cpu: Cpu,
  lo: number,
  hi: number,
  size: 1 | 2 | 4,
  value: number,
  mustAlign = false,
): void {
  if (mustAlign)
    return writePa(cpu, alignedAddress(cpu, lo, hi, size, AccessKind.Write), size, value, lo, hi);
  if (size === 4) st32(cpu, lo, hi, value);
  else if (size === 2) st16(cpu, lo, hi, value);
  else st8(cpu, lo, hi, value);
}

export function store64(
  cpu: Cpu,
  lo: number,
  hi: number,
  vLo: number,
  vHi: number,
  mustAlign = false,
): void {
  if (mustAlign)
    return writePa64(cpu, alignedAddress(cpu, lo, hi, 8, AccessKind.Write), vLo, vHi, lo, hi);
  st64(cpu, lo, hi, vLo, vHi);
}
