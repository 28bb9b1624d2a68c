import { pattern, type Fields, type InsnPattern } from '../decode/pattern.js';
import { rz, wz } from './operands.js';

/**
 * CRC32B/H/W/X and CRC32CB/CH/CW/CX (FEAT_CRC32, "Data-processing (2 source)"). The Arm
 * pseudocode bit-reverses, multiplies by x^32 and reduces modulo the polynomial; that is the
 * reflected table-driven CRC update with no pre- or post-inversion, byte by byte from the
 * least significant byte of Rm.
 */
function table(reflectedPoly: number): Int32Array {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ reflectedPoly : c >>> 1;
    t[i] = c;
  }
  return t;
}

/** CRC-32 (0x04C11DB7) and CRC-32C Castagnoli (0x1EDC6F41), reflected. */
const CRC32_TABLE = table(0xedb88320);
const CRC32C_TABLE = table(0x82f63b78);

interface CrcOp {
  d: number;
  n: number;
  m: number;
  bytes: number;
  t: Int32Array;
}

function step(t: Int32Array, crc: number, word: number, bytes: number): number {
  for (let i = 0; i < bytes; i++) crc = t[(crc ^ (word >>> (8 * i))) & 0xff]! ^ (crc >>> 8);
  return crc;
}

/** sz selects the data size; sf must be 1 exactly for the 64-bit form (sz = 11). */
const decodeCrc =
  (t: Int32Array) =>
  (f: Fields): CrcOp | null =>
    (f.sf === 1) !== (f.sz === 3)
      ? null
      : { d: wz(f.Rd!), n: rz(f.Rn!), m: rz(f.Rm!), bytes: 1 << f.sz!, t };

function execCrc(g: Int32Array, op: CrcOp): void {
  let crc = g[op.n]!;
  const t = op.t;
  if (op.bytes === 8) {
    crc = step(t, crc, g[op.m]!, 4);
    crc = step(t, crc, g[op.m + 1]!, 4);
  } else crc = step(t, crc, g[op.m]!, op.bytes);
  g[op.d] = crc;
  g[op.d + 1] = 0;
}

export const CRC32 = pattern<CrcOp>({
  name: 'CRC32',
  pattern: 'sf:1 0 0 11010110 Rm:5 010 0 sz:2 Rn:5 Rd:5',
  feature: 'FEAT_CRC32',
  decode: decodeCrc(CRC32_TABLE),
  exec: (cpu, op) => execCrc(cpu.gpr, op),
});

export const CRC32C = pattern<CrcOp>({
  name: 'CRC32C',
  pattern: 'sf:1 0 0 11010110 Rm:5 010 1 sz:2 Rn:5 Rd:5',
  feature: 'FEAT_CRC32',
  decode: decodeCrc(CRC32C_TABLE),
  exec: (cpu, op) => execCrc(cpu.gpr, op),
});

export const crc32Patterns: readonly InsnPattern<never>[] = [
  CRC32,
  CRC32C,
] as unknown as readonly InsnPattern<never>[];
