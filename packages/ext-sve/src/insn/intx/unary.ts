import { pattern, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, arr, views } from '../elements.js';
import { prep, sx, ux } from './common.js';
import { R, cls64, clz64, neg64, popcount32, set64 } from './i64.js';

/**
 * Unary predicated (merging) integer operations: ABS, NEG, CLS, CLZ, CNT, CNOT, NOT,
 * SXTB/H/W, UXTB/H/W, and the reverse-within-element forms REVB/REVH/REVW/RBIT.
 */

const ABS = 0;
const NEG = 1;
const CLS = 2;
const CLZ = 3;
const CNT = 4;
const CNOT = 5;
const NOT = 6;
const SXTB = 7;
const SXTH = 8;
const SXTW = 9;
const UXTB = 10;
const UXTH = 11;
const UXTW = 12;
const REVB = 13;
const REVH = 14;
const REVW = 15;
const RBIT = 16;

function bswap32(x: number): number {
  return (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
}

function rbit32(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  return bswap32(x);
}

function unN(op: number, a: number, bits: number): number {
  switch (op) {
    case ABS:
      return Math.abs(sx(a, bits));
    case NEG:
      return -a;
    case CLS:
      return Math.clz32((sx(a, bits) ^ (sx(a, bits) << 1)) | 1) - (32 - bits);
    case CLZ:
      return Math.clz32(ux(a, bits)) - (32 - bits);
    case CNT:
      return popcount32(ux(a, bits));
    case CNOT:
      return ux(a, bits) === 0 ? 1 : 0;
    case NOT:
      return ~a;
    case SXTB:
      return sx(a, 8);
    case SXTH:
      return sx(a, 16);
    case UXTB:
      return a & 0xff;
    case UXTH:
      return a & 0xffff;
    case REVB:
      return bits === 16 ? ((a & 0xff) << 8) | ((a >>> 8) & 0xff) : bswap32(a);
    case REVH:
      return (a << 16) | (a >>> 16);
    default:
      // RBIT
      return rbit32(a) >>> (32 - bits);
  }
}

function un64(op: number, lo: number, hi: number): void {
  switch (op) {
    case ABS:
      if (hi < 0) neg64(lo, hi);
      else set64(lo, hi);
      return;
    case NEG:
      neg64(lo, hi);
      return;
    case CLS:
      set64(cls64(lo, hi), 0);
      return;
    case CLZ:
      set64(clz64(lo, hi), 0);
      return;
    case CNT:
      set64(popcount32(lo) + popcount32(hi), 0);
      return;
    case CNOT:
      set64((lo | hi) === 0 ? 1 : 0, 0);
      return;
    case NOT:
      set64(~lo, ~hi);
      return;
    case SXTB:
      set64(sx(lo, 8), sx(lo, 8) >> 31);
      return;
    case SXTH:
      set64(sx(lo, 16), sx(lo, 16) >> 31);
      return;
    case SXTW:
      set64(lo, lo >> 31);
      return;
    case UXTB:
      set64(lo & 0xff, 0);
      return;
    case UXTH:
      set64(lo & 0xffff, 0);
      return;
    case UXTW:
      set64(lo, 0);
      return;
    case REVB:
      set64(bswap32(hi), bswap32(lo));
      return;
    case REVH:
      set64((hi << 16) | (hi >>> 16), (lo << 16) | (lo >>> 16));
      return;
    case REVW:
      set64(hi, lo);
      return;
    default:
      set64(rbit32(hi), rbit32(lo));
  }
}

interface UnOp {
  d: number;
  n: number;
  g: number;
  esz: number;
  op: number;
}

function unExec(cpu: Cpu, o: UnOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const op = o.op;
  if (esz < 3) {
    const bits = 8 << esz;
    const A = arr(views(fp.z), esz);
    const per = fp.stride * (4 >> esz);
    const d = o.d * per;
    const n = o.n * per;
    for (let e = 0; e < count; e++) {
      if (active(p, pb, e, esz)) A[d + e] = unN(op, A[n + e]!, bits);
    }
  } else {
    const z = fp.z;
    const d = o.d * fp.stride;
    const n = o.n * fp.stride;
    for (let w = 0; w < 2 * count; w += 2) {
      if (!active(p, pb, w >> 1, 3)) continue;
      un64(op, z[n + w]!, z[n + w + 1]!);
      z[d + w] = R[0]!;
      z[d + w + 1] = R[1]!;
    }
  }
}

/** [name, op, encoding prefix (bits 31..13), smallest element size] */
const FORMS = [
  ['CLS', CLS, '00000100 esz:2 011000 101', 0],
  ['CLZ', CLZ, '00000100 esz:2 011001 101', 0],
  ['CNT', CNT, '00000100 esz:2 011010 101', 0],
  ['CNOT', CNOT, '00000100 esz:2 011011 101', 0],
  ['NOT', NOT, '00000100 esz:2 011110 101', 0],
  ['SXTB', SXTB, '00000100 esz:2 010000 101', 1],
  ['UXTB', UXTB, '00000100 esz:2 010001 101', 1],
  ['SXTH', SXTH, '00000100 esz:2 010010 101', 2],
  ['UXTH', UXTH, '00000100 esz:2 010011 101', 2],
  ['SXTW', SXTW, '00000100 esz:2 010100 101', 3],
  ['UXTW', UXTW, '00000100 esz:2 010101 101', 3],
  ['ABS', ABS, '00000100 esz:2 010110 101', 0],
  ['NEG', NEG, '00000100 esz:2 010111 101', 0],
  ['REVB', REVB, '00000101 esz:2 100100 100', 1],
  ['REVH', REVH, '00000101 esz:2 100101 100', 2],
  ['REVW', REVW, '00000101 esz:2 100110 100', 3],
  ['RBIT', RBIT, '00000101 esz:2 100111 100', 0],
] as const;

export const unaryPatterns = FORMS.map(([name, op, prefix, min]) =>
  pattern<UnOp>({
    name: `${name}_zpz`,
    pattern: `${prefix} Pg:3 Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => (f.esz! < min ? null : { d: f.Zd!, n: f.Zn!, g: f.Pg!, esz: f.esz!, op }),
    exec: unExec,
  }),
);
