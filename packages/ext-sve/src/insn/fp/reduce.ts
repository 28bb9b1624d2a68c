import { pattern, type Cpu, type InsnPattern } from '@hypsim/core';
import {
  binop,
  fpEnd,
  fpR,
  fpState,
  OP_ADD,
  OP_MAX,
  OP_MAXNM,
  OP_MIN,
  OP_MINNM,
  type FpState,
} from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, views } from '../elements.js';
import { EH, flushHalf, FMTS, fpPrep, rd, rdRaw } from './common.js';

/**
 * SVE floating-point reductions to a SIMD&FP scalar (the rest of Zd is zeroed, as a V write
 * is): FADDV, FMAXNMV, FMINNMV, FMAXV, FMINV as a pairwise tree over the vector padded to a
 * power of two with inactive elements replaced by the operation's identity (+0.0, the default
 * NaN, −∞, +∞), which is the Arm ARM's Reduce and QEMU's DO_REDUCE; FADDA strictly in element
 * order starting from Vdn.
 */

interface RedOp {
  d: number;
  n: number;
  g: number;
  esz: number;
  code: number;
  /** Identity element (lo, hi). */
  idLo: number;
  idHi: number;
}

/** Scratch for the tree: up to 256 elements as (lo, hi) pairs. */
const T = new Int32Array(512);

/** Vd = the esz-sized scalar (lo, hi), the rest of Zd zeroed: the architectural V write. */
function writeScalar(fp: FpState, d: number, esz: number, lo: number, hi: number): void {
  fp.writeD(d, esz === 1 ? lo & 0xffff : lo, esz === 3 ? hi : 0);
}

function reduceExec(cpu: Cpu, o: RedOp): void {
  const esz = o.esz;
  const q = fpPrep(cpu, esz);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const fmt = FMTS[esz]!;
  const count = (16 * q) >> esz;
  let n = 1;
  while (n < count) n <<= 1;
  const nb = o.n * fp.stride;
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  for (let e = 0; e < n; e++) {
    if (e < count && active(p, pb, e, esz)) {
      T[2 * e] = rd(v, nb, e, esz);
      T[2 * e + 1] = EH[0]!;
    } else {
      T[2 * e] = o.idLo;
      T[2 * e + 1] = o.idHi;
    }
  }
  for (let s = 1; s < n; s <<= 1) {
    for (let i = 0; i < n; i += 2 * s) {
      binop(o.code, fmt, T[2 * i]!, T[2 * i + 1]!, T[2 * (i + s)]!, T[2 * (i + s) + 1]!);
      T[2 * i] = fpR[0]!;
      T[2 * i + 1] = fpR[1]!;
    }
  }
  writeScalar(fp, o.d, esz, T[0]!, T[1]!);
  fpEnd(fp);
}

function faddaExec(cpu: Cpu, o: RedOp): void {
  const esz = o.esz;
  const q = fpPrep(cpu, esz);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const fmt = FMTS[esz]!;
  const count = (16 * q) >> esz;
  const db = o.d * fp.stride;
  const nb = o.n * fp.stride;
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  // Vdn is only flushed (FZ16) when an addition uses it: with no active element it is kept
  let lo = rdRaw(v, db, 0, esz);
  let hi = EH[0]!;
  let first = true;
  for (let e = 0; e < count; e++) {
    if (!active(p, pb, e, esz)) continue;
    if (first && esz === 1) lo = flushHalf(lo);
    first = false;
    const blo = rd(v, nb, e, esz);
    binop(OP_ADD, fmt, lo, hi, blo, EH[0]!);
    lo = fpR[0]!;
    hi = fpR[1]!;
  }
  writeScalar(fp, o.d, esz, lo, hi);
  fpEnd(fp);
}

/** Identities per esz: [+0, default NaN, −∞, +∞] as (lo, hi). */
const ID: Record<string, readonly (readonly [number, number])[]> = {
  zero: [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  nan: [
    [0, 0],
    [0x7e00, 0],
    [0x7fc00000, 0],
    [0, 0x7ff80000],
  ],
  ninf: [
    [0, 0],
    [0xfc00, 0],
    [0xff800000 | 0, 0],
    [0, 0xfff00000 | 0],
  ],
  pinf: [
    [0, 0],
    [0x7c00, 0],
    [0x7f800000, 0],
    [0, 0x7ff00000],
  ],
};

const RED = [
  ['FADDV', '000', OP_ADD, 'zero'],
  ['FMAXNMV', '100', OP_MAXNM, 'nan'],
  ['FMINNMV', '101', OP_MINNM, 'nan'],
  ['FMAXV', '110', OP_MAX, 'ninf'],
  ['FMINV', '111', OP_MIN, 'pinf'],
] as const;

const P: InsnPattern<unknown>[] = RED.map(
  ([name, bits, code, id]) =>
    pattern<RedOp>({
      name: `${name}_v_p_z`,
      pattern: `01100101 esz:2 000 ${bits} 001 Pg:3 Zn:5 Vd:5`,
      feature: 'FEAT_SVE',
      decode: (f) => {
        if (f.esz === 0) return null;
        const [idLo, idHi] = ID[id]![f.esz!]!;
        return { d: f.Vd!, n: f.Zn!, g: f.Pg!, esz: f.esz!, code, idLo, idHi };
      },
      exec: reduceExec,
    }) as InsnPattern<unknown>,
);

P.push(
  pattern<RedOp>({
    name: 'FADDA_v_p_z',
    pattern: '01100101 esz:2 011 000 001 Pg:3 Zm:5 Vdn:5',
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0
        ? null
        : { d: f.Vdn!, n: f.Zm!, g: f.Pg!, esz: f.esz!, code: OP_ADD, idLo: 0, idHi: 0 },
    exec: faddaExec,
  }) as InsnPattern<unknown>,
);

export const reducePatterns: readonly InsnPattern<unknown>[] = P;
