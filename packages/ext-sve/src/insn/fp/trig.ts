import { pattern, type Cpu, type InsnPattern } from '@hypsim/core';
import { binop, fmaop, fpEnd, fpR, fpState, isNaNBits, OP_MUL } from '@hypsim/ext-fpsimd';
import { views } from '../elements.js';
import { EH, FMTS, fpPrep, plainPrep, rd, rdRaw, SIGN_HI, SIGN_LO, wr } from './common.js';

/**
 * The SVE trigonometric and exponential accelerators: FTMAD (multiply-add with the sine/cosine
 * series coefficient #imm, the cosine table when Zm is negative), FTSMUL (square with the sign
 * from bit 0 of Zm), FTSSEL (1.0 or Zn by bit 0 of Zm, negated by bit 1) and FEXPA (2^(i/64)
 * significand table with the exponent from the operand). The coefficient tables are the Arm
 * ARM's FPTrigMAddCoefficient and FPExpCoefficient (checked against QEMU 7.2).
 */

/** FTMAD coefficients [sin 0–7, cos 0–7] as (lo, hi) per esz. */
const TMAD_H = [0x3c00, 0xb155, 0x2030, 0, 0, 0, 0, 0, 0x3c00, 0xb800, 0x293a, 0, 0, 0, 0, 0];
const TMAD_S = [
  0x3f800000, 0xbe2aaaab, 0x3c088886, 0xb95008b9, 0x36369d6d, 0, 0, 0, 0x3f800000, 0xbf000000,
  0x3d2aaaa6, 0xbab60705, 0x37cd37cc, 0, 0, 0,
];
const TMAD_D = [
  '3ff0000000000000',
  'bfc5555555555543',
  '3f8111111110f30c',
  'bf2a01a019b92fc6',
  '3ec71de351f3d22b',
  'be5ae5e2b60f7b91',
  '3de5d8408868552f',
  '0000000000000000',
  '3ff0000000000000',
  'bfe0000000000000',
  '3fa5555555555536',
  'bf56c16c16c13a0b',
  '3efa01a019b1e8d8',
  'be927e4f7282f468',
  '3e21ee96d2641b13',
  'bda8f76380fbb401',
];

/** FEXPA significands: 32 half (10 bits), 64 single (23 bits), 64 double (52 bits, hex). */
const EXPA_H = [
  0x0, 0x16, 0x2d, 0x45, 0x5d, 0x75, 0x8e, 0xa8, 0xc2, 0xdc, 0xf8, 0x114, 0x130, 0x14d, 0x16b,
  0x189, 0x1a8, 0x1c8, 0x1e8, 0x209, 0x22b, 0x24e, 0x271, 0x295, 0x2ba, 0x2e0, 0x306, 0x32e, 0x356,
  0x37f, 0x3a9, 0x3d4,
];
const EXPA_S = [
  0x0, 0x164d2, 0x2cd87, 0x43a29, 0x5aac3, 0x71f62, 0x8980f, 0xa14d5, 0xb95c2, 0xd1adf, 0xea43a,
  0x1031dc, 0x11c3d3, 0x135a2b, 0x14f4f0, 0x16942d, 0x1837f0, 0x19e046, 0x1b8d3a, 0x1d3eda,
  0x1ef532, 0x20b051, 0x227043, 0x243516, 0x25fed7, 0x27cd94, 0x29a15b, 0x2b7a3a, 0x2d583f,
  0x2f3b79, 0x3123f6, 0x3311c4, 0x3504f3, 0x36fd92, 0x38fbaf, 0x3aff5b, 0x3d08a4, 0x3f179a,
  0x412c4d, 0x4346cd, 0x45672a, 0x478d75, 0x49b9be, 0x4bec15, 0x4e248c, 0x506334, 0x52a81e,
  0x54f35b, 0x5744fd, 0x599d16, 0x5bfbb8, 0x5e60f5, 0x60ccdf, 0x633f89, 0x65b907, 0x68396a,
  0x6ac0c7, 0x6d4f30, 0x6fe4ba, 0x728177, 0x75257d, 0x77d0df, 0x7a83b3, 0x7d3e0c,
];
const EXPA_D = [
  '0',
  '2c9a3e778061',
  '59b0d3158574',
  '874518759bc8',
  'b5586cf9890f',
  'e3ec32d3d1a2',
  '11301d0125b51',
  '1429aaea92de0',
  '172b83c7d517b',
  '1a35beb6fcb75',
  '1d4873168b9aa',
  '2063b88628cd6',
  '2387a6e756238',
  '26b4565e27cdd',
  '29e9df51fdee1',
  '2d285a6e4030b',
  '306fe0a31b715',
  '33c08b26416ff',
  '371a7373aa9cb',
  '3a7db34e59ff7',
  '3dea64c123422',
  '4160a21f72e2a',
  '44e086061892d',
  '486a2b5c13cd0',
  '4bfdad5362a27',
  '4f9b2769d2ca7',
  '5342b569d4f82',
  '56f4736b527da',
  '5ab07dd485429',
  '5e76f15ad2148',
  '6247eb03a5585',
  '6623882552225',
  '6a09e667f3bcd',
  '6dfb23c651a2f',
  '71f75e8ec5f74',
  '75feb564267c9',
  '7a11473eb0187',
  '7e2f336cf4e62',
  '82589994cce13',
  '868d99b4492ed',
  '8ace5422aa0db',
  '8f1ae99157736',
  '93737b0cdc5e5',
  '97d829fde4e50',
  '9c49182a3f090',
  'a0c667b5de565',
  'a5503b23e255d',
  'a9e6b5579fdbf',
  'ae89f995ad3ad',
  'b33a2b84f15fb',
  'b7f76f2fb5e47',
  'bcc1e904bc1d2',
  'c199bdd85529c',
  'c67f12e57d14b',
  'cb720dcef9069',
  'd072d4a07897c',
  'd5818dcfba487',
  'da9e603db3285',
  'dfc97337b9b5f',
  'e502ee78b3ff6',
  'ea4afa2a490da',
  'efa1bee615a27',
  'f50765b6e4540',
  'fa7c1819e90d8',
];

/** Hex strings → (lo, hi) word pairs. */
function pairs(hex: readonly string[]): Int32Array {
  const out = new Int32Array(2 * hex.length);
  hex.forEach((h, i) => {
    const p = h.padStart(16, '0');
    out[2 * i] = parseInt(p.slice(8), 16) | 0;
    out[2 * i + 1] = parseInt(p.slice(0, 8), 16) | 0;
  });
  return out;
}
const TMAD_D2 = pairs(TMAD_D);
const EXPA_D2 = pairs(EXPA_D);

const K_TMAD = 0;
const K_TSMUL = 1;
const K_TSSEL = 2;
const K_EXPA = 3;

interface TOp {
  d: number;
  n: number;
  m: number;
  esz: number;
  kind: number;
  imm: number;
}

function trigExec(cpu: Cpu, o: TOp): void {
  const esz = o.esz;
  const kind = o.kind;
  const arith = kind === K_TMAD || kind === K_TSMUL;
  const q = arith ? fpPrep(cpu, esz) : plainPrep(cpu);
  const fp = fpState(cpu);
  const v = views(fp.z);
  const fmt = FMTS[esz]!;
  const count = (16 * q) >> esz;
  const db = o.d * fp.stride;
  const nb = o.n * fp.stride;
  const mb = o.m * fp.stride;
  const sl = SIGN_LO[esz];
  const sh = SIGN_HI[esz];
  for (let e = 0; e < count; e++) {
    const nlo = kind === K_TMAD || kind === K_TSMUL ? rd(v, nb, e, esz) : rdRaw(v, nb, e, esz);
    const nhi = EH[0]!;
    const mlo = kind === K_TMAD ? rd(v, mb, e, esz) : rdRaw(v, mb, e, esz);
    const mhi = EH[0]!;
    let rlo: number;
    let rhi = 0;
    if (kind === K_TMAD) {
      const neg = esz === 3 ? mhi < 0 : (mlo & sl) !== 0;
      const x = o.imm + (neg ? 8 : 0);
      let clo: number;
      let chi = 0;
      if (esz === 1) clo = TMAD_H[x]!;
      else if (esz === 2) clo = TMAD_S[x]! | 0;
      else {
        clo = TMAD_D2[2 * x]!;
        chi = TMAD_D2[2 * x + 1]!;
      }
      fmaop(fmt, clo, chi, nlo, nhi, mlo & ~sl, mhi & ~sh);
      rlo = fpR[0]!;
      rhi = fpR[1]!;
    } else if (kind === K_TSMUL) {
      binop(OP_MUL, fmt, nlo, nhi, nlo, nhi);
      rlo = fpR[0]!;
      rhi = fpR[1]!;
      if (!isNaNBits(fmt, rlo, rhi)) {
        const bit = mlo & 1;
        if (esz === 3) rhi = bit ? rhi | sh : rhi & ~sh;
        else rlo = bit ? rlo | sl : rlo & ~sl;
      }
    } else if (kind === K_TSSEL) {
      rlo = nlo;
      rhi = nhi;
      if ((mlo & 1) !== 0) {
        rlo = esz === 1 ? 0x3c00 : esz === 2 ? 0x3f800000 : 0;
        rhi = esz === 3 ? 0x3ff00000 : 0;
      }
      if ((mlo & 2) !== 0) {
        rlo ^= sl;
        rhi ^= sh;
      }
    } else if (esz === 1) rlo = (((nlo >> 5) & 0x1f) << 10) | EXPA_H[nlo & 0x1f]!;
    else if (esz === 2) rlo = (((nlo >> 6) & 0xff) << 23) | EXPA_S[nlo & 0x3f]!;
    else {
      const i = nlo & 0x3f;
      rlo = EXPA_D2[2 * i]!;
      rhi = (((nlo >>> 6) & 0x7ff) << 20) | EXPA_D2[2 * i + 1]!;
    }
    wr(v, db, e, esz, rlo, rhi);
  }
  if (arith) fpEnd(fp);
}

const P: InsnPattern<unknown>[] = [
  pattern<TOp>({
    name: 'FTMAD_z_zzi',
    pattern: '01100101 esz:2 010 imm3:3 100000 Zm:5 Zdn:5',
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0
        ? null
        : { d: f.Zdn!, n: f.Zdn!, m: f.Zm!, esz: f.esz!, kind: K_TMAD, imm: f.imm3! },
    exec: trigExec,
  }),
  pattern<TOp>({
    name: 'FTSMUL_z_zz',
    pattern: '01100101 esz:2 0 Zm:5 000011 Zn:5 Zd:5',
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0 ? null : { d: f.Zd!, n: f.Zn!, m: f.Zm!, esz: f.esz!, kind: K_TSMUL, imm: 0 },
    exec: trigExec,
  }),
  pattern<TOp>({
    name: 'FTSSEL_z_zz',
    pattern: '00000100 esz:2 1 Zm:5 101100 Zn:5 Zd:5',
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0 ? null : { d: f.Zd!, n: f.Zn!, m: f.Zm!, esz: f.esz!, kind: K_TSSEL, imm: 0 },
    exec: trigExec,
  }),
  pattern<TOp>({
    name: 'FEXPA_z_z',
    pattern: '00000100 esz:2 1 00000 101110 Zn:5 Zd:5',
    feature: 'FEAT_SVE',
    decode: (f) =>
      f.esz === 0 ? null : { d: f.Zd!, n: f.Zn!, m: 0, esz: f.esz!, kind: K_EXPA, imm: 0 },
    exec: trigExec,
  }),
] as InsnPattern<unknown>[];

export const trigPatterns: readonly InsnPattern<unknown>[] = P;
