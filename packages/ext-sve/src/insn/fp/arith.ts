import { pattern, type Cpu, type Fields, type InsnPattern } from '@hypsim/core';
import {
  binop,
  fmaop,
  fpCtl,
  fpEnd,
  fpR,
  fpState,
  fromDouble,
  isNaNBits,
  processNaN,
  roundPack,
  toDouble,
  OP_ABD,
  OP_ADD,
  OP_DIV,
  OP_MAX,
  OP_MAXNM,
  OP_MIN,
  OP_MINNM,
  OP_MUL,
  OP_MULX,
  OP_RECPS,
  OP_RSQRTS,
  OP_SUB,
} from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, views } from '../elements.js';
import { constBits, EH, FMTS, fpPrep, rd, rdRaw, SIGN_HI, SIGN_LO, wr } from './common.js';

/**
 * SVE floating-point arithmetic: FADD/FSUB/FMUL/FRECPS/FRSQRTS (unpredicated), the predicated
 * binary operations (FADD … FDIV, FSCALE, FMULX), the #imm forms, FMUL (indexed), the fused
 * multiply-adds FMLA/FMLS/FNMLA/FNMLS/FMAD/FMSB/FNMAD/FNMSB (predicated) and FMLA/FMLS
 * (indexed). Each element goes through ext-fpsimd's lane operations (binop/fmaop), so rounding,
 * NaN selection, FZ/DN and the FPSR flags are those of the scalar instructions; predicated
 * forms compute active elements only (flags come from active elements only, as in QEMU).
 * Negated operands of the fused forms have their sign bit flipped before NaN processing.
 */

const OP_SCALE = 100;

interface FOp {
  d: number;
  n: number;
  m: number;
  /** Addend register (fused forms). */
  a: number;
  /** Governing predicate, -1 for unpredicated forms. */
  g: number;
  esz: number;
  code: number;
  /** Operands swapped (FSUBR, FDIVR). */
  rev: boolean;
  /** Second operand is the immediate (immLo, immHi). */
  imm: boolean;
  immLo: number;
  immHi: number;
  /** Element index within each 128-bit segment (indexed forms), else -1. */
  idx: number;
  /** Sign masks for the multiplicand and the addend (fused forms). */
  neg1Lo: number;
  neg1Hi: number;
  neg3Lo: number;
  neg3Hi: number;
}

function fop(o: Partial<FOp>): FOp {
  return {
    d: 0,
    n: 0,
    m: 0,
    a: 0,
    g: -1,
    esz: 2,
    code: 0,
    rev: false,
    imm: false,
    immLo: 0,
    immHi: 0,
    idx: -1,
    neg1Lo: 0,
    neg1Hi: 0,
    neg3Lo: 0,
    neg3Hi: 0,
    ...o,
  };
}

/** FSCALE: R = a × 2^b (b a signed integer element), rounded once. */
function fscale(
  fmt: number,
  esz: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): void {
  if (isNaNBits(fmt, alo, ahi)) return processNaN(fmt, alo, ahi);
  const x = toDouble(fmt, alo, ahi);
  let k: number;
  if (esz === 1) k = (blo << 16) >> 16;
  else if (esz === 2) k = blo;
  else
    k =
      bhi > 0 || (bhi === 0 && blo < 0) ? 4096 : bhi < -1 || (bhi === -1 && blo >= 0) ? -4096 : blo;
  if (k > 4096) k = 4096;
  else if (k < -4096) k = -4096;
  if (x === 0 || x === Infinity || x === -Infinity) return fromDouble(fmt, x);
  fromDouble(
    fmt,
    x < 0 ? roundPack(fmt, fpCtl.mode, true, -x, 0, k) : roundPack(fmt, fpCtl.mode, false, x, 0, k),
  );
}

/** Binary forms: Zd = Zn op Zm / Zm[idx] / #imm, predicated (g ≥ 0, Zd = Zn) or not. */
function binExec(cpu: Cpu, o: FOp): void {
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
  const code = o.code;
  let blo = o.immLo;
  let bhi = o.immHi;
  for (let e = 0; e < count; e++) {
    if (o.idx >= 0 && e % seg === 0) {
      blo = rd(v, mb, e + o.idx, esz);
      bhi = EH[0]!;
    }
    if (p && !active(p, pb, e, esz)) continue;
    let alo = rd(v, nb, e, esz);
    let ahi = EH[0]!;
    if (!o.imm && o.idx < 0) {
      blo = code === OP_SCALE ? rdRaw(v, mb, e, esz) : rd(v, mb, e, esz);
      bhi = EH[0]!;
    }
    // the second operand in locals: blo/bhi carry the immediate or indexed element over
    let clo = blo;
    let chi = bhi;
    if (o.rev) {
      clo = alo;
      chi = ahi;
      alo = blo;
      ahi = bhi;
    }
    if (code === OP_SCALE) fscale(fmt, esz, alo, ahi, clo, chi);
    else {
      if (esz === 1 && (code === OP_RECPS || code === OP_RSQRTS)) alo ^= 0x8000;
      binop(code, fmt, alo, ahi, clo, chi);
      if (esz === 1 && code === OP_ABD) fpR[0] = fpR[0]! & 0x7fff;
    }
    wr(v, db, e, esz, fpR[0]!, fpR[1]!);
  }
  fpEnd(fp);
}

/** Fused forms: Zd = (Za ^ neg3) + (Zn ^ neg1) × Zm (or × Zm[idx]), rounded once. */
function fmaExec(cpu: Cpu, o: FOp): void {
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
  const ab = o.a * fp.stride;
  const st = o.g >= 0 ? sveState(cpu) : null;
  const p = st ? st.p : null;
  const pb = st ? o.g * st.maxVq : 0;
  let blo = 0;
  let bhi = 0;
  for (let e = 0; e < count; e++) {
    if (o.idx >= 0 && e % seg === 0) {
      blo = rd(v, mb, e + o.idx, esz);
      bhi = EH[0]!;
    }
    if (p && !active(p, pb, e, esz)) continue;
    const alo = rd(v, nb, e, esz) ^ o.neg1Lo;
    const ahi = EH[0]! ^ o.neg1Hi;
    if (o.idx < 0) {
      blo = rd(v, mb, e, esz);
      bhi = EH[0]!;
    }
    const clo = rd(v, ab, e, esz) ^ o.neg3Lo;
    const chi = EH[0]! ^ o.neg3Hi;
    fmaop(fmt, clo, chi, alo, ahi, blo, bhi);
    wr(v, db, e, esz, fpR[0]!, fpR[1]!);
  }
  fpEnd(fp);
}

const P: InsnPattern<FOp>[] = [];

const noB = (f: Fields): boolean => f.esz === 0;

// ---- unpredicated -------------------------------------------------------------------------

const UNPRED = [
  ['FADD_zzz', '000', OP_ADD],
  ['FSUB_zzz', '001', OP_SUB],
  ['FMUL_zzz', '010', OP_MUL],
  ['FRECPS_zzz', '110', OP_RECPS],
  ['FRSQRTS_zzz', '111', OP_RSQRTS],
] as const;
for (const [name, bits, code] of UNPRED)
  P.push(
    pattern<FOp>({
      name,
      pattern: `01100101 esz:2 0 Zm:5 000 ${bits} Zn:5 Zd:5`,
      feature: 'FEAT_SVE',
      decode: (f) => (noB(f) ? null : fop({ d: f.Zd!, n: f.Zn!, m: f.Zm!, esz: f.esz!, code })),
      exec: binExec,
    }),
  );

// ---- predicated ---------------------------------------------------------------------------

const PRED = [
  ['FADD_zpzz', '0000', OP_ADD, false],
  ['FSUB_zpzz', '0001', OP_SUB, false],
  ['FMUL_zpzz', '0010', OP_MUL, false],
  ['FSUBR_zpzz', '0011', OP_SUB, true],
  ['FMAXNM_zpzz', '0100', OP_MAXNM, false],
  ['FMINNM_zpzz', '0101', OP_MINNM, false],
  ['FMAX_zpzz', '0110', OP_MAX, false],
  ['FMIN_zpzz', '0111', OP_MIN, false],
  ['FABD_zpzz', '1000', OP_ABD, false],
  ['FSCALE_zpzz', '1001', OP_SCALE, false],
  ['FMULX_zpzz', '1010', OP_MULX, false],
  ['FDIVR_zpzz', '1100', OP_DIV, true],
  ['FDIV_zpzz', '1101', OP_DIV, false],
] as const;
for (const [name, bits, code, rev] of PRED)
  P.push(
    pattern<FOp>({
      name,
      pattern: `01100101 esz:2 00 ${bits} 100 Pg:3 Zm:5 Zdn:5`,
      feature: 'FEAT_SVE',
      decode: (f) =>
        noB(f) ? null : fop({ d: f.Zdn!, n: f.Zdn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, code, rev }),
      exec: binExec,
    }),
  );

// ---- predicated with immediate ------------------------------------------------------------

const IMM = [
  ['FADD_zpzi', '000', OP_ADD, false, 0.5, 1],
  ['FSUB_zpzi', '001', OP_SUB, false, 0.5, 1],
  ['FMUL_zpzi', '010', OP_MUL, false, 0.5, 2],
  ['FSUBR_zpzi', '011', OP_SUB, true, 0.5, 1],
  ['FMAXNM_zpzi', '100', OP_MAXNM, false, 0, 1],
  ['FMINNM_zpzi', '101', OP_MINNM, false, 0, 1],
  ['FMAX_zpzi', '110', OP_MAX, false, 0, 1],
  ['FMIN_zpzi', '111', OP_MIN, false, 0, 1],
] as const;
for (const [name, bits, code, rev, v0, v1] of IMM)
  P.push(
    pattern<FOp>({
      name,
      pattern: `01100101 esz:2 011 ${bits} 100 Pg:3 0000 i1:1 Zdn:5`,
      feature: 'FEAT_SVE',
      decode: (f) => {
        if (noB(f)) return null;
        const [immLo, immHi] = constBits(f.esz!, f.i1 ? v1 : v0);
        return fop({
          d: f.Zdn!,
          n: f.Zdn!,
          g: f.Pg!,
          esz: f.esz!,
          code,
          rev,
          imm: true,
          immLo,
          immHi,
        });
      },
      exec: binExec,
    }),
  );

// ---- indexed ------------------------------------------------------------------------------

/** Sign masks of the fused forms: n1 negates the multiplicand Zn, n3 the addend. */
function negs(esz: number, n1: number, n3: number): Partial<FOp> {
  return {
    neg1Lo: n1 ? SIGN_LO[esz] : 0,
    neg1Hi: n1 ? SIGN_HI[esz] : 0,
    neg3Lo: n3 ? SIGN_LO[esz] : 0,
    neg3Hi: n3 ? SIGN_HI[esz] : 0,
  };
}

/** Indexed encodings per element size: [esz, bits 23:16 pattern, index and Zm from fields]. */
const IDX = [
  [1, '0 i3h:1 1 i3l:2 Zm:3', (f: Fields) => (f.i3h! << 2) | f.i3l!],
  [2, '10 1 i2:2 Zm:3', (f: Fields) => f.i2!],
  [3, '11 1 i1:1 Zm:4', (f: Fields) => f.i1!],
] as const;
for (const [esz, bits, idx] of IDX) {
  P.push(
    pattern<FOp>({
      name: `FMUL_zzx_${esz}`,
      pattern: `01100100 ${bits} 001000 Zn:5 Zd:5`,
      feature: 'FEAT_SVE',
      decode: (f) => fop({ d: f.Zd!, n: f.Zn!, m: f.Zm!, esz, code: OP_MUL, idx: idx(f) }),
      exec: binExec,
    }),
  );
  for (const sub of [0, 1])
    P.push(
      pattern<FOp>({
        name: `${sub ? 'FMLS' : 'FMLA'}_zzxz_${esz}`,
        pattern: `01100100 ${bits} 00000 ${sub} Zn:5 Zda:5`,
        feature: 'FEAT_SVE',
        decode: (f) =>
          fop({ d: f.Zda!, a: f.Zda!, n: f.Zn!, m: f.Zm!, esz, idx: idx(f), ...negs(esz, sub, 0) }),
        exec: fmaExec,
      }),
    );
}

// ---- fused multiply-add (predicated) ------------------------------------------------------

const FUSED = [
  ['FMLA', 'FMAD', 0, 0],
  ['FMLS', 'FMSB', 1, 0],
  ['FNMLA', 'FNMAD', 1, 1],
  ['FNMLS', 'FNMSB', 0, 1],
] as const;
FUSED.forEach(([acc, mad, n1, n3], opc) => {
  const b = `${opc >> 1}${opc & 1}`;
  P.push(
    pattern<FOp>({
      name: `${acc}_zpzzz`,
      pattern: `01100101 esz:2 1 Zm:5 0 ${b} Pg:3 Zn:5 Zda:5`,
      feature: 'FEAT_SVE',
      decode: (f) =>
        noB(f)
          ? null
          : fop({
              d: f.Zda!,
              a: f.Zda!,
              n: f.Zn!,
              m: f.Zm!,
              g: f.Pg!,
              esz: f.esz!,
              ...negs(f.esz!, n1, n3),
            }),
      exec: fmaExec,
    }),
    pattern<FOp>({
      name: `${mad}_zpzzz`,
      pattern: `01100101 esz:2 1 Za:5 1 ${b} Pg:3 Zm:5 Zdn:5`,
      feature: 'FEAT_SVE',
      decode: (f) =>
        noB(f)
          ? null
          : fop({
              d: f.Zdn!,
              n: f.Zdn!,
              a: f.Za!,
              m: f.Zm!,
              g: f.Pg!,
              esz: f.esz!,
              ...negs(f.esz!, n1, n3),
            }),
      exec: fmaExec,
    }),
  );
});

export const arithPatterns: readonly InsnPattern<FOp>[] = P;
