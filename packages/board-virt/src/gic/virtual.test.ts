import { describe, expect, it } from 'vitest';
import { createMachine } from '@hypsim/core';
import { createVirtBoard, virtBoardOf } from '../board.js';
import { ICH_HCR, ICH_VMCR, LR_STATE } from './virtual.js';

/** An EL2-capable CPU on the virt board, at EL2, with HCR_EL2.IMO set. */
function setup() {
  const m = createMachine({
    cpus: [{ count: 1, features: ['FEAT_AA64EL2', 'FEAT_VHE'] }],
    plugins: [{ plugin: createVirtBoard() }],
  });
  const cpu = m.cpus[0]!;
  cpu.setMode(2, 1);
  cpu.sysreg.write('HCR_EL2', (1n << 31n) | (1n << 4n)); // RW, IMO
  const gic = virtBoardOf(m).gic;
  const vif = gic.vif[0]!;
  const lr = (vintid: number, prio: number, state: number, extra = 0n): bigint =>
    (BigInt(state) << 62n) | (1n << 60n) | (BigInt(prio) << 48n) | extra | BigInt(vintid);
  const toEL1 = () => cpu.setMode(1, 1);
  const toEL2 = () => cpu.setMode(2, 1);
  return { m, cpu, gic, vif, lr, toEL1, toEL2 };
}

const VMCR_ON = BigInt(ICH_VMCR.VENG1) | (0xffn << 24n);

describe('GICv3 virtualization interface', () => {
  it('reports QEMU’s ICH_VTR_EL2: 4 list registers, 5 priority bits', () => {
    const { cpu } = setup();
    const vtr = cpu.sysreg.read('ICH_VTR_EL2');
    expect(Number(vtr & 0x1fn) + 1).toBe(4);
    expect(Number((vtr >> 29n) & 7n) + 1).toBe(5);
  });

  it('turns a pending list-register entry into a virtual IRQ at EL1', () => {
    const { cpu, gic, lr, toEL1 } = setup();
    cpu.sysreg.write('ICH_VMCR_EL2', VMCR_ON);
    cpu.sysreg.write('ICH_LR0_EL2', lr(27, 0x80, LR_STATE.Pending));
    expect(cpu.virqLine).toBe(false); // ICH_HCR_EL2.En still clear
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En));
    expect(cpu.virqLine).toBe(true);
    expect(cpu.irqLine).toBe(false);
    toEL1();
    // The EL1 view goes through ICV_*: HPPIR and IAR see the list register.
    expect(cpu.sysreg.read('ICC_HPPIR1_EL1')).toBe(27n);
    expect(cpu.sysreg.read('ICC_IAR1_EL1')).toBe(27n);
    expect(cpu.virqLine).toBe(false);
    expect(cpu.sysreg.read('ICC_RPR_EL1')).toBe(0x80n);
    expect(gic.icc[0]!.ap1).toBe(0); // the physical CPU interface was not touched
  });

  it('masks by the virtual priority mask and running priority', () => {
    const { cpu, lr, toEL1 } = setup();
    cpu.sysreg.write('ICH_VMCR_EL2', BigInt(ICH_VMCR.VENG1) | (0x80n << 24n));
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En));
    cpu.sysreg.write('ICH_LR0_EL2', lr(40, 0x80, LR_STATE.Pending));
    expect(cpu.virqLine).toBe(false); // priority 0x80 is not below VPMR 0x80
    cpu.sysreg.write('ICH_LR0_EL2', lr(40, 0x78, LR_STATE.Pending));
    expect(cpu.virqLine).toBe(true);
    toEL1();
    cpu.sysreg.write('ICC_PMR_EL1', 0x70n); // reaches ICH_VMCR_EL2.VPMR
    expect(cpu.virqLine).toBe(false);
  });

  it('EOI drops priority and deactivates the list register (EOImode 0)', () => {
    const { cpu, lr, toEL1, toEL2 } = setup();
    cpu.sysreg.write('ICH_VMCR_EL2', VMCR_ON);
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En));
    cpu.sysreg.write('ICH_LR1_EL2', lr(33, 0xa0, LR_STATE.Pending));
    toEL1();
    expect(cpu.sysreg.read('ICC_IAR1_EL1')).toBe(33n);
    toEL2();
    expect(cpu.sysreg.read('ICH_LR1_EL2') >> 62n).toBe(BigInt(LR_STATE.Active));
    expect(cpu.sysreg.read('ICH_AP1R0_EL2')).toBe(1n << 20n);
    expect(cpu.sysreg.read('ICH_ELRSR_EL2') & 2n).toBe(0n);
    toEL1();
    cpu.sysreg.write('ICC_EOIR1_EL1', 33n);
    toEL2();
    expect(cpu.sysreg.read('ICH_LR1_EL2') >> 62n).toBe(0n);
    expect(cpu.sysreg.read('ICH_AP1R0_EL2')).toBe(0n);
    expect(cpu.sysreg.read('ICH_ELRSR_EL2') & 2n).toBe(2n);
  });

  it('with EOImode 1, EOI only drops priority and DIR deactivates', () => {
    const { cpu, lr, toEL1, toEL2 } = setup();
    cpu.sysreg.write('ICH_VMCR_EL2', VMCR_ON | BigInt(ICH_VMCR.VEOIM));
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En));
    cpu.sysreg.write('ICH_LR0_EL2', lr(50, 0x40, LR_STATE.Pending));
    toEL1();
    expect(cpu.sysreg.read('ICC_CTLR_EL1') & 2n).toBe(2n);
    expect(cpu.sysreg.read('ICC_IAR1_EL1')).toBe(50n);
    cpu.sysreg.write('ICC_EOIR1_EL1', 50n);
    expect(cpu.sysreg.read('ICC_RPR_EL1')).toBe(0xffn);
    toEL2();
    expect(cpu.sysreg.read('ICH_LR0_EL2') >> 62n).toBe(BigInt(LR_STATE.Active));
    toEL1();
    cpu.sysreg.write('ICC_DIR_EL1', 50n);
    toEL2();
    expect(cpu.sysreg.read('ICH_LR0_EL2') >> 62n).toBe(0n);
  });

  it('deactivating a hardware-mapped interrupt deactivates the physical one', () => {
    const { cpu, gic, lr, toEL1 } = setup();
    gic.privs[0]!.active[27] = 1;
    cpu.sysreg.write('ICH_VMCR_EL2', VMCR_ON);
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En));
    cpu.sysreg.write('ICH_LR0_EL2', lr(27, 0x80, LR_STATE.Pending, (1n << 61n) | (27n << 32n)));
    toEL1();
    expect(cpu.sysreg.read('ICC_IAR1_EL1')).toBe(27n);
    cpu.sysreg.write('ICC_EOIR1_EL1', 27n);
    expect(gic.privs[0]!.active[27]).toBe(0);
  });

  it('raises the maintenance interrupt (INTID 25) on underflow and on EOI', () => {
    const { cpu, gic, lr, toEL1, toEL2 } = setup();
    cpu.sysreg.write('ICH_VMCR_EL2', VMCR_ON);
    cpu.sysreg.write('ICH_LR0_EL2', lr(60, 0x80, LR_STATE.Pending));
    cpu.sysreg.write('ICH_LR1_EL2', lr(61, 0x80, LR_STATE.Pending, 1n << 41n));
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En | ICH_HCR.UIE));
    expect(cpu.sysreg.read('ICH_MISR_EL2')).toBe(0n); // two valid entries: no underflow
    expect(gic.privs[0]!.line[25]).toBe(0);
    toEL1();
    expect(cpu.sysreg.read('ICC_IAR1_EL1')).toBe(60n);
    cpu.sysreg.write('ICC_EOIR1_EL1', 60n);
    toEL2();
    expect(cpu.sysreg.read('ICH_MISR_EL2') & 2n).toBe(2n); // U: at most one valid entry
    expect(gic.privs[0]!.line[25]).toBe(1);
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En));
    expect(gic.privs[0]!.line[25]).toBe(0);
    toEL1();
    expect(cpu.sysreg.read('ICC_IAR1_EL1')).toBe(61n);
    cpu.sysreg.write('ICC_EOIR1_EL1', 61n);
    toEL2();
    expect(cpu.sysreg.read('ICH_EISR_EL2')).toBe(2n);
    expect(cpu.sysreg.read('ICH_MISR_EL2') & 1n).toBe(1n);
    expect(gic.privs[0]!.line[25]).toBe(1);
  });

  it('counts EOIs of interrupts no list register holds (ICH_HCR_EL2.EOIcount)', () => {
    const { cpu, toEL1, toEL2 } = setup();
    cpu.sysreg.write('ICH_VMCR_EL2', VMCR_ON);
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En | ICH_HCR.LRENPIE));
    toEL1();
    cpu.sysreg.write('ICC_EOIR1_EL1', 77n);
    toEL2();
    expect(cpu.sysreg.read('ICH_HCR_EL2') >> 27n).toBe(1n);
    expect(cpu.sysreg.read('ICH_MISR_EL2') & 4n).toBe(4n);
  });

  it('traps ICC_SGI1R_EL1 at EL1 to EL2 when IMO is set', () => {
    const { cpu, toEL1 } = setup();
    toEL1();
    expect(() => cpu.sysreg.write('ICC_SGI1R_EL1', 1n)).toThrow(/trap/i);
  });

  it('traps EL1 accesses of the virtual interface when ICH_HCR_EL2.TALL1/TC/TDIR say so', () => {
    const { cpu, toEL1, toEL2 } = setup();
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En) | (1n << 12n));
    toEL1();
    expect(() => cpu.sysreg.read('ICC_IAR1_EL1')).toThrow(/trap/i);
    expect(cpu.sysreg.read('ICC_PMR_EL1')).toBe(0n);
    toEL2();
    cpu.sysreg.write('ICH_HCR_EL2', BigInt(ICH_HCR.En) | (1n << 10n) | (1n << 14n));
    toEL1();
    expect(() => cpu.sysreg.read('ICC_PMR_EL1')).toThrow(/trap/i);
    expect(() => cpu.sysreg.write('ICC_DIR_EL1', 1n)).toThrow(/trap/i);
    expect(cpu.sysreg.read('ICC_IAR1_EL1')).toBe(1023n);
  });
});
