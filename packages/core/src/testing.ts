import { createMachine, type Machine } from './machine/machine.js';
import type { MachineConfigInput } from './config/schema.js';

/** Where test programs are placed (the bare-metal link address). */
export const TEST_CODE_BASE = 0x4008_0000;

/**
 * Test support (not part of the public API): a machine with instruction words at
 * TEST_CODE_BASE and the PC there, at EL1 (or the EL given) with the MMU off.
 */
export function machineWithCode(
  words: readonly number[],
  opts: { config?: MachineConfigInput; el?: number } = {},
): Machine {
  const m = createMachine(opts.config ?? { cpus: [{ features: ['FEAT_LSE'] }] });
  words.forEach((w, i) => m.bus.write32(TEST_CODE_BASE + 4 * i, w >>> 0));
  const cpu = m.cpus[0]!;
  cpu.setMode(opts.el ?? 1, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  return m;
}

/** Runs until the PC reaches the end of the code (or the budget runs out). */
export function runToEnd(m: Machine, words: number, budget = 10_000): void {
  const end = BigInt(TEST_CODE_BASE + 4 * words);
  m.addBreakpoint(end);
  m.run({ maxInstructions: budget });
  m.removeBreakpoint(end);
}
