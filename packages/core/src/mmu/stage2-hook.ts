import type { Cpu } from '../cpu/cpu.js';

/**
 * What a stage-2 translation reports (one object per hook, reused). `perm` uses the TLB's
 * Perm bits (R1|R0 for S2AP read, W1|W0 for write, X1|X0 unless XN, DEVICE for Device
 * MemAttr); `fault` is an FSC or -1.
 */
export class Stage2Result {
  fault = -1;
  level = 0;
  /** PA of the IPA's 4 KB page. */
  pa = 0;
  perm = 0;
  /** log2 of the leaf's size. */
  shift = 12;
  /** Stage-2 MemAttr[3:0] of the leaf. */
  memAttr = 0;
}

/**
 * The seam where a plugin adds stage 2 to the EL1&0 regime (core knows nothing of VTTBR_EL2,
 * VTCR_EL2 or HPFAR_EL2). Installed per CPU with `cpu.mmu.setStage2(hook)`; the MMU asks
 * `active` and `vmid` whenever the CPU's translation context changes (`cpu.ctxEpoch`), so
 * these may read registers but must be cheap.
 */
export interface Stage2Hook {
  /** Stage 2 applies to EL1&0 now (HCR_EL2.VM=1 and TGE=0). */
  active(cpu: Cpu): boolean;
  /** The current VMID (VTTBR_EL2), which tags EL1&0 TLB entries whether or not VM=1. */
  vmid(cpu: Cpu): number;
  /**
   * A number that changes whenever the stage-2 configuration (VTTBR/VTCR base, size) changes:
   * the `walk` TLB policy flushes when it does.
   */
  generation(cpu: Cpu): number;
  /**
   * Translates an IPA at stage 2 (walk, AF). Permission checks are the MMU's, from `out.perm`.
   * `watch` must be told every table page read (the `walk` policy).
   */
  translate(cpu: Cpu, ipa: number, out: Stage2Result, watch: (pa: number) => void): boolean;
  /** Records the faulting IPA (HPFAR_EL2) before a stage-2 abort is taken to EL2. */
  recordFault(cpu: Cpu, ipa: number): void;
}
