import type { Bus } from '../memory/bus.js';
import { FSC } from '../cpu/syndrome.js';

/**
 * The VMSAv8-64 table walk shared by stage 1 and stage 2 (Arm ARM D8.2): granule 4, 16 or
 * 64 KB, any start level, concatenated start-level tables (stage 2: an index wider than one
 * table). Pure apart from reading descriptors: faults are reported in the `WalkResult`, the
 * caller decides whom they go to. Slow path only (a TLB miss), so plain numbers (exact below
 * 2^53) are used for addresses.
 */

export interface WalkParams {
  /** log2 of the granule: 12, 14 or 16. */
  granule: number;
  /** Input address bits (64 − TxSZ). */
  inputBits: number;
  startLevel: number;
  /** Address of the start-level table (PA, or IPA for a stage-1 walk under stage 2). */
  base: number;
  /** Output address size in bits (TCR.IPS / PS, at most 48). */
  paBits: number;
}

/** What a walk found (one object per MMU, reused). */
export class WalkResult {
  /** FSC of the fault, or -1. */
  fault = -1;
  /** The fault is a stage-2 fault (possibly on a stage-1 table walk: `s1ptw`). */
  stage2 = false;
  s1ptw = false;
  /** IPA that faulted at stage 2 (HPFAR_EL2). */
  faultIpa = 0;
  /** Level of the leaf (or of the fault). */
  level = 0;
  /** Output address of the input address's 4 KB page. */
  oa = 0;
  /** log2 of the size of the leaf's block or page. */
  shift = 12;
  descLo = 0;
  descHi = 0;
  /** Hierarchical attributes of stage 1: bit 0 APTable[0] (no EL0), bit 1 APTable[1] (RO),
   * bit 2 UXNTable/XNTable, bit 3 PXNTable. */
  tableAttrs = 0;

  reset(): void {
    this.fault = -1;
    this.stage2 = false;
    this.s1ptw = false;
    this.tableAttrs = 0;
  }
}

const TWO32 = 0x1_0000_0000;

/** Output address in a descriptor: bits [47:granule]. */
export function descAddress(lo: number, hi: number, granule: number): number {
  const low = (lo >>> 0) - ((lo >>> 0) % (1 << granule));
  return (hi & 0xffff) * TWO32 + low;
}

/**
 * Reads the 8-byte descriptor at `pa` into res.descLo/descHi; false when nothing is there
 * (a synchronous external abort on the walk).
 */
export function readDescriptor(bus: Bus, pa: number, res: WalkResult): boolean {
  const r = bus.ramAt(pa);
  if (r === undefined || pa + 8 > r.end) return false;
  const off = pa - r.base;
  res.descLo = r.view.getInt32(off, true);
  res.descHi = r.view.getInt32(off + 4, true);
  return true;
}

/**
 * Translates a descriptor's address before it is read (stage 2 for a stage-1 walk): returns
 * the PA, or -1 with the fault recorded in `res`.
 */
export type TableAddressHook = (addr: number, level: number, res: WalkResult) => number;

/**
 * Walks the tables for input address `ia` (its low `inputBits` bits are used). On success
 * res.fault is -1 and res.oa/shift/level/descLo/descHi/tableAttrs describe the leaf.
 * `watch` is told every table page read (the `walk` TLB policy watches them for writes).
 */
export function walkTables(
  bus: Bus,
  p: WalkParams,
  ia: number,
  res: WalkResult,
  tableHook: TableAddressHook | undefined,
  watch: ((pa: number) => void) | undefined,
): boolean {
  const g = p.granule;
  const stride = g - 3;
  let level = p.startLevel;
  let table = p.base;
  const paLimit = 2 ** p.paBits;
  for (;;) {
    const shift = g + (3 - level) * stride;
    const bits = level === p.startLevel ? p.inputBits - shift : stride;
    const idx = Math.floor(ia / 2 ** shift) % 2 ** bits;
    let descPa = table + idx * 8;
    if (tableHook) {
      descPa = tableHook(descPa, level, res);
      if (descPa < 0) return false;
    }
    if (watch) watch(descPa);
    if (!readDescriptor(bus, descPa, res)) {
      res.fault = FSC.syncExternalOnWalk(level);
      res.level = level;
      return false;
    }
    const lo = res.descLo;
    const hi = res.descHi;
    res.level = level;
    if ((lo & 1) === 0) {
      res.fault = FSC.translation(level);
      return false;
    }
    if (level < 3 && (lo & 2) !== 0) {
      // Table descriptor: next level, accumulating the hierarchical attributes.
      const next = descAddress(lo, hi, g);
      if (next >= paLimit) {
        res.fault = FSC.addressSize(level);
        return false;
      }
      res.tableAttrs |= ((hi >>> 29) & 3) | (((hi >>> 28) & 1) << 2) | (((hi >>> 27) & 1) << 3);
      table = next;
      level++;
      continue;
    }
    if (level === 3 ? (lo & 2) === 0 : !(level === 2 || (level === 1 && g === 12))) {
      // Level-3 "block" encoding is reserved; blocks exist at level 1 (4 KB) and level 2 only.
      res.fault = FSC.translation(level);
      return false;
    }
    const base = descAddress(lo, hi, shift);
    if (base >= paLimit) {
      res.fault = FSC.addressSize(level);
      return false;
    }
    const inBlock = ia % 2 ** shift;
    res.oa = base + (inBlock - (inBlock % 4096));
    res.shift = shift;
    return true;
  }
}
