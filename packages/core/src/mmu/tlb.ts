/**
 * The software TLB: a direct-mapped cache of 4 KB VA pages, one structure of typed arrays so a
 * hit is one index computation and a few integer compares (no objects, no allocation).
 *
 * An entry is tagged by `ctx` (translation regime | VMID << 2) and `asid` (-1 for a global
 * entry, nG=0). Blocks are cached as 4 KB fragments; `shift` keeps the block size so TLBI by
 * VA removes every fragment of the block that holds the VA, as the architecture requires of an
 * implementation that splinters blocks.
 */

export const TLB_BITS = 12;
export const TLB_SIZE = 1 << TLB_BITS;
export const TLB_MASK = TLB_SIZE - 1;

/** Translation regimes (the `ctx` low two bits). */
export const enum Regime {
  EL10 = 0,
  EL2 = 1,
  EL20 = 2,
}

/** Permission bits of an entry: what stage 1 and stage 2 together allow. */
export const enum Perm {
  R1 = 1,
  W1 = 2,
  X1 = 4,
  R0 = 8,
  W0 = 16,
  X0 = 32,
  /** Device memory (stage 1 or stage 2): unaligned accesses fault. */
  DEVICE = 64,
  /** Stage 1 was off: a stage-2-only entry (IPAS2E1 removes it). */
  S2ONLY = 128,
}

/** Never a page-aligned low half: marks an empty slot. */
const EMPTY = 1;

/** Index of the slot for VA page (lo, hi). */
export function tlbIndex(lo: number, hi: number): number {
  return ((lo >>> 12) ^ hi) & TLB_MASK;
}

export class Tlb {
  readonly vLo = new Int32Array(TLB_SIZE).fill(EMPTY);
  readonly vHi = new Int32Array(TLB_SIZE);
  readonly ctx = new Int32Array(TLB_SIZE);
  readonly asid = new Int32Array(TLB_SIZE);
  readonly perm = new Int32Array(TLB_SIZE);
  readonly shift = new Uint8Array(TLB_SIZE);
  /** PA of the 4 KB page. */
  readonly pa = new Float64Array(TLB_SIZE);
  /** IPA of the 4 KB page (stage 2 on), else -1. */
  readonly ipa = new Float64Array(TLB_SIZE);
  /** MAIR attribute byte (AT reports it). */
  readonly attr = new Uint8Array(TLB_SIZE);
  /** Counters (tests, the cost model). */
  hits = 0;
  misses = 0;
  flushes = 0;

  fill(
    lo: number,
    hi: number,
    ctx: number,
    asid: number,
    perm: number,
    pa: number,
    ipa: number,
    shift: number,
    attr: number,
  ): number {
    const i = tlbIndex(lo, hi);
    this.vLo[i] = lo & ~0xfff;
    this.vHi[i] = hi;
    this.ctx[i] = ctx;
    this.asid[i] = asid;
    this.perm[i] = perm;
    this.pa[i] = pa;
    this.ipa[i] = ipa;
    this.shift[i] = shift;
    this.attr[i] = attr;
    return i;
  }

  /** The slot holding (lo, hi) for ctx/asid, or -1. */
  find(lo: number, hi: number, ctx: number, asid: number): number {
    const i = tlbIndex(lo, hi);
    if (
      this.vLo[i] === (lo & ~0xfff) &&
      this.vHi[i] === hi &&
      this.ctx[i] === ctx &&
      (this.asid[i] === asid || this.asid[i] === -1)
    )
      return i;
    return -1;
  }

  flushAll(): void {
    this.vLo.fill(EMPTY);
    this.flushes++;
  }

  /**
   * Removes the entries matching every given criterion: `ctxMask`/`ctxValue` select regimes
   * and VMIDs; `asid` (-2: any) matches non-global entries of that ASID, plus global ones when
   * `globalToo`; a VA page (vaHi !== undefined) matches the block that contains it; an IPA
   * page (ipa >= 0) matches entries built from it, only stage-2-only ones when `s2only`.
   */
  invalidate(
    ctxMask: number,
    ctxValue: number,
    asid: number,
    globalToo: boolean,
    vaLo: number,
    vaHi: number | undefined,
    ipa = -1,
    s2only = false,
  ): void {
    const vLo = this.vLo;
    for (let i = 0; i < TLB_SIZE; i++) {
      if (vLo[i] === EMPTY || (this.ctx[i]! & ctxMask) !== ctxValue) continue;
      if (asid !== -2) {
        const a = this.asid[i]!;
        if (a === -1 ? !globalToo : a !== asid) continue;
      }
      if (vaHi !== undefined) {
        // Compare with the top byte ignored (TBI) and the block size of the entry.
        if ((this.vHi[i]! << 8) >> 8 !== (vaHi << 8) >> 8) continue;
        const s = this.shift[i]!;
        const m = s >= 32 ? 0 : ~((1 << s) - 1);
        if ((vLo[i]! & m) !== (vaLo & m)) continue;
      }
      if (ipa >= 0) {
        if (s2only && (this.perm[i]! & Perm.S2ONLY) === 0) continue;
        if (this.ipa[i] !== ipa) continue;
      }
      vLo[i] = EMPTY;
    }
    this.flushes++;
  }
}
