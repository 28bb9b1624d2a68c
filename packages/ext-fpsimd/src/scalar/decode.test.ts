import { describe, expect, it } from 'vitest';
import { createMachine, definePlugin, TEST_CODE_BASE, type Machine } from '@hypsim/core';
import { fpsimdPlugin } from '../plugin.js';
import { fpState } from '../state.js';

/**
 * Decode-level behaviour of the FP patterns: what is UNDEF (half precision without
 * FEAT_FP16, FRINT32/64 and FJCVTZS without their features, any FP instruction on a CPU
 * without FEAT_FP), the FP access trap, and the optional instructions with their features.
 * Expected values of the FEAT_JSCVT/FRINTTS rows come from qemu-aarch64 7.2 (-cpu max).
 */

const extra = definePlugin({
  id: 'test/fp-optional-features',
  features: [
    {
      name: 'FEAT_FRINTTS',
      description: 'test stand-in',
      idFields: [{ reg: 'ID_AA64ISAR1_EL1', field: 'FRINTTS', lsb: 32, width: 4, value: 1 }],
    },
    {
      name: 'FEAT_JSCVT',
      description: 'test stand-in',
      idFields: [{ reg: 'ID_AA64ISAR1_EL1', field: 'JSCVT', lsb: 12, width: 4, value: 1 }],
    },
  ].filter((f) => !(fpsimdPlugin.features ?? []).some((g) => g.name === f.name)),
});

function machine(features: string[]): Machine {
  return createMachine({
    cpus: [{ features }],
    plugins: [{ plugin: fpsimdPlugin }, { plugin: extra }],
  });
}

/** Runs one word at EL1 with FP enabled (unless fpen is given); returns the ESR EC or -1. */
function step(m: Machine, word: number, fpen = 3, setup?: (m: Machine) => void): number {
  const cpu = m.cpus[0]!;
  m.bus.write32(TEST_CODE_BASE, word >>> 0);
  cpu.setMode(1, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  cpu.sysreg.poke('CPACR_EL1', BigInt(fpen) << 20n);
  cpu.sysreg.poke('VBAR_EL1', 0n);
  cpu.sysreg.poke('ESR_EL1', 0xffffffffn);
  setup?.(m);
  m.run({ maxInstructions: 1 });
  if (cpu.pc === BigInt(TEST_CODE_BASE + 4)) return -1;
  expect(cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(TEST_CODE_BASE));
  return Number(cpu.sysreg.peek('ESR_EL1') >> 26n);
}

const FADD_D = 0x1e622820; // fadd d0, d1, d2
const FADD_4S = 0x4e22d420; // fadd v0.4s, v1.4s, v2.4s
const FJCVTZS = 0x1e7e0020; // fjcvtzs w0, d1
const FRINT32Z = 0x1e684020; // frint32z d0, d1
const FRINT64X_2D = 0x6e61f820; // frint64x v0.2d, v1.2d

describe('FP decode: UNDEF and traps', () => {
  const m = machine(['FEAT_FP', 'FEAT_AdvSIMD']);

  it('runs FP instructions when FP is enabled', () => {
    expect(step(m, FADD_D)).toBe(-1);
    expect(step(m, FADD_4S)).toBe(-1);
  });

  it.each([
    ['fadd h0, h1, h2', 0x1ee22820],
    ['fmov h0, #2.0', 0x1ee01000],
    ['scvtf h0, w1', 0x1ee20020],
    ['fcvtzs w0, h1', 0x1ef80020],
    ['fmadd h0, h1, h2, h3', 0x1fc20c20],
    ['fcmp h0, h1', 0x1ee12000],
    ['fadd (ftype 10)', 0x1ea22820],
    ['fcvtzs w0, s1 with scale < 32 and sf=0', 0x1e187c20],
    ['fcvtzs v0.2d, v1.2d, #1 with Q=0 (2D needs Q)', 0x0f7ffc20],
    ['fadd v0.1d (sz=1, Q=0)', 0x0e62d420],
    ['fcvtxn s0, s1 (sz=0)', 0x7e216820],
    ['fmla v0.2d, v1.2d, v2.d[0] with L=1', 0x4fe21020],
  ])('%s is UNDEF (no FEAT_FP16 / unallocated)', (_name, word) => {
    expect(step(m, word)).toBe(0);
  });

  it('makes FJCVTZS and FRINT32/64 UNDEF without FEAT_JSCVT / FEAT_FRINTTS', () => {
    expect(step(m, FJCVTZS)).toBe(0);
    expect(step(m, FRINT32Z)).toBe(0);
    expect(step(m, FRINT64X_2D)).toBe(0);
  });

  it('traps FP instructions with CPACR_EL1.FPEN = 0 (EC 0x07), before any effect', () => {
    const cpu = m.cpus[0]!;
    fpState(cpu).fpsr = 0;
    for (const w of [FADD_D, FADD_4S, 0x1e602020 /* fcmp d1, d0 */, 0x9e670020 /* fmov d0, x1 */])
      expect(step(m, w, 0)).toBe(0x07);
    expect(fpState(cpu).fpsr).toBe(0);
  });

  it('is UNDEF (not a crash) on a CPU without FEAT_FP', () => {
    const bare = createMachine({ cpus: [{ features: [] }], plugins: [{ plugin: fpsimdPlugin }] });
    expect(step(bare, FADD_D)).toBe(0);
    expect(step(bare, FADD_4S)).toBe(0);
    expect(step(bare, 0x9e670020)).toBe(0);
  });

  it('makes the AdvSIMD FP forms UNDEF on a CPU with FP but no AdvSIMD', () => {
    const fpOnly = machine(['FEAT_FP']);
    expect(step(fpOnly, FADD_D)).toBe(-1);
    expect(step(fpOnly, FADD_4S)).toBe(0);
  });
});

describe('optional FP instructions with their features', () => {
  const m = machine(['FEAT_FP', 'FEAT_AdvSIMD', 'FEAT_JSCVT', 'FEAT_FRINTTS']);
  const cpu = m.cpus[0]!;
  const setD = (n: number, bits: bigint): void =>
    fpState(cpu).writeD(n, Number(bits & 0xffffffffn) | 0, Number(bits >> 32n) | 0);

  // [d1 bits, FPCR, w0, NZCV, FPSR] from qemu-aarch64: fjcvtzs w0, d1
  it.each([
    [0x3ff8000000000000n, 0, 1n, 0b0000, 0x10], // 1.5 → 1, inexact
    [0xc000000000000000n, 0, 0xfffffffen, 0b0100, 0], // -2.0 → -2, exact: Z
    [0x41f0000000000005n, 0, 0n, 0b0000, 0x01], // 2^32 + 5·2^-20 → 0 (mod 2^32), IOC
    [0x8000000000000000n, 0, 0n, 0b0000, 0], // -0.0: not exact for JavaScript
    [0x0000000000000001n, 0x1000000, 0n, 0b0100, 0x80], // +denormal under FZ: IDC, Z set
    [0x8000000000000001n, 0x1000000, 0n, 0b0000, 0x80], // −denormal under FZ: IDC, Z clear
    [0x0000000000000001n, 0, 0n, 0b0000, 0x10], // denormal without FZ: IXC
    [0x7ff8000000000000n, 0, 0n, 0b0000, 0x01], // NaN
  ])('fjcvtzs of %s (FPCR %s)', (bits, fpcr, w0, nzcv, fpsr) => {
    expect(
      step(m, FJCVTZS, 3, () => {
        setD(1, bits);
        fpState(cpu).fpcr = fpcr;
        fpState(cpu).fpsr = 0;
        cpu.setX(0, 0xdeadbeefdeadbeefn);
        cpu.nzcv = 0b1111;
      }),
    ).toBe(-1);
    expect(cpu.x(0)).toBe(w0);
    expect(cpu.nzcv).toBe(nzcv);
    expect(fpState(cpu).fpsr).toBe(fpsr);
  });

  // frint32z d0, d1: [d1, d0, FPSR]
  it.each([
    [0x41e0000000000000n, 0xc1e0000000000000n, 0x01], // 2^31 → out of range: INT32_MIN, IOC
    [0xc1e0000000000000n, 0xc1e0000000000000n, 0], // -2^31 fits
    [0xc1dfffffffe00000n, 0xc1dfffffffc00000n, 0x10], // -2147483647.5 → -2147483647, IXC
    [0xbfe0000000000000n, 0x8000000000000000n, 0x10], // -0.5 → -0
    [0x7ff0000000000000n, 0xc1e0000000000000n, 0x01], // +inf
  ])('frint32z of %s', (bits, want, fpsr) => {
    expect(
      step(m, FRINT32Z, 3, () => {
        setD(1, bits);
        fpState(cpu).fpcr = 0;
        fpState(cpu).fpsr = 0;
      }),
    ).toBe(-1);
    const st = fpState(cpu);
    const got = (BigInt(st.z[1]! >>> 0) << 32n) | BigInt(st.z[0]! >>> 0);
    expect(got).toBe(want);
    expect(st.fpsr).toBe(fpsr);
  });
});
