import { pattern, rz, type Cpu } from '@hypsim/core';
import { sveState } from '../../state.js';
import { EMASK, SCRATCH16, prep, storeScratch16 } from './common.js';

/**
 * Predicate iteration and partition breaks: PFIRST, PNEXT, BRKA/BRKB (zeroing, merging,
 * flag-setting), BRKN(S), BRKPA/BRKPB(S), and CTERMEQ/CTERMNE. Flags follow PredTest (N =
 * first active element true, Z = none true, C = last active element not true, V = 0).
 */

/**
 * PredTest of the halfwords SCRATCH16[0..q) (the result, not yet stored: the mask may be the
 * destination) under the mask halfwords at mb (& em), or an all-true mask.
 */
function testFlags(p: Uint16Array, mb: number, q: number, em: number, allTrue: boolean): number {
  let first = -1;
  let last = -1;
  let any = false;
  for (let h = 0; h < q; h++) {
    const m = allTrue ? em : p[mb + h]! & em;
    if (m === 0) continue;
    const r = SCRATCH16[h]! & m;
    if (r !== 0) any = true;
    if (first < 0) first = (r >>> (31 - Math.clz32(m & -m))) & 1;
    last = (r >>> (31 - Math.clz32(m))) & 1;
  }
  return (first === 1 ? 8 : 0) | (any ? 0 : 4) | (last === 1 ? 0 : 2);
}

interface PredOp {
  d: number;
  n: number;
  m: number;
  g: number;
  esz: number;
  /** BRK*: 0 A, 1 B; 2 merging flag in bit 1 for BRKA/B */
  kind: number;
  merge: boolean;
  s: boolean;
}

function predOp(
  d: number,
  n: number,
  m: number,
  g: number,
  esz: number,
  kind: number,
  merge: boolean,
  s: boolean,
): PredOp {
  return { d, n, m, g, esz, kind, merge, s };
}

const pfirst = pattern<PredOp>({
  name: 'PFIRST',
  pattern: '00100101 01 011000 11000 00 Pg:4 0 Pdn:4',
  feature: 'FEAT_SVE',
  decode: (f) => predOp(f.Pdn!, 0, 0, f.Pg!, 0, 0, false, true),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const st = sveState(cpu);
    const p = st.p;
    const gb = o.g * st.maxVq;
    const db = o.d * st.maxVq;
    let done = false;
    for (let h = 0; h < q; h++) {
      let v = p[db + h]!;
      const m = p[gb + h]!;
      if (!done && m !== 0) {
        v |= m & -m;
        done = true;
      }
      SCRATCH16[h] = v;
    }
    cpu.nzcv = testFlags(p, gb, q, 0xffff, false);
    storeScratch16(p, db, q);
  },
});

const pnext = pattern<PredOp>({
  name: 'PNEXT',
  pattern: '00100101 esz:2 011001 11000 10 Pv:4 0 Pdn:4',
  feature: 'FEAT_SVE',
  decode: (f) => predOp(f.Pdn!, 0, 0, f.Pv!, f.esz!, 0, false, true),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const st = sveState(cpu);
    const p = st.p;
    const gb = o.g * st.maxVq;
    const db = o.d * st.maxVq;
    const em = EMASK[o.esz]!;
    // bit index after the last true element of Pdn
    let from = 0;
    for (let h = q - 1; h >= 0; h--) {
      const v = p[db + h]! & em;
      if (v !== 0) {
        from = 16 * h + (31 - Math.clz32(v)) + 1;
        break;
      }
    }
    SCRATCH16.fill(0, 0, q);
    for (let h = from >> 4; h < q; h++) {
      let m = p[gb + h]! & em;
      if (h === from >> 4) m &= ~((1 << (from & 15)) - 1);
      if (m !== 0) {
        SCRATCH16[h] = m & -m;
        break;
      }
    }
    cpu.nzcv = testFlags(p, gb, q, em, false);
    storeScratch16(p, db, q);
  },
});

/** BRKA (kind 0) / BRKB (kind 1), zeroing or merging, optionally setting flags. */
function brkExec(cpu: Cpu, o: PredOp): void {
  const q = prep(cpu);
  const st = sveState(cpu);
  const p = st.p;
  const gb = o.g * st.maxVq;
  const nb = o.n * st.maxVq;
  const db = o.d * st.maxVq;
  let brk = false;
  for (let h = 0; h < q; h++) {
    const m = p[gb + h]!;
    const n = p[nb + h]!;
    let r = o.merge ? p[db + h]! & ~m : 0;
    for (let i = 0; i < 16; i++) {
      const bit = 1 << i;
      if ((m & bit) === 0) continue;
      if (o.kind === 0) {
        if (!brk) r |= bit;
        if (n & bit) brk = true;
      } else {
        if (n & bit) brk = true;
        if (!brk) r |= bit;
      }
    }
    SCRATCH16[h] = r;
  }
  if (o.s) cpu.nzcv = testFlags(p, gb, q, 0xffff, false);
  storeScratch16(p, db, q);
}

const brkZ = [0, 1].map((kind) =>
  pattern<PredOp>({
    name: `BRK${kind ? 'B' : 'A'}_z`,
    pattern: `00100101 ${kind} s:1 01000001 Pg:4 0 Pn:4 0 Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => predOp(f.Pd!, f.Pn!, 0, f.Pg!, 0, kind, false, f.s === 1),
    exec: brkExec,
  }),
);

const brkM = [0, 1].map((kind) =>
  pattern<PredOp>({
    name: `BRK${kind ? 'B' : 'A'}_m`,
    pattern: `00100101 ${kind}0 01000001 Pg:4 0 Pn:4 1 Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => predOp(f.Pd!, f.Pn!, 0, f.Pg!, 0, kind, true, false),
    exec: brkExec,
  }),
);

/** Bit of `x` at the last active element of the mask (byte granularity); false if none. */
function lastActive(p: Uint16Array, mb: number, xb: number, q: number): boolean {
  for (let h = q - 1; h >= 0; h--) {
    const m = p[mb + h]!;
    if (m !== 0) return ((p[xb + h]! >>> (31 - Math.clz32(m))) & 1) === 1;
  }
  return false;
}

const brkn = pattern<PredOp>({
  name: 'BRKN',
  pattern: '00100101 0 s:1 01100001 Pg:4 0 Pn:4 0 Pdm:4',
  feature: 'FEAT_SVE',
  decode: (f) => predOp(f.Pdm!, f.Pn!, 0, f.Pg!, 0, 0, false, f.s === 1),
  exec: (cpu, o) => {
    const q = prep(cpu);
    const st = sveState(cpu);
    const p = st.p;
    const db = o.d * st.maxVq;
    const keep = lastActive(p, o.g * st.maxVq, o.n * st.maxVq, q);
    for (let h = 0; h < q; h++) SCRATCH16[h] = keep ? p[db + h]! : 0;
    storeScratch16(p, db, q);
    if (o.s) cpu.nzcv = testFlags(p, 0, q, 0xffff, true);
  },
});

const brkp = [0, 1].map((kind) =>
  pattern<PredOp>({
    name: `BRKP${kind ? 'B' : 'A'}`,
    pattern: `00100101 0 s:1 00 Pm:4 11 Pg:4 0 Pn:4 ${kind} Pd:4`,
    feature: 'FEAT_SVE',
    decode: (f) => predOp(f.Pd!, f.Pn!, f.Pm!, f.Pg!, 0, kind, false, f.s === 1),
    exec: (cpu, o) => {
      const q = prep(cpu);
      const st = sveState(cpu);
      const p = st.p;
      const gb = o.g * st.maxVq;
      const mb = o.m * st.maxVq;
      let last = lastActive(p, gb, o.n * st.maxVq, q);
      for (let h = 0; h < q; h++) {
        const g = p[gb + h]!;
        const m = p[mb + h]!;
        let r = 0;
        for (let i = 0; i < 16; i++) {
          const bit = 1 << i;
          if ((g & bit) === 0) continue;
          if (o.kind === 0) {
            if (last) r |= bit;
            last = last && (m & bit) === 0;
          } else {
            last = last && (m & bit) === 0;
            if (last) r |= bit;
          }
        }
        SCRATCH16[h] = r;
      }
      if (o.s) cpu.nzcv = testFlags(p, gb, q, 0xffff, false);
      storeScratch16(p, o.d * st.maxVq, q);
    },
  }),
);

interface CtermOp {
  n: number;
  m: number;
  sf: boolean;
  ne: boolean;
}

const cterm = pattern<CtermOp>({
  name: 'CTERM',
  pattern: '00100101 1 sf:1 1 Rm:5 001000 Rn:5 ne:1 0000',
  feature: 'FEAT_SVE',
  decode: (f) => ({ n: rz(f.Rn!), m: rz(f.Rm!), sf: f.sf === 1, ne: f.ne === 1 }),
  exec: (cpu, o) => {
    prep(cpu);
    const g = cpu.gpr;
    let eq = g[o.n] === g[o.m];
    if (o.sf) eq = eq && g[o.n + 1] === g[o.m + 1];
    const term = o.ne ? !eq : eq;
    const c = cpu.nzcv & 2;
    const z = cpu.nzcv & 4;
    cpu.nzcv = term ? 8 | z | c : z | c | (c ? 0 : 1);
  },
});

export const pbreakPatterns = [pfirst, pnext, ...brkZ, ...brkM, brkn, ...brkp, cterm];
