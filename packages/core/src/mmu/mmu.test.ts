import { describe, expect, it } from 'vitest';
import { machineWithCode, TEST_CODE_BASE } from '../testing.js';
import type { Machine } from '../machine/machine.js';
import { Perm, Tlb, tlbIndex } from './tlb.js';

/**
 * Stage 1, EL1&0, 4 KB granule, T0SZ=25 (39-bit VA, start level 1):
 *   L1 at TT, L1[1] → L2 at TT+0x1000 (VA 0x4000_0000..0x7fff_ffff)
 *   L2[0] → 2 MB block identity (code at 0x4008_0000 and the vectors)
 *   L2[2] → L3 at TT+0x2000 (VA 0x4040_0000..0x405f_ffff), pages set per test
 */
const TT = 0x4020_0000;
const L3 = TT + 0x2000;
const VBAR = 0x4000_0000;
const PAGE_VA = 0x4040_0000;
const PA_A = 0x4050_0000;
const PA_B = 0x4051_0000;

const NORMAL = 0 << 2; // AttrIndx 0: MAIR 0xff
const DEVICE = 1 << 2; // AttrIndx 1: MAIR 0x00
const AF = 1 << 10;
const RO = 1 << 7;
const EL0 = 1 << 6;

function w64(m: Machine, pa: number, v: bigint): void {
  m.bus.write(pa, 8, v);
}

function pte(pa: number, attrs: number): bigint {
  return BigInt(pa) | BigInt(attrs) | 3n;
}

function setup(words: readonly number[], policy: 'walk' | 'strict' = 'walk'): Machine {
  const m = machineWithCode(words, { config: { tlbPolicy: policy } });
  const cpu = m.cpus[0]!;
  cpu.mmu.setPolicy(policy);
  for (let i = 0; i < 3 * 4096; i += 8) w64(m, TT + i, 0n);
  w64(m, TT + 8, BigInt(TT + 0x1000) | 3n);
  w64(m, TT + 0x1000, BigInt(0x4000_0000) | BigInt(AF | NORMAL | (3 << 8)) | 1n);
  w64(m, TT + 0x1000 + 2 * 8, BigInt(L3) | 3n);
  w64(m, L3, pte(PA_A, AF | NORMAL));
  m.bus.write(PA_A, 8, 0x1111_1111_aaaa_aaaan);
  m.bus.write(PA_B, 8, 0x2222_2222_bbbb_bbbbn);
  cpu.sysreg.poke('VBAR_EL1', BigInt(VBAR));
  cpu.sysreg.poke('MAIR_EL1', 0x00ffn);
  // T0SZ=25, EPD1, IPS=48 bits
  cpu.sysreg.poke('TCR_EL1', 25n | (1n << 23n) | (5n << 32n));
  cpu.sysreg.poke('TTBR0_EL1', BigInt(TT));
  cpu.sysreg.poke('SCTLR_EL1', cpu.sysreg.peek('SCTLR_EL1') | 1n);
  cpu.setX(1, BigInt(PAGE_VA));
  return m;
}

const LDR_X0_X1 = 0xf9400020;
const STR_X0_X1 = 0xf9000020;
const LDR_W0_X1_2 = 0xb8402020; // ldur w0, [x1, #2]
const TLBI_VAE1_X2 = 0xd5088722;
const TLBI_VMALLE1 = 0xd508871f;
const DSB_ISH = 0xd5033b9f;
const AT_S1E1R_X1 = 0xd5087801;
const AT_S1E0W_X1 = 0xd5087861;

function esr(m: Machine): number {
  return Number(m.cpus[0]!.sysreg.peek('ESR_EL1'));
}

describe('stage 1 (EL1&0, 4 KB granule)', () => {
  it('translates through a page to a non-identity PA', () => {
    const m = setup([LDR_X0_X1]);
    m.run({ maxInstructions: 1 });
    expect(m.cpus[0]!.x(0)).toBe(0x1111_1111_aaaa_aaaan);
    expect(m.cpus[0]!.pc).toBe(BigInt(TEST_CODE_BASE + 4));
  });

  it('a store to a read-only page takes a level-3 permission fault (WnR=1)', () => {
    const m = setup([STR_X0_X1]);
    w64(m, L3, pte(PA_A, AF | NORMAL | RO));
    m.run({ maxInstructions: 1 });
    expect(esr(m)).toBe(((0x25 << 26) | (1 << 25) | (1 << 6) | 0x0f) >>> 0);
    expect(m.cpus[0]!.sysreg.peek('FAR_EL1')).toBe(BigInt(PAGE_VA));
    expect(m.cpus[0]!.pc).toBe(BigInt(VBAR + 0x200));
  });

  it('AF=0 takes an access flag fault before the permission check', () => {
    const m = setup([STR_X0_X1]);
    w64(m, L3, pte(PA_A, NORMAL | RO));
    m.run({ maxInstructions: 1 });
    expect(esr(m) & 0x7f).toBe(0x40 | 0x0b);
  });

  it('an invalid level-2 entry is a level-2 translation fault', () => {
    const m = setup([LDR_X0_X1]);
    m.cpus[0]!.setX(1, 0x4060_0000n);
    m.run({ maxInstructions: 1 });
    expect(esr(m) & 0x3f).toBe(0x06);
    expect(m.cpus[0]!.sysreg.peek('FAR_EL1')).toBe(0x4060_0000n);
  });

  it('a VA outside T0SZ is a level-0 translation fault', () => {
    const m = setup([LDR_X0_X1]);
    m.cpus[0]!.setX(1, 0x80_0000_0000n);
    m.run({ maxInstructions: 1 });
    expect(esr(m) & 0x3f).toBe(0x04);
  });

  it('an unaligned access to Device memory takes an alignment fault', () => {
    const m = setup([LDR_W0_X1_2]);
    w64(m, L3, pte(PA_A, AF | DEVICE));
    m.run({ maxInstructions: 1 });
    expect(esr(m) & 0x3f).toBe(0x21);
    // Normal memory: allowed
    const n = setup([LDR_W0_X1_2]);
    n.run({ maxInstructions: 1 });
    expect(n.cpus[0]!.x(0)).toBe((0xaaaa_aaaan >> 16n) | 0x1111_0000n);
  });

  it('instruction fetch from a UXN/PXN page is a permission fault (EC 0x21)', () => {
    const m = setup([0xd61f0020 /* br x1 */]);
    w64(m, L3, pte(PA_A, AF | NORMAL) | (1n << 53n));
    m.run({ maxInstructions: 2 });
    expect(esr(m)).toBe(((0x21 << 26) | (1 << 25) | 0x0f) >>> 0);
    expect(m.cpus[0]!.sysreg.peek('ELR_EL1')).toBe(BigInt(PAGE_VA));
  });

  it('AT S1E1R / S1E0W write PAR_EL1', () => {
    const m = setup([AT_S1E1R_X1, AT_S1E0W_X1]);
    m.run({ maxInstructions: 1 });
    const par = m.cpus[0]!.sysreg.peek('PAR_EL1');
    expect(par & 1n).toBe(0n);
    expect(par & 0xffff_ffff_f000n).toBe(BigInt(PA_A));
    expect(par >> 56n).toBe(0xffn);
    m.run({ maxInstructions: 1 });
    const par2 = m.cpus[0]!.sysreg.peek('PAR_EL1');
    // no EL0 access: permission fault, level 3
    expect(par2 & 0x7fn).toBe(1n | (0x0fn << 1n));
  });

  it('EL0-accessible pages: EL0 permissions from AP[1]', () => {
    const m = setup([AT_S1E0W_X1]);
    w64(m, L3, pte(PA_A, AF | NORMAL | EL0));
    m.run({ maxInstructions: 1 });
    expect(m.cpus[0]!.sysreg.peek('PAR_EL1') & 1n).toBe(0n);
  });
});

describe('TLB policies', () => {
  const prog = [LDR_X0_X1, LDR_X0_X1, TLBI_VAE1_X2, LDR_X0_X1, DSB_ISH, LDR_X0_X1];

  function remapAfterFirstLoad(policy: 'walk' | 'strict'): bigint[] {
    const m = setup(prog, policy);
    const cpu = m.cpus[0]!;
    cpu.setX(2, BigInt(PAGE_VA >>> 12));
    const seen: bigint[] = [];
    m.run({ maxInstructions: 1 });
    seen.push(cpu.x(0));
    // The guest's page table changes without a TLBI (as a store by another agent would).
    w64(m, L3, pte(PA_B, AF | NORMAL));
    m.run({ maxInstructions: 1 });
    seen.push(cpu.x(0));
    m.run({ maxInstructions: 2 }); // TLBI VAE1, then a load before any DSB
    seen.push(cpu.x(0));
    m.run({ maxInstructions: 2 }); // DSB ISH, load
    seen.push(cpu.x(0));
    return seen;
  }

  it('walk: a table change takes effect at once', () => {
    expect(remapAfterFirstLoad('walk')).toEqual([
      0x1111_1111_aaaa_aaaan,
      0x2222_2222_bbbb_bbbbn,
      0x2222_2222_bbbb_bbbbn,
      0x2222_2222_bbbb_bbbbn,
    ]);
  });

  it('strict: the stale translation stays until TLBI VAE1 completes at the next DSB', () => {
    expect(remapAfterFirstLoad('strict')).toEqual([
      0x1111_1111_aaaa_aaaan,
      0x1111_1111_aaaa_aaaan, // table changed, no TLBI: stale
      0x1111_1111_aaaa_aaaan, // TLBI issued but no DSB yet: still stale
      0x2222_2222_bbbb_bbbbn, // after DSB ISH
    ]);
  });

  it('strict: a TTBR change without TLBI keeps the old ASID-0 entries; TLBI VMALLE1 drops them', () => {
    const m = setup([LDR_X0_X1, LDR_X0_X1, TLBI_VMALLE1, DSB_ISH, LDR_X0_X1], 'strict');
    const cpu = m.cpus[0]!;
    m.run({ maxInstructions: 1 });
    // A second table set: same shape, the page maps PA_B.
    const TT2 = 0x4030_0000;
    for (let i = 0; i < 3 * 4096; i += 8) w64(m, TT2 + i, m.bus.read(TT + i, 8));
    w64(m, TT2 + 8, BigInt(TT2 + 0x1000) | 3n);
    w64(m, TT2 + 0x1000 + 16, BigInt(TT2 + 0x2000) | 3n);
    w64(m, TT2 + 0x2000, pte(PA_B, AF | NORMAL));
    cpu.sysreg.poke('TTBR0_EL1', BigInt(TT2));
    m.run({ maxInstructions: 1 });
    expect(cpu.x(0)).toBe(0x1111_1111_aaaa_aaaan);
    m.run({ maxInstructions: 3 });
    expect(cpu.x(0)).toBe(0x2222_2222_bbbb_bbbbn);
  });
});

describe('Tlb', () => {
  it('tags entries by context and ASID; global entries match any ASID', () => {
    const t = new Tlb();
    t.fill(0x1000, 0, 0, 5, Perm.R1, 0x8000, -1, 12, 0);
    expect(t.find(0x1000, 0, 0, 5)).toBe(tlbIndex(0x1000, 0));
    expect(t.find(0x1000, 0, 0, 6)).toBe(-1);
    expect(t.find(0x1000, 0, 1, 5)).toBe(-1);
    t.fill(0x1000, 0, 0, -1, Perm.R1, 0x8000, -1, 12, 0);
    expect(t.find(0x1000, 0, 0, 6)).toBe(tlbIndex(0x1000, 0));
  });

  it('TLBI by VA removes every fragment of a block', () => {
    const t = new Tlb();
    t.fill(0x20_0000, 0, 0, -1, Perm.R1, 0x4000_0000, -1, 21, 0);
    t.fill(0x20_3000, 0, 0, -1, Perm.R1, 0x4000_3000, -1, 21, 0);
    t.fill(0x40_0000, 0, 0, -1, Perm.R1, 0x4020_0000, -1, 21, 0);
    t.invalidate(-1, 0, 7, true, 0x20_5000, 0);
    expect(t.find(0x20_0000, 0, 0, 7)).toBe(-1);
    expect(t.find(0x20_3000, 0, 0, 7)).toBe(-1);
    expect(t.find(0x40_0000, 0, 0, 7)).not.toBe(-1);
  });

  it('ASID invalidation spares global entries', () => {
    const t = new Tlb();
    t.fill(0x1000, 0, 0, 3, Perm.R1, 0, -1, 12, 0);
    t.fill(0x2000, 0, 0, -1, Perm.R1, 0, -1, 12, 0);
    t.invalidate(-1, 0, 3, false, 0, undefined);
    expect(t.find(0x1000, 0, 0, 3)).toBe(-1);
    expect(t.find(0x2000, 0, 0, 3)).not.toBe(-1);
  });
});

describe('LDTR/STTR', () => {
  const LDTR_X0_X1 = 0xf8400820;
  const STTR_X0_X1 = 0xf8000820;

  it('check EL0 permissions at EL1', () => {
    const m = setup([LDTR_X0_X1]);
    m.run({ maxInstructions: 1 });
    expect(esr(m)).toBe(((0x25 << 26) | (1 << 25) | 0x0f) >>> 0);
    const ok = setup([LDTR_X0_X1, LDR_X0_X1]);
    w64(ok, L3, pte(PA_A, AF | NORMAL | EL0));
    ok.run({ maxInstructions: 1 });
    expect(ok.cpus[0]!.x(0)).toBe(0x1111_1111_aaaa_aaaan);
  });

  it('STTR to an EL0 read-only page faults with WnR; ordinary stores afterwards are not affected', () => {
    const m = setup([STTR_X0_X1]);
    w64(m, L3, pte(PA_A, AF | NORMAL | EL0 | RO));
    m.run({ maxInstructions: 1 });
    expect(esr(m) & 0x7f).toBe(0x40 | 0x0f);
    const n = setup([LDTR_X0_X1, STR_X0_X1]);
    n.run({ maxInstructions: 1 }); // faults (no EL0 access)
    n.cpus[0]!.pc = BigInt(TEST_CODE_BASE + 4);
    n.run({ maxInstructions: 1 });
    expect(n.bus.read(PA_A, 8)).toBe(n.cpus[0]!.x(0));
    expect(n.cpus[0]!.pc).toBe(BigInt(TEST_CODE_BASE + 8));
  });
});

describe('EL2 and EL2&0 regimes', () => {
  function el2Setup(e2h: boolean, words: readonly number[]): Machine {
    const m = machineWithCode(words, {
      el: 2,
      config: { cpus: [{ features: ['FEAT_AA64EL2', 'FEAT_VHE'] }] },
    });
    const cpu = m.cpus[0]!;
    for (let i = 0; i < 3 * 4096; i += 8) w64(m, TT + i, 0n);
    w64(m, TT + 8, BigInt(TT + 0x1000) | 3n);
    w64(m, TT + 0x1000, BigInt(0x4000_0000) | BigInt(AF | NORMAL) | 1n);
    w64(m, TT + 0x1000 + 16, BigInt(L3) | 3n);
    w64(m, L3, pte(PA_A, AF | NORMAL | RO));
    m.bus.write(PA_A, 8, 0x1111_1111_aaaa_aaaan);
    cpu.sysreg.poke('VBAR_EL2', BigInt(VBAR));
    cpu.sysreg.poke('MAIR_EL2', 0x00ffn);
    if (e2h) {
      cpu.sysreg.poke('HCR_EL2', (1n << 34n) | (1n << 31n));
      // EL1 format: T0SZ=25, T1SZ=25 (TG1 = 4 KB), IPS 48 bits; TTBR1 → the same tables.
      cpu.sysreg.poke('TCR_EL2', 25n | (25n << 16n) | (2n << 30n) | (5n << 32n));
      cpu.sysreg.poke('TTBR1_EL2', BigInt(TT));
    } else cpu.sysreg.poke('TCR_EL2', 25n | (5n << 16n));
    cpu.sysreg.poke('TTBR0_EL2', BigInt(TT));
    cpu.sysreg.poke('SCTLR_EL2', cpu.sysreg.peek('SCTLR_EL2') | 1n);
    cpu.setX(1, BigInt(PAGE_VA));
    return m;
  }

  it('EL2 (E2H=0): one VA range, AP[2] read-only', () => {
    const m = el2Setup(false, [LDR_X0_X1, STR_X0_X1]);
    m.run({ maxInstructions: 2 });
    const cpu = m.cpus[0]!;
    expect(cpu.x(0)).toBe(0x1111_1111_aaaa_aaaan);
    expect(Number(cpu.sysreg.peek('ESR_EL2'))).toBe(((0x25 << 26) | (1 << 25) | 0x4f) >>> 0);
    expect(cpu.sysreg.peek('FAR_EL2')).toBe(BigInt(PAGE_VA));
  });

  it('EL2&0 (E2H=1): TTBR1_EL2 translates the upper range', () => {
    const m = el2Setup(true, [LDR_X0_X1]);
    const cpu = m.cpus[0]!;
    // T1SZ=25: the upper range is 0xffff_ff80_0000_0000..; index bits as in the lower range.
    cpu.setX(1, 0xffff_ff80_0000_0000n + BigInt(PAGE_VA));
    m.run({ maxInstructions: 1 });
    expect(cpu.x(0)).toBe(0x1111_1111_aaaa_aaaan);
    expect(cpu.mmu.regime).toBe(2);
  });
});

describe('probe', () => {
  it('translates without faulting or filling the TLB', () => {
    const m = setup([]);
    const mmu = m.cpus[0]!.mmu;
    const misses = mmu.tlb.misses;
    expect(mmu.probe(PAGE_VA + 0x10, 0)).toBe(PA_A + 0x10);
    expect(mmu.probe(0x4060_0000, 0)).toBe(-1);
    expect(mmu.tlb.misses).toBe(misses);
    expect(mmu.tlb.find(PAGE_VA, 0, 0, 0)).toBe(-1);
  });
});
