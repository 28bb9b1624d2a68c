import { TEST_CODE_BASE, machineWithCode } from '../testing.js';

/**
 * Single-instruction checks against recorded results: each row runs one instruction word
 * from a register state and compares every register, SP, NZCV and the PC with the recorded
 * outcome (or expects UNDEF). Shared by the data-processing test tables.
 */
export type Regs = Partial<Record<`x${number}` | 'sp', bigint>> & { nzcv?: number };
/** [instruction word, initial state (others 0, x0 and SP see DEFAULTS), result or 'UNDEF']. */
export type Row = [word: number, init: Regs, want: Regs | 'UNDEF'];

export const DEFAULTS: Regs = { x0: 0xdeadbeefdeadbeefn, sp: 0xfffffffff000n };

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/** One machine for all rows: writing the code word invalidates its decoded copy. */
const m = machineWithCode([0]);
const cpu = m.cpus[0]!;

/** Runs one instruction from `init`; returns a description of every difference from `want`. */
export function check([word, init, want]: Row): string[] {
  m.bus.write32(TEST_CODE_BASE, word >>> 0);
  cpu.setMode(1, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  cpu.sysreg.poke('ESR_EL1', 0xffffffffn);
  cpu.sysreg.poke('ELR_EL1', 0n);
  const start: Regs = { ...DEFAULTS, ...init };
  for (let i = 0; i < 31; i++) cpu.setX(i, start[`x${i}`] ?? 0n);
  cpu.sp = start.sp!;
  cpu.nzcv = start.nzcv ?? 0;
  m.run({ maxInstructions: 1 });
  const where = `0x${word.toString(16).padStart(8, '0')}`;
  if (want === 'UNDEF') {
    const undef =
      cpu.sysreg.peek('ESR_EL1') >> 26n === 0n &&
      cpu.pc === cpu.sysreg.peek('VBAR_EL1') + 0x200n &&
      cpu.sysreg.peek('ELR_EL1') === BigInt(TEST_CODE_BASE);
    return undef ? [] : [`${where}: expected UNDEF, PC is ${hex(cpu.pc)}`];
  }
  const exp: Regs = { ...start, ...want };
  const errs: string[] = [];
  for (let i = 0; i < 31; i++) {
    const e = exp[`x${i}`] ?? 0n;
    if (cpu.x(i) !== e) errs.push(`${where}: x${i} = ${hex(cpu.x(i))}, expected ${hex(e)}`);
  }
  if (cpu.sp !== exp.sp) errs.push(`${where}: sp = ${hex(cpu.sp)}, expected ${hex(exp.sp!)}`);
  if (cpu.nzcv !== (exp.nzcv ?? 0))
    errs.push(`${where}: nzcv = ${cpu.nzcv.toString(2)}, expected ${(exp.nzcv ?? 0).toString(2)}`);
  if (cpu.pc !== BigInt(TEST_CODE_BASE + 4)) errs.push(`${where}: pc = ${hex(cpu.pc)}`);
  return errs;
}
