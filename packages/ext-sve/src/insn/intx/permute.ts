import { pattern, rz, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { active, arr, views, type Views } from '../elements.js';
import { SCRATCH8, INTERLEAVE_NAMES, interleaveSource, prep } from './common.js';

/**
 * Vector permutes: ZIP1/2, UZP1/2, TRN1/2, REV, TBL, EXT, SPLICE, SUNPKLO/HI, UUNPKLO/HI,
 * COMPACT, INSR (general and SIMD&FP scalar). Results are built in a scratch buffer and then
 * copied, since the sources may be the destination.
 */

const S16 = new Uint16Array(SCRATCH8.buffer);
const S32 = new Int32Array(SCRATCH8.buffer);

/** Copies `nbytes` (a multiple of 16) scratch bytes to word offset `dw` of the Z file. */
function flush(z: Int32Array, dw: number, nbytes: number): void {
  for (let i = 0; i < nbytes >> 2; i++) z[dw + i] = S32[i]!;
}

/** Scratch element `dst` = element `src` of the register at byte offset `sb` (es bytes). */
function put(V: Views, dst: number, sb: number, src: number, es: number): void {
  if (es >= 4) {
    const w = es >> 2;
    const o = dst * w;
    const s = (sb >> 2) + src * w;
    S32[o] = V.i32[s]!;
    if (w === 2) S32[o + 1] = V.i32[s + 1]!;
  } else if (es === 2) S16[dst] = V.u16[(sb >> 1) + src]!;
  else SCRATCH8[dst] = V.u8[sb + src]!;
}

interface PermOp {
  d: number;
  n: number;
  m: number;
  g: number;
  esz: number;
  op: number;
  /** EXT: the byte position */
  imm: number;
}

function interleave(cpu: Cpu, o: PermOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const V = views(fp.z);
  const vlb = 16 * q;
  const es = 1 << o.esz;
  const count = vlb >> o.esz;
  const nb = o.n * fp.stride * 4;
  const mb = o.m * fp.stride * 4;
  for (let e = 0; e < count; e++) {
    const j = interleaveSource(o.op, e, count);
    if (j < count) put(V, e, nb, j, es);
    else put(V, e, mb, j - count, es);
  }
  flush(fp.z, o.d * fp.stride, vlb);
}

const interleaving = INTERLEAVE_NAMES.map((name, op) =>
  pattern<PermOp>({
    name: `${name}_z`,
    pattern: `00000101 esz:2 1 Zm:5 011 ${(op >> 2) & 1}${(op >> 1) & 1}${op & 1} Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ d: f.Zd!, n: f.Zn!, m: f.Zm!, g: -1, esz: f.esz!, op, imm: 0 }),
    exec: interleave,
  }),
);

const revV = pattern<PermOp>({
  name: 'REV_z',
  pattern: '00000101 esz:2 1 11000 001110 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zd!, n: f.Zn!, m: 0, g: -1, esz: f.esz!, op: 0, imm: 0 }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const V = views(fp.z);
    const es = 1 << o.esz;
    const count = (16 * q) >> o.esz;
    const nb = o.n * fp.stride * 4;
    for (let e = 0; e < count; e++) put(V, e, nb, count - 1 - e, es);
    flush(fp.z, o.d * fp.stride, 16 * q);
  },
});

const tbl = pattern<PermOp>({
  name: 'TBL_z',
  pattern: '00000101 esz:2 1 Zm:5 001100 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zd!, n: f.Zn!, m: f.Zm!, g: -1, esz: f.esz!, op: 0, imm: 0 }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const V = views(fp.z);
    const esz = o.esz;
    const es = 1 << esz;
    const vlb = 16 * q;
    const count = vlb >> esz;
    const nb = o.n * fp.stride * 4;
    SCRATCH8.fill(0, 0, vlb);
    if (esz < 3) {
      const A = arr(V, esz);
      const mb = o.m * fp.stride * (4 >> esz);
      for (let e = 0; e < count; e++) {
        const i = esz === 2 ? A[mb + e]! >>> 0 : A[mb + e]!;
        if (i < count) put(V, e, nb, i, es);
      }
    } else {
      const z = fp.z;
      const mw = o.m * fp.stride;
      for (let e = 0; e < count; e++) {
        const i = z[mw + 2 * e]! >>> 0;
        if (z[mw + 2 * e + 1] === 0 && i < count) put(V, e, nb, i, 8);
      }
    }
    flush(fp.z, o.d * fp.stride, vlb);
  },
});

const ext = pattern<PermOp>({
  name: 'EXT_z',
  pattern: '00000101 001 hi:5 000 lo:3 Zm:5 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({
    d: f.Zdn!,
    n: f.Zdn!,
    m: f.Zm!,
    g: -1,
    esz: 0,
    op: 0,
    imm: (f.hi! << 3) | f.lo!,
  }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const U = views(fp.z).u8;
    const vlb = 16 * q;
    const pos = o.imm >= vlb ? 0 : o.imm;
    const nb = o.n * fp.stride * 4;
    const mb = o.m * fp.stride * 4;
    for (let i = 0; i < vlb; i++) {
      const j = i + pos;
      SCRATCH8[i] = j < vlb ? U[nb + j]! : U[mb + j - vlb]!;
    }
    flush(fp.z, o.d * fp.stride, vlb);
  },
});

const splice = pattern<PermOp>({
  name: 'SPLICE_z',
  pattern: '00000101 esz:2 101100 100 Pg:3 Zm:5 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zdn!, n: f.Zdn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, op: 0, imm: 0 }),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const st = sveState(cpu);
    const V = views(fp.z);
    const esz = o.esz;
    const es = 1 << esz;
    const vlb = 16 * q;
    const count = vlb >> esz;
    const pb = o.g * st.maxVq;
    let first = -1;
    let last = -1;
    for (let e = 0; e < count; e++) {
      if (active(st.p, pb, e, esz)) {
        if (first < 0) first = e;
        last = e;
      }
    }
    const nb = o.n * fp.stride * 4;
    const mb = o.m * fp.stride * 4;
    let x = 0;
    if (last >= 0) for (let e = first; e <= last; e++) put(V, x++, nb, e, es);
    for (let e = 0; x < count; e++) put(V, x++, mb, e, es);
    flush(fp.z, o.d * fp.stride, vlb);
  },
});

/** op bit 0: unsigned, bit 1: high half. */
const unpk = pattern<PermOp>({
  name: 'UNPK_z',
  pattern: '00000101 esz:2 1100 u:1 h:1 001110 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) =>
    f.esz === 0
      ? null
      : { d: f.Zd!, n: f.Zn!, m: 0, g: -1, esz: f.esz!, op: f.u! | (f.h! << 1), imm: 0 },
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const V = views(fp.z);
    const U = V.u8;
    const vlb = 16 * q;
    const esz = o.esz;
    const count = vlb >> esz;
    const u = (o.op & 1) !== 0;
    const base = o.op & 2 ? count : 0;
    const nb = o.n * fp.stride * 4;
    for (let i = 0; i < vlb; i++) SCRATCH8[i] = U[nb + i]!;
    if (esz === 3) {
      const z = fp.z;
      const d = o.d * fp.stride;
      for (let e = 0; e < count; e++) {
        const v = S32[base + e]!;
        z[d + 2 * e] = v;
        z[d + 2 * e + 1] = u ? 0 : v >> 31;
      }
    } else {
      const A = arr(V, esz);
      const d = o.d * fp.stride * (4 >> esz);
      for (let e = 0; e < count; e++) {
        if (esz === 1) {
          const v = SCRATCH8[base + e]!;
          A[d + e] = u ? v : (v << 24) >> 24;
        } else {
          const v = S16[base + e]!;
          A[d + e] = u ? v : (v << 16) >> 16;
        }
      }
    }
  },
});

const compact = pattern<PermOp>({
  name: 'COMPACT_z',
  pattern: '00000101 esz:2 100001 100 Pg:3 Zn:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) =>
    f.esz! < 2 ? null : { d: f.Zd!, n: f.Zn!, m: 0, g: f.Pg!, esz: f.esz!, op: 0, imm: 0 },
  exec: (cpu, o) => {
    const q = prep(cpu);
    const fp = fpState(cpu);
    const st = sveState(cpu);
    const V = views(fp.z);
    const esz = o.esz;
    const es = 1 << esz;
    const vlb = 16 * q;
    const count = vlb >> esz;
    const pb = o.g * st.maxVq;
    const nb = o.n * fp.stride * 4;
    SCRATCH8.fill(0, 0, vlb);
    let x = 0;
    for (let e = 0; e < count; e++) if (active(st.p, pb, e, esz)) put(V, x++, nb, e, es);
    flush(fp.z, o.d * fp.stride, vlb);
  },
});

/** INSR: Zdn shifted up one element, the scalar (gpr index n, or V register n) in element 0. */
function insr(cpu: Cpu, o: PermOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const U = views(fp.z).u8;
  const es = 1 << o.esz;
  const vlb = 16 * q;
  const db = o.d * fp.stride * 4;
  let lo: number;
  let hi: number;
  if (o.op === 0) {
    lo = cpu.gpr[o.n]!;
    hi = cpu.gpr[o.n + 1]!;
  } else {
    lo = fp.z[o.n * fp.stride]!;
    hi = fp.z[o.n * fp.stride + 1]!;
  }
  U.copyWithin(db + es, db, db + vlb - es);
  for (let k = 0; k < es; k++) U[db + k] = (k < 4 ? lo >>> (8 * k) : hi >>> (8 * (k - 4))) & 0xff;
}

const insrR = pattern<PermOp>({
  name: 'INSR_r',
  pattern: '00000101 esz:2 1 00100 001110 Rm:5 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zdn!, n: rz(f.Rm!), m: 0, g: -1, esz: f.esz!, op: 0, imm: 0 }),
  exec: insr,
});

const insrV = pattern<PermOp>({
  name: 'INSR_v',
  pattern: '00000101 esz:2 1 10100 001110 Vm:5 Zdn:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Zdn!, n: f.Vm!, m: 0, g: -1, esz: f.esz!, op: 1, imm: 0 }),
  exec: insr,
});

export const permutePatterns = [
  ...interleaving,
  revV,
  tbl,
  ext,
  splice,
  unpk,
  compact,
  insrR,
  insrV,
];
