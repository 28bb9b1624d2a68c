import { load, pattern, rsp, sext, store, wz, type Cpu, type InsnPattern } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { sveState } from './state.js';
import { checkSveAccess } from './traps.js';
import { syncVq } from './vl.js';
import { AD, add64 } from './insn/mem/common.js';

/**
 * The first SVE slice: what state save/restore code uses. RDVL, ADDVL, ADDPL (Arm ARM "SVE
 * stack frame adjustment" / "SVE stack frame size") and LDR/STR of Z and P with the
 * vector-length-scaled immediate. Each handler runs the SVE access check (EC 0x19 / 0x07) and
 * then reads the effective VL (synchronised per ctxEpoch). Every other SVE encoding is UNDEF.
 */

interface RegImmOp {
  d: number;
  n: number;
  imm: number;
}

/** Writes base + delta (|delta| < 2^31) to the 64-bit register at gpr index d. */
function addTo(cpu: Cpu, d: number, n: number, delta: number): void {
  const g = cpu.gpr;
  const s = (g[n]! >>> 0) + delta;
  let hi = g[n + 1]!;
  if (s < 0) hi = (hi - 1) | 0;
  else if (s >= 4294967296) hi = (hi + 1) | 0;
  g[d] = s | 0;
  g[d + 1] = hi;
}

const rdvl = pattern<RegImmOp>({
  name: 'RDVL_r_i',
  pattern: '00000100 1 0 1 11111 01010 imm6:6 Rd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: wz(f.Rd!), n: 0, imm: sext(f.imm6!, 6) }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const q = syncVq(cpu);
    const v = op.imm * 16 * q;
    cpu.gpr[op.d] = v;
    cpu.gpr[op.d + 1] = v < 0 ? -1 : 0;
  },
});

const addvl = pattern<RegImmOp>({
  name: 'ADDVL_r_ri',
  pattern: '00000100 0 0 1 Rn:5 01010 imm6:6 Rd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: rsp(f.Rd!), n: rsp(f.Rn!), imm: sext(f.imm6!, 6) }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    addTo(cpu, op.d, op.n, op.imm * 16 * syncVq(cpu));
  },
});

const addpl = pattern<RegImmOp>({
  name: 'ADDPL_r_ri',
  pattern: '00000100 0 1 1 Rn:5 01010 imm6:6 Rd:5',
  feature: 'FEAT_SVE',
  decode: (f) => ({ d: rsp(f.Rd!), n: rsp(f.Rn!), imm: sext(f.imm6!, 6) }),
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    addTo(cpu, op.d, op.n, op.imm * 2 * syncVq(cpu));
  },
});

interface LdStOp {
  t: number;
  n: number;
  imm: number;
}

const ldstDecode = (f: Readonly<Record<string, number>>): LdStOp => ({
  t: f.t!,
  n: rsp(f.Rn!),
  imm: sext((f.imm9h! << 3) | f.imm9l!, 9),
});

/**
 * Unpredicated byte-stream access of `bytes` bytes at Xn + imm × bytes. Loads collect into the
 * scratch buffer first, so a fault leaves the register unchanged. Byte accesses: no alignment
 * fault except where the memory layer raises one for bytes. SP alignment is not checked (the
 * core does not export checkSpAlignment). TODO(perf): translate once per page.
 */
/** Xn + imm × bytes → AD. */
function start(cpu: Cpu, op: LdStOp, bytes: number): void {
  const g = cpu.gpr;
  const off = op.imm * bytes;
  add64(g[op.n]!, g[op.n + 1]!, off, off < 0 ? -1 : 0);
}

function loadBytes(cpu: Cpu, op: LdStOp, bytes: number, buf: Uint8Array): void {
  start(cpu, op, bytes);
  let lo = AD[0]!;
  let hi = AD[1]!;
  for (let i = 0; i < bytes; i++) {
    buf[i] = load(cpu, lo | 0, hi, 1);
    if (++lo === 4294967296) {
      lo = 0;
      hi = (hi + 1) | 0;
    }
  }
}

function storeBytes(cpu: Cpu, op: LdStOp, bytes: number, buf: Uint8Array): void {
  start(cpu, op, bytes);
  let lo = AD[0]!;
  let hi = AD[1]!;
  for (let i = 0; i < bytes; i++) {
    store(cpu, lo | 0, hi, 1, buf[i]!);
    if (++lo === 4294967296) {
      lo = 0;
      hi = (hi + 1) | 0;
    }
  }
}

const ldrZ = pattern<LdStOp>({
  name: 'LDR_z_ri',
  pattern: '1000010110 imm9h:6 010 imm9l:3 Rn:5 t:5',
  feature: 'FEAT_SVE',
  decode: ldstDecode,
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const buf = st.buf;
    loadBytes(cpu, op, 16 * q, buf);
    const fp = fpState(cpu);
    const z = fp.z;
    const b = op.t * fp.stride;
    for (let w = 0, i = 0; w < 4 * q; w++, i += 4)
      z[b + w] = buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
  },
});

const strZ = pattern<LdStOp>({
  name: 'STR_z_ri',
  pattern: '1110010110 imm9h:6 010 imm9l:3 Rn:5 t:5',
  feature: 'FEAT_SVE',
  decode: ldstDecode,
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const buf = st.buf;
    const fp = fpState(cpu);
    const z = fp.z;
    const b = op.t * fp.stride;
    for (let w = 0, i = 0; w < 4 * q; w++, i += 4) {
      const x = z[b + w]!;
      buf[i] = x;
      buf[i + 1] = x >>> 8;
      buf[i + 2] = x >>> 16;
      buf[i + 3] = x >>> 24;
    }
    storeBytes(cpu, op, 16 * q, buf);
  },
});

const ldrP = pattern<LdStOp>({
  name: 'LDR_p_ri',
  pattern: '1000010110 imm9h:6 000 imm9l:3 Rn:5 0 t:4',
  feature: 'FEAT_SVE',
  decode: ldstDecode,
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const buf = st.buf;
    loadBytes(cpu, op, 2 * q, buf);
    const p = st.p;
    const b = op.t * st.maxVq;
    for (let g = 0; g < q; g++) p[b + g] = buf[2 * g]! | (buf[2 * g + 1]! << 8);
  },
});

const strP = pattern<LdStOp>({
  name: 'STR_p_ri',
  pattern: '1110010110 imm9h:6 000 imm9l:3 Rn:5 0 t:4',
  feature: 'FEAT_SVE',
  decode: ldstDecode,
  exec: (cpu, op) => {
    checkSveAccess(cpu);
    const st = sveState(cpu);
    const q = syncVq(cpu, st);
    const buf = st.buf;
    const p = st.p;
    const b = op.t * st.maxVq;
    for (let g = 0; g < q; g++) {
      const x = p[b + g]!;
      buf[2 * g] = x;
      buf[2 * g + 1] = x >>> 8;
    }
    storeBytes(cpu, op, 2 * q, buf);
  },
});

export const svePatterns: readonly InsnPattern<never>[] = [
  rdvl,
  addvl,
  addpl,
  ldrZ,
  strZ,
  ldrP,
  strP,
] as unknown as readonly InsnPattern<never>[];
