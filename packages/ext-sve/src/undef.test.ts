import { describe, expect, it } from 'vitest';
import { createMachine, parsePattern, TEST_CODE_BASE, type Machine } from '@hypsim/core';
import { fpsimdPlugin } from '@hypsim/ext-fpsimd';
import { svePlugin } from './plugin.js';

/**
 * Issue 5's "a CPU without SVE in its feature set gives UNDEF for SVE encodings", for every
 * pattern the plugin registers (so each new instruction is covered the day it lands): find a
 * word the SVE CPU decodes as that pattern, then run it on the CPU without FEAT_SVE and expect
 * an UNDEFINED exception (EC 0x00), never a JavaScript error.
 */
const FP = ['FEAT_FP', 'FEAT_AdvSIMD'];

function twoCpus(): Machine {
  return createMachine({
    seed: 5,
    cpus: [{ features: [...FP, 'FEAT_SVE'] }, { features: FP }],
    plugins: [{ plugin: fpsimdPlugin }, { plugin: svePlugin }],
  });
}

const patterns = (svePlugin.decode ?? []).flatMap((t) => [...t.patterns]);

describe('SVE encodings on a CPU without FEAT_SVE', () => {
  it('registers SVE patterns, all gated on FEAT_SVE', () => {
    expect(patterns.length).toBeGreaterThan(50);
    for (const p of patterns) expect(p.feature, p.name).toBe('FEAT_SVE');
  });

  it('every SVE pattern is UNDEF (EC 0x00) on the CPU without SVE', () => {
    const m = twoCpus();
    const [sve, plain] = m.cpus as [(typeof m.cpus)[0], (typeof m.cpus)[0]];
    const sveDecoder = m.decodeCacheOf(sve).decoder;
    const plainDecoder = m.decodeCacheOf(plain).decoder;
    let seed = 0x9e3779b9;
    const next = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    sve.off = true; // only the CPU without SVE runs
    const unmatched: string[] = [];
    for (const p of patterns) {
      const { mask, value } = parsePattern(p.pattern, p.name);
      let word = -1;
      for (let k = 0; k < 256 && word < 0; k++) {
        const w = (value | ((k === 0 ? 0 : next()) & ~mask)) >>> 0;
        if (sveDecoder.match(w)?.name === p.name) word = w;
      }
      if (word < 0) {
        unmatched.push(p.name);
        continue;
      }
      expect(plainDecoder.match(word), p.name).toBeFalsy();
      m.bus.write32(TEST_CODE_BASE, word);
      plain.setMode(1, 1);
      plain.pc = BigInt(TEST_CODE_BASE);
      plain.sysreg.poke('VBAR_EL1', 0n);
      plain.sysreg.poke('CPACR_EL1', 3n << 20n);
      m.run({ maxInstructions: 1 });
      expect(plain.el, p.name).toBe(1);
      expect(Number(plain.sysreg.peek('ESR_EL1') >> 26n), p.name).toBe(0);
      expect(plain.pc, p.name).toBe(0x200n);
    }
    expect(unmatched).toEqual([]);
  });
});
