import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, type PluginManifest } from '../plugin/manifest.js';
import { token } from '../di/token.js';
import { BusToken, CostAccountingToken, EventsToken } from '../di/tokens.js';
import { enc } from '../test-util/enc.js';
import { createMachine, MachineConfigError } from './machine.js';

const noop = () => undefined;

describe('createMachine: config validation', () => {
  it('rejects an unknown option with its path', () => {
    expect(() => createMachine({ cpus: [{ count: 1, featurez: [] } as never] })).toThrow(
      /cpus\.0.*featurez|Unrecognized key/s,
    );
  });

  it('rejects malformed sizes and addresses', () => {
    expect(() => createMachine({ memory: [{ base: '0xZZ', size: '1M' }] })).toThrow(
      /memory\.0\.base/,
    );
  });

  it('accepts 0x addresses and K/M/G sizes', () => {
    const m = createMachine({ memory: [{ base: '0x40000000', size: '64M' }] });
    expect(m.bus.rams[0]!.size).toBe(64 * 1024 * 1024);
  });

  it('rejects overlapping memory regions naming both', () => {
    expect(() =>
      createMachine({
        memory: [
          { name: 'a', base: 0x4000_0000, size: '1M' },
          { name: 'b', base: 0x4008_0000, size: '1M' },
        ],
      }),
    ).toThrow(/b .* overlaps a/);
  });
});

describe('createMachine: plugin errors name both parties', () => {
  const base = definePlugin({ id: 'p-base' });
  it('rejects a plugin installed twice', () => {
    expect(() => createMachine({ plugins: [{ plugin: base }, { plugin: base }] })).toThrow(
      /p-base is installed twice \(plugins\[0\] and plugins\[1\]\)/,
    );
  });

  it('rejects a missing dependency', () => {
    const needs = definePlugin({ id: 'p-needs', requires: ['p-missing'] });
    expect(() => createMachine({ plugins: [{ plugin: needs }] })).toThrow(
      /p-needs requires plugin p-missing/,
    );
  });

  it('rejects a dependency cycle', () => {
    const a = definePlugin({ id: 'a', requires: ['b'] });
    const b = definePlugin({ id: 'b', requires: ['a'] });
    expect(() => createMachine({ plugins: [{ plugin: a }, { plugin: b }] })).toThrow(
      /cycle: a → b → a/,
    );
  });

  it('rejects two definitions of one sysreg encoding', () => {
    const clash = definePlugin({
      id: 'p-clash',
      sysregs: [{ name: 'MY_SCTLR', encoding: [3, 0, 1, 0, 0], minEL: 1 }],
    });
    expect(() => createMachine({ plugins: [{ plugin: clash }] })).toThrow(
      /SCTLR_EL1 \(by core\) and MY_SCTLR \(by p-clash\)/,
    );
  });

  it('rejects a sysreg name defined twice', () => {
    const dup = definePlugin({
      id: 'p-dup',
      sysregs: [{ name: 'SCTLR_EL1', encoding: [3, 0, 15, 15, 7], minEL: 1 }],
    });
    expect(() => createMachine({ plugins: [{ plugin: dup }] })).toThrow(
      /SCTLR_EL1 is defined twice: by core and by p-dup/,
    );
  });

  it('rejects overlapping decode patterns at one priority, naming both', () => {
    const mk = (id: string, name: string, pattern: string): PluginManifest<unknown> =>
      definePlugin({
        id,
        decode: [{ name: `${id}/t`, priority: 5, patterns: [{ name, pattern, exec: noop }] }],
      });
    const a = mk('pa', 'FOO', '0000 0001 xxxxxxxxxxxxxxxxxxxxxxxx');
    const b = mk('pb', 'BAR', '0000 xxxx 1111 xxxxxxxxxxxxxxxxxxxx');
    expect(() => createMachine({ plugins: [{ plugin: a }, { plugin: b }] })).toThrow(
      /FOO \(table pa\/t of pa, priority 5\) and BAR \(table pb\/t of pb, priority 5\)/,
    );
    // Disjoint at the same priority, or overlapping at different priorities: fine.
    const c = mk('pc', 'BAZ', '0000 0010 1111 xxxxxxxxxxxxxxxxxxxx');
    expect(() => createMachine({ plugins: [{ plugin: a }, { plugin: c }] })).not.toThrow();
    // The compiled tables are cached per list of table objects: a failed list is never cached,
    // so the same bad pair is refused again; a good list is shared (frozen) by its machines.
    expect(() => createMachine({ plugins: [{ plugin: a }, { plugin: b }] })).toThrow(/FOO/);
    const m1 = createMachine({ plugins: [{ plugin: a }, { plugin: c }] });
    const m2 = createMachine({ plugins: [{ plugin: a }, { plugin: c }] });
    expect(m2.patterns).toBe(m1.patterns);
    expect(Object.isFrozen(m1.patterns)).toBe(true);
    expect(createMachine({ plugins: [{ plugin: c }, { plugin: a }] }).patterns).not.toBe(
      m1.patterns,
    );
  });

  it('rejects a CPU feature no plugin provides', () => {
    expect(() => createMachine({ cpus: [{ features: ['FEAT_SVE'] }] })).toThrow(
      /cpus\[0\] asks for FEAT_SVE, which neither the core nor any installed plugin provides/,
    );
  });

  it('rejects a feature whose prerequisite the CPU lacks', () => {
    expect(() => createMachine({ cpus: [{ features: ['FEAT_VHE'] }] })).toThrow(
      /FEAT_VHE requires FEAT_AA64EL2/,
    );
  });

  it('validates plugin options with the plugin schema', () => {
    const p = definePlugin({
      id: 'p-opt',
      options: z.object({ policy: z.enum(['zero', 'preserve']) }).strict(),
    });
    expect(() =>
      createMachine({ plugins: [{ plugin: p, options: { policy: 'garbage' } }] }),
    ).toThrow(/options of plugin p-opt[\s\S]*policy/);
  });

  it('resolves plugins by id from a catalogue and says which ids it knows', () => {
    const p = definePlugin({ id: 'p-cat' });
    expect(createMachine({ plugins: [{ plugin: 'p-cat' }] }, { catalog: [p] }).plugins.length).toBe(
      1,
    );
    expect(() => createMachine({ plugins: [{ plugin: 'p-nope' }] }, { catalog: [p] })).toThrow(
      /known: p-cat/,
    );
  });

  it('throws MachineConfigError for all of these', () => {
    expect(() => createMachine({ cpus: [{ features: ['FEAT_NOPE'] }] })).toThrow(
      MachineConfigError,
    );
  });
});

describe('plugins: lifecycle', () => {
  it('installs in dependency order and runs register, realize and reset hooks', () => {
    const calls: string[] = [];
    const Tok = token<{ n: number }>('test/state');
    const lower = definePlugin({
      id: 'lower',
      register: () => calls.push('lower.register'),
      realize: () => calls.push('lower.realize'),
      reset: (cpu) => calls.push(`lower.reset${cpu.index}`),
    });
    const upper = definePlugin({
      id: 'upper',
      requires: ['lower'],
      features: [
        {
          name: 'FEAT_TESTX',
          description: 'test feature',
          idFields: [{ reg: 'ID_AA64PFR1_EL1', field: 'X', lsb: 4, width: 4, value: 3 }],
        },
      ],
      register: () => calls.push('upper.register'),
      realize: (m) => {
        calls.push('upper.realize');
        for (const cpu of m.cpus) cpu.attach(Tok, { n: cpu.index });
      },
      reset: (cpu) => calls.push(`upper.reset${cpu.index}`),
    });
    const m = createMachine({
      cpus: [{ count: 2, features: ['FEAT_TESTX'] }],
      plugins: [{ plugin: upper }, { plugin: lower }],
    });
    expect(calls).toEqual([
      'lower.register',
      'upper.register',
      'lower.realize',
      'upper.realize',
      'lower.reset0',
      'upper.reset0',
      'lower.reset1',
      'upper.reset1',
    ]);
    expect(m.cpus[1]!.get(Tok).n).toBe(1);
    expect((m.cpus[0]!.sysreg.peek('ID_AA64PFR1_EL1') >> 4n) & 0xfn).toBe(3n);
  });

  it('lets a plugin contribute decode patterns that run like core instructions', () => {
    let hits = 0;
    const p = definePlugin({
      id: 'p-insn',
      decode: [
        {
          name: 'p/t',
          priority: 0,
          patterns: [{ name: 'MAGIC', pattern: '00000000 11111111 imm:16', exec: () => hits++ }],
        },
      ],
    });
    const m = createMachine({ plugins: [{ plugin: p }] });
    m.bus.write32(0x4008_0000, 0x00ff1234);
    m.cpus[0]!.pc = 0x4008_0000n;
    m.run({ maxInstructions: 1 });
    expect(hits).toBe(1);
    expect(m.cpus[0]!.pc).toBe(0x4008_0004n);
  });
});

describe('machines are isolated', () => {
  it('shares no state between two machines in one process', () => {
    const a = createMachine({ cpus: [{ features: ['FEAT_AA64EL2'] }] });
    const b = createMachine({ cpus: [{ features: ['FEAT_AA64EL2'] }] });
    expect(a.container).not.toBe(b.container);
    expect(a.get(BusToken)).not.toBe(b.get(BusToken));
    expect(a.get(EventsToken)).not.toBe(b.get(EventsToken));
    expect(a.get(CostAccountingToken)).not.toBe(b.get(CostAccountingToken));
    a.bus.write32(0x4000_0000, 0xdeadbeef);
    a.cpus[0]!.setX(3, 7n);
    a.cpus[0]!.sysreg.poke('HCR_EL2', 1n);
    expect(b.bus.read32(0x4000_0000)).toBe(0);
    expect(b.cpus[0]!.x(3)).toBe(0n);
    expect(b.cpus[0]!.sysreg.peek('HCR_EL2')).toBe(1n << 31n);
    let seen = 0;
    a.events.on('exception', () => seen++);
    b.bus.write32(0x4008_0000, enc.brk(0));
    b.cpus[0]!.pc = 0x4008_0000n;
    b.run({ maxInstructions: 1 });
    expect(seen).toBe(0);
  });
});

describe('determinism', () => {
  it('same seed ⇒ same PRNG stream; different seed ⇒ different stream', () => {
    const draw = (seed: number) => {
      const m = createMachine({ seed });
      return Array.from({ length: 8 }, () => m.prng.nextU32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('reset reseeds: a run after reset draws the same values', () => {
    const m = createMachine({ seed: 9 });
    const first = [m.prng.nextU32(), m.prng.nextU32()];
    m.reset();
    expect([m.prng.nextU32(), m.prng.nextU32()]).toEqual(first);
  });

  it('interleaves CPUs identically run after run', () => {
    const trace = () => {
      const m = createMachine({ cpus: [{ count: 3 }], quantum: 3 });
      const seen: string[] = [];
      m.events.on('insn', (e) => seen.push(`${e.cpu.index}:${e.pc.toString(16)}`));
      for (let i = 0; i < 16; i++) m.bus.write32(0x4008_0000 + 4 * i, enc.nop);
      m.cpus.forEach((c, i) => (c.pc = BigInt(0x4008_0000 + 4 * i)));
      m.run({ maxInstructions: 20 });
      return seen;
    };
    const t = trace();
    expect(t.length).toBe(20);
    expect(t.slice(0, 4)).toEqual(['0:40080000', '0:40080004', '0:40080008', '1:40080004']);
    expect(trace()).toEqual(t);
  });
});

describe('CPU identification', () => {
  it('numbers MPIDR like QEMU virt with GICv3: bit 31 set, 16 CPUs per cluster', () => {
    const m = createMachine({ cpus: [{ count: 18 }] });
    expect(m.cpus[0]!.sysreg.read('MPIDR_EL1')).toBe(0x8000_0000n);
    expect(m.cpus[1]!.sysreg.read('MPIDR_EL1')).toBe(0x8000_0001n);
    expect(m.cpus[17]!.sysreg.read('MPIDR_EL1')).toBe(0x8000_0101n);
    expect(m.cpus[0]!.sysreg.read('MIDR_EL1')).toBe(0x000f_0510n);
  });

  it('composes ID fields set by several features to the highest value', () => {
    const m = createMachine({
      cpus: [{ features: ['FEAT_LRCPC'] }, { features: ['FEAT_LRCPC2', 'FEAT_LRCPC'] }],
    });
    expect((m.cpus[0]!.sysreg.peek('ID_AA64ISAR1_EL1') >> 20n) & 0xfn).toBe(1n);
    expect((m.cpus[1]!.sysreg.peek('ID_AA64ISAR1_EL1') >> 20n) & 0xfn).toBe(2n);
  });
});

describe('ID register composition', () => {
  it('lets a feature override a baseline field even with a lower value (FP: 0xF → 0)', () => {
    const fp = definePlugin({
      id: 'fp-like',
      features: [
        {
          name: 'FEAT_FPX',
          description: 'x',
          idFields: [{ reg: 'ID_AA64PFR0_EL1', field: 'FP', lsb: 16, width: 4, value: 0 }],
        },
      ],
    });
    const m = createMachine({
      cpus: [{ features: [] }, { features: ['FEAT_FPX'] }],
      plugins: [{ plugin: fp }],
    });
    expect((m.cpus[0]!.sysreg.peek('ID_AA64PFR0_EL1') >> 16n) & 0xffn).toBe(0xffn); // FP, AdvSIMD: not implemented
    expect((m.cpus[1]!.sysreg.peek('ID_AA64PFR0_EL1') >> 16n) & 0xfn).toBe(0n);
  });
});
