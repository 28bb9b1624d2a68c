import { describe, expect, it } from 'vitest';
import { decodePacket, decodeSpeBuffer, type SpeRecord } from '@hypsim/ext-spe';
import { dataVa, find, num, pcOf, range, recordsOf, runGuest } from './spe-machine.js';

/**
 * The SPE guests (guests/spe, built with the cross compiler, ELFs committed). QEMU has no SPE,
 * so the expected results are not recordings: every assertion below is derived from
 * ../shared/reference/spe.md (section numbers given), never from running this code.
 */

describe('guests/spe/spe_profile (EL1, no EL2)', () => {
  const r = runGuest('spe_profile');

  it('exits 0 with every phase reported', () => {
    expect(r.status, r.out).toBe(0);
    for (const p of ['el1', 'el1_loads', 'el1_branches', 'el0', 's1_fault_start', 's1_fault_cross'])
      expect(r.phases.has(p), p).toBe(true);
    // §3: PMSVer = 1 (FEAT_SPE); §2: PMBIDR_EL1.P = 0 (EL1 owns the buffer without EL2).
    expect(r.out).toContain('ID_AA64DFR0_EL1.PMSVer=1');
    expect(r.out).toMatch(/PMBIDR_EL1=0x0 /);
  });

  it('EL1, no filter: PCs in the loop, one record per 257 operations, loads carry array VAs', () => {
    const p = r.phases.get('el1')!;
    const recs = recordsOf(r, 'el1');
    const [lo, hi] = range(p.loop!);
    const [dlo, dhi] = range(p.data!);
    // §5: interval INTERVAL×256+1 = 257 with RND=0; the loop is 4×4096 operations, plus the
    // few between enabling and disabling (ISB, the call, MSR): floor(ops/257) ± 1.
    const expected = Math.floor(num(p.ops) / 257);
    expect(recs.length).toBeGreaterThanOrEqual(expected - 1);
    expect(recs.length).toBeLessThanOrEqual(expected + 1);
    let loads = 0;
    for (const rec of recs) {
      const pc = pcOf(rec)!;
      expect(pc.el).toBe(1);
      expect(pc.ns).toBe(true);
      if (pc.va < lo || pc.va >= hi) continue; // the odd sample just outside the loop
      const va = dataVa(rec);
      if (pc.va === lo) {
        loads++;
        expect(va! >= dlo && va! < dhi, `data VA 0x${va?.toString(16)}`).toBe(true);
        expect(find(rec, 'op-type')!.op).toMatchObject({ class: 'ldst', sub: 'gp', store: false });
      } else expect(va).toBeUndefined();
      expect(rec.packets.at(-1)!.kind).toBe('end'); // §6.1: End when TS=0
    }
    const inLoop = recs.filter((x) => pcOf(x)!.va >= lo && pcOf(x)!.va < hi);
    expect(inLoop.length).toBeGreaterThanOrEqual(recs.length - 2);
    // 257 ≡ 1 (mod 4): successive samples walk through the 4 loop instructions.
    expect(loads).toBeGreaterThanOrEqual(Math.floor(inLoop.length / 4) - 1);
    expect(num(p.sr)).toBe(0);
  });

  it('FT+LD keeps loads only; FT+B keeps branches only, with their target', () => {
    const [lo] = range(r.phases.get('el1_loads')!.loop!);
    const loads = recordsOf(r, 'el1_loads');
    expect(loads.length).toBeGreaterThan(5);
    for (const rec of loads) {
      expect(pcOf(rec)!.va).toBe(lo);
      expect(find(rec, 'op-type')!.op).toMatchObject({ class: 'ldst' });
    }
    const br = recordsOf(r, 'el1_branches');
    expect(br.length).toBeGreaterThan(5);
    for (const rec of br) {
      expect(find(rec, 'op-type')!.op).toMatchObject({ class: 'branch', cond: true });
      const target = find(rec, 'address', (p) => p.type === 'branch-target') as
        { va: bigint } | undefined;
      // B.NE back to the loop start while the loop runs; the last one falls through.
      if (target) expect(target.va).toBe(lo);
      else expect(find(rec, 'events')!.bits & (1n << 6n)).toBe(1n << 6n); // not taken
    }
  });

  it('EL0 only (E0SPE): EL0 PCs, array VAs and PAs, timestamps', () => {
    const recs = recordsOf(r, 'el0');
    const p = r.phases.get('el0')!;
    const [lo, hi] = range(p.loop!);
    const [dlo, dhi] = range(p.data!);
    expect(recs.length).toBeGreaterThan(50);
    for (const rec of recs) {
      const pc = pcOf(rec)!;
      expect(pc.el).toBe(0);
      expect(pc.va >= lo - 0x100n && pc.va < hi + 0x100n).toBe(true);
      expect(rec.packets.at(-1)!.kind).toBe('timestamp');
      const va = dataVa(rec);
      if (va !== undefined) {
        expect(va >= dlo && va < dhi).toBe(true);
        const pa = find(rec, 'address', (q) => q.type === 'data-pa') as { pa: bigint } | undefined;
        expect(pa?.pa).toBe(va); // identity map
      }
    }
    const ts = recs.map((x) => (find(x, 'timestamp') as { value: bigint }).value);
    for (let i = 1; i < ts.length; i++) expect(ts[i]! >= ts[i - 1]!).toBe(true);
  });

  it('buffer page unmapped at stage 1, PMBPTR at its start: EC 0x24, FSC translation L3, DL=0', () => {
    const p = r.phases.get('s1_fault_start')!;
    const sr = num(p.sr);
    expect(sr >>> 26).toBe(0x24);
    expect(sr & 0x3f).toBe(0x07);
    expect(sr & (1 << 17)).not.toBe(0); // S
    expect(sr & (1 << 19)).toBe(0); // DL unchanged: nothing lost (§2, D17.8.3)
    expect(p.ptr).toBe(p.buf); // PMBPTR = the faulting address
  });

  it('a record crossing into an unmapped page: EC 0x24 with DL=1, PMBPTR = the page', () => {
    const p = r.phases.get('s1_fault_cross')!;
    const sr = num(p.sr);
    expect(sr >>> 26).toBe(0x24);
    expect(sr & 0x3f).toBe(0x07);
    expect(sr & (1 << 19)).not.toBe(0);
    expect(num(p.ptr)).toBe(num(p.buf) + 203);
    expect(num(p.ptr) % 4096).toBe(0);
  });
});

describe('guests/spe/spe_irq (buffer full and PMBIRQ through the GIC)', () => {
  const r = runGuest('spe_irq');

  it('fills the buffer, takes INTID 21 once, with PMBSR = S | EC 0 | BSC 1 (§2, §7)', () => {
    expect(r.status, r.out).toBe(0);
    const m = /irqs=(\d+) intid=(\d+) irq_sr=(0x[0-9a-f]+) irq_ptr=(0x[0-9a-f]+)/.exec(r.out)!;
    expect(Number(m[1])).toBe(1);
    expect(Number(m[2])).toBe(21);
    const sr = Number(m[3]);
    expect(sr).toBe((1 << 17) | 1); // S, EC 0, BSC 1 (buffer filled), DL 0, COLL 0
    const p = r.phases.get('full')!;
    const limit = num(p.buf) + 4096;
    const ptr = Number(m[4]);
    // Full fires when fewer than 2^MaxSize (64) bytes remain after a record (§2, D17.8.2).
    expect(limit - ptr).toBeLessThan(64);
    expect(limit - ptr).toBeGreaterThanOrEqual(0);
    const recs = decodeSpeBuffer(r.m.bus.readBytes(num(p.buf), ptr - num(p.buf)));
    expect(recs.reduce((n, x) => n + x.length, 0)).toBe(ptr - num(p.buf));
    const [lo, hi] = range(p.loop!);
    for (const rec of recs) {
      const pc = pcOf(rec)!.va;
      expect(pc >= lo - 0x40n && pc < hi + 0x40n).toBe(true);
    }
  });

  it('a software write of PMBSR.S=1 asserts PMBIRQ too (§7)', () => {
    expect(r.out).toMatch(/after software S=1: irqs=2 intid=21 PMBSR=0x0/);
  });
});

/** The complete records at the start of `bytes` (a record cut short by a fault is dropped). */
function completeRecords(bytes: Uint8Array): SpeRecord[] {
  let at = 0;
  let end = 0;
  try {
    while (at < bytes.length) {
      const p = decodePacket(bytes, at);
      at += p.length;
      if (p.packet !== 'padding' && (p.packet.kind === 'end' || p.packet.kind === 'timestamp'))
        end = at;
    }
  } catch {
    // truncated: keep what ended before
  }
  return decodeSpeBuffer(bytes.subarray(0, end));
}

describe('guests/spe/spe_el2 (EL2: traps, ownership, stage-2 buffer fault)', () => {
  const r = runGuest('spe_el2', { el2: true });
  const line = (name: string) => r.phases.get(name)!;

  it('exits 0', () => {
    expect(r.status, r.out).toBe(0);
  });

  it('TPMS=1, E2PB=0b00: PMS* and PMB* accesses from EL1 trap (EC 0x18), PMBIDR does not, P=1', () => {
    const p = line('tpms_e2pb00');
    expect(num(p.traps)).toBe(5);
    const esr = num(p.esr);
    // The last one: MSR PMBLIMITR_EL1 (3,0,9,10,0), a write: EC 0x18, IL=1, ISS from §1.
    expect(esr >>> 26).toBe(0x18);
    expect((esr >>> 25) & 1).toBe(1);
    const iss = esr & 0x1ffffff;
    expect((iss >>> 20) & 3).toBe(3); // Op0
    expect((iss >>> 17) & 7).toBe(0); // Op2
    expect((iss >>> 14) & 7).toBe(0); // Op1
    expect((iss >>> 10) & 15).toBe(9); // CRn
    expect((iss >>> 1) & 15).toBe(10); // CRm
    expect(iss & 1).toBe(0); // write
    expect(num(p.pmbidr) & 0x10).toBe(0x10); // P: owned by a higher EL (§2)
    expect(r.out).toContain('read under trap: 0x5a5a');
  });

  it('E2PB=0b11: nothing traps and P=0; E2PB=0b10: only PMB* trap, P=0 (§3)', () => {
    expect(num(line('e2pb11').traps)).toBe(0);
    expect(num(line('e2pb11').pmbidr) & 0x10).toBe(0);
    expect(num(line('e2pb10').traps)).toBe(2);
    expect(num(line('e2pb10').pmbidr) & 0x10).toBe(0);
  });

  it('a record crossing into an IPA page stage 2 does not map: EC 0x25, FSC L3, DL=1, PMBPTR = the page', () => {
    const p = line('s2_fault');
    const sr = num(p.sr);
    expect(sr >>> 26).toBe(0x25);
    expect(sr & 0x3f).toBe(0x07);
    expect(sr & (1 << 17)).not.toBe(0);
    expect(sr & (1 << 19)).not.toBe(0);
    expect(p.ptr).toBe('0x80001000');
    // The records before the page: in the IPA page's PA, EL1 PCs in the loop, data VAs and PAs.
    const pa = num(/bufpa=(0x[0-9a-f]+)/.exec(r.out)![1]);
    const recs = completeRecords(r.m.bus.readBytes(pa, 203));
    expect(recs.length).toBeGreaterThan(2);
    const [lo, hi] = range(p.loop!);
    for (const rec of recs) {
      const pc = pcOf(rec)!;
      expect(pc.el).toBe(1);
      expect(pc.va >= lo - 0x40n && pc.va < hi + 0x40n).toBe(true);
    }
  });

  it('E2PB=0b00: EL2 owns the buffer and profiles itself (EL=2 records); E2PB=0b11 prohibits it', () => {
    const recs = recordsOf(r, 'el2_owned');
    const [lo, hi] = range(line('el2_owned').loop!);
    expect(recs.length).toBeGreaterThanOrEqual(Math.floor((4 * 4096) / 257) - 1);
    for (const rec of recs) {
      const pc = pcOf(rec)!;
      expect(pc.el).toBe(2);
      expect(pc.va >= lo - 0x40n && pc.va < hi + 0x40n).toBe(true);
    }
    const q = line('el2_prohibited');
    expect(q.ptr).toBe(q.buf);
    expect(num(q.sr)).toBe(0);
  });
});
