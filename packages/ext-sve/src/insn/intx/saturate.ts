import { pattern } from '@hypsim/core';
import { SQADD, SQADDI, SQSUB, SQSUBI, UQADD, UQSUB, bin0, binExec, type BinOp } from './alu.js';

/** SQADD/UQADD/SQSUB/UQSUB: unpredicated vectors and unsigned (optionally LSL #8) immediate. */

const OPS = [
  ['SQADD', SQADD, SQADDI, '00'],
  ['UQADD', UQADD, UQADD, '01'],
  ['SQSUB', SQSUB, SQSUBI, '10'],
  ['UQSUB', UQSUB, UQSUB, '11'],
] as const;

const vec = OPS.map(([name, op, , opc]) =>
  pattern<BinOp>({
    name: `${name}_zzz`,
    pattern: `00000100 esz:2 1 Zm:5 0001${opc} Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...bin0(), d: f.Zd!, n: f.Zn!, m: f.Zm!, esz: f.esz!, op }),
    exec: binExec,
  }),
);

const imm = OPS.map(([name, , op, opc]) =>
  pattern<BinOp>({
    name: `${name}_zzi`,
    pattern: `00100101 esz:2 1001${opc} 11 sh:1 imm8:8 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0 && f.sh === 1
        ? null
        : { ...bin0(), d: f.Zdn!, n: f.Zdn!, esz: f.esz!, op, imm: f.imm8! << (8 * f.sh!) },
    exec: binExec,
  }),
);

export const saturatePatterns = [...vec, ...imm];
