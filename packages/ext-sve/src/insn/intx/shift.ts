import { pattern, type Fields } from '@hypsim/core';
import { ASR, ASRD, LSL, LSR, bin0, binExec, type BinOp } from './alu.js';

/**
 * SVE shifts: ASR/LSR/LSL by immediate (predicated and unpredicated), ASRD, by vector
 * (predicated, and the reversed ASRR/LSRR/LSLR), by wide (.D) elements (predicated and
 * unpredicated).
 */

/**
 * Element size and shift from tsz:imm3 (tsz = 0 is unallocated): right shifts are
 * 2 × esize − tsz:imm3, left shifts tsz:imm3 − esize.
 */
function tszImm(tsz: number, imm3: number, left: boolean): { esz: number; sh: number } | null {
  if (tsz === 0) return null;
  const esz = 31 - Math.clz32(tsz);
  const esize = 8 << esz;
  const v = (tsz << 3) | imm3;
  return { esz, sh: left ? v - esize : 2 * esize - v };
}

/** A shift by immediate of Zn into Zd (under Pg, or g = -1), or null for tsz = 0. */
function byImm(
  f: Fields,
  left: boolean,
  d: number,
  n: number,
  g: number,
  op: number,
): BinOp | null {
  const t = tszImm((f.tszh! << 2) | f.tszl!, f.imm3!, left);
  return t ? { ...bin0(), d, n, g, esz: t.esz, op, imm: t.sh } : null;
}

const SHIFT_OPS = [
  ['ASR', ASR, '000', false],
  ['LSR', LSR, '001', false],
  ['LSL', LSL, '011', true],
  ['ASRD', ASRD, '100', false],
] as const;

const predImm = SHIFT_OPS.map(([name, op, opc, left]) =>
  pattern<BinOp>({
    name: `${name}_zpzi`,
    pattern: `00000100 tszh:2 000${opc} 100 Pg:3 tszl:2 imm3:3 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => byImm(f, left, f.Zdn!, f.Zdn!, f.Pg!, op),
    exec: binExec,
  }),
);

const unpredImm = SHIFT_OPS.slice(0, 3).map(([name, op, opc, left]) =>
  pattern<BinOp>({
    name: `${name}_zzi`,
    pattern: `00000100 tszh:2 1 tszl:2 imm3:3 1001 ${opc.slice(1)} Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => byImm(f, left, f.Zd!, f.Zn!, -1, op),
    exec: binExec,
  }),
);

const VEC_OPS = [
  ['ASR', ASR, '000', false],
  ['LSR', LSR, '001', false],
  ['LSL', LSL, '011', false],
  ['ASRR', ASR, '100', true],
  ['LSRR', LSR, '101', true],
  ['LSLR', LSL, '111', true],
] as const;

const byVector = VEC_OPS.map(([name, op, opc, rev]) =>
  pattern<BinOp>({
    name: `${name}_zpzz`,
    pattern: `00000100 esz:2 010${opc} 100 Pg:3 Zm:5 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f: Fields) => ({
      ...bin0(),
      d: f.Zdn!,
      n: f.Zdn!,
      m: f.Zm!,
      g: f.Pg!,
      esz: f.esz!,
      op,
      rev,
    }),
    exec: binExec,
  }),
);

/** A shift by the overlapping .D element of Zm (.D itself is unallocated), or null. */
function byWide(f: Fields, d: number, n: number, g: number, op: number): BinOp | null {
  return f.esz === 3 ? null : { ...bin0(), d, n, m: f.Zm!, g, esz: f.esz!, op, wide: true };
}

const widePred = SHIFT_OPS.slice(0, 3).map(([name, op, opc]) =>
  pattern<BinOp>({
    name: `${name}_zpzw`,
    pattern: `00000100 esz:2 011${opc} 100 Pg:3 Zm:5 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => byWide(f, f.Zdn!, f.Zdn!, f.Pg!, op),
    exec: binExec,
  }),
);

const wideUnpred = SHIFT_OPS.slice(0, 3).map(([name, op, opc]) =>
  pattern<BinOp>({
    name: `${name}_zzw`,
    pattern: `00000100 esz:2 1 Zm:5 1000 ${opc.slice(1)} Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => byWide(f, f.Zd!, f.Zn!, -1, op),
    exec: binExec,
  }),
);

export const shiftPatterns = [...predImm, ...unpredImm, ...byVector, ...widePred, ...wideUnpred];
