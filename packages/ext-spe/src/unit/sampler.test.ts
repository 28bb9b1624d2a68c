import { createMachine, TEST_CODE_BASE, type Machine } from '@hypsim/core';
import { describe, expect, it } from 'vitest';
import { decodeSpeBuffer } from '../packets/decode.js';
import type { SpeRecord } from '../packets/types.js';
import { spePlugin } from '../plugin.js';
import { SpeStateToken } from '../state.js';
import type { SpeOptions } from '../options.js';

/**
 * The sampler and the buffer on small hand-assembled programs (MMU off, EL1): interval,
 * record contents, filters, collisions, buffer full, the unordered policy. The guests in
 * guests/spe cover translation regimes, faults and the interrupt end to end.
 */

const LOOP = [
  0xf8408401, // 0: ldr x1, [x0], #8
  0x8b010063, // 4: add x3, x3, x1
  0xf1000484, // 8: subs x4, x4, #1
  0x54ffffa1, // c: b.ne 0
  0xd503223f, // 10: psb csync
  0xd503201f, // 14: nop
];
const ARRAY = 0x4010_0000;
const BUF = 0x4020_0000;

function machine(opts: Partial<SpeOptions> = {}, features = ['FEAT_SPE'], seed = 1): Machine {
  const m = createMachine({
    seed,
    cpus: [{ features }],
    plugins: [{ plugin: spePlugin, options: opts }],
  });
  LOOP.forEach((w, i) => m.bus.write32(TEST_CODE_BASE + 4 * i, w));
  const cpu = m.cpus[0]!;
  cpu.setMode(1, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  cpu.setX(0, BigInt(ARRAY));
  cpu.setX(4, 2000n);
  return m;
}

function profile(
  m: Machine,
  r: { scr?: bigint; irr?: bigint; fcr?: bigint; evfr?: bigint; lat?: bigint; limit?: number },
): void {
  const cpu = m.cpus[0]!;
  cpu.sysreg.poke('PMSIRR_EL1', r.irr ?? 1n << 8n);
  cpu.sysreg.poke('PMSFCR_EL1', r.fcr ?? 0n);
  cpu.sysreg.poke('PMSEVFR_EL1', r.evfr ?? 0n);
  cpu.sysreg.poke('PMSLATFR_EL1', r.lat ?? 0n);
  cpu.sysreg.poke('PMBPTR_EL1', BigInt(BUF));
  cpu.sysreg.poke('PMBLIMITR_EL1', BigInt(r.limit ?? BUF + 0x10000) | 1n);
  cpu.sysreg.poke('PMSCR_EL1', r.scr ?? 2n);
}

function records(m: Machine): SpeRecord[] {
  const cpu = m.cpus[0]!;
  const end = Number(cpu.sysreg.peek('PMBPTR_EL1'));
  return decodeSpeBuffer(m.bus.readBytes(BUF, end - BUF));
}

const run = (m: Machine, n = 8003): void => void m.run({ maxInstructions: n });
const pcOf = (r: SpeRecord): bigint => {
  const p = r.packets.find((p) => p.kind === 'address' && p.type === 'pc');
  return p !== undefined && p.kind === 'address' && p.type === 'pc' ? p.va : -1n;
};

describe('SPE sampling', () => {
  it('selects one operation every INTERVAL×256+1 and records it', () => {
    const m = machine();
    profile(m, {});
    run(m);
    const recs = records(m);
    // 8003 operations (the loop: 2000 × 4, then PSB CSYNC, NOP…): floor(8003 / 257) = 31.
    expect(recs.length).toBe(31);
    const st = m.cpus[0]!.get(SpeStateToken);
    expect(st.stats.selected).toBe(31);
    for (const r of recs) {
      const pc = pcOf(r);
      expect(pc >= BigInt(TEST_CODE_BASE) && pc < BigInt(TEST_CODE_BASE + 16)).toBe(true);
    }
    // The k-th selected operation is operation 257k (1-based): PC = base + 4 × ((257k − 1) mod 4).
    recs.forEach((r, i) => {
      const k = i + 1;
      expect(pcOf(r)).toBe(BigInt(TEST_CODE_BASE + 4 * ((257 * k - 1) % 4)));
    });
    const loads = recs.filter((r) =>
      r.packets.some((p) => p.kind === 'address' && p.type === 'data-va'),
    );
    expect(loads.length).toBeGreaterThan(0);
    for (const r of loads) {
      const va = r.packets.find((p) => p.kind === 'address' && p.type === 'data-va');
      const v = va !== undefined && va.kind === 'address' && va.type === 'data-va' ? va.va : 0n;
      expect(v >= BigInt(ARRAY) && v < BigInt(ARRAY + 8 * 2000)).toBe(true);
      expect((v - BigInt(ARRAY)) % 8n).toBe(0n);
    }
    // PMSICR counts down between samples.
    expect(Number(m.cpus[0]!.sysreg.peek('PMSICR_EL1'))).toBe(257 - (8003 - 31 * 257));
  });

  it('keeps only loads with PMSFCR.FT+LD, branches with FT+B', () => {
    const m = machine();
    profile(m, { fcr: 2n | (1n << 17n), irr: (1n << 8n) | 1n });
    run(m);
    const recs = records(m);
    expect(recs.length).toBeGreaterThan(2);
    for (const r of recs) expect(pcOf(r)).toBe(BigInt(TEST_CODE_BASE));
    const m2 = machine();
    profile(m2, { fcr: 2n | (1n << 16n), irr: (1n << 8n) | 1n });
    run(m2);
    const b = records(m2);
    expect(b.length).toBeGreaterThan(3);
    for (const r of b) {
      expect(pcOf(r)).toBe(BigInt(TEST_CODE_BASE + 12));
      expect(r.packets.some((p) => p.kind === 'address' && p.type === 'branch-target')).toBe(true);
    }
  });

  it('applies the event filter (FE: retired + L1D access) and the latency filter (FL)', () => {
    const m = machine();
    profile(m, { fcr: 1n, evfr: 1n << 2n, irr: (1n << 8n) | 1n });
    run(m);
    const recs = records(m);
    expect(recs.length).toBeGreaterThan(3);
    for (const r of recs) expect(pcOf(r)).toBe(BigInt(TEST_CODE_BASE));
    const m2 = machine();
    // total latency: load 1 + 4 = 5, ALU/branch 2: MINLAT 5 keeps only the loads.
    profile(m2, { fcr: 4n, lat: 5n, irr: (1n << 8n) | 1n });
    run(m2);
    for (const r of records(m2)) expect(pcOf(r)).toBe(BigInt(TEST_CODE_BASE));
  });

  it('draws RND jitter from the machine PRNG: same seed, same profile; other seed, other', () => {
    const pcs = (seed: number): bigint[] => {
      const m = machine({}, ['FEAT_SPE'], seed);
      profile(m, { irr: (1n << 8n) | 1n });
      run(m);
      return records(m).map(pcOf);
    };
    expect(pcs(7)).toEqual(pcs(7));
    expect(pcs(7)).not.toEqual(pcs(8));
  });

  it('does not count while profiling is disabled at the current EL', () => {
    const m = machine();
    profile(m, { scr: 1n }); // E0SPE only; the loop runs at EL1
    run(m);
    expect(m.cpus[0]!.sysreg.peek('PMBPTR_EL1')).toBe(BigInt(BUF));
    expect(m.cpus[0]!.sysreg.peek('PMSICR_EL1')).toBe(0n);
  });

  it('counts collisions in PMBSR.COLL when samples come faster than they complete', () => {
    const m = machine();
    profile(m, { irr: 0n }); // interval 1: every operation selected
    run(m, 400);
    const st = m.cpus[0]!.get(SpeStateToken);
    expect(st.stats.collisions).toBeGreaterThan(0);
    expect(m.cpus[0]!.sysreg.peek('PMBSR_EL1') & (1n << 16n)).toBe(1n << 16n);
    expect(st.stats.selected).toBe(400);
  });

  it('raises buffer full (PMBSR.S, BSC 1) and stops profiling', () => {
    const m = machine();
    // 256 bytes: the second record leaves fewer than 64 bytes before LIMIT... LIMIT is 4 KB
    // aligned, so start the pointer 200 bytes below it.
    const cpu = m.cpus[0]!;
    profile(m, { limit: BUF + 0x1000 });
    cpu.sysreg.poke('PMBPTR_EL1', BigInt(BUF + 0x1000 - 200));
    run(m);
    const sr = cpu.sysreg.peek('PMBSR_EL1');
    expect(sr & (1n << 17n)).toBe(1n << 17n);
    expect(sr & 0x3fn).toBe(1n);
    expect(sr >> 26n).toBe(0n);
    const ptr = Number(cpu.sysreg.peek('PMBPTR_EL1'));
    expect(BUF + 0x1000 - ptr).toBeLessThan(64);
    const recs = decodeSpeBuffer(m.bus.readBytes(BUF + 0x1000 - 200, ptr - (BUF + 0x1000 - 200)));
    expect(recs.length).toBeGreaterThan(2);
    // Profiling stopped: PMSICR holds.
    const count = cpu.sysreg.peek('PMSICR_EL1');
    m.run({ maxInstructions: 1000 });
    expect(cpu.sysreg.peek('PMSICR_EL1')).toBe(count);
  });

  it('unordered: the same records, landed out of order until PSB CSYNC', () => {
    const seq = machine();
    profile(seq, {});
    run(seq);
    const un = machine({ writeOrder: 'unordered' });
    profile(un, {});
    un.run({ maxInstructions: 8000 });
    const st = un.cpus[0]!.get(SpeStateToken);
    expect(st.pending.length).toBeGreaterThanOrEqual(0);
    un.run({ maxInstructions: 3 }); // reaches PSB CSYNC: everything visible
    expect(st.pending.length).toBe(0);
    expect(un.bus.readBytes(BUF, 0x1000)).toEqual(seq.bus.readBytes(BUF, 0x1000));
  });

  it('writes the PA, context and timestamp packets when PMSCR asks for them', () => {
    const m = machine();
    m.cpus[0]!.sysreg.poke('CONTEXTIDR_EL1', 0x1234n);
    profile(m, { scr: 2n | 8n | 16n | 32n });
    run(m);
    const recs = records(m);
    for (const r of recs) {
      expect(r.packets.some((p) => p.kind === 'context' && p.value === 0x1234)).toBe(true);
      expect(r.packets.at(-1)!.kind).toBe('timestamp');
      const va = r.packets.find((p) => p.kind === 'address' && p.type === 'data-va');
      const pa = r.packets.find((p) => p.kind === 'address' && p.type === 'data-pa');
      if (va !== undefined && va.kind === 'address' && va.type === 'data-va')
        expect(pa !== undefined && pa.kind === 'address' && pa.type === 'data-pa' && pa.pa).toBe(
          va.va,
        );
    }
  });
});
