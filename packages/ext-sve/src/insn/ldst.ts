import { load, load64, pattern, rsp, rz, sext, store, store64, type Cpu } from '@hypsim/core';
import type { Fields, InsnPattern } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../state.js';
import { checkSveAccess } from '../traps.js';
import { syncVq } from '../vl.js';
import { DT_ESZ, DT_MSZ, DT_SIGNED } from './mem/common.js';

/**
 * SVE contiguous loads and stores (issue 5, part 3): LD1B/H/W/D, LD1SB/SH/SW and ST1B/H/W/D,
 * scalar plus immediate (× VL) and scalar plus scalar (Xm << msz). One element-sized data
 * access per active element through core's data-access layer (translation, alignment,
 * aborts). Loads collect the result in a scratch vector first, so a fault leaves Zt
 * unchanged; inactive elements load as zero. Stores write active elements in element order
 * (a fault leaves the earlier elements stored). Not modelled: the SP alignment check for an SP
 * base (core does not export checkSpAlignment).
 */

interface LdStOp {
  t: number;
  n: number;
  /** gpr index of Xm (scalar plus scalar), or -1 for the immediate form. */
  m: number;
  imm: number;
  g: number;
  msz: number;
  esz: number;
  signed: boolean;
}

/** Scratch vector for loads (2048 bits). */
const T = new Int32Array(64);
const T8 = new Uint8Array(T.buffer);
const T16 = new Uint16Array(T.buffer);

/** Start address (lo, hi) in A. */
const A = new Int32Array(2);

function startAddress(cpu: Cpu, op: LdStOp, q: number): void {
  const g = cpu.gpr;
  let off: number;
  let offHi: number;
  if (op.m < 0) {
    // imm × (elements × msize) = imm × (16q >> (esz - msz)) bytes
    off = op.imm * ((16 * q) >> (op.esz - op.msz));
    offHi = off < 0 ? -1 : 0;
  } else {
    const ml = g[op.m]! >>> 0;
    const mh = g[op.m + 1]!;
    const s = op.msz;
    off = s === 0 ? ml : (ml << s) >>> 0;
    offHi = s === 0 ? mh : (mh << s) | (ml >>> (32 - s));
    off = off | 0;
  }
  const s = (g[op.n]! >>> 0) + (off >>> 0);
  let hi = g[op.n + 1]! + offHi;
  if (s >= 4294967296) hi += 1;
  A[0] = s | 0;
  A[1] = hi | 0;
}

function ldExec(cpu: Cpu, op: LdStOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  startAddress(cpu, op, q);
  let lo = A[0]! >>> 0;
  let hi = A[1]!;
  const p = st.p;
  const pb = op.g * st.maxVq;
  const esz = op.esz;
  const msz = op.msz;
  const mbytes = 1 << msz;
  const count = (16 * q) >> esz;
  T.fill(0, 0, 4 * q);
  for (let e = 0; e < count; e++) {
    const bi = e << esz;
    if (((p[pb + (bi >> 4)]! >>> (bi & 15)) & 1) !== 0) {
      let v: number;
      let vh = 0;
      if (msz === 3) {
        v = load64(cpu, lo | 0, hi);
        vh = cpu.memHi;
      } else {
        v = load(cpu, lo | 0, hi, mbytes as 1 | 2 | 4);
        if (op.signed) v = sext(v, 8 << msz);
        vh = op.signed && v < 0 ? -1 : 0;
      }
      if (esz === 0) T8[e] = v;
      else if (esz === 1) T16[e] = v;
      else if (esz === 2) T[e] = v;
      else {
        T[2 * e] = v;
        T[2 * e + 1] = vh;
      }
    }
    lo += mbytes;
    if (lo >= 4294967296) {
      lo -= 4294967296;
      hi = (hi + 1) | 0;
    }
  }
  const fp = fpState(cpu);
  const z = fp.z;
  const zb = op.t * fp.stride;
  for (let w = 0; w < 4 * q; w++) z[zb + w] = T[w]!;
}

function stExec(cpu: Cpu, op: LdStOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  startAddress(cpu, op, q);
  let lo = A[0]! >>> 0;
  let hi = A[1]!;
  const p = st.p;
  const pb = op.g * st.maxVq;
  const esz = op.esz;
  const msz = op.msz;
  const mbytes = 1 << msz;
  const count = (16 * q) >> esz;
  const fp = fpState(cpu);
  const z = fp.z;
  const zb = op.t * fp.stride;
  for (let e = 0; e < count; e++) {
    const bi = e << esz;
    if (((p[pb + (bi >> 4)]! >>> (bi & 15)) & 1) !== 0) {
      if (msz === 3) store64(cpu, lo | 0, hi, z[zb + 2 * e]!, z[zb + 2 * e + 1]!);
      else {
        // element e's low msize bytes: byte offset e << esz in the register
        const byte = e << esz;
        const w = z[zb + (byte >> 2)]! >>> (8 * (byte & 3));
        store(cpu, lo | 0, hi, mbytes as 1 | 2 | 4, w);
      }
    }
    lo += mbytes;
    if (lo >= 4294967296) {
      lo -= 4294967296;
      hi = (hi + 1) | 0;
    }
  }
}

function ldstOp(
  f: Fields,
  m: number,
  imm: number,
  msz: number,
  esz: number,
  signed: boolean,
): LdStOp {
  return { t: f.Zt!, n: rsp(f.Rn!), m, imm, g: f.Pg!, msz, esz, signed };
}

/** The loads' decoded operation (dtype gives the sizes and the extension). */
function ldOp(f: Fields, m: number, imm: number): LdStOp {
  const d = f.dtype!;
  return ldstOp(f, m, imm, DT_MSZ[d]!, DT_ESZ[d]!, DT_SIGNED[d] === 1);
}

const ld1Imm = pattern<LdStOp>({
  name: 'LD1_zpri',
  pattern: '1010010 dtype:4 0 imm4:4 101 Pg:3 Rn:5 Zt:5',
  feature: 'FEAT_SVE',
  decode: (f) => ldOp(f, -1, sext(f.imm4!, 4)),
  exec: ldExec,
});

const ld1Reg = pattern<LdStOp>({
  name: 'LD1_zprr',
  pattern: '1010010 dtype:4 Rm:5 010 Pg:3 Rn:5 Zt:5',
  feature: 'FEAT_SVE',
  decode: (f) => (f.Rm === 31 ? null : ldOp(f, rz(f.Rm!), 0)),
  exec: ldExec,
});

const bits2 = (v: number): string => `${v >> 1}${v & 1}`;

const stPatterns: InsnPattern<LdStOp>[] = [];
for (let msz = 0; msz < 4; msz++) {
  for (let esz = msz; esz < 4; esz++) {
    const sz = `${bits2(msz)} ${bits2(esz)}`;
    stPatterns.push(
      pattern<LdStOp>({
        name: `ST1_zpri_${msz}${esz}`,
        pattern: `1110010 ${sz} 0 imm4:4 111 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => ldstOp(f, -1, sext(f.imm4!, 4), msz, esz, false),
        exec: stExec,
      }),
      pattern<LdStOp>({
        name: `ST1_zprr_${msz}${esz}`,
        pattern: `1110010 ${sz} Rm:5 010 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => (f.Rm === 31 ? null : ldstOp(f, rz(f.Rm!), 0, msz, esz, false)),
        exec: stExec,
      }),
    );
  }
}

export const ldstPatterns: readonly InsnPattern<never>[] = [
  ld1Imm,
  ld1Reg,
  ...stPatterns,
] as unknown as readonly InsnPattern<never>[];
