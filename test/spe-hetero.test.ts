import { describe, expect, it } from 'vitest';
import { SysRegAccessError } from '@hypsim/core';
import { SpeStateToken } from '@hypsim/ext-spe';
import { num, pcOf, range, recordsOf, runGuest } from './spe-machine.js';

/**
 * A heterogeneous machine from the config alone: CPU 0 with FEAT_SPE, CPU 1 without
 * (spe.md §3: PMSVer 0 ⇒ no SPE; the registers are then UNDEFINED).
 */
describe('two CPUs, only CPU 0 with SPE', () => {
  const r = runGuest('spe_profile', { cpus: [['FEAT_SPE'], []] });

  it('CPU 0 profiles as on a one-CPU machine', () => {
    expect(r.status, r.out).toBe(0);
    const recs = recordsOf(r, 'el1');
    const [lo, hi] = range(r.phases.get('el1')!.loop!);
    expect(recs.length).toBeGreaterThanOrEqual(Math.floor(num(r.phases.get('el1')!.ops) / 257) - 1);
    for (const rec of recs)
      expect(pcOf(rec)!.va >= lo - 0x40n && pcOf(rec)!.va < hi + 0x40n).toBe(true);
  });

  it('CPU 1 has PMSVer 0, UNDEFINED SPE registers, no sampler and no SPE state', () => {
    const [c0, c1] = r.m.cpus;
    expect((c0!.sysreg.peek('ID_AA64DFR0_EL1') >> 32n) & 0xfn).toBe(1n);
    expect((c1!.sysreg.peek('ID_AA64DFR0_EL1') >> 32n) & 0xfn).toBe(0n);
    c1!.setMode(1, 1);
    for (const reg of ['PMSCR_EL1', 'PMBPTR_EL1', 'PMBIDR_EL1', 'PMSIDR_EL1'])
      expect(() => c1!.sysreg.read(reg)).toThrow(SysRegAccessError);
    expect(c1!.sampler).toBeUndefined();
    expect(c1!.tryGet(SpeStateToken)).toBeUndefined();
    expect(c0!.get(SpeStateToken).sampler).toBeDefined();
  });
});
