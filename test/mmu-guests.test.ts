import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareBareMetal, statusOf } from '@hypsim/cli';
import type { Machine } from '@hypsim/core';

/**
 * Differential tests of the MMU and stage 2: each guests/mmu program must print exactly what
 * QEMU 7.2 printed (guests/mmu/expected/, recorded by `make -C guests/mmu`) and exit with its
 * status, on the machine `hypsim run` builds (prepareBareMetal, which includes ext-stage2). The MMU programs also run under the `strict` TLB policy: they do
 * their TLB maintenance, so it must not change what they see. The mmu_<workload> programs are
 * the benchmark workloads with the MMU on.
 */
interface Entry {
  name: string;
  elf: string;
  el2: boolean;
  stdout: string;
  status: number;
  description: string;
}

const dir = new URL('../guests/mmu/', import.meta.url);
const guests = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as Entry[];

function machineFor(g: Entry, tlbPolicy: 'walk' | 'strict', out: Buffer[]): Machine {
  return prepareBareMetal(readFileSync(new URL(g.elf, dir)), g.elf, {
    el2: g.el2,
    tlbPolicy,
    write: (fd, b) => {
      if (fd === 1) out.push(Buffer.from(b));
    },
  });
}

describe('MMU guests behave as on QEMU', () => {
  it('has the fixtures', () => {
    expect(guests.length).toBeGreaterThanOrEqual(2);
  });

  for (const g of guests)
    // The benchmark wrappers (long runs) only under the default policy.
    for (const policy of /^mmu_s\d$/.test(g.name)
      ? (['walk', 'strict'] as const)
      : (['walk'] as const))
      it(`${g.name}${g.el2 ? ' (EL2)' : ''} [${policy}]`, () => {
        const out: Buffer[] = [];
        const m = machineFor(g, policy, out);
        const stop = m.run({ maxInstructions: 300_000_000 });
        const expected = readFileSync(new URL(g.stdout, dir), 'latin1');
        expect(Buffer.concat(out).toString('latin1')).toBe(expected);
        expect(stop.kind).toBe('exit');
        expect(statusOf(stop)).toBe(g.status);
      });
});
