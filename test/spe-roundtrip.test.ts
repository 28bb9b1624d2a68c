import { describe, expect, it } from 'vitest';
import {
  classify,
  decodeSpeBuffer,
  SpeStateToken,
  type SampledOp,
  type SpePacket,
} from '@hypsim/ext-spe';
import { runGuest } from './spe-machine.js';

/**
 * Round trip: every record the unit writes while the SPE guests run decodes back to the
 * operation that produced it — PC and EL, the instruction's class (from its encoding, read
 * back from memory), data VA/PA, branch target, events and total latency.
 */

function observe(
  name: string,
  el2: boolean,
): { ops: [SampledOp, Uint8Array][]; read32: (pa: number) => number } {
  const ops: [SampledOp, Uint8Array][] = [];
  const r = runGuest(name, {
    el2,
    before: (m) => {
      m.cpus[0]!.get(SpeStateToken).onRecord = (op, bytes) => ops.push([op, bytes.slice()]);
    },
  });
  expect(r.status, r.out).toBe(0);
  return { ops, read32: (pa) => r.m.bus.read32(pa) };
}

const addr = (ps: SpePacket[], type: string) =>
  ps.find((p) => p.kind === 'address' && p.type === type) as
    { va?: bigint; pa?: bigint; el?: number } | undefined;

describe('SPE records round-trip to their operations', () => {
  for (const [name, el2] of [
    ['spe_profile', false],
    ['spe_irq', false],
    ['spe_el2', true],
  ] as const)
    it(`${name}: every record decodes to its operation`, () => {
      const { ops, read32 } = observe(name, el2);
      expect(ops.length).toBeGreaterThan(20);
      const kinds = new Set<string>();
      for (const [op, bytes] of ops) {
        const recs = decodeSpeBuffer(bytes);
        expect(recs.length).toBe(1);
        const ps = recs[0]!.packets;
        expect(recs[0]!.length).toBe(bytes.length);
        const pc = addr(ps, 'pc')!;
        expect(pc.va).toBe(op.pc);
        expect(pc.el).toBe(op.el);
        // Identity-mapped code in these guests: the word at the PC is the operation's.
        expect(read32(Number(op.pc)) >>> 0).toBe(op.insn >>> 0);
        const t = ps.find((p) => p.kind === 'op-type');
        expect(t?.kind).toBe('op-type');
        const c = classify(op.insn);
        const cls = t!.kind === 'op-type' ? t!.op.class : '';
        kinds.add(cls);
        if (op.dataVa !== undefined) expect(cls).toBe('ldst');
        else if (c.group === 'branch') expect(cls).toBe('branch');
        else expect(cls).toBe('other');
        expect(addr(ps, 'data-va')?.va).toBe(op.dataVa);
        const pa = addr(ps, 'data-pa');
        if (pa !== undefined) expect(pa.pa).toBe(op.dataPa);
        expect(addr(ps, 'branch-target')?.va).toBe(op.branchTarget);
        const ev = ps.find((p) => p.kind === 'events');
        expect(ev?.kind === 'events' && ev.bits).toBe(op.events);
        const total = ps.find((p) => p.kind === 'counter' && p.index === 0);
        expect(total?.kind === 'counter' && total.value).toBe(op.total);
      }
      expect([...kinds].sort()).toEqual(['branch', 'ldst', 'other']);
    });
});
