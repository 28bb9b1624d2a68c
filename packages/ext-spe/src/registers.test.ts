import { createMachine, SysRegAccessError, TEST_CODE_BASE, type Machine } from '@hypsim/core';
import { describe, expect, it } from 'vitest';
import { speOptionsSchema } from './options.js';
import { spePlugin } from './plugin.js';
import { PSB_CSYNC_WORD, SpeStateToken } from './psb.js';

/**
 * The SPE registers against spe.md §1–§3: encodings, fields, resets, UNDEF without FEAT_SPE,
 * MDCR_EL2.TPMS/E2PB traps with their EC 0x18 syndromes, PMBIDR_EL1.P, PSB CSYNC.
 */

const SPE = ['FEAT_AA64EL2', 'FEAT_VHE', 'FEAT_SPE'];

/** A two-CPU machine where only CPU 0 has SPE (CPU 1 has EL2 and VHE but no SPE). */
function machine(cpu0 = SPE, cpu1 = ['FEAT_AA64EL2', 'FEAT_VHE']): Machine {
  return createMachine({
    cpus: [{ features: cpu0 }, { features: cpu1 }],
    plugins: [{ plugin: spePlugin }],
  });
}

type Enc = readonly [number, number, number, number, number];
/** MRS Xt, <reg> / MSR <reg>, Xt (C6.2.229 / C6.2.232). */
const mrs = (e: Enc, rt: number): number =>
  (0xd5300000 |
    ((e[0] & 1) << 19) |
    (e[1] << 16) |
    (e[2] << 12) |
    (e[3] << 8) |
    (e[4] << 5) |
    rt) >>>
  0;
const msr = (e: Enc, rt: number): number => (mrs(e, rt) & ~(1 << 21)) >>> 0;

/** Runs one instruction on CPU 0 at `el` (SP_ELx) and returns the CPU. */
function step(m: Machine, word: number, el: number): Machine['cpus'][number] {
  const cpu = m.cpus[0]!;
  m.bus.write32(TEST_CODE_BASE, word);
  cpu.setMode(el, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  m.run({ maxInstructions: 1 });
  return cpu;
}

// spe.md §1, verbatim.
const ENCODINGS: Record<string, Enc> = {
  PMSCR_EL1: [3, 0, 9, 9, 0],
  PMSICR_EL1: [3, 0, 9, 9, 2],
  PMSIRR_EL1: [3, 0, 9, 9, 3],
  PMSFCR_EL1: [3, 0, 9, 9, 4],
  PMSEVFR_EL1: [3, 0, 9, 9, 5],
  PMSLATFR_EL1: [3, 0, 9, 9, 6],
  PMSIDR_EL1: [3, 0, 9, 9, 7],
  PMBLIMITR_EL1: [3, 0, 9, 10, 0],
  PMBPTR_EL1: [3, 0, 9, 10, 1],
  PMBSR_EL1: [3, 0, 9, 10, 3],
  PMBIDR_EL1: [3, 0, 9, 10, 7],
  PMSCR_EL2: [3, 4, 9, 9, 0],
  PMSCR_EL12: [3, 5, 9, 9, 0],
};

describe('SPE register definitions (spe.md §1–§2)', () => {
  const m = machine();
  const cpu = m.cpus[0]!;

  it.each(Object.entries(ENCODINGS))('%s has encoding %j', (name, enc) => {
    expect(cpu.registry.require(name).def.encoding).toEqual(enc);
    expect(cpu.registry.byEncoding(...enc)?.name).toBe(name);
  });

  it('PMSCR_EL1 redirects to PMSCR_EL2 under E2H, and PMSCR_EL12 is its alias', () => {
    expect(cpu.registry.require('PMSCR_EL1').redirect?.name).toBe('PMSCR_EL2');
    expect(cpu.registry.require('PMSCR_EL12').aliasOf?.name).toBe('PMSCR_EL1');
  });

  it('declares the fields of spe.md §2', () => {
    const fields = (n: string): string =>
      (cpu.registry.require(n).def.fields ?? [])
        .map((f) => `${f.name}@${f.lsb}:${f.width}`)
        .join(' ');
    expect(fields('PMSCR_EL1')).toBe('E0SPE@0:1 E1SPE@1:1 CX@3:1 PA@4:1 TS@5:1 PCT@6:2');
    expect(fields('PMSCR_EL2')).toBe('E0HSPE@0:1 E2SPE@1:1 CX@3:1 PA@4:1 TS@5:1 PCT@6:2');
    expect(fields('PMSIRR_EL1')).toBe('RND@0:1 INTERVAL@8:24');
    expect(fields('PMSFCR_EL1')).toBe('FE@0:1 FT@1:1 FL@2:1 B@16:1 LD@17:1 ST@18:1');
    expect(fields('PMBLIMITR_EL1')).toBe('E@0:1 FM@1:2 LIMIT@12:52');
    expect(fields('PMBSR_EL1')).toBe('MSS@0:16 COLL@16:1 S@17:1 EA@18:1 DL@19:1 EC@26:6');
    expect(fields('PMBIDR_EL1')).toBe('Align@0:4 P@4:1 F@5:1 EA@8:4');
  });

  it('resets to 0 except the ID registers, and PMSIDR_EL1 reads the documented value', () => {
    for (const n of [
      'PMSCR_EL1',
      'PMSCR_EL2',
      'PMSICR_EL1',
      'PMSIRR_EL1',
      'PMSFCR_EL1',
      'PMSEVFR_EL1',
      'PMSLATFR_EL1',
      'PMBLIMITR_EL1',
      'PMBPTR_EL1',
      'PMBSR_EL1',
    ])
      expect(cpu.sysreg.peek(n), n).toBe(0n);
    // FE FT FL ArchInst = 1, Interval 0 (256), MaxSize 6 (64 B), CountSize 0b0010 (12-bit).
    expect(cpu.sysreg.peek('PMSIDR_EL1')).toBe(0x2_600fn);
  });

  it('sets ID_AA64DFR0_EL1.PMSVer = 1 (FEAT_SPE) only on the CPU with SPE', () => {
    const pmsver = (i: number): bigint => (m.cpus[i]!.sysreg.peek('ID_AA64DFR0_EL1') >> 32n) & 0xfn;
    expect(pmsver(0)).toBe(1n);
    expect(pmsver(1)).toBe(0n);
  });

  it('applies the SPEv1 write masks (RES0 bits stay 0)', () => {
    const w = (n: string): bigint => {
      const c = machine().cpus[0]!;
      c.setMode(2, 1);
      c.sysreg.poke('MDCR_EL2', 3n << 12n); // EL1 owns the buffer, no traps
      c.setMode(1, 1);
      c.sysreg.write(n, 0xffff_ffff_ffff_ffffn);
      return c.sysreg.peek(n);
    };
    expect(w('PMSCR_EL1')).toBe(0xfbn);
    expect(w('PMSICR_EL1')).toBe(0xffff_ffffn);
    expect(w('PMSIRR_EL1')).toBe(0xffff_ff01n);
    expect(w('PMSFCR_EL1')).toBe(0x7_0007n);
    expect(w('PMSEVFR_EL1')).toBe(0xffff_0000_ff00_f0aan);
    expect(w('PMSLATFR_EL1')).toBe(0xfffn);
    expect(w('PMBLIMITR_EL1')).toBe(0xffff_ffff_ffff_f007n);
    expect(w('PMBPTR_EL1')).toBe(0xffff_ffff_ffff_ffffn);
    expect(w('PMBSR_EL1')).toBe(0xfc0f_ffffn);
  });

  it('makes PMSIDR_EL1 and PMBIDR_EL1 read-only (MSR is UNDEFINED)', () => {
    const c = machine().cpus[0]!;
    c.setMode(2, 1);
    expect(() => c.sysreg.write('PMSIDR_EL1', 1n)).toThrow(SysRegAccessError);
    expect(() => c.sysreg.write('PMBIDR_EL1', 1n)).toThrow(SysRegAccessError);
  });
});

describe('UNDEF without FEAT_SPE (two CPUs, only CPU 0 with SPE)', () => {
  it('CPU 1 sees every SPE register UNDEFINED; CPU 0 reads them', () => {
    const m = machine();
    for (const c of m.cpus) c.setMode(2, 1);
    for (const name of Object.keys(ENCODINGS)) {
      if (name === 'PMSCR_EL12') continue; // see the alias test below
      expect(() => m.cpus[0]!.sysreg.read(name), name).not.toThrow();
      try {
        m.cpus[1]!.sysreg.read(name);
        expect.unreachable(`${name} readable without FEAT_SPE`);
      } catch (e) {
        expect((e as SysRegAccessError).reason, name).toBe('undefined');
      }
    }
  });

  it('an MRS of PMSIDR_EL1 at EL1 on a CPU without SPE takes UNDEF (EC 0x00) to EL1', () => {
    const m = machine(['FEAT_AA64EL2']);
    const cpu = step(m, mrs(ENCODINGS.PMSIDR_EL1!, 0), 1);
    expect(cpu.el).toBe(1);
    expect(cpu.sysreg.peek('ESR_EL1') >> 26n).toBe(0n);
  });

  // The generated alias needs both FEAT_VHE and its register's feature (FEAT_SPE).
  it('PMSCR_EL12 is UNDEFINED on a VHE CPU without SPE', () => {
    const c = machine().cpus[1]!;
    c.setMode(2, 1);
    c.sysreg.poke('HCR_EL2', (1n << 34n) | (1n << 31n));
    expect(() => c.sysreg.read('PMSCR_EL12')).toThrow(SysRegAccessError);
  });
});

describe('E2H redirection of PMSCR_EL1', () => {
  it('reaches PMSCR_EL2 at EL2 with E2H=1, and PMSCR_EL1 through PMSCR_EL12', () => {
    const c = machine().cpus[0]!;
    c.setMode(2, 1);
    c.sysreg.write('PMSCR_EL1', 0x1n); // E2H=0: the EL1 register
    expect(c.sysreg.peek('PMSCR_EL1')).toBe(1n);
    c.sysreg.write('HCR_EL2', (1n << 34n) | (1n << 31n));
    c.sysreg.write('PMSCR_EL1', 0x2n);
    expect(c.sysreg.peek('PMSCR_EL2')).toBe(2n);
    expect(c.sysreg.read('PMSCR_EL12')).toBe(1n);
    c.sysreg.write('PMSCR_EL12', 0x8n);
    expect(c.sysreg.peek('PMSCR_EL1')).toBe(8n);
  });
});

describe('MDCR_EL2.TPMS and E2PB (spe.md §3)', () => {
  const TPMS = 1n << 14n;
  const E2PB = (v: number): bigint => BigInt(v) << 12n;
  const ESR2 = (c: Machine['cpus'][number]): bigint => c.sysreg.peek('ESR_EL2');

  it('TPMS traps MRS PMSIRR_EL1 at EL1 to EL2 with EC 0x18 and the MRS ISS', () => {
    const m = machine();
    m.cpus[0]!.sysreg.poke('MDCR_EL2', TPMS | E2PB(3));
    const cpu = step(m, mrs(ENCODINGS.PMSIRR_EL1!, 3), 1);
    expect(cpu.el).toBe(2);
    // EC 0x18, IL 1; ISS: Op0=3 [21:20], Op2=3 [19:17], Op1=0, CRn=9 [13:10], Rt=3 [9:5],
    // CRm=9 [4:1], Direction=1 (read).
    expect(ESR2(cpu)).toBe(0x6236_2473n);
  });

  it('TPMS traps MSR PMSCR_EL1 (write direction) and MRS PMSIDR_EL1', () => {
    const m = machine();
    m.cpus[0]!.sysreg.poke('MDCR_EL2', TPMS | E2PB(3));
    let cpu = step(m, msr(ENCODINGS.PMSCR_EL1!, 5), 1);
    expect(cpu.el).toBe(2);
    // Op0=3, Op2=0, Op1=0, CRn=9, Rt=5, CRm=9, Direction=0.
    expect(ESR2(cpu)).toBe(0x6230_24b2n);
    cpu = step(m, mrs(ENCODINGS.PMSIDR_EL1!, 0), 1);
    expect(cpu.el).toBe(2);
    expect(ESR2(cpu) & 0x1n).toBe(1n);
  });

  it('TPMS does not trap the buffer registers, PMBIDR_EL1, or accesses at EL2', () => {
    const m = machine();
    const c = m.cpus[0]!;
    c.sysreg.poke('MDCR_EL2', TPMS | E2PB(3));
    c.setMode(1, 1);
    expect(() => c.sysreg.read('PMBPTR_EL1')).not.toThrow();
    expect(() => c.sysreg.read('PMBIDR_EL1')).not.toThrow();
    expect(() => c.sysreg.read('PMSICR_EL1')).toThrow(expect.objectContaining({ reason: 'trap' }));
    c.setMode(0, 0);
    expect(() => c.sysreg.read('PMSICR_EL1')).toThrow(
      expect.objectContaining({ reason: 'undefined' }),
    );
    c.setMode(2, 1);
    expect(() => c.sysreg.read('PMSICR_EL1')).not.toThrow();
  });

  it.each([
    [0b00, true],
    [0b01, true],
    [0b10, true],
    [0b11, false],
  ])('E2PB=%i: EL1 access to PMBLIMITR/PMBPTR/PMBSR traps: %s', (e2pb, traps) => {
    const m = machine();
    const c = m.cpus[0]!;
    c.sysreg.poke('MDCR_EL2', E2PB(e2pb));
    c.setMode(1, 1);
    for (const n of ['PMBLIMITR_EL1', 'PMBPTR_EL1', 'PMBSR_EL1']) {
      if (traps)
        expect(() => c.sysreg.write(n, 0n), n).toThrow(expect.objectContaining({ reason: 'trap' }));
      else expect(() => c.sysreg.write(n, 0n), n).not.toThrow();
    }
    expect(() => c.sysreg.read('PMSCR_EL1')).not.toThrow(); // E2PB does not cover PMS*
  });

  it('E2PB trap of MRS PMBSR_EL1 has EC 0x18 and the MRS ISS', () => {
    const m = machine();
    const cpu = step(m, mrs(ENCODINGS.PMBSR_EL1!, 7), 1); // MDCR_EL2 resets to 0: E2PB=0b00
    expect(cpu.el).toBe(2);
    // Op0=3, Op2=3, Op1=0, CRn=9, Rt=7, CRm=10, read.
    expect(ESR2(cpu)).toBe(0x6236_24f5n);
  });

  it('without EL2 nothing traps and EL1 owns the buffer', () => {
    const m = machine(['FEAT_SPE']);
    const c = m.cpus[0]!;
    c.setMode(1, 1);
    expect(() => c.sysreg.write('PMBPTR_EL1', 0x1000n)).not.toThrow();
    expect(c.sysreg.read('PMBIDR_EL1') & 0x10n).toBe(0n);
  });
});

describe('PMBIDR_EL1.P follows buffer ownership (spe.md §2)', () => {
  const p = (e2pb: number, el: number): bigint => {
    const m = machine();
    const c = m.cpus[0]!;
    c.sysreg.poke('MDCR_EL2', (1n << 14n) | (BigInt(e2pb) << 12n)); // TPMS too: PMBIDR never traps
    const cpu = step(m, mrs(ENCODINGS.PMBIDR_EL1!, 4), el);
    expect(cpu.el).toBe(el);
    return (cpu.x(4) >> 4n) & 1n;
  };
  it('reads 1 at EL1 when EL2 owns the buffer (E2PB=0b00), 0 at EL2', () => {
    expect(p(0b00, 1)).toBe(1n);
    expect(p(0b00, 2)).toBe(0n);
  });
  it('reads 0 at EL1 when EL1 owns the buffer (E2PB=0b10 or 0b11)', () => {
    expect(p(0b10, 1)).toBe(0n);
    expect(p(0b11, 1)).toBe(0n);
  });
});

describe('PSB CSYNC (HINT #17)', () => {
  it('runs psbCsync on a CPU with SPE and is a NOP hint without', () => {
    const m = machine();
    const cpu = step(m, PSB_CSYNC_WORD, 1);
    expect(cpu.get(SpeStateToken).psbCount).toBe(1);
    expect(cpu.pc).toBe(BigInt(TEST_CODE_BASE + 4));
    const other = machine(['FEAT_AA64EL2']);
    const c = step(other, PSB_CSYNC_WORD, 1);
    expect(c.pc).toBe(BigInt(TEST_CODE_BASE + 4));
    expect(c.tryGet(SpeStateToken)).toBeUndefined();
  });
});

describe('plugin options', () => {
  it('accepts writeOrder sequential | unordered (default sequential) and rejects others', () => {
    const opts = (o: unknown): unknown =>
      createMachine({
        cpus: [{ features: ['FEAT_SPE'] }],
        plugins: [{ plugin: spePlugin, options: o }],
      });
    expect(() => opts({ writeOrder: 'unordered' })).not.toThrow();
    expect(() => opts({})).not.toThrow();
    expect(() => opts({ writeOrder: 'random' })).toThrow();
    expect(speOptionsSchema.parse({})).toEqual({ writeOrder: 'sequential', irq: 21 });
  });
});
