#!/usr/bin/env node
// generate.mjs - random FP / Advanced SIMD instruction test case generator.
//
// Plain Node >= 20 ESM, no dependencies.  Everything random comes from a
// seeded xoshiro128** PRNG (never Math.random), seeded per batch from
// "<seed>/batch-<n>", so each batch is reproducible on its own.
//
//   node generate.mjs [--seed S] [--batches N] [--cases N] [--out DIR]
//
// For every batch NNN it writes into DIR (default ./build):
//   batch-NNN.gen.json  the cases without code words and results
//   batch-NNN.S         case blocks (initial state) + the case code as GNU as
//                       text at fixed addresses in section .cases
//
// The instruction words are produced by GNU as from the "asm" text; they are
// read back from the assembled batch ELF (see check-encoding.mjs, which also
// requires objdump to decode every word and the disassembly to re-assemble to
// the identical word).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LAYOUT = { codeBase: 0x40100000n, slotBytes: 64, maxInstrs: 8 };

// ------------------------------------------------------------------ PRNG --
function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1; h3 ^= h1; h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
const rotl32 = (x, k) => ((x << k) | (x >>> (32 - k))) >>> 0;
class Rng {
  constructor(seed) {
    this.s = cyrb128(String(seed));
    if (this.s.every((v) => v === 0)) this.s[0] = 1;
  }
  next() {
    const s = this.s;
    const result = Math.imul(rotl32(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0; s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0; s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0; s[3] = rotl32(s[3], 11);
    return result;
  }
  int(n) { return Math.floor((this.next() * n) / 4294967296); }
  range(a, b) { return a + this.int(b - a + 1); }
  pick(a) { return a[this.int(a.length)]; }
  chance(p) { return this.next() < p * 4294967296; }
  u32() { return BigInt(this.next()); }
  u64() { return (this.u32() << 32n) | this.u32(); }
  bits(n) { let v = 0n; for (let i = 0; i < n; i += 32) v = (v << 32n) | this.u32(); return v & ((1n << BigInt(n)) - 1n); }
}

// ------------------------------------------------------- special values --
const M = (n) => (1n << BigInt(n)) - 1n;
// [exponent bits, fraction bits]
const FMT = { 16: [5, 10], 32: [8, 23], 64: [11, 52] };
function fpVal(r, w) {
  const [eb, fb] = FMT[w];
  const sign = r.chance(0.5) ? 1n << BigInt(w - 1) : 0n;
  const emax = M(eb), bias = M(eb - 1), F = BigInt(fb);
  const mk = (e, f) => { let eb2 = BigInt(e); if (eb2 < 1n) eb2 = 1n; if (eb2 > emax) eb2 = emax; return sign | (eb2 << F) | (f & M(fb)); };
  const k = r.int(26);
  switch (k) {
    case 0: case 20: case 21: return sign;                                      // +-0 (mk clamps exponents to 1..emax)
    case 1: return sign | 1n;                                 // min denormal
    case 2: return sign | M(fb);                              // max denormal
    case 3: return sign | (r.bits(fb) | 1n);                    // random denormal
    case 4: return mk(1n, 0n);                                // min normal
    case 5: return mk(emax - 1n, M(fb));                      // max normal
    case 6: return mk(emax, 0n);                              // inf
    case 7: return mk(emax, (1n << (F - 1n)) | r.bits(fb));   // qNaN + payload
    case 8: return mk(emax, (r.bits(fb - 1) | 1n));           // sNaN + payload
    case 9: return mk(emax, 1n << (F - 1n));                  // default-ish qNaN
    case 10: return mk(bias, 0n);                             // 1.0
    case 11: return mk(bias + BigInt(r.range(-3, 3)), BigInt(r.pick([1, 2, 3])) | (r.chance(0.5) ? (1n << (F - 1n)) : 0n)); // near 1, 1.5
    case 12: return mk(bias + BigInt(r.range(-2, 2)), M(fb) - BigInt(r.int(3)));     // just below a power of 2
    case 13: return mk(bias - 1n, r.pick([0n, 1n, M(fb)]));   // 0.5, 0.5+ulp, 1-ulp/2
    case 14: { const e = r.pick([fb, fb + 1, fb - 1]); return mk(bias + BigInt(e), r.bits(fb)); } // ulp ~ 0.5..2 (rounding to int)
    case 15: { const e = r.pick([31, 32, 63, 64, 15, 16, 7, 8]); return mk(bias + BigInt(e) - BigInt(r.int(2)), r.pick([0n, M(fb), 1n, r.bits(fb)])); } // int boundaries
    case 16: return mk(bias + BigInt(r.range(0, 20)), r.bits(fb) & ~M(Math.max(0, fb - r.range(1, 12)))); // small "integers"/halves
    case 17: return mk(r.range(1, 30), r.bits(fb));           // tiny normals (underflow territory)
    case 18: return mk(emax - BigInt(r.range(1, 30)), r.bits(fb)); // huge (overflow territory)
    case 19: return mk(bias + BigInt(r.range(-bias > -40 ? -Number(bias) + 1 : -40, 40)), r.bits(fb));
    default: return mk(BigInt(r.range(1, Number(emax) - 1)), r.bits(fb)); // any normal
  }
}
function intVal(r, w) {
  const k = r.int(10);
  const B = BigInt(w);
  switch (k) {
    case 0: return 0n;
    case 1: return 1n;
    case 2: return M(w);                           // -1
    case 3: return 1n << (B - 1n);                 // INT_MIN
    case 4: return M(w - 1);                       // INT_MAX
    case 5: return BigInt(r.range(0, 16)) | (r.chance(0.5) ? M(w) & ~M(5) : 0n);
    case 6: return (1n << BigInt(r.int(w))) + BigInt(r.range(-1, 1)) & M(w);
    default: return r.bits(w);
  }
}
// A 128-bit register value: lanes of one element type (or raw random bits).
function vecVal(r) {
  const k = r.int(12);
  let lanesW, f;
  if (k < 4) { lanesW = 32; f = (x) => fpVal(x, 32); }
  else if (k < 7) { lanesW = 64; f = (x) => fpVal(x, 64); }
  else if (k < 8) { lanesW = 16; f = (x) => (x.chance(0.5) ? fpVal(x, 16) : intVal(x, 16)); }
  else if (k < 11) { lanesW = r.pick([8, 16, 32, 64]); f = (x) => intVal(x, lanesW); }
  else return r.bits(128);
  let v = 0n;
  for (let i = 0; i < 128 / lanesW; i++) v |= f(r) << BigInt(i * lanesW);
  return v;
}
function xVal(r) {
  const k = r.int(8);
  if (k < 2) return intVal(r, 64);
  if (k < 4) return intVal(r, 32) | (r.chance(0.3) ? r.bits(32) << 32n : 0n);
  if (k < 6) return fpVal(r, 64);                 // for FMOV D<-X
  if (k < 7) return fpVal(r, 32) | (r.chance(0.3) ? r.bits(32) << 32n : 0n);
  return r.bits(64);
}

// ------------------------------------------------------ instruction text --
// V registers: per case either all 32 or a small pool (3-8 registers), so
// that later instructions often consume earlier results.
let vpool = null;
const V = (r) => (vpool ? r.pick(vpool) : r.int(32));
const X = (r) => r.int(31);                    // never SP/XZR as a destination by accident
const XZ = (r) => (r.chance(0.05) ? 'zr' : r.int(31)); // source may be ZR
const gx = (n) => (n === 'zr' ? 'xzr' : `x${n}`);
const gw = (n) => (n === 'zr' ? 'wzr' : `w${n}`);
const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];
const SD = (r) => r.pick(['s', 'd']);
const ARR_ALL = ['8b', '16b', '4h', '8h', '2s', '4s', '2d'];
const ARR_NO2D = ['8b', '16b', '4h', '8h', '2s', '4s'];
const ARR_HS = ['4h', '8h', '2s', '4s'];
const ARR_F = ['2s', '4s', '2d'];
const ESIZE = { b: 8, h: 16, s: 32, d: 64 };
const esz = (arr) => ESIZE[arr.slice(-1)];
const wideOf = { '8b': '8h', '16b': '8h', '4h': '4s', '8h': '4s', '2s': '2d', '4s': '2d' };
const isQ = (arr) => ['16b', '8h', '4s', '2d'].includes(arr);
const vr = (n, arr) => `v${n}.${arr}`;
// FMOV immediate: any value +-(16..31)/16 * 2^(-3..4)
function fpImm8(r) {
  const n = r.range(16, 31), e = r.range(-3, 4), s = r.chance(0.5) ? '-' : '';
  const val = (n / 16) * 2 ** e;
  return `#${s}${val}`;
}

const CLASSES = {};
function cls(name, desc, gen) { CLASSES[name] = { desc, gen }; }

// Scalar FP ---------------------------------------------------------------
cls('fp-arith2', 'FADD/FSUB/FMUL/FDIV/FNMUL/FMAX/FMIN/FMAXNM/FMINNM (S, D)', (r) => {
  const p = SD(r);
  return `${r.pick(['fadd', 'fsub', 'fmul', 'fdiv', 'fnmul', 'fmax', 'fmin', 'fmaxnm', 'fminnm'])} ${p}${V(r)}, ${p}${V(r)}, ${p}${V(r)}`;
});
cls('fp-arith3', 'FMADD/FMSUB/FNMADD/FNMSUB (S, D)', (r) => {
  const p = SD(r);
  return `${r.pick(['fmadd', 'fmsub', 'fnmadd', 'fnmsub'])} ${p}${V(r)}, ${p}${V(r)}, ${p}${V(r)}, ${p}${V(r)}`;
});
cls('fp-arith1', 'FSQRT/FABS/FNEG/FMOV (register) (S, D)', (r) => {
  const p = SD(r);
  return `${r.pick(['fsqrt', 'fsqrt', 'fabs', 'fneg', 'fmov'])} ${p}${V(r)}, ${p}${V(r)}`;
});
cls('fp-frint', 'FRINTN/P/M/Z/A/X/I (S, D)', (r) => {
  const p = SD(r);
  return `frint${r.pick(['n', 'p', 'm', 'z', 'a', 'x', 'i'])} ${p}${V(r)}, ${p}${V(r)}`;
});
cls('fp-frintts', 'FRINT32Z/FRINT32X/FRINT64Z/FRINT64X (S, D; FEAT_FRINTTS)', (r) => {
  const p = SD(r);
  return `${r.pick(['frint32z', 'frint32x', 'frint64z', 'frint64x'])} ${p}${V(r)}, ${p}${V(r)}`;
});
cls('fp-cmp', 'FCMP/FCMPE (register and #0.0), FCCMP/FCCMPE (S, D)', (r) => {
  const p = SD(r);
  const k = r.int(3);
  if (k === 0) return `${r.pick(['fcmp', 'fcmpe'])} ${p}${V(r)}, ${p}${V(r)}`;
  if (k === 1) return `${r.pick(['fcmp', 'fcmpe'])} ${p}${V(r)}, #0.0`;
  return `${r.pick(['fccmp', 'fccmpe'])} ${p}${V(r)}, ${p}${V(r)}, #${r.int(16)}, ${r.pick(COND)}`;
});
cls('fp-csel', 'FCSEL (S, D)', (r) => {
  const p = SD(r);
  return `fcsel ${p}${V(r)}, ${p}${V(r)}, ${p}${V(r)}, ${r.pick(COND)}`;
});
cls('fp-cvt-prec', 'FCVT between H, S and D', (r) => {
  const [d, s] = r.pick([['s', 'd'], ['d', 's'], ['h', 's'], ['s', 'h'], ['h', 'd'], ['d', 'h']]);
  return `fcvt ${d}${V(r)}, ${s}${V(r)}`;
});
cls('fp-cvt-int', 'SCVTF/UCVTF from W/X; FCVT{N,P,M,Z,A}{S,U} to W/X (S, D)', (r) => {
  const p = SD(r);
  const g = r.chance(0.5) ? gw : gx;
  if (r.chance(0.35)) return `${r.pick(['scvtf', 'ucvtf'])} ${p}${V(r)}, ${g(XZ(r))}`;
  return `fcvt${r.pick(['n', 'p', 'm', 'z', 'a', 'z'])}${r.pick(['s', 'u'])} ${g(X(r))}, ${p}${V(r)}`;
});
cls('fp-cvt-fixed', 'SCVTF/UCVTF/FCVTZS/FCVTZU fixed point (#fbits)', (r) => {
  const p = SD(r);
  const w = r.chance(0.5);
  const g = w ? gw : gx;
  const fb = r.chance(0.3) ? r.pick(w ? [1, 31, 32] : [1, 32, 63, 64]) : r.range(1, w ? 32 : 64);
  if (r.chance(0.5)) return `${r.pick(['scvtf', 'ucvtf'])} ${p}${V(r)}, ${g(XZ(r))}, #${fb}`;
  return `${r.pick(['fcvtzs', 'fcvtzu'])} ${g(X(r))}, ${p}${V(r)}, #${fb}`;
});
cls('fjcvtzs', 'FJCVTZS (FEAT_JSCVT)', (r) => `fjcvtzs w${X(r)}, d${V(r)}`);
cls('fp-mov', 'FMOV immediate, FMOV W<->S, X<->D, X<->V.D[1], FMOV register', (r) => {
  const k = r.int(7);
  switch (k) {
    case 0: return `fmov ${SD(r)}${V(r)}, ${fpImm8(r)}`;
    case 1: return `fmov s${V(r)}, ${gw(XZ(r))}`;
    case 2: return `fmov w${X(r)}, s${V(r)}`;
    case 3: return `fmov d${V(r)}, ${gx(XZ(r))}`;
    case 4: return `fmov x${X(r)}, d${V(r)}`;
    case 5: return `fmov v${V(r)}.d[1], ${gx(XZ(r))}`;
    default: return r.chance(0.5) ? `fmov x${X(r)}, v${V(r)}.d[1]` : `fmov ${(() => { const p = SD(r); return `${p}${V(r)}, ${p}${V(r)}`; })()}`;
  }
});

// AdvSIMD integer --------------------------------------------------------
const S3 = [
  ['add', ARR_ALL], ['sub', ARR_ALL], ['mul', ARR_NO2D], ['mla', ARR_NO2D], ['mls', ARR_NO2D],
  ['sqadd', ARR_ALL], ['uqadd', ARR_ALL], ['sqsub', ARR_ALL], ['uqsub', ARR_ALL],
  ['shadd', ARR_NO2D], ['uhadd', ARR_NO2D], ['srhadd', ARR_NO2D], ['urhadd', ARR_NO2D], ['shsub', ARR_NO2D], ['uhsub', ARR_NO2D],
  ['smax', ARR_NO2D], ['umax', ARR_NO2D], ['smin', ARR_NO2D], ['umin', ARR_NO2D],
  ['sabd', ARR_NO2D], ['uabd', ARR_NO2D], ['saba', ARR_NO2D], ['uaba', ARR_NO2D],
  ['cmeq', ARR_ALL], ['cmge', ARR_ALL], ['cmgt', ARR_ALL], ['cmhi', ARR_ALL], ['cmhs', ARR_ALL], ['cmtst', ARR_ALL],
  ['sshl', ARR_ALL], ['ushl', ARR_ALL], ['srshl', ARR_ALL], ['urshl', ARR_ALL], ['sqshl', ARR_ALL], ['uqshl', ARR_ALL],
  ['sqrshl', ARR_ALL], ['uqrshl', ARR_ALL],
  ['and', ['8b', '16b']], ['orr', ['8b', '16b']], ['eor', ['8b', '16b']], ['bic', ['8b', '16b']], ['orn', ['8b', '16b']],
  ['bsl', ['8b', '16b']], ['bit', ['8b', '16b']], ['bif', ['8b', '16b']],
  ['addp', ARR_ALL], ['smaxp', ARR_NO2D], ['sminp', ARR_NO2D], ['umaxp', ARR_NO2D], ['uminp', ARR_NO2D],
  ['sqdmulh', ARR_HS], ['sqrdmulh', ARR_HS], ['pmul', ['8b', '16b']],
];
cls('simd-3same', 'AdvSIMD three-same integer (arith, saturating, halving, min/max, abd/aba, compares, shifts by register, logic, pairwise, SQDMULH/SQRDMULH, PMUL)', (r) => {
  const [op, arrs] = r.pick(S3);
  const a = r.pick(arrs);
  return `${op} ${vr(V(r), a)}, ${vr(V(r), a)}, ${vr(V(r), a)}`;
});
const S3D = [ // [op, kind]: L = long (wide dst, narrow srcs), W = wide (wide dst, wide+narrow), N = narrow (narrow dst, wide srcs)
  ['saddl', 'L'], ['uaddl', 'L'], ['ssubl', 'L'], ['usubl', 'L'], ['sabal', 'L'], ['uabal', 'L'], ['sabdl', 'L'], ['uabdl', 'L'],
  ['smlal', 'L'], ['umlal', 'L'], ['smlsl', 'L'], ['umlsl', 'L'], ['smull', 'L'], ['umull', 'L'],
  ['sqdmull', 'Lhs'], ['sqdmlal', 'Lhs'], ['sqdmlsl', 'Lhs'], ['pmull', 'Lb'],
  ['saddw', 'W'], ['uaddw', 'W'], ['ssubw', 'W'], ['usubw', 'W'],
  ['addhn', 'N'], ['raddhn', 'N'], ['subhn', 'N'], ['rsubhn', 'N'],
];
cls('simd-3diff', 'AdvSIMD three-different: widening (S/U ADDL/SUBL/ABAL/ABDL/MLAL/MLSL/MULL, SQDMULL/SQDMLAL/SQDMLSL, PMULL.8B), wide (ADDW/SUBW), narrowing (ADDHN/RADDHN/SUBHN/RSUBHN), with and without "2"', (r) => {
  const [op, kind] = r.pick(S3D);
  const hi = r.chance(0.5);
  let nar = kind === 'Lhs' ? r.pick(['4h', '2s']) : kind === 'Lb' ? '8b' : r.pick(['8b', '4h', '2s']);
  const wide = wideOf[nar];
  if (hi) nar = { '8b': '16b', '4h': '8h', '2s': '4s' }[nar];
  const o = op + (hi ? '2' : '');
  if (kind === 'N') return `${o} ${vr(V(r), nar)}, ${vr(V(r), wide)}, ${vr(V(r), wide)}`;
  if (kind === 'W') return `${o} ${vr(V(r), wide)}, ${vr(V(r), wide)}, ${vr(V(r), nar)}`;
  return `${o} ${vr(V(r), wide)}, ${vr(V(r), nar)}, ${vr(V(r), nar)}`;
});
cls('simd-2misc', 'AdvSIMD two-register misc integer: REV16/32/64, S/UADDLP, S/UADALP, CLS/CLZ/CNT/NOT/RBIT, ABS/NEG/SQABS/SQNEG, SUQADD/USQADD, CM* #0, XTN/SQXTN/UQXTN/SQXTUN(2), SHLL(2), URECPE/URSQRTE', (r) => {
  const k = r.int(10);
  const d = V(r), n = V(r);
  switch (k) {
    case 0: { const op = r.pick(['rev16', 'rev32', 'rev64']); const a = op === 'rev16' ? r.pick(['8b', '16b']) : op === 'rev32' ? r.pick(['8b', '16b', '4h', '8h']) : r.pick(ARR_NO2D); return `${op} ${vr(d, a)}, ${vr(n, a)}`; }
    case 1: { const a = r.pick(ARR_NO2D); const w = { '8b': '4h', '16b': '8h', '4h': '2s', '8h': '4s', '2s': '1d', '4s': '2d' }[a]; return `${r.pick(['saddlp', 'uaddlp', 'sadalp', 'uadalp'])} ${vr(d, w)}, ${vr(n, a)}`; }
    case 2: { const op = r.pick(['cls', 'clz', 'cnt', 'not', 'rbit']); const a = ['cnt', 'not', 'rbit'].includes(op) ? r.pick(['8b', '16b']) : r.pick(ARR_NO2D); return `${op} ${vr(d, a)}, ${vr(n, a)}`; }
    case 3: case 4: { const a = r.pick(ARR_ALL); return `${r.pick(['abs', 'neg', 'sqabs', 'sqneg', 'suqadd', 'usqadd'])} ${vr(d, a)}, ${vr(n, a)}`; }
    case 5: { const a = r.pick(ARR_ALL); return `${r.pick(['cmeq', 'cmge', 'cmgt', 'cmle', 'cmlt'])} ${vr(d, a)}, ${vr(n, a)}, #0`; }
    case 6: case 7: { const hi = r.chance(0.5); const nar = r.pick(['8b', '4h', '2s']); const w = wideOf[nar]; const na = hi ? { '8b': '16b', '4h': '8h', '2s': '4s' }[nar] : nar; return `${r.pick(['xtn', 'sqxtn', 'uqxtn', 'sqxtun'])}${hi ? '2' : ''} ${vr(d, na)}, ${vr(n, w)}`; }
    case 8: { const hi = r.chance(0.5); const nar = r.pick(['8b', '4h', '2s']); const w = wideOf[nar]; const na = hi ? { '8b': '16b', '4h': '8h', '2s': '4s' }[nar] : nar; return `shll${hi ? '2' : ''} ${vr(d, w)}, ${vr(n, na)}, #${esz(nar)}`; }
    default: { const a = r.pick(['2s', '4s']); return `${r.pick(['urecpe', 'ursqrte'])} ${vr(d, a)}, ${vr(n, a)}`; }
  }
});
cls('simd-across', 'AdvSIMD across lanes: ADDV, SADDLV/UADDLV, SMAXV/UMAXV/SMINV/UMINV', (r) => {
  const a = r.pick(['8b', '16b', '4h', '8h', '4s']);
  const e = a.slice(-1);
  const op = r.pick(['addv', 'saddlv', 'uaddlv', 'smaxv', 'umaxv', 'sminv', 'uminv']);
  const de = op.endsWith('lv') ? { b: 'h', h: 's', s: 'd' }[e] : e;
  return `${op} ${de}${V(r)}, ${vr(V(r), a)}`;
});
const LANES = { b: 16, h: 8, s: 4, d: 2 };
cls('simd-copy', 'AdvSIMD copy: DUP (element, general), INS (element, general), UMOV, SMOV', (r) => {
  const e = r.pick(['b', 'h', 's', 'd']);
  const k = r.int(6);
  const i = r.int(LANES[e]);
  if (k === 0) { const a = e === 'd' ? '2d' : r.pick(ARR_ALL.filter((x) => x.endsWith(e) && x !== '1d')); return `dup ${vr(V(r), a)}, v${V(r)}.${e}[${i}]`; }
  if (k === 1) { const a = r.pick(ARR_ALL.filter((x) => x.endsWith(e))); return `dup ${vr(V(r), a)}, ${e === 'd' ? gx(XZ(r)) : gw(XZ(r))}`; }
  if (k === 2) return `ins v${V(r)}.${e}[${i}], v${V(r)}.${e}[${r.int(LANES[e])}]`;
  if (k === 3) return `ins v${V(r)}.${e}[${i}], ${e === 'd' ? gx(XZ(r)) : gw(XZ(r))}`;
  if (k === 4) return `umov ${e === 'd' ? 'x' : 'w'}${X(r)}, v${V(r)}.${e}[${i}]`;
  const se = r.pick(['b', 'h', 's']);
  const toX = se === 's' ? true : r.chance(0.5);
  return `smov ${toX ? 'x' : 'w'}${X(r)}, v${V(r)}.${se}[${r.int(LANES[se])}]`;
});
cls('simd-modimm', 'AdvSIMD modified immediate: MOVI/MVNI (all shift forms, MSL), ORR/BIC immediate, MOVI 64-bit, FMOV vector immediate', (r) => {
  const k = r.int(7);
  const imm = r.int(256);
  const d = V(r);
  switch (k) {
    case 0: return `movi ${vr(d, r.pick(['8b', '16b']))}, #${imm}`;
    case 1: { const a = r.pick(['4h', '8h']); return `${r.pick(['movi', 'mvni', 'orr', 'bic'])} ${vr(d, a)}, #${imm}, lsl #${r.pick([0, 8])}`; }
    case 2: { const a = r.pick(['2s', '4s']); return `${r.pick(['movi', 'mvni', 'orr', 'bic'])} ${vr(d, a)}, #${imm}, lsl #${r.pick([0, 8, 16, 24])}`; }
    case 3: { const a = r.pick(['2s', '4s']); return `${r.pick(['movi', 'mvni'])} ${vr(d, a)}, #${imm}, msl #${r.pick([8, 16])}`; }
    case 4: { let v = 0n; for (let i = 0; i < 8; i++) if (r.chance(0.5)) v |= 0xffn << BigInt(8 * i); return r.chance(0.5) ? `movi d${d}, #0x${v.toString(16)}` : `movi v${d}.2d, #0x${v.toString(16)}`; }
    default: return `fmov ${vr(d, r.pick(ARR_F))}, ${fpImm8(r)}`;
  }
});
cls('simd-shift', 'AdvSIMD shift by immediate: SSHR/USHR/SSRA/USRA/SRSHR/URSHR/SRSRA/URSRA/SHL/SLI/SRI/SQSHL/UQSHL/SQSHLU, SHRN/RSHRN/SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN(2), SSHLL/USHLL(2)', (r) => {
  const k = r.int(4);
  const d = V(r), n = V(r);
  if (k <= 1) {
    const a = r.pick(ARR_ALL);
    const es = esz(a);
    const right = r.chance(0.55);
    if (right) return `${r.pick(['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr', 'srsra', 'ursra', 'sri'])} ${vr(d, a)}, ${vr(n, a)}, #${r.chance(0.3) ? r.pick([1, es]) : r.range(1, es)}`;
    return `${r.pick(['shl', 'sli', 'sqshl', 'uqshl', 'sqshlu'])} ${vr(d, a)}, ${vr(n, a)}, #${r.chance(0.3) ? r.pick([0, es - 1]) : r.range(0, es - 1)}`;
  }
  const hi = r.chance(0.5);
  const nar = r.pick(['8b', '4h', '2s']);
  const w = wideOf[nar];
  const na = hi ? { '8b': '16b', '4h': '8h', '2s': '4s' }[nar] : nar;
  const es = esz(nar);
  if (k === 2) return `${r.pick(['shrn', 'rshrn', 'sqshrn', 'uqshrn', 'sqrshrn', 'uqrshrn', 'sqshrun', 'sqrshrun'])}${hi ? '2' : ''} ${vr(d, na)}, ${vr(n, w)}, #${r.range(1, es)}`;
  return `${r.pick(['sshll', 'ushll'])}${hi ? '2' : ''} ${vr(d, w)}, ${vr(n, na)}, #${r.range(0, es - 1)}`;
});
cls('simd-permute', 'AdvSIMD permute: ZIP1/ZIP2/UZP1/UZP2/TRN1/TRN2', (r) => {
  const a = r.pick(ARR_ALL);
  return `${r.pick(['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2'])} ${vr(V(r), a)}, ${vr(V(r), a)}, ${vr(V(r), a)}`;
});
cls('simd-ext', 'AdvSIMD EXT (8B, 16B)', (r) => {
  const q = r.chance(0.6);
  const a = q ? '16b' : '8b';
  return `ext ${vr(V(r), a)}, ${vr(V(r), a)}, ${vr(V(r), a)}, #${r.int(q ? 16 : 8)}`;
});
cls('simd-tbl', 'AdvSIMD TBL/TBX with 1-4 table registers (list may wrap V31->V0)', (r) => {
  const a = r.chance(0.6) ? '16b' : '8b';
  const len = r.range(1, 4), n = V(r);
  const list = Array.from({ length: len }, (_, i) => `v${(n + i) % 32}.16b`).join(', ');
  return `${r.pick(['tbl', 'tbx'])} ${vr(V(r), a)}, {${list}}, ${vr(V(r), a)}`;
});
cls('simd-elem', 'AdvSIMD by element: MUL/MLA/MLS/SQDMULH/SQRDMULH, S/UMULL, S/UMLAL, S/UMLSL, SQDMULL/SQDMLAL/SQDMLSL (+2), FMUL/FMLA/FMLS/FMULX (vector and scalar)', (r) => {
  const k = r.int(3);
  if (k === 0) {
    const a = r.pick(ARR_HS), e = a.slice(-1);
    const m = e === 'h' ? r.int(16) : V(r);
    return `${r.pick(['mul', 'mla', 'mls', 'sqdmulh', 'sqrdmulh'])} ${vr(V(r), a)}, ${vr(V(r), a)}, v${m}.${e}[${r.int(e === 'h' ? 8 : 4)}]`;
  }
  if (k === 1) {
    const hi = r.chance(0.5), nar = r.pick(['4h', '2s']), e = nar.slice(-1);
    const na = hi ? { '4h': '8h', '2s': '4s' }[nar] : nar;
    const m = e === 'h' ? r.int(16) : V(r);
    return `${r.pick(['smull', 'umull', 'smlal', 'umlal', 'smlsl', 'umlsl', 'sqdmull', 'sqdmlal', 'sqdmlsl'])}${hi ? '2' : ''} ${vr(V(r), wideOf[nar])}, ${vr(V(r), na)}, v${m}.${e}[${r.int(e === 'h' ? 8 : 4)}]`;
  }
  const op = r.pick(['fmul', 'fmla', 'fmls', 'fmulx']);
  if (r.chance(0.3)) { const p = SD(r); return `${op} ${p}${V(r)}, ${p}${V(r)}, v${V(r)}.${p}[${r.int(p === 's' ? 4 : 2)}]`; }
  const a = r.pick(ARR_F), e = a.slice(-1);
  return `${op} ${vr(V(r), a)}, ${vr(V(r), a)}, v${V(r)}.${e}[${r.int(e === 's' ? 4 : 2)}]`;
});
cls('simd-scalar', 'AdvSIMD scalar forms: ADD/SUB/CMxx/SSHL/USHL D, SQADD/UQADD/SQSUB/UQSUB/SQSHL B/H/S/D, SSHR/USHR/SHL/SRI/SLI D #imm, SQSHRN/SQXTN/SQABS/SQNEG scalar, ADDP D, FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP pairwise, DUP (scalar), FABD/FCMxx/FRECPE/FRSQRTE/FRECPX/FRECPS/FRSQRTS/FMULX scalar, SCVTF/FCVTZS scalar vector-form', (r) => {
  const k = r.int(11);
  const d = V(r), n = V(r), m = V(r);
  const e = r.pick(['b', 'h', 's', 'd']);
  switch (k) {
    case 0: return `${r.pick(['add', 'sub', 'cmeq', 'cmge', 'cmgt', 'cmhi', 'cmhs', 'cmtst', 'sshl', 'ushl', 'srshl', 'urshl'])} d${d}, d${n}, d${m}`;
    case 1: return `${r.pick(['sqadd', 'uqadd', 'sqsub', 'uqsub', 'sqshl', 'uqshl', 'sqrshl', 'uqrshl'])} ${e}${d}, ${e}${n}, ${e}${m}`;
    case 2: return r.chance(0.6) ? `${r.pick(['sshr', 'ushr', 'srshr', 'ursra', 'sri'])} d${d}, d${n}, #${r.range(1, 64)}` : `${r.pick(['shl', 'sli'])} d${d}, d${n}, #${r.int(64)}`;
    case 3: { const ne = r.pick(['b', 'h', 's']); const we = { b: 'h', h: 's', s: 'd' }[ne]; return r.chance(0.5) ? `${r.pick(['sqshrn', 'uqshrn', 'sqrshrn', 'sqshrun'])} ${ne}${d}, ${we}${n}, #${r.range(1, ESIZE[ne])}` : `${r.pick(['sqxtn', 'uqxtn', 'sqxtun'])} ${ne}${d}, ${we}${n}`; }
    case 4: return `${r.pick(['sqabs', 'sqneg', 'suqadd', 'usqadd'])} ${e}${d}, ${e}${n}`;
    case 5: return r.chance(0.4) ? `addp d${d}, v${n}.2d` : (() => { const p = SD(r); return `${r.pick(['faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp'])} ${p}${d}, v${n}.2${p}`; })();
    case 6: return `dup ${e}${d}, v${n}.${e}[${r.int(LANES[e])}]`;
    case 7: { const p = SD(r); return `${r.pick(['fabd', 'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt', 'frecps', 'frsqrts', 'fmulx'])} ${p}${d}, ${p}${n}, ${p}${m}`; }
    case 8: { const p = SD(r); return `${r.pick(['frecpe', 'frsqrte', 'frecpx'])} ${p}${d}, ${p}${n}`; }
    case 9: { const p = SD(r); return r.chance(0.5) ? `${r.pick(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu', 'fcvtns', 'fcvtau', 'fcvtms', 'fcvtpu'])} ${p}${d}, ${p}${n}` : `${r.pick(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu'])} ${p}${d}, ${p}${n}, #${r.range(1, p === 's' ? 32 : 64)}`; }
    default: { const p = SD(r); return `${r.pick(['fcmeq', 'fcmge', 'fcmgt', 'fcmle', 'fcmlt'])} ${p}${d}, ${p}${n}, #0.0`; }
  }
});

// AdvSIMD FP vector --------------------------------------------------------
cls('simd-fp-3same', 'AdvSIMD FP three-same: FADD/FSUB/FMUL/FDIV/FMLA/FMLS/FABD/FMAX/FMIN/FMAXNM/FMINNM/FMULX, pairwise FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP, FCMEQ/FCMGE/FCMGT/FACGE/FACGT, FRECPS/FRSQRTS (2S/4S/2D)', (r) => {
  const a = r.pick(ARR_F);
  const op = r.pick(['fadd', 'fsub', 'fmul', 'fdiv', 'fmla', 'fmls', 'fabd', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fmulx', 'faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp', 'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt', 'frecps', 'frsqrts']);
  return `${op} ${vr(V(r), a)}, ${vr(V(r), a)}, ${vr(V(r), a)}`;
});
cls('simd-fp-2misc', 'AdvSIMD FP two-register misc: FABS/FNEG/FSQRT/FRECPE/FRSQRTE, FRINT{N,P,M,Z,A,X,I} and FRINT32/64{Z,X}, FCVT{N,P,M,Z,A}{S,U}, SCVTF/UCVTF, FCM* #0.0, FCVTL/FCVTN/FCVTXN(2), fixed-point SCVTF/UCVTF/FCVTZS/FCVTZU', (r) => {
  const a = r.pick(ARR_F);
  const d = V(r), n = V(r);
  const k = r.int(7);
  if (k === 0) return `${r.pick(['fabs', 'fneg', 'fsqrt', 'frecpe', 'frsqrte'])} ${vr(d, a)}, ${vr(n, a)}`;
  if (k === 1) return `${r.pick(['frintn', 'frintp', 'frintm', 'frintz', 'frinta', 'frintx', 'frinti', 'frint32z', 'frint32x', 'frint64z', 'frint64x'])} ${vr(d, a)}, ${vr(n, a)}`;
  if (k === 2) return `${r.pick(['fcvtns', 'fcvtnu', 'fcvtps', 'fcvtpu', 'fcvtms', 'fcvtmu', 'fcvtzs', 'fcvtzu', 'fcvtas', 'fcvtau', 'scvtf', 'ucvtf'])} ${vr(d, a)}, ${vr(n, a)}`;
  if (k === 3) return `${r.pick(['fcmeq', 'fcmge', 'fcmgt', 'fcmle', 'fcmlt'])} ${vr(d, a)}, ${vr(n, a)}, #0.0`;
  if (k === 4) {
    const hi = r.chance(0.5);
    const op = r.pick(['fcvtl', 'fcvtn', 'fcvtxn']);
    if (op === 'fcvtxn') return `fcvtxn${hi ? '2' : ''} ${vr(d, hi ? '4s' : '2s')}, ${vr(n, '2d')}`;
    const [nar, wide] = r.pick([['4h', '4s'], ['2s', '2d']]);
    const na = hi ? { '4h': '8h', '2s': '4s' }[nar] : nar;
    return op === 'fcvtl' ? `fcvtl${hi ? '2' : ''} ${vr(d, wide)}, ${vr(n, na)}` : `fcvtn${hi ? '2' : ''} ${vr(d, na)}, ${vr(n, wide)}`;
  }
  if (k === 5) return r.chance(0.5) ? `fcvtxn s${d}, d${n}` : `${r.pick(['fabs', 'fneg'])} ${vr(d, a)}, ${vr(n, a)}`;
  return `${r.pick(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu'])} ${vr(d, a)}, ${vr(n, a)}, #${r.range(1, esz(a))}`;
});
cls('simd-fp-across', 'AdvSIMD FP across lanes: FMAXV/FMINV/FMAXNMV/FMINNMV (4S)', (r) =>
  `${r.pick(['fmaxv', 'fminv', 'fmaxnmv', 'fminnmv'])} s${V(r)}, ${vr(V(r), '4s')}`);

export const CLASS_INFO = Object.fromEntries(Object.entries(CLASSES).map(([k, v]) => [k, v.desc]));
const NAMES = Object.keys(CLASSES);
// relative weights (scalar FP and SIMD FP a bit heavier: specials matter most there)
const WEIGHT = { 'fp-arith2': 4, 'fp-arith3': 3, 'fp-arith1': 2, 'fp-frint': 2, 'fp-cmp': 2, 'fp-cvt-int': 3, 'fp-cvt-fixed': 2,
  'fp-cvt-prec': 2, 'simd-fp-3same': 4, 'simd-fp-2misc': 4, 'simd-3same': 4, 'simd-shift': 3, 'simd-elem': 2, 'simd-scalar': 3 };

// ------------------------------------------------------------------ cases --
const hex = (v, digits) => `0x${v.toString(16).padStart(digits, '0')}`;
function genCase(r, id, slot, focus) {
  const n = r.range(1, LAYOUT.maxInstrs);
  const asm = [], classes = new Set();
  vpool = null;
  if (n > 1 && r.chance(0.5)) {
    vpool = [];
    const size = r.range(3, 8);
    while (vpool.length < size) { const x = r.int(32); if (!vpool.includes(x)) vpool.push(x); }
  }
  for (let i = 0; i < n; i++) {
    let c;
    if (focus && r.chance(0.6)) c = focus;
    else {
      let tot = 0;
      for (const k of NAMES) tot += WEIGHT[k] ?? 1;
      let x = r.int(tot);
      for (const k of NAMES) { x -= WEIGHT[k] ?? 1; if (x < 0) { c = k; break; } }
    }
    asm.push(CLASSES[c].gen(r));
    classes.add(c);
  }
  const fpcr = (BigInt(r.int(4)) << 22n) | (r.chance(0.4) ? 1n << 24n : 0n) | (r.chance(0.4) ? 1n << 25n : 0n);
  const init = {
    x: Array.from({ length: 31 }, () => hex(xVal(r), 16)),
    v: Array.from({ length: 32 }, () => hex(vecVal(r), 32)),
    nzcv: hex(BigInt(r.int(16)) << 28n, 16),
    fpcr: hex(fpcr, 16),
    fpsr: hex(0n, 16),
  };
  const codeAddr = LAYOUT.codeBase + BigInt(slot * LAYOUT.slotBytes + 4 * r.int(LAYOUT.slotBytes / 4 - LAYOUT.maxInstrs - 1 + 1));
  return { id, codeAddr: hex(codeAddr, 16), asm, classes: [...classes].sort(), init };
}

function batchAsm(cases) {
  const L = [];
  L.push('// generated by generate.mjs - do not edit', '\t.section .data.cases, "aw"', '\t.balign 16',
    '\t.global case_count, case_blocks', 'case_count:', `\t.word ${cases.length}, 0, 0, 0`, 'case_blocks:');
  for (const c of cases) {
    // block: x0..x30 (248), nzcv (8), codeAddr (8), fpcr (8), fpsr (8), pad to 288, v0..v31 (512) = 800 bytes
    for (let i = 0; i < 31; i += 4) L.push(`\t.quad ${c.init.x.slice(i, i + 4).join(', ')}`);
    L.push(`\t.quad ${c.init.nzcv}, ${c.codeAddr}, ${c.init.fpcr}, ${c.init.fpsr}, 0`);
    for (const v of c.init.v) {
      const b = BigInt(v);
      L.push(`\t.quad ${hex(b & M(64), 16)}, ${hex(b >> 64n, 16)}`);
    }
  }
  L.push('\t.section .cases, "ax"');
  for (const c of cases) {
    L.push(`\t.org ${hex(BigInt(c.codeAddr) - LAYOUT.codeBase, 1)}`, `${c.id.replace('-', '_')}:`);
    for (const a of c.asm) L.push(`\t${a}`);
    L.push('\tb save_state');
  }
  return L.join('\n') + '\n';
}

function parseArgs(argv) {
  const o = { seed: 'hypsim-random-fp-1', batches: 20, cases: 256, out: 'build' };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in o)) throw new Error(`unknown option ${argv[i]}`);
    o[k] = k === 'batches' || k === 'cases' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return o;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(o.out, { recursive: true });
  for (let b = 0; b < o.batches; b++) {
    const r = new Rng(`${o.seed}/batch-${b}`);
    const nnn = String(b).padStart(3, '0');
    const cases = [];
    for (let i = 0; i < o.cases; i++) {
      const focus = r.chance(0.4) ? r.pick(NAMES) : null;
      cases.push(genCase(r, `b${nnn}-c${String(i).padStart(4, '0')}`, i, focus));
    }
    writeFileSync(join(o.out, `batch-${nnn}.gen.json`), JSON.stringify({ seed: o.seed, batch: b, classInfo: CLASS_INFO, cases }) + '\n');
    writeFileSync(join(o.out, `batch-${nnn}.S`), batchAsm(cases));
  }
  console.log(`generated ${o.batches} batches x ${o.cases} cases (seed ${o.seed}) in ${o.out}`);
}
