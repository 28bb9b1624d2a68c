import { pattern, type Cpu, type InsnPattern } from '@hypsim/core';
import { FFR, sveState } from './state.js';
import { checkSveAccess } from './traps.js';
import { syncVq } from './vl.js';

/**
 * FFR and the predicate instructions state save/restore code uses (Linux `sve_save_state`,
 * `sve_load_state`, `sve_flush_live`): PFALSE, SETFFR, RDFFR (unpredicated), RDFFR/RDFFRS
 * (predicated, RDFFRS setting NZCV as PTEST does), WRFFR. They write predicate bits below the
 * current VL only; the bits above are inaccessible and stay as the VL-change policy left them.
 */

interface PredOp {
  d: number;
  g: number;
  s: boolean;
}

/** Sets the accessible halfwords of Pn (16 = FFR) to `value`. */
function setAll(cpu: Cpu, n: number, value: number): void {
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  const b = n * st.maxVq;
  st.p.fill(value, b, b + q);
}

function copyPred(cpu: Cpu, from: number, to: number): void {
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  st.p.copyWithin(to * st.maxVq, from * st.maxVq, from * st.maxVq + q);
}

/**
 * NZCV of the SVE PredTest with byte elements: N = first active element of `result` is true,
 * Z = no active element is true, C = last active element is not true, V = 0.
 */
export function predTestFlags(p: Uint16Array, mask: number, result: number, q: number): number {
  let first = -1;
  let last = -1;
  let any = false;
  for (let h = 0; h < q; h++) {
    const m = p[mask + h]!;
    if (m === 0) continue;
    const r = p[result + h]! & m;
    if (r !== 0) any = true;
    if (first < 0) first = (r >>> (31 - Math.clz32(m & -m))) & 1;
    last = (r >>> (31 - Math.clz32(m))) & 1;
  }
  return (first === 1 ? 8 : 0) | (any ? 0 : 4) | (last === 1 ? 0 : 2);
}

const pfalse = pattern<PredOp>({
  name: 'PFALSE_p',
  pattern: '0010010100011000111001000000 d:4',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.d!, g: 0, s: false }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    setAll(cpu, op.d, 0);
  },
});

const setffr = pattern<PredOp>({
  name: 'SETFFR_f',
  pattern: '00100101001011001001000000000000',
  feature: 'FEAT_SVE',
  decode: () => ({ d: FFR, g: 0, s: false }),
  exec: (cpu) => {
    checkSveAccess(cpu);
    setAll(cpu, FFR, 0xffff);
  },
});

const rdffr = pattern<PredOp>({
  name: 'RDFFR_p_f',
  pattern: '0010010100011001111100000000 d:4',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.d!, g: 0, s: false }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    copyPred(cpu, FFR, op.d);
  },
});

const rdffrPred = pattern<PredOp>({
  name: 'RDFFR_p_p_f',
  pattern: '00100101 0 s:1 011000 1111000 g:4 0 d:4',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.d!, g: f.g!, s: f.s === 1 }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const p = st.p;
    const mq = st.maxVq;
    const d = op.d * mq;
    const g = op.g * mq;
    const f = FFR * mq;
    for (let h = 0; h < q; h++) p[d + h] = p[f + h]! & p[g + h]!;
    if (op.s) cpu.nzcv = predTestFlags(p, g, d, q);
  },
});

const wrffr = pattern<PredOp>({
  name: 'WRFFR_f_p',
  pattern: '0010010100101000 1001000 g:4 00000',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: FFR, g: f.g!, s: false }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    copyPred(cpu, op.g, FFR);
  },
});

export const ffrPatterns: readonly InsnPattern<never>[] = [
  pfalse,
  setffr,
  rdffr,
  rdffrPred,
  wrffr,
] as unknown as readonly InsnPattern<never>[];
