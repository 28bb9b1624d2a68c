import { pattern, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { views } from '../elements.js';
import { prep } from './common.js';
import { R, add64 } from './i64.js';

/**
 * SDOT/UDOT: each .S (.D) element of Zda accumulates the four products of the .B (.H)
 * elements of Zn and Zm in it; the indexed forms take the Zm group `index` of the element's
 * 128-bit segment.
 */

interface DotOp {
  d: number;
  n: number;
  m: number;
  /** 0 .S += .B products, 1 .D += .H products */
  wide: number;
  signed: boolean;
  /** group index within each 128-bit segment, or -1 (vectors form) */
  index: number;
}

/** The Zm group of the current element (read before the segment's Zda elements are written). */
const MG = new Int32Array(4);

function dotExec(cpu: Cpu, o: DotOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const V = views(fp.z);
  const s = o.signed;
  if (o.wide === 0) {
    const B = V.u8;
    const Z = fp.z;
    const nb = o.n * fp.stride * 4;
    const mb = o.m * fp.stride * 4;
    const dw = o.d * fp.stride;
    for (let e = 0; e < 4 * q; e++) {
      if (o.index < 0 || (e & 3) === 0) {
        const g = o.index < 0 ? e : e | o.index;
        for (let i = 0; i < 4; i++) {
          const b = B[mb + 4 * g + i]!;
          MG[i] = s ? (b << 24) >> 24 : b;
        }
      }
      let sum = 0;
      for (let i = 0; i < 4; i++) {
        const a = B[nb + 4 * e + i]!;
        sum += (s ? (a << 24) >> 24 : a) * MG[i]!;
      }
      Z[dw + e] = (Z[dw + e]! + sum) | 0;
    }
  } else {
    const H = V.u16;
    const Z = fp.z;
    const nb = o.n * fp.stride * 2;
    const mb = o.m * fp.stride * 2;
    const dw = o.d * fp.stride;
    for (let e = 0; e < 2 * q; e++) {
      if (o.index < 0 || (e & 1) === 0) {
        const g = o.index < 0 ? e : e | o.index;
        for (let i = 0; i < 4; i++) {
          const b = H[mb + 4 * g + i]!;
          MG[i] = s ? (b << 16) >> 16 : b;
        }
      }
      let sum = 0;
      for (let i = 0; i < 4; i++) {
        const a = H[nb + 4 * e + i]!;
        sum += (s ? (a << 16) >> 16 : a) * MG[i]!;
      }
      add64(Z[dw + 2 * e]!, Z[dw + 2 * e + 1]!, sum | 0, Math.floor(sum / 4294967296) | 0);
      Z[dw + 2 * e] = R[0]!;
      Z[dw + 2 * e + 1] = R[1]!;
    }
  }
}

const vec = pattern<DotOp>({
  name: 'DOT_zzzz',
  pattern: '01000100 1 sz:1 0 Zm:5 00000 u:1 Zn:5 Zda:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zda!, n: f.Zn!, m: f.Zm!, wide: f.sz!, signed: f.u === 0, index: -1 }),
  exec: dotExec,
});

const idxS = pattern<DotOp>({
  name: 'DOT_zzxw_s',
  pattern: '01000100 10 1 i2:2 Zm:3 00000 u:1 Zn:5 Zda:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zda!, n: f.Zn!, m: f.Zm!, wide: 0, signed: f.u === 0, index: f.i2! }),
  exec: dotExec,
});

const idxD = pattern<DotOp>({
  name: 'DOT_zzxw_d',
  pattern: '01000100 11 1 i1:1 Zm:4 00000 u:1 Zn:5 Zda:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zda!, n: f.Zn!, m: f.Zm!, wide: 1, signed: f.u === 0, index: f.i1! }),
  exec: dotExec,
});

export const dotPatterns = [vec, idxS, idxD];
