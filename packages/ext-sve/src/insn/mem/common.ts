import { load, load64, sext, store, store64, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { FFR, sveState } from '../../state.js';

/**
 * Shared pieces of the SVE load/store files: 64-bit address arithmetic on (lo, hi) int32
 * pairs, one element access through core's data-access layer (translation, alignment,
 * aborts), a scratch area of four vectors (loads collect there, so a fault leaves the
 * registers unchanged), the no-fault probe of first-fault/non-fault loads, and FFR updates.
 */

/** Loads' dtype field → memory size log2, element size log2, signed. */
export const DT_MSZ = [0, 0, 0, 0, 2, 1, 1, 1, 1, 1, 2, 2, 0, 0, 0, 3] as const;
export const DT_ESZ = [0, 1, 2, 3, 3, 1, 2, 3, 3, 2, 2, 3, 3, 2, 1, 3] as const;
export const DT_SIGNED = [0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0] as const;

/** Current address (lo unsigned, hi int32). */
export const AD = new Float64Array(2);

/** Scratch: four vectors of up to 2048 bits. */
export const T = new Int32Array(4 * 64);
export const T8 = new Uint8Array(T.buffer);
export const T16 = new Uint16Array(T.buffer);

/** High word of the last element loaded by ldElem. */
export let elemHi = 0;

/** (lo, hi) + (offLo, offHi) → AD (lo as an unsigned number, hi as an int32). */
export function add64(lo: number, hi: number, offLo: number, offHi: number): void {
  const s = (lo >>> 0) + (offLo >>> 0);
  AD[0] = s >= 4294967296 ? s - 4294967296 : s;
  AD[1] = (hi + offHi + (s >= 4294967296 ? 1 : 0)) | 0;
}

/** Xn + (Xm << s) → AD (gpr indices n, m; s < 4). */
export function addScaled(g: Int32Array, n: number, m: number, s: number): void {
  const ml = g[m]!;
  const mh = g[m + 1]!;
  if (s === 0) add64(g[n]!, g[n + 1]!, ml, mh);
  else add64(g[n]!, g[n + 1]!, ml << s, (mh << s) | (ml >>> (32 - s)));
}

/** AD += n (0 ≤ n < 2^31). */
export function advance(n: number): void {
  const s = AD[0]! + n;
  if (s >= 4294967296) {
    AD[0] = s - 4294967296;
    AD[1] = (AD[1]! + 1) | 0;
  } else AD[0] = s;
}

/** Loads 2^msz bytes at (lo, hi): returns the low word; elemHi = the high word (extended). */
export function ldElem(cpu: Cpu, lo: number, hi: number, msz: number, signed: boolean): number {
  if (msz === 3) {
    const v = load64(cpu, lo | 0, hi) | 0;
    elemHi = cpu.memHi;
    return v;
  }
  let v = load(cpu, lo | 0, hi, (1 << msz) as 1 | 2 | 4);
  if (signed) {
    v = msz === 2 ? v | 0 : sext(v, 8 << msz);
    elemHi = v < 0 ? -1 : 0;
  } else elemHi = 0;
  return v | 0;
}

/** Stores the low 2^msz bytes of (vLo, vHi) at (lo, hi). */
export function stElem(
  cpu: Cpu,
  lo: number,
  hi: number,
  msz: number,
  vLo: number,
  vHi: number,
): void {
  if (msz === 3) store64(cpu, lo | 0, hi, vLo, vHi);
  else store(cpu, lo | 0, hi, (1 << msz) as 1 | 2 | 4, vLo);
}

/** Writes element e (size 2^esz) of scratch vector r (64 words each). */
export function putT(r: number, e: number, esz: number, lo: number, hi: number): void {
  const w = 64 * r;
  if (esz === 3) {
    T[w + 2 * e] = lo;
    T[w + 2 * e + 1] = hi;
  } else if (esz === 2) T[w + e] = lo;
  else if (esz === 1) T16[2 * w + e] = lo;
  else T8[4 * w + e] = lo;
}

/** Copies scratch vector r to Zt (q granules). */
export function commit(cpu: Cpu, r: number, t: number, q: number): void {
  const fp = fpState(cpu);
  const zb = t * fp.stride;
  fp.z.set(T.subarray(64 * r, 64 * r + 4 * q), zb);
}

/** The core MMU's fault-free look-ups (an AddressTranslator may not have them). */
interface Probing {
  probe?(lo: number, hi: number): number;
  translate?(lo: number, hi: number, kind: number, checkPerm: boolean): boolean;
}

/** AccessKind.Read (a const enum of core). */
const READ = 1;

function pageOk(cpu: Cpu, lo: number, hi: number): number {
  const tr = cpu.translator as Probing;
  const pa = tr.probe
    ? tr.probe(lo | 0, hi)
    : hi >= 0 && hi < 0x10000
      ? hi * 4294967296 + (lo >>> 0)
      : -1;
  if (pa < 0) return -1;
  // permissions (and stage 2) as a read would see them; probe checks the translation only
  if (tr.translate && !tr.translate(lo | 0, hi, READ, true)) return -1;
  return cpu.bus.ramAt(pa) ? pa : -1;
}

/**
 * Whether an access of `size` bytes at (lo, hi) would fault — translation, permissions,
 * alignment — or is not to RAM, which first-fault and non-fault accesses never touch (as in
 * QEMU). Not modelled: watchpoints, Device attributes of RAM pages.
 */
export function wouldFault(cpu: Cpu, lo: number, hi: number, size: number): boolean {
  if ((lo & (size - 1)) !== 0 && cpu.strictAlignment()) return true;
  if (pageOk(cpu, lo, hi) < 0) return true;
  const off = (lo & 0xfff) + size;
  if (off > 0x1000) {
    const l2 = (lo >>> 0) + size - 1;
    if (pageOk(cpu, l2 >= 4294967296 ? l2 - 4294967296 : l2, l2 >= 4294967296 ? hi + 1 : hi) < 0)
      return true;
  }
  return false;
}

/** Clears FFR from byte offset `byte` (element e << esz) up to the VL. */
export function clearFfrFrom(cpu: Cpu, byte: number, q: number): void {
  const st = sveState(cpu);
  const p = st.p;
  const b = FFR * st.maxVq;
  let h = byte >> 4;
  if ((byte & 15) !== 0) {
    p[b + h] = p[b + h]! & ((1 << (byte & 15)) - 1);
    h++;
  }
  for (; h < q; h++) p[b + h] = 0;
}
