import {
  dataAddress,
  load,
  load64,
  pattern,
  rsp,
  rz,
  sext,
  store,
  store64,
  type AccessKind,
  type Cpu,
  type Exec,
  type Fields,
  type InsnPattern,
} from '@hypsim/core';
import { fpState } from './state.js';
import { checkFpAccess } from './traps.js';

/**
 * Loads and stores of SIMD&FP registers (Arm ARM C4.1, the V=1 half): LDR/STR of B/H/S/D/Q in
 * every addressing form, LDR (literal), LDP/STP/LDNP/STNP of S/D/Q, and the AdvSIMD structure
 * loads/stores LD1–LD4/ST1–ST4 (multiple structures, single structure, LD1R–LD4R) with their
 * post-index forms.
 *
 * Every handler calls `checkFpAccess` first (EC 0x07 before any address is computed). A
 * faulting access leaves the registers (base included) unchanged: loads write their
 * destinations after all accesses, writeback comes last. SP alignment (SCTLR.SA) is not
 * checked here: the core's `checkSpAlignment` is not exported (QEMU 7.2 never checks it).
 *
 * Alignment: each access goes through the core's `load`/`store` helpers, so unaligned
 * accesses fault exactly where the memory layer says (MMU off under the `mmuOffAlignment`
 * policy, SCTLR.A, Device memory). A Q access must be 16-byte aligned there; structure accesses
 * are checked per element (the architectural rule), but are done 8 bytes at a time when the
 * address is 8-byte aligned (which satisfies every element size).
 */

const READ = 1 as AccessKind;
const WRITE = 2 as AccessKind;

/** Immediate-offset, literal and pair forms. */
export interface VAddrOp {
  /** V register numbers. */
  t: number;
  t2: number;
  /** gpr index of the base (31 = SP). */
  rn: number;
  immLo: number;
  immHi: number;
}

/** Register-offset forms. */
export interface VRegOp {
  t: number;
  rn: number;
  rm: number;
  x64: boolean;
  signed: boolean;
  shift: number;
}

let eaHi = 0;

function immAddr(cpu: Cpu, op: VAddrOp): number {
  const g = cpu.gpr;
  const s = (g[op.rn]! >>> 0) + op.immLo;
  eaHi = (g[op.rn + 1]! + op.immHi + (s > 0xffffffff ? 1 : 0)) | 0;
  return s >>> 0;
}

function baseAddr(cpu: Cpu, op: VAddrOp): number {
  const g = cpu.gpr;
  eaHi = g[op.rn + 1]!;
  return g[op.rn]! >>> 0;
}

function litAddr(cpu: Cpu, op: VAddrOp): number {
  const s = cpu.pcLo + op.immLo;
  eaHi = (cpu.pcHi + op.immHi + (s > 0xffffffff ? 1 : 0)) | 0;
  return s >>> 0;
}

function regAddr(cpu: Cpu, op: VRegOp): number {
  const g = cpu.gpr;
  const mLo = g[op.rm]!;
  let oHi = op.x64 ? g[op.rm + 1]! : op.signed ? mLo >> 31 : 0;
  let oLo = mLo;
  const sh = op.shift;
  if (sh !== 0) {
    oHi = (oHi << sh) | (mLo >>> (32 - sh));
    oLo = mLo << sh;
  }
  const s = (g[op.rn]! >>> 0) + (oLo >>> 0);
  eaHi = (g[op.rn + 1]! + oHi + (s > 0xffffffff ? 1 : 0)) | 0;
  return s >>> 0;
}

function writeBack(cpu: Cpu, rn: number, lo: number, hi: number): void {
  const g = cpu.gpr;
  g[rn] = lo;
  g[rn + 1] = hi;
}

function writeBackPost(cpu: Cpu, op: VAddrOp, lo: number, hi: number): void {
  const g = cpu.gpr;
  const s = lo + op.immLo;
  g[op.rn] = s | 0;
  g[op.rn + 1] = (hi + op.immHi + (s > 0xffffffff ? 1 : 0)) | 0;
}

/** lo + n (n < 2^31) with the carry into the high half left in `eaHi`. */
function addLo(lo: number, hi: number, n: number): number {
  const s = lo + n;
  eaHi = s > 0xffffffff ? (hi + 1) | 0 : hi;
  return s >>> 0;
}

// ---- kernels: one register of one size --------------------------------------------------------

/** Sizes: 0 B, 1 H, 2 S, 3 D, 4 Q. */
type Kernel = (cpu: Cpu, lo: number, hi: number, t: number) => void;

/**
 * A Q access is one 16-byte access for alignment: when the address is not 16-byte aligned,
 * the memory layer's own rule decides (`dataAddress` translates, then faults if an unaligned
 * access faults there: MMU off under the 'fault' policy, SCTLR.A, Device memory). The data
 * then moves as two 8-byte accesses.
 */
function q16Check(cpu: Cpu, lo: number, hi: number, kind: AccessKind): void {
  if ((lo & 15) !== 0) dataAddress(cpu, lo, hi, 16, kind);
}

const LD: readonly Kernel[] = [
  (cpu, lo, hi, t) => fpState(cpu).writeD(t, load(cpu, lo, hi, 1), 0),
  (cpu, lo, hi, t) => fpState(cpu).writeD(t, load(cpu, lo, hi, 2), 0),
  (cpu, lo, hi, t) => fpState(cpu).writeD(t, load(cpu, lo, hi, 4), 0),
  (cpu, lo, hi, t) => {
    const v = load64(cpu, lo, hi);
    fpState(cpu).writeD(t, v, cpu.memHi);
  },
  (cpu, lo, hi, t) => {
    q16Check(cpu, lo, hi, READ);
    const a = load64(cpu, lo, hi);
    const ah = cpu.memHi;
    const l2 = addLo(lo, hi, 8);
    const b = load64(cpu, l2, eaHi);
    fpState(cpu).writeV(t, a, ah, b, cpu.memHi);
  },
];

const ST: readonly Kernel[] = [
  (cpu, lo, hi, t) => {
    const s = fpState(cpu);
    store(cpu, lo, hi, 1, s.z[s.base(t)]!);
  },
  (cpu, lo, hi, t) => {
    const s = fpState(cpu);
    store(cpu, lo, hi, 2, s.z[s.base(t)]!);
  },
  (cpu, lo, hi, t) => {
    const s = fpState(cpu);
    store(cpu, lo, hi, 4, s.z[s.base(t)]!);
  },
  (cpu, lo, hi, t) => {
    const s = fpState(cpu);
    const b = s.base(t);
    store64(cpu, lo, hi, s.z[b]!, s.z[b + 1]!);
  },
  (cpu, lo, hi, t) => {
    q16Check(cpu, lo, hi, WRITE);
    const s = fpState(cpu);
    const b = s.base(t);
    const z = s.z;
    store64(cpu, lo, hi, z[b]!, z[b + 1]!);
    const l2 = addLo(lo, hi, 8);
    store64(cpu, l2, eaHi, z[b + 2]!, z[b + 3]!);
  },
];

/** Pair kernels: both loads before any register write; Rt2 written last (Rt == Rt2: the second
 * element, as QEMU 7.2 does for SIMD&FP pairs). */
const PAIR_W0 = new Int32Array(4);
const PAIR_W1 = new Int32Array(4);

function loadInto(cpu: Cpu, lo: number, hi: number, sz: number, w: Int32Array): void {
  if (sz === 2) {
    w[0] = load(cpu, lo, hi, 4);
    w[1] = 0;
    w[2] = 0;
    w[3] = 0;
  } else if (sz === 3) {
    w[0] = load64(cpu, lo, hi);
    w[1] = cpu.memHi;
    w[2] = 0;
    w[3] = 0;
  } else {
    q16Check(cpu, lo, hi, READ);
    w[0] = load64(cpu, lo, hi);
    w[1] = cpu.memHi;
    const l2 = addLo(lo, hi, 8);
    w[2] = load64(cpu, l2, eaHi);
    w[3] = cpu.memHi;
  }
}

function ldp(cpu: Cpu, lo: number, hi: number, sz: number, t: number, t2: number): void {
  const n = 1 << sz;
  loadInto(cpu, lo, hi, sz, PAIR_W0);
  const l2 = addLo(lo, hi, n);
  loadInto(cpu, l2, eaHi, sz, PAIR_W1);
  const s = fpState(cpu);
  s.writeV(t, PAIR_W0[0]!, PAIR_W0[1]!, PAIR_W0[2]!, PAIR_W0[3]!);
  s.writeV(t2, PAIR_W1[0]!, PAIR_W1[1]!, PAIR_W1[2]!, PAIR_W1[3]!);
}

function stp(cpu: Cpu, lo: number, hi: number, sz: number, t: number, t2: number): void {
  const n = 1 << sz;
  ST[sz]!(cpu, lo, hi, t);
  const l2 = addLo(lo, hi, n);
  ST[sz]!(cpu, l2, eaHi, t2);
}

// ---- single register and pair patterns --------------------------------------------------------

interface SzOp extends VAddrOp {
  sz: number;
}
interface SzRegOp extends VRegOp {
  sz: number;
}

const bits = (v: number, n: number): string => v.toString(2).padStart(n, '0');

function addrOp(t: number, t2: number, rn: number, imm: number, sz: number): SzOp {
  return { t, t2, rn: rsp(rn), immLo: imm >>> 0, immHi: imm < 0 ? -1 : 0, sz };
}

type P = InsnPattern<unknown>;

function singlePatterns(): P[] {
  const out: P[] = [];
  const add = <Op>(name: string, pat: string, decode: (f: Fields) => Op | null, exec: Exec<Op>) =>
    out.push(pattern<Op>({ name, pattern: pat, decode, exec, feature: 'FEAT_FP' }) as P);
  // [size, opc<1>, access size log2, name suffix]
  const SIZES = [
    [0, 0, 0, 'b'],
    [1, 0, 1, 'h'],
    [2, 0, 2, 's'],
    [3, 0, 3, 'd'],
    [0, 1, 4, 'q'],
  ] as const;
  for (const [size, opc1, sz, sfx] of SIZES) {
    for (const load of [false, true]) {
      const head = `${bits(size, 2)} 111 1`;
      const opc = `${opc1}${load ? 1 : 0}`;
      const nm = `${load ? 'LDR' : 'STR'}_${sfx}`;
      const k = load ? LD[sz]! : ST[sz]!;
      const decUimm = (f: Fields) => addrOp(f.Rt!, 0, f.Rn!, f.imm12! * (1 << sz), sz);
      const decImm9 = (f: Fields) => addrOp(f.Rt!, 0, f.Rn!, sext(f.imm9!, 9), sz);
      add<SzOp>(`${nm}_uimm`, `${head} 01 ${opc} imm12:12 Rn:5 Rt:5`, decUimm, (c, o) => {
        checkFpAccess(c);
        k(c, immAddr(c, o), eaHi, o.t);
      });
      add<SzOp>(
        `${load ? 'LDUR' : 'STUR'}_${sfx}`,
        `${head} 00 ${opc} 0 imm9:9 00 Rn:5 Rt:5`,
        decImm9,
        (c, o) => {
          checkFpAccess(c);
          k(c, immAddr(c, o), eaHi, o.t);
        },
      );
      add<SzOp>(`${nm}_post`, `${head} 00 ${opc} 0 imm9:9 01 Rn:5 Rt:5`, decImm9, (c, o) => {
        checkFpAccess(c);
        const lo = baseAddr(c, o);
        const hi = eaHi;
        k(c, lo, hi, o.t);
        writeBackPost(c, o, lo, hi);
      });
      add<SzOp>(`${nm}_pre`, `${head} 00 ${opc} 0 imm9:9 11 Rn:5 Rt:5`, decImm9, (c, o) => {
        checkFpAccess(c);
        const lo = immAddr(c, o);
        const hi = eaHi;
        k(c, lo, hi, o.t);
        writeBack(c, o.rn, lo, hi);
      });
      add<SzRegOp>(
        `${nm}_reg`,
        `${head} 00 ${opc} 1 Rm:5 option:3 S:1 10 Rn:5 Rt:5`,
        (f) => {
          const option = f.option!;
          if ((option & 2) === 0) return null;
          return {
            t: f.Rt!,
            rn: rsp(f.Rn!),
            rm: rz(f.Rm!),
            x64: (option & 1) !== 0,
            signed: (option & 4) !== 0,
            shift: f.S ? sz : 0,
            sz,
          };
        },
        (c, o) => {
          checkFpAccess(c);
          k(c, regAddr(c, o), eaHi, o.t);
        },
      );
    }
  }
  // Literal: opc 00 S, 01 D, 10 Q.
  for (const [opc, sz, sfx] of [
    [0, 2, 's'],
    [1, 3, 'd'],
    [2, 4, 'q'],
  ] as const) {
    const k = LD[sz]!;
    add<SzOp>(
      `LDR_${sfx}_lit`,
      `${bits(opc, 2)} 011 1 00 imm19:19 Rt:5`,
      (f) => addrOp(f.Rt!, 0, 0, sext(f.imm19!, 19) * 4, sz),
      (c, o) => {
        checkFpAccess(c);
        k(c, litAddr(c, o), eaHi, o.t);
      },
    );
  }
  // Pairs: opc 00 S, 01 D, 10 Q; forms 000 no-allocate, 001 post, 010 offset, 011 pre.
  for (const [opc, sz, sfx] of [
    [0, 2, 's'],
    [1, 3, 'd'],
    [2, 4, 'q'],
  ] as const) {
    for (const l of [0, 1]) {
      const head = `${bits(opc, 2)} 101 1`;
      const tail = `${l} imm7:7 Rt2:5 Rn:5 Rt:5`;
      const dec = (f: Fields) => addrOp(f.Rt!, f.Rt2!, f.Rn!, sext(f.imm7!, 7) * (1 << sz), sz);
      const nm = l ? 'LDP' : 'STP';
      const nnm = l ? 'LDNP' : 'STNP';
      const k = l ? ldp : stp;
      const offset: Exec<SzOp> = (c, o) => {
        checkFpAccess(c);
        k(c, immAddr(c, o), eaHi, o.sz, o.t, o.t2);
      };
      add<SzOp>(`${nnm}_${sfx}`, `${head} 000 ${tail}`, dec, offset);
      add<SzOp>(`${nm}_${sfx}_off`, `${head} 010 ${tail}`, dec, offset);
      add<SzOp>(`${nm}_${sfx}_post`, `${head} 001 ${tail}`, dec, (c, o) => {
        checkFpAccess(c);
        const lo = baseAddr(c, o);
        const hi = eaHi;
        k(c, lo, hi, o.sz, o.t, o.t2);
        writeBackPost(c, o, lo, hi);
      });
      add<SzOp>(`${nm}_${sfx}_pre`, `${head} 011 ${tail}`, dec, (c, o) => {
        checkFpAccess(c);
        const lo = immAddr(c, o);
        const hi = eaHi;
        k(c, lo, hi, o.sz, o.t, o.t2);
        writeBack(c, o.rn, lo, hi);
      });
    }
  }
  return out;
}

// ---- structure loads and stores -----------------------------------------------------------------

/** Memory image of one structure access (at most 4 registers × 16 bytes), little-endian. */
const MEM = new Uint8Array(64);
const MEM16 = new Uint16Array(MEM.buffer);
const MEM32 = new Int32Array(MEM.buffer);
/** Register images (4 consecutive registers of 16 bytes). */
const REG = new Uint8Array(64);
const REG32 = new Int32Array(REG.buffer);

/** Reads `n` bytes (a multiple of the element size 1 << es) at (lo, hi) into MEM. */
function readMem(cpu: Cpu, lo: number, hi: number, n: number, es: number): void {
  if ((lo & 7) === 0 && (n & 7) === 0) {
    for (let i = 0; i < n; i += 8) {
      const a = addLo(lo, hi, i);
      MEM32[i >> 2] = load64(cpu, a, eaHi);
      MEM32[(i >> 2) + 1] = cpu.memHi;
    }
    return;
  }
  const eb = 1 << es;
  for (let i = 0; i < n; i += eb) {
    const a = addLo(lo, hi, i);
    if (es === 0) MEM[i] = load(cpu, a, eaHi, 1);
    else if (es === 1) MEM16[i >> 1] = load(cpu, a, eaHi, 2);
    else if (es === 2) MEM32[i >> 2] = load(cpu, a, eaHi, 4);
    else {
      MEM32[i >> 2] = load64(cpu, a, eaHi);
      MEM32[(i >> 2) + 1] = cpu.memHi;
    }
  }
}

function writeMem(cpu: Cpu, lo: number, hi: number, n: number, es: number): void {
  if ((lo & 7) === 0 && (n & 7) === 0) {
    for (let i = 0; i < n; i += 8) {
      const a = addLo(lo, hi, i);
      store64(cpu, a, eaHi, MEM32[i >> 2]!, MEM32[(i >> 2) + 1]!);
    }
    return;
  }
  const eb = 1 << es;
  for (let i = 0; i < n; i += eb) {
    const a = addLo(lo, hi, i);
    if (es === 0) store(cpu, a, eaHi, 1, MEM[i]!);
    else if (es === 1) store(cpu, a, eaHi, 2, MEM16[i >> 1]!);
    else if (es === 2) store(cpu, a, eaHi, 4, MEM32[i >> 2]!);
    else store64(cpu, a, eaHi, MEM32[i >> 2]!, MEM32[(i >> 2) + 1]!);
  }
}

/** Copies register images REG[r] of `count` registers starting at t (mod 32) in / out. */
function regsIn(cpu: Cpu, t: number, count: number): void {
  const s = fpState(cpu);
  const z = s.z;
  for (let r = 0; r < count; r++) {
    const b = s.base((t + r) & 31);
    REG32[4 * r] = z[b]!;
    REG32[4 * r + 1] = z[b + 1]!;
    REG32[4 * r + 2] = z[b + 2]!;
    REG32[4 * r + 3] = z[b + 3]!;
  }
}

function regsOut(cpu: Cpu, t: number, count: number, q: boolean): void {
  const s = fpState(cpu);
  for (let r = 0; r < count; r++) {
    const n = (t + r) & 31;
    if (q) s.writeV(n, REG32[4 * r]!, REG32[4 * r + 1]!, REG32[4 * r + 2]!, REG32[4 * r + 3]!);
    else s.writeD(n, REG32[4 * r]!, REG32[4 * r + 1]!);
  }
}

/** Multiple structures: rpt registers of selem-interleaved elements. */
interface MultiOp {
  t: number;
  rn: number;
  /** gpr index of Rm for register post-index, -1 for the immediate form or no writeback. */
  rm: number;
  wb: boolean;
  q: boolean;
  es: number;
  selem: number;
  /** Registers in all (rpt × selem). */
  regs: number;
  /** Bytes transferred. */
  bytes: number;
}

/** Element (register r, lane e) ↔ memory offset for an interleaved access. */
function deinterleave(op: MultiOp): void {
  const eb = 1 << op.es;
  const elements = (op.q ? 16 : 8) >> op.es;
  const selem = op.selem;
  const rpt = op.regs / selem;
  let offs = 0;
  for (let r = 0; r < rpt; r++)
    for (let e = 0; e < elements; e++)
      for (let s = 0; s < selem; s++) {
        const dst = 16 * (r + s) + e * eb;
        for (let k = 0; k < eb; k++) REG[dst + k] = MEM[offs + k]!;
        offs += eb;
      }
}

function interleave(op: MultiOp): void {
  const eb = 1 << op.es;
  const elements = (op.q ? 16 : 8) >> op.es;
  const selem = op.selem;
  const rpt = op.regs / selem;
  let offs = 0;
  for (let r = 0; r < rpt; r++)
    for (let e = 0; e < elements; e++)
      for (let s = 0; s < selem; s++) {
        const src = 16 * (r + s) + e * eb;
        for (let k = 0; k < eb; k++) MEM[offs + k] = REG[src + k]!;
        offs += eb;
      }
}

/** Post-index writeback: Rm (XZR slot reads zero, so Rm=31 was turned into the immediate). */
function postIndex(cpu: Cpu, rn: number, rm: number, lo: number, hi: number, bytes: number): void {
  const g = cpu.gpr;
  let oLo = bytes;
  let oHi = 0;
  if (rm >= 0) {
    oLo = g[rm]! >>> 0;
    oHi = g[rm + 1]!;
  }
  const s = lo + oLo;
  g[rn] = s | 0;
  g[rn + 1] = (hi + oHi + (s > 0xffffffff ? 1 : 0)) | 0;
}

const ldMulti: Exec<MultiOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const g = cpu.gpr;
  const lo = g[op.rn]! >>> 0;
  const hi = g[op.rn + 1]!;
  readMem(cpu, lo, hi, op.bytes, op.es);
  if (op.selem === 1) {
    // Registers are consecutive 8- or 16-byte chunks of memory.
    const per = op.q ? 16 : 8;
    for (let r = 0; r < op.regs; r++)
      for (let k = 0; k < per; k += 4) REG32[(16 * r + k) >> 2] = MEM32[(per * r + k) >> 2]!;
  } else deinterleave(op);
  regsOut(cpu, op.t, op.regs, op.q);
  if (op.wb) postIndex(cpu, op.rn, op.rm, lo, hi, op.bytes);
};

const stMulti: Exec<MultiOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const g = cpu.gpr;
  const lo = g[op.rn]! >>> 0;
  const hi = g[op.rn + 1]!;
  regsIn(cpu, op.t, op.regs);
  if (op.selem === 1) {
    const per = op.q ? 16 : 8;
    for (let r = 0; r < op.regs; r++)
      for (let k = 0; k < per; k += 4) MEM32[(per * r + k) >> 2] = REG32[(16 * r + k) >> 2]!;
  } else interleave(op);
  writeMem(cpu, lo, hi, op.bytes, op.es);
  if (op.wb) postIndex(cpu, op.rn, op.rm, lo, hi, op.bytes);
};

/** opcode → [rpt, selem] for the multiple-structure forms. */
const MULTI: Record<number, readonly [number, number]> = {
  0b0000: [1, 4],
  0b0010: [4, 1],
  0b0100: [1, 3],
  0b0110: [3, 1],
  0b0111: [1, 1],
  0b1000: [1, 2],
  0b1010: [2, 1],
};

function decMulti(wb: boolean) {
  return (f: Fields): MultiOp | null => {
    const m = MULTI[f.opcode!];
    if (m === undefined) return null;
    const [rpt, selem] = m;
    const q = f.Q === 1;
    const es = f.size!;
    if (es === 3 && !q && selem !== 1) return null;
    const regs = rpt * selem;
    return {
      t: f.Rt!,
      rn: rsp(f.Rn!),
      rm: wb && f.Rm !== 31 ? rz(f.Rm!) : -1,
      wb,
      q,
      es,
      selem,
      regs,
      bytes: regs * (q ? 16 : 8),
    };
  };
}

/** Single structure (one lane of selem registers) and replicate. */
interface SingleOp {
  t: number;
  rn: number;
  rm: number;
  wb: boolean;
  es: number;
  /** Lane index (single structure). */
  index: number;
  selem: number;
  /** Replicate: Q (false: 64-bit registers). */
  q: boolean;
  bytes: number;
}

function decSingle(scale: number, load: boolean, wb: boolean) {
  return (f: Fields): SingleOp | null => {
    const selem = ((f.o! << 1) | f.R!) + 1;
    const Q = f.Q!;
    const S = f.S!;
    const size = f.size!;
    let es: number;
    let index = 0;
    if (scale === 3) {
      if (!load || S !== 0) return null;
      es = size;
    } else if (scale === 0) {
      es = 0;
      index = (Q << 3) | (S << 2) | size;
    } else if (scale === 1) {
      if ((size & 1) !== 0) return null;
      es = 1;
      index = (Q << 2) | (S << 1) | (size >> 1);
    } else {
      if ((size & 2) !== 0) return null;
      if ((size & 1) === 0) {
        es = 2;
        index = (Q << 1) | S;
      } else {
        if (S !== 0) return null;
        es = 3;
        index = Q;
      }
    }
    return {
      t: f.Rt!,
      rn: rsp(f.Rn!),
      rm: wb && f.Rm !== 31 ? rz(f.Rm!) : -1,
      wb,
      es,
      index,
      selem,
      q: Q === 1,
      bytes: selem << es,
    };
  };
}

const ldSingle: Exec<SingleOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const g = cpu.gpr;
  const lo = g[op.rn]! >>> 0;
  const hi = g[op.rn + 1]!;
  const eb = 1 << op.es;
  // Per-element accesses (each checked for its own alignment).
  readMem(cpu, lo, hi, op.bytes, op.es);
  regsIn(cpu, op.t, op.selem);
  const off = op.index * eb;
  for (let s = 0; s < op.selem; s++)
    for (let k = 0; k < eb; k++) REG[16 * s + off + k] = MEM[s * eb + k]!;
  regsOut(cpu, op.t, op.selem, true);
  if (op.wb) postIndex(cpu, op.rn, op.rm, lo, hi, op.bytes);
};

const stSingle: Exec<SingleOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const g = cpu.gpr;
  const lo = g[op.rn]! >>> 0;
  const hi = g[op.rn + 1]!;
  const eb = 1 << op.es;
  regsIn(cpu, op.t, op.selem);
  const off = op.index * eb;
  for (let s = 0; s < op.selem; s++)
    for (let k = 0; k < eb; k++) MEM[s * eb + k] = REG[16 * s + off + k]!;
  writeMem(cpu, lo, hi, op.bytes, op.es);
  if (op.wb) postIndex(cpu, op.rn, op.rm, lo, hi, op.bytes);
};

const ldReplicate: Exec<SingleOp> = (cpu, op) => {
  checkFpAccess(cpu);
  const g = cpu.gpr;
  const lo = g[op.rn]! >>> 0;
  const hi = g[op.rn + 1]!;
  const eb = 1 << op.es;
  readMem(cpu, lo, hi, op.bytes, op.es);
  const per = op.q ? 16 : 8;
  for (let s = 0; s < op.selem; s++)
    for (let i = 0; i < per; i += eb)
      for (let k = 0; k < eb; k++) REG[16 * s + i + k] = MEM[s * eb + k]!;
  regsOut(cpu, op.t, op.selem, op.q);
  if (op.wb) postIndex(cpu, op.rn, op.rm, lo, hi, op.bytes);
};

function structPatterns(): P[] {
  const out: P[] = [];
  const add = <Op>(name: string, pat: string, decode: (f: Fields) => Op | null, exec: Exec<Op>) =>
    out.push(pattern<Op>({ name, pattern: pat, decode, exec, feature: 'FEAT_AdvSIMD' }) as P);
  for (const l of [0, 1]) {
    const nm = l ? 'LD' : 'ST';
    const multi = l ? ldMulti : stMulti;
    const m = 'opcode:4 size:2 Rn:5 Rt:5';
    add(`${nm}n_multi`, `0 Q:1 0011000 ${l} 000000 ${m}`, decMulti(false), multi);
    add(`${nm}n_multi_post`, `0 Q:1 0011001 ${l} 0 Rm:5 ${m}`, decMulti(true), multi);
    for (let scale = 0; scale < (l ? 4 : 3); scale++) {
      const exec = scale === 3 ? ldReplicate : l ? ldSingle : stSingle;
      const sfx = scale === 3 ? 'R' : `_single${8 << scale}`;
      const tail = `${bits(scale, 2)} o:1 S:1 size:2 Rn:5 Rt:5`;
      add(
        `${nm}n${sfx}`,
        `0 Q:1 0011010 ${l} R:1 00000 ${tail}`,
        decSingle(scale, l === 1, false),
        exec,
      );
      add(
        `${nm}n${sfx}_post`,
        `0 Q:1 0011011 ${l} R:1 Rm:5 ${tail}`,
        decSingle(scale, l === 1, true),
        exec,
      );
    }
  }
  return out;
}

export const fpLoadStorePatterns: readonly InsnPattern<never>[] = [
  ...singlePatterns(),
  ...structPatterns(),
] as unknown as readonly InsnPattern<never>[];
