import { pattern, rz, wz, type Cpu, type InsnPattern } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../state.js';
import { checkSveAccess } from '../traps.js';
import { syncVq } from '../vl.js';
import { predTestFlags } from '../ffr.js';
import { EMASK } from './intx/common.js';

/**
 * SVE predicate creation and tests (issue 5, part 1): PTRUE(S), WHILELT/LE/LO/LS, PTEST, the
 * predicated predicate logical ops (and their flag-setting forms), CNTP, CNTB/H/W/D and the
 * INC/DEC by element count (scalar and vector). Flags follow the SVE PredTest convention:
 * N = first active element true, Z = no active element true, C = last active element not
 * true, V = 0.
 */

/** DecodePredCount: the element count a pattern gives for `elements` elements. */
export function predCount(pat: number, elements: number): number {
  if (pat === 0) return elements === 0 ? 0 : 1 << (31 - Math.clz32(elements));
  if (pat >= 1 && pat <= 8) return pat <= elements ? pat : 0;
  if (pat >= 9 && pat <= 13) {
    const n = 16 << (pat - 9);
    return n <= elements ? n : 0;
  }
  if (pat === 29) return elements - (elements % 4);
  if (pat === 30) return elements - (elements % 3);
  if (pat === 31) return elements;
  return 0;
}

/** Writes the first `count` elements (size 2^esz bytes) of Pd true, the rest (below VL) false. */
function setLeading(p: Uint16Array, base: number, q: number, esz: number, count: number): void {
  const nb = count << esz;
  const m = EMASK[esz]!;
  for (let g = 0; g < q; g++) {
    let k = nb - 16 * g;
    if (k < 0) k = 0;
    else if (k > 16) k = 16;
    p[base + g] = ((1 << k) - 1) & m;
  }
}

/** NZCV of PredTest(all-true, leading `count` of `elements`) (WHILE*). */
function leadingFlags(count: number, elements: number): number {
  return count === 0 ? 6 : 8 | (count < elements ? 2 : 0);
}

interface PtrueOp {
  d: number;
  esz: number;
  pat: number;
  s: boolean;
}

const ptrue = pattern<PtrueOp>({
  name: 'PTRUE',
  pattern: '00100101 esz:2 01100 s:1 111000 pat:5 0 d:4',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: f.d!, esz: f.esz!, pat: f.pat!, s: f.s === 1 }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const elements = (16 * q) >> op.esz;
    const count = predCount(op.pat, elements);
    setLeading(st.p, op.d * st.maxVq, q, op.esz, count);
    // PTRUES: PredTest(result, result, esize) — the mask is the result itself.
    if (op.s) cpu.nzcv = count === 0 ? 6 : 8;
  },
});

interface WhileOp {
  d: number;
  esz: number;
  n: number;
  m: number;
  sf: boolean;
  u: boolean;
  eq: boolean;
}

const whileInsn = pattern<WhileOp>({
  name: 'WHILE',
  pattern: '00100101 esz:2 1 Rm:5 000 sf:1 u:1 1 Rn:5 eq:1 d:4',
  feature: 'FEAT_SVE',
  decode: (f) => ({
    d: f.d!,
    esz: f.esz!,
    n: rz(f.Rn!),
    m: rz(f.Rm!),
    sf: f.sf === 1,
    u: f.u === 1,
    eq: f.eq === 1,
  }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const elements = (16 * q) >> op.esz;
    const g = cpu.gpr;
    let h1: number, h2: number, l1: number, l2: number, max: boolean;
    if (op.sf) {
      l1 = g[op.n]! >>> 0;
      l2 = g[op.m]! >>> 0;
      h1 = op.u ? g[op.n + 1]! >>> 0 : g[op.n + 1]! | 0;
      h2 = op.u ? g[op.m + 1]! >>> 0 : g[op.m + 1]! | 0;
      max = l2 === 0xffffffff && h2 === (op.u ? 0xffffffff : 0x7fffffff);
    } else {
      h1 = h2 = 0;
      l1 = op.u ? g[op.n]! >>> 0 : g[op.n]! | 0;
      l2 = op.u ? g[op.m]! >>> 0 : g[op.m]! | 0;
      max = l2 === (op.u ? 0xffffffff : 0x7fffffff);
    }
    // op2 - op1 (exact when small; only compared against elements otherwise)
    let diff = (h2 - h1) * 4294967296 + (l2 - l1);
    if (op.eq) diff = max && diff >= 0 ? elements : diff + 1;
    const count = diff <= 0 ? 0 : diff > elements ? elements : diff;
    setLeading(st.p, op.d * st.maxVq, q, op.esz, count);
    cpu.nzcv = leadingFlags(count, elements);
  },
});

interface PredOp {
  d: number;
  g: number;
  n: number;
  m: number;
  op: number;
  s: boolean;
}

const ptest = pattern<PredOp>({
  name: 'PTEST',
  pattern: '0010010101010000 11 g:4 0 n:4 00000',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: 0, g: f.g!, n: f.n!, m: 0, op: 0, s: true }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const p = st.p;
    const mq = st.maxVq;
    cpu.nzcv = predTestFlags(p, op.g * mq, op.n * mq, q);
  },
});

// op = bit23 << 2 | bit9 << 1 | bit4
const LOGIC_NAMES = ['AND', 'BIC', 'EOR', 'SEL', 'ORR', 'ORN', 'NOR', 'NAND'] as const;

function logicExec(cpu: Cpu, op: PredOp): void {
  checkSveAccess(cpu);
  const st = sveState(cpu);
  const q = syncVq(cpu, st);
  const p = st.p;
  const mq = st.maxVq;
  const d = op.d * mq;
  const gb = op.g * mq;
  const nb = op.n * mq;
  const mb = op.m * mq;
  let first = -1;
  let last = 0;
  let any = false;
  for (let h = 0; h < q; h++) {
    const g = p[gb + h]!;
    const a = p[nb + h]!;
    const b = p[mb + h]!;
    let r: number;
    switch (op.op) {
      case 0:
        r = a & b & g;
        break;
      case 1:
        r = a & ~b & g;
        break;
      case 2:
        r = (a ^ b) & g;
        break;
      case 3:
        r = (a & g) | (b & ~g);
        break;
      case 4:
        r = (a | b) & g;
        break;
      case 5:
        r = (a | ~b) & g;
        break;
      case 6:
        r = ~(a | b) & g;
        break;
      default:
        r = ~(a & b) & g;
        break;
    }
    r &= 0xffff;
    p[d + h] = r;
    if (g !== 0) {
      const rg = r & g;
      if (rg !== 0) any = true;
      if (first < 0) first = (rg >>> (31 - Math.clz32(g & -g))) & 1;
      last = (rg >>> (31 - Math.clz32(g))) & 1;
    }
  }
  if (op.s) cpu.nzcv = (first === 1 ? 8 : 0) | (any ? 0 : 4) | (last === 1 ? 0 : 2);
}

const logicPatterns = LOGIC_NAMES.map((name, op) =>
  pattern<PredOp>({
    name: `${name}_pppp`,
    pattern:
      `00100101 ${op >> 2} ${op === 3 ? '0' : 's:1'} 00 m:4 01 g:4 ${(op >> 1) & 1} n:4 ` +
      `${op & 1} d:4`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ d: f.d!, g: f.g!, n: f.n!, m: f.m!, op, s: f.s === 1 }),
    exec: logicExec,
  }),
);

interface CntpOp {
  d: number;
  g: number;
  n: number;
  esz: number;
}

const cntp = pattern<CntpOp>({
  name: 'CNTP',
  pattern: '00100101 esz:2 100000 10 g:4 0 n:4 Rd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: wz(f.Rd!), g: f.g!, n: f.n!, esz: f.esz! }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const p = st.p;
    const mq = st.maxVq;
    const gb = op.g * mq;
    const nb = op.n * mq;
    const em = EMASK[op.esz]!;
    let c = 0;
    for (let h = 0; h < q; h++) {
      let v = p[gb + h]! & p[nb + h]! & em;
      v = v - ((v >>> 1) & 0x5555);
      v = (v & 0x3333) + ((v >>> 2) & 0x3333);
      v = (v + (v >>> 4)) & 0x0f0f;
      c += (v + (v >>> 8)) & 0x1f;
    }
    cpu.gpr[op.d] = c;
    cpu.gpr[op.d + 1] = 0;
  },
});

interface CountOp {
  d: number;
  n: number;
  esz: number;
  pat: number;
  imm: number;
  /** +1 INC, -1 DEC, 0 CNT. */
  sign: number;
}

/** Access check, then the count of pattern `pat` at the current VL for .esz elements × imm. */
function elemCount(cpu: Cpu, pat: number, esz: number, imm: number): number {
  checkSveAccess(cpu);
  const q = syncVq(cpu);
  return predCount(pat, (16 * q) >> esz) * imm;
}

const cntr = pattern<CountOp>({
  name: 'CNT_r',
  pattern: '00000100 esz:2 10 imm4:4 111000 pat:5 Rd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: wz(f.Rd!), n: 0, esz: f.esz!, pat: f.pat!, imm: f.imm4! + 1, sign: 0 }),
  exec: (cpu, op) => {
    const c = elemCount(cpu, op.pat, op.esz, op.imm);
    cpu.gpr[op.d] = c;
    cpu.gpr[op.d + 1] = 0;
  },
});

const incdecr = pattern<CountOp>({
  name: 'INCDEC_r',
  pattern: '00000100 esz:2 11 imm4:4 11100 dec:1 pat:5 Rd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({
    d: wz(f.Rd!),
    n: rz(f.Rd!),
    esz: f.esz!,
    pat: f.pat!,
    imm: f.imm4! + 1,
    sign: f.dec === 1 ? -1 : 1,
  }),
  exec: (cpu, op) => {
    const c = elemCount(cpu, op.pat, op.esz, op.imm) * op.sign;
    const g = cpu.gpr;
    const s = (g[op.n]! >>> 0) + c;
    let hi = g[op.n + 1]!;
    if (s < 0) hi = (hi - 1) | 0;
    else if (s >= 4294967296) hi = (hi + 1) | 0;
    g[op.d] = s | 0;
    g[op.d + 1] = hi;
  },
});

const incdecv = pattern<CountOp>({
  name: 'INCDEC_v',
  pattern: '00000100 esz:2 11 imm4:4 11000 dec:1 pat:5 Zd:5',
  feature: 'FEAT_SVE',
  decode: (f) =>
    f.esz === 0
      ? null
      : { d: f.Zd!, n: 0, esz: f.esz!, pat: f.pat!, imm: f.imm4! + 1, sign: f.dec === 1 ? -1 : 1 },
  exec: (cpu, op) => {
    const c = elemCount(cpu, op.pat, op.esz, op.imm) * op.sign;
    const q = syncVq(cpu);
    const fp = fpState(cpu);
    const z = fp.z;
    const b = op.d * fp.stride;
    const words = 4 * q;
    if (op.esz === 1) {
      for (let w = b; w < b + words; w++) {
        const x = z[w]!;
        z[w] = ((x + c) & 0xffff) | (((x >>> 16) + c) << 16);
      }
    } else if (op.esz === 2) {
      for (let w = b; w < b + words; w++) z[w] = (z[w]! + c) | 0;
    } else {
      for (let w = b; w < b + words; w += 2) {
        const s = (z[w]! >>> 0) + c;
        z[w] = s | 0;
        if (s < 0) z[w + 1] = (z[w + 1]! - 1) | 0;
        else if (s >= 4294967296) z[w + 1] = (z[w + 1]! + 1) | 0;
      }
    }
  },
});

interface SatOp {
  d: number;
  n: number;
  esz: number;
  pat: number;
  imm: number;
  dec: boolean;
  unsigned: boolean;
}

const satDecode = (f: Readonly<Record<string, number>>): SatOp => ({
  d: wz(f.Rdn!),
  n: rz(f.Rdn!),
  esz: f.esz!,
  pat: f.pat!,
  imm: f.imm4! + 1,
  dec: f.dec === 1,
  unsigned: f.u === 1,
});

/** SQINC/UQINC/SQDEC/UQDEC (scalar, 32-bit): saturate to W, then sign/zero-extend to X. */
const sincdec32 = pattern<SatOp>({
  name: 'SINCDEC_r_32',
  pattern: '00000100 esz:2 10 imm4:4 1111 dec:1 u:1 pat:5 Rdn:5',
  feature: 'FEAT_SVE',
  decode: satDecode,
  exec: (cpu, op) => {
    const c = elemCount(cpu, op.pat, op.esz, op.imm);
    const g = cpu.gpr;
    const x = g[op.n]!;
    let r = op.unsigned ? (x >>> 0) + (op.dec ? -c : c) : (x | 0) + (op.dec ? -c : c);
    if (op.unsigned) r = r < 0 ? 0 : r > 0xffffffff ? 0xffffffff : r;
    else r = r < -0x80000000 ? -0x80000000 : r > 0x7fffffff ? 0x7fffffff : r;
    g[op.d] = r | 0;
    g[op.d + 1] = !op.unsigned && r < 0 ? -1 : 0;
  },
});

/** SQINC/UQINC/SQDEC/UQDEC (scalar, 64-bit), saturating to the X range. */
const sincdec64 = pattern<SatOp>({
  name: 'SINCDEC_r_64',
  pattern: '00000100 esz:2 11 imm4:4 1111 dec:1 u:1 pat:5 Rdn:5',
  feature: 'FEAT_SVE',
  decode: satDecode,
  exec: (cpu, op) => {
    const c = elemCount(cpu, op.pat, op.esz, op.imm);
    const g = cpu.gpr;
    let s = (g[op.n]! >>> 0) + (op.dec ? -c : c);
    const hi = op.unsigned ? g[op.n + 1]! >>> 0 : g[op.n + 1]! | 0;
    let nh = hi;
    if (s < 0) {
      s += 4294967296;
      nh = hi - 1;
    } else if (s >= 4294967296) {
      s -= 4294967296;
      nh = hi + 1;
    }
    let lo = s | 0;
    if (op.unsigned && nh > 0xffffffff) lo = nh = -1;
    else if (op.unsigned && nh < 0) lo = nh = 0;
    else if (!op.unsigned && nh > 0x7fffffff) {
      lo = -1;
      nh = 0x7fffffff;
    } else if (!op.unsigned && nh < -0x80000000) {
      lo = 0;
      nh = -0x80000000;
    }
    g[op.d] = lo;
    g[op.d + 1] = nh | 0;
  },
});

export const predicatePatterns: readonly InsnPattern<never>[] = [
  ptrue,
  whileInsn,
  ptest,
  ...logicPatterns,
  cntp,
  cntr,
  incdecr,
  incdecv,
  sincdec32,
  sincdec64,
] as unknown as readonly InsnPattern<never>[];
