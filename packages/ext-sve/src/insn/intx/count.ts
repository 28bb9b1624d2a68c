import { pattern, rz, wz, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { predCount } from '../predicates.js';
import { arr, views } from '../elements.js';
import { SQADD, SQADDI, SQSUB, SQSUBI, UQADD, UQSUB, alu64, aluN } from './alu.js';
import { EMASK, prep } from './common.js';
import { R, add64, sub64 } from './i64.js';

/**
 * Increments and decrements by an element count that the other files lack: SQINC/UQINC/
 * SQDEC/UQDEC on vectors (by pattern), and the predicate-count forms INCP/DECP (scalar and
 * vector) and SQINCP/UQINCP/SQDECP/UQDECP (32- and 64-bit scalar, and vector).
 */

/** Number of true .esz elements of Pm (no governing predicate). */
function predTrue(cpu: Cpu, m: number, esz: number, q: number): number {
  const st = sveState(cpu);
  const p = st.p;
  const b = m * st.maxVq;
  const em = EMASK[esz]!;
  let c = 0;
  for (let h = 0; h < q; h++) {
    let v = p[b + h]! & em;
    while (v !== 0) {
      v &= v - 1;
      c++;
    }
  }
  return c;
}

/** Saturating op (SQADDI/UQADD/SQSUBI/UQSUB) of every element of Zdn with `c`. */
function vecSat(cpu: Cpu, d: number, esz: number, q: number, op: number, c: number): void {
  const fp = fpState(cpu);
  const count = (16 * q) >> esz;
  if (esz < 3) {
    const A = arr(views(fp.z), esz);
    const b = d * fp.stride * (4 >> esz);
    const bits = 8 << esz;
    for (let e = b; e < b + count; e++) A[e] = aluN(op, A[e]!, c, bits);
  } else {
    const z = fp.z;
    const b = d * fp.stride;
    for (let w = b; w < b + 2 * count; w += 2) {
      alu64(op, z[w]!, z[w + 1]!, c, 0);
      z[w] = R[0]!;
      z[w + 1] = R[1]!;
    }
  }
}

function satOp(dec: number, u: number): number {
  return dec ? (u ? UQSUB : SQSUBI) : u ? UQADD : SQADDI;
}

interface CountOp {
  d: number;
  /** source gpr index (scalar forms) */
  s: number;
  /** Pm (predicate forms) */
  m: number;
  esz: number;
  pat: number;
  imm: number;
  op: number;
  dec: boolean;
  /** scalar width: 32 or 64 */
  width: number;
}

/** A decoded CountOp; pat and imm are the by-pattern form's. */
function countOp(
  d: number,
  s: number,
  m: number,
  esz: number,
  op: number,
  dec: number,
  width: number,
  pat = 0,
  imm = 0,
): CountOp {
  return { d, s, m, esz, pat, imm, op, dec: dec === 1, width };
}

const sincdecV = pattern<CountOp>({
  name: 'SINCDEC_v',
  pattern: '00000100 esz:2 10 imm4:4 1100 dec:1 u:1 pat:5 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) =>
    f.esz === 0
      ? null
      : countOp(f.Zdn!, 0, 0, f.esz!, satOp(f.dec!, f.u!), f.dec!, 0, f.pat!, f.imm4! + 1),
  exec: (cpu, o) => {
    const q = prep(cpu);
    vecSat(cpu, o.d, o.esz, q, o.op, predCount(o.pat, (16 * q) >> o.esz) * o.imm);
  },
});

const incdecpR = pattern<CountOp>({
  name: 'INCDECP_r',
  pattern: '00100101 esz:2 10110 dec:1 10001 00 Pm:4 Rdn:5',
  feature: 'FEAT_SVE',
  decode: (f) => countOp(wz(f.Rdn!), rz(f.Rdn!), f.Pm!, f.esz!, 0, f.dec!, 64),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const c = predTrue(cpu, o.m, o.esz, q);
    const g = cpu.gpr;
    if (o.dec) sub64(g[o.s]!, g[o.s + 1]!, c, 0);
    else add64(g[o.s]!, g[o.s + 1]!, c, 0);
    g[o.d] = R[0]!;
    g[o.d + 1] = R[1]!;
  },
});

const incdecpZ = pattern<CountOp>({
  name: 'INCDECP_z',
  pattern: '00100101 esz:2 10110 dec:1 10000 00 Pm:4 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) => (f.esz === 0 ? null : countOp(f.Zdn!, 0, f.Pm!, f.esz!, 0, f.dec!, 0)),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const c = predTrue(cpu, o.m, o.esz, q);
    const fp = fpState(cpu);
    const count = (16 * q) >> o.esz;
    const delta = o.dec ? -c : c;
    if (o.esz < 3) {
      const A = arr(views(fp.z), o.esz);
      const b = o.d * fp.stride * (4 >> o.esz);
      for (let e = b; e < b + count; e++) A[e] = A[e]! + delta;
    } else {
      const z = fp.z;
      const b = o.d * fp.stride;
      for (let w = b; w < b + 2 * count; w += 2) {
        if (o.dec) sub64(z[w]!, z[w + 1]!, c, 0);
        else add64(z[w]!, z[w + 1]!, c, 0);
        z[w] = R[0]!;
        z[w + 1] = R[1]!;
      }
    }
  },
});

function sincdecpR(width: number) {
  return pattern<CountOp>({
    name: `SINCDECP_r_${width}`,
    pattern: `00100101 esz:2 1010 dec:1 u:1 10001 ${width === 64 ? 1 : 0}0 Pm:4 Rdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) =>
      countOp(wz(f.Rdn!), rz(f.Rdn!), f.Pm!, f.esz!, satOp(f.dec!, f.u!), f.dec!, width),
    exec: (cpu, o) => {
      const q = prep(cpu);
      const c = predTrue(cpu, o.m, o.esz, q);
      const g = cpu.gpr;
      if (o.width === 64) {
        alu64(o.op === SQADDI ? SQADD : o.op === SQSUBI ? SQSUB : o.op, g[o.s]!, g[o.s + 1]!, c, 0);
        g[o.d] = R[0]!;
        g[o.d + 1] = R[1]!;
      } else {
        const r = aluN(o.op, g[o.s]!, c, 32);
        g[o.d] = r | 0;
        g[o.d + 1] = o.op === SQADDI || o.op === SQSUBI ? (r < 0 ? -1 : 0) : 0;
      }
    },
  });
}

const sincdecpZ = pattern<CountOp>({
  name: 'SINCDECP_z',
  pattern: '00100101 esz:2 1010 dec:1 u:1 10000 00 Pm:4 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) =>
    f.esz === 0 ? null : countOp(f.Zdn!, 0, f.Pm!, f.esz!, satOp(f.dec!, f.u!), f.dec!, 0),
  exec: (cpu, o) => {
    const q = prep(cpu);
    vecSat(cpu, o.d, o.esz, q, o.op, predTrue(cpu, o.m, o.esz, q));
  },
});

export const countPatterns = [
  sincdecV,
  incdecpR,
  incdecpZ,
  sincdecpR(32),
  sincdecpR(64),
  sincdecpZ,
];
