import { pattern, sext } from '@hypsim/core';
import { SABD, SMAX, SMIN, UABD, UMAX, UMIN, bin0, binExec, type BinOp } from './alu.js';

/** SMAX/UMAX/SMIN/UMIN (predicated vectors and unpredicated immediate), SABD/UABD. */

const PRED = [
  ['SMAX', SMAX, '000'],
  ['UMAX', UMAX, '001'],
  ['SMIN', SMIN, '010'],
  ['UMIN', UMIN, '011'],
  ['SABD', SABD, '100'],
  ['UABD', UABD, '101'],
] as const;

const pred = PRED.map(([name, op, opc]) =>
  pattern<BinOp>({
    name: `${name}_zpzz`,
    pattern: `00000100 esz:2 001${opc} 000 Pg:3 Zm:5 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...bin0(), d: f.Zdn!, n: f.Zdn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, op }),
    exec: binExec,
  }),
);

const imm = PRED.slice(0, 4).map(([name, op, opc]) =>
  pattern<BinOp>({
    name: `${name}_zzi`,
    pattern: `00100101 esz:2 101${opc} 110 imm8:8 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => {
      const signed = op === SMAX || op === SMIN;
      const v = signed ? sext(f.imm8!, 8) : f.imm8!;
      return { ...bin0(), d: f.Zdn!, n: f.Zdn!, esz: f.esz!, op, imm: v, immHi: v < 0 ? -1 : 0 };
    },
    exec: binExec,
  }),
);

export const minmaxPatterns = [...pred, ...imm];
