import { pattern, rz, wz, type Cpu, type Fields } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { fill } from '../int.js';
import { active, ZH, zElem } from '../elements.js';
import { prep } from './common.js';

/**
 * Element extraction: LASTA/LASTB to a general register or a SIMD&FP scalar, CLASTA/CLASTB to
 * a general register, a SIMD&FP scalar or every element of a vector. LASTA/CLASTA take the
 * element after the last active one (wrapping to 0), LASTB/CLASTB the last active one; LASTB
 * with no active element takes the last element, the CLAST forms keep (the zero-extended low
 * element of) their destination.
 */

/** Destination kinds. */
const TO_R = 0;
const TO_V = 1;
const TO_Z = 2;

interface LastOp {
  /** gpr index to write (TO_R), V/Z register number otherwise. */
  d: number;
  /** gpr index to read for CLAST*_r. */
  s: number;
  n: number;
  g: number;
  esz: number;
  after: boolean;
  cond: boolean;
  kind: number;
}

function lastExec(cpu: Cpu, o: LastOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const st = sveState(cpu);
  const esz = o.esz;
  const count = (16 * q) >> esz;
  const pb = o.g * st.maxVq;
  let last = -1;
  for (let e = count - 1; e >= 0; e--) {
    if (active(st.p, pb, e, esz)) {
      last = e;
      break;
    }
  }
  let lo: number;
  let hi = 0;
  if (o.cond && last < 0) {
    // CLAST* with no active element: the destination's low element, zero-extended.
    if (o.kind === TO_Z) return;
    if (o.kind === TO_R) {
      lo = cpu.gpr[o.s]!;
      hi = cpu.gpr[o.s + 1]!;
    } else {
      lo = fp.z[o.d * fp.stride]!;
      hi = fp.z[o.d * fp.stride + 1]!;
    }
  } else {
    let e = last;
    if (o.after) e = last + 1 >= count ? 0 : last + 1;
    else if (e < 0) e = count - 1;
    lo = zElem(fp.z, o.n * fp.stride, e, esz);
    hi = ZH[0]!;
  }
  if (esz < 3) {
    hi = 0;
    if (esz === 0) lo &= 0xff;
    else if (esz === 1) lo &= 0xffff;
  }
  if (o.kind === TO_R) {
    cpu.gpr[o.d] = lo;
    cpu.gpr[o.d + 1] = hi;
  } else if (o.kind === TO_V) fp.writeD(o.d, lo, hi);
  else fill(cpu, q, o.d, esz, lo, hi, -1, false);
}

/** The decoded operation: element source Zn, governing Pg and size from the fields. */
function lastOp(
  f: Fields,
  d: number,
  s: number,
  n: number,
  b: number,
  cond: boolean,
  kind: number,
): LastOp {
  return { d, s, n, g: f.Pg!, esz: f.esz!, after: b === 0, cond, kind };
}

const last = [0, 1].flatMap((b) => [
  pattern<LastOp>({
    name: `LAST${b ? 'B' : 'A'}_r`,
    pattern: `00000101 esz:2 10000 ${b} 101 Pg:3 Zn:5 Rd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => lastOp(f, wz(f.Rd!), 0, f.Zn!, b, false, TO_R),
    exec: lastExec,
  }),
  pattern<LastOp>({
    name: `LAST${b ? 'B' : 'A'}_v`,
    pattern: `00000101 esz:2 10001 ${b} 100 Pg:3 Zn:5 Vd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => lastOp(f, f.Vd!, 0, f.Zn!, b, false, TO_V),
    exec: lastExec,
  }),
  pattern<LastOp>({
    name: `CLAST${b ? 'B' : 'A'}_r`,
    pattern: `00000101 esz:2 11000 ${b} 101 Pg:3 Zm:5 Rdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => lastOp(f, wz(f.Rdn!), rz(f.Rdn!), f.Zm!, b, true, TO_R),
    exec: lastExec,
  }),
  pattern<LastOp>({
    name: `CLAST${b ? 'B' : 'A'}_v`,
    pattern: `00000101 esz:2 10101 ${b} 100 Pg:3 Zm:5 Vdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => lastOp(f, f.Vdn!, 0, f.Zm!, b, true, TO_V),
    exec: lastExec,
  }),
  pattern<LastOp>({
    name: `CLAST${b ? 'B' : 'A'}_z`,
    pattern: `00000101 esz:2 10100 ${b} 100 Pg:3 Zm:5 Zdn:5`,
    feature: 'FEAT_SVE',
    decode: (f) => lastOp(f, f.Zdn!, 0, f.Zm!, b, true, TO_Z),
    exec: lastExec,
  }),
]);

export const extractPatterns = last;
