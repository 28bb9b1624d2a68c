import { describe, expect, it } from 'vitest';
import { createMachine } from '@hypsim/core';
import { createVirtBoard, virtBoardOf } from './board.js';
import { CNTFRQ_HZ, NS_PER_TICK } from './clock.js';
import { updateTimers } from './timer.js';

const CODE = 0x4008_0000;
const WFI = 0xd503207f;
const B_SELF = 0x14000000;

function setup(features: string[] = []) {
  const m = createMachine({
    cpus: [{ count: 1, features }],
    plugins: [{ plugin: createVirtBoard() }],
  });
  const cpu = m.cpus[0]!;
  cpu.setMode(1, 1);
  return { m, cpu, board: virtBoardOf(m) };
}

describe('generic timer', () => {
  it('counts at 62.5 MHz from retired instructions', () => {
    const { cpu } = setup();
    expect(cpu.sysreg.read('CNTFRQ_EL0')).toBe(BigInt(CNTFRQ_HZ));
    expect(cpu.sysreg.read('CNTPCT_EL0')).toBe(0n);
    cpu.instret = 1600;
    expect(cpu.sysreg.read('CNTPCT_EL0')).toBe(1600n / BigInt(NS_PER_TICK));
  });

  it('subtracts CNTVOFF_EL2 from the virtual count', () => {
    const { cpu } = setup(['FEAT_AA64EL2']);
    cpu.setMode(2, 1);
    cpu.instret = 16 * 1000;
    cpu.sysreg.write('CNTVOFF_EL2', 300n);
    cpu.sysreg.write('CNTHCTL_EL2', 3n);
    cpu.setMode(1, 1);
    expect(cpu.sysreg.read('CNTVCT_EL0')).toBe(700n);
    expect(cpu.sysreg.read('CNTPCT_EL0')).toBe(1000n);
  });

  it('TVAL arms CVAL relative to now; ISTATUS and the PPI follow the deadline', () => {
    const { cpu, board } = setup();
    cpu.sysreg.write('CNTV_TVAL_EL0', 100n);
    expect(cpu.sysreg.read('CNTV_CVAL_EL0')).toBe(100n);
    cpu.sysreg.write('CNTV_CTL_EL0', 1n);
    expect(cpu.sysreg.read('CNTV_CTL_EL0')).toBe(1n);
    board.clock.advanceTo(100 * NS_PER_TICK);
    expect(cpu.sysreg.read('CNTV_CTL_EL0')).toBe(5n);
    updateTimers(cpu); // what the board does after every round
    expect(board.gic.privs[0]!.line[27]).toBe(1);
    expect(BigInt.asIntN(32, cpu.sysreg.read('CNTV_TVAL_EL0'))).toBe(0n);
    cpu.sysreg.write('CNTV_CTL_EL0', 3n); // masked: the line drops
    expect(board.gic.privs[0]!.line[27]).toBe(0);
  });

  it('traps EL1 physical counter accesses to EL2 unless CNTHCTL_EL2.EL1PCTEN', () => {
    const { cpu } = setup(['FEAT_AA64EL2']);
    cpu.setMode(1, 1);
    expect(() => cpu.sysreg.read('CNTPCT_EL0')).toThrow(/trap/i);
    cpu.setMode(2, 1);
    cpu.sysreg.write('CNTHCTL_EL2', 1n);
    cpu.setMode(1, 1);
    expect(cpu.sysreg.read('CNTPCT_EL0')).toBe(0n);
  });

  it('WFI with an armed timer advances virtual time to the deadline instead of spinning', () => {
    const { m, cpu, board } = setup();
    const g = board.gic;
    g.gicdCtlr |= 2;
    g.icc[0]!.igrpen1 = 1;
    g.icc[0]!.pmr = 0xff;
    g.privs[0]!.group[27] = 1;
    g.privs[0]!.enabled[27] = 1;
    m.bus.write32(CODE, WFI);
    m.bus.write32(CODE + 4, B_SELF);
    cpu.pc = BigInt(CODE);
    cpu.daif = 0xf;
    cpu.sysreg.write('CNTV_TVAL_EL0', 1_000_000n);
    cpu.sysreg.write('CNTV_CTL_EL0', 1n);
    const stop = m.run({ maxInstructions: 10 });
    expect(stop.kind).toBe('budget');
    expect(cpu.irqLine).toBe(true);
    expect(board.clock.nowNs(cpu)).toBeGreaterThanOrEqual(1_000_000 * NS_PER_TICK);
  });
});
