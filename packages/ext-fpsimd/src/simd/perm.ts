import { pattern, rz, wz, type Cpu, type Exec, type Fields, type InsnPattern } from '@hypsim/core';
import { fpState } from '../state.js';
import { checkFpAccess } from '../traps.js';
import { urecpe32, ursqrte32 } from '../fp/estimate.js';
import { FMT_D, FMT_S } from '../fp/round.js';
import { expandImm } from '../scalar/dp.js';
import { A, B, R, storeR } from './lanes.js';

/**
 * AdvSIMD data movement: copy (DUP, INS, UMOV, SMOV), modified immediate (MOVI/MVNI/ORR/BIC,
 * FMOV vector immediate), permute (ZIP/UZP/TRN), EXT, TBL/TBX, REV*, across lanes (ADDV,
 * SADDLV/UADDLV, SMAXV/UMAXV/SMINV/UMINV), URECPE/URSQRTE.
 */

type P = InsnPattern<unknown>;

function add<Op>(
  out: P[],
  name: string,
  pat: string,
  decode: (f: Fields) => Op | null,
  exec: Exec<Op>,
): void {
  out.push(pattern<Op>({ name, pattern: pat, decode, exec, feature: 'FEAT_AdvSIMD' }) as P);
}

/** Lowest set bit of imm5 gives the element size; null when imm5<3:0> (or all) is zero. */
function imm5Size(imm5: number, max: number): number | null {
  for (let es = 0; es <= max; es++) if ((imm5 >> es) & 1) return es;
  return null;
}

function copyLane(dst: Uint8Array, di: number, src: Uint8Array, si: number, eb: number): void {
  for (let k = 0; k < eb; k++) dst[di + k] = src[si + k]!;
}

// ---- copy ----------------------------------------------------------------------------------------

interface DupOp {
  d: number;
  n: number;
  /** Source byte offset (element) or gpr index (general). */
  src: number;
  eb: number;
  bytes: number;
  q: boolean;
}

const dupElem: Exec<DupOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  R.clear();
  const r = R.u8;
  for (let i = 0; i < op.bytes; i += op.eb) copyLane(r, i, A.u8, op.src, op.eb);
  storeR(s, op.d, op.q);
};

const dupGen: Exec<DupOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  const g = cpu.gpr;
  A.i32[0] = g[op.src]!;
  A.i32[1] = g[op.src + 1]!;
  const r = R.u8;
  for (let i = 0; i < op.bytes; i += op.eb) copyLane(r, i, A.u8, 0, op.eb);
  storeR(s, op.d, op.q);
};

interface InsOp {
  d: number;
  n: number;
  /** Destination and source byte offsets. */
  dst: number;
  src: number;
  eb: number;
}

const insGen: Exec<InsOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  const g = cpu.gpr;
  R.load(s, op.d);
  A.i32[0] = g[op.n]!;
  A.i32[1] = g[op.n + 1]!;
  copyLane(R.u8, op.dst, A.u8, 0, op.eb);
  storeR(s, op.d, true);
};

const insElem: Exec<InsOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  R.load(s, op.d);
  copyLane(R.u8, op.dst, A.u8, op.src, op.eb);
  storeR(s, op.d, true);
};

interface MovOp {
  /** gpr index of Rd (XZR: sink). */
  d: number;
  n: number;
  src: number;
  es: number;
  /** SMOV to Xd (else Wd: upper 32 bits zero). */
  x: boolean;
}

const umov: Exec<MovOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  const g = cpu.gpr;
  const es = op.es;
  if (es === 3) {
    g[op.d] = A.i32[op.src >> 2]!;
    g[op.d + 1] = A.i32[(op.src >> 2) + 1]!;
    return;
  }
  g[op.d] = es === 0 ? A.u8[op.src]! : es === 1 ? A.u16[op.src >> 1]! : A.i32[op.src >> 2]!;
  g[op.d + 1] = 0;
};

const smov: Exec<MovOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  const g = cpu.gpr;
  const es = op.es;
  const v = es === 0 ? A.i8[op.src]! : es === 1 ? A.i16[op.src >> 1]! : A.i32[op.src >> 2]!;
  g[op.d] = v;
  g[op.d + 1] = op.x ? v >> 31 : 0;
};

function copyPatterns(out: P[]): void {
  add<DupOp>(
    out,
    'DUP_elem_v',
    '0 Q:1 0 01110000 imm5:5 0 0000 1 Rn:5 Rd:5',
    (f) => {
      const es = imm5Size(f.imm5!, 3);
      if (es === null || (es === 3 && !f.Q)) return null;
      const eb = 1 << es;
      return {
        d: f.Rd!,
        n: f.Rn!,
        src: (f.imm5! >> (es + 1)) * eb,
        eb,
        bytes: f.Q ? 16 : 8,
        q: f.Q === 1,
      };
    },
    dupElem,
  );
  add<DupOp>(
    out,
    'DUP_elem_s',
    '01 0 11110000 imm5:5 0 0000 1 Rn:5 Rd:5',
    (f) => {
      const es = imm5Size(f.imm5!, 3);
      if (es === null) return null;
      const eb = 1 << es;
      return { d: f.Rd!, n: f.Rn!, src: (f.imm5! >> (es + 1)) * eb, eb, bytes: eb, q: false };
    },
    dupElem,
  );
  add<DupOp>(
    out,
    'DUP_gen',
    '0 Q:1 0 01110000 imm5:5 0 0001 1 Rn:5 Rd:5',
    (f) => {
      const es = imm5Size(f.imm5!, 3);
      if (es === null || (es === 3 && !f.Q)) return null;
      return { d: f.Rd!, n: 0, src: rz(f.Rn!), eb: 1 << es, bytes: f.Q ? 16 : 8, q: f.Q === 1 };
    },
    dupGen,
  );
  add<InsOp>(
    out,
    'INS_gen',
    '0 1 0 01110000 imm5:5 0 0011 1 Rn:5 Rd:5',
    (f) => {
      const es = imm5Size(f.imm5!, 3);
      if (es === null) return null;
      const eb = 1 << es;
      return { d: f.Rd!, n: rz(f.Rn!), dst: (f.imm5! >> (es + 1)) * eb, src: 0, eb };
    },
    insGen,
  );
  add<InsOp>(
    out,
    'INS_elem',
    '0 1 1 01110000 imm5:5 0 imm4:4 1 Rn:5 Rd:5',
    (f) => {
      const es = imm5Size(f.imm5!, 3);
      if (es === null) return null;
      const eb = 1 << es;
      return { d: f.Rd!, n: f.Rn!, dst: (f.imm5! >> (es + 1)) * eb, src: (f.imm4! >> es) * eb, eb };
    },
    insElem,
  );
  add<MovOp>(
    out,
    'UMOV',
    '0 Q:1 0 01110000 imm5:5 0 0111 1 Rn:5 Rd:5',
    (f) => {
      const es = imm5Size(f.imm5!, 3);
      if (es === null) return null;
      // Q selects the destination width: 64-bit only for D elements, 32-bit for the rest.
      if ((es === 3) !== (f.Q === 1)) return null;
      return { d: wz(f.Rd!), n: f.Rn!, src: (f.imm5! >> (es + 1)) << es, es, x: es === 3 };
    },
    umov,
  );
  add<MovOp>(
    out,
    'SMOV',
    '0 Q:1 0 01110000 imm5:5 0 0101 1 Rn:5 Rd:5',
    (f) => {
      const es = imm5Size(f.imm5!, 2);
      if (es === null) return null;
      if (es === 2 && !f.Q) return null;
      return { d: wz(f.Rd!), n: f.Rn!, src: (f.imm5! >> (es + 1)) << es, es, x: f.Q === 1 };
    },
    smov,
  );
}

// ---- modified immediate --------------------------------------------------------------------------

interface ImmOp {
  d: number;
  q: boolean;
  /** 0 MOVI/MVNI/FMOV (write), 1 ORR, 2 BIC (AND with the inverted immediate). */
  kind: number;
  lo: number;
  hi: number;
}

const movImm: Exec<ImmOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  if (op.kind === 0) {
    if (op.q) s.writeV(op.d, op.lo, op.hi, op.lo, op.hi);
    else s.writeD(op.d, op.lo, op.hi);
    return;
  }
  R.load(s, op.d);
  const w = R.i32;
  if (op.kind === 1) {
    w[0] = w[0]! | op.lo;
    w[1] = w[1]! | op.hi;
    w[2] = w[2]! | op.lo;
    w[3] = w[3]! | op.hi;
  } else {
    w[0] = w[0]! & op.lo;
    w[1] = w[1]! & op.hi;
    w[2] = w[2]! & op.lo;
    w[3] = w[3]! & op.hi;
  }
  storeR(s, op.d, op.q);
};

function decModImm(f: Fields): ImmOp | null {
  const imm8 = (f.abc! << 5) | f.defgh!;
  const cmode = f.cmode!;
  const o = f.op!;
  const q = f.Q === 1;
  let lo: number;
  let hi: number;
  let kind = 0;
  let invert = o === 1;
  if (cmode < 8) {
    lo = imm8 << (8 * (cmode >> 1));
    hi = lo;
    if (cmode & 1) kind = o ? 2 : 1;
  } else if (cmode < 12) {
    const h = imm8 << (8 * ((cmode >> 1) & 1));
    lo = h | (h << 16);
    hi = lo;
    if (cmode & 1) kind = o ? 2 : 1;
  } else if (cmode === 12) {
    lo = (imm8 << 8) | 0xff;
    hi = lo;
  } else if (cmode === 13) {
    lo = (imm8 << 16) | 0xffff;
    hi = lo;
  } else if (cmode === 14) {
    invert = false;
    if (o === 0) {
      lo = imm8 * 0x01010101;
      hi = lo;
    } else {
      lo = 0;
      hi = 0;
      for (let i = 0; i < 4; i++) {
        if ((imm8 >> i) & 1) lo |= 0xff << (8 * i);
        if ((imm8 >> (i + 4)) & 1) hi |= 0xff << (8 * i);
      }
    }
  } else {
    invert = false;
    if (o === 0) {
      // FMOV (vector, single): VFPExpandImm in each word
      lo = expandImm(imm8, FMT_S)[0];
      hi = lo;
    } else {
      // FMOV (vector, double), Q=1 only
      if (!q) return null;
      [lo, hi] = expandImm(imm8, FMT_D);
    }
  }
  // MVNI and BIC invert the immediate (BIC then ANDs with it).
  if (invert) {
    lo = ~lo;
    hi = ~hi;
  }
  return { d: f.Rd!, q, kind, lo: lo | 0, hi: hi | 0 };
}

function modImmPatterns(out: P[]): void {
  add<ImmOp>(
    out,
    'MOVI_v',
    '0 Q:1 op:1 0111100000 abc:3 cmode:4 0 1 defgh:5 Rd:5',
    decModImm,
    movImm,
  );
  // FMOV (vector, immediate) single/double are op=0/1, cmode=1111, o2=0 (decoded above);
  // o2=1 is FMOV half precision (FEAT_FP16), not claimed.
}

// ---- permute, EXT, TBL ------------------------------------------------------------------------------

interface PermOp {
  d: number;
  n: number;
  m: number;
  q: boolean;
  eb: number;
  /** Part (0 for *1, 1 for *2), or the EXT byte position / TBL register count. */
  p: number;
}

const uzp: Exec<PermOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  B.load(s, op.m);
  const eb = op.eb;
  const bytes = op.q ? 16 : 8;
  const half = bytes >> 1;
  R.clear();
  for (let i = 0; i < half; i += eb) {
    copyLane(R.u8, i, A.u8, 2 * i + op.p * eb, eb);
    copyLane(R.u8, half + i, B.u8, 2 * i + op.p * eb, eb);
  }
  storeR(s, op.d, op.q);
};

const trn: Exec<PermOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  B.load(s, op.m);
  const eb = op.eb;
  const bytes = op.q ? 16 : 8;
  R.clear();
  for (let i = 0; i < bytes; i += 2 * eb) {
    copyLane(R.u8, i, A.u8, i + op.p * eb, eb);
    copyLane(R.u8, i + eb, B.u8, i + op.p * eb, eb);
  }
  storeR(s, op.d, op.q);
};

const zip: Exec<PermOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  B.load(s, op.m);
  const eb = op.eb;
  const bytes = op.q ? 16 : 8;
  const base = op.p * (bytes >> 1);
  R.clear();
  for (let i = 0; i < bytes >> 1; i += eb) {
    copyLane(R.u8, 2 * i, A.u8, base + i, eb);
    copyLane(R.u8, 2 * i + eb, B.u8, base + i, eb);
  }
  storeR(s, op.d, op.q);
};

const ext: Exec<PermOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  const bytes = op.q ? 16 : 8;
  A.load(s, op.n);
  // Vm goes right after the used part of Vn (byte `bytes` of the 32-byte buffer).
  A.load(s, op.m, bytes >> 2);
  R.clear();
  for (let i = 0; i < bytes; i++) R.u8[i] = A.u8[op.p + i]!;
  storeR(s, op.d, op.q);
};

/** Table registers for TBL/TBX (up to 4 × 16 bytes). */
const TABLE = new Uint8Array(64);
const TABLE32 = new Int32Array(TABLE.buffer);

function tbl(cpu: Cpu, op: PermOp, tbx: boolean): void {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  const z = s.z;
  for (let r = 0; r < op.p; r++) {
    const b = s.base((op.n + r) & 31);
    TABLE32[4 * r] = z[b]!;
    TABLE32[4 * r + 1] = z[b + 1]!;
    TABLE32[4 * r + 2] = z[b + 2]!;
    TABLE32[4 * r + 3] = z[b + 3]!;
  }
  B.load(s, op.m);
  if (tbx) R.load(s, op.d);
  else R.clear();
  const limit = 16 * op.p;
  const bytes = op.q ? 16 : 8;
  for (let i = 0; i < bytes; i++) {
    const x = B.u8[i]!;
    if (x < limit) R.u8[i] = TABLE[x]!;
    else if (!tbx) R.u8[i] = 0;
  }
  storeR(s, op.d, op.q);
}

/** REV16/REV32/REV64: reverse elements of size eb within containers of p bytes. */
const rev: Exec<PermOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  R.clear();
  const bytes = op.q ? 16 : 8;
  const c = op.p;
  const eb = op.eb;
  for (let base = 0; base < bytes; base += c)
    for (let o = 0; o < c; o += eb) copyLane(R.u8, base + o, A.u8, base + c - eb - o, eb);
  storeR(s, op.d, op.q);
};

function permPatterns(out: P[]): void {
  const dec = (f: Fields): PermOp | null => {
    if (f.size === 3 && !f.Q) return null;
    return { d: f.Rd!, n: f.Rn!, m: f.Rm!, q: f.Q === 1, eb: 1 << f.size!, p: 0 };
  };
  const dec2 = (f: Fields): PermOp | null => {
    const o = dec(f);
    if (o) o.p = 1;
    return o;
  };
  const tail = 'Rm:5 0';
  add(out, 'UZP1', `0 Q:1 001110 size:2 0 ${tail} 001 10 Rn:5 Rd:5`, dec, uzp);
  add(out, 'TRN1', `0 Q:1 001110 size:2 0 ${tail} 010 10 Rn:5 Rd:5`, dec, trn);
  add(out, 'ZIP1', `0 Q:1 001110 size:2 0 ${tail} 011 10 Rn:5 Rd:5`, dec, zip);
  add(out, 'UZP2', `0 Q:1 001110 size:2 0 ${tail} 101 10 Rn:5 Rd:5`, dec2, uzp);
  add(out, 'TRN2', `0 Q:1 001110 size:2 0 ${tail} 110 10 Rn:5 Rd:5`, dec2, trn);
  add(out, 'ZIP2', `0 Q:1 001110 size:2 0 ${tail} 111 10 Rn:5 Rd:5`, dec2, zip);
  add<PermOp>(
    out,
    'EXT',
    '0 Q:1 101110 00 0 Rm:5 0 imm4:4 0 Rn:5 Rd:5',
    (f) => {
      if (!f.Q && f.imm4! >= 8) return null;
      return { d: f.Rd!, n: f.Rn!, m: f.Rm!, q: f.Q === 1, eb: 1, p: f.imm4! };
    },
    ext,
  );
  const decTbl = (f: Fields): PermOp => ({
    d: f.Rd!,
    n: f.Rn!,
    m: f.Rm!,
    q: f.Q === 1,
    eb: 1,
    p: f.len! + 1,
  });
  add<PermOp>(out, 'TBL', '0 Q:1 001110 000 Rm:5 0 len:2 0 00 Rn:5 Rd:5', decTbl, (c, o) =>
    tbl(c, o, false),
  );
  add<PermOp>(out, 'TBX', '0 Q:1 001110 000 Rm:5 0 len:2 1 00 Rn:5 Rd:5', decTbl, (c, o) =>
    tbl(c, o, true),
  );
  // REV64 (U=0, 00000), REV32 (U=1, 00000), REV16 (U=0, 00001).
  for (const [u, opc, name, c] of [
    [0, '00000', 'REV64', 8],
    [1, '00000', 'REV32', 4],
    [0, '00001', 'REV16', 2],
  ] as const)
    add<PermOp>(
      out,
      name,
      `0 Q:1 ${u} 01110 size:2 10000 ${opc} 10 Rn:5 Rd:5`,
      (f) => {
        const eb = 1 << f.size!;
        if (eb >= c) return null;
        return { d: f.Rd!, n: f.Rn!, m: 0, q: f.Q === 1, eb, p: c };
      },
      rev,
    );
}

// ---- across lanes ---------------------------------------------------------------------------------

interface AcrossOp {
  d: number;
  n: number;
  es: number;
  lanes: number;
  signed: boolean;
  /** 0 ADDV, 1 ADDLV, 2 MAXV, 3 MINV. */
  kind: number;
}

const across: Exec<AcrossOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  let acc = A.get(op.es, op.signed, 0);
  const kind = op.kind;
  for (let i = 1; i < op.lanes; i++) {
    const v = A.get(op.es, op.signed, i);
    if (kind <= 1) acc += v;
    else if (kind === 2) acc = v > acc ? v : acc;
    else acc = v < acc ? v : acc;
  }
  R.clear();
  R.set(kind === 1 ? op.es + 1 : op.es, 0, acc);
  storeR(s, op.d, false);
};

function acrossPatterns(out: P[]): void {
  for (const [u, opc, name, kind] of [
    [0, '00011', 'SADDLV', 1],
    [1, '00011', 'UADDLV', 1],
    [0, '01010', 'SMAXV', 2],
    [1, '01010', 'UMAXV', 2],
    [0, '11010', 'SMINV', 3],
    [1, '11010', 'UMINV', 3],
    [0, '11011', 'ADDV', 0],
  ] as const)
    add<AcrossOp>(
      out,
      name,
      `0 Q:1 ${u} 01110 size:2 11000 ${opc} 10 Rn:5 Rd:5`,
      (f) => {
        const es = f.size!;
        if (es === 3 || (es === 2 && !f.Q)) return null;
        return { d: f.Rd!, n: f.Rn!, es, lanes: (f.Q ? 16 : 8) >> es, signed: u === 0, kind };
      },
      across,
    );
}

// ---- URECPE / URSQRTE (two-register misc, opcode 11100, size 10) -----------------------------

interface EstOp {
  d: number;
  n: number;
  q: boolean;
  lanes: number;
}

const urecpe: Exec<EstOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  R.clear();
  for (let i = 0; i < op.lanes; i++) R.i32[i] = urecpe32(A.i32[i]!);
  storeR(s, op.d, op.q);
};

const ursqrte: Exec<EstOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const s = fpState(cpu);
  A.load(s, op.n);
  R.clear();
  for (let i = 0; i < op.lanes; i++) R.i32[i] = ursqrte32(A.i32[i]!);
  storeR(s, op.d, op.q);
};

function estimatePatterns(out: P[]): void {
  const dec = (f: Fields): EstOp => ({ d: f.Rd!, n: f.Rn!, q: f.Q === 1, lanes: f.Q ? 4 : 2 });
  add(out, 'URECPE', '0 Q:1 0 01110 10 10000 11100 10 Rn:5 Rd:5', dec, urecpe);
  add(out, 'URSQRTE', '0 Q:1 1 01110 10 10000 11100 10 Rn:5 Rd:5', dec, ursqrte);
}

export function movePatterns(): P[] {
  const out: P[] = [];
  copyPatterns(out);
  modImmPatterns(out);
  permPatterns(out);
  acrossPatterns(out);
  estimatePatterns(out);
  return out;
}
