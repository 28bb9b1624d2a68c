import type { Cpu } from '../cpu/cpu.js';
import { EXCEPTION_TAKEN, isExceptionTaken, routeSync, takeException } from '../cpu/exception.js';
import { FSC, syndrome } from '../cpu/syndrome.js';
import { AccessKind, flatTranslator, type AddressTranslator } from '../cpu/translate.js';
import { instructionSyndrome } from './isv.js';
import { Stage2Result, type Stage2Hook } from './stage2-hook.js';
import { Perm, Regime, TLB_MASK, Tlb } from './tlb.js';
import { WalkResult, walkTables, type WalkParams } from './walk.js';

/** `walk`: table writes and register changes take effect at once; `strict`: only TLBI does. */
export type TlbPolicy = 'walk' | 'strict';

const TWO32 = 0x1_0000_0000;

/** Register storage slots the MMU reads (-1 when the register does not exist). */
interface MmuSlots {
  SCTLR_EL1: number;
  SCTLR_EL2: number;
  TCR_EL1: number;
  TCR_EL2: number;
  TTBR0_EL1: number;
  TTBR1_EL1: number;
  TTBR0_EL2: number;
  TTBR1_EL2: number;
  MAIR_EL1: number;
  MAIR_EL2: number;
  HCR_EL2: number;
}

function slotsOf(cpu: Cpu): MmuSlots {
  const s = (n: string): number => {
    const r = cpu.registry.get(n);
    return r === undefined ? -1 : 2 * r.index;
  };
  return {
    SCTLR_EL1: s('SCTLR_EL1'),
    SCTLR_EL2: s('SCTLR_EL2'),
    TCR_EL1: s('TCR_EL1'),
    TCR_EL2: s('TCR_EL2'),
    TTBR0_EL1: s('TTBR0_EL1'),
    TTBR1_EL1: s('TTBR1_EL1'),
    TTBR0_EL2: s('TTBR0_EL2'),
    TTBR1_EL2: s('TTBR1_EL2'),
    MAIR_EL1: s('MAIR_EL1'),
    MAIR_EL2: s('MAIR_EL2'),
    HCR_EL2: s('HCR_EL2'),
  };
}

/** TCR.{I}PS / PS → bits (capped at the model's 48-bit PA space). */
const PA_BITS = [32, 36, 40, 42, 44, 48, 48, 48];

/**
 * The MMU of one CPU (Arm ARM D8): stage 1 for the EL1&0, EL2 and EL2&0 regimes, the stage-2
 * hook for EL1&0, the software TLB, and the aborts. It is the CPU's `translator`. Everything
 * that depends on registers is recomputed in `refresh` when `cpu.ctxEpoch` moves (every
 * system-register write, exception entry and return), so a TLB hit is one index and a few
 * compares.
 */
export class Mmu implements AddressTranslator {
  readonly tlb = new Tlb();
  policy: TlbPolicy = 'walk';
  private stage2: Stage2Hook | undefined;
  private sl: MmuSlots | undefined;

  // ---- the current context (valid while epoch === cpu.ctxEpoch) ----
  private epoch = -1;
  /** Neither stage is on: the flat map. */
  off = true;
  regime = Regime.EL10;
  private s1on = false;
  private s2on = false;
  private ctx = 0;
  private asid = -1;
  private vmid = 0;
  /** Perm bit each AccessKind needs at the current EL. */
  private readonly need = new Int32Array(8);
  /** Per regime, the register words the `walk` policy compares to notice changes. */
  private readonly sig = [new Float64Array(12), new Float64Array(12), new Float64Array(12)];
  private readonly tablePages = new Set<number>();
  private watching = false;
  private readonly watchFn = (pa: number): void => this.watch(pa);

  // ---- reused results ----
  readonly res = new WalkResult();
  private readonly s2res = new Stage2Result();
  /** Perm bits, attributes and IPA of the last successful `translate`. */
  lastPerm = 0;
  lastAttr = 0;
  lastIpa = -1;
  lastSh = 0;

  constructor(private readonly cpu: Cpu) {}

  /** Installs the stage-2 hook (ext-stage2's `realize`). */
  setStage2(hook: Stage2Hook | undefined): void {
    this.stage2 = hook;
    this.epoch = -1;
    this.tlb.flushAll();
  }

  setPolicy(p: TlbPolicy): void {
    this.policy = p;
    this.tlb.flushAll();
  }

  /** Forgets every cached translation (reset; the `walk` policy on a table write). */
  flush(): void {
    this.tlb.flushAll();
  }

  // ---- AddressTranslator ------------------------------------------------------------------

  fetch(cpu: Cpu): number {
    if (this.epoch !== cpu.ctxEpoch) this.refresh();
    if (this.off) return flatTranslator.fetch(cpu);
    const lo = cpu.pcLo;
    const hi = cpu.pcHi;
    const t = this.tlb;
    const i = ((lo >>> 12) ^ hi) & TLB_MASK;
    if (
      t.vLo[i] === (lo & ~0xfff) &&
      t.vHi[i] === hi &&
      t.ctx[i] === this.ctx &&
      (t.asid[i] === this.asid || t.asid[i] === -1) &&
      (t.perm[i]! & this.need[AccessKind.Fetch]!) !== 0
    )
      return t.pa[i]! + (lo & 0xfff);
    try {
      return this.miss(lo, hi, AccessKind.Fetch);
    } catch (e) {
      if (isExceptionTaken(e)) return -1;
      throw e;
    }
  }

  data(cpu: Cpu, lo: number, hi: number, kind: AccessKind, size: number): number {
    if (this.epoch !== cpu.ctxEpoch) this.refresh();
    if (this.off) {
      // The flat map inline (the MMU-off hot path); flatTranslator raises the size fault.
      if (hi >= 0 && hi < 0x10000) return hi * TWO32 + (lo >>> 0);
      return flatTranslator.data(cpu, lo, hi, kind, size);
    }
    const t = this.tlb;
    const i = ((lo >>> 12) ^ hi) & TLB_MASK;
    if (
      t.vLo[i] === (lo & ~0xfff) &&
      t.vHi[i] === hi &&
      t.ctx[i] === this.ctx &&
      (t.asid[i] === this.asid || t.asid[i] === -1) &&
      (t.perm[i]! & this.need[kind]!) !== 0
    )
      return t.pa[i]! + (lo & 0xfff);
    return this.miss(lo, hi, kind);
  }

  unalignedFault(cpu: Cpu, lo: number, hi: number): boolean {
    if (cpu.strictAlignment()) return true;
    if (this.off) return false;
    // Device memory (Arm ARM B2.5.2): the translation was just cached by `data`.
    const i = this.tlb.find(lo, hi, this.ctx, this.asid);
    return i >= 0 && (this.tlb.perm[i]! & Perm.DEVICE) !== 0;
  }

  // ---- context -------------------------------------------------------------------------------

  /** Recomputes what depends on registers and PSTATE.EL. */
  refresh(): void {
    const cpu = this.cpu;
    const sl = (this.sl ??= slotsOf(cpu));
    const s = cpu.sys;
    this.epoch = cpu.ctxEpoch;
    const el = cpu.el;
    const hcrLo = cpu.hasEL2 && sl.HCR_EL2 >= 0 ? s[sl.HCR_EL2]! : 0;
    const e2h = cpu.hasEL2 && sl.HCR_EL2 >= 0 && (s[sl.HCR_EL2 + 1]! & 4) !== 0;
    const tge = (hcrLo & (1 << 27)) !== 0;
    let regime: Regime;
    if (el === 2) regime = e2h ? Regime.EL20 : Regime.EL2;
    else if (el === 0 && e2h && tge) regime = Regime.EL20;
    else regime = Regime.EL10;
    this.regime = regime;
    const sctlr = s[regime === Regime.EL10 ? sl.SCTLR_EL1 : sl.SCTLR_EL2]!;
    // HCR_EL2.TGE=1 (E2H=0) disables stage 1 of EL1&0 for EL0.
    this.s1on = (sctlr & 1) !== 0 && !(regime === Regime.EL10 && tge);
    const h = this.stage2;
    this.s2on = regime === Regime.EL10 && h !== undefined && h.active(cpu);
    this.off = !this.s1on && !this.s2on;
    this.vmid = regime === Regime.EL10 && h !== undefined ? h.vmid(cpu) : 0;
    this.ctx = regime | (this.vmid << 2);
    // ASID: TTBR0 or TTBR1 per TCR.A1, 8 or 16 bits per TCR.AS; the EL2 regime has none.
    if (regime === Regime.EL2) this.asid = 0;
    else {
      const tcrHi = s[(regime === Regime.EL10 ? sl.TCR_EL1 : sl.TCR_EL2) + 1]!;
      const tcrLo = s[regime === Regime.EL10 ? sl.TCR_EL1 : sl.TCR_EL2]!;
      const a1 = (tcrLo & (1 << 22)) !== 0;
      const ttbr =
        regime === Regime.EL10
          ? a1
            ? sl.TTBR1_EL1
            : sl.TTBR0_EL1
          : a1
            ? sl.TTBR1_EL2
            : sl.TTBR0_EL2;
      const raw = ttbr >= 0 ? s[ttbr + 1]! >>> 16 : 0;
      this.asid = (tcrHi & (1 << 4)) !== 0 ? raw : raw & 0xff;
    }
    const need = this.need;
    const priv = el !== 0;
    need[AccessKind.Fetch] = priv ? Perm.X1 : Perm.X0;
    need[AccessKind.Read] = priv ? Perm.R1 : Perm.R0;
    need[AccessKind.Write] = priv ? Perm.W1 : Perm.W0;
    // LDTR/STTR: EL0 permissions at EL1, and at EL2 in the EL2&0 regime.
    const unpriv = el === 1 || (el === 2 && regime === Regime.EL20);
    need[AccessKind.UnprivRead] = unpriv ? Perm.R0 : need[AccessKind.Read]!;
    need[AccessKind.UnprivWrite] = unpriv ? Perm.W0 : need[AccessKind.Write]!;
    if (this.policy === 'walk' && !this.off) this.checkSignature(regime, sctlr);
  }

  /** `walk` policy: a changed translation register of this regime drops the cached entries. */
  private checkSignature(regime: Regime, sctlr: number): void {
    const sl = this.sl!;
    const s = this.cpu.sys;
    const sig = this.sig[regime]!;
    const el1 = regime === Regime.EL10;
    const w = (slot: number, k: number): boolean => {
      const v = slot < 0 ? 0 : s[slot]! * TWO32 + (s[slot + 1]! >>> 0);
      if (sig[k] === v) return false;
      sig[k] = v;
      return true;
    };
    let changed = false;
    changed = w(el1 ? sl.TTBR0_EL1 : sl.TTBR0_EL2, 0) || changed;
    changed = w(el1 ? sl.TTBR1_EL1 : sl.TTBR1_EL2, 1) || changed;
    changed = w(el1 ? sl.TCR_EL1 : sl.TCR_EL2, 2) || changed;
    changed = w(el1 ? sl.MAIR_EL1 : sl.MAIR_EL2, 3) || changed;
    const g = this.s2on ? this.stage2!.generation(this.cpu) : -1;
    const extra = (sctlr & 0x80001) + (this.s2on ? 2 : 0) + (this.s1on ? 4 : 0);
    if (sig[4] !== extra || sig[5] !== g) {
      sig[4] = extra;
      sig[5] = g;
      changed = true;
    }
    if (changed) this.tlb.flushAll();
  }

  /** `walk` policy: remember the table page and drop the TLB when it is written. */
  private watch(pa: number): void {
    if (this.policy !== 'walk') return;
    const page = pa - (pa % 4096);
    if (this.tablePages.has(page)) return;
    const bus = this.cpu.bus;
    if (!bus.markCode(page)) return;
    this.tablePages.add(page);
    if (!this.watching) {
      this.watching = true;
      bus.onCodeWrite((wpa, size) => {
        if (this.tablePages.size === 0) return;
        const first = wpa - (wpa % 4096);
        if (
          this.tablePages.has(first) ||
          this.tablePages.has(first + 4096 * Math.floor((wpa + size - 1 - first) / 4096))
        )
          this.tlb.flushAll();
      });
    }
  }

  // ---- the slow path -----------------------------------------------------------------------

  private miss(lo: number, hi: number, kind: AccessKind): number {
    this.tlb.misses++;
    const res = this.res;
    if (!this.translate(lo, hi, kind, true)) this.raise(lo, hi, kind);
    const pa = res.oa;
    this.tlb.fill(
      lo,
      hi,
      this.ctx,
      (this.lastPerm & NG_FLAG) !== 0 ? this.asid : -1,
      this.lastPerm & ~NG_FLAG,
      pa,
      this.lastIpa,
      res.shift,
      this.lastAttr,
    );
    return pa + (lo & 0xfff);
  }

  /**
   * Translates (lo, hi) for `kind` in the current regime, checking AF and permissions. On
   * success res.oa is the PA of the page and lastPerm/lastAttr/lastIpa describe it; on failure
   * res.fault (stage2, s1ptw, faultIpa, level) says what went wrong.
   */
  translate(lo: number, hi: number, kind: AccessKind, checkPerm: boolean, s1only = false): boolean {
    const res = this.res;
    res.reset();
    let perm = Perm.R1 | Perm.W1 | Perm.X1 | Perm.R0 | Perm.W0 | Perm.X0;
    let attr = 0;
    let ipa: number;
    let sh = 0;
    if (this.s1on) {
      if (!this.walkStage1(lo, hi)) return false;
      const d = res.descLo;
      // Access flag before permissions, as QEMU 7.2 checks them.
      if ((d & (1 << 10)) === 0) {
        res.fault = FSC.accessFlag(res.level);
        return false;
      }
      perm = this.stage1Perm(d, res.descHi, res.tableAttrs);
      if ((d & 0x800) !== 0 && this.regime !== Regime.EL2) perm |= NG_FLAG;
      attr = this.mairAttr((d >>> 2) & 7);
      if ((attr & 0xf0) === 0) perm |= Perm.DEVICE;
      sh = (d >>> 8) & 3;
      if (checkPerm && (perm & this.need[kind]!) === 0) {
        res.fault = FSC.permission(res.level);
        return false;
      }
      ipa = res.oa;
    } else {
      ipa = (hi & 0xffff) * TWO32 + ((lo >>> 0) - ((lo >>> 0) % 4096));
      if (hi < 0 || hi >= 0x10000) {
        res.fault = FSC.addressSize(0);
        res.level = 0;
        return false;
      }
      res.oa = ipa;
      res.shift = 12;
      attr = 0; // Device-nGnRnE (stage 1 off)
      perm |= Perm.DEVICE;
      sh = 2;
      if (this.s2on) perm |= Perm.S2ONLY;
    }
    this.lastIpa = -1;
    if (this.s2on && !s1only) {
      const s2 = this.s2res;
      if (!this.stage2!.translate(this.cpu, ipa, s2, this.watchFn)) {
        res.fault = s2.fault;
        res.level = s2.level;
        res.stage2 = true;
        res.faultIpa = ipa;
        return false;
      }
      if (checkPerm && (s2.perm & this.need[kind]!) === 0) {
        res.fault = FSC.permission(s2.level);
        res.level = s2.level;
        res.stage2 = true;
        res.faultIpa = ipa;
        return false;
      }
      perm &= s2.perm | NG_FLAG | Perm.DEVICE | Perm.S2ONLY;
      perm |= s2.perm & Perm.DEVICE;
      this.lastIpa = ipa;
      res.oa = s2.pa;
      if (s2.shift < res.shift) res.shift = s2.shift;
    }
    this.lastPerm = perm;
    this.lastAttr = attr;
    this.lastSh = sh;
    return true;
  }

  /** Stage-1 walk of (lo, hi) in the current regime: TTBR selection, TxSZ/TBI/EPD checks. */
  private walkStage1(lo: number, hi: number): boolean {
    const res = this.res;
    const s = this.cpu.sys;
    const sl = this.sl!;
    const regime = this.regime;
    const el1 = regime === Regime.EL10;
    const tcrLo = s[el1 ? sl.TCR_EL1 : sl.TCR_EL2]!;
    const tcrHi = s[(el1 ? sl.TCR_EL1 : sl.TCR_EL2) + 1]!;
    let upper = false;
    let tsz: number;
    let tg: number;
    let tbi: boolean;
    let ps: number;
    let ttbr: number;
    if (regime === Regime.EL2) {
      tsz = tcrLo & 0x3f;
      tg = (tcrLo >>> 14) & 3;
      tbi = (tcrLo & (1 << 20)) !== 0;
      ps = (tcrLo >>> 16) & 7;
      ttbr = sl.TTBR0_EL2;
    } else {
      // Bit 55 selects the range (TTBR1 when set) whatever TBI says.
      upper = (hi & (1 << 23)) !== 0;
      ps = tcrHi & 7;
      if (upper) {
        tsz = (tcrLo >>> 16) & 0x3f;
        // TG1: 01 16K, 10 4K, 11 64K → the TG0 encoding (00 4K, 01 64K, 10 16K).
        const tg1 = (tcrLo >>> 30) & 3;
        tg = tg1 === 1 ? 2 : tg1 === 3 ? 1 : 0;
        tbi = (tcrHi & (1 << 6)) !== 0;
        ttbr = el1 ? sl.TTBR1_EL1 : sl.TTBR1_EL2;
        if ((tcrLo & (1 << 23)) !== 0) return this.fault0();
      } else {
        tsz = tcrLo & 0x3f;
        tg = (tcrLo >>> 14) & 3;
        tbi = (tcrHi & (1 << 5)) !== 0;
        ttbr = el1 ? sl.TTBR0_EL1 : sl.TTBR0_EL2;
        if ((tcrLo & (1 << 7)) !== 0) return this.fault0();
      }
    }
    const granule = tg === 1 ? 16 : tg === 2 ? 14 : 12;
    if (tsz < 16) tsz = 16;
    else if (tsz > 48) tsz = 48;
    // VA[63:64−TxSZ] must all equal the range's fill (0 or 1); with TBI, [63:56] are ignored.
    const fill = upper ? -1 : 0;
    const vh = tbi ? (hi << 8) >> 8 : hi;
    if (tsz <= 32) {
      if (vh >> (32 - tsz) !== fill) return this.fault0();
    } else if (vh !== fill || lo >> (64 - tsz) !== fill) return this.fault0();
    const inputBits = 64 - tsz;
    const stride = granule - 3;
    const levels = Math.ceil((inputBits - granule) / stride);
    const tLo = s[ttbr]!;
    const tHi = s[ttbr + 1]!;
    const p: WalkParams = {
      granule,
      inputBits,
      startLevel: 4 - levels,
      base: (tHi & 0xffff) * TWO32 + ((tLo & ~1) >>> 0),
      paBits: PA_BITS[ps]!,
    };
    const ia = (hi & 0xffff) * TWO32 + (lo >>> 0);
    return walkTables(
      this.cpu.bus,
      p,
      ia,
      res,
      this.s2on ? this.tableHook : undefined,
      this.policy === 'walk' ? this.watchFn : undefined,
    );
  }

  private fault0(): boolean {
    this.res.fault = FSC.translation(0);
    this.res.level = 0;
    return false;
  }

  /** Stage 2 of a stage-1 descriptor address (S1PTW): needs stage-2 read permission. */
  private readonly tableHook = (ipa: number, _level: number, res: WalkResult): number => {
    const s2 = this.s2res;
    if (!this.stage2!.translate(this.cpu, ipa, s2, this.watchFn)) {
      res.fault = s2.fault;
      res.level = s2.level;
    } else if ((s2.perm & Perm.R1) === 0) {
      res.fault = FSC.permission(s2.level);
      res.level = s2.level;
    } else return s2.pa + (ipa % 4096);
    res.stage2 = true;
    res.s1ptw = true;
    res.faultIpa = ipa - (ipa % 4096);
    return -1;
  };

  /** Stage-1 permissions of a leaf (Arm ARM D8.4), as Perm bits. */
  private stage1Perm(lo: number, hi: number, ta: number): number {
    const ap = (lo >>> 6) & 3;
    const ro = (ap & 2) !== 0 || (ta & 2) !== 0;
    const sctlr =
      this.cpu.sys[this.regime === Regime.EL10 ? this.sl!.SCTLR_EL1 : this.sl!.SCTLR_EL2]!;
    const wxn = (sctlr & (1 << 19)) !== 0;
    if (this.regime === Regime.EL2) {
      const xn = (hi & (1 << 22)) !== 0 || (ta & 4) !== 0;
      return Perm.R1 | (ro ? 0 : Perm.W1) | (xn || (wxn && !ro) ? 0 : Perm.X1);
    }
    const el0 = (ap & 1) !== 0 && (ta & 1) === 0;
    const uxn = (hi & (1 << 22)) !== 0 || (ta & 4) !== 0;
    const pxn = (hi & (1 << 21)) !== 0 || (ta & 8) !== 0;
    let p = Perm.R1 | (ro ? 0 : Perm.W1);
    if (el0) p |= Perm.R0 | (ro ? 0 : Perm.W0);
    // Memory EL0 can write is never executable at EL1 (Arm ARM D8.4.1.2).
    if (!pxn && !(el0 && !ro) && !(wxn && !ro)) p |= Perm.X1;
    if (!uxn && !(wxn && el0 && !ro)) p |= Perm.X0;
    return p;
  }

  private mairAttr(idx: number): number {
    const sl = this.sl!;
    const slot = this.regime === Regime.EL10 ? sl.MAIR_EL1 : sl.MAIR_EL2;
    const w = this.cpu.sys[slot + (idx >> 2)]!;
    return (w >>> (8 * (idx & 3))) & 0xff;
  }

  /** Takes the abort described by `res` (stage 1: the routed EL; stage 2: EL2) and unwinds. */
  raise(lo: number, hi: number, kind: AccessKind): never {
    const cpu = this.cpu;
    const res = this.res;
    const fault = res.fault;
    const s1ptw = res.s1ptw;
    const stage2 = res.stage2;
    let target: number;
    if (stage2) {
      this.stage2!.recordFault(cpu, res.faultIpa);
      target = 2;
    } else target = routeSync(cpu);
    const sameEL = target === cpu.el;
    if (kind === AccessKind.Fetch) {
      takeException(
        cpu,
        target,
        'sync',
        syndrome.instructionAbort(sameEL, fault, { s1ptw }),
        cpu.pcLo,
        cpu.pcHi,
        { lo, hi },
      );
      throw EXCEPTION_TAKEN;
    }
    let esr = syndrome.dataAbort(sameEL, fault, { wnr: (kind & 2) !== 0, s1ptw });
    // The instruction syndrome (ISV, for MMIO emulation): stage-2 aborts on the final IPA
    // only, as QEMU 7.2 gives it, decoded from the instruction itself.
    if (stage2 && !s1ptw) esr = (esr | instructionSyndrome(this.currentInsn())) >>> 0;
    takeException(cpu, target, 'sync', esr >>> 0, cpu.pcLo, cpu.pcHi, { lo, hi });
    throw EXCEPTION_TAKEN;
  }

  /** The instruction word at the PC (it was fetched, so it translates), or 0. */
  private currentInsn(): number {
    const cpu = this.cpu;
    const i = this.tlb.find(cpu.pcLo, cpu.pcHi, this.ctx, this.asid);
    let pa: number;
    if (i >= 0) pa = this.tlb.pa[i]! + (cpu.pcLo & 0xfff);
    else if (this.translate(cpu.pcLo, cpu.pcHi, AccessKind.Fetch, false))
      pa = this.res.oa + (cpu.pcLo & 0xfff);
    else return 0;
    const r = cpu.bus.ramAt(pa);
    return r !== undefined && pa + 4 <= r.end ? r.view.getInt32(pa - r.base, true) : 0;
  }

  /**
   * VA → PA as the current context translates it, without permission checks, faults or TLB
   * fills (semihosting, debuggers, TypeScript strategies reading guest memory); -1 when the
   * address does not translate.
   */
  probe(lo: number, hi: number): number {
    if (this.epoch !== this.cpu.ctxEpoch) this.refresh();
    if (this.off) return hi >= 0 && hi < 0x10000 ? hi * TWO32 + (lo >>> 0) : -1;
    if (!this.translate(lo | 0, hi | 0, AccessKind.Read, false)) return -1;
    return this.res.oa + (lo & 0xfff);
  }

  /**
   * LDTR/STTR: until `endUnprivileged`, reads and writes need the EL0 permissions when the CPU
   * is at EL1 (or at EL2 in the EL2&0 regime), on TLB hits and on walks alike.
   */
  beginUnprivileged(): void {
    if (this.epoch !== this.cpu.ctxEpoch) this.refresh();
    const need = this.need;
    need[AccessKind.Read] = need[AccessKind.UnprivRead]!;
    need[AccessKind.Write] = need[AccessKind.UnprivWrite]!;
  }

  endUnprivileged(): void {
    this.epoch = -1; // the next access recomputes `need`
  }

  /** VMID tagging EL1&0 entries now (VTTBR_EL2 through the stage-2 hook), also at EL2. */
  currentVmid(): number {
    return this.stage2 !== undefined ? this.stage2.vmid(this.cpu) : 0;
  }

  /** The ASID operand of a TLBI (Xt[63:48]), cut to 8 bits unless TCR_ELx.AS. */
  asidOperand(raw: number, regime: Regime): number {
    const sl = (this.sl ??= slotsOf(this.cpu));
    const slot = regime === Regime.EL10 ? sl.TCR_EL1 : sl.TCR_EL2;
    return slot >= 0 && (this.cpu.sys[slot + 1]! & (1 << 4)) !== 0 ? raw & 0xffff : raw & 0xff;
  }

  /**
   * AT: translates (lo, hi) as an access from `el` (stage 1 only when `s1only`) and writes
   * PAR_EL1 (Arm ARM D24.2.112). A stage-2 fault on the stage-1 walk is taken to EL2, as on
   * QEMU; every other fault is reported in PAR_EL1 (F=1).
   */
  addressTranslate(lo: number, hi: number, el: number, kind: AccessKind, s1only: boolean): void {
    const cpu = this.cpu;
    const saved = cpu.el;
    let ok: boolean;
    try {
      cpu.el = el;
      this.refresh();
      ok = this.translate(lo, hi, kind, true, s1only);
    } finally {
      cpu.el = saved;
      this.epoch = -1;
    }
    const res = this.res;
    if (!ok && res.stage2 && res.s1ptw) {
      this.refresh();
      this.raise(lo, hi, kind);
    }
    let pLo: number;
    let pHi: number;
    if (ok) {
      const oa = res.oa;
      pLo = ((oa % TWO32) & 0xfffff000) | (this.lastSh << 7) | (1 << 9) | (1 << 11);
      pHi = (Math.floor(oa / TWO32) & 0xffff) | (this.lastAttr << 24);
    } else {
      pLo =
        1 |
        ((res.fault & 0x3f) << 1) |
        (res.s1ptw ? 1 << 8 : 0) |
        (res.stage2 ? 1 << 9 : 0) |
        (1 << 11);
      pHi = 0;
    }
    cpu.registry.writeFrom(cpu, cpu.registry.require('PAR_EL1'), pLo, pHi);
  }
}

/** Internal: nG of the leaf, carried in lastPerm until the entry is filled. */
export const NG_FLAG = 1 << 30;
