import type { Cpu } from '../cpu/cpu.js';
import { checkSpAlignment, ld16, ld32, ld64, ld8, st16, st32, st64, st8 } from '../cpu/memory.js';
import { pattern, type Exec, type Fields, type InsnPattern } from '../decode/pattern.js';
import { rsp, rz, sext, wz } from './operands.js';

/**
 * Loads and stores of general-purpose registers (Arm ARM C4.1 "Loads and Stores", the V=0
 * half): LDR/STR B/H/W/X and the sign-extending loads in every addressing form (unsigned
 * offset, unscaled, pre/post-index, register offset, literal, unprivileged), LDP/STP/LDPSW/
 * LDNP/STNP and the prefetches. Exclusives, acquire/release and atomics are in atomics.ts.
 * SIMD&FP loads and stores (V=1) are not claimed here.
 *
 * Every (form, size, opc) combination is its own pattern, so each handler is a fixed
 * composition of an address helper and a size-specific kernel with no run-time dispatch.
 *
 * CONSTRAINED UNPREDICTABLE cases, all resolved the way QEMU does:
 * - writeback with Rn == Rt (or Rt2) on a load: the access is made, then the base is written
 *   back, so the register ends up holding the written-back address;
 * - writeback with Rn == Rt on a store: the value stored is the register's value before the
 *   writeback;
 * - LDP/LDPSW/LDNP with Rt == Rt2: the register ends up holding the first (lower) element.
 * A faulting access leaves every register (base included) unchanged: writeback comes last.
 */

/** Operation of the immediate-offset, literal and pair forms (one shape for all of them). */
export interface AddrOp {
  /** gpr index of Rt (XZR mapped: sink for loads, zero for stores). */
  rt: number;
  /** gpr index of Rt2 (pairs only). */
  rt2: number;
  /** gpr index of the base (31 = SP). */
  rn: number;
  /** The base is SP: CheckSPAlignment applies. */
  sp: boolean;
  /** Offset as 64-bit halves: low unsigned, high 0 or -1. */
  immLo: number;
  immHi: number;
}

/** Operation of the register-offset forms. */
export interface RegOp {
  rt: number;
  rn: number;
  sp: boolean;
  /** gpr index of Rm (31 = XZR). */
  rm: number;
  /** Rm is used whole (LSL/UXTX, SXTX), else its low 32 bits are extended. */
  x64: boolean;
  /** SXTW (only meaningful when !x64). */
  signed: boolean;
  /** Left shift of the extended index: 0 or log2(access size). */
  shift: number;
}

// ---- address helpers ------------------------------------------------------------------------

/**
 * High half of the effective address the last helper computed. The helpers return the low
 * half (unsigned) and leave the high half here, so no pair is allocated; a handler reads it
 * right after the call (an argument list `k(cpu, immAddr(cpu, op), eaHi, …)` evaluates left to
 * right, so the helper has run when eaHi is read).
 */
let eaHi = 0;

/** Base + immediate (unsigned offset, unscaled, unprivileged, pre-index, pair offset). */
function immAddr(cpu: Cpu, op: AddrOp): number {
  const g = cpu.gpr;
  if (op.sp && (g[62]! & 15) !== 0) checkSpAlignment(cpu);
  const s = (g[op.rn]! >>> 0) + op.immLo;
  eaHi = (g[op.rn + 1]! + op.immHi + (s > 0xffffffff ? 1 : 0)) | 0;
  return s >>> 0;
}

/** The base alone (post-index). */
function baseAddr(cpu: Cpu, op: AddrOp): number {
  const g = cpu.gpr;
  if (op.sp && (g[62]! & 15) !== 0) checkSpAlignment(cpu);
  eaHi = g[op.rn + 1]!;
  return g[op.rn]! >>> 0;
}

/** PC + immediate (literal): the PC of the instruction itself. */
function litAddr(cpu: Cpu, op: AddrOp): number {
  const s = cpu.pcLo + op.immLo;
  eaHi = (cpu.pcHi + op.immHi + (s > 0xffffffff ? 1 : 0)) | 0;
  return s >>> 0;
}

/** Base + extended and shifted register (register offset). */
function regAddr(cpu: Cpu, op: RegOp): number {
  const g = cpu.gpr;
  if (op.sp && (g[62]! & 15) !== 0) checkSpAlignment(cpu);
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

/** Pre-index writeback: the base becomes the address used. */
function writeBack(cpu: Cpu, rn: number, lo: number, hi: number): void {
  const g = cpu.gpr;
  g[rn] = lo;
  g[rn + 1] = hi;
}

/** Post-index writeback: the base becomes the (original) base plus the offset. */
function writeBackPost(cpu: Cpu, op: AddrOp, lo: number, hi: number): void {
  const g = cpu.gpr;
  const s = lo + op.immLo;
  g[op.rn] = s | 0;
  g[op.rn + 1] = (hi + op.immHi + (s > 0xffffffff ? 1 : 0)) | 0;
}

// ---- kernels: one access of one size, result into Rt -------------------------------------------

function strb(cpu: Cpu, lo: number, hi: number, rt: number): void {
  st8(cpu, lo, hi, cpu.gpr[rt]!);
}
function ldrb(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = ld8(cpu, lo, hi);
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = 0;
}
function ldrsbX(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = (ld8(cpu, lo, hi) << 24) >> 24;
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = v >> 31;
}
function ldrsbW(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = (ld8(cpu, lo, hi) << 24) >> 24;
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = 0;
}
function strh(cpu: Cpu, lo: number, hi: number, rt: number): void {
  st16(cpu, lo, hi, cpu.gpr[rt]!);
}
function ldrh(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = ld16(cpu, lo, hi);
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = 0;
}
function ldrshX(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = (ld16(cpu, lo, hi) << 16) >> 16;
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = v >> 31;
}
function ldrshW(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = (ld16(cpu, lo, hi) << 16) >> 16;
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = 0;
}
function strW(cpu: Cpu, lo: number, hi: number, rt: number): void {
  st32(cpu, lo, hi, cpu.gpr[rt]!);
}
function ldrW(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = ld32(cpu, lo, hi);
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = 0;
}
function ldrsw(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = ld32(cpu, lo, hi);
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = v >> 31;
}
function strX(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const g = cpu.gpr;
  st64(cpu, lo, hi, g[rt]!, g[rt + 1]!);
}
function ldrX(cpu: Cpu, lo: number, hi: number, rt: number): void {
  const v = ld64(cpu, lo, hi);
  const g = cpu.gpr;
  g[rt] = v;
  g[rt + 1] = cpu.memHi;
}

// ---- decoders -------------------------------------------------------------------------------

function addrOp(rt: number, rt2: number, rn: number, imm: number): AddrOp {
  return { rt, rt2, rn: rsp(rn), sp: rn === 31, immLo: imm >>> 0, immHi: imm < 0 ? -1 : 0 };
}

const decUimm =
  (load: boolean, size: number) =>
  (f: Fields): AddrOp =>
    addrOp(load ? wz(f.Rt!) : rz(f.Rt!), 0, f.Rn!, f.imm12! * (1 << size));

const decImm9 =
  (load: boolean) =>
  (f: Fields): AddrOp =>
    addrOp(load ? wz(f.Rt!) : rz(f.Rt!), 0, f.Rn!, sext(f.imm9!, 9));

/** Register offset: option<1> = 0 is reserved (UNDEF). */
const decReg =
  (load: boolean, size: number) =>
  (f: Fields): RegOp | null => {
    const option = f.option!;
    if ((option & 2) === 0) return null;
    return {
      rt: load ? wz(f.Rt!) : rz(f.Rt!),
      rn: rsp(f.Rn!),
      sp: f.Rn === 31,
      rm: rz(f.Rm!),
      x64: (option & 1) !== 0,
      signed: (option & 4) !== 0,
      shift: f.S ? size : 0,
    };
  };

const decLit = (f: Fields): AddrOp => addrOp(wz(f.Rt!), 0, 0, sext(f.imm19!, 19) * 4);

const decPair =
  (load: boolean, scale: number) =>
  (f: Fields): AddrOp =>
    addrOp(
      load ? wz(f.Rt!) : rz(f.Rt!),
      load ? wz(f.Rt2!) : rz(f.Rt2!),
      f.Rn!,
      sext(f.imm7!, 7) * (1 << scale),
    );

// ---- single register, immediate and register forms -----------------------------------------

/** size, opc, is a load, names: ordinary (uimm/pre/post/reg), unscaled, unprivileged. */
const VARIANTS = [
  [0, 0, false, 'STRB', 'STURB', 'STTRB'],
  [0, 1, true, 'LDRB', 'LDURB', 'LDTRB'],
  [0, 2, true, 'LDRSB_x', 'LDURSB_x', 'LDTRSB_x'],
  [0, 3, true, 'LDRSB_w', 'LDURSB_w', 'LDTRSB_w'],
  [1, 0, false, 'STRH', 'STURH', 'STTRH'],
  [1, 1, true, 'LDRH', 'LDURH', 'LDTRH'],
  [1, 2, true, 'LDRSH_x', 'LDURSH_x', 'LDTRSH_x'],
  [1, 3, true, 'LDRSH_w', 'LDURSH_w', 'LDTRSH_w'],
  [2, 0, false, 'STR_w', 'STUR_w', 'STTR_w'],
  [2, 1, true, 'LDR_w', 'LDUR_w', 'LDTR_w'],
  [2, 2, true, 'LDRSW', 'LDURSW', 'LDTRSW'],
  [3, 0, false, 'STR_x', 'STUR_x', 'STTR_x'],
  [3, 1, true, 'LDR_x', 'LDUR_x', 'LDTR_x'],
] as const;

const bits = (v: number, n: number): string => v.toString(2).padStart(n, '0');

/*
 * Handlers, in VARIANTS order. Each is its own function literal (not made by a factory), so
 * the JIT sees one kernel per call site and can inline it.
 */

/** Base + immediate without writeback: unsigned offset, unscaled and unprivileged. */
const offsetExecs: readonly Exec<AddrOp>[] = [
  (c, o) => strb(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrb(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrsbX(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrsbW(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => strh(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrh(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrshX(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrshW(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => strW(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrW(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrsw(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => strX(c, immAddr(c, o), eaHi, o.rt),
  (c, o) => ldrX(c, immAddr(c, o), eaHi, o.rt),
];

const preExecs: readonly Exec<AddrOp>[] = [
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    strb(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrb(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrsbX(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrsbW(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    strh(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrh(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrshX(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrshW(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    strW(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrW(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrsw(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    strX(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldrX(c, lo, hi, o.rt);
    writeBack(c, o.rn, lo, hi);
  },
];

const postExecs: readonly Exec<AddrOp>[] = [
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    strb(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrb(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrsbX(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrsbW(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    strh(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrh(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrshX(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrshW(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    strW(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrW(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrsw(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    strX(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldrX(c, lo, hi, o.rt);
    writeBackPost(c, o, lo, hi);
  },
];

const regExecs: readonly Exec<RegOp>[] = [
  (c, o) => strb(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrb(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrsbX(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrsbW(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => strh(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrh(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrshX(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrshW(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => strW(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrW(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrsw(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => strX(c, regAddr(c, o), eaHi, o.rt),
  (c, o) => ldrX(c, regAddr(c, o), eaHi, o.rt),
];

/**
 * LDTR/STTR: the access checked with EL0 permissions (`cpu.mmu` switches what a TLB hit
 * needs for the one access, so ordinary loads and stores pay nothing for it).
 */
function unprivileged(exec: Exec<AddrOp>): Exec<AddrOp> {
  return (c, o) => {
    c.mmu.beginUnprivileged();
    try {
      exec(c, o);
    } finally {
      c.mmu.endUnprivileged();
    }
  };
}

/** Prefetches are hints: never fault, never touch memory. */
const prfm: Exec<unknown> = () => {};

function singlePatterns(): InsnPattern<never>[] {
  const out: InsnPattern<unknown>[] = [];
  const add = <Op>(name: string, pat: string, decode: (f: Fields) => Op | null, exec: Exec<Op>) =>
    out.push(pattern<Op>({ name, pattern: pat, decode, exec }) as InsnPattern<unknown>);
  VARIANTS.forEach(([size, opc, load, name, uname, tname], i) => {
    const head = `${bits(size, 2)} 111 0`;
    const o = bits(opc, 2);
    add(`${name}_uimm`, `${head} 01 ${o} imm12:12 Rn:5 Rt:5`, decUimm(load, size), offsetExecs[i]!);
    add(uname, `${head} 00 ${o} 0 imm9:9 00 Rn:5 Rt:5`, decImm9(load), offsetExecs[i]!);
    add(`${name}_post`, `${head} 00 ${o} 0 imm9:9 01 Rn:5 Rt:5`, decImm9(load), postExecs[i]!);
    // Unprivileged: accesses as EL0 when executed at EL1 (or EL2&0).
    add(
      tname,
      `${head} 00 ${o} 0 imm9:9 10 Rn:5 Rt:5`,
      decImm9(load),
      unprivileged(offsetExecs[i]!),
    );
    add(`${name}_pre`, `${head} 00 ${o} 0 imm9:9 11 Rn:5 Rt:5`, decImm9(load), preExecs[i]!);
    add(
      `${name}_reg`,
      `${head} 00 ${o} 1 Rm:5 option:3 S:1 10 Rn:5 Rt:5`,
      decReg(load, size),
      regExecs[i]!,
    );
  });
  // PRFM/PRFUM (size=11, opc=10): every prfop, allocated or not, is a no-op.
  add('PRFM_uimm', '11 111 0 01 10 imm12:12 Rn:5 Rt:5', decUimm(false, 3), prfm);
  add('PRFUM', '11 111 0 00 10 0 imm9:9 00 Rn:5 Rt:5', decImm9(false), prfm);
  add('PRFM_reg', '11 111 0 00 10 1 Rm:5 option:3 S:1 10 Rn:5 Rt:5', decReg(false, 3), prfm);
  return out as unknown as InsnPattern<never>[];
}

// ---- literal ----------------------------------------------------------------------------------

export const LDR_w_lit = pattern<AddrOp>({
  name: 'LDR_w_lit',
  pattern: '00 011 0 00 imm19:19 Rt:5',
  decode: decLit,
  exec: (c, o) => ldrW(c, litAddr(c, o), eaHi, o.rt),
});

export const LDR_x_lit = pattern<AddrOp>({
  name: 'LDR_x_lit',
  pattern: '01 011 0 00 imm19:19 Rt:5',
  decode: decLit,
  exec: (c, o) => ldrX(c, litAddr(c, o), eaHi, o.rt),
});

export const LDRSW_lit = pattern<AddrOp>({
  name: 'LDRSW_lit',
  pattern: '10 011 0 00 imm19:19 Rt:5',
  decode: decLit,
  exec: (c, o) => ldrsw(c, litAddr(c, o), eaHi, o.rt),
});

export const PRFM_lit = pattern<AddrOp>({
  name: 'PRFM_lit',
  pattern: '11 011 0 00 imm19:19 Rt:5',
  decode: decLit,
  exec: prfm,
});

// ---- pairs ------------------------------------------------------------------------------------

/*
 * Pair kernels: `lo` is unsigned, so the second element's address is lo + n with a carry
 * into hi. Each element is a separate access (alignment is per element, and a pair may cross
 * a page).
 */
function stpX(cpu: Cpu, lo: number, hi: number, rt: number, rt2: number): void {
  const g = cpu.gpr;
  st64(cpu, lo, hi, g[rt]!, g[rt + 1]!);
  const l2 = lo + 8;
  st64(cpu, l2 >>> 0, l2 > 0xffffffff ? (hi + 1) | 0 : hi, g[rt2]!, g[rt2 + 1]!);
}

function ldpX(cpu: Cpu, lo: number, hi: number, rt: number, rt2: number): void {
  const aLo = ld64(cpu, lo, hi);
  const aHi = cpu.memHi;
  const l2 = lo + 8;
  const bLo = ld64(cpu, l2 >>> 0, l2 > 0xffffffff ? (hi + 1) | 0 : hi);
  const g = cpu.gpr;
  // Both loads done before any register is written (a fault on the second changes nothing);
  // Rt is written last, so Rt == Rt2 leaves the first element (as QEMU).
  g[rt2] = bLo;
  g[rt2 + 1] = cpu.memHi;
  g[rt] = aLo;
  g[rt + 1] = aHi;
}

function stpW(cpu: Cpu, lo: number, hi: number, rt: number, rt2: number): void {
  const g = cpu.gpr;
  st32(cpu, lo, hi, g[rt]!);
  const l2 = lo + 4;
  st32(cpu, l2 >>> 0, l2 > 0xffffffff ? (hi + 1) | 0 : hi, g[rt2]!);
}

function ldpW(cpu: Cpu, lo: number, hi: number, rt: number, rt2: number): void {
  const a = ld32(cpu, lo, hi);
  const l2 = lo + 4;
  const b = ld32(cpu, l2 >>> 0, l2 > 0xffffffff ? (hi + 1) | 0 : hi);
  const g = cpu.gpr;
  g[rt2] = b;
  g[rt2 + 1] = 0;
  g[rt] = a;
  g[rt + 1] = 0;
}

function ldpsw(cpu: Cpu, lo: number, hi: number, rt: number, rt2: number): void {
  const a = ld32(cpu, lo, hi);
  const l2 = lo + 4;
  const b = ld32(cpu, l2 >>> 0, l2 > 0xffffffff ? (hi + 1) | 0 : hi);
  const g = cpu.gpr;
  g[rt2] = b;
  g[rt2 + 1] = b >> 31;
  g[rt] = a;
  g[rt + 1] = a >> 31;
}

/** opc, L, name, scale; then handlers for offset, pre and post in the same order. */
const PAIRS = [
  [0, 0, 'STP_w', 2],
  [0, 1, 'LDP_w', 2],
  [1, 1, 'LDPSW', 2],
  [2, 0, 'STP_x', 3],
  [2, 1, 'LDP_x', 3],
] as const;

const pairOffsetExecs: readonly Exec<AddrOp>[] = [
  (c, o) => stpW(c, immAddr(c, o), eaHi, o.rt, o.rt2),
  (c, o) => ldpW(c, immAddr(c, o), eaHi, o.rt, o.rt2),
  (c, o) => ldpsw(c, immAddr(c, o), eaHi, o.rt, o.rt2),
  (c, o) => stpX(c, immAddr(c, o), eaHi, o.rt, o.rt2),
  (c, o) => ldpX(c, immAddr(c, o), eaHi, o.rt, o.rt2),
];

const pairPreExecs: readonly Exec<AddrOp>[] = [
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    stpW(c, lo, hi, o.rt, o.rt2);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldpW(c, lo, hi, o.rt, o.rt2);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldpsw(c, lo, hi, o.rt, o.rt2);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    stpX(c, lo, hi, o.rt, o.rt2);
    writeBack(c, o.rn, lo, hi);
  },
  (c, o) => {
    const lo = immAddr(c, o);
    const hi = eaHi;
    ldpX(c, lo, hi, o.rt, o.rt2);
    writeBack(c, o.rn, lo, hi);
  },
];

const pairPostExecs: readonly Exec<AddrOp>[] = [
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    stpW(c, lo, hi, o.rt, o.rt2);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldpW(c, lo, hi, o.rt, o.rt2);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldpsw(c, lo, hi, o.rt, o.rt2);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    stpX(c, lo, hi, o.rt, o.rt2);
    writeBackPost(c, o, lo, hi);
  },
  (c, o) => {
    const lo = baseAddr(c, o);
    const hi = eaHi;
    ldpX(c, lo, hi, o.rt, o.rt2);
    writeBackPost(c, o, lo, hi);
  },
];

function pairPatterns(): InsnPattern<never>[] {
  const out: InsnPattern<unknown>[] = [];
  const add = (name: string, pat: string, decode: (f: Fields) => AddrOp, exec: Exec<AddrOp>) =>
    out.push(pattern<AddrOp>({ name, pattern: pat, decode, exec }) as InsnPattern<unknown>);
  PAIRS.forEach(([opc, l, name, scale], i) => {
    const head = `${bits(opc, 2)} 101 0`;
    const tail = `${l} imm7:7 Rt2:5 Rn:5 Rt:5`;
    const dec = decPair(l === 1, scale);
    add(`${name}_post`, `${head} 001 ${tail}`, dec, pairPostExecs[i]!);
    add(`${name}_off`, `${head} 010 ${tail}`, dec, pairOffsetExecs[i]!);
    add(`${name}_pre`, `${head} 011 ${tail}`, dec, pairPreExecs[i]!);
    // LDNP/STNP (no-allocate pair, offset only): a cache hint, otherwise LDP/STP. Not LDPSW.
    if (opc !== 1)
      add(`${name.replace('P', 'NP')}`, `${head} 000 ${tail}`, dec, pairOffsetExecs[i]!);
  });
  return out as unknown as InsnPattern<never>[];
}

export const loadStorePatterns: readonly InsnPattern<never>[] = [
  ...singlePatterns(),
  LDR_w_lit,
  LDR_x_lit,
  LDRSW_lit,
  PRFM_lit,
  ...pairPatterns(),
] as unknown as readonly InsnPattern<never>[];
