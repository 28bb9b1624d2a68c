import { pattern, type Cpu } from '@hypsim/core';
import { sveState } from '../../state.js';
import { SCRATCH16, INTERLEAVE_NAMES, interleaveSource, prep, storeScratch16 } from './common.js';

/**
 * Predicate permutes: ZIP1/2, UZP1/2, TRN1/2, REV (predicates), PUNPKLO/HI. An element of a
 * .H/.S/.D predicate is its whole 2/4/8-bit chunk (Arm's Elem[P, e, esize DIV 8]), so the
 * chunks move as units, non-significant bits included.
 */

/** Chunk e (es bits) of the predicate at halfword offset b. */
function chunk(p: Uint16Array, b: number, e: number, es: number): number {
  const bit = e * es;
  return (p[b + (bit >> 4)]! >>> (bit & 15)) & ((1 << es) - 1);
}

function putChunk(e: number, es: number, v: number): void {
  const bit = e * es;
  SCRATCH16[bit >> 4] = SCRATCH16[bit >> 4]! | (v << (bit & 15));
}

interface PPermOp {
  d: number;
  n: number;
  m: number;
  esz: number;
  op: number;
}

/** After the interleaving ops (ZIP1 … TRN2 = 0 … 5 of common.ts). */
const REV = 6;
const PUNPKLO = 7;
const PUNPKHI = 8;

function ppermExec(cpu: Cpu, o: PPermOp): void {
  const q = prep(cpu);
  const st = sveState(cpu);
  const p = st.p;
  const es = 1 << o.esz;
  const count = (16 * q) >> o.esz;
  const nb = o.n * st.maxVq;
  const mb = o.m * st.maxVq;
  SCRATCH16.fill(0, 0, q);
  switch (o.op) {
    case REV:
      for (let e = 0; e < count; e++) putChunk(e, es, chunk(p, nb, count - 1 - e, es));
      break;
    case PUNPKLO:
    case PUNPKHI: {
      const base = o.op === PUNPKHI ? 8 * q : 0;
      for (let e = 0; e < 8 * q; e++) putChunk(e, 2, chunk(p, nb, base + e, 1));
      break;
    }
    default:
      for (let e = 0; e < count; e++) {
        const j = interleaveSource(o.op, e, count);
        putChunk(e, es, j < count ? chunk(p, nb, j, es) : chunk(p, mb, j - count, es));
      }
  }
  storeScratch16(p, o.d * st.maxVq, q);
}

const perm = INTERLEAVE_NAMES.map((name, op) =>
  pattern<PPermOp>({
    name: `${name}_p`,
    pattern: `00000101 esz:2 10 Pm:4 010 ${(op >> 2) & 1}${(op >> 1) & 1}${op & 1} 0 Pn:4 0 Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ d: f.Pd!, n: f.Pn!, m: f.Pm!, esz: f.esz!, op }),
    exec: ppermExec,
  }),
);

const rev = pattern<PPermOp>({
  name: 'REV_p',
  pattern: '00000101 esz:2 11 0100 010000 0 Pn:4 0 Pd:4',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Pd!, n: f.Pn!, m: 0, esz: f.esz!, op: REV }),
  exec: ppermExec,
});

const punpk = pattern<PPermOp>({
  name: 'PUNPK',
  pattern: '00000101 00 11 000 h:1 010000 0 Pn:4 0 Pd:4',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.Pd!, n: f.Pn!, m: 0, esz: 0, op: f.h ? PUNPKHI : PUNPKLO }),
  exec: ppermExec,
});

export const ppermutePatterns = [...perm, rev, punpk];
