import { pattern, sext, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { arr, views } from '../elements.js';
import { EMASK, prep, sx, ux } from './common.js';
import { cmp64 } from './i64.js';

/**
 * Integer compares into a predicate (CMP<cc> vectors, wide .D second operand, signed and
 * unsigned immediates): Pd gets the condition for the active elements of Pg and zero
 * everywhere else, and NZCV is set as PTEST of Pd under Pg (element-size granularity).
 */

const EQ = 0;
const NE = 1;
const GE = 2;
const GT = 3;
const LT = 4;
const LE = 5;
const HS = 6;
const HI = 7;
const LO = 8;
const LS = 9;

function holds(cond: number, c: number): boolean {
  switch (cond) {
    case EQ:
      return c === 0;
    case NE:
      return c !== 0;
    case GE:
    case HS:
      return c >= 0;
    case GT:
    case HI:
      return c > 0;
    case LT:
    case LO:
      return c < 0;
    default:
      return c <= 0;
  }
}

interface CmpOp {
  d: number;
  n: number;
  /** Zm, or -1 for the immediate. */
  m: number;
  g: number;
  esz: number;
  cond: number;
  wide: boolean;
  imm: number;
  immHi: number;
}

function cmpExec(cpu: Cpu, o: CmpOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const st = sveState(cpu);
  const p = st.p;
  const gb = o.g * st.maxVq;
  const db = o.d * st.maxVq;
  const esz = o.esz;
  const emask = EMASK[esz]!;
  const signed = o.cond <= LE;
  const per = 16 >> esz;
  const z = fp.z;
  const bits = 8 << esz;
  const A = esz < 3 ? arr(views(z), esz) : null;
  const nb = o.n * fp.stride * (4 >> esz);
  const mb = o.m * fp.stride * (4 >> esz);
  const mw = o.m * fp.stride;
  const nw = o.n * fp.stride;
  let first = -1;
  let last = -1;
  let any = false;
  for (let h = 0; h < q; h++) {
    const gm = p[gb + h]! & emask;
    let r = 0;
    if (gm !== 0) {
      for (let i = 0; i < per; i++) {
        const bit = i << esz;
        if (((gm >>> bit) & 1) === 0) continue;
        const e = h * per + i;
        let c: number;
        if (A) {
          const a = signed ? sx(A[nb + e]!, bits) : ux(A[nb + e]!, bits);
          let b: number;
          if (o.m < 0) b = o.imm;
          else if (o.wide) {
            const w = mw + (((e << esz) >> 3) << 1);
            const hi = signed ? z[w + 1]! | 0 : z[w + 1]! >>> 0;
            b = hi * 4294967296 + (z[w]! >>> 0);
          } else b = signed ? sx(A[mb + e]!, bits) : ux(A[mb + e]!, bits);
          c = a < b ? -1 : a > b ? 1 : 0;
        } else {
          const w = 2 * e;
          c =
            o.m < 0
              ? cmp64(z[nw + w]!, z[nw + w + 1]!, o.imm, o.immHi, signed)
              : cmp64(z[nw + w]!, z[nw + w + 1]!, z[mw + w]!, z[mw + w + 1]!, signed);
        }
        if (holds(o.cond, c)) r |= 1 << bit;
      }
      if (r !== 0) any = true;
      if (first < 0) first = (r >>> (31 - Math.clz32(gm & -gm))) & 1;
      last = (r >>> (31 - Math.clz32(gm))) & 1;
    }
    p[db + h] = r;
  }
  cpu.nzcv = (first === 1 ? 8 : 0) | (any ? 0 : 4) | (last === 1 ? 0 : 2);
}

function base(f: Record<string, number>, cond: number): CmpOp {
  return {
    d: f.Pd!,
    n: f.Zn!,
    m: -1,
    g: f.Pg!,
    esz: f.esz!,
    cond,
    wide: false,
    imm: 0,
    immHi: 0,
  };
}

const VEC = [
  ['CMPHS', HS, '000', 0],
  ['CMPHI', HI, '000', 1],
  ['CMPGE', GE, '100', 0],
  ['CMPGT', GT, '100', 1],
  ['CMPEQ', EQ, '101', 0],
  ['CMPNE', NE, '101', 1],
] as const;

const vec = VEC.map(([name, cond, opc, ne]) =>
  pattern<CmpOp>({
    name: `${name}_ppzz`,
    pattern: `00100100 esz:2 0 Zm:5 ${opc} Pg:3 Zn:5 ${ne} Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...base(f, cond), m: f.Zm! }),
    exec: cmpExec,
  }),
);

const WIDE = [
  ['CMPEQ', EQ, '001', 0],
  ['CMPNE', NE, '001', 1],
  ['CMPGE', GE, '010', 0],
  ['CMPGT', GT, '010', 1],
  ['CMPLT', LT, '011', 0],
  ['CMPLE', LE, '011', 1],
  ['CMPHS', HS, '110', 0],
  ['CMPHI', HI, '110', 1],
  ['CMPLO', LO, '111', 0],
  ['CMPLS', LS, '111', 1],
] as const;

const wide = WIDE.map(([name, cond, opc, ne]) =>
  pattern<CmpOp>({
    name: `${name}_ppzw`,
    pattern: `00100100 esz:2 0 Zm:5 ${opc} Pg:3 Zn:5 ${ne} Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => (f.esz === 3 ? null : { ...base(f, cond), m: f.Zm!, wide: true }),
    exec: cmpExec,
  }),
);

const UIMM = [
  ['CMPHS', HS, 0, 0],
  ['CMPHI', HI, 0, 1],
  ['CMPLO', LO, 1, 0],
  ['CMPLS', LS, 1, 1],
] as const;

const uimm = UIMM.map(([name, cond, lt, ne]) =>
  pattern<CmpOp>({
    name: `${name}_ppzi`,
    pattern: `00100100 esz:2 1 imm7:7 ${lt} Pg:3 Zn:5 ${ne} Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...base(f, cond), imm: f.imm7! }),
    exec: cmpExec,
  }),
);

const SIMM = [
  ['CMPGE', GE, '000', 0],
  ['CMPGT', GT, '000', 1],
  ['CMPLT', LT, '001', 0],
  ['CMPLE', LE, '001', 1],
  ['CMPEQ', EQ, '100', 0],
  ['CMPNE', NE, '100', 1],
] as const;

const simm = SIMM.map(([name, cond, opc, ne]) =>
  pattern<CmpOp>({
    name: `${name}_ppzi`,
    pattern: `00100101 esz:2 0 imm5:5 ${opc} Pg:3 Zn:5 ${ne} Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => {
      const v = sext(f.imm5!, 5);
      return { ...base(f, cond), imm: v, immHi: v < 0 ? -1 : 0 };
    },
    exec: cmpExec,
  }),
);

export const comparePatterns = [...vec, ...wide, ...uimm, ...simm];
