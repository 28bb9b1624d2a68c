/**
 * The interface through which devices and extensions raise interrupts, without importing a
 * board: a board's interrupt controller implements it and registers it under
 * `InterruptControllerToken`. The controller in turn drives each CPU's `irqLine`/`fiqLine`/
 * `virqLine`/`vfiqLine` (and must set `cpu.exitInner` when it changes them).
 */
export interface InterruptController {
  /** A private peripheral interrupt of one CPU (INTID 16–31). */
  setPpi(cpu: number, intid: number, level: boolean): void;
  /** A shared peripheral interrupt (INTID 32+). */
  setSpi(intid: number, level: boolean): void;
}
