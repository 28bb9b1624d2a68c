import { pattern, type Cpu, type InsnPattern } from '@hypsim/core';
import {
  cvtop,
  fpEnd,
  fpEnv,
  fpR,
  fpState,
  fromIntOp,
  toIntOp,
  IOC,
  RM_ZERO,
} from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, views } from '../elements.js';
import { EH, flushHalf, FMTS, fpPrep, rd, rdRaw, wr } from './common.js';

/**
 * SVE conversions (predicated, merging): SCVTF/UCVTF (integer → FP), FCVTZS/FCVTZU (FP →
 * integer, toward zero, saturating) and FCVT (between FP sizes). Elements live in containers
 * of the larger size; the narrower value is the container's low bits and a narrower result is
 * zero-extended, except FCVTZS's narrower integer, which is sign-extended. Half-precision FP operands use FZ16 (QEMU's fp_status_f16), FCVT uses FZ throughout
 * (QEMU's FPST_FPCR, with the half-precision side never flushed, as ext-fpsimd's cvtop does).
 */

const K_SCVTF = 0;
const K_FCVTZ = 1;
const K_FCVT = 2;

interface CvtOp {
  d: number;
  n: number;
  g: number;
  kind: number;
  /** Container, source and destination sizes (log2 bytes). */
  c: number;
  s: number;
  t: number;
  unsigned: boolean;
}

function cvtExec(cpu: Cpu, o: CvtOp): void {
  const kind = o.kind;
  // the FP operand's size decides FZ16 (FCVT always uses FZ)
  const fpEsz = kind === K_SCVTF ? o.t : kind === K_FCVTZ ? o.s : 2;
  const q = fpPrep(cpu, fpEsz);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const c = o.c;
  const s = o.s;
  const t = o.t;
  const count = (16 * q) >> c;
  const db = o.d * fp.stride;
  const nb = o.n * fp.stride;
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const uns = o.unsigned;
  for (let e = 0; e < count; e++) {
    if (!active(p, pb, e, c)) continue;
    let lo = kind === K_SCVTF ? rdRaw(v, nb, e, c) : rd(v, nb, e, c);
    let hi = EH[0]!;
    if (s < c) {
      hi = 0;
      if (s === 1) lo = kind === K_FCVTZ ? flushHalf(lo & 0xffff) : lo & 0xffff;
    }
    if (kind === K_SCVTF) {
      if (s === 1) lo = uns ? lo & 0xffff : (lo << 16) >> 16;
      fromIntOp(FMTS[t]!, lo, hi, 0, uns, s === 3);
    } else if (kind === K_FCVTZ) {
      if (t === 1) {
        // 16-bit result: the 32-bit conversion is exact for every half value; saturate again
        const flags = fpEnv.flags;
        toIntOp(FMTS[s]!, lo, hi, 0, RM_ZERO, uns, false);
        const r = uns ? fpR[0]! >>> 0 : fpR[0]!;
        const max = uns ? 0xffff : 0x7fff;
        const min = uns ? 0 : -0x8000;
        if (r > max || r < min) {
          fpEnv.flags = flags | IOC;
          fpR[0] = r < min ? min : max;
        }
        fpR[0] = fpR[0]! & 0xffff;
      } else toIntOp(FMTS[s]!, lo, hi, 0, RM_ZERO, uns, t === 3);
    } else cvtop(FMTS[s]!, FMTS[t]!, lo, hi);
    let rlo = fpR[0]!;
    let rhi = fpR[1]!;
    if (t < c) {
      // FCVTZS sign-extends a narrower integer result (Arm ARM, QEMU); the rest zero-extend
      rhi = kind === K_FCVTZ && !uns && rlo < 0 ? -1 : 0;
      if (t === 1) rlo &= 0xffff;
    }
    wr(v, db, e, c, rlo, rhi);
  }
  fpEnd(fp);
}

const P: InsnPattern<unknown>[] = [];

function add(name: string, pat: string, kind: number, s: number, t: number, u: boolean): void {
  P.push(
    pattern<CvtOp>({
      name,
      pattern: pat,
      feature: 'FEAT_SVE',
      decode: (f) => ({
        d: f.Zd!,
        n: f.Zn!,
        g: f.Pg!,
        kind,
        c: Math.max(s, t),
        s,
        t,
        unsigned: u,
      }),
      exec: cvtExec,
    }) as InsnPattern<unknown>,
  );
}

const bits2 = (x: number): string => `${x >> 1}${x & 1}`;
const NAMES = ['', 'h', 's', 'd'];

/** SCVTF/UCVTF: [size, opc, integer source, FP destination]; container = max. */
const INT_FP = [
  [1, 1, 1, 1],
  [1, 2, 2, 1],
  [1, 3, 3, 1],
  [2, 2, 2, 2],
  [3, 0, 2, 3],
  [3, 2, 3, 2],
  [3, 3, 3, 3],
] as const;
for (const [size, opc, src, dst] of INT_FP)
  for (const u of [0, 1])
    add(
      `${u ? 'UCVTF' : 'SCVTF'}_${NAMES[src]}${NAMES[dst]}`,
      `01100101 ${bits2(size)} 010 ${bits2(opc)} ${u} 101 Pg:3 Zn:5 Zd:5`,
      K_SCVTF,
      src,
      dst,
      u === 1,
    );

/** FCVTZS/FCVTZU: [size, opc, FP source, integer destination]. */
const FP_INT = [
  [1, 1, 1, 1],
  [1, 2, 1, 2],
  [1, 3, 1, 3],
  [2, 2, 2, 2],
  [3, 0, 3, 2],
  [3, 2, 2, 3],
  [3, 3, 3, 3],
] as const;
for (const [size, opc, src, dst] of FP_INT)
  for (const u of [0, 1])
    add(
      `${u ? 'FCVTZU' : 'FCVTZS'}_${NAMES[src]}${NAMES[dst]}`,
      `01100101 ${bits2(size)} 011 ${bits2(opc)} ${u} 101 Pg:3 Zn:5 Zd:5`,
      K_FCVTZ,
      src,
      dst,
      u === 1,
    );

/** FCVT: [size, opc, source, destination]. */
const FP_FP = [
  [2, 0, 2, 1],
  [2, 1, 1, 2],
  [3, 0, 3, 1],
  [3, 1, 1, 3],
  [3, 2, 3, 2],
  [3, 3, 2, 3],
] as const;
for (const [size, opc, src, dst] of FP_FP)
  add(
    `FCVT_${NAMES[src]}${NAMES[dst]}`,
    `01100101 ${bits2(size)} 0010 ${bits2(opc)} 101 Pg:3 Zn:5 Zd:5`,
    K_FCVT,
    src,
    dst,
    false,
  );

export const cvtPatterns: readonly InsnPattern<unknown>[] = P;
