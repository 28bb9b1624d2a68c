import type { Cpu } from '@hypsim/core';
import { fpState } from './state.js';

/**
 * Save/restore of the whole FPSIMD state in Linux's `struct user_fpsimd_state` layout
 * (ptrace.h): 32 × 16-byte V registers, FPSR (u32) at 512, FPCR (u32) at 516, 8 bytes of
 * padding: 528 bytes. These are what the hypervisor packages call.
 */
export const FPSIMD_STATE_BYTES = 528;

export function saveFpsimd(cpu: Cpu): Uint8Array {
  const s = fpState(cpu);
  const out = new Uint8Array(FPSIMD_STATE_BYTES);
  const dv = new DataView(out.buffer);
  for (let n = 0; n < 32; n++)
    for (let w = 0; w < 4; w++) dv.setInt32(16 * n + 4 * w, s.z[s.base(n) + w]!, true);
  dv.setUint32(512, s.fpsr >>> 0, true);
  dv.setUint32(516, s.fpcr >>> 0, true);
  return out;
}

/** Restores V0–V31, FPSR and FPCR; like a real restore sequence, bits above 128 become zero. */
export function restoreFpsimd(cpu: Cpu, data: Uint8Array): void {
  if (data.length < FPSIMD_STATE_BYTES)
    throw new Error(`restoreFpsimd: ${data.length} bytes, the layout needs ${FPSIMD_STATE_BYTES}`);
  const s = fpState(cpu);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let n = 0; n < 32; n++)
    s.writeV(
      n,
      dv.getInt32(16 * n, true),
      dv.getInt32(16 * n + 4, true),
      dv.getInt32(16 * n + 8, true),
      dv.getInt32(16 * n + 12, true),
    );
  s.fpsr = dv.getUint32(512, true);
  s.fpcr = dv.getUint32(516, true);
}
