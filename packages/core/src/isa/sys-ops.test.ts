import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { SYS_OPS } from './sys-ops.js';

const CODE = 0x4008_0000;
/** SYS #op1, Cn, Cm, #op2, Xt */
const sys = (op1: number, crn: number, crm: number, op2: number, rt: number): number =>
  (0xd5080000 | (op1 << 16) | (crn << 12) | (crm << 8) | (op2 << 5) | rt) >>> 0;
const DC_ZVA = (rt: number) => sys(3, 7, 4, 1, rt);
const TLBI_VMALLE1 = sys(0, 8, 7, 0, 31);
const AT_S1E1R = (rt: number) => sys(0, 7, 8, 0, rt);

function run(words: number[], features: string[] = [], el = 1, hcr = 0n) {
  const m = createMachine({ cpus: [{ features }], memory: [{ base: 0x4000_0000, size: '16M' }] });
  const cpu = m.cpus[0]!;
  if (hcr) cpu.sysreg.poke('HCR_EL2', hcr | (1n << 31n));
  words.forEach((w, i) => m.bus.write32(CODE + 4 * i, w));
  cpu.setMode(el, el === 0 ? 0 : 1);
  cpu.pc = BigInt(CODE);
  return { m, cpu, go: () => m.run({ maxInstructions: words.length }) };
}

describe('SYS: cache, AT and TLB maintenance', () => {
  it('has unique encodings in its table', () => {
    const keys = SYS_OPS.map((o) => `${o.op1},${o.crn},${o.crm},${o.op2}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('DC ZVA zeroes the 64-byte block containing the address', () => {
    const { m, cpu, go } = run([DC_ZVA(2)]);
    for (let a = 0x4009_0000; a < 0x4009_0100; a += 4) m.bus.write32(a, 0xffffffff);
    cpu.setX(2, 0x4009_0047n);
    go();
    expect(m.bus.read32(0x4009_003c)).toBe(0xffffffff);
    for (let a = 0x4009_0040; a < 0x4009_0080; a += 4) expect(m.bus.read32(a)).toBe(0);
    expect(m.bus.read32(0x4009_0080)).toBe(0xffffffff);
    expect(cpu.pc).toBe(BigInt(CODE + 4));
  });

  it('DC ZVA at EL0 traps to EL1 unless SCTLR_EL1.DZE', () => {
    const { cpu, go } = run([DC_ZVA(2)], [], 0);
    cpu.setX(2, 0x4009_0000n);
    go();
    expect(cpu.el).toBe(1);
    expect(cpu.sysreg.peek('ESR_EL1') >> 26n).toBe(0x18n);
  });

  it('TLBI is UNDEFINED at EL0 and traps to EL2 with HCR_EL2.TTLB', () => {
    const a = run([TLBI_VMALLE1], [], 0);
    a.go();
    expect(a.cpu.sysreg.peek('ESR_EL1') >> 26n).toBe(0n);
    const b = run([TLBI_VMALLE1], ['FEAT_AA64EL2'], 1, 1n << 25n);
    b.go();
    expect(b.cpu.el).toBe(2);
    // ISS: op0=1, op1=0, CRn=8, CRm=7, op2=0, Rt=31, write
    expect(b.cpu.sysreg.peek('ESR_EL2')).toBe(
      BigInt(((0x18 << 26) | (1 << 25) | (1 << 20) | (8 << 10) | (31 << 5) | (7 << 1)) >>> 0),
    );
  });

  it('AT with the MMU off writes the flat PA to PAR_EL1', () => {
    const { cpu, go } = run([AT_S1E1R(4)]);
    cpu.setX(4, 0x4012_3456n);
    go();
    expect(cpu.sysreg.peek('PAR_EL1') & 0xffff_ffff_f001n).toBe(0x4012_3000n);
  });

  it('leaves unallocated SYS encodings UNDEFINED', () => {
    const { cpu, go } = run([sys(0, 7, 15, 7, 0)]);
    go();
    expect(cpu.sysreg.peek('ESR_EL1') >> 26n).toBe(0n);
  });
});
