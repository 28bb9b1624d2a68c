import { describe, expect, it } from 'vitest';
import type { Cpu } from '../cpu/cpu.js';
import { createMachine, type Machine } from '../machine/machine.js';
import { machineWithCode, runToEnd, TEST_CODE_BASE } from '../testing.js';

/*
 * Exclusives, acquire/release and LSE atomics. Instruction words were assembled with GNU as
 * (aarch64-linux-gnu, binutils 2.40) and are given with their assembly; the table-driven LSE
 * tests build words with the encoders below, which are checked against GNU as first.
 */

const DATA = 0x4020_0000;
const VBAR = 0x4010_0000;
const GARBAGE = 0xdead_beef_dead_beefn;
const CODE = BigInt(TEST_CODE_BASE);

const UNDEF = 0x0200_0000;
const ALIGN_RD = 0x9600_0021;
const ALIGN_WR = 0x9600_0061;
const SP_ALIGN = 0x9a00_0000;

interface Setup {
  m: Machine;
  cpu: Cpu;
}

function setup(words: readonly number[], features: string[] = ['FEAT_LSE']): Setup {
  const m = machineWithCode(words, { config: { cpus: [{ features }] } });
  const cpu = m.cpus[0]!;
  cpu.sysreg.poke('VBAR_EL1', BigInt(VBAR));
  m.bus.write(DATA, 8, 0x0706_0504_0302_0100n);
  m.bus.write(DATA + 8, 8, 0x0f0e_0d0c_0b0a_0908n);
  return { m, cpu };
}

function run(words: readonly number[], regs: Record<number, bigint> = {}): Setup {
  const s = setup(words);
  for (const [r, v] of Object.entries(regs)) s.cpu.setX(Number(r), v);
  runToEnd(s.m, words.length);
  return s;
}

/** Runs the first instruction, expecting it to take a synchronous exception to EL1. */
function fault(
  words: readonly number[],
  regs: Record<number, bigint>,
  esr: number,
  far?: bigint,
  features?: string[],
): Setup {
  const s = setup(words, features);
  for (const [r, v] of Object.entries(regs)) s.cpu.setX(Number(r), v);
  s.m.run({ maxInstructions: 1 });
  expect(s.cpu.pc).toBe(BigInt(VBAR + 0x200));
  expect(s.cpu.sysreg.peek('ELR_EL1')).toBe(CODE);
  expect(s.cpu.sysreg.peek('ESR_EL1')).toBe(BigInt(esr));
  if (far !== undefined) expect(s.cpu.sysreg.peek('FAR_EL1')).toBe(far);
  return s;
}

const mem = (m: Machine, pa: number, n: 1 | 2 | 4 | 8): bigint => m.bus.read(pa, n);
const mask = (n: number): bigint => (1n << BigInt(8 * n)) - 1n;

describe('load/store exclusive', () => {
  const pairs: [number, number, string, 1 | 2 | 4 | 8][] = [
    [0x085f7c20, 0x08027c23, 'ldxrb w0, [x1]; stxrb w2, w3, [x1]', 1],
    [0x485f7c20, 0x48027c23, 'ldxrh w0, [x1]; stxrh w2, w3, [x1]', 2],
    [0x885f7c20, 0x88027c23, 'ldxr w0, [x1]; stxr w2, w3, [x1]', 4],
    [0xc85f7c20, 0xc8027c23, 'ldxr x0, [x1]; stxr w2, x3, [x1]', 8],
    [0x085ffc20, 0x0802fc23, 'ldaxrb w0, [x1]; stlxrb w2, w3, [x1]', 1],
    [0x485ffc20, 0x4802fc23, 'ldaxrh w0, [x1]; stlxrh w2, w3, [x1]', 2],
    [0x885ffc20, 0x8802fc23, 'ldaxr w0, [x1]; stlxr w2, w3, [x1]', 4],
    [0xc85ffc20, 0xc802fc23, 'ldaxr x0, [x1]; stlxr w2, x3, [x1]', 8],
  ];
  const NEW = 0x8899_aabb_ccdd_eeffn;
  for (const [ld, st, asm, n] of pairs)
    it(`${asm}: success`, () => {
      const { m, cpu } = run([ld, st], {
        0: GARBAGE,
        1: BigInt(DATA + 8),
        2: GARBAGE,
        3: NEW,
      });
      expect(cpu.x(0)).toBe(0x0f0e_0d0c_0b0a_0908n & mask(n));
      expect(cpu.x(2)).toBe(0n); // status, W register: the whole X is 0
      expect(mem(m, DATA + 8, n)).toBe(NEW & mask(n));
      if (n < 8) expect(mem(m, DATA + 8 + n, 1)).toBe(BigInt(8 + n)); // next byte untouched
      expect(cpu.exclusivePa).toBe(-1); // a STXR always clears the monitor
    });

  const LDXR = 0xc85f7c20; // ldxr x0, [x1]
  const STXR = 0xc8027c23; // stxr w2, x3, [x1]
  const CLREX = 0xd5033f5f; // clrex
  const failure = (words: number[], regs: Record<number, bigint> = {}): Setup => {
    const s = run(words, { 1: BigInt(DATA), 2: GARBAGE, 3: 0x1111n, 4: BigInt(DATA), ...regs });
    expect(s.cpu.x(2)).toBe(1n);
    expect(mem(s.m, DATA, 8)).toBe(0x0706_0504_0302_0100n);
    return s;
  };

  it('STXR without a preceding LDXR fails', () => {
    failure([STXR]);
  });

  it('CLREX between LDXR and STXR makes it fail', () => {
    failure([LDXR, CLREX, STXR]);
  });

  it('a second STXR fails after a successful one', () => {
    const s = run([LDXR, STXR, 0xc8047c23 /* stxr w4, x3, [x1] */], {
      1: BigInt(DATA),
      3: 0x3333n,
    });
    expect(s.cpu.x(2)).toBe(0n);
    expect(s.cpu.x(4)).toBe(1n);
    expect(mem(s.m, DATA, 8)).toBe(0x3333n);
  });

  it('the STXR address must be exactly the LDXR address (as QEMU)', () => {
    failure([LDXR, 0xc8027c83 /* stxr w2, x3, [x4] */], { 4: BigInt(DATA + 8) });
  });

  it('the most recent exclusive load sets the monitor', () => {
    failure([LDXR, 0xc85f7c80 /* ldxr x0, [x4] */, STXR], { 4: BigInt(DATA + 0x100) });
  });

  it("this CPU's own store to the reserved granule clears the reservation", () => {
    // QEMU would succeed here when the value at the exclusive address is unchanged.
    failure([LDXR, 0xf9000020 /* str x0, [x1] (same value) */, STXR]);
    failure([LDXR, 0xf9000427 /* str x7, [x1, #8] (same granule) */, STXR]);
  });

  it('a store to another granule does not', () => {
    const s = run([LDXR, 0xf9000087 /* str x7, [x4] */, STXR], {
      1: BigInt(DATA),
      3: 0x5555n,
      4: BigInt(DATA + 64),
    });
    expect(s.cpu.x(2)).toBe(0n);
    expect(mem(s.m, DATA, 8)).toBe(0x5555n);
  });

  it('memory changed behind the CPU (bus write) fails the value check (as QEMU)', () => {
    for (const [ld, st] of [
      [LDXR, STXR],
      [0x885f7c20 /* ldxr w0, [x1] */, 0x88027c23 /* stxr w2, w3, [x1] */],
      [0x887f1420 /* ldxp w0, w5, [x1] */, 0x88221823 /* stxp w2, w3, w6, [x1] */],
      [0xc87f1420 /* ldxp x0, x5, [x1] */, 0xc8221823 /* stxp w2, x3, x6, [x1] */],
    ])
      for (const [value, status] of [
        [0x1234n, 1n],
        [0x0706_0504_0302_0100n, 0n],
      ] as const) {
        const s = setup([ld, st]);
        s.cpu.setX(1, BigInt(DATA));
        s.cpu.setX(3, 0x9999n);
        s.m.run({ maxInstructions: 1 });
        s.m.bus.write(DATA, 8, value);
        runToEnd(s.m, 2);
        expect(s.cpu.x(2)).toBe(status);
      }
  });

  it('a store by another CPU to the reserved granule makes the STXR fail', () => {
    for (const [offset, status] of [
      [8, 1n], // same 64-byte granule
      [64, 0n], // the next one
    ] as const) {
      const m = createMachine({ cpus: [{ count: 2, features: ['FEAT_LSE'] }], quantum: 1 });
      const [c0, c1] = [m.cpus[0]!, m.cpus[1]!];
      const code1 = TEST_CODE_BASE + 0x1000;
      const nop = 0xd503201f;
      [LDXR, nop, STXR].forEach((w, i) => m.bus.write32(TEST_CODE_BASE + 4 * i, w));
      [0xf9000087 /* str x7, [x4] */, nop].forEach((w, i) => m.bus.write32(code1 + 4 * i, w));
      for (const c of [c0, c1]) {
        c.setMode(1, 1);
        c.setX(1, BigInt(DATA));
        c.setX(2, GARBAGE);
        c.setX(4, BigInt(DATA + offset));
      }
      c0.pc = CODE;
      c1.pc = BigInt(code1);
      // quantum 1: c0 LDXR, c1 STR, c0 NOP, c1 NOP, c0 STXR
      m.run({ maxInstructions: 5 });
      expect(c0.pc).toBe(CODE + 12n);
      expect(c0.x(2)).toBe(status);
    }
  });

  it('taking an exception keeps the reservation (as QEMU)', () => {
    const s = setup([LDXR, 0xd4000001 /* svc #0 */]);
    s.m.bus.write32(VBAR + 0x200, STXR);
    s.cpu.setX(1, BigInt(DATA));
    s.cpu.setX(3, 0x7777n);
    s.m.run({ maxInstructions: 3 });
    expect(s.cpu.x(2)).toBe(0n);
    expect(mem(s.m, DATA, 8)).toBe(0x7777n);
  });

  it('ERET clears the exclusive monitor (as the Arm ARM and QEMU do)', () => {
    // LDXR; SVC #0 → the handler ERETs straight back; STXR must then fail.
    const s = setup([LDXR, 0xd4000001 /* svc #0 */, STXR]);
    s.m.bus.write32(VBAR + 0x200, 0xd69f03e0 /* eret */);
    s.cpu.setX(1, BigInt(DATA));
    s.cpu.setX(3, 0x7777n);
    s.m.run({ maxInstructions: 4 });
    expect(s.cpu.pc).toBe(CODE + 12n);
    expect(s.cpu.x(2)).toBe(1n);
    expect(mem(s.m, DATA, 8)).toBe(0x0706_0504_0302_0100n);
  });

  it('LDXP/STXP (W and X) and the acquire/release forms', () => {
    const cases: [number, number, string, 4 | 8][] = [
      [0x887f1420, 0x88221823, 'ldxp w0, w5, [x1]; stxp w2, w3, w6, [x1]', 4],
      [0xc87f1420, 0xc8221823, 'ldxp x0, x5, [x1]; stxp w2, x3, x6, [x1]', 8],
      [0x887f9420, 0x88229823, 'ldaxp w0, w5, [x1]; stlxp w2, w3, w6, [x1]', 4],
      [0xc87f9420, 0xc8229823, 'ldaxp x0, x5, [x1]; stlxp w2, x3, x6, [x1]', 8],
    ];
    for (const [ld, st, , n] of cases) {
      const A = 0x1111_2222_3333_4444n;
      const B = 0x5555_6666_7777_8888n;
      const s = run([ld, st], { 0: GARBAGE, 5: GARBAGE, 1: BigInt(DATA), 2: GARBAGE, 3: A, 6: B });
      expect(s.cpu.x(0)).toBe(0x0706_0504_0302_0100n & mask(n));
      expect(s.cpu.x(5)).toBe((n === 4 ? 0x0706_0504n : 0x0f0e_0d0c_0b0a_0908n) & mask(n));
      expect(s.cpu.x(2)).toBe(0n);
      expect(mem(s.m, DATA, n)).toBe(A & mask(n));
      expect(mem(s.m, DATA + n, n)).toBe(B & mask(n));
    }
  });

  it('LDXP with Rt == Rt2 leaves the second element (as QEMU)', () => {
    const s = run([0xc87f0020 /* ldxp x0, x0, [x1] */], { 1: BigInt(DATA) });
    expect(s.cpu.x(0)).toBe(0x0f0e_0d0c_0b0a_0908n);
  });

  it('STXP fails after CLREX', () => {
    const s = run([0xc87f1420, CLREX, 0xc8221823], { 1: BigInt(DATA), 3: 1n, 6: 2n });
    expect(s.cpu.x(2)).toBe(1n);
    expect(mem(s.m, DATA, 8)).toBe(0x0706_0504_0302_0100n);
  });

  it('misaligned exclusives fault whatever SCTLR_EL1.A says', () => {
    fault([LDXR], { 1: BigInt(DATA + 4) }, ALIGN_RD, BigInt(DATA + 4));
    fault([0x485ffc20 /* ldaxrh w0, [x1] */], { 1: BigInt(DATA + 1) }, ALIGN_RD);
    fault([0xc87f1420 /* ldxp x0, x5, [x1] */], { 1: BigInt(DATA + 8) }, ALIGN_RD);
    fault([0x887f1420 /* ldxp w0, w5, [x1] */], { 1: BigInt(DATA + 4) }, ALIGN_RD);
    // Checked before the monitor, as a write (QEMU 7.2 returns status 1 here instead).
    const s = fault([STXR], { 1: BigInt(DATA + 4), 2: GARBAGE }, ALIGN_WR, BigInt(DATA + 4));
    expect(s.cpu.x(2)).toBe(GARBAGE);
  });

  it('SP as the base, with the SP alignment check', () => {
    const t = setup([0xc85f7fe0 /* ldxr x0, [sp] */]);
    t.cpu.sp = BigInt(DATA);
    runToEnd(t.m, 1);
    expect(t.cpu.x(0)).toBe(0x0706_0504_0302_0100n);
    const u = setup([0xc85f7fe0]);
    u.cpu.sysreg.poke('SCTLR_EL1', u.cpu.sysreg.peek('SCTLR_EL1') | 8n);
    u.cpu.sp = BigInt(DATA + 8);
    u.m.run({ maxInstructions: 1 });
    expect(u.cpu.sysreg.peek('ESR_EL1')).toBe(BigInt(SP_ALIGN));
  });
});

describe('load-acquire / store-release', () => {
  const loads: [number, string, 1 | 2 | 4 | 8][] = [
    [0x08dffc20, 'ldarb w0, [x1]', 1],
    [0x48dffc20, 'ldarh w0, [x1]', 2],
    [0x88dffc20, 'ldar w0, [x1]', 4],
    [0xc8dffc20, 'ldar x0, [x1]', 8],
  ];
  for (const [word, asm, n] of loads)
    it(asm, () => {
      const { cpu } = run([word], { 0: GARBAGE, 1: BigInt(DATA + 8) });
      expect(cpu.x(0)).toBe(0x0f0e_0d0c_0b0a_0908n & mask(n));
    });

  const stores: [number, string, 1 | 2 | 4 | 8][] = [
    [0x089ffc23, 'stlrb w3, [x1]', 1],
    [0x489ffc23, 'stlrh w3, [x1]', 2],
    [0x889ffc23, 'stlr w3, [x1]', 4],
    [0xc89ffc23, 'stlr x3, [x1]', 8],
  ];
  for (const [word, asm, n] of stores)
    it(asm, () => {
      const V = 0x8182_8384_8586_8788n;
      const { m } = run([word], { 3: V, 1: BigInt(DATA) });
      expect(mem(m, DATA, n)).toBe(V & mask(n));
      if (n < 8) expect(mem(m, DATA + n, 1)).toBe(BigInt(n));
    });

  it('misaligned: alignment fault (LDAR WnR=0, STLR WnR=1, as QEMU)', () => {
    fault([0xc8dffc20 /* ldar x0, [x1] */], { 1: BigInt(DATA + 4) }, ALIGN_RD, BigInt(DATA + 4));
    fault([0x889ffc23 /* stlr w3, [x1] */], { 1: BigInt(DATA + 2) }, ALIGN_WR, BigInt(DATA + 2));
    fault([0x48dffc20 /* ldarh w0, [x1] */], { 1: BigInt(DATA + 1) }, ALIGN_RD);
  });

  it('LDLAR/STLLR (FEAT_LOR) and, without FEAT_LRCPC(2), LDAPR/LDAPUR are UNDEFINED', () => {
    for (const w of [
      0xc8df7c20, // ldlar x0, [x1]
      0xc89f7c20, // stllr x0, [x1]
      0xf8bfc020, // ldapr x0, [x1]
      0x38bfc020, // ldaprb w0, [x1]
      0xd95f8020, // ldapur x0, [x1, #-8]
      0x99004023, // stlur w3, [x1, #4]
    ])
      fault([w], { 1: BigInt(DATA + 8) }, UNDEF);
  });

  it('LDAPR and LDAPUR/STLUR on a CPU with FEAT_LRCPC and FEAT_LRCPC2', () => {
    const words = [
      0xf8bfc020, // ldapr x0, [x1]
      0x38bfc025, // ldaprb w5, [x1]
      0xd95f8026, // ldapur x6, [x1, #-8]
      0x99004023, // stlur w3, [x1, #4]
      0x19801027, // ldapursb x7, [x1, #1]
      0x59c02028, // ldapursh w8, [x1, #2]
      0x99804029, // ldapursw x9, [x1, #4]
      0x191ff023, // stlurb w3, [x1, #-1]
    ];
    const m = machineWithCode(words, {
      config: {
        cpus: [{ features: ['FEAT_LRCPC', 'FEAT_LRCPC2'] }],
      },
    });
    const cpu = m.cpus[0]!;
    m.bus.write(DATA, 8, 0x0706_0504_0302_0100n);
    m.bus.write(DATA + 8, 8, 0x8f8e_8d8c_8b8a_8988n);
    m.bus.write(DATA + 16, 8, 0x1716_1514_1312_1110n);
    cpu.setX(1, BigInt(DATA + 8));
    cpu.setX(3, 0xa1a2_a3a4n);
    for (const r of [5, 6, 7, 8, 9]) cpu.setX(r, GARBAGE);
    runToEnd(m, words.length);
    expect(cpu.x(0)).toBe(0x8f8e_8d8c_8b8a_8988n);
    expect(cpu.x(5)).toBe(0x88n);
    expect(cpu.x(6)).toBe(0x0706_0504_0302_0100n);
    expect(cpu.x(7)).toBe(0xffff_ffff_ffff_ff89n);
    expect(cpu.x(8)).toBe(0xffff_8b8an);
    expect(cpu.x(9)).toBe(0xffff_ffff_a1a2_a3a4n); // stored by the STLUR before it
    expect(mem(m, DATA + 7, 1)).toBe(0xa4n);

    // Misaligned: alignment faults (QEMU 7.2 agrees for LDAPUR/STLUR; its LDAPR does not check)
    for (const [word, x1, esr, far] of [
      [0xd95f8026 /* ldapur x6, [x1, #-8] */, DATA + 9, ALIGN_RD, DATA + 1],
      [0x99004023 /* stlur w3, [x1, #4] */, DATA + 2, ALIGN_WR, DATA + 6],
      [0xf8bfc020 /* ldapr x0, [x1] */, DATA + 4, ALIGN_RD, DATA + 4],
    ]) {
      m.bus.write32(TEST_CODE_BASE, word);
      cpu.sysreg.poke('VBAR_EL1', BigInt(VBAR));
      cpu.setMode(1, 1);
      cpu.setX(1, BigInt(x1));
      cpu.pc = CODE;
      m.run({ maxInstructions: 1 });
      expect(cpu.sysreg.peek('ESR_EL1')).toBe(BigInt(esr));
      expect(cpu.sysreg.peek('FAR_EL1')).toBe(BigInt(far));
    }
  });
});

// ---- LSE ------------------------------------------------------------------------------------

/** Atomic memory operation: LD<op>/SWP (Arm ARM C4.1, "Atomic memory operations"). */
const amo = (
  size: number,
  a: number,
  r: number,
  o3: number,
  opc: number,
  rs: number,
  rn: number,
  rt: number,
) =>
  ((size << 30) |
    0x3820_0000 |
    (a << 23) |
    (r << 22) |
    (rs << 16) |
    (o3 << 15) |
    (opc << 12) |
    (rn << 5) |
    rt) >>>
  0;
/** CAS (L = acquire, o0 = release). */
const casw = (size: number, l: number, o0: number, rs: number, rn: number, rt: number) =>
  ((size << 30) | 0x08a0_7c00 | (l << 22) | (rs << 16) | (o0 << 15) | (rn << 5) | rt) >>> 0;

describe('LSE encoders match GNU as', () => {
  it('amo and cas', () => {
    expect(amo(0, 1, 1, 0, 0, 2, 1, 0)).toBe(0x38e20020); // ldaddalb w2, w0, [x1]
    expect(amo(3, 0, 0, 0, 4, 2, 1, 0)).toBe(0xf8224020); // ldsmax x2, x0, [x1]
    expect(amo(2, 0, 1, 1, 0, 2, 1, 0)).toBe(0xb8628020); // swpl w2, w0, [x1]
    expect(amo(1, 0, 0, 0, 7, 2, 1, 31)).toBe(0x7822703f); // stuminh w2, [x1]
    expect(amo(3, 1, 0, 0, 1, 2, 1, 0)).toBe(0xf8a21020); // ldclra x2, x0, [x1]
    expect(amo(1, 0, 0, 0, 2, 2, 1, 0)).toBe(0x78222020); // ldeorh w2, w0, [x1]
    expect(casw(0, 0, 0, 2, 1, 3)).toBe(0x08a27c23); // casb w2, w3, [x1]
    expect(casw(1, 1, 1, 2, 1, 3)).toBe(0x48e2fc23); // casalh w2, w3, [x1]
    expect(casw(2, 1, 0, 2, 1, 3)).toBe(0x88e27c23); // casa w2, w3, [x1]
    expect(casw(3, 0, 1, 2, 1, 3)).toBe(0xc8a2fc23); // casl x2, x3, [x1]
  });
});

type Op = (m: bigint, s: bigint, n: number) => bigint;
const signed = (v: bigint, n: number): bigint => BigInt.asIntN(8 * n, v);
const OPS: [string, number, number, Op][] = [
  ['LDADD', 0, 0, (m, s, n) => (m + s) & mask(n)],
  ['LDCLR', 0, 1, (m, s) => m & ~s],
  ['LDEOR', 0, 2, (m, s) => m ^ s],
  ['LDSET', 0, 3, (m, s) => m | s],
  ['LDSMAX', 0, 4, (m, s, n) => (signed(m, n) > signed(s, n) ? m : s)],
  ['LDSMIN', 0, 5, (m, s, n) => (signed(m, n) < signed(s, n) ? m : s)],
  ['LDUMAX', 0, 6, (m, s) => (m > s ? m : s)],
  ['LDUMIN', 0, 7, (m, s) => (m < s ? m : s)],
  ['SWP', 1, 0, (_m, s) => s],
];

/** Edge values per size: [memory, Rs] pairs (Rs's bits above the size are garbage). */
function edges(n: number): [bigint, bigint][] {
  const M = mask(n);
  const top = 1n << BigInt(8 * n - 1);
  return [
    [top, top - 1n], // most negative vs most positive: signed and unsigned disagree
    [top - 1n, top],
    [M, 1n], // -1 vs 1; add wraps to 0
    [1n, M],
    [0x5a5a_5a5a_5a5a_5a5an & M, 0xa5a5_a5a5_a5a5_a5a5n & M],
    [0n, 0n],
    [0x1_8000_0000n & M, 0x1_7fff_ffffn & M], // X: equal high halves, low decides
    [0xffff_ffffn & M, 1n], // W/X: carry out of the low half
  ];
}

describe('LSE atomic memory operations', () => {
  for (const [name, o3, opc, f] of OPS)
    for (const size of [0, 1, 2, 3])
      it(`${name} ${['B', 'H', 'W', 'X'][size]} (all orderings) on edge values`, () => {
        const n = 1 << size;
        const s = setup([]);
        const { m, cpu } = s;
        for (const [a, r] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ])
          for (const [mv, sv] of edges(n)) {
            m.bus.write32(TEST_CODE_BASE, amo(size, a, r, o3, opc, 2, 1, 0)); // <op> w/x2, w/x0, [x1]
            m.bus.write(DATA, 8, 0x5555_5555_5555_5555n);
            m.bus.write(DATA + 8, 8, 0x5555_5555_5555_5555n);
            m.bus.write(DATA + 8, n as 1 | 2 | 4 | 8, mv);
            cpu.setX(0, GARBAGE);
            cpu.setX(1, BigInt(DATA + 8));
            cpu.setX(2, n === 8 ? sv : sv | (GARBAGE & ~mask(n)));
            cpu.pc = CODE;
            runToEnd(m, 1);
            const want = f(mv, sv, n) & mask(n);
            expect(cpu.x(0), `old, a=${a} r=${r} m=${mv} s=${sv}`).toBe(mv);
            expect(mem(m, DATA + 8, n as 1 | 2 | 4 | 8), `new, m=${mv} s=${sv}`).toBe(want);
            expect(mem(m, DATA, 8)).toBe(0x5555_5555_5555_5555n);
            if (n < 8) expect(mem(m, DATA + 8 + n, 1)).toBe(0x55n);
          }
      });

  it('ST<op> (Rt = XZR) updates memory and writes no register', () => {
    const s = run([0x7822703f /* stuminh w2, [x1] */], { 1: BigInt(DATA), 2: 0x0001n });
    expect(mem(s.m, DATA, 2)).toBe(0x0001n);
    expect(s.cpu.gpr[64]).toBe(0);
  });

  it('SP as the base', () => {
    const s = setup([0xf82203ff /* stadd x2, [sp] */]);
    s.cpu.sp = BigInt(DATA);
    s.cpu.setX(2, 0x10n);
    runToEnd(s.m, 1);
    expect(mem(s.m, DATA, 8)).toBe(0x0706_0504_0302_0110n);
  });

  it('misaligned atomics take an alignment fault (WnR=0, as QEMU)', () => {
    fault(
      [0xf8220020 /* ldadd x2, x0, [x1] */],
      { 1: BigInt(DATA + 4) },
      ALIGN_RD,
      BigInt(DATA + 4),
    );
    fault([amo(1, 0, 0, 1, 0, 2, 1, 0) /* swph w2, w0, [x1] */], { 1: BigInt(DATA + 1) }, ALIGN_RD);
    fault([0x88e27c23 /* casa w2, w3, [x1] */], { 1: BigInt(DATA + 2) }, ALIGN_RD);
    fault([0x48227c24 /* casp x2, x3, x4, x5, [x1] */], { 1: BigInt(DATA + 8) }, ALIGN_RD);
  });

  it('an atomic store clears an exclusive reservation on the granule', () => {
    const t = setup([
      0xc85f7c20, // ldxr x0, [x1]
      0xf82203ff, // stadd x2, [sp]
      0xc8027c23, // stxr w2, x3, [x1]
    ]);
    t.cpu.setX(1, BigInt(DATA));
    t.cpu.sp = BigInt(DATA + 16);
    t.cpu.setX(2, 1n);
    t.cpu.setX(3, 0x4444n);
    runToEnd(t.m, 3);
    expect(t.cpu.x(2)).toBe(1n);
    expect(mem(t.m, DATA, 8)).toBe(0x0706_0504_0302_0100n);
  });
});

describe('CAS', () => {
  for (const size of [0, 1, 2, 3])
    for (const [l, o0, ord] of [
      [0, 0, ''],
      [1, 0, 'A'],
      [0, 1, 'L'],
      [1, 1, 'AL'],
    ] as const)
      it(`CAS${ord} ${['B', 'H', 'W', 'X'][size]}: match and mismatch`, () => {
        const n = 1 << size;
        const M = mask(n);
        const old = 0x0f0e_0d0c_0b0a_0908n & M;
        const NEW = 0x8182_8384_8586_8788n;
        const word = casw(size, l, o0, 2, 1, 3); // cas w/x2, w/x3, [x1]
        // match: Rs bits above the size are ignored
        let s = run([word], { 1: BigInt(DATA + 8), 2: old | (GARBAGE & ~M), 3: NEW });
        expect(mem(s.m, DATA + 8, n as 1 | 2 | 4 | 8)).toBe(NEW & M);
        expect(s.cpu.x(2)).toBe(old);
        if (n < 8) expect(mem(s.m, DATA + 8 + n, 1)).toBe(BigInt(8 + n));
        // mismatch: memory unchanged, Rs = the old value
        s = run([word], { 1: BigInt(DATA + 8), 2: old ^ 1n, 3: NEW });
        expect(mem(s.m, DATA + 8, n as 1 | 2 | 4 | 8)).toBe(old);
        expect(s.cpu.x(2)).toBe(old);
      });

  it('CAS with Rs = XZR compares with zero and discards the old value', () => {
    const s = setup([0xc8bf7c23 /* cas xzr, x3, [x1] */]);
    s.m.bus.write(DATA + 32, 8, 0n);
    s.cpu.setX(1, BigInt(DATA + 32));
    s.cpu.setX(3, 0x77n);
    runToEnd(s.m, 1);
    expect(mem(s.m, DATA + 32, 8)).toBe(0x77n);
    expect(s.cpu.gpr[64]).toBe(0);
  });

  it('Rs == Rt: the new value is Rt as read before the old value is written', () => {
    const s = run([casw(3, 0, 0, 2, 1, 2) /* cas x2, x2, [x1] */], {
      1: BigInt(DATA),
      2: 0x0706_0504_0302_0100n,
    });
    expect(mem(s.m, DATA, 8)).toBe(0x0706_0504_0302_0100n);
    expect(s.cpu.x(2)).toBe(0x0706_0504_0302_0100n);
  });
});

describe('CASP', () => {
  it('CASP X: match writes both, mismatch writes nothing; Rs pair gets the old values', () => {
    const word = 0x48227c24; // casp x2, x3, x4, x5, [x1]
    const A = 0x0706_0504_0302_0100n;
    const B = 0x0f0e_0d0c_0b0a_0908n;
    let s = run([word], { 1: BigInt(DATA), 2: A, 3: B, 4: 0x44n, 5: 0x55n });
    expect(mem(s.m, DATA, 8)).toBe(0x44n);
    expect(mem(s.m, DATA + 8, 8)).toBe(0x55n);
    expect([s.cpu.x(2), s.cpu.x(3)]).toEqual([A, B]);
    s = run([word], { 1: BigInt(DATA), 2: A, 3: B ^ (1n << 63n), 4: 0x44n, 5: 0x55n });
    expect(mem(s.m, DATA, 8)).toBe(A);
    expect(mem(s.m, DATA + 8, 8)).toBe(B);
    expect([s.cpu.x(2), s.cpu.x(3)]).toEqual([A, B]);
  });

  it('CASPAL W: one 64-bit access, Rs at the lower address', () => {
    const word = 0x0862fc24; // caspal w2, w3, w4, w5, [x1]
    const s = run([word], {
      1: BigInt(DATA),
      2: 0xffff_ffff_0302_0100n,
      3: 0x0706_0504n,
      4: 0xaaaa_aaaa_1111_1111n,
      5: 0x2222_2222n,
    });
    expect(mem(s.m, DATA, 8)).toBe(0x2222_2222_1111_1111n);
    expect(s.cpu.x(2)).toBe(0x0302_0100n);
    expect(s.cpu.x(3)).toBe(0x0706_0504n);
  });

  it('Rs = X30 pairs with XZR', () => {
    const s = setup([0x487e7c24 /* caspa x30, xzr, x4, x5, [x1] */]);
    s.m.bus.write(DATA + 8, 8, 0n);
    s.cpu.setX(1, BigInt(DATA));
    s.cpu.setX(30, 0x0706_0504_0302_0100n);
    s.cpu.setX(4, 0x44n);
    s.cpu.setX(5, 0x55n);
    runToEnd(s.m, 1);
    expect(mem(s.m, DATA, 8)).toBe(0x44n);
    expect(mem(s.m, DATA + 8, 8)).toBe(0x55n);
  });

  it('odd Rs or Rt is UNDEFINED', () => {
    fault([0x48237c22 /* casp x3, x4, x2, x3, [x1] */], { 1: BigInt(DATA) }, UNDEF);
    fault([0x48227c25 /* casp x2, x3, x5, x6, [x1] */], { 1: BigInt(DATA) }, UNDEF);
  });
});

describe('FEAT_LSE gate', () => {
  it('a CPU without FEAT_LSE sees CAS, CASP, LD<op>, ST<op> and SWP as UNDEFINED', () => {
    for (const w of [
      0x08a27c23, // casb w2, w3, [x1]
      0x48227c24, // casp x2, x3, x4, x5, [x1]
      0xf8220020, // ldadd x2, x0, [x1]
      0x7822703f, // stuminh w2, [x1]
      0xb8628020, // swpl w2, w0, [x1]
    ])
      fault([w], { 1: BigInt(DATA) }, UNDEF, undefined, []);
  });

  it('exclusives and LDAR/STLR need no feature', () => {
    const m = createMachine({ cpus: [{ features: [] }] });
    expect(m.decodeCacheOf(m.cpus[0]!).decoder.match(0xc85f7c20)?.name).toBe('LDXR_x');
    expect(m.decodeCacheOf(m.cpus[0]!).decoder.match(0xc89ffc23)?.name).toBe('STLR_x');
    expect(m.decodeCacheOf(m.cpus[0]!).decoder.match(0xf8220020)).toBeUndefined();
  });
});
