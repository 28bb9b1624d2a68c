import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { definePlugin } from '../plugin/manifest.js';
import { BASE_SYSREGS } from './base.js';
import { SysRegRegistry, aliasName } from './registry.js';
import { encodingKey, SysRegAccessError } from './types.js';

const vheMachine = () => createMachine({ cpus: [{ features: ['FEAT_AA64EL2', 'FEAT_VHE'] }] });

describe('system-register registry invariants', () => {
  const reg = new SysRegRegistry([{ owner: 'core', defs: BASE_SYSREGS }]);

  it('gives every register a unique name and a unique encoding', () => {
    const keys = new Set<number>();
    const names = new Set<string>();
    for (const r of reg.regs) {
      const e = r.def.encoding;
      const k = encodingKey(e[0], e[1], e[2], e[3], e[4]);
      expect(keys.has(k), `${r.name} encoding reused`).toBe(false);
      expect(names.has(r.name)).toBe(false);
      keys.add(k);
      names.add(r.name);
    }
  });

  it('encodes every field inside 64 bits without overlapping another field of the same layout', () => {
    for (const r of reg.regs)
      for (const f of r.def.fields ?? []) {
        expect(f.lsb + f.width, `${r.name}.${f.name}`).toBeLessThanOrEqual(64);
        expect(f.width).toBeGreaterThan(0);
      }
  });

  it('resets every stateful register to its declared value with RES1 bits set', () => {
    const m = vheMachine();
    const cpu = m.cpus[0]!;
    for (const r of reg.regs) {
      if (r.aliasOf || r.def.read) continue; // aliases and computed registers hold no state
      const declared = r.def.reset;
      const expected =
        declared === undefined ? 0n : typeof declared === 'function' ? declared(cpu) : declared;
      expect(cpu.sysreg.peek(r.name), r.name).toBe(BigInt.asUintN(64, expected));
    }
    expect(cpu.sysreg.peek('SCTLR_EL1') & 0x30d00800n).toBe(0x30d00800n);
    expect((cpu.sysreg.peek('HCR_EL2') >> 31n) & 1n).toBe(1n); // RW is RAO
  });

  it('derives one alias per E2H-redirected register, with op1=5 and the same CRn/CRm/op2', () => {
    const redirected = reg.regs.filter((r) => r.redirect);
    expect(redirected.length).toBeGreaterThan(15);
    for (const r of redirected) {
      const alias = reg.require(aliasName(r.name));
      expect(alias.aliasOf).toBe(r);
      const [op0, , crn, crm, op2] = r.def.encoding;
      expect(alias.def.encoding).toEqual([op0, 5, crn, crm, op2]);
      expect(alias.def.minEL).toBe(2);
      expect(alias.def.feature).toBe('FEAT_VHE');
      // The redirect target is an EL2 register with the same base name.
      expect(r.redirect!.name.endsWith('_EL2')).toBe(true);
    }
    // No alias without a redirect.
    for (const r of reg.regs.filter((x) => x.aliasOf)) expect(r.aliasOf!.redirect).toBeDefined();
  });
});

describe('E2H redirection and aliases at run time', () => {
  it('reaches FOO_EL2 through FOO_EL1 at EL2 only when E2H=1, and FOO_EL1 through FOO_EL12', () => {
    const m = vheMachine();
    const cpu = m.cpus[0]!;
    cpu.setMode(2, 1);
    cpu.sysreg.write('TTBR0_EL1', 0x1000n); // E2H=0: the real EL1 register
    expect(cpu.sysreg.peek('TTBR0_EL1')).toBe(0x1000n);
    expect(cpu.sysreg.peek('TTBR0_EL2')).toBe(0n);
    expect(() => cpu.sysreg.read('TTBR0_EL12')).toThrow(SysRegAccessError); // alias UNDEF with E2H=0

    cpu.sysreg.write('HCR_EL2', (1n << 34n) | (1n << 27n));
    cpu.sysreg.write('TTBR0_EL1', 0x2000n); // now redirected
    expect(cpu.sysreg.peek('TTBR0_EL2')).toBe(0x2000n);
    expect(cpu.sysreg.peek('TTBR0_EL1')).toBe(0x1000n);
    expect(cpu.sysreg.read('TTBR0_EL12')).toBe(0x1000n);
    cpu.sysreg.write('TTBR0_EL12', 0x3000n);
    expect(cpu.sysreg.peek('TTBR0_EL1')).toBe(0x3000n);
  });

  it("makes an alias UNDEFINED where its register's own feature is missing", () => {
    const p = definePlugin({
      id: 'p-feat',
      features: [{ name: 'FEAT_TESTREG', description: 'x' }],
      sysregs: [
        {
          name: 'TESTX_EL1',
          encoding: [3, 0, 15, 15, 0],
          minEL: 1,
          feature: 'FEAT_TESTREG',
          e2hRedirect: 'TESTX_EL2',
        },
        { name: 'TESTX_EL2', encoding: [3, 4, 15, 15, 0], minEL: 2, feature: 'FEAT_TESTREG' },
      ],
    });
    const m = createMachine({
      cpus: [
        { features: ['FEAT_AA64EL2', 'FEAT_VHE', 'FEAT_TESTREG'] },
        { features: ['FEAT_AA64EL2', 'FEAT_VHE'] },
      ],
      plugins: [{ plugin: p }],
    });
    for (const cpu of m.cpus) {
      cpu.setMode(2, 1);
      cpu.sysreg.poke('HCR_EL2', (1n << 34n) | (1n << 31n));
    }
    expect(m.cpus[0]!.sysreg.read('TESTX_EL12')).toBe(0n);
    expect(() => m.cpus[1]!.sysreg.read('TESTX_EL12')).toThrow(/UNDEFINED/);
  });

  it('makes the aliases UNDEFINED below EL2', () => {
    const m = vheMachine();
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('HCR_EL2', 1n << 34n);
    cpu.setMode(1, 1);
    expect(() => cpu.sysreg.read('SCTLR_EL12')).toThrow(/UNDEFINED/);
  });

  it('keeps HCR_EL2.E2H RES0 on a CPU without FEAT_VHE', () => {
    const m = createMachine({ cpus: [{ features: ['FEAT_AA64EL2'] }] });
    const cpu = m.cpus[0]!;
    cpu.setMode(2, 1);
    cpu.sysreg.write('HCR_EL2', 1n << 34n);
    expect(cpu.e2h).toBe(false);
    expect(() => cpu.sysreg.read('TTBR1_EL2')).toThrow(/UNDEFINED/);
  });

  it('computes ID registers from the CPU feature set', () => {
    const m = createMachine({
      cpus: [{ features: [] }, { features: ['FEAT_AA64EL2', 'FEAT_VHE', 'FEAT_LSE'] }],
    });
    const [a, b] = m.cpus;
    const pfr0 = (c: typeof a) => c!.sysreg.peek('ID_AA64PFR0_EL1');
    expect(pfr0(a) & 0xfffn).toBe(0x011n); // EL0, EL1 AArch64; no EL2
    expect(pfr0(b) & 0xfffn).toBe(0x111n);
    expect((b!.sysreg.peek('ID_AA64MMFR1_EL1') >> 8n) & 0xfn).toBe(1n); // VH
    expect((b!.sysreg.peek('ID_AA64ISAR0_EL1') >> 20n) & 0xfn).toBe(2n); // Atomic
    expect((a!.sysreg.peek('ID_AA64ISAR0_EL1') >> 20n) & 0xfn).toBe(0n);
  });

  it('makes EL2 registers UNDEFINED at EL1 and on CPUs without EL2', () => {
    const m = createMachine({ cpus: [{ features: [] }] });
    const cpu = m.cpus[0]!;
    expect(cpu.el).toBe(1);
    expect(() => cpu.sysreg.read('HCR_EL2')).toThrow(/UNDEFINED/);
    expect(cpu.sysreg.read('CurrentEL')).toBe(4n);
  });
});
