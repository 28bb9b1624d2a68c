import { token, type Cpu } from '@hypsim/core';

/**
 * The FP/AdvSIMD register file of one CPU. V0–V31 live in `z`, `stride` 32-bit words apart
 * (4 for plain FPSIMD: 128 bits). When SVE is present it widens the stride to its maximum VL,
 * so Vn is the low 128 bits of Zn and one array holds both views; every AdvSIMD/FP write must
 * then zero the words above 128 bits (`writeV*` below do).
 *
 * Words are little-endian: word 0 of register n (z[n * stride]) holds bits 31:0 of Vn.
 */
export class FpState {
  z: Int32Array;
  stride = 4;
  /** FPCR and FPSR as 32-bit values (their upper halves are RES0). */
  fpcr = 0;
  fpsr = 0;
  /**
   * Registers whose bits above 128 may be non-zero (bit n = Zn). AdvSIMD/FP writes clear the
   * high part only when its bit is set, so FP code on a wide-VL CPU does not zero up to 60 words
   * per write. Whoever writes above word 3 directly (SVE instructions, state restore, tests) must
   * call `markHighWritten()`.
   */
  highDirty = 0;
  /** `cpu.ctxEpoch` at which FP access was last found allowed (see checkFpAccess). */
  allowedEpoch = -1;
  /** Float64 scratch views for the arithmetic helpers (no allocation per instruction). */
  readonly f64 = new Float64Array(2);
  readonly f64w = new Int32Array(this.f64.buffer);

  constructor() {
    this.z = new Int32Array(32 * this.stride);
  }

  /** Resizes the register file (SVE: words per register = VL / 32). Contents are kept. */
  setStride(stride: number): void {
    if (stride < 4 || stride % 4 !== 0)
      throw new Error(`FpState: stride ${stride} is not a multiple of 4 words`);
    const z = new Int32Array(32 * stride);
    for (let n = 0; n < 32; n++)
      z.set(
        this.z.subarray(n * this.stride, n * this.stride + Math.min(stride, this.stride)),
        n * stride,
      );
    this.z = z;
    this.stride = stride;
    this.highDirty = -1;
  }

  /** Records that some Z register may hold non-zero bits above 128 (see `highDirty`). */
  markHighWritten(): void {
    this.highDirty = -1;
  }

  /** Word offset of Vn in `z`. */
  base(n: number): number {
    return n * this.stride;
  }

  /** Zeroes Vn's bits above 128 (the SVE part of Zn) after an AdvSIMD/FP write. */
  clearHigh(n: number): void {
    const bit = 1 << n;
    if (this.stride > 4 && (this.highDirty & bit) !== 0) {
      this.z.fill(0, n * this.stride + 4, (n + 1) * this.stride);
      this.highDirty &= ~bit;
    }
  }

  /** Writes the 128-bit Vn from four words and clears the rest (the architectural V write). */
  writeV(n: number, w0: number, w1: number, w2: number, w3: number): void {
    const b = n * this.stride;
    const z = this.z;
    z[b] = w0;
    z[b + 1] = w1;
    z[b + 2] = w2;
    z[b + 3] = w3;
    if (this.stride > 4) this.clearHigh(n);
  }

  /** Writes the low 64 bits of Vn and zeroes bits 127:64 (and above): Dn/Sn/Hn/Bn writes. */
  writeD(n: number, lo: number, hi: number): void {
    this.writeV(n, lo, hi, 0, 0);
  }

  reset(): void {
    this.z.fill(0);
    this.highDirty = 0;
    this.fpcr = 0;
    this.fpsr = 0;
    this.allowedEpoch = -1;
  }
}

/** Per-CPU FP state, attached by the plugin to every CPU with FEAT_FP. */
export const FpStateToken = token<FpState>('ext-fpsimd/FpState');

export function fpState(cpu: Cpu): FpState {
  return cpu.get(FpStateToken);
}
