import type { Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState, type SveState } from './state.js';
import { syncVq } from './vl.js';

/**
 * SVE state in Linux's `sve_state` layout (uapi sve_context.h; also KVM's
 * `vcpu->arch.sve_state`): Z0–Z31 (VL/8 bytes each), then P0–P15, then FFR (VL/64 bytes each);
 * byte i of a slot holds bits 8i+7:8i. 546 × VQ bytes in all. FPSR/FPCR are not part of it
 * (ext-fpsimd's `saveFpsimd` layout has them).
 */
export function sveStateBytes(vl: number): number {
  return 546 * (vl / 128);
}
/** Byte offset of Zn in the layout. */
export function sveZOffset(vl: number, n: number): number {
  return n * (vl / 8);
}
/** Byte offset of Pn (n = 16: FFR) in the layout. */
export function svePOffset(vl: number, n: number): number {
  return 32 * (vl / 8) + n * (vl / 64);
}

function checkVl(st: SveState, vl: number, what: string): number {
  const q = vl / 128;
  if (!Number.isInteger(q) || q < 1 || q > st.maxVq)
    throw new RangeError(
      `${what}: VL ${vl} is not a multiple of 128 from 128 to ${128 * st.maxVq}`,
    );
  return q;
}

/**
 * Saves Z/P/FFR at `vl` bits (default: the maximum, as KVM does) into `out` (allocated when
 * not given). Bits above the current effective VL hold what the VL-change policy left there.
 */
export function saveSve(cpu: Cpu, vl?: number, out?: Uint8Array): Uint8Array {
  const st = sveState(cpu);
  const v = vl ?? 128 * st.maxVq;
  const q = checkVl(st, v, 'saveSve');
  const size = 546 * q;
  const buf = out ?? new Uint8Array(size);
  if (buf.length < size) throw new RangeError(`saveSve: buffer of ${buf.length} bytes < ${size}`);
  syncVq(cpu, st);
  const fp = fpState(cpu);
  let o = 0;
  for (let n = 0; n < 32; n++) {
    const b = n * fp.stride;
    for (let w = 0; w < 4 * q; w++) {
      const x = fp.z[b + w]!;
      buf[o++] = x & 0xff;
      buf[o++] = (x >>> 8) & 0xff;
      buf[o++] = (x >>> 16) & 0xff;
      buf[o++] = x >>> 24;
    }
  }
  for (let n = 0; n <= 16; n++) {
    const b = n * st.maxVq;
    for (let g = 0; g < q; g++) {
      const x = st.p[b + g]!;
      buf[o++] = x & 0xff;
      buf[o++] = x >>> 8;
    }
  }
  return buf;
}

/**
 * Restores Z/P/FFR bits [vl-1:0] from the layout at `vl` (bits above are left alone). This
 * acts like restore code running at that VL: when `vl` exceeds the current effective VL, the
 * next synchronisation sees a VL shrink and applies the policy (under 'zero' the bits above the
 * effective VL are cleared, as QEMU does on the return to a lower VL).
 */
export function restoreSve(cpu: Cpu, data: Uint8Array, vl?: number): void {
  const st = sveState(cpu);
  const v = vl ?? 128 * st.maxVq;
  const q = checkVl(st, v, 'restoreSve');
  if (data.length < 546 * q)
    throw new RangeError(`restoreSve: ${data.length} bytes, VL ${v} needs ${546 * q}`);
  syncVq(cpu, st);
  const fp = fpState(cpu);
  fp.markHighWritten();
  let o = 0;
  for (let n = 0; n < 32; n++) {
    const b = n * fp.stride;
    for (let w = 0; w < 4 * q; w++, o += 4)
      fp.z[b + w] = data[o]! | (data[o + 1]! << 8) | (data[o + 2]! << 16) | (data[o + 3]! << 24);
  }
  for (let n = 0; n <= 16; n++) {
    const b = n * st.maxVq;
    for (let g = 0; g < q; g++, o += 2) st.p[b + g] = data[o]! | (data[o + 1]! << 8);
  }
  if (q > st.vq) {
    st.vq = q;
    st.vqEpoch = -1;
  }
}
