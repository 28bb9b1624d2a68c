import type { Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, arr, views } from '../elements.js';
import { prep, sx } from './common.js';
import {
  R,
  add64,
  amount64,
  asr64,
  cmp64,
  lsl64,
  lsr64,
  mul64,
  mulh64,
  sdiv64,
  set64,
  sub64,
  udiv64,
} from './i64.js';

/**
 * The element-wise binary operations of the SVE integer instructions and one engine for their
 * forms: predicated destructive (merging, optionally reversed operands), unpredicated, by
 * immediate, and "wide" (the second operand is the 64-bit element overlapping the element).
 */

export const SMAX = 0;
export const UMAX = 1;
export const SMIN = 2;
export const UMIN = 3;
export const SABD = 4;
export const UABD = 5;
export const SMULH = 6;
export const UMULH = 7;
export const SDIV = 8;
export const UDIV = 9;
export const ORR = 10;
export const EOR = 11;
export const AND = 12;
export const BIC = 13;
export const ASR = 14;
export const LSR = 15;
export const LSL = 16;
export const SQADD = 17;
export const UQADD = 18;
export const SQSUB = 19;
export const UQSUB = 20;
export const ASRD = 21;
/** SQADD/SQSUB with an unsigned immediate second operand (UInt(imm), not sign-interpreted). */
export const SQADDI = 22;
export const SQSUBI = 23;

/** a op b for elements of `bits` (8, 16, 32) bits; a and b are the raw element bits. */
export function aluN(op: number, a: number, b: number, bits: number): number {
  switch (op) {
    case SMAX: {
      const x = sx(a, bits);
      const y = sx(b, bits);
      return x > y ? x : y;
    }
    case SMIN: {
      const x = sx(a, bits);
      const y = sx(b, bits);
      return x < y ? x : y;
    }
    case UMAX: {
      const x = a >>> 0;
      const y = b >>> 0;
      return x > y ? x : y;
    }
    case UMIN: {
      const x = a >>> 0;
      const y = b >>> 0;
      return x < y ? x : y;
    }
    case SABD:
      return Math.abs(sx(a, bits) - sx(b, bits));
    case UABD:
      return Math.abs((a >>> 0) - (b >>> 0));
    case SMULH:
      if (bits === 32) {
        mul64(a, a >> 31, b, b >> 31);
        return R[1]!;
      }
      return Math.floor((sx(a, bits) * sx(b, bits)) / (1 << bits));
    case UMULH:
      if (bits === 32) {
        mul64(a, 0, b, 0);
        return R[1]!;
      }
      return Math.floor(((a >>> 0) * (b >>> 0)) / (1 << bits));
    case SDIV: {
      const y = sx(b, bits);
      return y === 0 ? 0 : Math.trunc(sx(a, bits) / y);
    }
    case UDIV: {
      const y = b >>> 0;
      return y === 0 ? 0 : Math.floor((a >>> 0) / y);
    }
    case ORR:
      return a | b;
    case EOR:
      return a ^ b;
    case AND:
      return a & b;
    case BIC:
      return a & ~b;
    case ASR: {
      const x = sx(a, bits);
      const s = b >>> 0;
      return s >= bits ? x >> 31 : x >> s;
    }
    case LSR: {
      const s = b >>> 0;
      return s >= bits ? 0 : (a >>> 0) >>> s;
    }
    case LSL: {
      const s = b >>> 0;
      return s >= bits ? 0 : a << s;
    }
    case SQADD:
    case SQSUB:
    case SQADDI:
    case SQSUBI: {
      const y = op === SQADDI || op === SQSUBI ? b : sx(b, bits);
      const r = op === SQADD || op === SQADDI ? sx(a, bits) + y : sx(a, bits) - y;
      const max = bits === 32 ? 0x7fffffff : (1 << (bits - 1)) - 1;
      return r > max ? max : r < -max - 1 ? -max - 1 : r;
    }
    case UQADD: {
      const r = (a >>> 0) + (b >>> 0);
      const max = bits === 32 ? 0xffffffff : (1 << bits) - 1;
      return r > max ? max : r;
    }
    case UQSUB: {
      const r = (a >>> 0) - (b >>> 0);
      return r < 0 ? 0 : r;
    }
    default: {
      // ASRD: signed division by 2^b rounding toward zero (exact in doubles).
      return Math.trunc(sx(a, bits) / Math.pow(2, b));
    }
  }
}

/** (al, ah) op (bl, bh) on 64-bit elements, into R. */
export function alu64(op: number, al: number, ah: number, bl: number, bh: number): void {
  switch (op) {
    case SMAX:
    case SMIN:
    case UMAX:
    case UMIN: {
      const c = cmp64(al, ah, bl, bh, op === SMAX || op === SMIN);
      const takeA = op === SMAX || op === UMAX ? c >= 0 : c <= 0;
      if (takeA) set64(al, ah);
      else set64(bl, bh);
      return;
    }
    case SABD:
    case UABD:
      if (cmp64(al, ah, bl, bh, op === SABD) >= 0) sub64(al, ah, bl, bh);
      else sub64(bl, bh, al, ah);
      return;
    case SMULH:
    case UMULH:
      mulh64(al, ah, bl, bh, op === SMULH);
      return;
    case SDIV:
      sdiv64(al, ah, bl, bh);
      return;
    case UDIV:
      udiv64(al, ah, bl, bh);
      return;
    case ORR:
      set64(al | bl, ah | bh);
      return;
    case EOR:
      set64(al ^ bl, ah ^ bh);
      return;
    case AND:
      set64(al & bl, ah & bh);
      return;
    case BIC:
      set64(al & ~bl, ah & ~bh);
      return;
    case ASR:
      asr64(al, ah, amount64(bl, bh));
      return;
    case LSR:
      lsr64(al, ah, amount64(bl, bh));
      return;
    case LSL:
      lsl64(al, ah, amount64(bl, bh));
      return;
    case SQADD:
    case SQADDI: {
      add64(al, ah, bl, bh);
      if (((ah ^ R[1]!) & (bh ^ R[1]!)) < 0)
        set64(ah < 0 ? 0 : -1, ah < 0 ? -0x80000000 : 0x7fffffff);
      return;
    }
    case SQSUB:
    case SQSUBI: {
      sub64(al, ah, bl, bh);
      if (((ah ^ bh) & (ah ^ R[1]!)) < 0) set64(ah < 0 ? 0 : -1, ah < 0 ? -0x80000000 : 0x7fffffff);
      return;
    }
    case UQADD: {
      add64(al, ah, bl, bh);
      if (cmp64(R[0]!, R[1]!, al, ah, false) < 0) set64(-1, -1);
      return;
    }
    case UQSUB:
      if (cmp64(al, ah, bl, bh, false) < 0) set64(0, 0);
      else sub64(al, ah, bl, bh);
      return;
    default: {
      // ASRD by bl (1..64)
      const s = bl;
      if (s >= 64) set64(0, 0);
      else if (ah >= 0) asr64(al, ah, s);
      else {
        // add 2^s - 1, then shift (no overflow: a < 0 and the bias < 2^63)
        const bLo = s >= 32 ? -1 : (1 << s) - 1;
        const bHi = s > 32 ? (1 << (s - 32)) - 1 : 0;
        add64(al, ah, bLo, bHi);
        asr64(R[0]!, R[1]!, s);
      }
    }
  }
}

export interface BinOp {
  d: number;
  n: number;
  /** Second vector operand, or -1 for the immediate (imm, immHi). */
  m: number;
  /** Governing predicate, or -1 (unpredicated). */
  g: number;
  esz: number;
  op: number;
  /** Operands swapped (SUBR-style reversed forms: Zdn = Zm op Zdn). */
  rev: boolean;
  /** The second operand is the 64-bit element of Zm overlapping the element (shifts). */
  wide: boolean;
  imm: number;
  immHi: number;
}

export function bin0(): BinOp {
  return { d: 0, n: 0, m: -1, g: -1, esz: 0, op: 0, rev: false, wide: false, imm: 0, immHi: 0 };
}

/**
 * Zd[e] = Zn[e] op Zm[e] (or op imm) for every element, or with g >= 0 for the active ones
 * (inactive elements of Zd are kept: the predicated forms are destructive, d = n).
 */
export function binExec(cpu: Cpu, o: BinOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const stride = fp.stride;
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const st = o.g >= 0 ? sveState(cpu) : null;
  const p = st ? st.p : null;
  const pb = st ? o.g * st.maxVq : 0;
  const op = o.op;
  const rev = o.rev;
  if (esz < 3) {
    const bits = 8 << esz;
    const A = arr(views(fp.z), esz);
    const per = 4 >> esz;
    const d = o.d * stride * per;
    const n = o.n * stride * per;
    const m = o.m * stride * per;
    const z = fp.z;
    const mw = o.m * stride;
    const group = (8 >> esz) - 1;
    let wb = 0;
    for (let e = 0; e < count; e++) {
      // The wide operand is read before any element overlapping it is written (Zm may be Zd).
      if (o.wide && (e & group) === 0) {
        const w = mw + ((e >> (3 - esz)) << 1);
        wb = amount64(z[w]!, z[w + 1]!);
      }
      if (p && !active(p, pb, e, esz)) continue;
      const b = o.m < 0 ? o.imm : o.wide ? wb : A[m + e]!;
      const a = A[n + e]!;
      A[d + e] = rev ? aluN(op, b, a, bits) : aluN(op, a, b, bits);
    }
  } else {
    const z = fp.z;
    const d = o.d * stride;
    const n = o.n * stride;
    const m = o.m * stride;
    for (let e = 0; e < count; e++) {
      if (p && !active(p, pb, e, 3)) continue;
      const w = 2 * e;
      const bl = o.m < 0 ? o.imm : z[m + w]!;
      const bh = o.m < 0 ? o.immHi : z[m + w + 1]!;
      if (rev) alu64(op, bl, bh, z[n + w]!, z[n + w + 1]!);
      else alu64(op, z[n + w]!, z[n + w + 1]!, bl, bh);
      z[d + w] = R[0]!;
      z[d + w + 1] = R[1]!;
    }
  }
}
