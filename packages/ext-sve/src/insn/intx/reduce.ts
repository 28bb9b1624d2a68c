import { pattern, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, arr, views } from '../elements.js';
import { prep, sx, ux } from './common.js';
import { R, add64, cmp64 } from './i64.js';

/**
 * Integer reductions into a SIMD&FP scalar: SADDV/UADDV (64-bit result), SMAXV/SMINV/UMAXV/
 * UMINV, ANDV/ORV/EORV (element-size result). Vd is written as an AdvSIMD scalar write does:
 * the bits above the result, up to the whole Z register, become zero (FpState.writeD).
 */

const SADDV = 0;
const UADDV = 1;
const SMAXV = 2;
const UMAXV = 3;
const SMINV = 4;
const UMINV = 5;
const ORV = 6;
const EORV = 7;
const ANDV = 8;

interface RedOp {
  d: number;
  n: number;
  g: number;
  esz: number;
  op: number;
}

function reduceN(
  A: ArrayLike<number>,
  nb: number,
  p: Uint16Array,
  pb: number,
  o: RedOp,
  count: number,
): number {
  const esz = o.esz;
  const bits = 8 << esz;
  const op = o.op;
  const signed = op === SADDV || op === SMAXV || op === SMINV;
  const top = bits === 32 ? 0x7fffffff : (1 << (bits - 1)) - 1;
  let acc: number;
  switch (op) {
    case SMAXV:
      acc = -top - 1;
      break;
    case SMINV:
      acc = top;
      break;
    case UMINV:
      acc = ux(-1, bits);
      break;
    case ANDV:
      acc = -1;
      break;
    default:
      acc = 0;
  }
  for (let e = 0; e < count; e++) {
    if (!active(p, pb, e, esz)) continue;
    const raw = A[nb + e]!;
    const v = signed ? sx(raw, bits) : ux(raw, bits);
    switch (op) {
      case SADDV:
      case UADDV:
        acc += v;
        break;
      case SMAXV:
        if (v > acc) acc = v;
        break;
      case SMINV:
        if (v < acc) acc = v;
        break;
      case UMAXV:
        if (v > acc) acc = v;
        break;
      case UMINV:
        if (v < acc) acc = v;
        break;
      case ORV:
        acc |= raw;
        break;
      case EORV:
        acc ^= raw;
        break;
      default:
        acc &= raw;
    }
  }
  return acc;
}

function redExec(cpu: Cpu, o: RedOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const op = o.op;
  if (esz < 3) {
    const A = arr(views(fp.z), esz);
    const nb = o.n * fp.stride * (4 >> esz);
    const acc = reduceN(A, nb, p, pb, o, count);
    if (op === SADDV || op === UADDV) fp.writeD(o.d, acc | 0, Math.floor(acc / 4294967296) | 0);
    else fp.writeD(o.d, ux(acc, 8 << esz) | 0, 0);
    return;
  }
  const z = fp.z;
  const n = o.n * fp.stride;
  let lo: number;
  let hi: number;
  switch (op) {
    case SMAXV:
      lo = 0;
      hi = -0x80000000;
      break;
    case SMINV:
      lo = -1;
      hi = 0x7fffffff;
      break;
    case UMINV:
    case ANDV:
      lo = -1;
      hi = -1;
      break;
    default:
      lo = 0;
      hi = 0;
  }
  for (let w = 0; w < 2 * count; w += 2) {
    if (!active(p, pb, w >> 1, 3)) continue;
    const vl = z[n + w]!;
    const vh = z[n + w + 1]!;
    switch (op) {
      case UADDV:
        add64(lo, hi, vl, vh);
        lo = R[0]!;
        hi = R[1]!;
        break;
      case SMAXV:
      case UMAXV:
        if (cmp64(vl, vh, lo, hi, op === SMAXV) > 0) {
          lo = vl;
          hi = vh;
        }
        break;
      case SMINV:
      case UMINV:
        if (cmp64(vl, vh, lo, hi, op === SMINV) < 0) {
          lo = vl;
          hi = vh;
        }
        break;
      case ORV:
        lo |= vl;
        hi |= vh;
        break;
      case EORV:
        lo ^= vl;
        hi ^= vh;
        break;
      default:
        lo &= vl;
        hi &= vh;
    }
  }
  fp.writeD(o.d, lo, hi);
}

const FORMS = [
  ['SADDV', SADDV, '000000'],
  ['UADDV', UADDV, '000001'],
  ['SMAXV', SMAXV, '001000'],
  ['UMAXV', UMAXV, '001001'],
  ['SMINV', SMINV, '001010'],
  ['UMINV', UMINV, '001011'],
  ['ORV', ORV, '011000'],
  ['EORV', EORV, '011001'],
  ['ANDV', ANDV, '011010'],
] as const;

export const reducePatterns = FORMS.map(([name, op, opc]) =>
  pattern<RedOp>({
    name,
    pattern: `00000100 esz:2 ${opc} 001 Pg:3 Zn:5 Vd:5`,
    feature: 'FEAT_SVE',
    decode: (f) =>
      op === SADDV && f.esz === 3 ? null : { d: f.Vd!, n: f.Zn!, g: f.Pg!, esz: f.esz!, op },
    exec: redExec,
  }),
);
