import { pattern, type Cpu, type Fields, type InsnPattern } from '@hypsim/core';
import { FMT_D, FMT_H, FMT_S, R, ctl, fpBegin, fpEnd } from '../fp/bits.js';
import { recpeOp, recpxOp, rsqrteOp } from '../fp/estimate.js';
import {
  OP_ABD,
  OP_ACGE,
  OP_ACGT,
  OP_ADD,
  OP_CMEQ,
  OP_CMGE,
  OP_CMGT,
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
  binop,
  cvtop,
  fmaop,
  fromIntOp,
  rintNop,
  rintop,
  sqrtop,
  toIntOp,
} from '../fp/ops.js';
import { RM_ODD, RM_TIEAWAY } from '../fp/round.js';
import { fpState, type FpState } from '../state.js';
import { checkFpAccess } from '../traps.js';

/**
 * The AdvSIMD floating-point forms (single and double lanes; half-precision encodings are
 * left unallocated): three-same, two-register misc, across lanes, scalar pairwise, by
 * element, and the fixed-point conversions of the shift-by-immediate group — vector and
 * scalar. Every pattern fixes the opcode bits of its FP instruction, so the integer forms of
 * the same groups (src/simd) never overlap them.
 */

/** Result lanes are assembled here before the register write (Rd may be a source). */
const OUT = new Int32Array(4);

function finish(st: FpState, d: number, words: number): void {
  fpEnd(st);
  if (words === 4) st.writeV(d, OUT[0]!, OUT[1]!, OUT[2]!, OUT[3]!);
  else if (words === 2) st.writeD(d, OUT[0]!, OUT[1]!);
  else st.writeD(d, OUT[0]!, 0);
}

// ---- three same (vector and scalar) ---------------------------------------------------------

const K_PLAIN = 0;
const K_PAIR = 1;
const K_FMLA = 2;
const K_FMLS = 3;

interface V3Op {
  d: number;
  n: number;
  m: number;
  fmt: number;
  code: number;
  kind: number;
  /** Number of lanes and result words (1: a scalar single, 2: a scalar double or 2S…). */
  lanes: number;
  words: number;
}

function v3exec(cpu: Cpu, op: V3Op): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const s = st.stride;
  const bn = op.n * s;
  const bm = op.m * s;
  const bd = op.d * s;
  const dbl = op.fmt === FMT_D;
  const w = dbl ? 2 : 1;
  const half = op.lanes >> 1;
  for (let i = 0; i < op.lanes; i++) {
    const o = i * w;
    let alo: number, ahi: number, blo: number, bhi: number;
    if (op.kind === K_PAIR) {
      // pairs of the concatenation Vm:Vn
      const src = i < half ? bn : bm;
      const j = (i < half ? 2 * i : 2 * (i - half)) * w;
      alo = z[src + j]!;
      ahi = dbl ? z[src + j + 1]! : 0;
      blo = z[src + j + w]!;
      bhi = dbl ? z[src + j + w + 1]! : 0;
    } else {
      alo = z[bn + o]!;
      ahi = dbl ? z[bn + o + 1]! : 0;
      blo = z[bm + o]!;
      bhi = dbl ? z[bm + o + 1]! : 0;
    }
    if (op.kind >= K_FMLA) {
      if (op.kind === K_FMLS) {
        if (dbl) ahi ^= 0x80000000;
        else alo ^= 0x80000000;
      }
      fmaop(op.fmt, z[bd + o]!, dbl ? z[bd + o + 1]! : 0, alo, ahi, blo, bhi);
    } else binop(op.code, op.fmt, alo, ahi, blo, bhi);
    OUT[o] = R[0]!;
    if (dbl) OUT[o + 1] = R[1]!;
  }
  finish(st, op.d, op.words);
}

function v3Vector(name: string, u: number, a: number, opcode: string, code: number, kind: number) {
  return pattern<V3Op>({
    name,
    pattern: `0 Q:1 ${u} 01110 ${a} sz:1 1 Rm:5 ${opcode} 1 Rn:5 Rd:5`,
    decode(f: Fields) {
      if (f.sz === 1 && f.Q === 0) return null;
      const fmt = f.sz ? FMT_D : FMT_S;
      const lanes = f.sz ? 2 : f.Q ? 4 : 2;
      return { d: f.Rd!, n: f.Rn!, m: f.Rm!, fmt, code, kind, lanes, words: f.Q ? 4 : 2 };
    },
    exec: v3exec,
  });
}

function v3Scalar(name: string, u: number, a: number, opcode: string, code: number) {
  return pattern<V3Op>({
    name,
    pattern: `01 ${u} 11110 ${a} sz:1 1 Rm:5 ${opcode} 1 Rn:5 Rd:5`,
    decode(f: Fields) {
      const fmt = f.sz ? FMT_D : FMT_S;
      return {
        d: f.Rd!,
        n: f.Rn!,
        m: f.Rm!,
        fmt,
        code,
        kind: K_PLAIN,
        lanes: 1,
        words: f.sz ? 2 : 1,
      };
    },
    exec: v3exec,
  });
}

const THREE_SAME = [
  v3Vector('FMAXNM_v', 0, 0, '11000', OP_MAXNM, K_PLAIN),
  v3Vector('FMLA_v', 0, 0, '11001', 0, K_FMLA),
  v3Vector('FADD_v', 0, 0, '11010', OP_ADD, K_PLAIN),
  v3Vector('FMULX_v', 0, 0, '11011', OP_MULX, K_PLAIN),
  v3Vector('FCMEQ_v', 0, 0, '11100', OP_CMEQ, K_PLAIN),
  v3Vector('FMAX_v', 0, 0, '11110', OP_MAX, K_PLAIN),
  v3Vector('FRECPS_v', 0, 0, '11111', OP_RECPS, K_PLAIN),
  v3Vector('FMINNM_v', 0, 1, '11000', OP_MINNM, K_PLAIN),
  v3Vector('FMLS_v', 0, 1, '11001', 0, K_FMLS),
  v3Vector('FSUB_v', 0, 1, '11010', OP_SUB, K_PLAIN),
  v3Vector('FMIN_v', 0, 1, '11110', OP_MIN, K_PLAIN),
  v3Vector('FRSQRTS_v', 0, 1, '11111', OP_RSQRTS, K_PLAIN),
  v3Vector('FMAXNMP_v', 1, 0, '11000', OP_MAXNM, K_PAIR),
  v3Vector('FADDP_v', 1, 0, '11010', OP_ADD, K_PAIR),
  v3Vector('FMUL_v', 1, 0, '11011', OP_MUL, K_PLAIN),
  v3Vector('FCMGE_v', 1, 0, '11100', OP_CMGE, K_PLAIN),
  v3Vector('FACGE_v', 1, 0, '11101', OP_ACGE, K_PLAIN),
  v3Vector('FMAXP_v', 1, 0, '11110', OP_MAX, K_PAIR),
  v3Vector('FDIV_v', 1, 0, '11111', OP_DIV, K_PLAIN),
  v3Vector('FMINNMP_v', 1, 1, '11000', OP_MINNM, K_PAIR),
  v3Vector('FABD_v', 1, 1, '11010', OP_ABD, K_PLAIN),
  v3Vector('FCMGT_v', 1, 1, '11100', OP_CMGT, K_PLAIN),
  v3Vector('FACGT_v', 1, 1, '11101', OP_ACGT, K_PLAIN),
  v3Vector('FMINP_v', 1, 1, '11110', OP_MIN, K_PAIR),
  v3Scalar('FMULX_s', 0, 0, '11011', OP_MULX),
  v3Scalar('FCMEQ_s', 0, 0, '11100', OP_CMEQ),
  v3Scalar('FRECPS_s', 0, 0, '11111', OP_RECPS),
  v3Scalar('FRSQRTS_s', 0, 1, '11111', OP_RSQRTS),
  v3Scalar('FCMGE_s', 1, 0, '11100', OP_CMGE),
  v3Scalar('FACGE_s', 1, 0, '11101', OP_ACGE),
  v3Scalar('FABD_s', 1, 1, '11010', OP_ABD),
  v3Scalar('FCMGT_s', 1, 1, '11100', OP_CMGT),
  v3Scalar('FACGT_s', 1, 1, '11101', OP_ACGT),
];

// ---- two-register misc (vector and scalar) --------------------------------------------------

const M_RINT = 0;
const M_RINTX = 1;
const M_TOINT = 2;
const M_FROMINT = 3;
const M_CMP0 = 4;
const M_ABS = 5;
const M_NEG = 6;
const M_SQRT = 7;
const M_RECPE = 8;
const M_RSQRTE = 9;
const M_RECPX = 10;
const M_RINTN = 11;

interface V2Op {
  d: number;
  n: number;
  fmt: number;
  kind: number;
  /** rounding mode (-1 FPCR) / compare code / signedness / fixed-point bits */
  mode: number;
  code: number;
  unsigned: boolean;
  fbits: number;
  lanes: number;
  words: number;
}

function v2exec(cpu: Cpu, op: V2Op): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const bn = op.n * st.stride;
  const dbl = op.fmt === FMT_D;
  const w = dbl ? 2 : 1;
  for (let i = 0; i < op.lanes; i++) {
    const o = i * w;
    const lo = z[bn + o]!;
    const hi = dbl ? z[bn + o + 1]! : 0;
    switch (op.kind) {
      case M_RINT:
        rintop(op.fmt, lo, hi, op.mode, false);
        break;
      case M_RINTX:
        rintop(op.fmt, lo, hi, op.mode, true);
        break;
      case M_TOINT:
        toIntOp(op.fmt, lo, hi, op.fbits, op.mode, op.unsigned, dbl);
        break;
      case M_FROMINT:
        fromIntOp(op.fmt, lo, hi, op.fbits, op.unsigned, dbl);
        break;
      case M_CMP0:
        // FCMGT/FCMGE/FCMEQ against zero, and FCMLE/FCMLT as the swapped compares
        if (op.code < 0) binop(-op.code, op.fmt, 0, 0, lo, hi);
        else binop(op.code, op.fmt, lo, hi, 0, 0);
        break;
      case M_ABS:
        R[0] = dbl ? lo : lo & 0x7fffffff;
        R[1] = dbl ? hi & 0x7fffffff : 0;
        break;
      case M_NEG:
        R[0] = dbl ? lo : lo ^ 0x80000000;
        R[1] = dbl ? hi ^ 0x80000000 : 0;
        break;
      case M_SQRT:
        sqrtop(op.fmt, lo, hi);
        break;
      case M_RECPE:
        recpeOp(op.fmt, lo, hi);
        break;
      case M_RSQRTE:
        rsqrteOp(op.fmt, lo, hi);
        break;
      case M_RINTN:
        rintNop(op.fmt, lo, hi, op.mode, op.fbits);
        break;
      default:
        recpxOp(op.fmt, lo, hi);
        break;
    }
    OUT[o] = R[0]!;
    if (dbl) OUT[o + 1] = R[1]!;
  }
  finish(st, op.d, op.words);
}

interface MiscDef {
  name: string;
  u: number;
  a: number;
  opcode: string;
  kind: number;
  mode?: number;
  code?: number;
  unsigned?: boolean;
  /** has a scalar form (bit 28 set), and/or a vector form */
  scalar?: boolean;
  vector?: boolean;
  feature?: string;
  /** FRINT32/64: the integer size */
  intsize?: number;
}

const MISC: MiscDef[] = [
  { name: 'FRINTN', u: 0, a: 0, opcode: '11000', kind: M_RINT, mode: 0, vector: true },
  { name: 'FRINTM', u: 0, a: 0, opcode: '11001', kind: M_RINT, mode: 2, vector: true },
  {
    name: 'FCVTNS',
    u: 0,
    a: 0,
    opcode: '11010',
    kind: M_TOINT,
    mode: 0,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCVTMS',
    u: 0,
    a: 0,
    opcode: '11011',
    kind: M_TOINT,
    mode: 2,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCVTAS',
    u: 0,
    a: 0,
    opcode: '11100',
    kind: M_TOINT,
    mode: RM_TIEAWAY,
    scalar: true,
    vector: true,
  },
  { name: 'SCVTF', u: 0, a: 0, opcode: '11101', kind: M_FROMINT, scalar: true, vector: true },
  {
    name: 'FCMGT0',
    u: 0,
    a: 1,
    opcode: '01100',
    kind: M_CMP0,
    code: OP_CMGT,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCMEQ0',
    u: 0,
    a: 1,
    opcode: '01101',
    kind: M_CMP0,
    code: OP_CMEQ,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCMLT0',
    u: 0,
    a: 1,
    opcode: '01110',
    kind: M_CMP0,
    code: -OP_CMGT,
    scalar: true,
    vector: true,
  },
  { name: 'FABS', u: 0, a: 1, opcode: '01111', kind: M_ABS, vector: true },
  { name: 'FRINTP', u: 0, a: 1, opcode: '11000', kind: M_RINT, mode: 1, vector: true },
  { name: 'FRINTZ', u: 0, a: 1, opcode: '11001', kind: M_RINT, mode: 3, vector: true },
  {
    name: 'FCVTPS',
    u: 0,
    a: 1,
    opcode: '11010',
    kind: M_TOINT,
    mode: 1,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCVTZS',
    u: 0,
    a: 1,
    opcode: '11011',
    kind: M_TOINT,
    mode: 3,
    scalar: true,
    vector: true,
  },
  { name: 'FRECPE', u: 0, a: 1, opcode: '11101', kind: M_RECPE, scalar: true, vector: true },
  { name: 'FRECPX', u: 0, a: 1, opcode: '11111', kind: M_RECPX, scalar: true },
  {
    name: 'FRINT32Z',
    u: 0,
    a: 0,
    opcode: '11110',
    kind: M_RINTN,
    mode: 3,
    intsize: 32,
    vector: true,
    feature: 'FEAT_FRINTTS',
  },
  {
    name: 'FRINT64Z',
    u: 0,
    a: 0,
    opcode: '11111',
    kind: M_RINTN,
    mode: 3,
    intsize: 64,
    vector: true,
    feature: 'FEAT_FRINTTS',
  },
  {
    name: 'FRINT32X',
    u: 1,
    a: 0,
    opcode: '11110',
    kind: M_RINTN,
    mode: -1,
    intsize: 32,
    vector: true,
    feature: 'FEAT_FRINTTS',
  },
  {
    name: 'FRINT64X',
    u: 1,
    a: 0,
    opcode: '11111',
    kind: M_RINTN,
    mode: -1,
    intsize: 64,
    vector: true,
    feature: 'FEAT_FRINTTS',
  },
  { name: 'FRINTA', u: 1, a: 0, opcode: '11000', kind: M_RINT, mode: RM_TIEAWAY, vector: true },
  { name: 'FRINTX', u: 1, a: 0, opcode: '11001', kind: M_RINTX, mode: -1, vector: true },
  {
    name: 'FCVTNU',
    u: 1,
    a: 0,
    opcode: '11010',
    kind: M_TOINT,
    mode: 0,
    unsigned: true,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCVTMU',
    u: 1,
    a: 0,
    opcode: '11011',
    kind: M_TOINT,
    mode: 2,
    unsigned: true,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCVTAU',
    u: 1,
    a: 0,
    opcode: '11100',
    kind: M_TOINT,
    mode: RM_TIEAWAY,
    unsigned: true,
    scalar: true,
    vector: true,
  },
  {
    name: 'UCVTF',
    u: 1,
    a: 0,
    opcode: '11101',
    kind: M_FROMINT,
    unsigned: true,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCMGE0',
    u: 1,
    a: 1,
    opcode: '01100',
    kind: M_CMP0,
    code: OP_CMGE,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCMLE0',
    u: 1,
    a: 1,
    opcode: '01101',
    kind: M_CMP0,
    code: -OP_CMGE,
    scalar: true,
    vector: true,
  },
  { name: 'FNEG', u: 1, a: 1, opcode: '01111', kind: M_NEG, vector: true },
  { name: 'FRINTI', u: 1, a: 1, opcode: '11001', kind: M_RINT, mode: -1, vector: true },
  { name: 'FSQRT', u: 1, a: 1, opcode: '11111', kind: M_SQRT, vector: true },
  {
    name: 'FCVTPU',
    u: 1,
    a: 1,
    opcode: '11010',
    kind: M_TOINT,
    mode: 1,
    unsigned: true,
    scalar: true,
    vector: true,
  },
  {
    name: 'FCVTZU',
    u: 1,
    a: 1,
    opcode: '11011',
    kind: M_TOINT,
    mode: 3,
    unsigned: true,
    scalar: true,
    vector: true,
  },
  { name: 'FRSQRTE', u: 1, a: 1, opcode: '11101', kind: M_RSQRTE, scalar: true, vector: true },
];

function miscOp(def: MiscDef, f: Fields, lanes: number, words: number): V2Op {
  return {
    d: f.Rd!,
    n: f.Rn!,
    fmt: f.sz ? FMT_D : FMT_S,
    kind: def.kind,
    mode: def.mode ?? -1,
    code: def.code ?? 0,
    unsigned: def.unsigned ?? false,
    fbits: def.intsize ?? 0,
    lanes,
    words,
  };
}

const TWO_MISC: InsnPattern<V2Op>[] = [];
for (const def of MISC) {
  if (def.vector)
    TWO_MISC.push(
      pattern<V2Op>({
        name: `${def.name}_v`,
        ...(def.feature ? { feature: def.feature } : {}),
        pattern: `0 Q:1 ${def.u} 01110 ${def.a} sz:1 10000 ${def.opcode} 10 Rn:5 Rd:5`,
        decode(f: Fields) {
          if (f.sz === 1 && f.Q === 0) return null;
          return miscOp(def, f, f.sz ? 2 : f.Q ? 4 : 2, f.Q ? 4 : 2);
        },
        exec: v2exec,
      }),
    );
  if (def.scalar)
    TWO_MISC.push(
      pattern<V2Op>({
        name: `${def.name}_s`,
        pattern: `01 ${def.u} 11110 ${def.a} sz:1 10000 ${def.opcode} 10 Rn:5 Rd:5`,
        decode: (f: Fields) => miscOp(def, f, 1, f.sz ? 2 : 1),
        exec: v2exec,
      }),
    );
}

// ---- FCVTN/FCVTXN/FCVTL (narrowing and widening) --------------------------------------------

interface NarrowOp {
  d: number;
  n: number;
  /** source/destination format */
  from: number;
  to: number;
  /** upper-half form (…2): writes the high 64 bits and keeps the low */
  upper: boolean;
  odd: boolean;
  scalar: boolean;
}

function narrowExec(cpu: Cpu, op: NarrowOp): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const bn = op.n * st.stride;
  const bd = op.d * st.stride;
  const save = op.odd ? setOdd() : 0;
  if (op.to === FMT_S) {
    // 2D → 2S (FCVTN/FCVTXN) or scalar FCVTXN
    const lanes = op.scalar ? 1 : 2;
    for (let i = 0; i < lanes; i++) {
      cvtop(FMT_D, FMT_S, z[bn + 2 * i]!, z[bn + 2 * i + 1]!);
      OUT[i] = R[0]!;
    }
    if (op.odd) restoreMode(save);
    fpEnd(st);
    if (op.scalar) st.writeD(op.d, OUT[0]!, 0);
    else if (op.upper) st.writeV(op.d, z[bd]!, z[bd + 1]!, OUT[0]!, OUT[1]!);
    else st.writeD(op.d, OUT[0]!, OUT[1]!);
    return;
  }
  // 4S → 4H
  for (let i = 0; i < 4; i++) {
    cvtop(FMT_S, FMT_H, z[bn + i]!, 0);
    OUT[i] = R[0]! & 0xffff;
  }
  fpEnd(st);
  const w0 = OUT[0]! | (OUT[1]! << 16);
  const w1 = OUT[2]! | (OUT[3]! << 16);
  if (op.upper) st.writeV(op.d, z[bd]!, z[bd + 1]!, w0, w1);
  else st.writeD(op.d, w0, w1);
}

function setOdd(): number {
  const m = ctl.mode;
  ctl.mode = RM_ODD;
  return m;
}

function restoreMode(m: number): void {
  ctl.mode = m;
}

function longExec(cpu: Cpu, op: NarrowOp): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const bn = op.n * st.stride + (op.upper ? 2 : 0);
  if (op.to === FMT_D) {
    for (let i = 0; i < 2; i++) {
      cvtop(FMT_S, FMT_D, z[bn + i]!, 0);
      OUT[2 * i] = R[0]!;
      OUT[2 * i + 1] = R[1]!;
    }
  } else {
    for (let i = 0; i < 4; i++) {
      const h = (z[bn + (i >> 1)]! >>> (16 * (i & 1))) & 0xffff;
      cvtop(FMT_H, FMT_S, h, 0);
      OUT[i] = R[0]!;
    }
  }
  finish(st, op.d, 4);
}

const NARROW = [
  pattern<NarrowOp>({
    name: 'FCVTN',
    pattern: '0 Q:1 0 01110 0 sz:1 10000 10110 10 Rn:5 Rd:5',
    decode: (f: Fields) => ({
      d: f.Rd!,
      n: f.Rn!,
      from: f.sz ? FMT_D : FMT_S,
      to: f.sz ? FMT_S : FMT_H,
      upper: f.Q === 1,
      odd: false,
      scalar: false,
    }),
    exec: narrowExec,
  }),
  pattern<NarrowOp>({
    name: 'FCVTXN_v',
    pattern: '0 Q:1 1 01110 0 1 10000 10110 10 Rn:5 Rd:5',
    decode: (f: Fields) => ({
      d: f.Rd!,
      n: f.Rn!,
      from: FMT_D,
      to: FMT_S,
      upper: f.Q === 1,
      odd: true,
      scalar: false,
    }),
    exec: narrowExec,
  }),
  pattern<NarrowOp>({
    name: 'FCVTXN_s',
    pattern: '01 1 11110 0 1 10000 10110 10 Rn:5 Rd:5',
    decode: (f: Fields) => ({
      d: f.Rd!,
      n: f.Rn!,
      from: FMT_D,
      to: FMT_S,
      upper: false,
      odd: true,
      scalar: true,
    }),
    exec: narrowExec,
  }),
  pattern<NarrowOp>({
    name: 'FCVTL',
    pattern: '0 Q:1 0 01110 0 sz:1 10000 10111 10 Rn:5 Rd:5',
    decode: (f: Fields) => ({
      d: f.Rd!,
      n: f.Rn!,
      from: f.sz ? FMT_S : FMT_H,
      to: f.sz ? FMT_D : FMT_S,
      upper: f.Q === 1,
      odd: false,
      scalar: false,
    }),
    exec: longExec,
  }),
];

// ---- across lanes and scalar pairwise -------------------------------------------------------

interface RedOp {
  d: number;
  n: number;
  fmt: number;
  code: number;
}

/** FMAXNMV/FMINNMV/FMAXV/FMINV (4S only): op(op(e0,e1), op(e2,e3)). */
function acrossExec(cpu: Cpu, op: RedOp): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const b = op.n * st.stride;
  binop(op.code, FMT_S, z[b]!, 0, z[b + 1]!, 0);
  const x = R[0]!;
  binop(op.code, FMT_S, z[b + 2]!, 0, z[b + 3]!, 0);
  binop(op.code, FMT_S, x, 0, R[0]!, 0);
  fpEnd(st);
  st.writeD(op.d, R[0]!, 0);
}

function pairExec(cpu: Cpu, op: RedOp): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const b = op.n * st.stride;
  if (op.fmt === FMT_D) binop(op.code, FMT_D, z[b]!, z[b + 1]!, z[b + 2]!, z[b + 3]!);
  else binop(op.code, FMT_S, z[b]!, 0, z[b + 1]!, 0);
  fpEnd(st);
  st.writeD(op.d, R[0]!, R[1]!);
}

function across(name: string, a: number, opcode: string, code: number) {
  return pattern<RedOp>({
    name,
    pattern: `0 1 1 01110 ${a} 0 11000 ${opcode} 10 Rn:5 Rd:5`,
    decode: (f: Fields) => ({ d: f.Rd!, n: f.Rn!, fmt: FMT_S, code }),
    exec: acrossExec,
  });
}

function pairwise(name: string, a: number, opcode: string, code: number) {
  return pattern<RedOp>({
    name,
    pattern: `01 1 11110 ${a} sz:1 11000 ${opcode} 10 Rn:5 Rd:5`,
    decode: (f: Fields) => ({ d: f.Rd!, n: f.Rn!, fmt: f.sz ? FMT_D : FMT_S, code }),
    exec: pairExec,
  });
}

const REDUCE = [
  across('FMAXNMV', 0, '01100', OP_MAXNM),
  across('FMINNMV', 1, '01100', OP_MINNM),
  across('FMAXV', 0, '01111', OP_MAX),
  across('FMINV', 1, '01111', OP_MIN),
  pairwise('FMAXNMP_s', 0, '01100', OP_MAXNM),
  pairwise('FMINNMP_s', 1, '01100', OP_MINNM),
  pairwise('FADDP_s', 0, '01101', OP_ADD),
  pairwise('FMAXP_s', 0, '01111', OP_MAX),
  pairwise('FMINP_s', 1, '01111', OP_MIN),
];

// ---- by element -----------------------------------------------------------------------------

interface ElemOp {
  d: number;
  n: number;
  /** word offset of the element inside Vm, and Vm */
  m: number;
  eo: number;
  fmt: number;
  /** 0 FMLA, 1 FMLS, 2 FMUL, 3 FMULX */
  kind: number;
  lanes: number;
  words: number;
}

function elemExec(cpu: Cpu, op: ElemOp): void {
  checkFpAccess(cpu);
  const st = fpState(cpu);
  fpBegin(st);
  const z = st.z;
  const s = st.stride;
  const bn = op.n * s;
  const bd = op.d * s;
  const be = op.m * s + op.eo;
  const dbl = op.fmt === FMT_D;
  const w = dbl ? 2 : 1;
  const elo = z[be]!;
  const ehi = dbl ? z[be + 1]! : 0;
  for (let i = 0; i < op.lanes; i++) {
    const o = i * w;
    let alo = z[bn + o]!;
    let ahi = dbl ? z[bn + o + 1]! : 0;
    if (op.kind <= 1) {
      if (op.kind === 1) {
        if (dbl) ahi ^= 0x80000000;
        else alo ^= 0x80000000;
      }
      fmaop(op.fmt, z[bd + o]!, dbl ? z[bd + o + 1]! : 0, alo, ahi, elo, ehi);
    } else binop(op.kind === 2 ? OP_MUL : OP_MULX, op.fmt, alo, ahi, elo, ehi);
    OUT[o] = R[0]!;
    if (dbl) OUT[o + 1] = R[1]!;
  }
  finish(st, op.d, op.words);
}

function elemDecode(f: Fields, kind: number, scalar: boolean): ElemOp | null {
  const dbl = f.sz === 1;
  if (dbl && (f.L === 1 || (!scalar && f.Q === 0))) return null;
  const idx = dbl ? f.H! : (f.H! << 1) | f.L!;
  const words = scalar ? (dbl ? 2 : 1) : f.Q ? 4 : 2;
  const lanes = scalar ? 1 : dbl ? 2 : f.Q ? 4 : 2;
  return {
    d: f.Rd!,
    n: f.Rn!,
    m: (f.M! << 4) | f.Rm!,
    eo: dbl ? 2 * idx : idx,
    fmt: dbl ? FMT_D : FMT_S,
    kind,
    lanes,
    words,
  };
}

function byElem(name: string, u: number, opcode: string, kind: number, scalar: boolean) {
  return pattern<ElemOp>({
    name,
    pattern: scalar
      ? `01 ${u} 11111 1 sz:1 L:1 M:1 Rm:4 ${opcode} H:1 0 Rn:5 Rd:5`
      : `0 Q:1 ${u} 01111 1 sz:1 L:1 M:1 Rm:4 ${opcode} H:1 0 Rn:5 Rd:5`,
    decode: (f: Fields) => elemDecode(f, kind, scalar),
    exec: elemExec,
  });
}

const BY_ELEMENT = [
  byElem('FMLA_elem_v', 0, '0001', 0, false),
  byElem('FMLS_elem_v', 0, '0101', 1, false),
  byElem('FMUL_elem_v', 0, '1001', 2, false),
  byElem('FMULX_elem_v', 1, '1001', 3, false),
  byElem('FMLA_elem_s', 0, '0001', 0, true),
  byElem('FMLS_elem_s', 0, '0101', 1, true),
  byElem('FMUL_elem_s', 0, '1001', 2, true),
  byElem('FMULX_elem_s', 1, '1001', 3, true),
];

// ---- fixed-point conversions (shift by immediate) -------------------------------------------

function fixDecode(f: Fields, kind: number, scalar: boolean): V2Op | null {
  const immh = f.immh!;
  let fmt: number;
  let fbits: number;
  if (immh & 8) {
    fmt = FMT_D;
    fbits = 128 - ((immh << 3) | f.immb!);
    if (!scalar && f.Q === 0) return null;
  } else if (immh & 4) {
    fmt = FMT_S;
    fbits = 64 - ((immh << 3) | f.immb!);
  } else return null; // half precision (FEAT_FP16) or other groups
  const dbl = fmt === FMT_D;
  return {
    d: f.Rd!,
    n: f.Rn!,
    fmt,
    kind,
    mode: 3,
    code: 0,
    unsigned: f.U === 1,
    fbits,
    lanes: scalar ? 1 : dbl ? 2 : f.Q ? 4 : 2,
    words: scalar ? (dbl ? 2 : 1) : f.Q ? 4 : 2,
  };
}

/** immh ≥ 0100 is fixed in the patterns (immh = 1xxx or 01xx) so they never overlap others. */
const FIXED: InsnPattern<V2Op>[] = [];
for (const top of ['1', '01']) {
  const rest = top === '1' ? 'ih:3' : 'ih:2';
  const immhOf = (f: Fields): number => (top === '1' ? 8 | f.ih! : 4 | f.ih!);
  for (const [name, opcode, kind] of [
    ['CVTF_fix', '11100', M_FROMINT],
    ['FCVTZ_fix', '11111', M_TOINT],
  ] as const) {
    FIXED.push(
      pattern<V2Op>({
        name: `${name}_v${top}`,
        pattern: `0 Q:1 U:1 011110 ${top} ${rest} immb:3 ${opcode} 1 Rn:5 Rd:5`,
        decode: (f: Fields) => fixDecode({ ...f, immh: immhOf(f) }, kind, false),
        exec: v2exec,
      }),
      pattern<V2Op>({
        name: `${name}_s${top}`,
        pattern: `01 U:1 111110 ${top} ${rest} immb:3 ${opcode} 1 Rn:5 Rd:5`,
        decode: (f: Fields) => fixDecode({ ...f, immh: immhOf(f) }, kind, true),
        exec: v2exec,
      }),
    );
  }
}

export const simdFpPatterns = [
  ...THREE_SAME,
  ...TWO_MISC,
  ...NARROW,
  ...REDUCE,
  ...BY_ELEMENT,
  ...FIXED,
] as unknown as InsnPattern<never>[];
