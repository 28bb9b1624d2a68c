import { pattern, type Cpu, type Fields, type InsnPattern } from '@hypsim/core';
import {
  fpEnd,
  fpExpandImm,
  fpR,
  fpState,
  recpeOp,
  recpxOp,
  rintop,
  rsqrteOp,
  sqrtop,
  RM_NEGINF,
  RM_POSINF,
  RM_TIEAWAY,
  RM_TIEEVEN,
  RM_ZERO,
} from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, views } from '../elements.js';
import { EH, FMTS, fpPrep, plainPrep, rd, SIGN_HI, SIGN_LO, wr } from './common.js';

/**
 * SVE floating-point unary operations: FABS/FNEG (sign-bit operations, no FP exceptions),
 * FSQRT, FRINTN/P/M/Z/A/X/I, FRECPX (predicated, merging), FRECPE/FRSQRTE (unpredicated), and
 * the immediate moves FDUP (unpredicated) and FCPY (predicated, merging). FRECPE, FRSQRTE and
 * FRECPX use ext-fpsimd's estimate code (half-precision inputs arrive flushed under FZ16).
 */

const U_ABS = 0;
const U_NEG = 1;
const U_SQRT = 2;
const U_RINT = 3;
const U_RECPX = 4;
const U_RECPE = 5;
const U_RSQRTE = 6;

interface UOp {
  d: number;
  n: number;
  g: number;
  esz: number;
  kind: number;
  /** FRINT: rounding mode (-1 = FPCR), exact (FRINTX). */
  mode: number;
  exact: boolean;
}

function unaryExec(cpu: Cpu, o: UOp): void {
  const esz = o.esz;
  const kind = o.kind;
  const arith = kind >= U_SQRT;
  const q = arith ? fpPrep(cpu, esz) : plainPrep(cpu);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const fmt = FMTS[esz]!;
  const count = (16 * q) >> esz;
  const db = o.d * fp.stride;
  const nb = o.n * fp.stride;
  const st = o.g >= 0 ? sveState(cpu) : null;
  const p = st ? st.p : null;
  const pb = st ? o.g * st.maxVq : 0;
  const sl = SIGN_LO[esz];
  const sh = SIGN_HI[esz];
  for (let e = 0; e < count; e++) {
    if (p && !active(p, pb, e, esz)) continue;
    const lo = rd(v, nb, e, esz);
    const hi = EH[0]!;
    switch (kind) {
      case U_ABS:
        wr(v, db, e, esz, lo & ~sl, hi & ~sh);
        continue;
      case U_NEG:
        wr(v, db, e, esz, lo ^ sl, hi ^ sh);
        continue;
      case U_SQRT:
        sqrtop(fmt, lo, hi);
        break;
      case U_RINT:
        rintop(fmt, lo, hi, o.mode, o.exact);
        break;
      case U_RECPX:
        recpxOp(fmt, lo, hi);
        break;
      case U_RECPE:
        recpeOp(fmt, lo, hi);
        break;
      default:
        rsqrteOp(fmt, lo, hi);
        break;
    }
    wr(v, db, e, esz, fpR[0]!, fpR[1]!);
  }
  if (arith) fpEnd(fp);
}

const P: InsnPattern<unknown>[] = [];

function add(
  name: string,
  pat: string,
  kind: number,
  minEsz: number,
  extra: Partial<UOp> = {},
): void {
  P.push(
    pattern<UOp>({
      name,
      pattern: pat,
      feature: 'FEAT_SVE',
      decode: (f: Fields) =>
        f.esz! < minEsz
          ? null
          : {
              d: f.Zd!,
              n: f.Zn!,
              g: f.Pg ?? -1,
              esz: f.esz!,
              kind,
              mode: -1,
              exact: false,
              ...extra,
            },
      exec: unaryExec,
    }) as InsnPattern<unknown>,
  );
}

add('FABS_zpz', '00000100 esz:2 011 100 101 Pg:3 Zn:5 Zd:5', U_ABS, 1);
add('FNEG_zpz', '00000100 esz:2 011 101 101 Pg:3 Zn:5 Zd:5', U_NEG, 1);
add('FSQRT_zpz', '01100101 esz:2 001 101 101 Pg:3 Zn:5 Zd:5', U_SQRT, 1);
add('FRECPX_zpz', '01100101 esz:2 001 100 101 Pg:3 Zn:5 Zd:5', U_RECPX, 1);
add('FRECPE_zz', '01100101 esz:2 001 110 001100 Zn:5 Zd:5', U_RECPE, 1);
add('FRSQRTE_zz', '01100101 esz:2 001 111 001100 Zn:5 Zd:5', U_RSQRTE, 1);

const RINT = [
  ['FRINTN', '000', RM_TIEEVEN, false],
  ['FRINTP', '001', RM_POSINF, false],
  ['FRINTM', '010', RM_NEGINF, false],
  ['FRINTZ', '011', RM_ZERO, false],
  ['FRINTA', '100', RM_TIEAWAY, false],
  ['FRINTX', '110', -1, true],
  ['FRINTI', '111', -1, false],
] as const;
for (const [name, bits, mode, exact] of RINT)
  add(`${name}_zpz`, `01100101 esz:2 000 ${bits} 101 Pg:3 Zn:5 Zd:5`, U_RINT, 1, { mode, exact });

// ---- FDUP / FCPY ---------------------------------------------------------------------------

interface ImmOp {
  d: number;
  g: number;
  esz: number;
  lo: number;
  hi: number;
}

function dupExec(cpu: Cpu, o: ImmOp): void {
  const q = plainPrep(cpu);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const db = o.d * fp.stride;
  const st = o.g >= 0 ? sveState(cpu) : null;
  const p = st ? st.p : null;
  const pb = st ? o.g * st.maxVq : 0;
  for (let e = 0; e < count; e++) {
    if (p && !active(p, pb, e, esz)) continue;
    wr(v, db, e, esz, o.lo, o.hi);
  }
}

const immDecode = (f: Fields): ImmOp | null => {
  if (f.esz === 0) return null;
  const [lo, hi] = fpExpandImm(f.imm8!, FMTS[f.esz!]!);
  return { d: f.Zd!, g: f.Pg ?? -1, esz: f.esz!, lo, hi };
};

P.push(
  pattern<ImmOp>({
    name: 'FDUP_z_i',
    pattern: '00100101 esz:2 111 00 1110 imm8:8 Zd:5',
    feature: 'FEAT_SVE',
    decode: immDecode,
    exec: dupExec,
  }) as InsnPattern<unknown>,
  pattern<ImmOp>({
    name: 'FCPY_z_p_i',
    pattern: '00000101 esz:2 01 Pg:4 110 imm8:8 Zd:5',
    feature: 'FEAT_SVE',
    decode: immDecode,
    exec: dupExec,
  }) as InsnPattern<unknown>,
);

export const unaryPatterns: readonly InsnPattern<unknown>[] = P;
