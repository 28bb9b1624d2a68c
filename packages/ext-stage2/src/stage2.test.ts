import { describe, expect, it } from 'vitest';
import { machineWithCode, TEST_CODE_BASE, type Machine } from '@hypsim/core';
import { Stage2Manager } from './manager.js';
import { stage2Plugin } from './plugin.js';

const DATA_IPA = 0x8000_0000;
const DATA_PA = 0x4200_0000;
const VBAR2 = 0x4000_0000;

function setup(
  words: readonly number[],
  tlbPolicy: 'walk' | 'strict' = 'walk',
): {
  m: Machine;
  s2: Stage2Manager;
} {
  const m = machineWithCode(words, {
    el: 1,
    config: {
      cpus: [{ features: ['FEAT_AA64EL2'] }],
      plugins: [{ plugin: stage2Plugin, options: { tlbPolicy } }],
    },
  });
  const cpu = m.cpus[0]!;
  cpu.sysreg.poke('VBAR_EL2', BigInt(VBAR2));
  const s2 = new Stage2Manager({ cpu, tables: { base: 0x4100_0000, size: 0x10_0000 } });
  s2.map(0x4000_0000, 0x4000_0000, 0x20_0000); // code, identity
  s2.map(DATA_IPA, DATA_PA, 0x4000, 'rw');
  s2.install();
  for (let i = 0; i < 4; i++) m.bus.write(DATA_PA + i * 0x1000, 8, BigInt(0x1000 + i));
  return { m, s2 };
}

const LDR_X0_X1 = 0xf9400020;
const STR_X0_X1 = 0xf9000020;

describe('stage 2', () => {
  it('translates EL1 accesses through the manager’s tables', () => {
    const { m } = setup([LDR_X0_X1]);
    const cpu = m.cpus[0]!;
    cpu.setX(1, BigInt(DATA_IPA + 0x2000));
    m.run({ maxInstructions: 1 });
    expect(cpu.x(0)).toBe(0x1002n);
  });

  it('an unmapped IPA is a stage-2 translation fault at EL2 with FAR_EL2 and HPFAR_EL2', () => {
    const { m, s2 } = setup([LDR_X0_X1]);
    const cpu = m.cpus[0]!;
    cpu.setX(1, 0x9000_0010n);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(2);
    const esr = Number(cpu.sysreg.peek('ESR_EL2'));
    expect(esr >>> 26).toBe(0x24);
    expect(esr & 0x3f).toBe(0x06); // level 2: 0x8000_0000's level-1 entry exists
    expect(cpu.sysreg.peek('FAR_EL2')).toBe(0x9000_0010n);
    expect(cpu.sysreg.peek('HPFAR_EL2')).toBe(0x9_0000n << 4n);
    expect(cpu.pc).toBe(BigInt(VBAR2 + 0x400));
    // map and retry
    s2.map(0x9000_0000, DATA_PA, 0x1000, 'r');
    cpu.sysreg.poke('ELR_EL2', BigInt(TEST_CODE_BASE));
    cpu.sysreg.poke('SPSR_EL2', 0x3c5n);
    cpu.pc = BigInt(VBAR2);
    m.bus.write32(VBAR2, 0xd69f03e0); // eret
    m.bus.write(DATA_PA + 0x10, 8, 0x5eedn);
    m.run({ maxInstructions: 2 });
    expect(cpu.el).toBe(1);
    expect(cpu.x(0)).toBe(0x5eedn);
  });

  it('a stage-1 walk through an unmapped IPA reports S1PTW with the table IPA in HPFAR_EL2', () => {
    const { m } = setup([LDR_X0_X1]);
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('TCR_EL1', 25n | (1n << 23n) | (5n << 32n));
    cpu.sysreg.poke('TTBR0_EL1', 0xa000_0000n); // not mapped at stage 2
    cpu.sysreg.poke('SCTLR_EL1', cpu.sysreg.peek('SCTLR_EL1') | 1n);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(2);
    const esr = Number(cpu.sysreg.peek('ESR_EL2'));
    // the instruction fetch itself walks first: an instruction abort from a lower EL
    expect(esr >>> 26).toBe(0x20);
    expect(esr & (1 << 7)).not.toBe(0);
    expect(cpu.sysreg.peek('HPFAR_EL2')).toBe(0xa_0000n << 4n);
    expect(cpu.sysreg.peek('FAR_EL2')).toBe(BigInt(TEST_CODE_BASE));
  });

  it.each(['walk', 'strict'] as const)(
    'harvests dirty pages through write-protection faults (%s)',
    (policy) => {
      const words = [STR_X0_X1, 0x91400421 /* add x1, x1, #1, lsl 12 */];
      const prog = [...words, ...words, ...words];
      const { m, s2 } = setup(prog, policy);
      const cpu = m.cpus[0]!;
      cpu.setX(1, BigInt(DATA_IPA));
      cpu.setX(0, 0x77n);
      s2.startDirtyLog(DATA_IPA, 0x4000);
      const before = s2.tlbis;
      const end = BigInt(TEST_CODE_BASE + 4 * prog.length);
      for (let guard = 0; guard < 20 && cpu.pc !== end; guard++) {
        m.run({ maxInstructions: 1 });
        if (cpu.el === 2) expect(s2.handleDirtyFault(cpu)).toBe(true);
      }
      expect(cpu.pc).toBe(end);
      expect(m.bus.read(DATA_PA + 0x2000, 8)).toBe(0x77n);
      expect(s2.dirtyBitmap(DATA_IPA, 0x4000)).toEqual(new Uint8Array([0b0111]));
      expect(s2.harvestDirty()).toEqual([DATA_IPA, DATA_IPA + 0x1000, DATA_IPA + 0x2000]);
      expect(s2.harvestDirty()).toEqual([]);
      expect(s2.tlbis).toBeGreaterThan(before);
      // Harvesting write-protected the pages again (with TLBIs): the next write faults.
      cpu.pc = BigInt(TEST_CODE_BASE);
      cpu.setX(1, BigInt(DATA_IPA));
      m.run({ maxInstructions: 1 });
      expect(cpu.el).toBe(2);
      expect(s2.handleDirtyFault(cpu)).toBe(true);
      expect(s2.harvestDirty()).toEqual([DATA_IPA]);
    },
  );

  it('strict: a stage-2 change without TLBI is not seen; walk sees it', () => {
    for (const policy of ['strict', 'walk'] as const) {
      const { m, s2 } = setup([LDR_X0_X1, LDR_X0_X1], policy);
      const cpu = m.cpus[0]!;
      cpu.setX(1, BigInt(DATA_IPA));
      m.run({ maxInstructions: 1 });
      expect(cpu.x(0)).toBe(0x1000n);
      // Rewrite the leaf behind the manager's back: DATA_IPA → DATA_PA + 0x3000, no TLBI.
      const slotPa = findLeaf(m, s2, DATA_IPA);
      m.bus.write(
        slotPa,
        8,
        BigInt(DATA_PA + 0x3000) |
          (m.bus.read(slotPa, 8) & 0xfffn) |
          (m.bus.read(slotPa, 8) & ~0xffff_ffff_ffffn),
      );
      m.run({ maxInstructions: 1 });
      expect(cpu.x(0)).toBe(policy === 'strict' ? 0x1000n : 0x1003n);
    }
  });

  it('pinned pages cannot be unmapped', () => {
    const { s2 } = setup([]);
    s2.pin(DATA_IPA, 0x1000);
    expect(() => s2.unmap(DATA_IPA, 0x2000)).toThrow(/pinned/);
    s2.unpin(DATA_IPA, 0x1000);
    s2.unmap(DATA_IPA, 0x2000);
    expect(s2.translate(DATA_IPA)).toBeUndefined();
    expect(s2.translate(DATA_IPA + 0x2000)).toBe(DATA_PA + 0x2000);
  });
});

/** PA of the level-3 descriptor of `ipa` (walks the manager's tables like the hardware). */
function findLeaf(m: Machine, s2: Stage2Manager, ipa: number): number {
  let table = s2.root;
  for (let level = s2.startLevel; ; level++) {
    const shift = 12 + (3 - level) * 9;
    const bits = level === s2.startLevel ? s2.ipaBits - shift : 9;
    const slot = table + (Math.floor(ipa / 2 ** shift) % 2 ** bits) * 8;
    if (level === 3) return slot;
    table = Number(m.bus.read(slot, 8) & 0xffff_ffff_f000n);
  }
}
