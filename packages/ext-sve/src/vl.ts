import type { Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveSlots } from './slots.js';
import { SveState, SveStateToken, sveState } from './state.js';

/**
 * Effective VQ (VL / 128) at `el`, as the Arm ARM computes it (ZCR_ELx.LEN description, B1.4.2;
 * QEMU `sve_vqm1_for_el_sm`): the maximum, constrained by ZCR_EL1.LEN at EL1 and at EL0 outside
 * the VHE host (E2H=TGE=1), by ZCR_EL2.LEN at EL0–EL2 when EL2 is implemented, then rounded
 * down to an implemented length — every multiple of 128 up to the maximum here, so no rounding.
 * There is no EL3 (ZCR_EL3 does not constrain). The "SVE disabled at this EL → VL 128 for
 * change purposes" rule (B1.4.2) is not modelled: like QEMU, the ZCR-derived VL is used.
 */
export function vqForEl(cpu: Cpu, st: SveState, el: number): number {
  let len = st.maxVq - 1;
  const s = sveSlots(cpu);
  const hasEL2 = cpu.hasEL2;
  if (el === 1 || (el === 0 && !(hasEL2 && cpu.e2h && cpu.tge))) {
    const l = cpu.sys[s.zcr1]! & 15;
    if (l < len) len = l;
  }
  if (el <= 2 && hasEL2) {
    const l = cpu.sys[s.zcr2]! & 15;
    if (l < len) len = l;
  }
  return len + 1;
}

/** Effective vector length in bits at `el` (default: the CPU's current EL). 0 without SVE. */
export function effectiveVl(cpu: Cpu, el: number = cpu.el): number {
  const st = cpu.tryGet(SveStateToken);
  return st ? 128 * vqForEl(cpu, st, el) : 0;
}

/**
 * Brings the accessible width up to date with the effective VL at the current EL and returns
 * the VQ. Cached per `cpu.ctxEpoch` (bumped by every sysreg write and EL change), so the common
 * case is one compare. Called on ZCR writes, on exception entry/return (event listeners) and
 * before every SVE instruction or state access, so each change of VL is seen in order.
 */
export function syncVq(cpu: Cpu, st: SveState = sveState(cpu)): number {
  if (st.vqEpoch === cpu.ctxEpoch) return st.vq;
  const q = vqForEl(cpu, st, cpu.el);
  if (q !== st.vq) changeVq(cpu, st, q);
  st.vqEpoch = cpu.ctxEpoch;
  return q;
}

/**
 * Applies the VL-change policy. Shrinking under 'zero' clears the bits that become
 * inaccessible (QEMU's `aarch64_sve_narrow_vq`), so they read as zero when the VL grows again;
 * growing under 'unknown' fills the bits that become accessible from the machine PRNG;
 * 'preserve' leaves every bit alone.
 */
export function changeVq(cpu: Cpu, st: SveState, q: number): void {
  const old = st.vq;
  st.vq = q;
  if (q < old && st.policy === 'zero') fillRange(cpu, st, q, old, false);
  else if (q > old && st.policy === 'unknown') fillRange(cpu, st, old, q, true);
}

/** Zeroes (or randomises) granules [from, to) of every Z, P and FFR. */
function fillRange(cpu: Cpu, st: SveState, from: number, to: number, random: boolean): void {
  const fp = fpState(cpu);
  if (random) fp.markHighWritten();
  const z = fp.z;
  const stride = fp.stride;
  for (let n = 0; n < 32; n++) {
    const b = n * stride;
    for (let w = 4 * from; w < 4 * to; w++) z[b + w] = random ? st.prng.nextU32() | 0 : 0;
  }
  const p = st.p;
  for (let n = 0; n <= 16; n++) {
    const b = n * st.maxVq;
    for (let g = from; g < to; g++) p[b + g] = random ? st.prng.nextU32() & 0xffff : 0;
  }
}
