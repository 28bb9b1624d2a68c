import type { Cpu } from '@hypsim/core';
import { fpState } from '../state.js';
import { checkFpAccess } from '../traps.js';
import {
  A,
  B,
  QC,
  R,
  TWO32,
  add64,
  cmpS64,
  cmpU64,
  hi64,
  mul32,
  setHi,
  neg64,
  pairHi,
  rshr64,
  shl64,
  shr64,
  storeR,
  sub64,
} from './lanes.js';

/**
 * The element-wise engine behind the integer AdvSIMD groups (three-same, three-different,
 * two-register misc, shift by immediate, by element, and their scalar forms). Each decoded
 * instruction becomes an ElemOp: lane sizes, signedness and offsets of the operands, an
 * operation code, and constants. `execElem` copies Vn/Vm (and Vd when the old value matters)
 * into scratch vectors, runs one loop over the lanes and writes Vd back. Lanes of up to 32
 * bits are computed on exact doubles; anything with a 64-bit lane uses the int32-pair path.
 */

export const enum Fn {
  ADD,
  SUB,
  HADD,
  RHADD,
  HSUB,
  QADD,
  QSUB,
  CMGT,
  CMGE,
  CMEQ,
  CMTST,
  AND,
  BIC,
  ORR,
  ORN,
  EOR,
  BSL,
  BIT,
  BIF,
  SHLV,
  RSHLV,
  QSHLV,
  QRSHLV,
  MAX,
  MIN,
  ABD,
  ABA,
  MUL,
  MLA,
  MLS,
  PMUL,
  QDMULH,
  QRDMULH,
  MULL,
  MLAL,
  MLSL,
  QDMULL,
  QDMLAL,
  QDMLSL,
  HN,
  RHN,
  SUBHN,
  RSUBHN,
  SHR,
  RSHR,
  SRA,
  RSRA,
  SHL,
  SLI,
  SRI,
  QSHL,
  QSHRN,
  QRSHRN,
  SHLL,
  XTN,
  QXTN,
  NOT,
  NEG,
  ABS,
  QABS,
  QNEG,
  CLZ,
  CLS,
  CNT,
  RBIT,
  CMGT0,
  CMGE0,
  CMEQ0,
  CMLE0,
  CMLT0,
  ADDLP,
  ADALP,
  SUQADD,
  USQADD,
}

export interface ElemOp {
  fn: Fn;
  d: number;
  n: number;
  m: number;
  /** Write all 128 bits of Vd (else the low 64, upper zeroed). */
  q: boolean;
  /** Result lanes. */
  lanes: number;
  /** Lane sizes (log2 bytes) of the first and second operand and the result. */
  esA: number;
  esB: number;
  esD: number;
  sA: boolean;
  sB: boolean;
  /** The result saturates (and the old Vd lane is read) as signed. */
  sD: boolean;
  /** Lane offsets: upper-half ("2") forms of widening/narrowing. */
  offA: number;
  offB: number;
  offD: number;
  /** Read the old Vd (accumulate, insert, or keep the lower half of a narrowing "2"). */
  acc: boolean;
  /** Second operand lane step: 1, or 0 for by-element (lane offB of Vm). */
  stepB: number;
  /** Pairwise: both operands come from Vn:Vm (or Vn) lanes 2i and 2i+1. */
  pair: boolean;
  /** Pairwise over Vn:Vm (else over Vn alone: SADDLP, scalar ADDP). */
  pairM: boolean;
  /** Immediate shift amount. */
  imm: number;
  /** Element width in bits for saturation and shifts (the result's, or the shifted value's). */
  bits: number;
  /** Scalar: only lane 0 of the result survives (the old Vd is read for accumulation only). */
  scalar: boolean;
  /** Same-size lanes without offsets and a simple operation: the typed-array fast path. */
  fast: boolean;
  /** Use the 64-bit pair path. */
  wide: boolean;
}

let qc = false;

function sat(v: number, signed: boolean, bits: number): number {
  if (signed) {
    const max = 2 ** (bits - 1);
    if (v >= max) {
      qc = true;
      return max - 1;
    }
    if (v < -max) {
      qc = true;
      return -max;
    }
    return v;
  }
  if (v < 0) {
    qc = true;
    return 0;
  }
  const max = 2 ** bits;
  if (v >= max) {
    qc = true;
    return max - 1;
  }
  return v;
}

/** SSHL family on exact doubles: shift by the signed low byte of b. */
function shiftReg(a: number, b: number, round: boolean, saturate: boolean, op: ElemOp): number {
  const sh = (b << 24) >> 24;
  const bits = op.bits;
  if (sh >= 0) {
    if (saturate) return a === 0 ? 0 : sat(a * 2 ** sh, op.sD, bits);
    if (sh >= bits) return 0;
    return bits === 32 ? a << sh : a * 2 ** sh;
  }
  const n = -sh;
  if (round) return Math.floor((a + 2 ** (n - 1)) / 2 ** n);
  return Math.floor(a / 2 ** n);
}

function qdmulh(a: number, b: number, round: boolean, bits: number): number {
  if (bits === 16) return sat(Math.floor((2 * a * b + (round ? 0x8000 : 0)) / 65536), true, 16);
  const lo = mul32(a, b);
  const v = hi64 * 2 + Math.floor((2 * (lo >>> 0) + (round ? 0x80000000 : 0)) / TWO32);
  return sat(v, true, 32);
}

function pmul8(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if ((b >> i) & 1) r ^= a << i;
  return r;
}

function popcount8(a: number): number {
  a = a - ((a >> 1) & 0x55);
  a = (a & 0x33) + ((a >> 2) & 0x33);
  return (a + (a >> 4)) & 0x0f;
}

function rbit8(a: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((a >> i) & 1) << (7 - i);
  return r;
}

function lane(fn: Fn, a: number, b: number, d: number, op: ElemOp): number {
  switch (fn) {
    case Fn.ADD:
    case Fn.ADDLP:
      return a + b;
    case Fn.ADALP:
      return d + a + b;
    case Fn.SUB:
      return a - b;
    case Fn.HADD:
      return Math.floor((a + b) / 2);
    case Fn.RHADD:
      return Math.floor((a + b + 1) / 2);
    case Fn.HSUB:
      return Math.floor((a - b) / 2);
    case Fn.QADD:
      return sat(a + b, op.sD, op.bits);
    case Fn.QSUB:
      return sat(a - b, op.sD, op.bits);
    case Fn.CMGT:
      return a > b ? -1 : 0;
    case Fn.CMGE:
      return a >= b ? -1 : 0;
    case Fn.CMEQ:
      return a === b ? -1 : 0;
    case Fn.CMTST:
      return (a & b) !== 0 ? -1 : 0;
    case Fn.AND:
      return a & b;
    case Fn.BIC:
      return a & ~b;
    case Fn.ORR:
      return a | b;
    case Fn.ORN:
      return a | ~b;
    case Fn.EOR:
      return a ^ b;
    case Fn.BSL:
      return (d & a) | (~d & b);
    case Fn.BIT:
      return (d & ~b) | (a & b);
    case Fn.BIF:
      return (d & b) | (a & ~b);
    case Fn.SHLV:
      return shiftReg(a, b, false, false, op);
    case Fn.RSHLV:
      return shiftReg(a, b, true, false, op);
    case Fn.QSHLV:
      return shiftReg(a, b, false, true, op);
    case Fn.QRSHLV:
      return shiftReg(a, b, true, true, op);
    case Fn.MAX:
      return a > b ? a : b;
    case Fn.MIN:
      return a < b ? a : b;
    case Fn.ABD:
      return Math.abs(a - b);
    case Fn.ABA:
      return d + Math.abs(a - b);
    case Fn.MUL:
      return Math.imul(a, b);
    case Fn.MLA:
      return d + Math.imul(a, b);
    case Fn.MLS:
      return d - Math.imul(a, b);
    case Fn.PMUL:
      return pmul8(a, b);
    case Fn.QDMULH:
      return qdmulh(a, b, false, op.bits);
    case Fn.QRDMULH:
      return qdmulh(a, b, true, op.bits);
    case Fn.MULL:
      return a * b;
    case Fn.MLAL:
      return d + a * b;
    case Fn.MLSL:
      return d - a * b;
    case Fn.QDMULL:
      return sat(2 * a * b, true, op.bits);
    case Fn.QDMLAL:
      return sat(d + sat(2 * a * b, true, op.bits), true, op.bits);
    case Fn.QDMLSL:
      return sat(d - sat(2 * a * b, true, op.bits), true, op.bits);
    case Fn.HN:
      return Math.floor((a + b) / 2 ** op.bits);
    case Fn.RHN:
      return Math.floor((a + b + 2 ** (op.bits - 1)) / 2 ** op.bits);
    case Fn.SUBHN:
      return Math.floor((a - b) / 2 ** op.bits);
    case Fn.RSUBHN:
      return Math.floor((a - b + 2 ** (op.bits - 1)) / 2 ** op.bits);
    case Fn.SHR:
      return Math.floor(a / 2 ** op.imm);
    case Fn.RSHR:
      return Math.floor((a + 2 ** (op.imm - 1)) / 2 ** op.imm);
    case Fn.SRA:
      return d + Math.floor(a / 2 ** op.imm);
    case Fn.RSRA:
      return d + Math.floor((a + 2 ** (op.imm - 1)) / 2 ** op.imm);
    case Fn.SHL:
      return op.bits === 32 ? a << op.imm : a * 2 ** op.imm;
    case Fn.SLI: {
      const lowMask = 2 ** op.imm;
      const shifted = op.bits === 32 ? (a << op.imm) >>> 0 : a * lowMask;
      return shifted + (d % lowMask);
    }
    case Fn.SRI: {
      const keep = 2 ** (op.bits - op.imm);
      return Math.floor(d / keep) * keep + Math.floor(a / 2 ** op.imm);
    }
    case Fn.QSHL:
      return sat(a * 2 ** op.imm, op.sD, op.bits);
    case Fn.QSHRN:
      return sat(Math.floor(a / 2 ** op.imm), op.sD, op.bits);
    case Fn.QRSHRN:
      return sat(Math.floor((a + 2 ** (op.imm - 1)) / 2 ** op.imm), op.sD, op.bits);
    case Fn.SHLL:
      return a * 2 ** op.imm;
    case Fn.XTN:
      return a;
    case Fn.QXTN:
      return sat(a, op.sD, op.bits);
    case Fn.NOT:
      return ~a;
    case Fn.NEG:
      return -a;
    case Fn.ABS:
      return Math.abs(a);
    case Fn.QABS:
      return sat(Math.abs(a), true, op.bits);
    case Fn.QNEG:
      return sat(-a, true, op.bits);
    case Fn.CLZ:
      return Math.clz32(a) - (32 - op.bits);
    case Fn.CLS:
      return Math.clz32(a < 0 ? ~a : a) - (32 - op.bits) - 1;
    case Fn.CNT:
      return popcount8(a);
    case Fn.RBIT:
      return rbit8(a);
    case Fn.CMGT0:
      return a > 0 ? -1 : 0;
    case Fn.CMGE0:
      return a >= 0 ? -1 : 0;
    case Fn.CMEQ0:
      return a === 0 ? -1 : 0;
    case Fn.CMLE0:
      return a <= 0 ? -1 : 0;
    case Fn.CMLT0:
      return a < 0 ? -1 : 0;
    case Fn.SUQADD:
    case Fn.USQADD:
      return sat(d + a, op.sD, op.bits);
  }
  return 0;
}

// ---- the 64-bit lane path ------------------------------------------------------------------------

/** Operations the pair path implements (decoders reject 64-bit lanes of anything else). */
export const WIDE_OK: ReadonlySet<Fn> = new Set([
  Fn.ADD,
  Fn.SUB,
  Fn.CMGT,
  Fn.CMGE,
  Fn.CMEQ,
  Fn.CMTST,
  Fn.SHLV,
  Fn.RSHLV,
  Fn.QADD,
  Fn.QSUB,
  Fn.SHR,
  Fn.RSHR,
  Fn.SRA,
  Fn.RSRA,
  Fn.SHL,
  Fn.SLI,
  Fn.SRI,
  Fn.NEG,
  Fn.ABS,
  Fn.QABS,
  Fn.QNEG,
  Fn.CMGT0,
  Fn.CMGE0,
  Fn.CMEQ0,
  Fn.CMLE0,
  Fn.CMLT0,
  Fn.MULL,
  Fn.MLAL,
  Fn.MLSL,
  Fn.QDMULL,
  Fn.QDMLAL,
  Fn.QDMLSL,
  Fn.ABD,
  Fn.ABA,
  Fn.SHLL,
  Fn.ADDLP,
  Fn.ADALP,
  Fn.XTN,
  Fn.QXTN,
  Fn.QSHRN,
  Fn.QRSHRN,
  Fn.HN,
  Fn.RHN,
  Fn.SUBHN,
  Fn.RSUBHN,
  Fn.SUQADD,
  Fn.USQADD,
  Fn.QSHL,
  Fn.QSHLV,
  Fn.QRSHLV,
]);

/** Saturating left shift of a 64-bit value by 0..∞ (SQSHL/UQSHL/SQSHLU). */
function qshl64(al: number, ah: number, sh: number, sIn: boolean, sOut: boolean): number {
  if (al === 0 && ah === 0) {
    setHi(0);
    return 0;
  }
  if (sIn && !sOut && ah < 0) {
    qc = true;
    setHi(0);
    return 0;
  }
  const signed = sIn && sOut;
  if (sh < 64) {
    const l = shl64(al, ah, sh);
    const h = hi64;
    const back = shr64(l, h, sh, signed);
    if (back === al && hi64 === ah) {
      setHi(h);
      return l;
    }
  }
  qc = true;
  if (signed) {
    const neg = ah < 0;
    setHi(neg ? -0x80000000 : 0x7fffffff);
    return neg ? 0 : -1;
  }
  setHi(-1);
  return -1;
}

/** Saturating 64-bit signed add result check (after add64): overflow when signs agree/differ. */
function sat64S(al: number, ah: number, bh: number, rl: number, rh: number): number {
  void al;
  if ((ah ^ bh) >= 0 && (ah ^ rh) < 0) {
    qc = true;
    setHi(ah < 0 ? -0x80000000 : 0x7fffffff);
    return ah < 0 ? 0 : -1;
  }
  setHi(rh);
  return rl;
}

/** Narrows a pair to `bits` (8/16/32) with optional saturation. */
function narrow(l: number, h: number, srcSigned: boolean, op: ElemOp, saturate: boolean): number {
  if (!saturate) return l;
  const v = (srcSigned ? h : h >>> 0) * TWO32 + (l >>> 0);
  return sat(v, op.sD, op.bits);
}

function lane64(
  fn: Fn,
  al: number,
  ah: number,
  bl: number,
  bh: number,
  dl: number,
  dh: number,
  op: ElemOp,
): number {
  const signed = op.sA;
  switch (fn) {
    case Fn.ADD:
    case Fn.ADDLP:
      return add64(al, ah, bl, bh);
    case Fn.ADALP: {
      const l = add64(al, ah, bl, bh);
      return add64(dl, dh, l, hi64);
    }
    case Fn.SUB:
      return sub64(al, ah, bl, bh);
    case Fn.CMGT:
    case Fn.CMGE: {
      const c = signed ? cmpS64(al, ah, bl, bh) : cmpU64(al, ah, bl, bh);
      const t = fn === Fn.CMGT ? c > 0 : c >= 0;
      setHi(t ? -1 : 0);
      return hi64;
    }
    case Fn.CMEQ:
      setHi(al === bl && ah === bh ? -1 : 0);
      return hi64;
    case Fn.CMTST:
      setHi((al & bl) !== 0 || (ah & bh) !== 0 ? -1 : 0);
      return hi64;
    case Fn.CMGT0:
    case Fn.CMGE0:
    case Fn.CMEQ0:
    case Fn.CMLE0:
    case Fn.CMLT0: {
      const c = ah < 0 ? -1 : ah === 0 && al === 0 ? 0 : 1;
      const t =
        fn === Fn.CMGT0
          ? c > 0
          : fn === Fn.CMGE0
            ? c >= 0
            : fn === Fn.CMEQ0
              ? c === 0
              : fn === Fn.CMLE0
                ? c <= 0
                : c < 0;
      setHi(t ? -1 : 0);
      return hi64;
    }
    case Fn.SHLV:
    case Fn.RSHLV: {
      const sh = (bl << 24) >> 24;
      if (sh >= 0) return shl64(al, ah, sh);
      return fn === Fn.RSHLV ? rshr64(al, ah, -sh, signed) : shr64(al, ah, -sh, signed);
    }
    case Fn.QADD:
    case Fn.QSUB: {
      if (signed) {
        if (fn === Fn.QADD) {
          const l = add64(al, ah, bl, bh);
          return sat64S(al, ah, bh, l, hi64);
        }
        const l = sub64(al, ah, bl, bh);
        return sat64S(al, ah, ~bh, l, hi64);
      }
      if (fn === Fn.QADD) {
        const l = add64(al, ah, bl, bh);
        if (cmpU64(l, hi64, al, ah) < 0) {
          qc = true;
          setHi(-1);
          return -1;
        }
        return l;
      }
      if (cmpU64(al, ah, bl, bh) < 0) {
        qc = true;
        setHi(0);
        return 0;
      }
      return sub64(al, ah, bl, bh);
    }
    case Fn.SHR:
      return shr64(al, ah, op.imm, signed);
    case Fn.RSHR:
      return rshr64(al, ah, op.imm, signed);
    case Fn.SRA: {
      const l = shr64(al, ah, op.imm, signed);
      return add64(dl, dh, l, hi64);
    }
    case Fn.RSRA: {
      const l = rshr64(al, ah, op.imm, signed);
      return add64(dl, dh, l, hi64);
    }
    case Fn.SHL:
    case Fn.SHLL:
      return shl64(al, ah, op.imm);
    case Fn.SLI: {
      const l = shl64(al, ah, op.imm);
      const h = hi64;
      const ml = shl64(-1, -1, op.imm);
      const mh = hi64;
      setHi(h | (dh & ~mh));
      return l | (dl & ~ml);
    }
    case Fn.SRI: {
      const l = shr64(al, ah, op.imm, false);
      const h = hi64;
      const ml = shr64(-1, -1, op.imm, false);
      const mh = hi64;
      setHi(h | (dh & ~mh));
      return l | (dl & ~ml);
    }
    case Fn.NEG:
      return neg64(al, ah);
    case Fn.ABS:
      if (ah < 0) return neg64(al, ah);
      setHi(ah);
      return al;
    case Fn.QABS:
    case Fn.QNEG: {
      if ((fn === Fn.QABS ? ah < 0 : true) && !(fn === Fn.QNEG && al === 0 && ah === 0)) {
        if (ah === -0x80000000 && al === 0) {
          qc = true;
          setHi(0x7fffffff);
          return -1;
        }
        return neg64(al, ah);
      }
      setHi(ah);
      return al;
    }
    case Fn.MULL:
      return mul32(op.sA ? al : al >>> 0, op.sB ? bl : bl >>> 0);
    case Fn.MLAL:
    case Fn.MLSL: {
      const l = mul32(op.sA ? al : al >>> 0, op.sB ? bl : bl >>> 0);
      return fn === Fn.MLAL ? add64(dl, dh, l, hi64) : sub64(dl, dh, l, hi64);
    }
    case Fn.QDMULL:
    case Fn.QDMLAL:
    case Fn.QDMLSL: {
      let l: number;
      if (al === -0x80000000 && bl === -0x80000000) {
        qc = true;
        l = -1;
        setHi(0x7fffffff);
      } else {
        l = mul32(al, bl);
        l = add64(l, hi64, l, hi64);
      }
      if (fn === Fn.QDMULL) return l;
      const h = hi64;
      if (fn === Fn.QDMLAL) {
        const r = add64(dl, dh, l, h);
        return sat64S(dl, dh, h, r, hi64);
      }
      const r = sub64(dl, dh, l, h);
      return sat64S(dl, dh, ~h, r, hi64);
    }
    case Fn.ABD:
    case Fn.ABA: {
      // 32-bit inputs widened to 64 (ABDL/ABAL): the difference is exact as a double.
      const x = op.sA ? al : al >>> 0;
      const y = op.sB ? bl : bl >>> 0;
      const v = Math.abs(x - y);
      if (fn === Fn.ABD) {
        setHi(Math.floor(v / TWO32) | 0);
        return v | 0;
      }
      return add64(dl, dh, v | 0, Math.floor(v / TWO32) | 0);
    }
    case Fn.QSHL:
      return qshl64(al, ah, op.imm, op.sA, op.sD);
    case Fn.QSHLV:
    case Fn.QRSHLV: {
      const sh = (bl << 24) >> 24;
      if (sh >= 0) return qshl64(al, ah, sh, signed, signed);
      return fn === Fn.QRSHLV ? rshr64(al, ah, -sh, signed) : shr64(al, ah, -sh, signed);
    }
    case Fn.SUQADD: {
      // Vd signed + Vn unsigned, signed saturation.
      const l = add64(dl, dh, al, ah);
      const h = hi64;
      const carry = cmpU64(l, h, dl, dh) < 0;
      const over = dh >= 0 ? ah < 0 || h < 0 : carry && h < 0;
      if (over) {
        qc = true;
        setHi(0x7fffffff);
        return -1;
      }
      setHi(h);
      return l;
    }
    case Fn.USQADD: {
      // Vd unsigned + Vn signed, unsigned saturation.
      const l = add64(dl, dh, al, ah);
      const h = hi64;
      const carry = cmpU64(l, h, dl, dh) < 0;
      if (ah >= 0 ? carry : !carry) {
        qc = true;
        const v = ah >= 0 ? -1 : 0;
        setHi(v);
        return v;
      }
      setHi(h);
      return l;
    }
    case Fn.XTN:
      return al;
    case Fn.QXTN:
      return narrow(al, ah, signed, op, true);
    case Fn.QSHRN:
    case Fn.QRSHRN: {
      const l = fn === Fn.QSHRN ? shr64(al, ah, op.imm, signed) : rshr64(al, ah, op.imm, signed);
      return narrow(l, hi64, signed, op, true);
    }
    case Fn.HN:
    case Fn.RHN:
    case Fn.SUBHN:
    case Fn.RSUBHN: {
      let l = fn === Fn.HN || fn === Fn.RHN ? add64(al, ah, bl, bh) : sub64(al, ah, bl, bh);
      if (fn === Fn.RHN || fn === Fn.RSUBHN) l = add64(l, hi64, 1 << (op.bits - 1), 0);
      return shr64(l, hi64, op.bits, false);
    }
  }
  return 0;
}

/** Operations with a typed-array fast path (same-size lanes of up to 32 bits, no offsets). */
export const FAST_OK: ReadonlySet<Fn> = new Set([
  Fn.ADD,
  Fn.SUB,
  Fn.MUL,
  Fn.MLA,
  Fn.MLS,
  Fn.AND,
  Fn.BIC,
  Fn.ORR,
  Fn.ORN,
  Fn.EOR,
  Fn.CMEQ,
]);

/** The fast path: R = op(A, B) lane by lane on views of the lane size (sign-agnostic ops). */
function fastElem(fn: Fn, es: number, lanes: number): void {
  const a = es === 0 ? A.i8 : es === 1 ? A.i16 : A.i32;
  const b = es === 0 ? B.i8 : es === 1 ? B.i16 : B.i32;
  const r = es === 0 ? R.i8 : es === 1 ? R.i16 : R.i32;
  switch (fn) {
    case Fn.ADD:
      for (let i = 0; i < lanes; i++) r[i] = a[i]! + b[i]!;
      return;
    case Fn.SUB:
      for (let i = 0; i < lanes; i++) r[i] = a[i]! - b[i]!;
      return;
    case Fn.MUL:
      for (let i = 0; i < lanes; i++) r[i] = Math.imul(a[i]!, b[i]!);
      return;
    case Fn.MLA:
      for (let i = 0; i < lanes; i++) r[i] = r[i]! + Math.imul(a[i]!, b[i]!);
      return;
    case Fn.MLS:
      for (let i = 0; i < lanes; i++) r[i] = r[i]! - Math.imul(a[i]!, b[i]!);
      return;
    case Fn.AND:
      for (let i = 0; i < lanes; i++) r[i] = a[i]! & b[i]!;
      return;
    case Fn.BIC:
      for (let i = 0; i < lanes; i++) r[i] = a[i]! & ~b[i]!;
      return;
    case Fn.ORR:
      for (let i = 0; i < lanes; i++) r[i] = a[i]! | b[i]!;
      return;
    case Fn.ORN:
      for (let i = 0; i < lanes; i++) r[i] = a[i]! | ~b[i]!;
      return;
    case Fn.EOR:
      for (let i = 0; i < lanes; i++) r[i] = a[i]! ^ b[i]!;
      return;
    case Fn.CMEQ:
      for (let i = 0; i < lanes; i++) r[i] = a[i] === b[i] ? -1 : 0;
      return;
  }
}

// ---- the handler ---------------------------------------------------------------------------------

export function execElem(cpu: Cpu, op: ElemOp): void {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  if (op.pair && op.pairM) A.load(s, op.m, op.q ? 4 : 2);
  B.load(s, op.m);
  if (op.acc) R.load(s, op.d);
  else R.clear();
  if (op.fast) {
    fastElem(op.fn, op.esD, op.lanes);
    storeR(s, op.d, op.q);
    return;
  }
  qc = false;
  const fn = op.fn;
  const lanes = op.lanes;
  const esA = op.esA;
  const esB = op.esB;
  const esD = op.esD;
  const sA = op.sA;
  const sB = op.sB;
  const sD = op.sD;
  const offA = op.offA;
  const offB = op.offB;
  const offD = op.offD;
  const stepB = op.stepB;
  if (!op.wide) {
    for (let i = 0; i < lanes; i++) {
      let a: number;
      let b: number;
      if (op.pair) {
        a = A.get(esA, sA, 2 * i);
        b = A.get(esA, sA, 2 * i + 1);
      } else {
        a = A.get(esA, sA, offA + i);
        b = B.get(esB, sB, offB + stepB * i);
      }
      const d = op.acc ? R.get(esD, sD, offD + i) : 0;
      R.set(esD, offD + i, lane(fn, a, b, d, op));
    }
  } else {
    for (let i = 0; i < lanes; i++) {
      let al: number;
      let ah: number;
      let bl: number;
      let bh: number;
      if (op.pair) {
        al = A.getPair(esA, sA, 2 * i);
        ah = pairHi;
        bl = A.getPair(esA, sA, 2 * i + 1);
        bh = pairHi;
      } else {
        al = A.getPair(esA, sA, offA + i);
        ah = pairHi;
        bl = B.getPair(esB, sB, offB + stepB * i);
        bh = pairHi;
      }
      let dl = 0;
      let dh = 0;
      if (op.acc) {
        dl = R.getPair(esD, sD, offD + i);
        dh = pairHi;
      }
      const l = lane64(fn, al, ah, bl, bh, dl, dh, op);
      R.setPair(esD, offD + i, l, hi64);
    }
  }
  if (op.scalar) {
    const w = R.i32;
    const eb = 1 << esD;
    if (eb < 4) w[0] = w[0]! & (eb === 1 ? 0xff : 0xffff);
    if (eb < 8) w[1] = 0;
    w[2] = 0;
    w[3] = 0;
  }
  storeR(s, op.d, op.q);
  if (qc) s.fpsr |= QC;
}
