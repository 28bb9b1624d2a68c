import { pattern, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { AND, BIC, EOR, ORR, bin0, binExec, type BinOp } from './alu.js';
import { prep } from './common.js';

/**
 * AND/ORR/EOR/BIC (predicated vectors), AND/ORR/EOR with a bitmask immediate and DUPM (the
 * immediate is DecodeBitMasks(N:immr:imms) for 64 bits, applied to every doubleword).
 */

const PRED = [
  ['ORR', ORR, '000'],
  ['EOR', EOR, '001'],
  ['AND', AND, '010'],
  ['BIC', BIC, '011'],
] as const;

const pred = PRED.map(([name, op, opc]) =>
  pattern<BinOp>({
    name: `${name}_zpzz`,
    pattern: `00000100 esz:2 011${opc} 000 Pg:3 Zm:5 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ ...bin0(), d: f.Zdn!, n: f.Zdn!, m: f.Zm!, g: f.Pg!, esz: f.esz!, op }),
    exec: binExec,
  }),
);

/**
 * DecodeBitMasks(N, imms, immr, immediate = TRUE, 64) as [lo, hi], or null when reserved
 * (element size < 2 or an all-ones element).
 */
export function bitMask64(n: number, imms: number, immr: number): [number, number] | null {
  const len = 31 - Math.clz32((n << 6) | (~imms & 0x3f));
  if (len < 1) return null;
  const esize = 1 << len;
  const levels = esize - 1;
  const s = imms & levels;
  if (s === levels) return null;
  const r = immr & levels;
  if (esize === 64) {
    // Ones(s + 1) rotated right by r within 64 bits.
    let lo = s + 1 >= 32 ? -1 : (1 << (s + 1)) - 1;
    let hi = s + 1 > 32 ? (1 << (s + 1 - 32)) - 1 : 0;
    if (s + 1 === 64) hi = -1;
    let k = r;
    if (k >= 32) {
      const t = lo;
      lo = hi;
      hi = t;
      k -= 32;
    }
    if (k === 0) return [lo, hi];
    return [(lo >>> k) | (hi << (32 - k)), (hi >>> k) | (lo << (32 - k))];
  }
  const emask = esize === 32 ? -1 : (1 << esize) - 1;
  const welem = (1 << (s + 1)) - 1;
  let w = r === 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & emask;
  for (let e = esize; e < 32; e *= 2) w |= w << e;
  return [w | 0, w | 0];
}

interface ImmOp {
  d: number;
  op: number;
  lo: number;
  hi: number;
}

const IMM = [
  ['ORR', ORR, '00'],
  ['EOR', EOR, '01'],
  ['AND', AND, '10'],
  ['DUPM', -1, '11'],
] as const;

function immExec(cpu: Cpu, o: ImmOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const z = fp.z;
  const d = o.d * fp.stride;
  for (let w = d; w < d + 4 * q; w += 2) {
    switch (o.op) {
      case ORR:
        z[w] = z[w]! | o.lo;
        z[w + 1] = z[w + 1]! | o.hi;
        break;
      case EOR:
        z[w] = z[w]! ^ o.lo;
        z[w + 1] = z[w + 1]! ^ o.hi;
        break;
      case AND:
        z[w] = z[w]! & o.lo;
        z[w + 1] = z[w + 1]! & o.hi;
        break;
      default:
        z[w] = o.lo;
        z[w + 1] = o.hi;
    }
  }
}

const imm = IMM.map(([name, op, opc]) =>
  pattern<ImmOp>({
    name: name === 'DUPM' ? 'DUPM' : `${name}_zzi`,
    pattern: `00000101 ${opc} 0000 N:1 immr:6 imms:6 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => {
      const m = bitMask64(f.N!, f.imms!, f.immr!);
      return m ? { d: f.Zd!, op, lo: m[0], hi: m[1] } : null;
    },
    exec: immExec,
  }),
);

export const logicPatterns = [...pred, ...imm];
