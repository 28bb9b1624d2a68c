import { pattern, rsp, rz, sext, type Cpu, type InsnPattern } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../state.js';
import { active, arr, views, ZH, zElem } from './elements.js';
import { prep } from './intx/common.js';
import { R, add64, mul64, sub64 } from './intx/i64.js';

/**
 * SVE integer vector basics (issue 5, part 2): DUP (scalar, immediate, indexed), INDEX (four
 * forms), ADD/SUB unpredicated, ADD/SUB/SUBR/MUL predicated (merging), ADD/SUB/SUBR/MUL
 * immediate, AND/ORR/EOR/BIC (vectors), MOVPRFX (unpredicated, zeroing, merging), SEL, CPY
 * (immediate, scalar, SIMD&FP scalar). Elements of 8/16/32 bits go through byte/halfword/word
 * views of the Z file (host little-endian, as the Z word layout already assumes); 64-bit
 * elements are word pairs.
 */

/** R = (ah:al) op (bh:bl) for op 0 add, 1 sub, 2 reversed sub, 3 mul (low 64 bits). */
function arith64(op: number, al: number, ah: number, bl: number, bh: number): void {
  if (op === 0) add64(al, ah, bl, bh);
  else if (op === 1) sub64(al, ah, bl, bh);
  else if (op === 2) sub64(bl, bh, al, ah);
  else mul64(al, ah, bl, bh);
}

function arith(op: number, a: number, b: number): number {
  switch (op) {
    case 0:
      return a + b;
    case 1:
      return a - b;
    case 2:
      return b - a;
    default:
      return Math.imul(a, b);
  }
}

interface ZOp {
  d: number;
  n: number;
  m: number;
  g: number;
  esz: number;
  op: number;
  /** Immediate value (low word) / merging flag / index, per instruction. */
  imm: number;
  immHi: number;
}

function z0(): ZOp {
  return { d: 0, n: 0, m: 0, g: 0, esz: 0, op: 0, imm: 0, immHi: 0 };
}

/** Zd = Zn op Zm (unpredicated) or Zdn = Pg ? Zdn op Zm : Zdn (g >= 0). */
function binExec(cpu: Cpu, o: ZOp, pred: boolean): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const stride = fp.stride;
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const st = pred ? sveState(cpu) : null;
  const p = st ? st.p : null;
  const pb = st ? o.g * st.maxVq : 0;
  if (esz < 3) {
    const A = arr(views(fp.z), esz);
    const per = 4 >> esz;
    const d = o.d * stride * per;
    const n = o.n * stride * per;
    const m = o.m * stride * per;
    for (let e = 0; e < count; e++) {
      if (p && !active(p, pb, e, esz)) continue;
      A[d + e] = arith(o.op, A[n + e]!, A[m + e]!);
    }
  } else {
    const z = fp.z;
    const d = o.d * stride;
    const n = o.n * stride;
    const m = o.m * stride;
    for (let e = 0; e < count; e++) {
      if (p && !active(p, pb, e, 3)) continue;
      const w = 2 * e;
      arith64(o.op, z[n + w]!, z[n + w + 1]!, z[m + w]!, z[m + w + 1]!);
      z[d + w] = R[0]!;
      z[d + w + 1] = R[1]!;
    }
  }
}

const ARITH_U = [
  [0, 'ADD_zzz'],
  [1, 'SUB_zzz'],
] as const;

const arithUnpred = ARITH_U.map(([op, name]) =>
  pattern<ZOp>({
    name,
    pattern: `00000100 esz:2 1 Zm:5 00000 ${op} Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...z0(), d: f.Zd!, n: f.Zn!, m: f.Zm!, esz: f.esz!, op }),
    exec: (cpu, o) => binExec(cpu, o, false),
  }),
);

const ARITH_P = [
  [0, 'ADD_zpzz', '000000'],
  [1, 'SUB_zpzz', '000001'],
  [2, 'SUBR_zpzz', '000011'],
  [3, 'MUL_zpzz', '010000'],
] as const;

const arithPred = ARITH_P.map(([op, name, bits]) =>
  pattern<ZOp>({
    name,
    pattern: `00000100 esz:2 ${bits} 000 Pg:3 Zm:5 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...z0(), d: f.Zdn!, n: f.Zdn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, op }),
    exec: (cpu, o) => binExec(cpu, o, true),
  }),
);

/** Writes the (imm, immHi) constant into element e of register base (esz units). */
function immArith(cpu: Cpu, o: ZOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const count = (16 * q) >> o.esz;
  if (o.esz < 3) {
    const A = arr(views(fp.z), o.esz);
    const d = o.d * fp.stride * (4 >> o.esz);
    for (let e = 0; e < count; e++) A[d + e] = arith(o.op, A[d + e]!, o.imm);
  } else {
    const z = fp.z;
    const d = o.d * fp.stride;
    for (let w = d; w < d + 2 * count; w += 2) {
      arith64(o.op, z[w]!, z[w + 1]!, o.imm, o.immHi);
      z[w] = R[0]!;
      z[w + 1] = R[1]!;
    }
  }
}

const ARITH_I = [
  [0, 'ADD_zzi', '100000'],
  [1, 'SUB_zzi', '100001'],
  [2, 'SUBR_zzi', '100011'],
] as const;

const arithImm = ARITH_I.map(([op, name, bits]) =>
  pattern<ZOp>({
    name,
    pattern: `00100101 esz:2 ${bits} 11 sh:1 imm8:8 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0 && f.sh === 1
        ? null
        : { ...z0(), d: f.Zdn!, esz: f.esz!, op, imm: f.imm8! << (f.sh! * 8), immHi: 0 },
    exec: immArith,
  }),
);

const mulImm = pattern<ZOp>({
  name: 'MUL_zzi',
  pattern: '00100101 esz:2 110000 110 imm8:8 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) => {
    const v = sext(f.imm8!, 8);
    return { ...z0(), d: f.Zdn!, esz: f.esz!, op: 3, imm: v, immHi: v < 0 ? -1 : 0 };
  },
  exec: immArith,
});

const LOGIC = ['AND_zzz', 'ORR_zzz', 'EOR_zzz', 'BIC_zzz'] as const;

const logical = LOGIC.map((name, op) =>
  pattern<ZOp>({
    name,
    pattern: `00000100 ${op >> 1}${op & 1} 1 Zm:5 001100 Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...z0(), d: f.Zd!, n: f.Zn!, m: f.Zm!, op }),
    exec: (cpu, o) => {
      const q = prep(cpu);
      const fp = fpState(cpu);
      const z = fp.z;
      const d = o.d * fp.stride;
      const n = o.n * fp.stride;
      const m = o.m * fp.stride;
      for (let w = 0; w < 4 * q; w++) {
        const a = z[n + w]!;
        const b = z[m + w]!;
        z[d + w] = o.op === 0 ? a & b : o.op === 1 ? a | b : o.op === 2 ? a ^ b : a & ~b;
      }
    },
  }),
);

/**
 * Writes (lo, hi) to every element of Zd, or with g >= 0 to the active elements (mode 1:
 * inactive kept, mode 0: inactive zeroed).
 */
export function fill(
  cpu: Cpu,
  q: number,
  d: number,
  esz: number,
  lo: number,
  hi: number,
  g: number,
  merge: boolean,
): void {
  const fp = fpState(cpu);
  const count = (16 * q) >> esz;
  const st = g >= 0 ? sveState(cpu) : null;
  const p = st ? st.p : null;
  const pb = st ? g * st.maxVq : 0;
  if (esz < 3) {
    const A = arr(views(fp.z), esz);
    const b = d * fp.stride * (4 >> esz);
    for (let e = 0; e < count; e++) {
      if (!p || active(p, pb, e, esz)) A[b + e] = lo;
      else if (!merge) A[b + e] = 0;
    }
  } else {
    const z = fp.z;
    const b = d * fp.stride;
    for (let e = 0; e < count; e++) {
      const w = b + 2 * e;
      if (!p || active(p, pb, e, 3)) {
        z[w] = lo;
        z[w + 1] = hi;
      } else if (!merge) {
        z[w] = 0;
        z[w + 1] = 0;
      }
    }
  }
}

const dupS = pattern<ZOp>({
  name: 'DUP_s',
  pattern: '00000101 esz:2 100000 001110 Rn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ ...z0(), d: f.Zd!, n: rsp(f.Rn!), esz: f.esz! }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    fill(cpu, q, o.d, o.esz, cpu.gpr[o.n]!, cpu.gpr[o.n + 1]!, -1, false);
  },
});

const dupI = pattern<ZOp>({
  name: 'DUP_i',
  pattern: '00100101 esz:2 111000 11 sh:1 imm8:8 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => {
    if (f.esz === 0 && f.sh === 1) return null;
    const v = sext(f.imm8!, 8) << (f.sh! * 8);
    return { ...z0(), d: f.Zd!, esz: f.esz!, imm: v, immHi: v < 0 ? -1 : 0 };
  },
  exec: (cpu, o) => {
    const q = prep(cpu);
    fill(cpu, q, o.d, o.esz, o.imm, o.immHi, -1, false);
  },
});

const dupX = pattern<ZOp>({
  name: 'DUP_x',
  pattern: '00000101 imm2:2 1 tsz:5 001000 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => {
    const tsz = f.tsz!;
    if (tsz === 0) return null;
    const esz = 31 - Math.clz32(tsz & -tsz);
    const index = ((f.imm2! << 5) | tsz) >> (esz + 1);
    return { ...z0(), d: f.Zd!, n: f.Zn!, esz, imm: index };
  },
  exec: (cpu, o) => {
    const q = prep(cpu);
    const count = (16 * q) >> o.esz;
    const fp = fpState(cpu);
    let lo = 0;
    let hi = 0;
    if (o.imm < count) {
      lo = zElem(fp.z, o.n * fp.stride, o.imm, o.esz);
      hi = ZH[0]!;
    }
    fill(cpu, q, o.d, o.esz, lo, hi, -1, false);
  },
});

/**
 * INDEX: element e = start + e × incr. `n`/`m` are gpr indices (op bit 0: start is Rn, bit 1:
 * incr is Rm), else `imm` (start) / `immHi` (incr) immediates.
 */
function indexExec(cpu: Cpu, o: ZOp): void {
  const q = prep(cpu);
  const g = cpu.gpr;
  let sl = o.imm;
  let sh = sl < 0 ? -1 : 0;
  let il = o.immHi;
  let ih = il < 0 ? -1 : 0;
  if (o.op & 1) {
    sl = g[o.n]!;
    sh = g[o.n + 1]!;
  }
  if (o.op & 2) {
    il = g[o.m]!;
    ih = g[o.m + 1]!;
  }
  const fp = fpState(cpu);
  const count = (16 * q) >> o.esz;
  if (o.esz < 3) {
    const A = arr(views(fp.z), o.esz);
    const b = o.d * fp.stride * (4 >> o.esz);
    for (let e = 0; e < count; e++) A[b + e] = (sl + Math.imul(e, il)) | 0;
  } else {
    const z = fp.z;
    const b = o.d * fp.stride;
    for (let e = 0; e < count; e++) {
      z[b + 2 * e] = sl;
      z[b + 2 * e + 1] = sh;
      arith64(0, sl, sh, il, ih);
      sl = R[0]!;
      sh = R[1]!;
    }
  }
}

const INDEX_FORMS = [
  ['INDEX_ii', '010000', 0],
  ['INDEX_ri', '010001', 1],
  ['INDEX_ir', '010010', 2],
  ['INDEX_rr', '010011', 3],
] as const;

const index = INDEX_FORMS.map(([name, bits, op]) =>
  pattern<ZOp>({
    name,
    pattern: `00000100 esz:2 1 b:5 ${bits} a:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({
      ...z0(),
      d: f.Zd!,
      esz: f.esz!,
      op,
      n: rz(f.a!),
      m: rz(f.b!),
      imm: sext(f.a!, 5),
      immHi: sext(f.b!, 5),
    }),
    exec: indexExec,
  }),
);

const movprfx = pattern<ZOp>({
  name: 'MOVPRFX_z',
  pattern: '0000010000100000101111 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ ...z0(), d: f.Zd!, n: f.Zn! }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const n = o.n * fp.stride;
    fp.z.copyWithin(o.d * fp.stride, n, n + 4 * q);
  },
});

/**
 * Per-element select into Zd: active elements from Zn, inactive from Zm (op 0), kept (op 1)
 * or zeroed (op 2). Safe for any aliasing (element-wise).
 */
function selExec(cpu: Cpu, o: ZOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const st = sveState(cpu);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const count = (16 * q) >> o.esz;
  if (o.esz < 3) {
    const A = arr(views(fp.z), o.esz);
    const per = fp.stride * (4 >> o.esz);
    const d = o.d * per;
    const n = o.n * per;
    const m = o.m * per;
    for (let e = 0; e < count; e++) {
      if (active(p, pb, e, o.esz)) A[d + e] = A[n + e]!;
      else if (o.op === 0) A[d + e] = A[m + e]!;
      else if (o.op === 2) A[d + e] = 0;
    }
  } else {
    const z = fp.z;
    const d = o.d * fp.stride;
    const n = o.n * fp.stride;
    const m = o.m * fp.stride;
    for (let w = 0; w < 2 * count; w += 2) {
      const src = active(p, pb, w >> 1, 3) ? n : o.op === 0 ? m : -1;
      if (src >= 0) {
        z[d + w] = z[src + w]!;
        z[d + w + 1] = z[src + w + 1]!;
      } else if (o.op === 2) {
        z[d + w] = 0;
        z[d + w + 1] = 0;
      }
    }
  }
}

const movprfxP = pattern<ZOp>({
  name: 'MOVPRFX_zpz',
  pattern: '00000100 esz:2 01000 M:1 001 Pg:3 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ ...z0(), d: f.Zd!, n: f.Zn!, g: f.Pg!, esz: f.esz!, op: f.M === 1 ? 1 : 2 }),
  exec: selExec,
});

const selZ = pattern<ZOp>({
  name: 'SEL_zpzz',
  pattern: '00000101 esz:2 1 Zm:5 11 Pg:4 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ ...z0(), d: f.Zd!, n: f.Zn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, op: 0 }),
  exec: selExec,
});

const cpyI = pattern<ZOp>({
  name: 'CPY_z_p_i',
  pattern: '00000101 esz:2 01 Pg:4 0 M:1 sh:1 imm8:8 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => {
    if (f.esz === 0 && f.sh === 1) return null;
    const v = sext(f.imm8!, 8) << (f.sh! * 8);
    return { ...z0(), d: f.Zd!, g: f.Pg!, esz: f.esz!, op: f.M!, imm: v, immHi: v < 0 ? -1 : 0 };
  },
  exec: (cpu, o) => {
    const q = prep(cpu);
    fill(cpu, q, o.d, o.esz, o.imm, o.immHi, o.g, o.op === 1);
  },
});

const cpyR = pattern<ZOp>({
  name: 'CPY_z_p_r',
  pattern: '00000101 esz:2 101000 101 Pg:3 Rn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ ...z0(), d: f.Zd!, n: rsp(f.Rn!), g: f.Pg!, esz: f.esz! }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    fill(cpu, q, o.d, o.esz, cpu.gpr[o.n]!, cpu.gpr[o.n + 1]!, o.g, true);
  },
});

const cpyV = pattern<ZOp>({
  name: 'CPY_z_p_v',
  pattern: '00000101 esz:2 100000 100 Pg:3 Vn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ ...z0(), d: f.Zd!, n: f.Vn!, g: f.Pg!, esz: f.esz! }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const b = o.n * fp.stride;
    let lo = fp.z[b]!;
    const hi = fp.z[b + 1]!;
    if (o.esz === 0) lo &= 0xff;
    else if (o.esz === 1) lo &= 0xffff;
    fill(cpu, q, o.d, o.esz, lo, hi, o.g, true);
  },
});

export const intPatterns: readonly InsnPattern<never>[] = [
  ...arithUnpred,
  ...arithPred,
  ...arithImm,
  mulImm,
  ...logical,
  dupS,
  dupI,
  dupX,
  ...index,
  movprfx,
  movprfxP,
  selZ,
  cpyI,
  cpyR,
  cpyV,
] as unknown as readonly InsnPattern<never>[];
