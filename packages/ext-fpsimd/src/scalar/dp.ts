import { COND_PASS, pattern, rz, wz, type Fields } from '@hypsim/core';
import { R, ctl, fpBegin, fpEnd, FMT_D, FMT_H, FMT_S } from '../fp/bits.js';
import {
  OP_ADD,
  OP_DIV,
  OP_MAX,
  OP_MAXNM,
  OP_MIN,
  OP_MINNM,
  OP_MUL,
  OP_NMUL,
  OP_SUB,
  binop,
  cvtop,
  fcmpFlags,
  fjcvtzsOp,
  rintNop,
  fmaop,
  fromIntOp,
  rintop,
  sqrtop,
  toIntOp,
} from '../fp/ops.js';
import { RM_TIEAWAY } from '../fp/round.js';
import { fpState } from '../state.js';
import { checkFpAccess } from '../traps.js';

/**
 * Scalar floating-point data processing (Arm ARM C4.1.96.x): 1-, 2- and 3-source, compare,
 * conditional compare/select, FMOV (register, immediate, general), and the conversions
 * between FP and integer/fixed point. ftype 00 = single, 01 = double; half precision
 * (ftype 11, FEAT_FP16) and ftype 10 decode as unallocated (UNDEF), except FCVT's half
 * source/destination, which is base FP.
 */

/** ftype → format, or -1 (unallocated: no FEAT_FP16). */
function fmtOf(ftype: number): number {
  return ftype === 0 ? FMT_S : ftype === 1 ? FMT_D : -1;
}

// ---- 2-source -------------------------------------------------------------------------------

interface BinOp {
  d: number;
  n: number;
  m: number;
  fmt: number;
  code: number;
}

const BIN_CODES = [OP_MUL, OP_DIV, OP_ADD, OP_SUB, OP_MAX, OP_MIN, OP_MAXNM, OP_MINNM, OP_NMUL];

export const FP_2SRC = pattern<BinOp>({
  name: 'FP_2src',
  pattern: '0 0 0 11110 ftype:2 1 Rm:5 opcode:4 10 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0 || f.opcode! > 8) return null;
    return { d: f.Rd!, n: f.Rn!, m: f.Rm!, fmt, code: BIN_CODES[f.opcode!]! };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    fpBegin(st);
    const z = st.z;
    const a = op.n * st.stride;
    const b = op.m * st.stride;
    const d = op.fmt === FMT_D;
    binop(op.code, op.fmt, z[a]!, d ? z[a + 1]! : 0, z[b]!, d ? z[b + 1]! : 0);
    fpEnd(st);
    st.writeD(op.d, R[0]!, R[1]!);
  },
});

// ---- 3-source -------------------------------------------------------------------------------

interface FmaOp {
  d: number;
  n: number;
  m: number;
  a: number;
  fmt: number;
  /** Sign flips (as the top-bit mask of the operand's high word) for Rn·Rm and Ra. */
  negP: number;
  negA: number;
}

export const FP_3SRC = pattern<FmaOp>({
  name: 'FP_3src',
  pattern: '0 0 0 11111 ftype:2 o1:1 Rm:5 o0:1 Ra:5 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    // FMADD: a + n·m; FMSUB: a − n·m; FNMADD: −a − n·m; FNMSUB: −a + n·m
    const negP = f.o1! ^ f.o0! ? 0x80000000 | 0 : 0;
    const negA = f.o1! ? 0x80000000 | 0 : 0;
    return { d: f.Rd!, n: f.Rn!, m: f.Rm!, a: f.Ra!, fmt, negP, negA };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    fpBegin(st);
    const z = st.z;
    const s = st.stride;
    const n = op.n * s;
    const m = op.m * s;
    const a = op.a * s;
    if (op.fmt === FMT_D)
      fmaop(FMT_D, z[a]!, z[a + 1]! ^ op.negA, z[n]!, z[n + 1]! ^ op.negP, z[m]!, z[m + 1]!);
    else fmaop(FMT_S, z[a]! ^ op.negA, 0, z[n]! ^ op.negP, 0, z[m]!, 0);
    fpEnd(st);
    st.writeD(op.d, R[0]!, R[1]!);
  },
});

// ---- 1-source -------------------------------------------------------------------------------

interface UnOp {
  d: number;
  n: number;
  fmt: number;
  /** 0 FMOV, 1 FABS, 2 FNEG, 3 FSQRT, 4 FCVT, 8.. FRINT*. */
  opc: number;
  /** FCVT: destination format; FRINT*: rounding mode (-1 = FPCR). */
  arg: number;
}

const RINT_MODES = [0, 1, 2, 3, RM_TIEAWAY, -2, -1, -1];

export const FP_1SRC = pattern<UnOp>({
  name: 'FP_1src',
  pattern: '0 0 0 11110 ftype:2 1 00 opcode:4 10000 Rn:5 Rd:5',
  decode(f: Fields) {
    const opc = f.opcode!;
    const ft = f.ftype!;
    if (opc >= 4 && opc <= 7) {
      // FCVT: ftype 11 (half) is a base-FP source here
      if (opc === 6 || ft === 2) return null;
      const from = ft === 0 ? FMT_S : ft === 1 ? FMT_D : FMT_H;
      const to = opc === 4 ? FMT_S : opc === 5 ? FMT_D : FMT_H;
      if (from === to) return null;
      return { d: f.Rd!, n: f.Rn!, fmt: from, opc: 4, arg: to };
    }
    const fmt = fmtOf(ft);
    if (fmt < 0) return null;
    if (opc < 4) return { d: f.Rd!, n: f.Rn!, fmt, opc, arg: 0 };
    if (opc >= 8 && opc <= 15 && opc !== 13)
      return { d: f.Rd!, n: f.Rn!, fmt, opc: opc === 14 ? 9 : 8, arg: RINT_MODES[opc - 8]! };
    return null;
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    const z = st.z;
    const a = op.n * st.stride;
    const dbl = op.fmt === FMT_D;
    const lo = z[a]!;
    const hi = dbl ? z[a + 1]! : 0;
    switch (op.opc) {
      case 0:
        st.writeD(op.d, lo, hi);
        return;
      case 1:
        if (dbl) st.writeD(op.d, lo, hi & 0x7fffffff);
        else st.writeD(op.d, op.fmt === FMT_S ? lo & 0x7fffffff : lo & 0x7fff, 0);
        return;
      case 2:
        if (dbl) st.writeD(op.d, lo, hi ^ 0x80000000);
        else st.writeD(op.d, lo ^ 0x80000000, 0);
        return;
      default:
        break;
    }
    fpBegin(st);
    if (op.opc === 3) sqrtop(op.fmt, lo, hi);
    else if (op.opc === 4) cvtop(op.fmt, op.arg, op.fmt === FMT_H ? lo & 0xffff : lo, hi);
    else rintop(op.fmt, lo, hi, op.arg, op.opc === 9);
    fpEnd(st);
    st.writeD(op.d, R[0]!, R[1]!);
  },
});

interface RintNOp {
  d: number;
  n: number;
  fmt: number;
  mode: number;
  intsize: number;
}

/** FRINT32Z, FRINT32X, FRINT64Z, FRINT64X (scalar; FEAT_FRINTTS). */
export const FRINTTS = pattern<RintNOp>({
  name: 'FRINTTS_s',
  feature: 'FEAT_FRINTTS',
  pattern: '0 0 0 11110 ftype:2 1 0100 op:2 10000 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    return { d: f.Rd!, n: f.Rn!, fmt, mode: f.op! & 1 ? -1 : 3, intsize: f.op! & 2 ? 64 : 32 };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    fpBegin(st);
    const a = op.n * st.stride;
    rintNop(op.fmt, st.z[a]!, op.fmt === FMT_D ? st.z[a + 1]! : 0, op.mode, op.intsize);
    fpEnd(st);
    st.writeD(op.d, R[0]!, R[1]!);
  },
});

interface JsOp {
  d: number;
  n: number;
}

/** FJCVTZS (FEAT_JSCVT); it shares FMOV's encoding space, so it has the higher priority. */
export const FJCVTZS = pattern<JsOp>({
  name: 'FJCVTZS',
  feature: 'FEAT_JSCVT',
  priority: 1,
  pattern: '0 0 0 11110 01 1 11 110 000000 Rn:5 Rd:5',
  decode: (f: Fields) => ({ d: wz(f.Rd!), n: f.Rn! }),
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    fpBegin(st);
    const a = op.n * st.stride;
    fjcvtzsOp(st.z[a]!, st.z[a + 1]!);
    fpEnd(st);
    cpu.gpr[op.d] = R[0]!;
    cpu.gpr[op.d + 1] = 0;
    cpu.nzcv = R[1] ? 0b0100 : 0;
  },
});

// ---- compare, conditional compare, conditional select ---------------------------------------

interface CmpOp {
  n: number;
  m: number;
  fmt: number;
  zero: boolean;
  sig: boolean;
  /** FCCMP: cond << 4 and the flags used when the condition fails (else -1). */
  cond: number;
  nzcv: number;
}

function doCmp(cpu: Parameters<typeof checkFpAccess>[0], op: CmpOp): void {
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const a = op.n * st.stride;
  const b = op.m * st.stride;
  const d = op.fmt === FMT_D;
  cpu.nzcv = op.zero
    ? fcmpFlags(op.fmt, z[a]!, d ? z[a + 1]! : 0, 0, 0, op.sig)
    : fcmpFlags(op.fmt, z[a]!, d ? z[a + 1]! : 0, z[b]!, d ? z[b + 1]! : 0, op.sig);
  fpEnd(st);
}

export const FCMP = pattern<CmpOp>({
  name: 'FCMP',
  pattern: '0 0 0 11110 ftype:2 1 Rm:5 00 1000 Rn:5 opc:2 000',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    return {
      n: f.Rn!,
      m: f.Rm!,
      fmt,
      zero: (f.opc! & 1) !== 0,
      sig: f.opc! >= 2,
      cond: 0,
      nzcv: 0,
    };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    doCmp(cpu, op);
  },
});

export const FCCMP = pattern<CmpOp>({
  name: 'FCCMP',
  pattern: '0 0 0 11110 ftype:2 1 Rm:5 cond:4 01 Rn:5 op:1 nzcv:4',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    return {
      n: f.Rn!,
      m: f.Rm!,
      fmt,
      zero: false,
      sig: f.op === 1,
      cond: f.cond! << 4,
      nzcv: f.nzcv!,
    };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    if (COND_PASS[op.cond | cpu.nzcv]) doCmp(cpu, op);
    else cpu.nzcv = op.nzcv;
  },
});

interface SelOp {
  d: number;
  n: number;
  m: number;
  dbl: boolean;
  cond: number;
}

export const FCSEL = pattern<SelOp>({
  name: 'FCSEL',
  pattern: '0 0 0 11110 ftype:2 1 Rm:5 cond:4 11 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    return { d: f.Rd!, n: f.Rn!, m: f.Rm!, dbl: fmt === FMT_D, cond: f.cond! << 4 };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    const src = (COND_PASS[op.cond | cpu.nzcv] ? op.n : op.m) * st.stride;
    st.writeD(op.d, st.z[src]!, op.dbl ? st.z[src + 1]! : 0);
  },
});

// ---- FMOV (immediate) -----------------------------------------------------------------------

interface ImmOp {
  d: number;
  lo: number;
  hi: number;
}

/** VFPExpandImm for half, single or double (also SVE's FDUP/FCPY, exported as fpExpandImm). */
export function expandImm(imm8: number, fmt: number): [number, number] {
  const sign = imm8 >> 7;
  const b6 = (imm8 >> 6) & 1;
  const cd = (imm8 >> 4) & 3;
  const efgh = imm8 & 0xf;
  // exp = NOT(b6) : Replicate(b6, E - 3) : imm8<5:4>
  if (fmt === FMT_D) {
    const exp = ((b6 ^ 1) << 10) | (b6 ? 0xff << 2 : 0) | cd;
    return [0, (sign << 31) | (exp << 20) | (efgh << 16)];
  }
  if (fmt === FMT_H) {
    const exp = ((b6 ^ 1) << 4) | (b6 ? 0x3 << 2 : 0) | cd;
    return [(sign << 15) | (exp << 10) | (efgh << 6), 0];
  }
  const exp = ((b6 ^ 1) << 7) | (b6 ? 0x1f << 2 : 0) | cd;
  return [(sign << 31) | (exp << 23) | (efgh << 19), 0];
}

export const FMOV_imm = pattern<ImmOp>({
  name: 'FMOV_imm',
  pattern: '0 0 0 11110 ftype:2 1 imm8:8 100 00000 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    const [lo, hi] = expandImm(f.imm8!, fmt);
    return { d: f.Rd!, lo, hi };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    fpState(cpu).writeD(op.d, op.lo, op.hi);
  },
});

// ---- conversions to/from general registers --------------------------------------------------

interface CvtOp {
  /** gpr index (source or destination) */
  g: number;
  /** V register number */
  v: number;
  fmt: number;
  /** rounding mode, -1 = FPCR */
  mode: number;
  unsigned: boolean;
  x: boolean;
  fbits: number;
}

function cvtToInt(cpu: Parameters<typeof checkFpAccess>[0], op: CvtOp): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const a = op.v * st.stride;
  toIntOp(
    op.fmt,
    st.z[a]!,
    op.fmt === FMT_D ? st.z[a + 1]! : 0,
    op.fbits,
    op.mode,
    op.unsigned,
    op.x,
  );
  fpEnd(st);
  cpu.gpr[op.g] = R[0]!;
  cpu.gpr[op.g + 1] = R[1]!;
}

function cvtFromInt(cpu: Parameters<typeof checkFpAccess>[0], op: CvtOp): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  fromIntOp(op.fmt, cpu.gpr[op.g]!, op.x ? cpu.gpr[op.g + 1]! : 0, op.fbits, op.unsigned, op.x);
  fpEnd(st);
  st.writeD(op.v, R[0]!, R[1]!);
}

const TOINT_MODES = [0, 1, 2, 3];

/** FCVT{N,P,M,Z}{S,U}, FCVTA{S,U} (integer). */
export const FCVT_toint = pattern<CvtOp>({
  name: 'FCVT_toint',
  pattern: 'sf:1 0 0 11110 ftype:2 1 rmode:2 00 u:1 000000 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    return {
      g: wz(f.Rd!),
      v: f.Rn!,
      fmt,
      mode: TOINT_MODES[f.rmode!]!,
      unsigned: f.u === 1,
      x: f.sf === 1,
      fbits: 0,
    };
  },
  exec: cvtToInt,
});

export const FCVTA_toint = pattern<CvtOp>({
  name: 'FCVTA_toint',
  pattern: 'sf:1 0 0 11110 ftype:2 1 00 10 u:1 000000 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    return {
      g: wz(f.Rd!),
      v: f.Rn!,
      fmt,
      mode: RM_TIEAWAY,
      unsigned: f.u === 1,
      x: f.sf === 1,
      fbits: 0,
    };
  },
  exec: cvtToInt,
});

export const CVTF_int = pattern<CvtOp>({
  name: 'SCVTF_UCVTF_int',
  pattern: 'sf:1 0 0 11110 ftype:2 1 00 01 u:1 000000 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0) return null;
    return { g: rz(f.Rn!), v: f.Rd!, fmt, mode: -1, unsigned: f.u === 1, x: f.sf === 1, fbits: 0 };
  },
  exec: cvtFromInt,
});

export const FCVTZ_fix = pattern<CvtOp>({
  name: 'FCVTZ_fixed',
  pattern: 'sf:1 0 0 11110 ftype:2 0 11 00 u:1 scale:6 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0 || (f.sf === 0 && f.scale! < 32)) return null;
    return {
      g: wz(f.Rd!),
      v: f.Rn!,
      fmt,
      mode: 3,
      unsigned: f.u === 1,
      x: f.sf === 1,
      fbits: 64 - f.scale!,
    };
  },
  exec: cvtToInt,
});

export const CVTF_fix = pattern<CvtOp>({
  name: 'SCVTF_UCVTF_fixed',
  pattern: 'sf:1 0 0 11110 ftype:2 0 00 01 u:1 scale:6 Rn:5 Rd:5',
  decode(f: Fields) {
    const fmt = fmtOf(f.ftype!);
    if (fmt < 0 || (f.sf === 0 && f.scale! < 32)) return null;
    return {
      g: rz(f.Rn!),
      v: f.Rd!,
      fmt,
      mode: -1,
      unsigned: f.u === 1,
      x: f.sf === 1,
      fbits: 64 - f.scale!,
    };
  },
  exec: cvtFromInt,
});

interface MovOp {
  g: number;
  v: number;
  /** 0: W↔S, 1: X↔D, 2: X↔V.D[1] */
  kind: number;
}

/** The FMOV (general) form: W↔S (sf=0, single), X↔D (sf=1, double), X↔V.D[1]; -1 otherwise. */
function fmovKind(f: Fields): number {
  if (f.sf === 0) return f.ftype === 0 && f.rmode === 0 ? 0 : -1;
  if (f.ftype === 1 && f.rmode === 0) return 1;
  return f.ftype === 2 && f.rmode === 1 ? 2 : -1;
}

export const FMOV_togen = pattern<MovOp>({
  name: 'FMOV_to_general',
  pattern: 'sf:1 0 0 11110 ftype:2 1 rmode:2 110 000000 Rn:5 Rd:5',
  decode(f: Fields) {
    const k = fmovKind(f);
    return k < 0 ? null : { g: wz(f.Rd!), v: f.Rn!, kind: k };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    const a = op.v * st.stride + (op.kind === 2 ? 2 : 0);
    cpu.gpr[op.g] = st.z[a]!;
    cpu.gpr[op.g + 1] = op.kind === 0 ? 0 : st.z[a + 1]!;
  },
});

export const FMOV_fromgen = pattern<MovOp>({
  name: 'FMOV_from_general',
  pattern: 'sf:1 0 0 11110 ftype:2 1 rmode:2 111 000000 Rn:5 Rd:5',
  decode(f: Fields) {
    const k = fmovKind(f);
    return k < 0 ? null : { g: rz(f.Rn!), v: f.Rd!, kind: k };
  },
  exec(cpu, op) {
    checkFpAccess(cpu);
    const st = fpState(cpu);
    const lo = cpu.gpr[op.g]!;
    const hi = op.kind === 0 ? 0 : cpu.gpr[op.g + 1]!;
    if (op.kind === 2) {
      // top half: the low 64 bits are kept, bits above 128 cleared
      const b = op.v * st.stride;
      st.z[b + 2] = lo;
      st.z[b + 3] = hi;
      st.clearHigh(op.v);
    } else st.writeD(op.v, lo, hi);
  },
});

export const scalarDpPatterns = [
  FP_2SRC,
  FP_3SRC,
  FP_1SRC,
  FRINTTS,
  FJCVTZS,
  FCMP,
  FCCMP,
  FCSEL,
  FMOV_imm,
  FCVT_toint,
  FCVTA_toint,
  CVTF_int,
  FCVTZ_fix,
  CVTF_fix,
  FMOV_togen,
  FMOV_fromgen,
];

export { ctl };
