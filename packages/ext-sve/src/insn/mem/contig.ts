import { pattern, rsp, rz, sext, type Cpu, type Fields, type InsnPattern } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { checkSveAccess } from '../../traps.js';
import { syncVq } from '../../vl.js';
import { active, ZH, zElem } from '../elements.js';
import {
  AD,
  add64,
  addScaled,
  DT_ESZ,
  DT_MSZ,
  DT_SIGNED,
  advance,
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
 * SVE contiguous loads and stores beyond LD1/ST1: LDFF1* (scalar plus scalar, first-fault),
 * LDNF1* (scalar plus immediate, non-fault), LDNT1/STNT1 and LD2/LD3/LD4, ST2/ST3/ST4
 * (scalar plus immediate and scalar plus scalar). Structures are accessed element by element,
 * registers interleaved (element e of Zt, Zt+1, … at consecutive addresses), each access
 * through core's data-access layer; loads collect in scratch vectors so a fault leaves every
 * register unchanged; inactive elements load as zero.
 *
 * First-fault: the first active element is an ordinary access (it may fault); a later element
 * whose access would fault — or is not to RAM — is not accessed: FFR is cleared from that
 * element on and the remaining elements are zero (QEMU zeroes them; the Arm ARM leaves them
 * UNKNOWN). Non-fault: the same for every element, the first included.
 */

const M_NORMAL = 0;
const M_FF = 1;
const M_NF = 2;

export interface ContigOp {
  t: number;
  n: number;
  /** gpr index of Xm, or -1 for the immediate form. */
  m: number;
  imm: number;
  g: number;
  msz: number;
  esz: number;
  signed: boolean;
  nreg: number;
  mode: number;
}

function start(cpu: Cpu, o: ContigOp, q: number): void {
  const g = cpu.gpr;
  if (o.m < 0) {
    const off = o.imm * o.nreg * (((16 * q) >> o.esz) << o.msz);
    add64(g[o.n]!, g[o.n + 1]!, off, off < 0 ? -1 : 0);
  } else addScaled(g, o.n, o.m, o.msz);
}

export function ldExec(cpu: Cpu, o: ContigOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  start(cpu, o, q);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const msz = o.msz;
  const nreg = o.nreg;
  const mbytes = 1 << msz;
  const count = (16 * q) >> esz;
  T.fill(0, 0, 64 * nreg);
  let checkFault = o.mode === M_NF;
  for (let e = 0; e < count; e++) {
    if (!active(p, pb, e, esz)) {
      advance(mbytes * nreg);
      continue;
    }
    for (let r = 0; r < nreg; r++) {
      if (checkFault && wouldFault(cpu, AD[0]!, AD[1]!, mbytes)) {
        clearFfrFrom(cpu, e << esz, q);
        for (let k = 0; k < nreg; k++) commit(cpu, k, (o.t + k) & 31, q);
        return;
      }
      const v = ldElem(cpu, AD[0]!, AD[1]!, msz, o.signed);
      putT(r, e, esz, v, elemHi);
      advance(mbytes);
    }
    if (o.mode === M_FF) checkFault = true;
  }
  for (let r = 0; r < nreg; r++) commit(cpu, r, (o.t + r) & 31, q);
}

export function stExec(cpu: Cpu, o: ContigOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  start(cpu, o, q);
  const p = st.p;
  const pb = o.g * st.maxVq;
  const esz = o.esz;
  const msz = o.msz;
  const nreg = o.nreg;
  const mbytes = 1 << msz;
  const count = (16 * q) >> esz;
  const fp = fpState(cpu);
  const z = fp.z;
  for (let e = 0; e < count; e++) {
    if (!active(p, pb, e, esz)) {
      advance(mbytes * nreg);
      continue;
    }
    for (let r = 0; r < nreg; r++) {
      const lo = zElem(z, ((o.t + r) & 31) * fp.stride, e, esz);
      stElem(cpu, AD[0]!, AD[1]!, msz, lo, ZH[0]!);
      advance(mbytes);
    }
  }
}

const P: InsnPattern<ContigOp>[] = [];

export function op(f: Fields, o: Partial<ContigOp>): ContigOp {
  return {
    t: f.Zt!,
    n: rsp(f.Rn!),
    m: -1,
    imm: 0,
    g: f.Pg!,
    msz: 0,
    esz: 0,
    signed: false,
    nreg: 1,
    mode: M_NORMAL,
    ...o,
  };
}

export const dt = (d: number): Partial<ContigOp> => ({
  msz: DT_MSZ[d]!,
  esz: DT_ESZ[d]!,
  signed: DT_SIGNED[d] === 1,
});

P.push(
  pattern<ContigOp>({
    name: 'LDFF1_zprr',
    pattern: '1010010 dtype:4 Rm:5 011 Pg:3 Rn:5 Zt:5',
    feature: 'FEAT_SVE',
    decode: (f) => op(f, { ...dt(f.dtype!), m: rz(f.Rm!), mode: M_FF }),
    exec: ldExec,
  }),
  pattern<ContigOp>({
    name: 'LDNF1_zpri',
    pattern: '1010010 dtype:4 1 imm4:4 101 Pg:3 Rn:5 Zt:5',
    feature: 'FEAT_SVE',
    decode: (f) => op(f, { ...dt(f.dtype!), imm: sext(f.imm4!, 4), mode: M_NF }),
    exec: ldExec,
  }),
);

const NAMES = ['NT1', '2', '3', '4'];
for (let nr = 0; nr < 4; nr++) {
  const nreg = nr + 1;
  const nb = `${nr >> 1}${nr & 1}`;
  // the loads and the stores decode alike
  const rr = (f: Fields): ContigOp | null =>
    f.Rm === 31 ? null : op(f, { msz: f.msz!, esz: f.msz!, m: rz(f.Rm!), nreg });
  const ri = (f: Fields): ContigOp =>
    op(f, { msz: f.msz!, esz: f.msz!, imm: sext(f.imm4!, 4), nreg });
  P.push(
    pattern<ContigOp>({
      name: `LD${NAMES[nr]}_zprr`,
      pattern: `1010010 msz:2 ${nb} Rm:5 110 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: rr,
      exec: ldExec,
    }),
    pattern<ContigOp>({
      name: `LD${NAMES[nr]}_zpri`,
      pattern: `1010010 msz:2 ${nb} 0 imm4:4 111 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: ri,
      exec: ldExec,
    }),
    pattern<ContigOp>({
      name: `ST${NAMES[nr]}_zprr`,
      pattern: `1110010 msz:2 ${nb} Rm:5 011 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: rr,
      exec: stExec,
    }),
    pattern<ContigOp>({
      name: `ST${NAMES[nr]}_zpri`,
      pattern: `1110010 msz:2 ${nb} 1 imm4:4 111 Pg:3 Rn:5 Zt:5`,
      feature: 'FEAT_SVE',
      decode: ri,
      exec: stExec,
    }),
  );
}

export const contigPatterns: readonly InsnPattern<ContigOp>[] = P;
