import { pattern, type Cpu, type InsnPattern } from '@hypsim/core';
import { binop, fmaop, fpEnd, fpR, fpState, OP_ADD } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, views } from '../elements.js';
import { EH, FMTS, fpPrep, rd, SIGN_HI, SIGN_LO, wr } from './common.js';

/**
 * SVE complex arithmetic on (real, imaginary) element pairs: FCADD (#90, #270, predicated) and
 * FCMLA (#0/#90/#180/#270, predicated and indexed). FCMLA is a fused multiply-add per element
 * with the operands chosen and negated by the rotation, as the Arm ARM's pseudocode (and QEMU)
 * order them; negation flips the sign bit before NaN processing.
 */

interface COp {
  d: number;
  n: number;
  m: number;
  g: number;
  esz: number;
  rot: number;
  /** Complex pair index within each 128-bit segment (indexed FCMLA), else -1. */
  idx: number;
}

function fcaddExec(cpu: Cpu, o: COp): void {
  const esz = o.esz;
  const q = fpPrep(cpu, esz);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const fmt = FMTS[esz]!;
  const count = (16 * q) >> esz;
  const db = o.d * fp.stride;
  const nb = o.n * fp.stride;
  const mb = o.m * fp.stride;
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  // #90: re − m.im, im + m.re; #270: re + m.im, im − m.re
  const sl = SIGN_LO[esz];
  const sh = SIGN_HI[esz];
  const nrLo = o.rot === 0 ? sl : 0;
  const nrHi = o.rot === 0 ? sh : 0;
  const niLo = o.rot === 0 ? 0 : sl;
  const niHi = o.rot === 0 ? 0 : sh;
  for (let e = 0; e < count; e += 2) {
    const e0 = rd(v, nb, e, esz);
    const e0h = EH[0]!;
    const e1 = rd(v, mb, e + 1, esz) ^ nrLo;
    const e1h = EH[0]! ^ nrHi;
    const e2 = rd(v, nb, e + 1, esz);
    const e2h = EH[0]!;
    const e3 = rd(v, mb, e, esz) ^ niLo;
    const e3h = EH[0]! ^ niHi;
    if (active(p, pb, e, esz)) {
      binop(OP_ADD, fmt, e0, e0h, e1, e1h);
      wr(v, db, e, esz, fpR[0]!, fpR[1]!);
    }
    if (active(p, pb, e + 1, esz)) {
      binop(OP_ADD, fmt, e2, e2h, e3, e3h);
      wr(v, db, e + 1, esz, fpR[0]!, fpR[1]!);
    }
  }
  fpEnd(fp);
}

function fcmlaExec(cpu: Cpu, o: COp): void {
  const esz = o.esz;
  const q = fpPrep(cpu, esz);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const fmt = FMTS[esz]!;
  const count = (16 * q) >> esz;
  const seg = 16 >> esz;
  const db = o.d * fp.stride;
  const nb = o.n * fp.stride;
  const mb = o.m * fp.stride;
  const st = o.g >= 0 ? sveState(cpu) : null;
  const p = st ? st.p : null;
  const pb = st ? o.g * st.maxVq : 0;
  const flip = o.rot & 1;
  const negImag = (o.rot & 2) !== 0;
  const negReal = (flip === 1) !== negImag;
  const sl = SIGN_LO[esz];
  const sh = SIGN_HI[esz];
  let mr = 0;
  let mrh = 0;
  let mi = 0;
  let mih = 0;
  for (let e = 0; e < count; e += 2) {
    if (o.idx < 0 || e % seg === 0) {
      const k = o.idx < 0 ? e : e + 2 * o.idx;
      mr = rd(v, mb, k, esz);
      mrh = EH[0]!;
      mi = rd(v, mb, k + 1, esz);
      mih = EH[0]!;
    }
    const x = rd(v, nb, e + flip, esz); // e2 = e4
    const xh = EH[0]!;
    let e1 = flip ? mi : mr;
    let e1h = flip ? mih : mrh;
    let e3 = flip ? mr : mi;
    let e3h = flip ? mrh : mih;
    if (negReal) {
      e1 ^= sl;
      e1h ^= sh;
    }
    if (negImag) {
      e3 ^= sl;
      e3h ^= sh;
    }
    if (!p || active(p, pb, e, esz)) {
      const a = rd(v, db, e, esz);
      fmaop(fmt, a, EH[0]!, x, xh, e1, e1h);
      wr(v, db, e, esz, fpR[0]!, fpR[1]!);
    }
    if (!p || active(p, pb, e + 1, esz)) {
      const a = rd(v, db, e + 1, esz);
      fmaop(fmt, a, EH[0]!, x, xh, e3, e3h);
      wr(v, db, e + 1, esz, fpR[0]!, fpR[1]!);
    }
  }
  fpEnd(fp);
}

const P: InsnPattern<unknown>[] = [
  pattern<COp>({
    name: 'FCADD_zpzz',
    pattern: '01100100 esz:2 00000 rot:1 100 Pg:3 Zm:5 Zdn:5',
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0
        ? null
        : { d: f.Zdn!, n: f.Zdn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, rot: f.rot!, idx: -1 },
    exec: fcaddExec,
  }),
  pattern<COp>({
    name: 'FCMLA_zpzzz',
    pattern: '01100100 esz:2 0 Zm:5 0 rot:2 Pg:3 Zn:5 Zda:5',
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0
        ? null
        : { d: f.Zda!, n: f.Zn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, rot: f.rot!, idx: -1 },
    exec: fcmlaExec,
  }),
  pattern<COp>({
    name: 'FCMLA_zzxz_h',
    pattern: '01100100 10 1 i2:2 Zm:3 0001 rot:2 Zn:5 Zda:5',
    feature: 'FEAT_SVE',
    decode: (f) => ({ d: f.Zda!, n: f.Zn!, m: f.Zm!, g: -1, esz: 1, rot: f.rot!, idx: f.i2! }),
    exec: fcmlaExec,
  }),
  pattern<COp>({
    name: 'FCMLA_zzxz_s',
    pattern: '01100100 11 1 i1:1 Zm:4 0001 rot:2 Zn:5 Zda:5',
    feature: 'FEAT_SVE',
    decode: (f) => ({ d: f.Zda!, n: f.Zn!, m: f.Zm!, g: -1, esz: 2, rot: f.rot!, idx: f.i1! }),
    exec: fcmlaExec,
  }),
] as InsnPattern<unknown>[];

export const complexPatterns: readonly InsnPattern<unknown>[] = P;
