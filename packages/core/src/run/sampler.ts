import type { Cpu } from '../cpu/cpu.js';

/**
 * The instruction-sampling seam (used by ext-spe's Statistical Profiling Unit). A CPU nobody
 * samples has `cpu.sampler === undefined`, and the run loop then does nothing extra: the check
 * is one property read per inner-loop entry (a page, a branch out of the page, an EL or
 * context change), never per instruction, and no allocation or BigInt.
 *
 * With a sampler installed, the run loop asks it, before each stretch of instructions that run
 * in one context, how many may execute before the selected one; it caps the stretch there, so
 * the selected instruction starts a stretch of its own and runs alone, then reports back.
 */
export interface InsnSampler {
  /**
   * A stretch of instructions is about to run on `cpu` (same EL and translation context until
   * it ends: anything that changes them sets `cpu.exitInner`). `pa` is the physical address of
   * the first instruction (the word at the PC). Returns how many instructions may run before
   * the selected one: 0 = the next instruction is selected (it then runs alone), a large value
   * or `Infinity` = none will be selected (e.g. profiling is disabled at this EL).
   */
  enter(cpu: Cpu, pa: number): number;
  /**
   * The stretch ended after `n` executed instructions (the selected one, when `selected`,
   * is the last and only one). `exception`: the stretch ended with a synchronous exception
   * unwinding the last instruction (a fault or exception-generating instruction that unwinds).
   */
  leave(cpu: Cpu, n: number, selected: boolean, exception: boolean): void;
}
