import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import type { Machine } from '../machine/machine.js';
import { enc } from '../test-util/enc.js';
import type { Cpu } from './cpu.js';

const CODE = 0x4008_0000;
const VBAR1 = 0x4010_0000;
const VBAR2 = 0x4011_0000;

function setup(features: string[] = ['FEAT_AA64EL2', 'FEAT_VHE']): { m: Machine; cpu: Cpu } {
  const m = createMachine({ cpus: [{ features }] });
  const cpu = m.cpus[0]!;
  cpu.sysreg.poke('VBAR_EL1', BigInt(VBAR1));
  if (cpu.hasEL2) cpu.sysreg.poke('VBAR_EL2', BigInt(VBAR2));
  return { m, cpu };
}

function put(m: Machine, addr: number, ...words: number[]): void {
  words.forEach((w, i) => m.bus.write32(addr + 4 * i, w));
}

/** NOPs at the start of all 16 vectors of both tables, so a taken interrupt runs on. */
function nopVectors(m: Machine): void {
  for (const base of [VBAR1, VBAR2])
    for (let i = 0; i < 16; i++) put(m, base + 0x80 * i, enc.nop, enc.nop);
}

const esrOf = (cpu: Cpu, el: 1 | 2) => cpu.sysreg.peek(`ESR_EL${el}`);
const ecOf = (cpu: Cpu, el: 1 | 2) => Number(esrOf(cpu, el) >> 26n);

describe('exception entry', () => {
  it('takes SVC from EL0 to EL1 at VBAR_EL1+0x400 with SPSR/ELR/ESR/PSTATE/SP exact', () => {
    const { m, cpu } = setup([]);
    cpu.setMode(1, 1);
    cpu.setSpEl(0, 0x4020_0000n);
    cpu.setSpEl(1, 0x4030_0000n);
    // ERET from EL1 into EL0t with Z,C set and F masked; EL0 then issues SVC #0x42.
    cpu.sysreg.poke('SPSR_EL1', 0x6000_0040n);
    cpu.sysreg.poke('ELR_EL1', BigInt(CODE + 0x100));
    put(m, CODE, enc.eret);
    put(m, CODE + 0x100, enc.svc(0x42));
    put(m, VBAR1 + 0x400, enc.wfi);
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 2 });
    expect(cpu.el).toBe(1);
    expect(cpu.spsel).toBe(1);
    expect(cpu.daif).toBe(0xf);
    expect(cpu.pc).toBe(BigInt(VBAR1 + 0x400));
    expect(cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(CODE + 0x104));
    expect(cpu.sysreg.peek('SPSR_EL1')).toBe(0x6000_0040n); // NZCV=0110, F, EL0t
    expect(esrOf(cpu, 1)).toBe(0x5600_0042n); // EC 0x15, IL, imm16
    expect(cpu.sp).toBe(0x4030_0000n); // SP_EL1 live again
    expect(cpu.spEl(0)).toBe(0x4020_0000n);
  });

  it('uses offset 0x000 with SP_EL0 and 0x200 with SP_ELx for the current EL', () => {
    for (const [spsel, off] of [
      [0, 0x000],
      [1, 0x200],
    ] as const) {
      const { m, cpu } = setup([]);
      cpu.setMode(1, spsel);
      put(m, CODE, enc.brk(7));
      cpu.pc = BigInt(CODE);
      m.run({ maxInstructions: 1 });
      expect(cpu.pc).toBe(BigInt(VBAR1 + off));
      expect(cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(CODE)); // BRK: ELR is the BRK itself
      expect(esrOf(cpu, 1)).toBe(0xf200_0007n); // EC 0x3C
      expect(cpu.sysreg.peek('SPSR_EL1') & 0x1fn).toBe(spsel ? 0x5n : 0x4n);
    }
  });

  it('routes EL0 exceptions to EL2 when HCR_EL2.TGE=1', () => {
    const { m, cpu } = setup();
    cpu.sysreg.poke('HCR_EL2', (1n << 31n) | (1n << 27n) | (1n << 34n));
    cpu.setMode(0, 0);
    put(m, CODE, enc.svc(1));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(2);
    expect(cpu.pc).toBe(BigInt(VBAR2 + 0x400));
    expect(ecOf(cpu, 2)).toBe(0x15);
    expect(cpu.sysreg.peek('ELR_EL2')).toBe(BigInt(CODE + 4));
    expect(cpu.sysreg.peek('SPSR_EL2')).toBe(0x3c0n); // DAIF as reset, EL0t
  });

  it('takes HVC from EL1 to EL2 (ELR = next), UNDEF at EL0 and with HCR_EL2.HCD', () => {
    const { m, cpu } = setup();
    cpu.setMode(1, 1);
    put(m, CODE, enc.hvc(0x1234));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(2);
    expect(cpu.pc).toBe(BigInt(VBAR2 + 0x400));
    expect(esrOf(cpu, 2)).toBe(0x5a00_1234n); // EC 0x16
    expect(cpu.sysreg.peek('ELR_EL2')).toBe(BigInt(CODE + 4));

    const b = setup();
    b.cpu.setMode(1, 1);
    b.cpu.sysreg.poke('HCR_EL2', (1n << 31n) | (1n << 29n));
    put(b.m, CODE, enc.hvc(1));
    b.cpu.pc = BigInt(CODE);
    b.m.run({ maxInstructions: 1 });
    expect(b.cpu.el).toBe(1);
    expect(ecOf(b.cpu, 1)).toBe(0);
    expect(b.cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(CODE));

    const c = setup([]);
    put(c.m, CODE, enc.hvc(1));
    c.cpu.pc = BigInt(CODE);
    c.m.run({ maxInstructions: 1 });
    expect(ecOf(c.cpu, 1)).toBe(0); // no EL2: UNDEFINED
  });

  it('traps SMC from EL1 with HCR_EL2.TSC (ELR = the SMC) and makes it UNDEFINED otherwise', () => {
    const { m, cpu } = setup();
    cpu.setMode(1, 1);
    cpu.sysreg.poke('HCR_EL2', (1n << 31n) | (1n << 19n));
    put(m, CODE, enc.smc(3));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(esrOf(cpu, 2)).toBe(0x5e00_0003n); // EC 0x17
    expect(cpu.sysreg.peek('ELR_EL2')).toBe(BigInt(CODE));

    const b = setup();
    b.cpu.setMode(1, 1);
    put(b.m, CODE, enc.smc(3));
    b.cpu.pc = BigInt(CODE);
    b.m.run({ maxInstructions: 1 });
    expect(b.cpu.el).toBe(1);
    expect(esrOf(b.cpu, 1)).toBe(0x0200_0000n); // EC 0, IL=1
  });

  it('raises UNDEF (EC 0x00) for an encoding nothing claims, never a JavaScript exception', () => {
    const { m, cpu } = setup([]);
    put(m, CODE, 0x00000000); // UDF #0
    cpu.pc = BigInt(CODE);
    expect(() => m.run({ maxInstructions: 1 })).not.toThrow();
    expect(esrOf(cpu, 1)).toBe(0x0200_0000n);
    expect(cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(CODE));
    expect(cpu.pc).toBe(BigInt(VBAR1 + 0x200));
  });

  it('takes a PC alignment fault with FAR = the misaligned PC', () => {
    const { m, cpu } = setup([]);
    cpu.pc = BigInt(CODE + 2);
    m.run({ maxInstructions: 1 });
    expect(ecOf(cpu, 1)).toBe(0x22);
    expect(cpu.sysreg.peek('FAR_EL1')).toBe(BigInt(CODE + 2));
    expect(cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(CODE + 2));
  });

  it('takes an instruction abort (external, IFSC 0x10) when fetching from a hole', () => {
    const { m, cpu } = setup([]);
    cpu.pc = 0x1000n;
    m.run({ maxInstructions: 1 });
    const esr = esrOf(cpu, 1);
    expect(Number(esr >> 26n)).toBe(0x21);
    expect(esr & 0x3fn).toBe(0x10n);
    expect(cpu.sysreg.peek('FAR_EL1')).toBe(0x1000n);
  });
});

describe('exception return', () => {
  it('restores PSTATE from SPSR_EL2 and PC from ELR_EL2 when returning to EL1h', () => {
    const { m, cpu } = setup();
    cpu.setMode(2, 1);
    cpu.setSpEl(1, 0x4040_0000n);
    cpu.sysreg.poke('SPSR_EL2', 0x9000_0385n); // N,V; D,A,I masked, F clear; EL1h
    cpu.sysreg.poke('ELR_EL2', BigInt(CODE + 0x40));
    put(m, CODE, enc.eret);
    put(m, CODE + 0x40, enc.wfi);
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(1);
    expect(cpu.spsel).toBe(1);
    expect(cpu.nzcv).toBe(0b1001);
    expect(cpu.daif).toBe(0b1110);
    expect(cpu.il).toBe(0);
    expect(cpu.pc).toBe(BigInt(CODE + 0x40));
    expect(cpu.sp).toBe(0x4040_0000n);
  });

  const illegal: Array<[string, string[], number, bigint, bigint?]> = [
    ['to a higher EL', [], 1, 0x9n],
    ['to AArch32', ['FEAT_AA64EL2'], 2, 0x13n],
    ['to a reserved mode (M[1]=1)', [], 1, 0x6n],
    ['to EL0h', [], 1, 0x1n],
    ['to EL1 while HCR_EL2.TGE=1', ['FEAT_AA64EL2'], 2, 0x5n, 1n << 27n],
    ['to EL2 without EL2', [], 1, 0x8n], // also a higher EL
  ];
  for (const [what, features, el, spsr, hcr] of illegal) {
    it(`is illegal ${what}: IL set, EL kept, then EC 0x0E`, () => {
      const { m, cpu } = setup(features);
      cpu.setMode(el, 1);
      if (hcr !== undefined) cpu.sysreg.poke('HCR_EL2', (1n << 31n) | hcr);
      cpu.sysreg.poke(`SPSR_EL${el}`, 0x2000_0000n | spsr);
      cpu.sysreg.poke(`ELR_EL${el}`, BigInt(CODE + 0x80));
      put(m, CODE, enc.eret);
      put(m, CODE + 0x80, enc.nop);
      cpu.pc = BigInt(CODE);
      m.run({ maxInstructions: 1 });
      expect(cpu.el).toBe(el);
      expect(cpu.il).toBe(1);
      expect(cpu.nzcv).toBe(0b0010); // restored from SPSR all the same
      expect(cpu.pc).toBe(BigInt(CODE + 0x80));
      m.run({ maxInstructions: 1 });
      expect(ecOf(cpu, el as 1 | 2)).toBe(0x0e);
      expect(cpu.sysreg.peek(`ELR_EL${el}`)).toBe(BigInt(CODE + 0x80));
      expect(cpu.sysreg.peek(`SPSR_EL${el}`) & (1n << 20n)).toBe(1n << 20n); // IL saved
      expect(cpu.il).toBe(0);
    });
  }

  it('is UNDEFINED at EL0', () => {
    const { m, cpu } = setup([]);
    cpu.setMode(0, 0);
    put(m, CODE, enc.eret);
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(1);
    expect(ecOf(cpu, 1)).toBe(0);
  });
});

describe('trapped system-register accesses (EC 0x18)', () => {
  const cases: Array<{ what: string; hcr: bigint; insn: number; iss: number }> = [
    {
      what: 'MSR SCTLR_EL1, X3 with HCR_EL2.TVM',
      hcr: 1n << 26n,
      insn: enc.msr([3, 0, 1, 0, 0], 3),
      iss: 0x300460,
    },
    {
      what: 'MRS X5, TTBR0_EL1 with HCR_EL2.TRVM',
      hcr: 1n << 30n,
      insn: enc.mrs(5, [3, 0, 2, 0, 0]),
      iss: 0x3008a1,
    },
    {
      what: 'MRS X1, ID_AA64PFR0_EL1 with HCR_EL2.TID3',
      hcr: 1n << 18n,
      insn: enc.mrs(1, [3, 0, 0, 4, 0]),
      iss: 0x300029,
    },
    {
      what: 'MSR ACTLR_EL1, X0 with HCR_EL2.TACR',
      hcr: 1n << 21n,
      insn: enc.msr([3, 0, 1, 0, 1], 0),
      iss: 0x320400,
    },
  ];
  for (const c of cases) {
    it(`routes ${c.what} to EL2 with the MSR/MRS ISS and ELR = the instruction`, () => {
      const { m, cpu } = setup();
      cpu.setMode(1, 1);
      cpu.sysreg.poke('HCR_EL2', (1n << 31n) | c.hcr);
      const before = cpu.sysreg.peek('SCTLR_EL1');
      put(m, CODE, c.insn);
      cpu.pc = BigInt(CODE);
      m.run({ maxInstructions: 1 });
      expect(cpu.el).toBe(2);
      expect(esrOf(cpu, 2)).toBe(BigInt(((0x18 << 26) | (1 << 25) | c.iss) >>> 0));
      expect(cpu.sysreg.peek('ELR_EL2')).toBe(BigInt(CODE));
      expect(cpu.sysreg.peek('SCTLR_EL1')).toBe(before); // the trapped write did not happen
    });
  }

  it('does not trap the same accesses from EL1 when the control bit is clear', () => {
    const { m, cpu } = setup();
    cpu.setMode(1, 1);
    cpu.setX(3, 0x1005n);
    put(m, CODE, enc.msr([3, 0, 1, 0, 0], 3));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(1);
    expect(cpu.sysreg.peek('SCTLR_EL1')).toBe(0x30d01805n); // RES1 bits kept
  });

  it('traps CPACR_EL1 accesses with CPTR_EL2.TCPAC', () => {
    const { m, cpu } = setup();
    cpu.setMode(1, 1);
    cpu.sysreg.poke('CPTR_EL2', 0x8000_33ffn);
    put(m, CODE, enc.mrs(2, [3, 0, 1, 0, 2]));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(ecOf(cpu, 2)).toBe(0x18);
  });

  it('traps EL0 DAIF reads to EL1 unless SCTLR_EL1.UMA', () => {
    const { m, cpu } = setup([]);
    cpu.setMode(0, 0);
    put(m, CODE, enc.mrs(0, [3, 3, 4, 2, 1]));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(1);
    expect(esrOf(cpu, 1)).toBe(BigInt(((0x18 << 26) | (1 << 25) | 0x32d005) >>> 0));

    const b = setup([]);
    b.cpu.sysreg.poke('SCTLR_EL1', 0x30d00800n | (1n << 9n));
    b.cpu.setMode(0, 0);
    b.cpu.daif = 0b0101;
    put(b.m, CODE, enc.mrs(0, [3, 3, 4, 2, 1]));
    b.cpu.pc = BigInt(CODE);
    b.m.run({ maxInstructions: 1 });
    expect(b.cpu.el).toBe(0);
    expect(b.cpu.x(0)).toBe(0b0101n << 6n);
  });

  it('makes EL1 registers UNDEFINED at EL0 (EC 0x00 to EL1)', () => {
    const { m, cpu } = setup([]);
    cpu.setMode(0, 0);
    put(m, CODE, enc.mrs(0, [3, 0, 1, 0, 0]));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(1);
    expect(ecOf(cpu, 1)).toBe(0);
  });

  it('makes MRS SP_EL0 UNDEFINED while SP_EL0 is the live stack pointer', () => {
    const { m, cpu } = setup([]);
    cpu.setMode(1, 0);
    put(m, CODE, enc.mrs(0, [3, 0, 4, 1, 0]));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(ecOf(cpu, 1)).toBe(0);
  });
});

describe('interrupts', () => {
  it('takes an unmasked IRQ at EL1 to VBAR_EL1+0x280 with ELR = the next instruction', () => {
    const { m, cpu } = setup([]);
    put(m, CODE, enc.nop, enc.daifClr(2), enc.nop, enc.nop);
    nopVectors(m);
    cpu.pc = BigInt(CODE);
    cpu.irqLine = true;
    m.run({ maxInstructions: 2 }); // NOP, then MSR DAIFClr #2 unmasks
    m.run({ maxInstructions: 1 });
    expect(cpu.pc).toBe(BigInt(VBAR1 + 0x284));
    expect(cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(CODE + 8));
    expect(cpu.sysreg.peek('SPSR_EL1')).toBe(0x345n); // D,A,F masked, I clear, EL1h
  });

  it('routes a physical IRQ from EL1 to EL2 with HCR_EL2.IMO regardless of PSTATE.I', () => {
    const { m, cpu } = setup();
    cpu.setMode(1, 1);
    cpu.sysreg.poke('HCR_EL2', (1n << 31n) | (1n << 4n));
    put(m, CODE, enc.nop, enc.nop);
    nopVectors(m);
    cpu.pc = BigInt(CODE);
    cpu.irqLine = true;
    m.run({ maxInstructions: 1 });
    expect(cpu.el).toBe(2);
    // Taken before the first instruction (from a lower EL: offset 0x480), then one NOP ran.
    expect(cpu.sysreg.peek('ELR_EL2')).toBe(BigInt(CODE));
    expect(cpu.pc).toBe(BigInt(VBAR2 + 0x484));
  });

  it('delivers a virtual IRQ (HCR_EL2.VI with IMO) to EL1, masked by PSTATE.I, never at EL2', () => {
    const { m, cpu } = setup();
    cpu.setMode(2, 1);
    cpu.sysreg.poke('HCR_EL2', (1n << 31n) | (1n << 4n) | (1n << 7n));
    cpu.daif = 0;
    put(m, CODE, enc.nop, enc.nop);
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 2 });
    expect(cpu.el).toBe(2); // not taken at EL2
    expect(cpu.pc).toBe(BigInt(CODE + 8));
    const b = setup();
    b.cpu.setMode(1, 0);
    b.cpu.sysreg.poke('HCR_EL2', (1n << 31n) | (1n << 4n) | (1n << 7n));
    b.cpu.daif = 0;
    put(b.m, CODE, enc.nop);
    nopVectors(b.m);
    b.cpu.daif = 0b0010; // I masked: stays pending
    b.cpu.pc = BigInt(CODE);
    b.m.run({ maxInstructions: 1 });
    expect(b.cpu.pc).toBe(BigInt(CODE + 4));
    b.cpu.daif = 0;
    b.cpu.pc = BigInt(CODE);
    b.m.run({ maxInstructions: 1 });
    expect(b.cpu.el).toBe(1);
    expect(b.cpu.pc).toBe(BigInt(VBAR1 + 0x084)); // current EL with SP_EL0, IRQ; then ran 1 insn
  });

  it('wakes WFI on a pending interrupt even when it is masked', () => {
    const { m, cpu } = setup([]);
    put(m, CODE, enc.wfi, enc.nop, enc.nop);
    cpu.pc = BigInt(CODE);
    expect(m.run({ maxInstructions: 10 })).toEqual({ kind: 'halted' });
    expect(cpu.halted).toBe(true);
    cpu.irqLine = true; // masked by PSTATE.I at reset
    m.run({ maxInstructions: 1 });
    expect(cpu.halted).toBe(false);
    expect(cpu.pc).toBe(BigInt(CODE + 8));
  });
});
