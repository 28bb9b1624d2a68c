import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { TEST_CODE_BASE, machineWithCode, runToEnd } from '../testing.js';

const BASE = BigInt(TEST_CODE_BASE);

/** One machine for the single-instruction checks (writing the code invalidates its decode). */
const m1 = machineWithCode([0]);
const cpu1 = m1.cpus[0]!;

/** Executes `word` at BASE from the given state and returns the PC afterwards. */
function step(word: number, regs: Record<number, bigint> = {}, nzcv = 0): bigint {
  m1.bus.write32(TEST_CODE_BASE, word >>> 0);
  cpu1.setMode(1, 1);
  for (let i = 0; i < 31; i++) cpu1.setX(i, regs[i] ?? 0n);
  cpu1.nzcv = nzcv;
  cpu1.sysreg.poke('ESR_EL1', 0xffffffffn);
  cpu1.pc = BASE;
  m1.run({ maxInstructions: 1 });
  return cpu1.pc;
}

function isUndef(word: number): boolean {
  const pc = step(word, { 1: BASE + 0x100n, 30: BASE + 0x200n });
  return (
    pc === cpu1.sysreg.peek('VBAR_EL1') + 0x200n &&
    cpu1.sysreg.peek('ESR_EL1') >> 26n === 0n &&
    cpu1.sysreg.peek('ELR_EL1') === BASE
  );
}

/** ConditionHolds (Arm ARM J1), written independently of COND_PASS. */
function conditionHolds(cond: number, nzcv: number): boolean {
  const n = (nzcv >> 3) & 1,
    z = (nzcv >> 2) & 1,
    c = (nzcv >> 1) & 1,
    v = nzcv & 1;
  const base = [
    z === 1,
    c === 1,
    n === 1,
    v === 1,
    c === 1 && z === 0,
    n === v,
    n === v && z === 0,
    true,
  ][cond >> 1]!;
  return (cond & 1) === 1 && cond !== 15 ? !base : base;
}

describe('branches', () => {
  it('B forward and backward', () => {
    const m = machineWithCode([
      0x14000002, //  0: b .+8
      0xd2800020, //  4: mov x0, #1      (skipped)
      0xd2800041, //  8: mov x1, #2
      0x14000003, //  c: b .+12        → 0x18
      0xd2800062, // 10: mov x2, #3
      0x14000003, // 14: b .+12        → 0x20 (end)
      0x17fffffe, // 18: b .-8         → 0x10
      0xd2800083, // 1c: mov x3, #4      (skipped)
    ]);
    const cpu = m.cpus[0]!;
    runToEnd(m, 8, 20);
    expect(cpu.pc).toBe(BASE + 0x20n);
    expect([cpu.x(0), cpu.x(1), cpu.x(2), cpu.x(3)]).toEqual([0n, 2n, 3n, 0n]);
    expect(cpu.instret).toBe(6);
  });

  it('BL links PC+4 and RET returns through X30', () => {
    const m = machineWithCode([
      0x94000003, //  0: bl .+12       → 0xc, x30 = 4
      0xd2800021, //  4: mov x1, #1
      0x14000003, //  8: b .+12        → 0x14 (end)
      0xd28000e0, //  c: mov x0, #7
      0xd65f03c0, // 10: ret
    ]);
    const cpu = m.cpus[0]!;
    runToEnd(m, 5, 20);
    expect(cpu.pc).toBe(BASE + 0x14n);
    expect(cpu.x(0)).toBe(7n);
    expect(cpu.x(1)).toBe(1n);
    expect(cpu.x(30)).toBe(BASE + 4n);
  });

  it('a counted loop (SUBS + B.NE backward)', () => {
    const m = machineWithCode([
      0xf1000421, // subs x1, x1, #1
      0x91000c00, // add x0, x0, #3
      0x54ffffc1, // b.ne .-8
    ]);
    const cpu = m.cpus[0]!;
    cpu.setX(1, 1000n);
    runToEnd(m, 3, 5000);
    expect(cpu.x(0)).toBe(3000n);
    expect(cpu.x(1)).toBe(0n);
    expect(cpu.nzcv).toBe(0b0110);
  });

  it('B.cond: all 16 conditions against all 16 flag values', () => {
    // b.<cond> .+8 is 0x54000040 | cond: b.eq, b.ne, b.cs, b.cc, b.mi, b.pl, b.vs, b.vc,
    // b.hi, b.ls, b.ge, b.lt, b.gt, b.le, b.al, b.nv.
    const wrong: string[] = [];
    for (let cond = 0; cond < 16; cond++)
      for (let nzcv = 0; nzcv < 16; nzcv++) {
        const taken = step(0x54000040 | cond, {}, nzcv) === BASE + 8n;
        if (taken !== conditionHolds(cond, nzcv)) wrong.push(`cond ${cond} nzcv ${nzcv}`);
      }
    expect(wrong).toEqual([]);
  });

  it('immediate offsets at the ends of their ranges', () => {
    expect(step(0x16000000)).toBe(BASE - 0x8000000n); // b .-0x8000000
    expect(step(0x95ffffff)).toBe(BASE + 0x7fffffcn); // bl .+0x7fffffc
    expect(cpu1.x(30)).toBe(BASE + 4n);
    expect(step(0x54800000, {}, 0b0100)).toBe(BASE - 0x100000n); // b.eq .-0x100000
    expect(step(0x547fffe1, {}, 0)).toBe(BASE + 0xffffcn); // b.ne .+0xffffc
    expect(step(0x34800001)).toBe(BASE - 0x100000n); // cbz w1, .-0x100000
    expect(step(0xb57fffe1, { 1: 1n })).toBe(BASE + 0xffffcn); // cbnz x1, .+0xffffc
    expect(step(0xb7fc0001, { 1: 1n << 63n })).toBe(BASE - 0x8000n); // tbnz x1, #63, .-0x8000
    expect(step(0x360bffe1)).toBe(BASE + 0x7ffcn); // tbz w1, #1, .+0x7ffc
  });

  it('CBZ/CBNZ test 32 or 64 bits', () => {
    const hiOnly = { 1: 0x1_0000_0000n };
    const T = BASE + 8n;
    const N = BASE + 4n;
    expect(step(0x34000041, hiOnly)).toBe(T); // cbz w1, .+8
    expect(step(0xb4000041, hiOnly)).toBe(N); // cbz x1, .+8
    expect(step(0x35000041, hiOnly)).toBe(N); // cbnz w1, .+8
    expect(step(0xb5000041, hiOnly)).toBe(T); // cbnz x1, .+8
    expect(step(0xb4000041, { 1: 0n })).toBe(T); // cbz x1, .+8
    expect(step(0x35000041, { 1: 0x8000_0000n })).toBe(T); // cbnz w1, .+8
    expect(step(0xb400005f, { 31: 5n })).toBe(T); // cbz xzr, .+8
    expect(step(0x3500005f)).toBe(N); // cbnz wzr, .+8
  });

  it('TBZ/TBNZ test the selected bit', () => {
    const T = BASE + 8n;
    const N = BASE + 4n;
    const v = { 1: 0x8000_0001_8000_0000n }; // bits 63, 32, 31 set; bit 0 clear
    expect(step(0x36000041, v)).toBe(T); // tbz w1, #0, .+8
    expect(step(0x37000041, v)).toBe(N); // tbnz w1, #0, .+8
    expect(step(0x36f80041, v)).toBe(N); // tbz w1, #31, .+8
    expect(step(0x37f80041, v)).toBe(T); // tbnz w1, #31, .+8
    expect(step(0xb6000041, v)).toBe(N); // tbz x1, #32, .+8
    expect(step(0xb7000041, v)).toBe(T); // tbnz x1, #32, .+8
    expect(step(0xb6f80041, v)).toBe(N); // tbz x1, #63, .+8
    expect(step(0xb7f80041, v)).toBe(T); // tbnz x1, #63, .+8
    expect(step(0xb6f80041, { 1: 0x7fff_ffff_ffff_ffffn })).toBe(T); // tbz x1, #63, .+8
  });

  it('BR/BLR/RET branch to the register; BLR reads its target before linking', () => {
    const target = 0x1234_5678_9abc_def0n;
    expect(step(0xd61f0020, { 1: target })).toBe(target); // br x1
    expect(cpu1.x(30)).toBe(0n);
    expect(step(0xd63f0020, { 1: target })).toBe(target); // blr x1
    expect(cpu1.x(30)).toBe(BASE + 4n);
    expect(step(0xd63f03c0, { 30: target })).toBe(target); // blr x30
    expect(cpu1.x(30)).toBe(BASE + 4n);
    expect(step(0xd65f03c0, { 30: target })).toBe(target); // ret
    expect(step(0xd65f0040, { 2: 0xffff_ffff_ffff_fffcn })).toBe(0xffff_ffff_ffff_fffcn); // ret x2
    expect(step(0xd61f03e0, { 31: 5n })).toBe(0n); // br xzr
  });

  it('PC-relative branches and links carry across a 4 GB boundary', () => {
    const m = createMachine({
      cpus: [{}],
      memory: [
        { name: 'ram', base: 0x4000_0000, size: 0x10_0000 },
        { name: 'hi', base: 0xffff_f000, size: 0x2000 },
      ],
    });
    m.bus.write32(0xffff_fff8, 0x14000003); // b .+12        → 0x1_0000_0004
    m.bus.write32(0xffff_fffc, 0x14000004); // b .+16        → 0x1_0000_000c (end)
    m.bus.write32(0x1_0000_0004, 0x97fffffe); // bl .-8      → 0xffff_fffc, x30 = 0x1_0000_0008
    const cpu = m.cpus[0]!;
    cpu.setMode(1, 1);
    cpu.pc = 0xffff_fff8n;
    m.addBreakpoint(0x1_0000_000cn);
    m.run({ maxInstructions: 10 });
    expect(cpu.pc).toBe(0x1_0000_000cn);
    expect(cpu.x(30)).toBe(0x1_0000_0008n);
    expect(cpu.instret).toBe(3);
  });

  it('PAC branches, BC.cond and other unallocated branch encodings are UNDEF', () => {
    const words = [
      0x54000050, // bc.eq .+8 (FEAT_HBC not implemented)
      0x55000040, // b.cond with bit 24 set
      0xd65f0bff, // retaa (FEAT_PAuth not implemented)
      0xd65f0fff, // retab
      0xd61f083f, // braaz x1
      0xd71f0822, // braa x1, x2
      0xd63f083f, // blraaz x1
      0xd73f0822, // blraa x1, x2
      0xd61f0021, // br x1 with op4 = 00001
      0xd61e0020, // br x1 with op2 = 11110
      0xd61f0420, // br x1 with op3 = 000001
      0xd69f0bff, // eretaa
      0xd6bf03e0, // drps
      0xd65f03c1, // ret with op4 = 00001
    ];
    expect(words.filter((w) => !isUndef(w)).map((w) => w.toString(16))).toEqual([]);
  });
});
