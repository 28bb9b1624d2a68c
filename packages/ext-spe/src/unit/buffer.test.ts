import { createMachine, TEST_CODE_BASE, type Machine } from '@hypsim/core';
import { describe, expect, it } from 'vitest';
import { decodeSpeBuffer } from '../packets/decode.js';
import { spePlugin } from '../plugin.js';
import { SpeStateToken } from '../state.js';

/**
 * The profiling buffer in the EL2 regime with its stage 1 on (the buffer VA maps elsewhere),
 * the discard mode and a record that does not fit below LIMIT.
 */

const LOOP = [
  0xf8408401, // ldr x1, [x0], #8
  0x8b010063, // add x3, x3, x1
  0xf1000484, // subs x4, x4, #1
  0x54ffffa1, // b.ne -12
  0xd503223f, // psb csync
  0xd503201f, // nop
];

function machine(el: number): Machine {
  const m = createMachine({
    cpus: [{ features: ['FEAT_AA64EL2', 'FEAT_VHE', 'FEAT_SPE'] }],
    plugins: [{ plugin: spePlugin }],
  });
  LOOP.forEach((w, i) => m.bus.write32(TEST_CODE_BASE + 4 * i, w));
  const cpu = m.cpus[0]!;
  cpu.setMode(el, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  cpu.setX(0, 0x4010_0000n);
  cpu.setX(4, 2000n);
  return m;
}

describe('profiling buffer', () => {
  it('EL2 owns it (E2PB=0b00): written through the EL2 stage 1 (VA 0x80000000 → PA 0x40400000)', () => {
    const m = machine(2);
    const cpu = m.cpus[0]!;
    const L1 = 0x4060_0000;
    const L2 = 0x4060_1000;
    const w64 = (pa: number, v: bigint): void => {
      m.bus.write32(pa, Number(v & 0xffff_ffffn));
      m.bus.write32(pa + 4, Number(v >> 32n));
    };
    const attrs = (1n << 10n) | (3n << 8n); // AF, inner shareable, AttrIndx 0
    w64(L1 + 8 * 1, 0x4000_0000n | attrs | 1n); // VA 1 GB → PA 1 GB identity (code, data)
    w64(L1 + 8 * 2, BigInt(L2) | 3n); // VA 0x80000000 → level-2 table
    w64(L2, 0x4040_0000n | attrs | 1n); // 2 MB block → PA 0x40400000
    cpu.sysreg.poke('MAIR_EL2', 0xffn);
    cpu.sysreg.poke('TCR_EL2', 25n | (1n << 8n) | (1n << 10n) | (3n << 12n));
    cpu.sysreg.poke('TTBR0_EL2', BigInt(L1));
    cpu.sysreg.poke('SCTLR_EL2', cpu.sysreg.peek('SCTLR_EL2') | 1n);
    cpu.sysreg.poke('MDCR_EL2', 0n); // E2PB = 0b00
    cpu.sysreg.poke('PMSIRR_EL1', 1n << 8n);
    cpu.sysreg.poke('PMBPTR_EL1', 0x8000_0000n);
    cpu.sysreg.poke('PMBLIMITR_EL1', 0x8001_0000n | 1n);
    cpu.sysreg.poke('PMSCR_EL2', 2n); // E2SPE
    m.run({ maxInstructions: 8003 });
    const ptr = Number(cpu.sysreg.peek('PMBPTR_EL1'));
    expect(cpu.sysreg.peek('PMBSR_EL1')).toBe(0n);
    expect(ptr - 0x8000_0000).toBeGreaterThan(0);
    const recs = decodeSpeBuffer(m.bus.readBytes(0x4040_0000, ptr - 0x8000_0000));
    expect(recs.length).toBe(31);
    for (const r of recs) {
      const pc = r.packets[0]!;
      expect(pc.kind === 'address' && pc.type === 'pc' && pc.el).toBe(2);
    }
  });

  it('FM=0b10 discards every record: no writes, no management event', () => {
    const m = machine(1);
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('PMSIRR_EL1', 1n << 8n);
    cpu.sysreg.poke('PMBPTR_EL1', 0x4020_0000n);
    cpu.sysreg.poke('PMBLIMITR_EL1', 0x4021_0000n | (2n << 1n) | 1n);
    cpu.sysreg.poke('PMSCR_EL1', 2n);
    m.run({ maxInstructions: 8003 });
    expect(cpu.sysreg.peek('PMBPTR_EL1')).toBe(0x4020_0000n);
    expect(cpu.sysreg.peek('PMBSR_EL1')).toBe(0n);
    expect(cpu.get(SpeStateToken).stats.discarded).toBe(31);
  });

  it('a record that does not fit below LIMIT is lost: buffer full with DL=1', () => {
    const m = machine(1);
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('PMSIRR_EL1', 1n << 8n);
    cpu.sysreg.poke('PMBPTR_EL1', 0x4020_fff0n); // 16 bytes below LIMIT (UNPREDICTABLE)
    cpu.sysreg.poke('PMBLIMITR_EL1', 0x4021_0000n | 1n);
    cpu.sysreg.poke('PMSCR_EL1', 2n);
    m.run({ maxInstructions: 8003 });
    const sr = cpu.sysreg.peek('PMBSR_EL1');
    expect(sr).toBe((1n << 17n) | (1n << 19n) | 1n); // S, DL, EC 0, BSC 1
    expect(cpu.sysreg.peek('PMBPTR_EL1')).toBe(0x4020_fff0n);
  });

  it('VHE host EL0 (E2H=1, TGE=1): sampled by PMSCR_EL2.E0HSPE into the EL2-owned buffer', () => {
    const m = machine(0);
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('HCR_EL2', (1n << 34n) | (1n << 27n) | (1n << 31n));
    cpu.setMode(0, 0);
    cpu.sysreg.poke('MDCR_EL2', 0n);
    cpu.sysreg.poke('PMSIRR_EL1', 1n << 8n);
    cpu.sysreg.poke('PMBPTR_EL1', 0x4020_0000n);
    cpu.sysreg.poke('PMBLIMITR_EL1', 0x4021_0000n | 1n);
    cpu.sysreg.poke('PMSCR_EL1', 3n); // the guest's controls do not apply to the host's EL0
    m.run({ maxInstructions: 3000 });
    expect(cpu.sysreg.peek('PMBPTR_EL1')).toBe(0x4020_0000n);
    cpu.sysreg.poke('PMSCR_EL2', 1n); // E0HSPE
    m.run({ maxInstructions: 3000 });
    const ptr = Number(cpu.sysreg.peek('PMBPTR_EL1'));
    const recs = decodeSpeBuffer(m.bus.readBytes(0x4020_0000, ptr - 0x4020_0000));
    expect(recs.length).toBeGreaterThanOrEqual(10);
    for (const r of recs) {
      const pc = r.packets[0]!;
      expect(pc.kind === 'address' && pc.type === 'pc' && pc.el).toBe(0);
    }
  });
});
