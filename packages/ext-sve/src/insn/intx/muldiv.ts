import { pattern, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, arr, views } from '../elements.js';
import { SDIV, SMULH, UDIV, UMULH, bin0, binExec, type BinOp } from './alu.js';
import { prep } from './common.js';
import { R, add64, mul64, sub64 } from './i64.js';

/**
 * SMULH/UMULH, SDIV/UDIV/SDIVR/UDIVR (32/64-bit elements only) predicated, and the
 * multiply-add forms MLA/MLS (writing the addend) and MAD/MSB (writing the multiplicand).
 */

const OPS = [
  ['SMULH', SMULH, '010', false, false],
  ['UMULH', UMULH, '011', false, false],
  ['SDIV', SDIV, '100', false, true],
  ['UDIV', UDIV, '101', false, true],
  ['SDIVR', SDIV, '110', true, true],
  ['UDIVR', UDIV, '111', true, true],
] as const;

const pred = OPS.map(([name, op, opc, rev, div]) =>
  pattern<BinOp>({
    name: `${name}_zpzz`,
    pattern: `00000100 esz:2 010${opc} 000 Pg:3 Zm:5 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) =>
      div && f.esz! < 2
        ? null
        : { ...bin0(), d: f.Zdn!, n: f.Zdn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, op, rev },
    exec: binExec,
  }),
);

interface MlaOp {
  d: number;
  /** addend, multiplicands */
  a: number;
  x: number;
  y: number;
  g: number;
  esz: number;
  sub: boolean;
}

function mlaExec(cpu: Cpu, o: MlaOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const stride = fp.stride;
  if (esz < 3) {
    const A = arr(views(fp.z), esz);
    const per = stride * (4 >> esz);
    const d = o.d * per;
    const a = o.a * per;
    const x = o.x * per;
    const y = o.y * per;
    for (let e = 0; e < count; e++) {
      if (!active(p, pb, e, esz)) continue;
      const prod = Math.imul(A[x + e]!, A[y + e]!);
      A[d + e] = o.sub ? A[a + e]! - prod : A[a + e]! + prod;
    }
  } else {
    const z = fp.z;
    const d = o.d * stride;
    const a = o.a * stride;
    const x = o.x * stride;
    const y = o.y * stride;
    for (let w = 0; w < 2 * count; w += 2) {
      if (!active(p, pb, w >> 1, 3)) continue;
      mul64(z[x + w]!, z[x + w + 1]!, z[y + w]!, z[y + w + 1]!);
      if (o.sub) sub64(z[a + w]!, z[a + w + 1]!, R[0]!, R[1]!);
      else add64(z[a + w]!, z[a + w + 1]!, R[0]!, R[1]!);
      z[d + w] = R[0]!;
      z[d + w + 1] = R[1]!;
    }
  }
}

const MLA = [
  ['MLA', '010', false, false],
  ['MLS', '011', true, false],
  ['MAD', '110', false, true],
  ['MSB', '111', true, true],
] as const;

const mla = MLA.map(([name, opc, sub, mad]) =>
  pattern<MlaOp>({
    name: `${name}_zpzzz`,
    pattern: `00000100 esz:2 0 Zm:5 ${opc} Pg:3 Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) =>
      mad
        ? { d: f.Zd!, a: f.Zn!, x: f.Zd!, y: f.Zm!, g: f.Pg!, esz: f.esz!, sub }
        : { d: f.Zd!, a: f.Zd!, x: f.Zn!, y: f.Zm!, g: f.Pg!, esz: f.esz!, sub },
    exec: mlaExec,
  }),
);

export const muldivPatterns = [...pred, ...mla];
