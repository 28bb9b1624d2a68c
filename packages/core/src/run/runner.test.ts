import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { enc } from '../test-util/enc.js';
import type { Cpu } from '../cpu/cpu.js';
import type { InsnSampler } from './sampler.js';

const CODE = 0x4008_0000;

function machine(words: number[], cpus = 1) {
  const m = createMachine({ cpus: [{ count: cpus }] });
  words.forEach((w, i) => m.bus.write32(CODE + 4 * i, w));
  for (const c of m.cpus) c.pc = BigInt(CODE);
  return m;
}

describe('run loop', () => {
  it('stops on the instruction budget with an explicit reason', () => {
    const m = machine(Array(64).fill(enc.nop));
    expect(m.run({ maxInstructions: 10 })).toEqual({ kind: 'budget', executed: 10 });
    expect(m.cpus[0]!.pc).toBe(BigInt(CODE + 40));
    expect(m.cpus[0]!.instret).toBe(10);
  });

  it('runs straight across a page boundary', () => {
    const m = createMachine({});
    for (let a = 0x4008_0ff0; a < 0x4008_1010; a += 4) m.bus.write32(a, enc.nop);
    m.cpus[0]!.pc = 0x4008_0ff0n;
    m.run({ maxInstructions: 8 });
    expect(m.cpus[0]!.pc).toBe(0x4008_1010n);
  });

  it('stops when every CPU is halted and nothing can wake them', () => {
    const m = machine([enc.wfi], 2);
    expect(m.run({ maxInstructions: 100 })).toEqual({ kind: 'halted' });
  });

  it('lets an idle hook wake a halted CPU (how timers advance virtual time)', () => {
    const m = machine([enc.wfi, enc.nop, enc.nop]);
    let fired = false;
    m.onIdle(() => {
      if (fired) return false;
      fired = true;
      m.cpus[0]!.irqLine = true;
      return true;
    });
    expect(m.run({ maxInstructions: 2 })).toEqual({ kind: 'budget', executed: 2 });
    expect(m.cpus[0]!.pc).toBe(BigInt(CODE + 8));
  });

  it('stops at a breakpoint before executing it and resumes past it', () => {
    const m = machine(Array(8).fill(enc.nop));
    m.addBreakpoint(BigInt(CODE + 12));
    expect(m.run({ maxInstructions: 100 })).toEqual({
      kind: 'breakpoint',
      cpu: 0,
      pc: BigInt(CODE + 12),
    });
    expect(m.cpus[0]!.pc).toBe(BigInt(CODE + 12));
    expect(m.run({ maxInstructions: 2 })).toEqual({ kind: 'budget', executed: 2 });
    expect(m.cpus[0]!.pc).toBe(BigInt(CODE + 20));
  });

  it('does not skip the next breakpoint after resuming from another one', () => {
    const m = machine(Array(16).fill(enc.nop));
    const cpu = m.cpus[0]!;
    m.addBreakpoint(BigInt(CODE + 8));
    expect(m.run({ maxInstructions: 100 })).toMatchObject({
      kind: 'breakpoint',
      pc: BigInt(CODE + 8),
    });
    m.removeBreakpoint(BigInt(CODE + 8));
    cpu.pc = BigInt(CODE + 16);
    m.addBreakpoint(BigInt(CODE + 24));
    expect(m.run({ maxInstructions: 100 })).toMatchObject({
      kind: 'breakpoint',
      pc: BigInt(CODE + 24),
    });
    // A breakpoint at the very PC we are put at after a stop elsewhere still fires.
    m.addBreakpoint(BigInt(CODE + 4));
    cpu.pc = BigInt(CODE + 4);
    expect(m.run({ maxInstructions: 100 })).toMatchObject({
      kind: 'breakpoint',
      pc: BigInt(CODE + 4),
    });
  });

  it('emits instruction events only while someone subscribes', () => {
    const m = machine(Array(32).fill(enc.nop));
    let n = 0;
    m.run({ maxInstructions: 5 });
    const off = m.events.on('insn', (e) => {
      n++;
      expect(e.insn).toBe(enc.nop);
    });
    m.run({ maxInstructions: 5 });
    off();
    m.run({ maxInstructions: 5 });
    expect(n).toBe(5);
    expect(m.events.insnHooks).toBe(0);
  });

  it('stops with the error when a listener throws, with the CPU state complete', () => {
    const m = machine([enc.nop, enc.svc(3), enc.nop]);
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('VBAR_EL1', 0x4010_0000n);
    m.events.on('exception', () => {
      throw new Error('observer bug');
    });
    let later = 0;
    m.events.on('exception', () => later++);
    const stop = m.run({ maxInstructions: 100 });
    expect(stop.kind).toBe('listenerError');
    expect(stop.kind === 'listenerError' && (stop.error as Error).message).toBe('observer bug');
    expect(later).toBe(1); // the other listener still ran
    // The exception was fully taken before the listeners ran.
    expect(cpu.pc).toBe(0x4010_0200n);
    expect(cpu.sysreg.peek('ELR_EL1')).toBe(BigInt(CODE + 8));
    expect(cpu.sysreg.peek('ESR_EL1')).toBe(0x5600_0003n);
    expect(cpu.el).toBe(1);
    expect(cpu.daif).toBe(0xf);
  });

  it('counts system-register accesses and exceptions in the cost accounting', () => {
    const m = createMachine({ cpus: [{ features: ['FEAT_AA64EL2'] }] });
    const cpu = m.cpus[0]!;
    cpu.setMode(1, 1);
    cpu.sysreg.poke('VBAR_EL2', 0x4010_0000n);
    [enc.mrs(0, [3, 0, 1, 0, 0]), enc.msr([3, 0, 13, 0, 4], 0), enc.hvc(0)].forEach((w, i) =>
      m.bus.write32(CODE + 4 * i, w),
    );
    m.bus.write32(0x4010_0400, enc.wfi);
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 4 });
    cpu.sysreg.read('HCR_EL2');
    const c = m.cost;
    expect(c.count(0, 'sysreg.read.el1')).toBe(1);
    expect(c.count(0, 'sysreg.write.el1')).toBe(1);
    expect(c.count(0, 'sysreg.read.el2')).toBe(1);
    expect(c.count(0, 'exception.entry')).toBe(1);
    expect(c.totalCycles(0)).toBe(10 + 20 + 10 + 60);
  });

  it('runs several machines independently', () => {
    const a = machine(Array(8).fill(enc.nop));
    const b = machine(Array(8).fill(enc.nop));
    a.run({ maxInstructions: 3 });
    expect(b.cpus[0]!.pc).toBe(BigInt(CODE));
  });

  it('runs a selected instruction alone between the sampler hooks (cpu.sampler)', () => {
    // B . at the end keeps the CPU on one page; every 7th instruction is selected.
    const words = [...Array<number>(40).fill(enc.nop), 0x17ffffd8 /* B -40 insns */];
    const m = machine(words);
    const cpu = m.cpus[0]!;
    const picked: bigint[] = [];
    let count = 6;
    let stretches = 0;
    const sampler: InsnSampler = {
      enter(_c: Cpu) {
        stretches++;
        return count;
      },
      leave(c: Cpu, n: number, selected: boolean, exception: boolean) {
        expect(exception).toBe(false);
        if (selected) {
          expect(n).toBe(1);
          picked.push(c.pc - 4n); // NOPs only: the PC moved past the selected one
          count = 6;
        } else count -= n;
        expect(count).toBeGreaterThanOrEqual(0);
      },
    };
    cpu.sampler = sampler;
    m.run({ maxInstructions: 70 });
    expect(picked).toEqual(
      [7, 14, 21, 28, 35, 42, 49, 56, 63, 70].map((k) => BigInt(CODE + 4 * ((k - 1) % 41))),
    );
    expect(stretches).toBeGreaterThan(10);
    cpu.sampler = undefined;
    expect(m.run({ maxInstructions: 10 })).toEqual({ kind: 'budget', executed: 10 });
  });

  it('tells the sampler when the selected instruction unwinds with an exception', () => {
    const m = machine([enc.nop, 0x00000000 /* UDF */, enc.nop]);
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('VBAR_EL1', 0x4010_0000n);
    m.bus.write32(0x4010_0200, enc.wfi);
    const seen: [number, boolean, boolean][] = [];
    let left = 1;
    cpu.sampler = {
      enter: () => left,
      leave(_c, n, selected, exception) {
        seen.push([n, selected, exception]);
        left = selected ? 100 : left - n;
      },
    };
    m.run({ maxInstructions: 3 });
    expect(seen.slice(0, 2)).toEqual([
      [1, false, false],
      [1, true, true],
    ]);
  });
});
