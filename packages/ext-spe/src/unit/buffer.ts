import { AccessKind, BusError, FSC, type Cpu } from '@hypsim/core';
import { owningEl } from '../ownership.js';
import { MAX_RECORD_BYTES, PMBSR } from '../registers.js';
import type { SpeState } from '../state.js';

/**
 * The profiling buffer (spe.md §2 PMBLIMITR/PMBPTR/PMBSR, §5 "Buffer ownership / writes",
 * §7, [ARM D17.7, D17.8]). Records go to PMBPTR_EL1, a VA of the owning translation regime
 * (EL1&0 — stage 1, plus stage 2 when HCR_EL2.VM=1 — when MDCR_EL2.E2PB is 0b1x or there is
 * no EL2; the EL2 or EL2&0 regime when E2PB is 0b00), below PMBLIMITR_EL1.LIMIT.
 *
 * Management events set PMBSR_EL1.S, which stops profiling and drives the buffer management
 * interrupt (a PPI, INTID 21 by default) for as long as S stays 1:
 * - buffer full (fill mode): after a record, fewer than 2^MaxSize bytes remain before LIMIT
 *   → EC 0, BSC 1, PMBPTR after the last complete record, DL unchanged;
 * - a translation/permission/access-flag fault on a buffer write → EC 0x24 (stage 1) or 0x25
 *   (stage 2), FSC = the fault's DFSC, PMBPTR = the faulting VA, DL = 1 unless PMBPTR is the
 *   end of the last complete record. No exception is taken; ESR/FAR are not written.
 *
 * Model choices: PMBLIMITR.FM = 0b10 discards every record (SPEv1p2's discard mode: no writes,
 * no events); FM = 0b01/0b11 (reserved) behave as fill mode. A record that does not fit below
 * LIMIT (software left PMBPTR within 2^MaxSize of LIMIT, which is UNPREDICTABLE) is lost and
 * raises the buffer-full event with DL=1. A bus error on a buffer write (no RAM there) is
 * reported as a stage-1 event with FSC 0x10 (synchronous external abort) and PMBSR.EA=1.
 */

function sysU64(cpu: Cpu, slot: number): bigint {
  return (BigInt(cpu.sys[slot + 1]! >>> 0) << 32n) | BigInt(cpu.sys[slot]! >>> 0);
}

function setSysU64(cpu: Cpu, slot: number, v: bigint): void {
  cpu.sys[slot] = Number(v & 0xffff_ffffn) | 0;
  cpu.sys[slot + 1] = Number((v >> 32n) & 0xffff_ffffn) | 0;
}

/** Drives PMBIRQ from PMBSR_EL1.S (level-sensitive, spe.md §7). */
export function updateIrq(cpu: Cpu, st: SpeState): void {
  const level = (cpu.sys[st.slots.PMBSR_EL1]! & PMBSR.S) !== 0;
  if (level === st.irqLevel) return;
  st.irqLevel = level;
  st.irq?.setPpi(cpu.index, st.options.irq, level);
  cpu.exitInner = true;
}

/** A buffer management event: writes PMBSR_EL1 (keeping COLL) and raises PMBIRQ. */
function managementEvent(
  cpu: Cpu,
  st: SpeState,
  ec: number,
  mss: number,
  dl: boolean | 'unchanged',
  ea = false,
): void {
  const slot = st.slots.PMBSR_EL1;
  const old = cpu.sys[slot]!;
  const keepDl = dl === 'unchanged' ? (old & PMBSR.DL) !== 0 : dl;
  cpu.sys[slot] =
    (old & PMBSR.COLL) |
    PMBSR.S |
    (keepDl ? PMBSR.DL : 0) |
    (ea ? PMBSR.EA : 0) |
    ((ec & 0x3f) << PMBSR.EC_SHIFT) |
    (mss & 0xffff);
  cpu.sys[slot + 1] = 0;
  updateIrq(cpu, st);
}

/** Result of translating one buffer address in the owning regime. */
interface BufferPa {
  pa: number;
  /** FSC when the write faults, else -1. */
  fault: number;
  stage2: boolean;
}

/**
 * Translates a buffer VA for a privileged write in the owning regime, without taking an
 * exception and without filling the TLB (the way AT does: the CPU's EL is switched to the
 * owning EL for the walk and the MMU context recomputed afterwards).
 */
function translateBuffer(cpu: Cpu, va: bigint, owner: 1 | 2): BufferPa {
  const lo = Number(va & 0xffff_ffffn) | 0;
  const hi = Number((va >> 32n) & 0xffff_ffffn) | 0;
  const mmu = cpu.mmu;
  const saved = cpu.el;
  let ok: boolean;
  try {
    cpu.el = owner;
    mmu.refresh();
    ok = mmu.translate(lo, hi, AccessKind.Write, true);
  } finally {
    cpu.el = saved;
    cpu.ctxEpoch++; // the MMU recomputes the CPU's own context on its next access
  }
  const res = mmu.res;
  if (!ok) return { pa: -1, fault: res.fault, stage2: res.stage2 };
  return { pa: res.oa + ((lo >>> 0) & 0xfff), fault: -1, stage2: false };
}

/**
 * Writes `bytes` at buffer VA `va`, page by page. Returns undefined when every byte landed,
 * else the VA of the first byte that could not be written and what went wrong.
 */
function writeBytes(
  cpu: Cpu,
  va: bigint,
  bytes: Uint8Array,
): { at: bigint; fault: number; stage2: boolean; ea: boolean } | undefined {
  const owner = owningEl(cpu);
  let i = 0;
  while (i < bytes.length) {
    const at = va + BigInt(i);
    const t = translateBuffer(cpu, at, owner);
    if (t.fault >= 0) return { at, fault: t.fault, stage2: t.stage2, ea: false };
    const inPage = 0x1000 - Number(at & 0xfffn);
    const n = Math.min(inPage, bytes.length - i);
    try {
      for (let k = 0; k < n; k++) cpu.bus.write8(t.pa + k, bytes[i + k]!);
    } catch (e) {
      if (e instanceof BusError) return { at, fault: FSC.SYNC_EXTERNAL, stage2: false, ea: true };
      throw e;
    }
    cpu.monitorWrite(t.pa, n);
    i += n;
  }
  return undefined;
}

const limitOf = (cpu: Cpu, st: SpeState): bigint =>
  sysU64(cpu, st.slots.PMBLIMITR_EL1) & ~0xfffn & 0xffff_ffff_ffff_ffffn;

/**
 * Hands a completed record to the buffer (called by the sampler when profiling is enabled,
 * so PMBLIMITR.E = 1 and PMBSR.S = 0).
 */
export function emitRecord(cpu: Cpu, st: SpeState, bytes: Uint8Array): void {
  const sl = st.slots;
  const fm = (cpu.sys[sl.PMBLIMITR_EL1]! >>> 1) & 3;
  if (fm === 2) {
    st.stats.discarded++;
    return;
  }
  const ptr = sysU64(cpu, sl.PMBPTR_EL1);
  const limit = limitOf(cpu, st);
  const end = ptr + BigInt(bytes.length);
  if (end > limit) {
    st.stats.discarded++;
    drain(cpu, st);
    if ((cpu.sys[sl.PMBSR_EL1]! & PMBSR.S) === 0)
      managementEvent(cpu, st, PMBSR.EC_OTHER, PMBSR.BSC_FULL, true);
    return;
  }
  if (st.options.writeOrder === 'sequential') {
    const f = writeBytes(cpu, ptr, bytes);
    if (f !== undefined) {
      fault(cpu, st, f, f.at !== ptr);
      return;
    }
    st.stats.written++;
    setSysU64(cpu, sl.PMBPTR_EL1, end);
  } else {
    // `unordered`: the record's place is taken now (PMBPTR moves), its bytes land later.
    setSysU64(cpu, sl.PMBPTR_EL1, end);
    st.pending.push({ va: ptr, bytes });
    if (st.pending.length >= st.drainAt) drain(cpu, st, false);
    if ((cpu.sys[sl.PMBSR_EL1]! & PMBSR.S) !== 0) return;
  }
  if (limit - end < BigInt(MAX_RECORD_BYTES)) {
    drain(cpu, st);
    if ((cpu.sys[sl.PMBSR_EL1]! & PMBSR.S) === 0)
      managementEvent(cpu, st, PMBSR.EC_OTHER, PMBSR.BSC_FULL, 'unchanged');
  }
}

function fault(
  cpu: Cpu,
  st: SpeState,
  f: { at: bigint; fault: number; stage2: boolean; ea: boolean },
  lost: boolean,
): void {
  setSysU64(cpu, st.slots.PMBPTR_EL1, f.at);
  managementEvent(
    cpu,
    st,
    f.stage2 ? PMBSR.EC_STAGE2_ABORT : PMBSR.EC_STAGE1_ABORT,
    f.fault & 0x3f,
    lost ? true : 'unchanged',
    f.ea,
  );
}

/**
 * `unordered` write order: pending records are written in an order drawn from the machine's
 * PRNG. A partial drain (`all` false: the pending count reached its PRNG-drawn threshold)
 * writes a random non-empty subset and keeps the rest pending, so memory can show later records
 * while earlier ones are still missing — gaps, as seed 004 describes ("the architecture does not
 * require that a sample record is written sequentially"). PSB CSYNC and every management event
 * drain everything first. A fault stops the drain: the records not yet written are lost,
 * PMBPTR becomes the faulting VA, and DL is 0 only when that is the start of the faulting
 * record and every record below it is complete (PMBPTR is then the end of the last complete
 * record). `sequential` never has pending records.
 */
export function drain(cpu: Cpu, st: SpeState, all = true): void {
  const p = st.pending;
  if (p.length === 0) return;
  const order = p.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = st.prng.below(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const n = all ? order.length : 1 + st.prng.below(order.length);
  p.length = 0;
  for (let i = n; i < order.length; i++) p.push(order[i]!);
  st.drainAt = 1 + p.length + st.prng.below(4);
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    const f = writeBytes(cpu, r.va, r.bytes);
    if (f === undefined) {
      st.stats.written++;
      continue;
    }
    // Everything still unwritten (the rest of this drain and the records kept pending) is lost.
    const unwritten = [...order.slice(i + 1, n), ...p];
    p.length = 0;
    const clean = f.at === r.va && unwritten.every((o) => o.va > r.va);
    fault(cpu, st, f, !clean);
    return;
  }
}
