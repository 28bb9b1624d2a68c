import { type AccessKind, type AddressTranslator, type Cpu, type InsnSampler } from '@hypsim/core';
import {
  branchTargetPacket,
  contextPacket,
  dataPaPacket,
  dataVaPacket,
  endPacket,
  eventsPacket,
  issueLatencyPacket,
  opTypePacket,
  pcPacket,
  timestampPacket,
  totalLatencyPacket,
  translationLatencyPacket,
} from '../packets/encode.js';
import { EVENT, type OpType } from '../packets/types.js';
import { PMBSR } from '../registers.js';
import type { SampledOp, SpeState } from '../state.js';
import { emitRecord } from './buffer.js';
import { classify, type InsnClass } from './classify.js';
import { latencies } from './latency.js';

/**
 * The sampling half of the Statistical Profiling Unit (spe.md §5, [ARM D17.3–D17.6]), driven by
 * core's instruction-sampling seam (`cpu.sampler`, core run/sampler.ts).
 *
 * Population and interval: an operation is an architecturally executed instruction
 * (PMSIDR_EL1.ArchInst = 1). While profiling is enabled, PMSICR_EL1.COUNT counts operations down;
 * the operation that finds COUNT = 0 reloads it (COUNT[31:8] = PMSIRR.INTERVAL, COUNT[7:0] = 0, or
 * a value drawn from the machine's seeded PRNG when PMSIRR.RND = 1) and is counted in the same
 * step, and the operation that brings COUNT to 0 is selected — an interval of INTERVAL×256+1
 * operations (RND=0), as [ARM D17.3] gives. While profiling is disabled COUNT holds its value.
 *
 * Profiling is enabled (the StatisticalProfilingEnabled() rules, spe.md §5) when PMBLIMITR_EL1.E
 * = 1, PMBSR_EL1.S = 0, the owning EL is not below the current EL, not (HCR_EL2.TGE = 1 and EL1
 * owns the buffer), and the enable bit of the current EL is set: EL2 → PMSCR_EL2.E2SPE, EL1 →
 * PMSCR_EL1.E1SPE, EL0 → PMSCR_EL2.E0HSPE when TGE = 1, else PMSCR_EL1.E0SPE. So with MDCR_EL2.
 * E2PB = 0b1x (EL1 owns the buffer) profiling is prohibited at EL2.
 *
 * Collisions: one sample is in flight at a time, from its selection until its total latency (in
 * operations, one per cycle) has passed; an operation selected meanwhile is dropped and sets
 * PMBSR_EL1.COLL ([ARM D17.3.7]).
 *
 * The record of a selected operation is built when it completes: PC (with EL and NS = 1, hypsim
 * being a Non-secure machine), Context (PMSCR.CX), Operation Type, Events, Counters (total, issue,
 * and translation for loads/stores), data VA / data PA (PMSCR.PA) or branch target, then a
 * Timestamp (PMSCR.TS, counter per PCT) or End. Filters (PMSFCR_EL1 FE/FT/FL) apply to the
 * completed record; a filtered record is not written.
 */

/** Records the first data access of the selected operation, delegating to the real translator. */
class RecordingTranslator implements AddressTranslator {
  inner: AddressTranslator | undefined;
  accesses = 0;
  lo = 0;
  hi = 0;
  pa = -1;
  size = 0;
  reads = false;
  writes = false;

  arm(inner: AddressTranslator): void {
    this.inner = inner;
    this.accesses = 0;
    this.pa = -1;
    this.reads = false;
    this.writes = false;
  }

  fetch(cpu: Cpu): number {
    return this.inner!.fetch(cpu);
  }

  data(cpu: Cpu, lo: number, hi: number, kind: AccessKind, size: number): number {
    const first = this.accesses++ === 0;
    if ((kind & 2) !== 0) this.writes = true;
    else this.reads = true;
    if (first) {
      this.lo = lo >>> 0;
      this.hi = hi | 0;
      this.size = size;
    }
    const pa = this.inner!.data(cpu, lo, hi, kind, size);
    if (first) this.pa = pa;
    return pa;
  }

  /**
   * The MMU's side-effect-free translation (SVE first-fault loads use it through
   * `cpu.translator`); without one, the flat map they would assume.
   */
  probe(lo: number, hi: number): number {
    const t = this.inner as { probe?: (lo: number, hi: number) => number };
    if (t.probe !== undefined) return t.probe(lo, hi);
    return hi >= 0 && hi < 0x10000 ? hi * 0x1_0000_0000 + (lo >>> 0) : -1;
  }

  unalignedFault(cpu: Cpu, lo: number, hi: number): boolean {
    const t = this.inner!;
    return t.unalignedFault !== undefined ? t.unalignedFault(cpu, lo, hi) : cpu.strictAlignment();
  }
}

const u64 = (lo: number, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);

/** StatisticalProfilingEnabled() (see the file comment). */
export function profilingEnabled(cpu: Cpu, st: SpeState): boolean {
  const s = cpu.sys;
  const sl = st.slots;
  if ((s[sl.PMBLIMITR_EL1]! & 1) === 0 || (s[sl.PMBSR_EL1]! & PMBSR.S) !== 0) return false;
  const el = cpu.el;
  // owningEl(cpu), from the cached MDCR_EL2 slot: EL2 when E2PB is 0b0x, else EL1.
  const owner = sl.MDCR_EL2 < 0 || (s[sl.MDCR_EL2]! & (2 << 12)) !== 0 ? 1 : 2;
  const tge = cpu.hasEL2 && cpu.tge;
  if (owner < el || (tge && owner === 1)) return false;
  if (el === 2) return (s[sl.PMSCR_EL2]! & 2) !== 0;
  if (el === 1) return (s[sl.PMSCR_EL1]! & 2) !== 0;
  return (s[tge ? sl.PMSCR_EL2 : sl.PMSCR_EL1]! & 1) !== 0;
}

/** The sampled operation ran in the EL2 (or EL2&0 host) regime: PMSCR_EL2 controls apply. */
const el2Regime = (cpu: Cpu, el: number): boolean =>
  el === 2 || (el === 0 && cpu.hasEL2 && cpu.tge);

export class SpeSampler implements InsnSampler {
  private readonly rec = new RecordingTranslator();

  constructor(private readonly st: SpeState) {}

  enter(cpu: Cpu, pa: number): number {
    const st = this.st;
    if (!profilingEnabled(cpu, st)) {
      st.counting = false;
      return Infinity;
    }
    const slot = st.slots.PMSICR_EL1;
    let count = cpu.sys[slot]! >>> 0;
    if (count === 0) {
      const irr = cpu.sys[st.slots.PMSIRR_EL1]!;
      const reload = ((irr >>> 8) & 0xffffff) * 256 + ((irr & 1) !== 0 ? st.prng.below(256) : 0);
      count = Math.min(0xffff_ffff, reload + 1);
      cpu.sys[slot] = count | 0;
    }
    st.counting = true;
    st.countAtEnter = count;
    if (count !== 1) return count - 1;
    // The next operation is selected: capture it and watch its data accesses.
    st.selPcLo = cpu.pcLo;
    st.selPcHi = cpu.pcHi;
    st.selEl = cpu.el;
    const ram = cpu.bus.ramAt(pa);
    st.selInsn = ram !== undefined ? ram.view.getUint32(pa - ram.base, true) : 0;
    st.selTlbMisses = cpu.mmu.tlb.misses;
    st.savedTranslator = cpu.translator;
    this.rec.arm(cpu.translator);
    cpu.translator = this.rec;
    return 0;
  }

  leave(cpu: Cpu, n: number, selected: boolean, exception: boolean): void {
    const st = this.st;
    if (selected && st.savedTranslator !== undefined) {
      cpu.translator = st.savedTranslator;
      st.savedTranslator = undefined;
    }
    if (!st.counting) return;
    st.counting = false;
    st.ops += n;
    const slot = st.slots.PMSICR_EL1;
    // A write to PMSICR_EL1 ends the stretch (MSR sets exitInner): keep the written value.
    if (cpu.sys[slot]! >>> 0 === st.countAtEnter)
      cpu.sys[slot] = Math.max(0, st.countAtEnter - n) | 0;
    if (selected) this.complete(cpu, exception);
  }

  /** The selected operation has completed: collision check, record, filters, buffer. */
  private complete(cpu: Cpu, exception: boolean): void {
    const st = this.st;
    st.stats.selected++;
    if (st.ops - 1 < st.busyUntil) {
      st.stats.collisions++;
      cpu.sys[st.slots.PMBSR_EL1] = cpu.sys[st.slots.PMBSR_EL1]! | PMBSR.COLL;
      return;
    }
    const r = buildRecord(cpu, st, this.rec, exception);
    st.busyUntil = st.ops - 1 + r.total;
    if (!passesFilters(cpu, st, r)) {
      st.stats.filtered++;
      return;
    }
    // Profiling may have stopped meanwhile (the operation wrote PMBLIMITR/PMBSR): the record
    // then has nowhere to go.
    const s = cpu.sys;
    if ((s[st.slots.PMBLIMITR_EL1]! & 1) === 0 || (s[st.slots.PMBSR_EL1]! & PMBSR.S) !== 0) {
      st.stats.discarded++;
      return;
    }
    st.onRecord?.(r.op, r.bytes);
    emitRecord(cpu, st, r.bytes);
  }
}

/** The selected operation's first data access (RecordingTranslator). */
export interface AccessRecord {
  accesses: number;
  lo: number;
  hi: number;
  pa: number;
  size: number;
  reads: boolean;
  writes: boolean;
}

/** What the filters look at, plus the encoded record. */
export interface BuiltRecord {
  bytes: Uint8Array;
  events: bigint;
  total: number;
  isLoad: boolean;
  isStore: boolean;
  isBranch: boolean;
  op: SampledOp;
}

function opTypeOf(c: InsnClass, rec: AccessRecord): OpType {
  if (rec.accesses > 0) {
    const store = rec.writes && !rec.reads;
    if (c.group === 'ldst' && (c.atomic || c.exclusive || c.acqrel))
      return {
        class: 'ldst',
        sub: 'extended',
        store: c.atomic ? false : store,
        atomic: c.atomic,
        exclusive: c.exclusive,
        acqrel: c.acqrel,
      };
    if (c.group === 'ldst') return { class: 'ldst', sub: c.simdFp ? 'simd-fp' : 'gp', store };
    return { class: 'ldst', sub: 'unspecified', store };
  }
  if (c.group === 'branch')
    return {
      class: 'branch',
      sub: 'branch',
      cond: c.cond,
      indirect: c.indirect,
      gcs: false,
      cr: c.cr,
    };
  return { class: 'other', sub: 'general', cond: c.cond, fp: c.fp, simd: c.simd };
}

export function buildRecord(
  cpu: Cpu,
  st: SpeState,
  rec: AccessRecord,
  exception: boolean,
): BuiltRecord {
  const s = cpu.sys;
  const sl = st.slots;
  const c = classify(st.selInsn);
  const el = st.selEl as 0 | 1 | 2 | 3;
  const pc = u64(st.selPcLo, st.selPcHi);
  const el2r = el2Regime(cpu, el);
  const scr1 = s[sl.PMSCR_EL1]!;
  const scr2 = cpu.hasEL2 ? s[sl.PMSCR_EL2]! : 0;
  const hasAccess = rec.accesses > 0 && rec.pa >= 0;
  const attempted = rec.accesses > 0;

  // Branch outcome: the PC after the operation (an exception entry is not a branch target).
  const after = u64(cpu.pcLo, cpu.pcHi);
  const isBranch = c.group === 'branch' && !exception;
  const taken =
    isBranch &&
    (c.offset !== undefined
      ? after === BigInt.asUintN(64, pc + BigInt(c.offset)) && after !== pc + 4n
      : after !== pc + 4n);

  // Events (spe.md §6.4).
  let ev = 0n;
  const generated = exception || c.group === 'exception';
  if (generated) ev |= 1n << BigInt(EVENT.EXCEPTION);
  if (!exception) ev |= 1n << BigInt(EVENT.RETIRED);
  let translation: 'off' | 'hit' | 'walk' | 'walk2' | undefined;
  if (attempted) {
    ev |= 1n << BigInt(EVENT.L1D_ACCESS);
    const mmuOn = !cpu.mmu.off;
    if (mmuOn) ev |= 1n << BigInt(EVENT.TLB_ACCESS);
    const walked = cpu.mmu.tlb.misses !== st.selTlbMisses;
    if (walked) ev |= 1n << BigInt(EVENT.TLB_WALK);
    translation = !mmuOn
      ? 'off'
      : !walked
        ? 'hit'
        : cpu.mmu.lastIpa >= 0 && el < 2
          ? 'walk2'
          : 'walk';
    if (rec.size > 1 && (rec.lo & (rec.size - 1)) !== 0) ev |= 1n << BigInt(EVENT.MISALIGNED);
  }
  if (isBranch && c.cond && !taken) ev |= 1n << BigInt(EVENT.NOT_TAKEN);

  const latCls = attempted
    ? c.atomic
      ? 'atomic'
      : rec.writes && !rec.reads
        ? 'store'
        : 'load'
    : c.latency;
  const lat = latencies(latCls, translation, st.costs);

  const parts: Uint8Array[] = [pcPacket({ va: pc, el, ns: true })];
  // Context (PMSCR_ELx.CX of the sampled regime).
  if (el2r ? (scr2 & 8) !== 0 : (scr1 & 8) !== 0) {
    const ctxSlot = el2r ? sl.CONTEXTIDR_EL2 : sl.CONTEXTIDR_EL1;
    parts.push(contextPacket(el2r ? 1 : 0, ctxSlot >= 0 ? s[ctxSlot]! >>> 0 : 0));
  }
  parts.push(opTypePacket(opTypeOf(c, rec)));
  parts.push(eventsPacket(ev));
  parts.push(totalLatencyPacket(lat.total), issueLatencyPacket(lat.issue));
  if (attempted) {
    parts.push(translationLatencyPacket(lat.translation));
    parts.push(dataVaPacket(u64(rec.lo, rec.hi)));
    // PA: PMSCR_EL2.PA at EL2; PMSCR_EL1.PA (and PMSCR_EL2.PA when EL2 exists) for EL1&0.
    const pa = el2r ? (scr2 & 16) !== 0 : (scr1 & 16) !== 0 && (!cpu.hasEL2 || (scr2 & 16) !== 0);
    if (pa && hasAccess) parts.push(dataPaPacket({ pa: BigInt(rec.pa), ns: true }));
  } else if (isBranch && taken) {
    parts.push(branchTargetPacket({ va: after, el: cpu.el as 0 | 1 | 2 | 3, ns: true }));
  }
  // Timestamp or End.
  if (el2r ? (scr2 & 32) !== 0 : (scr1 & 32) !== 0)
    parts.push(timestampPacket(timestamp(cpu, st, el2r, scr1, scr2)));
  else parts.push(endPacket());

  let len = 0;
  for (const p of parts) len += p.length;
  const bytes = new Uint8Array(len);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  const isLoad = attempted && (rec.reads || c.atomic);
  const isStore = attempted && (rec.writes || c.atomic);
  const op: SampledOp = {
    pc,
    el,
    insn: st.selInsn,
    dataVa: attempted ? u64(rec.lo, rec.hi) : undefined,
    dataPa: hasAccess ? BigInt(rec.pa) : undefined,
    branchTarget: isBranch && taken ? after : undefined,
    events: ev,
    total: lat.total,
    exception,
  };
  return {
    bytes,
    events: ev,
    total: lat.total,
    isLoad,
    isStore,
    isBranch: c.group === 'branch',
    op,
  };
}

/**
 * The timestamp (spe.md §2 PMSCR.PCT): the physical counter (CNTPCT_EL0) when the sampled
 * regime's PCT selects it — for EL1&0 only if PMSCR_EL2.PCT also allows it (EL2's PCT limits
 * EL1's; without EL2 PCT reads 0b01, physical) — else the virtual counter (CNTVCT_EL0). The
 * counters are the board's generic timer (read through its registers); a machine without one
 * uses instructions retired / 16 (the `virt` board's 62.5 MHz at 1 ns per instruction).
 */
function timestamp(cpu: Cpu, st: SpeState, el2r: boolean, scr1: number, scr2: number): bigint {
  const pct2 = (scr2 >>> 6) & 3;
  const pct1 = (scr1 >>> 6) & 3;
  const physical = !cpu.hasEL2 ? true : el2r ? pct2 !== 0 : pct1 !== 0 && pct2 !== 0;
  const reg = physical ? st.cntpct : st.cntvct;
  if (reg === undefined) return BigInt(Math.floor(cpu.instret / 16));
  cpu.registry.readInto(cpu, reg, cpu.scratch);
  return u64(cpu.scratch[0]!, cpu.scratch[1]!);
}

/** PMSFCR_EL1 filters (spe.md §5): FE (all PMSEVFR events occurred), FT (B/LD/ST, OR), FL. */
export function passesFilters(cpu: Cpu, st: SpeState, r: BuiltRecord): boolean {
  const s = cpu.sys;
  const sl = st.slots;
  const fcr = s[sl.PMSFCR_EL1]!;
  if ((fcr & 1) !== 0) {
    const want = u64(s[sl.PMSEVFR_EL1]!, s[sl.PMSEVFR_EL1 + 1]!);
    if ((r.events & want) !== want) return false;
  }
  if ((fcr & 2) !== 0) {
    const b = (fcr & (1 << 16)) !== 0 && r.isBranch;
    const ld = (fcr & (1 << 17)) !== 0 && r.isLoad;
    const stt = (fcr & (1 << 18)) !== 0 && r.isStore;
    if (!(b || ld || stt)) return false;
  }
  if ((fcr & 4) !== 0 && r.total < (s[sl.PMSLATFR_EL1]! & 0xfff)) return false;
  return true;
}
