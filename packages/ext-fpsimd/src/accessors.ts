import type { Cpu } from '@hypsim/core';
import { fpState } from './state.js';

/**
 * Typed views of Vn for TypeScript code (tests, oracles, hypervisor strategies): bytes and
 * lanes, little-endian as the architecture numbers them (lane 0 = least significant). These
 * copy; they are API-edge helpers, not for instruction handlers.
 */
export type LaneType = 'u8' | 'u16' | 'u32' | 'u64' | 'f32' | 'f64';

/** Vn as 16 bytes (byte 0 = bits 7:0). */
export function vBytes(cpu: Cpu, n: number): Uint8Array {
  checkV(n);
  const s = fpState(cpu);
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  for (let w = 0; w < 4; w++) dv.setInt32(4 * w, s.z[s.base(n) + w]!, true);
  return out;
}

/** Writes Vn from 16 bytes, zeroing anything above bit 127 (as an AdvSIMD write does). */
export function setVBytes(cpu: Cpu, n: number, bytes: Uint8Array): void {
  checkV(n);
  if (bytes.length !== 16) throw new RangeError(`V${n}: 16 bytes expected, got ${bytes.length}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 16);
  fpState(cpu).writeV(
    n,
    dv.getInt32(0, true),
    dv.getInt32(4, true),
    dv.getInt32(8, true),
    dv.getInt32(12, true),
  );
}

/** Vn as lanes of the given type. */
export function vLanes(cpu: Cpu, n: number, type: 'u64'): bigint[];
export function vLanes(cpu: Cpu, n: number, type: Exclude<LaneType, 'u64'>): number[];
export function vLanes(cpu: Cpu, n: number, type: LaneType): Array<number | bigint> {
  const b = vBytes(cpu, n);
  switch (type) {
    case 'u8':
      return Array.from(b);
    case 'u16':
      return Array.from(new Uint16Array(b.buffer));
    case 'u32':
      return Array.from(new Uint32Array(b.buffer));
    case 'u64':
      return Array.from(new BigUint64Array(b.buffer));
    case 'f32':
      return Array.from(new Float32Array(b.buffer));
    case 'f64':
      return Array.from(new Float64Array(b.buffer));
  }
}

/** Vn as one 128-bit value. */
export function v(cpu: Cpu, n: number): bigint {
  const [lo, hi] = vLanes(cpu, n, 'u64');
  return (hi! << 64n) | lo!;
}

/** Sets Vn to a 128-bit value (bits above 127 of the Z register, if any, are zeroed). */
export function setV(cpu: Cpu, n: number, value: bigint): void {
  const b = new Uint8Array(16);
  const dv = new DataView(b.buffer);
  dv.setBigUint64(0, BigInt.asUintN(64, value), true);
  dv.setBigUint64(8, BigInt.asUintN(64, value >> 64n), true);
  setVBytes(cpu, n, b);
}

function checkV(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 31)
    throw new RangeError(`V${n}: vector registers are V0–V31`);
}
