import { describe, expect, it } from 'vitest';
import type { Cpu } from '../cpu/cpu.js';
import type { Machine } from '../machine/machine.js';
import { machineWithCode, runToEnd, TEST_CODE_BASE } from '../testing.js';
import { flatTranslator } from '../cpu/translate.js';

/*
 * Integer loads and stores. Instruction words were assembled with GNU as (aarch64-linux-gnu,
 * binutils 2.40) and are given with their assembly.
 */

const DATA = 0x4020_0000;
const VBAR = 0x4010_0000;
const GARBAGE = 0xdead_beef_dead_beefn;
const CODE = BigInt(TEST_CODE_BASE);
const RAM_END = 0x4800_0000; // default machine: 128 MB at 0x4000_0000

interface Setup {
  m: Machine;
  cpu: Cpu;
}

function setup(words: readonly number[], el = 1, features: string[] = ['FEAT_LSE']): Setup {
  const m = machineWithCode(words, { el, config: { cpus: [{ features }] } });
  const cpu = m.cpus[0]!;
  cpu.sysreg.poke('VBAR_EL1', BigInt(VBAR));
  // DATA..DATA+0x1000: byte i is (i * 0x1d + 0x80) & 0xff, so loads see both signs.
  for (let i = 0; i < 0x1000; i++) m.bus.write8(DATA + i, (i * 0x1d + 0x80) & 0xff);
  return { m, cpu };
}

/** Runs the words with registers preset; returns the machine after the last word. */
function run(words: readonly number[], regs: Record<number, bigint> = {}, el = 1): Setup {
  const s = setup(words, el);
  for (const [r, v] of Object.entries(regs)) s.cpu.setX(Number(r), v);
  runToEnd(s.m, words.length);
  return s;
}

const mem = (m: Machine, pa: number, n: 1 | 2 | 4 | 8): bigint => m.bus.read(pa, n);
const sx = (v: bigint, bits: number, to: 32 | 64): bigint =>
  BigInt.asUintN(to, BigInt.asIntN(bits, v));

/** The synchronous exception the single instruction at CODE took (to EL1). */
function expectFault(s: Setup, esr: number, far?: bigint, fromEl0 = false): void {
  const { cpu } = s;
  expect(cpu.el).toBe(1);
  expect(cpu.pc).toBe(BigInt(VBAR + (fromEl0 ? 0x400 : 0x200)));
  expect(cpu.sysreg.peek('ELR_EL1')).toBe(CODE);
  expect(cpu.sysreg.peek('ESR_EL1')).toBe(BigInt(esr));
  if (far !== undefined) expect(cpu.sysreg.peek('FAR_EL1')).toBe(far);
}

/** Runs one instruction that is expected to fault. */
function fault(word: number, regs: Record<number, bigint>, el = 1): Setup {
  const s = setup([word], el);
  for (const [r, v] of Object.entries(regs)) s.cpu.setX(Number(r), v);
  s.m.run({ maxInstructions: 1 });
  return s;
}

const UNDEF = 0x0200_0000; // EC 0x00, IL
const ALIGN_RD = 0x9600_0021; // EC 0x25, DFSC alignment
const ALIGN_WR = 0x9600_0061; // ... WnR
const EXT_RD = 0x9600_0010; // synchronous external abort
const EXT_WR = 0x9600_0050;
const SP_ALIGN = 0x9a00_0000; // EC 0x26

type Ext = 'u' | 'x' | 'w'; // zero-extend, sign-extend to X, sign-extend to W
function loaded(m: Machine, pa: number, n: 1 | 2 | 4 | 8, ext: Ext): bigint {
  const v = mem(m, pa, n);
  return ext === 'u' ? v : sx(v, 8 * n, ext === 'x' ? 64 : 32);
}

describe('single-register loads, immediate offsets', () => {
  // [word, asm, x1, address, size, extension]
  const cases: [number, string, number, number, 1 | 2 | 4 | 8, Ext][] = [
    [0x39400420, 'ldrb w0, [x1, #1]', DATA, DATA + 1, 1, 'u'],
    [0x39800420, 'ldrsb x0, [x1, #1]', DATA, DATA + 1, 1, 'x'],
    [0x39c00420, 'ldrsb w0, [x1, #1]', DATA, DATA + 1, 1, 'w'],
    [0x39800420, 'ldrsb x0, [x1, #1] (positive)', DATA + 4, DATA + 5, 1, 'x'],
    [0x79400420, 'ldrh w0, [x1, #2]', DATA, DATA + 2, 2, 'u'],
    [0x79800420, 'ldrsh x0, [x1, #2]', DATA, DATA + 2, 2, 'x'],
    [0x79c00420, 'ldrsh w0, [x1, #2]', DATA, DATA + 2, 2, 'w'],
    [0xb9400420, 'ldr w0, [x1, #4]', DATA, DATA + 4, 4, 'u'],
    [0xb9800420, 'ldrsw x0, [x1, #4]', DATA, DATA + 4, 4, 'x'],
    [0xb9800420, 'ldrsw x0, [x1, #4] (other sign)', DATA + 8, DATA + 12, 4, 'x'],
    [0xf9400420, 'ldr x0, [x1, #8]', DATA, DATA + 8, 8, 'u'],
    [0xf97ffc20, 'ldr x0, [x1, #32760]', DATA - 0x7000, DATA - 0x7000 + 32760, 8, 'u'],
    [0x397ffc20, 'ldrb w0, [x1, #4095]', DATA, DATA + 4095, 1, 'u'],
    [0x385ff020, 'ldurb w0, [x1, #-1]', DATA + 0x100, DATA + 0xff, 1, 'u'],
    [0x389ff020, 'ldursb x0, [x1, #-1]', DATA + 0x100, DATA + 0xff, 1, 'x'],
    [0x38dff020, 'ldursb w0, [x1, #-1]', DATA + 0x100, DATA + 0xff, 1, 'w'],
    [0x785fe020, 'ldurh w0, [x1, #-2]', DATA + 0x100, DATA + 0xfe, 2, 'u'],
    [0x789fe020, 'ldursh x0, [x1, #-2]', DATA + 0x100, DATA + 0xfe, 2, 'x'],
    [0x78dfe020, 'ldursh w0, [x1, #-2]', DATA + 0x100, DATA + 0xfe, 2, 'w'],
    [0xb85fc020, 'ldur w0, [x1, #-4]', DATA + 0x100, DATA + 0xfc, 4, 'u'],
    [0xb89fc020, 'ldursw x0, [x1, #-4]', DATA + 0x100, DATA + 0xfc, 4, 'x'],
    [0xf85f8020, 'ldur x0, [x1, #-8]', DATA + 0x100, DATA + 0xf8, 8, 'u'],
    [0xf84ff020, 'ldur x0, [x1, #255]', DATA + 0x101, DATA + 0x200, 8, 'u'],
    [0xf8500020, 'ldur x0, [x1, #-256]', DATA + 0x100, DATA, 8, 'u'],
    [0xf8408820, 'ldtr x0, [x1, #8]', DATA, DATA + 8, 8, 'u'],
    [0x385ff820, 'ldtrb w0, [x1, #-1]', DATA + 0x100, DATA + 0xff, 1, 'u'],
    [0x38801820, 'ldtrsb x0, [x1, #1]', DATA, DATA + 1, 1, 'x'],
    [0x38c01820, 'ldtrsb w0, [x1, #1]', DATA, DATA + 1, 1, 'w'],
    [0x78402820, 'ldtrh w0, [x1, #2]', DATA, DATA + 2, 2, 'u'],
    [0x78802820, 'ldtrsh x0, [x1, #2]', DATA, DATA + 2, 2, 'x'],
    [0x78c02820, 'ldtrsh w0, [x1, #2]', DATA, DATA + 2, 2, 'w'],
    [0xb8404820, 'ldtr w0, [x1, #4]', DATA, DATA + 4, 4, 'u'],
    [0xb8804820, 'ldtrsw x0, [x1, #4]', DATA, DATA + 4, 4, 'x'],
  ];
  for (const [word, asm, x1, addr, n, ext] of cases)
    it(asm, () => {
      const { m, cpu } = run([word], { 0: GARBAGE, 1: BigInt(x1) });
      expect(cpu.x(0)).toBe(loaded(m, addr, n, ext));
      expect(cpu.x(1)).toBe(BigInt(x1));
    });

  it('sign extension really differs by sign', () => {
    const { m } = setup([]);
    // byte at DATA+1 is 0x9d (negative), at DATA+5 0x11 (positive)
    expect(mem(m, DATA + 1, 1)).toBe(0x9dn);
    expect(mem(m, DATA + 5, 1)).toBe(0x11n);
    expect(loaded(m, DATA + 1, 1, 'x')).toBe(0xffff_ffff_ffff_ff9dn);
    expect(loaded(m, DATA + 1, 1, 'w')).toBe(0xffff_ff9dn);
  });

  it('LDTR* also work at EL0 (MMU off)', () => {
    const { m, cpu } = run([0xf8408820 /* ldtr x0, [x1, #8] */], { 1: BigInt(DATA) }, 0);
    expect(cpu.el).toBe(0);
    expect(cpu.x(0)).toBe(mem(m, DATA + 8, 8));
  });

  it('carries and borrows across the 32-bit halves of the address', () => {
    // base 0x1_0000_0000 - 8: a borrow into the high half; the (faulting) address shows it
    const s = fault(0xf85f8020 /* ldur x0, [x1, #-8] */, { 1: 0x1_0000_0000n });
    expectFault(s, EXT_RD, 0xffff_fff8n);
  });
});

describe('single-register stores', () => {
  const V = 0x1122_3344_5566_7788n;
  const cases: [number, string, number, number, 1 | 2 | 4 | 8][] = [
    [0x39000420, 'strb w0, [x1, #1]', DATA, DATA + 1, 1],
    [0x79000420, 'strh w0, [x1, #2]', DATA, DATA + 2, 2],
    [0xb9000420, 'str w0, [x1, #4]', DATA, DATA + 4, 4],
    [0xf9000420, 'str x0, [x1, #8]', DATA, DATA + 8, 8],
    [0x381ff020, 'sturb w0, [x1, #-1]', DATA + 0x100, DATA + 0xff, 1],
    [0x781fe020, 'sturh w0, [x1, #-2]', DATA + 0x100, DATA + 0xfe, 2],
    [0xb81fc020, 'stur w0, [x1, #-4]', DATA + 0x100, DATA + 0xfc, 4],
    [0xf81f8020, 'stur x0, [x1, #-8]', DATA + 0x100, DATA + 0xf8, 8],
    [0xf8008820, 'sttr x0, [x1, #8]', DATA, DATA + 8, 8],
    [0x38001820, 'sttrb w0, [x1, #1]', DATA, DATA + 1, 1],
    [0x78002820, 'sttrh w0, [x1, #2]', DATA, DATA + 2, 2],
    [0xb8004820, 'sttr w0, [x1, #4]', DATA, DATA + 4, 4],
  ];
  for (const [word, asm, x1, addr, n] of cases)
    it(asm, () => {
      const { m } = setup([]);
      const before = mem(m, addr - 8, 8);
      const after = mem(m, addr + n, 8);
      const r = run([word], { 0: V, 1: BigInt(x1) });
      expect(mem(r.m, addr, n)).toBe(BigInt.asUintN(8 * n, V));
      expect(mem(r.m, addr - 8, 8)).toBe(before); // neighbours untouched
      expect(mem(r.m, addr + n, 8)).toBe(after);
    });

  it('XZR as the source stores zero; SP as the base', () => {
    const s = setup([0xf9000bff /* str xzr, [sp, #16] */, 0x3900003f /* strb wzr, [x1] */]);
    s.cpu.sp = BigInt(DATA + 0x200);
    s.cpu.setX(1, BigInt(DATA + 0x300));
    runToEnd(s.m, 2);
    expect(mem(s.m, DATA + 0x210, 8)).toBe(0n);
    expect(mem(s.m, DATA + 0x300, 1)).toBe(0n);
    expect(mem(s.m, DATA + 0x301, 1)).not.toBe(0n);
  });

  it('a load to XZR discards the value', () => {
    const { cpu } = run([0xf940003f /* ldr xzr, [x1] */, 0xb940003f /* ldr wzr, [x1] */], {
      1: BigInt(DATA),
    });
    expect(cpu.gpr[64]).toBe(0); // the zero slot stays zero
    expect(cpu.gpr[65]).toBe(0);
  });
});

describe('pre- and post-index writeback', () => {
  // [word, asm, x1 before, address, size, extension, x1 after]
  const loads: [number, string, number, number, 1 | 2 | 4 | 8, Ext, number][] = [
    [0xf8410c20, 'ldr x0, [x1, #16]!', DATA + 0x100, DATA + 0x110, 8, 'u', DATA + 0x110],
    [0xf85f0420, 'ldr x0, [x1], #-16', DATA + 0x100, DATA + 0x100, 8, 'u', DATA + 0xf0],
    [0x389ffc20, 'ldrsb x0, [x1, #-1]!', DATA + 0x100, DATA + 0xff, 1, 'x', DATA + 0xff],
    [0x78c02420, 'ldrsh w0, [x1], #2', DATA + 0x100, DATA + 0x100, 2, 'w', DATA + 0x102],
    [0xb8804c20, 'ldrsw x0, [x1, #4]!', DATA + 0x100, DATA + 0x104, 4, 'x', DATA + 0x104],
    [0x384ff420, 'ldrb w0, [x1], #255', DATA + 0x100, DATA + 0x100, 1, 'u', DATA + 0x1ff],
    [0x78500c20, 'ldrh w0, [x1, #-256]!', DATA + 0x200, DATA + 0x100, 2, 'u', DATA + 0x100],
    [0xb8404420, 'ldr w0, [x1], #4', DATA + 0x100, DATA + 0x100, 4, 'u', DATA + 0x104],
    [0x38c01420, 'ldrsb w0, [x1], #1', DATA + 0x100, DATA + 0x100, 1, 'w', DATA + 0x101],
    [0x78802c20, 'ldrsh x0, [x1, #2]!', DATA + 0x100, DATA + 0x102, 2, 'x', DATA + 0x102],
  ];
  for (const [word, asm, x1, addr, n, ext, x1after] of loads)
    it(asm, () => {
      const { m, cpu } = run([word], { 0: GARBAGE, 1: BigInt(x1) });
      expect(cpu.x(0)).toBe(loaded(m, addr, n, ext));
      expect(cpu.x(1)).toBe(BigInt(x1after));
    });

  const V = 0x8899_aabb_ccdd_eeffn;
  const stores: [number, string, number, number, 1 | 2 | 4 | 8, number][] = [
    [0xf81f8c20, 'str x0, [x1, #-8]!', DATA + 0x100, DATA + 0xf8, 8, DATA + 0xf8],
    [0xb8004420, 'str w0, [x1], #4', DATA + 0x100, DATA + 0x100, 4, DATA + 0x104],
    [0x38001c20, 'strb w0, [x1, #1]!', DATA + 0x100, DATA + 0x101, 1, DATA + 0x101],
    [0x781fe420, 'strh w0, [x1], #-2', DATA + 0x100, DATA + 0x100, 2, DATA + 0xfe],
  ];
  for (const [word, asm, x1, addr, n, x1after] of stores)
    it(asm, () => {
      const { m, cpu } = run([word], { 0: V, 1: BigInt(x1) });
      expect(mem(m, addr, n)).toBe(BigInt.asUintN(8 * n, V));
      expect(cpu.x(1)).toBe(BigInt(x1after));
    });

  it('Rn == Rt on a load: the writeback wins (as QEMU)', () => {
    const base = BigInt(DATA + 0x100);
    expect(run([0xf8408ca5 /* ldr x5, [x5, #8]! */], { 5: base }).cpu.x(5)).toBe(base + 8n);
    expect(run([0xf84084a5 /* ldr x5, [x5], #8 */], { 5: base }).cpu.x(5)).toBe(base + 8n);
  });

  it('Rn == Rt on a store: the value before writeback is stored (as QEMU)', () => {
    const base = BigInt(DATA + 0x100);
    let s = run([0xf8008ca5 /* str x5, [x5, #8]! */], { 5: base });
    expect(s.cpu.x(5)).toBe(base + 8n);
    expect(mem(s.m, DATA + 0x108, 8)).toBe(base);
    s = run([0xf80084a5 /* str x5, [x5], #8 */], { 5: base });
    expect(s.cpu.x(5)).toBe(base + 8n);
    expect(mem(s.m, DATA + 0x100, 8)).toBe(base);
  });

  it('SP as the base: push and pop with writeback', () => {
    const s = setup([
      0xa9bf7bfd, // stp x29, x30, [sp, #-16]!
      0xa8c17bfd, // ldp x29, x30, [sp], #16
    ]);
    s.cpu.sp = BigInt(DATA + 0x200);
    s.cpu.setX(29, 0x1111n);
    s.cpu.setX(30, 0x2222n);
    s.m.run({ maxInstructions: 1 });
    expect(s.cpu.sp).toBe(BigInt(DATA + 0x1f0));
    expect(mem(s.m, DATA + 0x1f0, 8)).toBe(0x1111n);
    expect(mem(s.m, DATA + 0x1f8, 8)).toBe(0x2222n);
    s.cpu.setX(29, 0n);
    s.cpu.setX(30, 0n);
    runToEnd(s.m, 2);
    expect(s.cpu.sp).toBe(BigInt(DATA + 0x200));
    expect(s.cpu.x(29)).toBe(0x1111n);
    expect(s.cpu.x(30)).toBe(0x2222n);
  });

  it('a faulting access does not write back', () => {
    const s = fault(0xf8408c20 /* ldr x0, [x1, #8]! */, { 0: GARBAGE, 1: BigInt(DATA + 1) });
    expectFault(s, ALIGN_RD, BigInt(DATA + 9));
    expect(s.cpu.x(1)).toBe(BigInt(DATA + 1));
    expect(s.cpu.x(0)).toBe(GARBAGE);
  });
});

describe('register offset', () => {
  const B = DATA + 0x100;
  // [word, asm, x2, address, size, extension]
  const cases: [number, string, bigint, number, 1 | 2 | 4 | 8, Ext][] = [
    [0xf8627820, 'ldr x0, [x1, x2, lsl #3]', 2n, B + 16, 8, 'u'],
    [0xf8627820, 'ldr x0, [x1, x2, lsl #3] (negative)', 0xffff_ffff_ffff_fffen, B - 16, 8, 'u'],
    [0xf8626820, 'ldr x0, [x1, x2]', 8n, B + 8, 8, 'u'],
    [0xf8624820, 'ldr x0, [x1, w2, uxtw]', 0xffff_ffff_0000_0010n, B + 16, 8, 'u'],
    [0xf862d820, 'ldr x0, [x1, w2, sxtw #3]', 0x0000_0000_ffff_fffen, B - 16, 8, 'u'],
    [0xf862e820, 'ldr x0, [x1, x2, sxtx]', 0xffff_ffff_ffff_fff8n, B - 8, 8, 'u'],
    [0xf862f820, 'ldr x0, [x1, x2, sxtx #3]', 0xffff_ffff_ffff_ffffn, B - 8, 8, 'u'],
    [0xb8625820, 'ldr w0, [x1, w2, uxtw #2]', 3n, B + 12, 4, 'u'],
    [0x38627820, 'ldrb w0, [x1, x2, lsl #0]', 5n, B + 5, 1, 'u'],
    [0x38626820, 'ldrb w0, [x1, x2]', 7n, B + 7, 1, 'u'],
    [0x38a2c820, 'ldrsb x0, [x1, w2, sxtw]', 0xffff_ffffn, B - 1, 1, 'x'],
    [0x38e26820, 'ldrsb w0, [x1, x2]', 1n, B + 1, 1, 'w'],
    [0x7862d820, 'ldrh w0, [x1, w2, sxtw #1]', 0xffff_fffcn, B - 8, 2, 'u'],
    [0x78e27820, 'ldrsh w0, [x1, x2, lsl #1]', 3n, B + 6, 2, 'w'],
    [0x78a26820, 'ldrsh x0, [x1, x2]', 2n, B + 2, 2, 'x'],
    [0xb8a27820, 'ldrsw x0, [x1, x2, lsl #2]', 1n, B + 4, 4, 'x'],
  ];
  for (const [word, asm, x2, addr, n, ext] of cases)
    it(asm, () => {
      const { m, cpu } = run([word], { 0: GARBAGE, 1: BigInt(B), 2: x2 });
      expect(cpu.x(0)).toBe(loaded(m, addr, n, ext));
    });

  it('Rm = XZR is a zero index', () => {
    const { m, cpu } = run([0xf87f6820 /* ldr x0, [x1, xzr] */], { 1: BigInt(B) });
    expect(cpu.x(0)).toBe(mem(m, B, 8));
  });

  it('64-bit address arithmetic carries from the low half', () => {
    // 0x0000_0000_c020_0100 + 0xffff_ffff_8000_0000 = 0x4020_0100
    const { m, cpu } = run([0xf8626820 /* ldr x0, [x1, x2] */], {
      1: 0xc020_0100n,
      2: 0xffff_ffff_8000_0000n,
    });
    expect(cpu.x(0)).toBe(mem(m, B, 8));
  });

  const V = 0x0102_0304_0506_0708n;
  const stores: [number, string, bigint, number, 1 | 2 | 4 | 8][] = [
    [0xf8227820, 'str x0, [x1, x2, lsl #3]', 3n, B + 24, 8],
    [0x3822c820, 'strb w0, [x1, w2, sxtw]', 0xffff_fffen, B - 2, 1],
    [0x78227820, 'strh w0, [x1, x2, lsl #1]', 4n, B + 8, 2],
    [0xb8225820, 'str w0, [x1, w2, uxtw #2]', 0x1_0000_0002n, B + 8, 4],
  ];
  for (const [word, asm, x2, addr, n] of stores)
    it(asm, () => {
      const { m } = run([word], { 0: V, 1: BigInt(B), 2: x2 });
      expect(mem(m, addr, n)).toBe(BigInt.asUintN(8 * n, V));
    });

  it('reserved extend options (option<1> = 0) are UNDEFINED', () => {
    for (const word of [
      0xf8620820, // ldr x0, [x1, x2] with option 000
      0xf8622820, // option 001
      0xf8628820, // option 100
      0xf862a820, // option 101
      0xf8a20824, // prfm with option 000
    ])
      expectFault(fault(word, {}), UNDEF);
  });
});

describe('literal', () => {
  it('LDR W/X, LDRSW and PRFM (literal), PC-relative to the instruction', () => {
    const words = [
      0x58000080, // ldr x0, 1f
      0x980000a1, // ldrsw x1, 2f
      0x18000082, // ldr w2, 2f
      0xd8000020, // prfm pldl1keep, 1f
      0x44332211, // 1: .quad 0x8877665544332211
      0x88776655,
      0x80000001, // 2: .word 0x80000001
    ];
    const s = setup(words);
    s.cpu.setX(2, GARBAGE);
    runToEnd(s.m, 4);
    expect(s.cpu.x(0)).toBe(0x8877_6655_4433_2211n);
    expect(s.cpu.x(1)).toBe(0xffff_ffff_8000_0001n);
    expect(s.cpu.x(2)).toBe(0x8000_0001n);
  });

  it('negative offsets', () => {
    const s = setup([
      0x58ffff83, // ldr x3, .-16
      0x98ffffc4, // ldrsw x4, .-8
      0xd8200008, // prfm plil1keep, .+0x40000 (nothing there to fault on)
    ]);
    s.m.bus.write(TEST_CODE_BASE - 16, 8, 0xcafe_f00d_1234_5678n);
    s.m.bus.write(TEST_CODE_BASE - 4, 4, 0x8000_0000n);
    runToEnd(s.m, 3);
    expect(s.cpu.x(3)).toBe(0xcafe_f00d_1234_5678n);
    expect(s.cpu.x(4)).toBe(0xffff_ffff_8000_0000n);
  });
});

describe('pairs', () => {
  const B = DATA + 0x200;
  const pair = (m: Machine, pa: number, n: 4 | 8, ext: Ext): [bigint, bigint] => [
    loaded(m, pa, n, ext),
    loaded(m, pa + n, n, ext),
  ];
  // [word, asm, x2 before, address, element size, extension, x2 after]
  const loads: [number, string, number, number, 4 | 8, Ext, number][] = [
    [0xa9400440, 'ldp x0, x1, [x2]', B, B, 8, 'u', B],
    [0x297f0440, 'ldp w0, w1, [x2, #-8]', B, B - 8, 4, 'u', B],
    [0x69410440, 'ldpsw x0, x1, [x2, #8]', B, B + 8, 4, 'x', B],
    [0xa8c10440, 'ldp x0, x1, [x2], #16', B, B, 8, 'u', B + 16],
    [0x29c10440, 'ldp w0, w1, [x2, #8]!', B, B + 8, 4, 'u', B + 8],
    [0x68c10440, 'ldpsw x0, x1, [x2], #8', B, B, 4, 'x', B + 8],
    [0x69ff0440, 'ldpsw x0, x1, [x2, #-8]!', B, B - 8, 4, 'x', B - 8],
    [0xa95f8440, 'ldp x0, x1, [x2, #504]', B, B + 504, 8, 'u', B],
    [0xa8410440, 'ldnp x0, x1, [x2, #16]', B, B + 16, 8, 'u', B],
    [0x28408440, 'ldnp w0, w1, [x2, #4]', B, B + 4, 4, 'u', B],
  ];
  for (const [word, asm, x2, addr, n, ext, x2after] of loads)
    it(asm, () => {
      const { m, cpu } = run([word], { 0: GARBAGE, 1: GARBAGE, 2: BigInt(x2) });
      const [a, b] = pair(m, addr, n, ext);
      expect(cpu.x(0)).toBe(a);
      expect(cpu.x(1)).toBe(b);
      expect(cpu.x(2)).toBe(BigInt(x2after));
    });

  it('LDPSW sign-extends both elements (both signs present)', () => {
    const { cpu } = run([0x69410440 /* ldpsw x0, x1, [x2, #8] */], { 2: BigInt(B) });
    // bytes at B+8..B+15 give one negative and one positive word with this fill pattern
    const signs = [cpu.x(0) >> 63n, cpu.x(1) >> 63n].sort();
    expect(signs).toEqual([0n, 1n]);
  });

  const X0 = 0x0011_2233_4455_6677n;
  const X1 = 0x8899_aabb_ccdd_eeffn;
  // [word, asm, x2 before, address, element size, x2 after]
  const stores: [number, string, number, number, 4 | 8, number][] = [
    [0xa9810440, 'stp x0, x1, [x2, #16]!', B, B + 16, 8, B + 16],
    [0x28bf0440, 'stp w0, w1, [x2], #-8', B, B, 4, B - 8],
    [0xa9200440, 'stp x0, x1, [x2, #-512]', B + 0x200, B, 8, B + 0x200],
    [0x29008440, 'stp w0, w1, [x2, #4]', B, B + 4, 4, B],
    [0xa83f0440, 'stnp x0, x1, [x2, #-16]', B, B - 16, 8, B],
    [0x28010440, 'stnp w0, w1, [x2, #8]', B, B + 8, 4, B],
  ];
  for (const [word, asm, x2, addr, n, x2after] of stores)
    it(asm, () => {
      const { m, cpu } = run([word], { 0: X0, 1: X1, 2: BigInt(x2) });
      expect(mem(m, addr, n)).toBe(BigInt.asUintN(8 * n, X0));
      expect(mem(m, addr + n, n)).toBe(BigInt.asUintN(8 * n, X1));
      expect(cpu.x(2)).toBe(BigInt(x2after));
    });

  it('Rt == Rt2 on a load leaves the first element (as QEMU)', () => {
    let s = run([0xa9401846 /* ldp x6, x6, [x2] */], { 2: BigInt(B) });
    expect(s.cpu.x(6)).toBe(mem(s.m, B, 8));
    s = run([0x29401846 /* ldp w6, w6, [x2] */], { 2: BigInt(B) });
    expect(s.cpu.x(6)).toBe(mem(s.m, B, 4));
    s = run([0x69401846 /* ldpsw x6, x6, [x2] */], { 2: BigInt(B) });
    expect(s.cpu.x(6)).toBe(loaded(s.m, B, 4, 'x'));
  });

  it('writeback with Rn == Rt or Rt2: the writeback wins; stores use the old base', () => {
    let s = run([0xa9c09842 /* ldp x2, x6, [x2, #8]! */], { 2: BigInt(B) });
    expect(s.cpu.x(2)).toBe(BigInt(B + 8));
    expect(s.cpu.x(6)).toBe(mem(s.m, B + 16, 8));
    s = run([0xa8c10846 /* ldp x6, x2, [x2], #16 */], { 2: BigInt(B) });
    expect(s.cpu.x(2)).toBe(BigInt(B + 16));
    expect(s.cpu.x(6)).toBe(mem(s.m, B, 8));
    s = run([0xa9810842 /* stp x2, x2, [x2, #16]! */], { 2: BigInt(B) });
    expect(s.cpu.x(2)).toBe(BigInt(B + 16));
    expect(mem(s.m, B + 16, 8)).toBe(BigInt(B));
    expect(mem(s.m, B + 24, 8)).toBe(BigInt(B));
  });

  it('a fault on the second element leaves the registers unchanged', () => {
    const s = fault(0xa9400440 /* ldp x0, x1, [x2] */, {
      0: GARBAGE,
      1: GARBAGE,
      2: BigInt(RAM_END - 8),
    });
    expectFault(s, EXT_RD, BigInt(RAM_END));
    expect(s.cpu.x(0)).toBe(GARBAGE);
    expect(s.cpu.x(1)).toBe(GARBAGE);
  });

  it('a pre-index pair that faults does not write back', () => {
    const s = fault(0xa9c08440 /* ldp x0, x1, [x2, #8]! */, { 2: BigInt(B + 4) });
    expectFault(s, ALIGN_RD, BigInt(B + 12));
    expect(s.cpu.x(2)).toBe(BigInt(B + 4));
  });

  it('unallocated pair encodings are UNDEFINED', () => {
    for (const word of [
      0x69000440, // stgp x0, x1, [x2] (FEAT_MTE: not implemented)
      0xe9400440, // opc = 11
      0x68400440, // "ldnpsw" (opc = 01, no-allocate)
    ])
      expectFault(fault(word, { 2: BigInt(B) }), UNDEF);
  });
});

describe('prefetch', () => {
  it('PRFM/PRFUM in every form are no-ops that never fault', () => {
    const words = [
      0xf9800020, // prfm pldl1keep, [x1]
      0xf980043f, // prfm #0x1f, [x1, #8] (unallocated prfop)
      0xf89fd033, // prfum pstl2strm, [x1, #-3]
      0xf8a27824, // prfm pldl3keep, [x1, x2, lsl #3]
      0xf98007e0, // prfm pldl1keep, [sp, #8]
    ];
    const s = setup(words);
    s.cpu.setX(1, 0xffff_0000_0000_0001n); // unmapped, misaligned, beyond the PA size
    s.cpu.setX(2, 0x1234n);
    s.cpu.sp = BigInt(DATA + 8); // misaligned SP ...
    s.cpu.sysreg.poke('SCTLR_EL1', s.cpu.sysreg.peek('SCTLR_EL1') | 8n); // ... with SA=1
    runToEnd(s.m, words.length);
    expect(s.cpu.pc).toBe(CODE + BigInt(4 * words.length));
    expect(s.cpu.x(1)).toBe(0xffff_0000_0000_0001n);
  });
});

describe('SP alignment check', () => {
  const withSctlr = (s: Setup, bits: bigint): void =>
    s.cpu.sysreg.poke('SCTLR_EL1', s.cpu.sysreg.peek('SCTLR_EL1') | bits);

  it('no check while SCTLR_EL1.SA = 0', () => {
    const s = setup([0xf94007e0 /* ldr x0, [sp, #8] */]);
    s.cpu.sp = BigInt(DATA + 8);
    runToEnd(s.m, 1);
    expect(s.cpu.x(0)).toBe(mem(s.m, DATA + 16, 8));
  });

  it('SA = 1 and SP misaligned: SP alignment fault, nothing written back', () => {
    for (const word of [
      0xf94007e0, // ldr x0, [sp, #8]
      0xa9bf7bfd, // stp x29, x30, [sp, #-16]!
      0xf9000bff, // str xzr, [sp, #16]
    ]) {
      const s = setup([word]);
      withSctlr(s, 8n);
      s.cpu.sp = BigInt(DATA + 8);
      s.cpu.sysreg.poke('FAR_EL1', 0x5555n);
      s.m.run({ maxInstructions: 1 });
      expectFault(s, SP_ALIGN, 0x5555n); // FAR not written
      expect(s.cpu.spEl(1)).toBe(BigInt(DATA + 8));
    }
  });

  it('the check is on SP itself, not the address', () => {
    const s = setup([0xf94007e0 /* ldr x0, [sp, #8] */]);
    withSctlr(s, 8n);
    s.cpu.sp = BigInt(DATA + 16);
    runToEnd(s.m, 1);
    expect(s.cpu.x(0)).toBe(mem(s.m, DATA + 24, 8));
  });

  it('a misaligned base other than SP is not checked', () => {
    const s = setup([0xf8408c20 /* ldr x0, [x1, #8]! */]);
    withSctlr(s, 8n);
    s.cpu.setX(1, BigInt(DATA + 8));
    runToEnd(s.m, 1);
    expect(s.cpu.x(1)).toBe(BigInt(DATA + 16));
  });

  it('EL0 uses SCTLR_EL1.SA0', () => {
    const word = 0xf94007e0; // ldr x0, [sp, #8]
    let s = setup([word], 0);
    withSctlr(s, 8n); // SA only
    s.cpu.sp = BigInt(DATA + 8);
    runToEnd(s.m, 1);
    expect(s.cpu.el).toBe(0);
    expect(s.cpu.x(0)).toBe(mem(s.m, DATA + 16, 8));

    s = setup([word], 0);
    withSctlr(s, 16n); // SA0
    s.cpu.sp = BigInt(DATA + 8);
    s.m.run({ maxInstructions: 1 });
    expectFault(s, SP_ALIGN, undefined, true);
  });
});

describe('alignment and external aborts (MMU off)', () => {
  it('unaligned accesses fault with the MMU off: ESR, FAR, WnR, registers kept', () => {
    const cases: [number, string, number, number][] = [
      [0xf9400020, 'ldr x0, [x1]', DATA + 1, ALIGN_RD],
      [0xf9400020, 'ldr x0, [x1]', DATA + 4, ALIGN_RD],
      [0xf9000020, 'str x0, [x1]', DATA + 4, ALIGN_WR],
      [0xb9400020, 'ldr w0, [x1]', DATA + 2, ALIGN_RD],
      [0xb9000020, 'str w0, [x1]', DATA + 1, ALIGN_WR],
      [0x79400020, 'ldrh w0, [x1]', DATA + 1, ALIGN_RD],
      [0x79000020, 'strh w0, [x1]', DATA + 3, ALIGN_WR],
    ];
    for (const [word, , x1, esr] of cases) {
      const s = fault(word, { 0: GARBAGE, 1: BigInt(x1) });
      expectFault(s, esr, BigInt(x1));
      expect(s.cpu.x(0)).toBe(GARBAGE);
    }
  });

  it('byte accesses are never unaligned', () => {
    const { m, cpu } = run([0x39400020 /* ldrb w0, [x1] */], { 1: BigInt(DATA + 3) });
    expect(cpu.x(0)).toBe(mem(m, DATA + 3, 1));
  });

  it('from EL0 the abort is taken to EL1 as a lower-EL data abort (EC 0x24)', () => {
    const s = fault(0xf9400020 /* ldr x0, [x1] */, { 1: BigInt(DATA + 1) }, 0);
    expectFault(s, 0x9200_0021, BigInt(DATA + 1), true);
  });

  it('with SCTLR_EL1.M=1 and A=0, unaligned accesses work, also across a page', () => {
    const s = setup([
      0xf9400020, // ldr x0, [x1]
      0xb9000020, // str w0, [x1]   (x1 unchanged: the same crossing address)
      0x79400020, // ldrh w0, [x1]
    ]);
    s.cpu.sysreg.poke('SCTLR_EL1', s.cpu.sysreg.peek('SCTLR_EL1') | 1n); // M
    // The alignment rules with the MMU on, over a flat Normal-memory map (no page tables).
    s.cpu.translator = flatTranslator;
    s.cpu.setX(1, BigInt(DATA + 0xffd));
    s.m.bus.write(DATA + 0xff8, 8, 0x8877_6655_4433_2211n);
    s.m.bus.write(DATA + 0x1000, 8, 0xffee_ddcc_bbaa_9988n);
    s.m.run({ maxInstructions: 1 });
    // bytes 66 77 88 | 88 99 aa bb cc
    expect(s.cpu.x(0)).toBe(0xccbb_aa99_8888_7766n);
    s.cpu.setX(0, 0x0403_0201n);
    s.m.run({ maxInstructions: 1 });
    expect(mem(s.m, DATA + 0xff8, 8)).toBe(0x0302_0155_4433_2211n);
    expect(mem(s.m, DATA + 0x1000, 8)).toBe(0xffee_ddcc_bbaa_9904n);
    s.m.run({ maxInstructions: 1 });
    expect(s.cpu.x(0)).toBe(0x0201n);
  });

  it('SCTLR_EL1.A=1 makes unaligned accesses fault with the MMU on', () => {
    const s = setup([0xf9400020 /* ldr x0, [x1] */]);
    s.cpu.sysreg.poke('SCTLR_EL1', s.cpu.sysreg.peek('SCTLR_EL1') | 3n);
    s.cpu.translator = flatTranslator; // M=1 over a flat Normal-memory map, as above
    s.cpu.setX(1, BigInt(DATA + 2));
    s.m.run({ maxInstructions: 1 });
    expectFault(s, ALIGN_RD, BigInt(DATA + 2));
  });

  it('an access to no memory is a synchronous external abort', () => {
    expectFault(fault(0xf9400020 /* ldr x0, [x1] */, { 1: 0x1000n }), EXT_RD, 0x1000n);
    expectFault(fault(0xf9000020 /* str x0, [x1] */, { 1: 0x1000n }), EXT_WR, 0x1000n);
    expectFault(fault(0x39400020 /* ldrb w0, [x1] */, { 1: 0x1001n }), EXT_RD, 0x1001n);
  });

  it('an address beyond the 48-bit PA space is an address size fault', () => {
    expectFault(fault(0xf9400020 /* ldr x0, [x1] */, { 1: 1n << 48n }), 0x9600_0000, 1n << 48n);
  });
});

describe('unclaimed encodings', () => {
  it('SIMD&FP loads and stores (V=1) are UNDEFINED for now', () => {
    for (const word of [
      0x3dc00020, // ldr q0, [x1]
      0xfd400020, // ldr d0, [x1]
      0xad400420, // ldp q0, q1, [x1]
      0x3c226820, // str b0, [x1, x2]
      0x7c5fe020, // ldur h0, [x1, #-2]
      0xbc404420, // ldr s0, [x1], #4
      0x6dbf07e0, // stp d0, d1, [sp, #-16]!
      0xac400420, // ldnp q0, q1, [x1]
      0x1c000040, // ldr s0, .+8
    ])
      expectFault(fault(word, { 1: BigInt(DATA) }), UNDEF);
  });

  it('unallocated size/opc combinations are UNDEFINED', () => {
    for (const word of [
      0xb9c00020, // size=10 opc=11 (unsigned offset)
      0xf9c00020, // size=11 opc=11
      0xb8c00020, // size=10 opc=11 (unscaled)
      0xf8800c20, // PRFM slot with pre-index
      0xf8800420, // PRFM slot with post-index
      0xf8800820, // PRFM slot, unprivileged
      0xb8c00420, // size=10 opc=11 post-index
      0xf8200420, // ldraa x0, [x1] (FEAT_PAuth: not implemented)
    ])
      expectFault(fault(word, { 1: BigInt(DATA) }), UNDEF);
  });
});
