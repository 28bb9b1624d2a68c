import { createMachine, type Cpu } from '@hypsim/core';
import { describe, expect, it } from 'vitest';
import { spePlugin } from '../plugin.js';
import { SpeStateToken } from '../state.js';
import { classify } from './classify.js';
import { latencies } from './latency.js';
import { profilingEnabled } from './sampler.js';

/**
 * StatisticalProfilingEnabled() as spe.md §5 and §3 give it: buffer enabled and not stopped,
 * owning EL not below the current EL, not TGE with an EL1-owned buffer, and the enable bit of
 * the current EL (E0HSPE for EL0 under TGE).
 */
function cpuWith(features = ['FEAT_AA64EL2', 'FEAT_VHE', 'FEAT_SPE']): Cpu {
  const m = createMachine({ cpus: [{ features }], plugins: [{ plugin: spePlugin }] });
  return m.cpus[0]!;
}

function setup(
  cpu: Cpu,
  r: { e2pb?: number; tge?: boolean; e2h?: boolean; scr1?: number; scr2?: number; s?: boolean },
): void {
  cpu.sysreg.poke('PMBLIMITR_EL1', 0x1000n | 1n);
  cpu.sysreg.poke('PMBSR_EL1', r.s ? 1n << 17n : 0n);
  cpu.sysreg.poke('MDCR_EL2', BigInt(r.e2pb ?? 3) << 12n);
  cpu.sysreg.poke('HCR_EL2', (r.tge ? 1n << 27n : 0n) | (r.e2h ? 1n << 34n : 0n) | (1n << 31n));
  cpu.sysreg.poke('PMSCR_EL1', BigInt(r.scr1 ?? 0));
  cpu.sysreg.poke('PMSCR_EL2', BigInt(r.scr2 ?? 0));
}

const at = (cpu: Cpu, el: number): boolean => {
  cpu.setMode(el, el === 0 ? 0 : 1);
  return profilingEnabled(cpu, cpu.get(SpeStateToken));
};

describe('profiling enable rules', () => {
  it('EL1-owned buffer (E2PB=0b11): EL1/EL0 by PMSCR_EL1, prohibited at EL2', () => {
    const cpu = cpuWith();
    setup(cpu, { e2pb: 3, scr1: 3, scr2: 3 });
    expect(at(cpu, 1)).toBe(true);
    expect(at(cpu, 0)).toBe(true);
    expect(at(cpu, 2)).toBe(false);
    setup(cpu, { e2pb: 3, scr1: 1 });
    expect(at(cpu, 1)).toBe(false);
    expect(at(cpu, 0)).toBe(true);
  });

  it('EL2-owned buffer (E2PB=0b00): EL2 by PMSCR_EL2.E2SPE, EL1&0 by PMSCR_EL1', () => {
    const cpu = cpuWith();
    setup(cpu, { e2pb: 0, scr1: 2, scr2: 2 });
    expect(at(cpu, 2)).toBe(true);
    expect(at(cpu, 1)).toBe(true);
    expect(at(cpu, 0)).toBe(false);
  });

  it('TGE=1: EL0 is the host EL0 (PMSCR_EL2.E0HSPE), and an EL1-owned buffer prohibits it', () => {
    const cpu = cpuWith();
    setup(cpu, { e2pb: 0, tge: true, e2h: true, scr1: 1, scr2: 0 });
    expect(at(cpu, 0)).toBe(false);
    setup(cpu, { e2pb: 0, tge: true, e2h: true, scr1: 0, scr2: 1 });
    expect(at(cpu, 0)).toBe(true);
    setup(cpu, { e2pb: 3, tge: true, e2h: true, scr1: 1, scr2: 1 });
    expect(at(cpu, 0)).toBe(false);
  });

  it('PMBSR.S=1 or PMBLIMITR.E=0 stops profiling everywhere', () => {
    const cpu = cpuWith();
    setup(cpu, { e2pb: 0, scr1: 3, scr2: 3, s: true });
    expect([at(cpu, 0), at(cpu, 1), at(cpu, 2)]).toEqual([false, false, false]);
    setup(cpu, { e2pb: 0, scr1: 3, scr2: 3 });
    cpu.sysreg.poke('PMBLIMITR_EL1', 0x1000n);
    expect([at(cpu, 0), at(cpu, 1), at(cpu, 2)]).toEqual([false, false, false]);
  });

  it('without EL2, EL1 owns the buffer', () => {
    const cpu = cpuWith(['FEAT_SPE']);
    cpu.sysreg.poke('PMBLIMITR_EL1', 0x1000n | 1n);
    cpu.sysreg.poke('PMSCR_EL1', 3n);
    expect(at(cpu, 1)).toBe(true);
    expect(at(cpu, 0)).toBe(true);
  });
});

describe('classifier and latency model', () => {
  it('classifies branches, loads/stores, system and data-processing encodings', () => {
    expect(classify(0x54ffffa1)).toMatchObject({ group: 'branch', cond: true, offset: -12 });
    expect(classify(0x94000001)).toMatchObject({ group: 'branch', cr: 'link', offset: 4 });
    expect(classify(0xd65f03c0)).toMatchObject({ group: 'branch', indirect: true, cr: 'return' });
    expect(classify(0xd63f0020)).toMatchObject({ group: 'branch', indirect: true, cr: 'link' });
    expect(classify(0xd69f03e0)).toMatchObject({ group: 'branch', latency: 'eret' });
    expect(classify(0xb4000024)).toMatchObject({ group: 'branch', cond: true, offset: 4 });
    expect(classify(0xf8408401)).toMatchObject({ group: 'ldst', simdFp: false, atomic: false });
    expect(classify(0xc85f7c20)).toMatchObject({ group: 'ldst', exclusive: true }); // LDXR
    expect(classify(0xf8200020)).toMatchObject({ group: 'ldst', atomic: true }); // LDADD
    expect(classify(0xfd400020)).toMatchObject({ group: 'ldst', simdFp: true }); // LDR D0
    expect(classify(0xd4000021)).toMatchObject({ group: 'exception' }); // SVC
    expect(classify(0xd5389900)).toMatchObject({ group: 'system', latency: 'sysreg-read' });
    expect(classify(0xd503201f)).toMatchObject({ group: 'other', latency: 'alu' }); // NOP
    expect(classify(0x9a821020)).toMatchObject({ group: 'other', cond: true }); // CSEL
    expect(classify(0x9bc27c20)).toMatchObject({ latency: 'mul' }); // UMULH
    expect(classify(0x9ac20c20)).toMatchObject({ latency: 'div' }); // SDIV
    expect(classify(0x1e622820)).toMatchObject({ fp: true }); // FADD D0
    expect(classify(0x4ea28420)).toMatchObject({ simd: true }); // ADD V0.4S
  });

  it('latencies: issue + execution + translation, saturating at 12 bits', () => {
    expect(latencies('alu', undefined, undefined)).toEqual({ total: 2, issue: 1, translation: 0 });
    expect(latencies('load', 'hit', undefined)).toEqual({ total: 6, issue: 1, translation: 1 });
    expect(latencies('load', 'walk2', undefined).total).toBe(1 + 4 + 40);
    const costly = { cost: () => 10_000, table: {} };
    expect(latencies('sys-op', undefined, costly).total).toBe(0xfff);
  });
});

describe('PMSCR_EL1.PCT', () => {
  it('reads 0b01 (physical) without EL2, as written with EL2 (D24.7.8)', () => {
    const noEl2 = cpuWith(['FEAT_SPE']);
    noEl2.sysreg.write('PMSCR_EL1', 0x3bn);
    expect(noEl2.sysreg.read('PMSCR_EL1')).toBe(0x7bn);
    const el2 = cpuWith();
    el2.setMode(1, 1);
    el2.sysreg.write('PMSCR_EL1', 0x3bn);
    expect(el2.sysreg.read('PMSCR_EL1')).toBe(0x3bn);
  });
});

describe('the sampler seam', () => {
  it('is installed in cpu.sampler only while PMBLIMITR_EL1.E = 1', () => {
    const cpu = cpuWith(['FEAT_SPE']);
    expect(cpu.sampler).toBeUndefined();
    cpu.sysreg.write('PMBLIMITR_EL1', 0x1000n | 1n);
    expect(cpu.sampler).toBe(cpu.get(SpeStateToken).sampler);
    cpu.sysreg.write('PMBLIMITR_EL1', 0x1000n);
    expect(cpu.sampler).toBeUndefined();
  });
});
