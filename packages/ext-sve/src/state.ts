import { token, type Cpu, type Prng } from '@hypsim/core';
import type { FpState } from '@hypsim/ext-fpsimd';
import type { VlPolicy } from './options.js';

/** Index of FFR in `SveState.p` (after P0–P15). */
export const FFR = 16;

/**
 * The SVE state of one CPU beyond the FP register file. Z0–Z31 live in ext-fpsimd's
 * `FpState.z` (stride maxVq × 4 words, Vn = low 128 bits of Zn). P0–P15 and FFR are in `p`,
 * `maxVq` halfwords each (one halfword = the 16 predicate bits of one 128-bit granule;
 * halfword g bit i = byte 16g+i of a Z register), FFR at index 16.
 */
export class SveState {
  readonly maxVq: number;
  readonly p: Uint16Array;
  /** Byte scratch for LDR/STR (Z: VL/8 bytes), so handlers do not allocate. */
  readonly buf: Uint8Array;
  /**
   * The VQ (VL / 128) whose bits are currently accessible, as last synchronised with the
   * architectural effective VL (see vl.ts). Bits above it hold what the policy left there.
   */
  vq: number;
  /** `cpu.ctxEpoch` at which `vq` was last synchronised; -1 forces a recomputation. */
  vqEpoch = -1;
  /** `cpu.ctxEpoch` at which SVE access was last found allowed (see traps.ts). */
  allowedEpoch = -1;

  constructor(
    maxVl: number,
    readonly policy: VlPolicy,
    readonly prng: Prng,
    /** The CPU's FP register file (Z lives there). */
    readonly fp: FpState,
  ) {
    this.maxVq = maxVl / 128;
    this.p = new Uint16Array(17 * this.maxVq);
    this.buf = new Uint8Array(16 * this.maxVq);
    this.vq = this.maxVq;
  }

  /** Halfword offset of Pn (16 = FFR) in `p`. */
  pBase(n: number): number {
    return n * this.maxVq;
  }

  reset(): void {
    this.p.fill(0);
    this.vq = this.maxVq;
    this.vqEpoch = -1;
    this.allowedEpoch = -1;
  }
}

export const SveStateToken = token<SveState>('ext-sve/SveState');

export function sveState(cpu: Cpu): SveState {
  return cpu.get(SveStateToken);
}
