import { pattern, type Cpu, type InsnPattern } from '@hypsim/core';
import { fpCompare, fpEnd, fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { views } from '../elements.js';
import { EH, FMTS, fpPrep, rd, SIGN_HI, SIGN_LO } from './common.js';

/**
 * SVE floating-point compares writing a predicate (zeroing: inactive elements give 0; NZCV is
 * not changed): FCMEQ/NE/GE/GT (vectors and #0.0), FCMLT/LE #0.0, FCMUO, FACGE/FACGT. EQ, NE
 * and UO are quiet (IOC only for a signalling NaN), the ordered comparisons signal IOC for any
 * NaN, as FPCompareEQ/FPCompareGE/FPCompareGT do.
 */

const C_EQ = 0;
const C_NE = 1;
const C_GE = 2;
const C_GT = 3;
const C_UO = 4;
const C_LT = 5;
const C_LE = 6;

interface CmpOp {
  d: number;
  n: number;
  /** Zm, or -1 for the #0.0 forms. */
  m: number;
  g: number;
  esz: number;
  cond: number;
  abs: boolean;
}

function cmpExec(cpu: Cpu, o: CmpOp): void {
  const esz = o.esz;
  const q = fpPrep(cpu, esz);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const fmt = FMTS[esz]!;
  const nb = o.n * fp.stride;
  const mb = o.m * fp.stride;
  const st = sveState(cpu);
  const p = st.p;
  const gb = o.g * st.maxVq;
  const db = o.d * st.maxVq;
  const per = 16 >> esz;
  const cond = o.cond;
  const sig = cond === C_GE || cond === C_GT || cond === C_LT || cond === C_LE;
  const ml = o.abs ? ~SIGN_LO[esz] : -1;
  const mh = o.abs ? ~SIGN_HI[esz] : -1;
  for (let h = 0; h < q; h++) {
    const gm = p[gb + h]!;
    let out = 0;
    for (let i = 0; i < per; i++) {
      const bit = i << esz;
      if (((gm >>> bit) & 1) === 0) continue;
      const e = h * per + i;
      const alo = rd(v, nb, e, esz) & ml;
      const ahi = EH[0]! & mh;
      let blo = 0;
      let bhi = 0;
      if (o.m >= 0) {
        blo = rd(v, mb, e, esz) & ml;
        bhi = EH[0]! & mh;
      }
      const c = fpCompare(fmt, alo, ahi, blo, bhi, sig);
      let t: boolean;
      switch (cond) {
        case C_EQ:
          t = c === 0;
          break;
        case C_NE:
          t = c !== 0;
          break;
        case C_GE:
          t = c >= 0;
          break;
        case C_GT:
          t = c === 1;
          break;
        case C_UO:
          t = c === -2;
          break;
        case C_LT:
          t = c === -1;
          break;
        default:
          t = c === -1 || c === 0;
          break;
      }
      if (t) out |= 1 << bit;
    }
    p[db + h] = out;
  }
  fpEnd(fp);
}

const P: InsnPattern<unknown>[] = [];

const VEC = [
  ['FCMGE_ppzz', '010', 0, C_GE, false],
  ['FCMGT_ppzz', '010', 1, C_GT, false],
  ['FCMEQ_ppzz', '011', 0, C_EQ, false],
  ['FCMNE_ppzz', '011', 1, C_NE, false],
  ['FCMUO_ppzz', '110', 0, C_UO, false],
  ['FACGE_ppzz', '110', 1, C_GE, true],
  ['FACGT_ppzz', '111', 1, C_GT, true],
] as const;
for (const [name, bits, o, cond, abs] of VEC)
  P.push(
    pattern<CmpOp>({
      name,
      pattern: `01100101 esz:2 0 Zm:5 ${bits} Pg:3 Zn:5 ${o} Pd:4`,
      feature: 'FEAT_SVE',
      decode: (f) =>
        f.esz === 0 ? null : { d: f.Pd!, n: f.Zn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, cond, abs },
      exec: cmpExec,
    }) as InsnPattern<unknown>,
  );

const ZERO = [
  ['FCMGE_ppz0', '00', 0, C_GE],
  ['FCMGT_ppz0', '00', 1, C_GT],
  ['FCMLT_ppz0', '01', 0, C_LT],
  ['FCMLE_ppz0', '01', 1, C_LE],
  ['FCMEQ_ppz0', '10', 0, C_EQ],
  ['FCMNE_ppz0', '11', 0, C_NE],
] as const;
for (const [name, bits, o, cond] of ZERO)
  P.push(
    pattern<CmpOp>({
      name,
      pattern: `01100101 esz:2 0100 ${bits} 001 Pg:3 Zn:5 ${o} Pd:4`,
      feature: 'FEAT_SVE',
      decode: (f) =>
        f.esz === 0 ? null : { d: f.Pd!, n: f.Zn!, m: -1, g: f.Pg!, esz: f.esz!, cond, abs: false },
      exec: cmpExec,
    }) as InsnPattern<unknown>,
  );

export const cmpPatterns: readonly InsnPattern<unknown>[] = P;
