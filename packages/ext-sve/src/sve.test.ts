import { describe, expect, it } from 'vitest';
import { createMachine, TEST_CODE_BASE, type Cpu, type Machine } from '@hypsim/core';
import { fpState, fpsimdPlugin } from '@hypsim/ext-fpsimd';
import { saveSve, restoreSve, sveStateBytes, svePOffset, sveZOffset } from './layout.js';
import type { VlPolicy } from './options.js';
import { svePlugin, SVE_PLUGIN_ID } from './plugin.js';
import { FFR, sveState } from './state.js';
import { effectiveVl, syncVq } from './vl.js';
import { runWords, sveMachine } from './insn/testutil.js';

const EL2 = ['FEAT_AA64EL2', 'FEAT_VHE'];
const FP = ['FEAT_FP', 'FEAT_AdvSIMD'];

function machine(
  o: { maxVl?: number; policy?: VlPolicy; el2?: boolean; seed?: number; second?: boolean } = {},
): Machine {
  const el2 = (o.el2 ?? true) ? EL2 : [];
  return createMachine({
    seed: o.seed ?? 1,
    cpus: [
      {
        features: [...FP, 'FEAT_SVE', ...el2],
        options: o.maxVl !== undefined ? { [SVE_PLUGIN_ID]: { maxVl: o.maxVl } } : {},
      },
      ...(o.second ? [{ features: [...FP, ...el2] }] : []),
    ],
    plugins: [
      { plugin: fpsimdPlugin },
      { plugin: svePlugin, options: { vlPolicy: o.policy ?? 'zero' } },
    ],
  });
}

const CPACR_ALL = (3n << 20n) | (3n << 16n);
const CPTR_NVHE_RES1 = 0x32ffn & ~(1n << 8n); // bit 8 is TZ when SVE is implemented

/** Runs one instruction at `el`; returns { el, ec } of the exception taken, or ec -1. */
function step(
  m: Machine,
  word: number,
  el = 1,
  setup?: (cpu: Cpu) => void,
): { el: number; ec: number } {
  const cpu = m.cpus[0]!;
  m.bus.write32(TEST_CODE_BASE, word >>> 0);
  cpu.setMode(el, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  for (const r of ['VBAR_EL1', 'VBAR_EL2']) cpu.sysreg.poke(r, 0n);
  setup?.(cpu);
  m.run({ maxInstructions: 1 });
  if (cpu.pc === BigInt(TEST_CODE_BASE + 4)) return { el: cpu.el, ec: -1 };
  return { el: cpu.el, ec: Number(cpu.sysreg.peek(`ESR_EL${cpu.el}`) >> 26n) };
}

const RDVL_X0_1 = 0x04bf5020; // rdvl x0, #1
const HVC_0 = 0xd4000002;

describe('FEAT_SVE on a heterogeneous machine', () => {
  it('sets ID_AA64PFR0_EL1.SVE only on the SVE CPU; ZCR_EL1 and SVE encodings are UNDEFINED elsewhere', () => {
    const m = machine({ second: true });
    const [a, b] = m.cpus as [Cpu, Cpu];
    expect((a.sysreg.peek('ID_AA64PFR0_EL1') >> 32n) & 0xfn).toBe(1n);
    expect((b.sysreg.peek('ID_AA64PFR0_EL1') >> 32n) & 0xfn).toBe(0n);
    expect(a.sysreg.peek('ID_AA64ZFR0_EL1')).toBe(0n);
    for (const c of [a, b]) {
      c.setMode(1, 1);
      c.sysreg.poke('CPACR_EL1', CPACR_ALL);
      c.sysreg.poke('CPTR_EL2', CPTR_NVHE_RES1);
    }
    expect(a.sysreg.read('ZCR_EL1')).toBe(0n);
    expect(() => b.sysreg.read('ZCR_EL1')).toThrow(/UNDEFINED/);
    expect(fpState(a).stride).toBe(16); // default maxVl 512
    expect(fpState(b).stride).toBe(4);
  });

  it('sizes each CPU by its own maxVl', () => {
    const m = createMachine({
      cpus: [
        { features: [...FP, 'FEAT_SVE'], options: { [SVE_PLUGIN_ID]: { maxVl: 2048 } } },
        { features: [...FP, 'FEAT_SVE'], options: { [SVE_PLUGIN_ID]: { maxVl: 128 } } },
        { features: [...FP, 'FEAT_SVE'] },
      ],
      plugins: [{ plugin: fpsimdPlugin }, { plugin: svePlugin }],
    });
    expect(m.cpus.map((c) => fpState(c).stride)).toEqual([64, 4, 16]);
    expect(m.cpus.map((c) => sveState(c).p.length)).toEqual([17 * 16, 17, 17 * 4]);
    for (const c of m.cpus) c.sysreg.poke('ZCR_EL1', 15n);
    expect(m.cpus.map((c) => effectiveVl(c, 1))).toEqual([2048, 128, 512]);
  });

  it('RDVL is UNDEF on a CPU without FEAT_SVE', () => {
    const m = createMachine({
      cpus: [{ features: FP }],
      plugins: [{ plugin: fpsimdPlugin }, { plugin: svePlugin }],
    });
    expect(step(m, RDVL_X0_1, 1, (c) => c.sysreg.poke('CPACR_EL1', CPACR_ALL)).ec).toBe(0);
  });

  it('rejects a maxVl that is not a multiple of 128 in 128..2048', () => {
    for (const maxVl of [0, 64, 200, 2176])
      expect(() => machine({ maxVl })).toThrow(/maxVl|ext-sve/);
  });
});

describe('ZCR_ELx and the effective VL', () => {
  const zcr = (cpu: Cpu, l1: number, l2: number): void => {
    cpu.sysreg.poke('ZCR_EL1', BigInt(l1));
    cpu.sysreg.poke('ZCR_EL2', BigInt(l2));
  };
  const HCR_E2H = 1n << 34n;
  const HCR_TGE = 1n << 27n;

  it.each([
    // maxVl, ZCR_EL1.LEN, ZCR_EL2.LEN, HCR_EL2, [EL0, EL1, EL2]
    [512, 15, 15, 0n, [512, 512, 512]],
    [512, 1, 15, 0n, [256, 256, 512]],
    [512, 15, 0, 0n, [128, 128, 128]],
    [512, 2, 15, 0n, [384, 384, 512]],
    [512, 3, 1, 0n, [256, 256, 256]],
    [2048, 15, 15, 0n, [2048, 2048, 2048]],
    [2048, 7, 11, 0n, [1024, 1024, 1536]],
    [384, 15, 15, 0n, [384, 384, 384]],
    [128, 15, 15, 0n, [128, 128, 128]],
    // VHE host: EL0 follows ZCR_EL2 only; with TGE=0 EL0 is the guest's
    [512, 0, 3, HCR_E2H | HCR_TGE, [512, 128, 512]],
    [512, 0, 3, HCR_E2H, [128, 128, 512]],
    [512, 1, 2, HCR_TGE, [256, 256, 384]],
  ] as const)('maxVl %i, LEN1 %i, LEN2 %i, HCR %s → %j', (maxVl, l1, l2, hcr, want) => {
    const cpu = machine({ maxVl }).cpus[0]!;
    zcr(cpu, l1, l2);
    cpu.sysreg.poke('HCR_EL2', hcr);
    expect([0, 1, 2].map((el) => effectiveVl(cpu, el))).toEqual(want);
  });

  it('ignores ZCR_EL2 on a CPU without EL2', () => {
    const cpu = machine({ el2: false }).cpus[0]!;
    cpu.sysreg.poke('ZCR_EL1', 1n);
    cpu.sysreg.poke('ZCR_EL2', 0n);
    expect(effectiveVl(cpu, 1)).toBe(256);
  });

  it('keeps LEN as written (bits 8:4 RAZ/WI), redirects ZCR_EL1 with E2H and reaches it as ZCR_EL12', () => {
    const cpu = machine().cpus[0]!;
    cpu.setMode(1, 1);
    cpu.sysreg.poke('CPACR_EL1', CPACR_ALL);
    cpu.sysreg.poke('CPTR_EL2', CPTR_NVHE_RES1); // reset has TZ=1
    cpu.sysreg.write('ZCR_EL1', 0x1f3n);
    expect(cpu.sysreg.read('ZCR_EL1')).toBe(3n);
    cpu.setMode(2, 1);
    cpu.sysreg.poke('HCR_EL2', HCR_E2H);
    cpu.sysreg.poke('CPTR_EL2', CPACR_ALL);
    cpu.sysreg.write('ZCR_EL1', 1n); // → ZCR_EL2
    expect(cpu.sysreg.peek('ZCR_EL2')).toBe(1n);
    expect(cpu.sysreg.read('ZCR_EL12')).toBe(3n);
    cpu.sysreg.write('ZCR_EL12', 0n);
    expect(cpu.sysreg.peek('ZCR_EL1')).toBe(0n);
  });

  it('RDVL reads the VL of the current EL after ZCR writes and EL changes', () => {
    const m = machine();
    const cpu = m.cpus[0]!;
    const run = (el: number): bigint => {
      const r = step(m, RDVL_X0_1, el, (c) => {
        c.sysreg.poke('CPACR_EL1', CPACR_ALL);
        c.sysreg.poke('CPTR_EL2', CPTR_NVHE_RES1);
      });
      expect(r.ec).toBe(-1);
      return cpu.x(0);
    };
    zcr(cpu, 1, 15);
    expect(run(1)).toBe(32n);
    expect(run(2)).toBe(64n);
    expect(run(0)).toBe(32n);
    cpu.sysreg.poke('ZCR_EL1', 0n);
    expect(run(1)).toBe(16n);
  });
});

describe('SVE access traps', () => {
  it('CPTR_EL2 resets without TZ/TFP set, as QEMU 7.2 resets it: SVE at EL2 and EL1 runs', () => {
    const m = machine({ el2: true });
    const cpu = m.cpus[0]!;
    expect(cpu.sysreg.peek('CPTR_EL2')).toBe(0x32ffn);
    expect(step(m, RDVL_X0_1, 2).ec).toBe(-1);
    expect(step(m, RDVL_X0_1, 1, (c) => c.sysreg.poke('CPACR_EL1', CPACR_ALL)).ec).toBe(-1);
  });

  const cases: Array<[string, bigint, bigint, bigint, number, { el: number; ec: number }]> = [
    // name, CPACR_EL1, CPTR_EL2, HCR_EL2, EL, expected
    ['all enabled', CPACR_ALL, CPTR_NVHE_RES1, 0n, 1, { el: 1, ec: -1 }],
    ['CPACR.ZEN=0', 3n << 20n, CPTR_NVHE_RES1, 0n, 1, { el: 1, ec: 0x19 }],
    ['CPACR.ZEN=0 and FPEN=0: SVE first at EL1', 0n, CPTR_NVHE_RES1, 0n, 1, { el: 1, ec: 0x19 }],
    ['CPACR.FPEN=0', 3n << 16n, CPTR_NVHE_RES1, 0n, 1, { el: 1, ec: 0x07 }],
    [
      'ZEN=01 traps EL0 only (EL1)',
      (3n << 20n) | (1n << 16n),
      CPTR_NVHE_RES1,
      0n,
      1,
      { el: 1, ec: -1 },
    ],
    [
      'ZEN=01 traps EL0 only (EL0)',
      (3n << 20n) | (1n << 16n),
      CPTR_NVHE_RES1,
      0n,
      0,
      { el: 1, ec: 0x19 },
    ],
    ['CPTR_EL2.TZ', CPACR_ALL, CPTR_NVHE_RES1 | (1n << 8n), 0n, 1, { el: 2, ec: 0x19 }],
    ['CPTR_EL2.TZ at EL2', CPACR_ALL, CPTR_NVHE_RES1 | (1n << 8n), 0n, 2, { el: 2, ec: 0x19 }],
    [
      'FPEN=0 (EL1) beats TZ (EL2)',
      3n << 16n,
      CPTR_NVHE_RES1 | (1n << 8n),
      0n,
      1,
      { el: 1, ec: 0x07 },
    ],
    [
      'ZEN=0 (EL1) beats TFP (EL2)',
      3n << 20n,
      CPTR_NVHE_RES1 | (1n << 10n),
      0n,
      1,
      { el: 1, ec: 0x19 },
    ],
    [
      'TZ and TFP: SVE first at EL2',
      CPACR_ALL,
      CPTR_NVHE_RES1 | (1n << 8n) | (1n << 10n),
      0n,
      1,
      { el: 2, ec: 0x19 },
    ],
    ['E2H: CPTR_EL2.ZEN=0', CPACR_ALL, 3n << 20n, 1n << 34n, 1, { el: 2, ec: 0x19 }],
    ['E2H: CPTR_EL2.ZEN=0 at EL2', CPACR_ALL, 3n << 20n, 1n << 34n, 2, { el: 2, ec: 0x19 }],
    [
      'E2H: CPTR_EL2.ZEN=01, TGE=0: no trap',
      CPACR_ALL,
      (3n << 20n) | (1n << 16n),
      1n << 34n,
      1,
      { el: 1, ec: -1 },
    ],
    [
      'E2H+TGE: ZEN=01 traps host EL0',
      0n,
      (3n << 20n) | (1n << 16n),
      (1n << 34n) | (1n << 27n),
      0,
      { el: 2, ec: 0x19 },
    ],
    ['E2H+TGE: CPACR_EL1 ignored', 0n, CPACR_ALL, (1n << 34n) | (1n << 27n), 0, { el: 0, ec: -1 }],
    ['E2H: CPTR_EL2.FPEN=0 only', CPACR_ALL, 3n << 16n, 1n << 34n, 1, { el: 2, ec: 0x07 }],
  ];
  it.each(cases)('%s', (_n, cpacr, cptr, hcr, el, want) => {
    const m = machine();
    const r = step(m, RDVL_X0_1, el, (c) => {
      c.sysreg.poke('CPACR_EL1', cpacr);
      c.sysreg.poke('CPTR_EL2', cptr);
      c.sysreg.poke('HCR_EL2', hcr);
    });
    expect(r).toEqual(want.ec === -1 ? { el, ec: -1 } : want);
  });

  it('ZCR accesses check the SVE enables only (EC 0x19), not FPEN', () => {
    const cpu = machine().cpus[0]!;
    cpu.setMode(1, 1);
    cpu.sysreg.poke('CPTR_EL2', CPTR_NVHE_RES1);
    cpu.sysreg.poke('CPACR_EL1', 3n << 16n); // FPEN=0, ZEN=3
    expect(cpu.sysreg.read('ZCR_EL1')).toBe(0n);
    cpu.sysreg.poke('CPACR_EL1', 3n << 20n); // ZEN=0
    expect(() => cpu.sysreg.read('ZCR_EL1')).toThrow(/traps to EL1/);
    cpu.sysreg.poke('CPACR_EL1', CPACR_ALL);
    cpu.sysreg.poke('CPTR_EL2', CPTR_NVHE_RES1 | (1n << 8n));
    expect(() => cpu.sysreg.write('ZCR_EL1', 1n)).toThrow(/traps to EL2/);
    cpu.setMode(2, 1);
    expect(() => cpu.sysreg.read('ZCR_EL2')).toThrow(/traps to EL2/);
  });
});

describe('VL-change policies', () => {
  /** Fills every Z/P/FFR bit of cpu0 with a recognisable pattern at the maximum VL. */
  function fill(cpu: Cpu): void {
    const fp = fpState(cpu);
    for (let i = 0; i < fp.z.length; i++) fp.z[i] = (0x5a000000 + i) | 0;
    const st = sveState(cpu);
    for (let i = 0; i < st.p.length; i++) st.p[i] = 0xa500 + (i & 0xff);
  }
  function setup(policy: VlPolicy, seed = 1): { m: Machine; cpu: Cpu } {
    const m = machine({ policy, seed });
    const cpu = m.cpus[0]!;
    cpu.setMode(1, 1);
    cpu.sysreg.poke('CPACR_EL1', CPACR_ALL);
    cpu.sysreg.poke('CPTR_EL2', CPTR_NVHE_RES1);
    cpu.sysreg.poke('HCR_EL2', 1n << 31n); // RW
    cpu.sysreg.poke('ZCR_EL2', 3n);
    cpu.sysreg.write('ZCR_EL1', 3n);
    syncVq(cpu);
    fill(cpu);
    return { m, cpu };
  }
  /** Words of Z0 and halfwords of P0/FFR above 128 bits, and Z31's low 128 bits. */
  function snapshot(cpu: Cpu): {
    zHigh: number[];
    pHigh: number[];
    ffrHigh: number[];
    zLow: number[];
  } {
    const fp = fpState(cpu);
    const st = sveState(cpu);
    return {
      zHigh: Array.from(fp.z.subarray(4, 16)),
      pHigh: Array.from(st.p.subarray(1, 4)),
      ffrHigh: Array.from(st.p.subarray(st.pBase(FFR) + 1, st.pBase(FFR) + 4)),
      zLow: Array.from(fp.z.subarray(31 * 16, 31 * 16 + 4)),
    };
  }

  for (const via of ['ZCR_EL1 write', 'exception to EL2'] as const) {
    describe(`shrink ZCR_EL1, then grow by ${via}`, () => {
      const grow = (m: Machine, cpu: Cpu): void => {
        cpu.sysreg.write('ZCR_EL1', 0n); // VL 512 → 128
        if (via === 'ZCR_EL1 write') cpu.sysreg.write('ZCR_EL1', 3n);
        else {
          expect(step(m, HVC_0, 1)).toEqual({ el: 2, ec: 0x16 });
          expect(effectiveVl(cpu)).toBe(512);
        }
      };

      it('zero: the bits come back as zero, the low 128 bits stay', () => {
        const { m, cpu } = setup('zero');
        const before = snapshot(cpu);
        grow(m, cpu);
        const after = snapshot(cpu);
        expect(after.zHigh.every((x) => x === 0)).toBe(true);
        expect(after.pHigh).toEqual([0, 0, 0]);
        expect(after.ffrHigh).toEqual([0, 0, 0]);
        expect(after.zLow).toEqual(before.zLow);
      });

      it('preserve: the bits keep their values from before the shrink', () => {
        const { m, cpu } = setup('preserve');
        const before = snapshot(cpu);
        grow(m, cpu);
        expect(snapshot(cpu)).toEqual(before);
      });

      it('unknown: seeded PRNG values, reproducible per seed', () => {
        const runs = [1, 1, 2].map((seed) => {
          const { m, cpu } = setup('unknown', seed);
          const before = snapshot(cpu);
          grow(m, cpu);
          const after = snapshot(cpu);
          expect(after.zLow).toEqual(before.zLow);
          expect(after.zHigh).not.toEqual(before.zHigh);
          return after;
        });
        expect(runs[0]).toEqual(runs[1]);
        expect(runs[0]!.zHigh).not.toEqual(runs[2]!.zHigh);
      });
    });
  }
});

describe('sve_state save/restore', () => {
  it('has the Linux layout and round-trips at the maximum and at a smaller VL', () => {
    // At EL2 (reset) with ZCR_EL2 at the maximum, as KVM saves and restores.
    const src = machine({ maxVl: 512 }).cpus[0]!;
    src.sysreg.poke('ZCR_EL2', 15n);
    expect(sveStateBytes(512)).toBe(546 * 4);
    expect(sveZOffset(512, 1)).toBe(64);
    expect(svePOffset(512, 0)).toBe(32 * 64);
    expect(svePOffset(512, FFR)).toBe(32 * 64 + 16 * 8);
    const data = new Uint8Array(sveStateBytes(512)).map((_, i) => (i * 7 + 3) & 0xff);
    restoreSve(src, data, 512);
    const back = saveSve(src, 512);
    expect(Array.from(back)).toEqual(Array.from(data));
    // Z0 bytes 0..3 are the low word of V0; P0 byte 0 is the low byte of its first halfword.
    expect(fpState(src).z[0]).toBe(
      data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24),
    );
    expect(sveState(src).p[0]).toBe(data[2048]! | (data[2049]! << 8));

    const small = saveSve(src, 256);
    expect(small.length).toBe(546 * 2);
    expect(Array.from(small.subarray(32, 64))).toEqual(Array.from(data.subarray(64, 96))); // Z1
    expect(Array.from(small.subarray(1024 + 16 * 4, 1024 + 17 * 4))).toEqual(
      Array.from(data.subarray(2048 + 16 * 8, 2048 + 16 * 8 + 4)),
    ); // FFR
    const dst = machine({ maxVl: 512 }).cpus[0]!;
    dst.sysreg.poke('ZCR_EL2', 15n);
    restoreSve(dst, small, 256);
    expect(Array.from(saveSve(dst, 256))).toEqual(Array.from(small));
    expect(() => saveSve(dst, 640)).toThrow(/VL 640/);
  });
});

describe('RDVL, ADDVL, ADDPL, LDR/STR (Z and P)', () => {
  const X0 = 0,
    X1 = 1;
  const enc = {
    addvl: (d: number, n: number, imm: number) =>
      (0x04205000 | (n << 16) | ((imm & 63) << 5) | d) >>> 0,
    addpl: (d: number, n: number, imm: number) =>
      (0x04605000 | (n << 16) | ((imm & 63) << 5) | d) >>> 0,
    rdvl: (d: number, imm: number) => (0x04bf5000 | ((imm & 63) << 5) | d) >>> 0,
    ls: (base: number, t: number, n: number, imm: number) =>
      (base | (((imm >> 3) & 63) << 16) | ((imm & 7) << 10) | (n << 5) | t) >>> 0,
  };
  const strZ = (t: number, n: number, imm: number) => enc.ls(0xe5804000, t, n, imm);
  const ldrZ = (t: number, n: number, imm: number) => enc.ls(0x85804000, t, n, imm);
  const strP = (t: number, n: number, imm: number) => enc.ls(0xe5800000, t, n, imm);
  const ldrP = (t: number, n: number, imm: number) => enc.ls(0x85800000, t, n, imm);

  function run(m: Machine, words: number[]): void {
    const cpu = m.cpus[0]!;
    words.forEach((w, i) => m.bus.write32(TEST_CODE_BASE + 0x1000 + 4 * i, w));
    cpu.setMode(1, 1);
    cpu.sysreg.poke('CPACR_EL1', CPACR_ALL);
    cpu.sysreg.poke('CPTR_EL2', CPTR_NVHE_RES1);
    cpu.pc = BigInt(TEST_CODE_BASE + 0x1000);
    m.run({ maxInstructions: words.length });
    expect(cpu.pc).toBe(BigInt(TEST_CODE_BASE + 0x1000 + 4 * words.length));
  }

  it('scales by the current VL (256 of max 512)', () => {
    const m = machine();
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('ZCR_EL1', 1n);
    cpu.sysreg.poke('ZCR_EL2', 15n);
    cpu.setX(X1, 0x1000n);
    run(m, [enc.rdvl(X0, -3), enc.addvl(2, X1, 5), enc.addpl(3, X1, -7), enc.addvl(31, 31, 0)]);
    expect(cpu.x(0)).toBe(BigInt.asUintN(64, -96n));
    expect(cpu.x(2)).toBe(0x1000n + 160n);
    expect(cpu.x(3)).toBe(0x1000n - 28n);
  });

  it('stores and loads Z and P at VL-scaled offsets, unaffected bits above VL untouched', () => {
    const m = machine();
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('ZCR_EL2', 15n);
    cpu.sysreg.poke('ZCR_EL1', 1n); // VL 256 = 32 bytes
    cpu.setMode(1, 1);
    syncVq(cpu);
    const fp = fpState(cpu);
    const st = sveState(cpu);
    for (let w = 0; w < 8; w++) fp.z[3 * 16 + w] = (0x11223300 + w) | 0;
    st.p[5 * 4] = 0xbeef;
    st.p[5 * 4 + 1] = 0x1234;
    fp.z[4 * 16 + 10] = 77; // Z4 above VL 256
    const base = 0x4010_0000;
    cpu.setX(X1, BigInt(base));
    run(m, [strZ(3, X1, 2), ldrZ(4, X1, 2), strP(5, X1, -3), ldrP(6, X1, -3)]);
    expect(m.bus.read32(base + 64)).toBe(0x11223300);
    expect(m.bus.read32(base + 64 + 28)).toBe(0x11223307);
    expect(Array.from(fp.z.subarray(4 * 16, 4 * 16 + 8))).toEqual(
      Array.from(fp.z.subarray(3 * 16, 3 * 16 + 8)),
    );
    expect(fp.z[4 * 16 + 10]).toBe(77);
    expect(m.bus.read32(base - 12)).toBe(0x1234beef);
    expect(Array.from(st.p.subarray(6 * 4, 6 * 4 + 2))).toEqual([0xbeef, 0x1234]);
  });

  it('SETFFR, WRFFR, RDFFR(S) with PredTest flags, PFALSE', () => {
    const m = machine();
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('ZCR_EL2', 15n);
    cpu.sysreg.poke('ZCR_EL1', 1n); // VL 256: two predicate halfwords
    cpu.setMode(1, 1);
    const st = sveState(cpu);
    syncVq(cpu, st);
    st.p.set([0x0101, 0], 1 * 4);
    st.p.set([0x00ff, 0], 3 * 4);
    run(m, [0x252c9000, 0x2558f022]); // setffr; rdffrs p2.b, p1/z
    expect(Array.from(st.p.subarray(FFR * 4, FFR * 4 + 3))).toEqual([0xffff, 0xffff, 0]);
    expect(Array.from(st.p.subarray(2 * 4, 2 * 4 + 2))).toEqual([0x0101, 0]);
    expect(cpu.nzcv).toBe(8); // N: first active true; C=0: last active true
    run(m, [0x25289060, 0x2558f022]); // wrffr p3.b; rdffrs p2.b, p1/z
    expect(Array.from(st.p.subarray(FFR * 4, FFR * 4 + 2))).toEqual([0x00ff, 0]);
    expect(st.p[2 * 4]).toBe(0x0001);
    expect(cpu.nzcv).toBe(8 | 2); // last active (byte 8) false → C
    run(m, [0x2518e402, 0x2519f004]); // pfalse p2.b; rdffr p4.b
    expect(Array.from(st.p.subarray(2 * 4, 2 * 4 + 2))).toEqual([0, 0]);
    expect(Array.from(st.p.subarray(4 * 4, 4 * 4 + 2))).toEqual([0x00ff, 0]);
  });

  it.each([128, 384, 2048])(
    "Linux's sve_save_state/sve_load_state sequence matches saveSve at VL %i",
    (vl) => {
      const m = machine({ maxVl: 2048 });
      const cpu = m.cpus[0]!;
      cpu.sysreg.poke('ZCR_EL2', 15n);
      cpu.sysreg.poke('ZCR_EL1', BigInt(vl / 128 - 1));
      cpu.setMode(1, 1);
      syncVq(cpu);
      const size = sveStateBytes(vl);
      const data = new Uint8Array(size).map((_, i) => (i * 13 + 5) & 0xff);
      restoreSve(cpu, data, vl);
      const buf = 0x4020_0000;
      const pffr = buf + svePOffset(vl, FFR);
      const save: number[] = [];
      for (let n = 0; n < 32; n++) save.push(strZ(n, X0, n - 34));
      for (let n = 0; n < 16; n++) save.push(strP(n, X0, n - 16));
      save.push(0x2519f000, strP(0, X0, 0), ldrP(0, X0, -16)); // rdffr p0.b; str p0; ldr p0
      cpu.setX(X0, BigInt(pffr));
      run(m, save);
      expect(Array.from(m.bus.readBytes(buf, size))).toEqual(Array.from(saveSve(cpu, vl)));

      // Load into a clean CPU: ldr z*; ldr p0, [x0]; wrffr p0.b; ldr p*
      const m2 = machine({ maxVl: 2048 });
      const c2 = m2.cpus[0]!;
      c2.sysreg.poke('ZCR_EL2', 15n);
      c2.sysreg.poke('ZCR_EL1', BigInt(vl / 128 - 1));
      m2.bus.writeBytes(buf, m.bus.readBytes(buf, size));
      const load: number[] = [];
      for (let n = 0; n < 32; n++) load.push(ldrZ(n, X0, n - 34));
      load.push(ldrP(0, X0, 0), 0x25289000); // wrffr p0.b
      for (let n = 0; n < 16; n++) load.push(ldrP(n, X0, n - 16));
      c2.setX(X0, BigInt(pffr));
      run(m2, load);
      expect(Array.from(saveSve(c2, vl))).toEqual(Array.from(data));
    },
  );
});

describe('AdvSIMD/FP writes zero Z above 128 bits (Arm ARM V[] setter: ZeroExtend to MAX_VL)', () => {
  it('after SVE writes, after restoreSve, and only for the register written', () => {
    const m = sveMachine(2048);
    const cpu = m.cpus[0]!;
    const fp = fpState(cpu);
    const high = (n: number): number[] =>
      Array.from(fp.z.subarray(n * fp.stride + 4, (n + 1) * fp.stride));
    // mov z0.b, #1; mov z1.b, #3; movi v0.16b, #2
    runWords(m, [0x2538c020, 0x2538c061, 0x4f00e440]);
    expect(high(0).every((w) => w === 0)).toBe(true);
    expect(high(1).every((w) => w === 0x03030303)).toBe(true);
    // add v1.4s clears Z1's high part; restoreSve writes it again; fmov d1, x2 must clear it.
    runWords(m, [0x4ea18421]);
    expect(high(1).every((w) => w === 0)).toBe(true);
    const image = saveSve(cpu, 2048);
    image.fill(0x5a);
    restoreSve(cpu, image, 2048);
    expect(high(1).every((w) => w === 0x5a5a5a5a)).toBe(true);
    runWords(m, [0x9e670041]);
    expect(high(1).every((w) => w === 0)).toBe(true);
    expect(high(0).every((w) => w === 0x5a5a5a5a)).toBe(true);
    // Once cleared, repeated AdvSIMD writes (add v1.4s) leave the zeros alone.
    runWords(m, [0x4ea18421, 0x4ea18421]);
    expect(high(1).every((w) => w === 0)).toBe(true);
  });
});
