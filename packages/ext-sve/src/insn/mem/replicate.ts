import { pattern, rsp, rz, sext, type Cpu, type Fields, type InsnPattern } from '@hypsim/core';
import { sveState } from '../../state.js';
import { checkSveAccess } from '../../traps.js';
import { syncVq } from '../../vl.js';
import { active } from '../elements.js';
import {
  AD,
  add64,
  addScaled,
  advance,
  commit,
  DT_ESZ,
  DT_MSZ,
  DT_SIGNED,
  elemHi,
  ldElem,
  putT,
  T,
} from './common.js';

/**
 * Load and replicate: LD1RB/H/W/D and LD1RSB/SH/SW (one element at Xn + imm × msize, copied to
 * every active element; inactive elements are zero; no access at all when no element is
 * active) and LD1RQB/H/W/D (16 bytes, predicated by the first 128 bits of Pg, repeated in
 * every 128-bit segment), scalar plus immediate and scalar plus scalar.
 */

interface RepOp {
  t: number;
  n: number;
  /** gpr index of Xm (LD1RQ scalar plus scalar) or -1. */
  m: number;
  /** Byte offset of the immediate forms. */
  off: number;
  g: number;
  msz: number;
  esz: number;
  signed: boolean;
}

function ld1rExec(cpu: Cpu, o: RepOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const count = (16 * q) >> esz;
  T.fill(0, 0, 64);
  let any = false;
  for (let e = 0; e < count && !any; e++) any = active(p, pb, e, esz);
  if (any) {
    const g = cpu.gpr;
    add64(g[o.n]!, g[o.n + 1]!, o.off, 0);
    const v = ldElem(cpu, AD[0]!, AD[1]!, o.msz, o.signed);
    const vh = elemHi;
    for (let e = 0; e < count; e++) if (active(p, pb, e, esz)) putT(0, e, esz, v, vh);
  }
  commit(cpu, 0, o.t, q);
}

function ld1rqExec(cpu: Cpu, o: RepOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const g = cpu.gpr;
  if (o.m < 0) add64(g[o.n]!, g[o.n + 1]!, o.off, o.off < 0 ? -1 : 0);
  else addScaled(g, o.n, o.m, esz);
  T.fill(0, 0, 64);
  const per = 16 >> esz;
  for (let e = 0; e < per; e++) {
    if (active(p, pb, e, esz)) putT(0, e, esz, ldElem(cpu, AD[0]!, AD[1]!, esz, false), elemHi);
    advance(1 << esz);
  }
  for (let s = 1; s < q; s++) T.copyWithin(4 * s, 0, 4);
  commit(cpu, 0, o.t, q);
}

function repOp(
  f: Fields,
  m: number,
  off: number,
  msz: number,
  esz: number,
  signed: boolean,
): RepOp {
  return { t: f.Zt!, n: rsp(f.Rn!), m, off, g: f.Pg!, msz, esz, signed };
}

const ld1r = pattern<RepOp>({
  name: 'LD1R_zpri',
  pattern: '1000010 dth:2 1 imm6:6 1 dtl:2 Pg:3 Rn:5 Zt:5',
  feature: 'FEAT_SVE',
  decode: (f) => {
    const d = (f.dth! << 2) | f.dtl!;
    const msz = DT_MSZ[d]!;
    return repOp(f, -1, f.imm6! << msz, msz, DT_ESZ[d]!, DT_SIGNED[d] === 1);
  },
  exec: ld1rExec,
});

const ld1rqImm = pattern<RepOp>({
  name: 'LD1RQ_zpri',
  pattern: '1010010 msz:2 00 0 imm4:4 001 Pg:3 Rn:5 Zt:5',
  feature: 'FEAT_SVE',
  decode: (f) => repOp(f, -1, sext(f.imm4!, 4) * 16, f.msz!, f.msz!, false),
  exec: ld1rqExec,
});

const ld1rqReg = pattern<RepOp>({
  name: 'LD1RQ_zprr',
  pattern: '1010010 msz:2 00 Rm:5 000 Pg:3 Rn:5 Zt:5',
  feature: 'FEAT_SVE',
  decode: (f) => (f.Rm === 31 ? null : repOp(f, rz(f.Rm!), 0, f.msz!, f.msz!, false)),
  exec: ld1rqExec,
});

export const replicatePatterns: readonly InsnPattern<RepOp>[] = [ld1r, ld1rqImm, ld1rqReg];
