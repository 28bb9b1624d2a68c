import { pattern, rsp, type Cpu, type Fields, type InsnPattern } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { checkSveAccess } from '../../traps.js';
import { syncVq } from '../../vl.js';
import { active, ZH, zElem } from '../elements.js';
import {
  AD,
  add64,
  clearFfrFrom,
  commit,
  elemHi,
  ldElem,
  putT,
  stElem,
  T,
  wouldFault,
} from './common.js';

/**
 * SVE gather loads (LD1*, LDFF1*) and scatter stores (ST1*): scalar plus vector (32-bit
 * offsets extended by UXTW/SXTW — packed in 32-bit elements or unpacked in 64-bit ones — or
 * 64-bit offsets, each optionally scaled by the memory size) and vector plus immediate
 * (imm5 × msize). One access per active element, in element order, through core's
 * data-access layer; loads collect in scratch so a fault leaves Zt unchanged. First-fault
 * gathers: the first active element is an ordinary access, a later one that would fault, is
 * not to RAM or crosses a page (as QEMU treats it) clears FFR from that element on and
 * leaves the rest zero.
 */

/** Offset extension: 0 = UXTW, 1 = SXTW, 2 = 64-bit offsets. */
const XS_SXTW = 1;
const XS_64 = 2;

interface GOp {
  t: number;
  /** gpr index of Xn (scalar base) or Zn (vector base, vecBase). */
  n: number;
  vecBase: boolean;
  /** Zm of the offsets (scalar base). */
  m: number;
  imm: number;
  g: number;
  esz: number;
  msz: number;
  signed: boolean;
  ff: boolean;
  xs: number;
  scale: number;
}

/** Address of element e into AD. */
function elemAddress(cpu: Cpu, o: GOp, z: Int32Array, stride: number, e: number): void {
  const esz = o.esz;
  if (o.vecBase) {
    const lo = zElem(z, o.n * stride, e, esz);
    add64(lo, esz === 3 ? ZH[0]! : 0, o.imm, 0);
    return;
  }
  let lo = zElem(z, o.m * stride, e, esz);
  let hi = ZH[0]!;
  if (o.xs !== XS_64) hi = o.xs === XS_SXTW && lo < 0 ? -1 : 0;
  const s = o.scale;
  if (s !== 0) {
    hi = (hi << s) | (lo >>> (32 - s));
    lo <<= s;
  }
  const g = cpu.gpr;
  add64(g[o.n]!, g[o.n + 1]!, lo, hi);
}

function gatherExec(cpu: Cpu, o: GOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const msz = o.msz;
  const mbytes = 1 << msz;
  const count = (16 * q) >> esz;
  const fp = fpState(cpu);
  const z = fp.z;
  T.fill(0, 0, 64);
  let later = false;
  for (let e = 0; e < count; e++) {
    if (!active(p, pb, e, esz)) continue;
    elemAddress(cpu, o, z, fp.stride, e);
    if (later) {
      const lo = AD[0]!;
      if ((lo % 4096) + mbytes > 4096 || wouldFault(cpu, lo, AD[1]!, mbytes)) {
        clearFfrFrom(cpu, e << esz, q);
        break;
      }
    }
    putT(0, e, esz, ldElem(cpu, AD[0]!, AD[1]!, msz, o.signed), elemHi);
    later = o.ff;
  }
  commit(cpu, 0, o.t, q);
}

function scatterExec(cpu: Cpu, o: GOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const fp = fpState(cpu);
  const z = fp.z;
  const tb = o.t * fp.stride;
  for (let e = 0; e < count; e++) {
    if (!active(p, pb, e, esz)) continue;
    elemAddress(cpu, o, z, fp.stride, e);
    const lo = zElem(z, tb, e, esz);
    stElem(cpu, AD[0]!, AD[1]!, o.msz, lo, ZH[0]!);
  }
}

const P: InsnPattern<GOp>[] = [];
const b2 = (v: number): string => `${v >> 1}${v & 1}`;

function gop(f: Fields, o: Partial<GOp>): GOp {
  return {
    t: f.Zt!,
    n: f.Rn !== undefined ? rsp(f.Rn) : f.Zn!,
    vecBase: f.Rn === undefined,
    m: f.Zm ?? 0,
    imm: 0,
    g: f.Pg!,
    esz: 2,
    msz: 0,
    signed: false,
    ff: f.ff === 1,
    xs: f.xs ?? XS_64,
    scale: 0,
    ...o,
  };
}

/** Loads may sign-extend only into a wider element (u = 0 is unallocated when msz = esz). */
const ldOk = (esz: number, msz: number, u: number): boolean => msz < esz || u === 1;

for (let msz = 0; msz < 4; msz++) {
  const ms = b2(msz);
  // ---- 32-bit elements --------------------------------------------------------------------
  if (msz < 3) {
    // scalar plus 32-bit offsets (msz 0: unscaled only)
    const sc = msz === 0 ? '0' : 'sc:1';
    const u = msz === 2 ? '1' : 'u:1';
    P.push(
      pattern<GOp>({
        name: `LD1_zprz_s${msz}`,
        pattern: `1000010 ${ms} xs:1 ${sc} Zm:5 0 ${u} ff:1 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => gop(f, { esz: 2, msz, signed: msz < 2 && f.u === 0, scale: f.sc ? msz : 0 }),
        exec: gatherExec,
      }),
      pattern<GOp>({
        name: `LD1_zpiz_s${msz}`,
        pattern: `1000010 ${ms} 01 imm5:5 1 u:1 ff:1 Pg:3 Zn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) =>
          ldOk(2, msz, f.u!)
            ? gop(f, { esz: 2, msz, signed: f.u === 0, imm: f.imm5! << msz })
            : null,
        exec: gatherExec,
      }),
    );
  }
  // ---- 64-bit elements --------------------------------------------------------------------
  const sc = msz === 0 ? '0' : 'sc:1';
  const u = msz === 3 ? '1' : 'u:1';
  const sgn = (f: Fields): boolean => msz < 3 && f.u === 0;
  P.push(
    pattern<GOp>({
      name: `LD1_zprz_d32_${msz}`,
      pattern: `1100010 ${ms} xs:1 ${sc} Zm:5 0 ${u} ff:1 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: (f) => gop(f, { esz: 3, msz, signed: sgn(f), scale: f.sc ? msz : 0 }),
      exec: gatherExec,
    }),
    pattern<GOp>({
      name: `LD1_zprz_d64_${msz}`,
      pattern: `1100010 ${ms} 1 ${sc} Zm:5 1 ${u} ff:1 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: (f) => gop(f, { esz: 3, msz, signed: sgn(f), scale: f.sc ? msz : 0, xs: XS_64 }),
      exec: gatherExec,
    }),
    pattern<GOp>({
      name: `LD1_zpiz_d${msz}`,
      pattern: `1100010 ${ms} 01 imm5:5 1 ${u} ff:1 Pg:3 Zn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: (f) => gop(f, { esz: 3, msz, signed: sgn(f), imm: f.imm5! << msz }),
      exec: gatherExec,
    }),
  );

  // ---- scatters ---------------------------------------------------------------------------
  const st = (f: Fields, o: Partial<GOp>): GOp => gop(f, { msz, ff: false, ...o });
  if (msz < 3) {
    if (msz > 0)
      P.push(
        pattern<GOp>({
          name: `ST1_zprz_s_scaled${msz}`,
          pattern: `1110010 ${ms} 11 Zm:5 1 xs:1 0 Pg:3 Rn:5 Zt:5`,
          feature: 'FEAT_SVE',
          decode: (f) => st(f, { esz: 2, scale: msz }),
          exec: scatterExec,
        }),
      );
    P.push(
      pattern<GOp>({
        name: `ST1_zprz_s${msz}`,
        pattern: `1110010 ${ms} 10 Zm:5 1 xs:1 0 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => st(f, { esz: 2 }),
        exec: scatterExec,
      }),
      pattern<GOp>({
        name: `ST1_zpiz_s${msz}`,
        pattern: `1110010 ${ms} 11 imm5:5 101 Pg:3 Zn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => st(f, { esz: 2, imm: f.imm5! << msz }),
        exec: scatterExec,
      }),
    );
  }
  if (msz > 0)
    P.push(
      pattern<GOp>({
        name: `ST1_zprz_d64_scaled${msz}`,
        pattern: `1110010 ${ms} 01 Zm:5 101 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => st(f, { esz: 3, scale: msz, xs: XS_64 }),
        exec: scatterExec,
      }),
      pattern<GOp>({
        name: `ST1_zprz_d32_scaled${msz}`,
        pattern: `1110010 ${ms} 01 Zm:5 1 xs:1 0 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => st(f, { esz: 3, scale: msz }),
        exec: scatterExec,
      }),
    );
  P.push(
    pattern<GOp>({
      name: `ST1_zprz_d64_${msz}`,
      pattern: `1110010 ${ms} 00 Zm:5 101 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: (f) => st(f, { esz: 3, xs: XS_64 }),
      exec: scatterExec,
    }),
    pattern<GOp>({
      name: `ST1_zprz_d32_${msz}`,
      pattern: `1110010 ${ms} 00 Zm:5 1 xs:1 0 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: (f) => st(f, { esz: 3 }),
      exec: scatterExec,
    }),
    pattern<GOp>({
      name: `ST1_zpiz_d${msz}`,
      pattern: `1110010 ${ms} 10 imm5:5 101 Pg:3 Zn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: (f) => st(f, { esz: 3, imm: f.imm5! << msz }),
      exec: scatterExec,
    }),
  );
}

export const gatherPatterns: readonly InsnPattern<GOp>[] = P;
