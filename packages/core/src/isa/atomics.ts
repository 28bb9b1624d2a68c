import type { Cpu } from '../cpu/cpu.js';
import {
  alignedAddress,
  checkAligned,
  checkSpAlignment,
  readPa,
  readPa64,
  rmwAddress,
  writePa,
  writePa64,
} from '../cpu/memory.js';
import { ERG_BYTES } from '../cpu/monitor.js';
import { AccessKind } from '../cpu/translate.js';
import { pattern, type Exec, type Fields, type InsnPattern } from '../decode/pattern.js';
import { rsp, rz, sext, wz } from './operands.js';

/**
 * Exclusives, load-acquire/store-release and the FEAT_LSE atomics (Arm ARM C4.1, "Loads and
 * Stores": "Load/store exclusive pair/register", "Load/store ordered", "Compare and swap
 * (pair)", "Atomic memory operations"), plus LDAPR (FEAT_LRCPC) and LDAPUR/STLUR
 * (FEAT_LRCPC2), which are decoded only by CPUs that have those features (none can yet: the
 * features are not defined, so these stay UNDEFINED until they are).
 *
 * The memory model is sequentially consistent, so the acquire/release variants (LDAXR, STLXR,
 * CASAL, LDADDA, …) share their plain variants' handlers; they are still separate patterns
 * with their Arm names. All of these accesses must be naturally aligned (alignment fault,
 * DFSC 0x21, whatever SCTLR_ELx.A says).
 *
 * LDLAR/STLLR (FEAT_LOR) are left unclaimed: UNDEFINED.
 *
 * Alignment fault syndromes follow QEMU 7.2 where it is consistent: LDAR/LDAPR/LDAPUR and
 * exclusive loads report WnR=0, STLR/STLUR WnR=1, atomic read-modify-writes (CAS, CASP,
 * LD<op>, SWP) WnR=0. One QEMU 7.2 quirk is not copied: its LDAPR does not check alignment.
 */

/** One operation shape for every instruction here (gpr indices, XZR/SP already mapped). */
export interface AtomOp {
  /** Rt: destination (loads, LD<op>, SWP) or source (stores, CAS/CASP new value). */
  rt: number;
  /** Rt2 (LDXP/STXP) or Rt+1 (CASP). */
  rt2: number;
  /** Rs as a source: LD<op>/SWP operand, CAS/CASP compare value. */
  rs: number;
  /** Rs+1 as a source (CASP). */
  rs2: number;
  /** Rs as a destination: STXR status, CAS/CASP old value. */
  rsw: number;
  /** Rs+1 as a destination (CASP). */
  rsw2: number;
  rn: number;
  /** The base is SP: CheckSPAlignment applies. */
  sp: boolean;
  /** Bytes accessed (the whole pair for LDXP/STXP/CASP). */
  size: number;
  /** 32 - 8 × size for accesses of up to 4 bytes: shift that brings the value to the top. */
  sh: number;
  /** Loads of up to 4 bytes: sign-extend the value (LDAPURS*). */
  signed: boolean;
  /** The destination is an X register and receives the sign (LDAPURS* to X). */
  x: boolean;
  /** Offset (LDAPUR/STLUR only) as halves: low unsigned, high 0 or -1. */
  immLo: number;
  immHi: number;
}

function atomOp(f: Fields, size: number, o: Partial<AtomOp>): AtomOp {
  return {
    rt: 0,
    rt2: 0,
    rs: 0,
    rs2: 0,
    rsw: 0,
    rsw2: 0,
    rn: rsp(f.Rn!),
    sp: f.Rn === 31,
    size,
    sh: size <= 4 ? 32 - 8 * size : 0,
    signed: false,
    x: false,
    immLo: 0,
    immHi: 0,
    ...o,
  };
}

/** The base register value (low half returned, high half in `baseHi`), after the SP check. */
let baseHi = 0;
function base(cpu: Cpu, op: AtomOp): number {
  const g = cpu.gpr;
  if (op.sp && (g[62]! & 15) !== 0) checkSpAlignment(cpu);
  baseHi = g[op.rn + 1]!;
  return g[op.rn]!;
}

// ---- exclusive monitor --------------------------------------------------------------------

/*
 * Exclusives follow QEMU (target/arm/tcg/translate-a64.c gen_load_exclusive/
 * gen_store_exclusive), which remembers the virtual address and the value an LDXR loaded; a
 * store-exclusive succeeds only if its address equals that address exactly and memory still
 * holds that value (compared at the STXR's size, against the loaded value zero-extended), and
 * any STXR, successful or not, clears the monitor. On top of that the machine's monitors
 * (cpu/monitor.ts) must still hold the reservation: CLREX, exception return and any store to
 * the 64-byte granule (another CPU's, a device's through the CPU layer, or this CPU's own
 * plain store) clear it. For single-CPU programs this matches QEMU except for a plain store
 * by the same CPU between LDXR and STXR to the reserved granule: QEMU's STXR still succeeds if
 * the value at the exclusive address is unchanged (same value stored, or another address of
 * the granule written), here it fails. Both are architecturally allowed (IMPLEMENTATION
 * DEFINED clearing of the local monitor by the PE's own stores).
 *
 * Faults: STXR checks alignment first (as the Arm pseudocode's ExclusiveMonitorsPass), so a
 * misaligned STXR always faults, with WnR=1; QEMU 7.2 only checks on the path where the address
 * matches and reports WnR=0. A STXR whose address does not match fails without translating.
 */

/** Per CPU: [va lo, va hi, value w0, w1, w2, w3] of the last exclusive load. */
const exclusiveState = new WeakMap<Cpu, Int32Array>();

function exclState(cpu: Cpu): Int32Array {
  let s = exclusiveState.get(cpu);
  if (s === undefined) {
    s = new Int32Array(6);
    exclusiveState.set(cpu, s);
  }
  return s;
}

function markExclusive(
  cpu: Cpu,
  pa: number,
  lo: number,
  hi: number,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
): void {
  const s = exclState(cpu);
  s[0] = lo;
  s[1] = hi;
  s[2] = w0;
  s[3] = w1;
  s[4] = w2;
  s[5] = w3;
  cpu.monitors.mark(cpu, pa);
}

/**
 * The PA a store-exclusive may write, or -1 when it must fail: the monitor holds the granule
 * and the address is exactly the one of the last exclusive load.
 */
function exclusivePass(cpu: Cpu, lo: number, hi: number, size: number): number {
  const s = exclState(cpu);
  if (cpu.exclusivePa < 0 || s[0] !== lo || s[1] !== hi) return -1;
  const pa = cpu.translator.data(cpu, lo, hi, AccessKind.Write, size);
  return pa - (pa % ERG_BYTES) === cpu.exclusivePa ? pa : -1;
}

function setStatus(cpu: Cpu, op: AtomOp, status: number): void {
  cpu.monitors.clear(cpu);
  const g = cpu.gpr;
  g[op.rsw] = status;
  g[op.rsw + 1] = 0;
}

function ldxrN(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  const size = op.size as 1 | 2 | 4;
  const pa = alignedAddress(cpu, lo, hi, size, AccessKind.Read);
  const v = readPa(cpu, pa, size, lo, hi);
  markExclusive(cpu, pa, lo, hi, v, 0, 0, 0);
  const g = cpu.gpr;
  g[op.rt] = v;
  g[op.rt + 1] = 0;
}

function ldxrX(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  const pa = alignedAddress(cpu, lo, hi, 8, AccessKind.Read);
  const v = readPa64(cpu, pa, lo, hi);
  const vHi = cpu.memHi;
  markExclusive(cpu, pa, lo, hi, v, vHi, 0, 0);
  const g = cpu.gpr;
  g[op.rt] = v;
  g[op.rt + 1] = vHi;
}

function stxrN(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  const size = op.size as 1 | 2 | 4;
  checkAligned(cpu, lo, hi, size, true);
  const g = cpu.gpr;
  const v = g[op.rt]!;
  let status = 1;
  const pa = exclusivePass(cpu, lo, hi, size);
  if (pa >= 0) {
    const s = exclState(cpu);
    if (readPa(cpu, pa, size, lo, hi) === s[2] && s[3] === 0) {
      writePa(cpu, pa, size, v, lo, hi);
      status = 0;
    }
  }
  setStatus(cpu, op, status);
}

function stxrX(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  checkAligned(cpu, lo, hi, 8, true);
  const g = cpu.gpr;
  const vLo = g[op.rt]!;
  const vHi = g[op.rt + 1]!;
  let status = 1;
  const pa = exclusivePass(cpu, lo, hi, 8);
  if (pa >= 0) {
    const s = exclState(cpu);
    if (readPa64(cpu, pa, lo, hi) === s[2] && cpu.memHi === s[3]) {
      writePa64(cpu, pa, vLo, vHi, lo, hi);
      status = 0;
    }
  }
  setStatus(cpu, op, status);
}

/** LDXP Wt, Wt2: one 64-bit access; Rt gets the lower word. */
function ldxpW(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  const pa = alignedAddress(cpu, lo, hi, 8, AccessKind.Read);
  const a = readPa64(cpu, pa, lo, hi);
  const b = cpu.memHi;
  markExclusive(cpu, pa, lo, hi, a, b, 0, 0);
  const g = cpu.gpr;
  // Rt2 written last: Rt == Rt2 (CONSTRAINED UNPREDICTABLE) leaves the second word, as QEMU.
  g[op.rt] = a;
  g[op.rt + 1] = 0;
  g[op.rt2] = b;
  g[op.rt2 + 1] = 0;
}

/** LDXP Xt, Xt2: 16 bytes, 16-byte aligned. */
function ldxpX(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  const pa = alignedAddress(cpu, lo, hi, 16, AccessKind.Read);
  const aLo = readPa64(cpu, pa, lo, hi);
  const aHi = cpu.memHi;
  const bLo = readPa64(cpu, pa + 8, lo, hi);
  const bHi = cpu.memHi;
  markExclusive(cpu, pa, lo, hi, aLo, aHi, bLo, bHi);
  const g = cpu.gpr;
  g[op.rt] = aLo;
  g[op.rt + 1] = aHi;
  g[op.rt2] = bLo;
  g[op.rt2 + 1] = bHi;
}

function stxpW(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  checkAligned(cpu, lo, hi, 8, true);
  const g = cpu.gpr;
  const a = g[op.rt]!;
  const b = g[op.rt2]!;
  let status = 1;
  const pa = exclusivePass(cpu, lo, hi, 8);
  if (pa >= 0) {
    const s = exclState(cpu);
    if (readPa64(cpu, pa, lo, hi) === s[2] && cpu.memHi === s[3]) {
      writePa64(cpu, pa, a, b, lo, hi);
      status = 0;
    }
  }
  setStatus(cpu, op, status);
}

function stxpX(cpu: Cpu, op: AtomOp): void {
  const lo = base(cpu, op);
  const hi = baseHi;
  checkAligned(cpu, lo, hi, 16, true);
  const g = cpu.gpr;
  const aLo = g[op.rt]!;
  const aHi = g[op.rt + 1]!;
  const bLo = g[op.rt2]!;
  const bHi = g[op.rt2 + 1]!;
  let status = 1;
  const pa = exclusivePass(cpu, lo, hi, 16);
  if (pa >= 0) {
    const s = exclState(cpu);
    if (
      readPa64(cpu, pa, lo, hi) === s[2] &&
      cpu.memHi === s[3] &&
      readPa64(cpu, pa + 8, lo, hi) === s[4] &&
      cpu.memHi === s[5]
    ) {
      writePa64(cpu, pa, aLo, aHi, lo, hi);
      writePa64(cpu, pa + 8, bLo, bHi, lo, hi);
      status = 0;
    }
  }
  setStatus(cpu, op, status);
}

// ---- load-acquire / store-release -------------------------------------------------------------

/** Aligned load of up to 4 bytes at `lo:hi` into Rt (sign-extended per op.signed/op.x). */
function ordLoadN(cpu: Cpu, op: AtomOp, lo: number, hi: number): void {
  const size = op.size as 1 | 2 | 4;
  let v = readPa(cpu, alignedAddress(cpu, lo, hi, size, AccessKind.Read), size, lo, hi);
  if (op.signed) v = (v << op.sh) >> op.sh;
  const g = cpu.gpr;
  g[op.rt] = v;
  g[op.rt + 1] = op.x ? v >> 31 : 0;
}

function ordLoadX(cpu: Cpu, op: AtomOp, lo: number, hi: number): void {
  const v = readPa64(cpu, alignedAddress(cpu, lo, hi, 8, AccessKind.Read), lo, hi);
  const g = cpu.gpr;
  g[op.rt] = v;
  g[op.rt + 1] = cpu.memHi;
}

function ordStoreN(cpu: Cpu, op: AtomOp, lo: number, hi: number): void {
  const size = op.size as 1 | 2 | 4;
  const v = cpu.gpr[op.rt]!;
  writePa(cpu, alignedAddress(cpu, lo, hi, size, AccessKind.Write), size, v, lo, hi);
}

function ordStoreX(cpu: Cpu, op: AtomOp, lo: number, hi: number): void {
  const g = cpu.gpr;
  const vLo = g[op.rt]!;
  const vHi = g[op.rt + 1]!;
  writePa64(cpu, alignedAddress(cpu, lo, hi, 8, AccessKind.Write), vLo, vHi, lo, hi);
}

const ldarN: Exec<AtomOp> = (c, o) => ordLoadN(c, o, base(c, o), baseHi);
const ldarX: Exec<AtomOp> = (c, o) => ordLoadX(c, o, base(c, o), baseHi);
const stlrN: Exec<AtomOp> = (c, o) => ordStoreN(c, o, base(c, o), baseHi);
const stlrX: Exec<AtomOp> = (c, o) => ordStoreX(c, o, base(c, o), baseHi);

/** Base + imm9 (LDAPUR/STLUR): low half returned, high half in baseHi. */
function offAddr(cpu: Cpu, op: AtomOp): number {
  const lo = base(cpu, op);
  const s = (lo >>> 0) + op.immLo;
  baseHi = (baseHi + op.immHi + (s > 0xffffffff ? 1 : 0)) | 0;
  return s >>> 0;
}

const ldapurN: Exec<AtomOp> = (c, o) => ordLoadN(c, o, offAddr(c, o), baseHi);
const ldapurX: Exec<AtomOp> = (c, o) => ordLoadX(c, o, offAddr(c, o), baseHi);
const stlurN: Exec<AtomOp> = (c, o) => ordStoreN(c, o, offAddr(c, o), baseHi);
const stlurX: Exec<AtomOp> = (c, o) => ordStoreX(c, o, offAddr(c, o), baseHi);

// ---- atomic read-modify-write (FEAT_LSE) -------------------------------------------------------

/** The access of the atomic in progress (set by rmwRead*, used by its finish). */
let rmwPa = 0;
let rmwLo = 0;
let rmwHi = 0;

/** Reads the old value of an atomic of up to 4 bytes (zero-extended; int32 for 4 bytes). */
function rmwRead(cpu: Cpu, op: AtomOp): number {
  const lo = base(cpu, op);
  const hi = baseHi;
  rmwLo = lo;
  rmwHi = hi;
  rmwPa = rmwAddress(cpu, lo, hi, op.size);
  return readPa(cpu, rmwPa, op.size as 1 | 2 | 4, lo, hi);
}

/** Stores the new value and returns the old one in Rt (W register: high half zero). */
function rmwFinish(cpu: Cpu, op: AtomOp, old: number, nv: number): void {
  writePa(cpu, rmwPa, op.size as 1 | 2 | 4, nv, rmwLo, rmwHi);
  const g = cpu.gpr;
  g[op.rt] = old;
  g[op.rt + 1] = 0;
}

/** Reads the old 64-bit value (`size` 8) or the first half of 16 bytes; high half in memHi. */
function rmwRead64(cpu: Cpu, op: AtomOp): number {
  const lo = base(cpu, op);
  const hi = baseHi;
  rmwLo = lo;
  rmwHi = hi;
  rmwPa = rmwAddress(cpu, lo, hi, op.size);
  return readPa64(cpu, rmwPa, lo, hi);
}

function rmwFinish64(
  cpu: Cpu,
  op: AtomOp,
  oLo: number,
  oHi: number,
  nLo: number,
  nHi: number,
): void {
  writePa64(cpu, rmwPa, nLo, nHi, rmwLo, rmwHi);
  const g = cpu.gpr;
  g[op.rt] = oLo;
  g[op.rt + 1] = oHi;
}

// Up to 4 bytes: the arithmetic is on 32 bits; writePa keeps the low `size` bytes. Signed and
// unsigned comparisons first move the `size`-byte values to the top (`sh`) and back.

const ldaddN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  rmwFinish(c, o, old, old + c.gpr[o.rs]!);
};
const ldclrN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  rmwFinish(c, o, old, old & ~c.gpr[o.rs]!);
};
const ldeorN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  rmwFinish(c, o, old, old ^ c.gpr[o.rs]!);
};
const ldsetN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  rmwFinish(c, o, old, old | c.gpr[o.rs]!);
};
const ldsmaxN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  const s = c.gpr[o.rs]!;
  rmwFinish(c, o, old, (old << o.sh) >> o.sh > (s << o.sh) >> o.sh ? old : s);
};
const ldsminN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  const s = c.gpr[o.rs]!;
  rmwFinish(c, o, old, (old << o.sh) >> o.sh < (s << o.sh) >> o.sh ? old : s);
};
const ldumaxN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  const s = c.gpr[o.rs]!;
  rmwFinish(c, o, old, (old << o.sh) >>> o.sh > (s << o.sh) >>> o.sh ? old : s);
};
const lduminN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  const s = c.gpr[o.rs]!;
  rmwFinish(c, o, old, (old << o.sh) >>> o.sh < (s << o.sh) >>> o.sh ? old : s);
};
const swpN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  rmwFinish(c, o, old, c.gpr[o.rs]!);
};

const ldaddX: Exec<AtomOp> = (c, o) => {
  const oLo = rmwRead64(c, o);
  const oHi = c.memHi;
  const g = c.gpr;
  const s = (oLo >>> 0) + (g[o.rs]! >>> 0);
  rmwFinish64(c, o, oLo, oHi, s | 0, (oHi + g[o.rs + 1]! + (s > 0xffffffff ? 1 : 0)) | 0);
};
const ldclrX: Exec<AtomOp> = (c, o) => {
  const oLo = rmwRead64(c, o);
  const oHi = c.memHi;
  const g = c.gpr;
  rmwFinish64(c, o, oLo, oHi, oLo & ~g[o.rs]!, oHi & ~g[o.rs + 1]!);
};
const ldeorX: Exec<AtomOp> = (c, o) => {
  const oLo = rmwRead64(c, o);
  const oHi = c.memHi;
  const g = c.gpr;
  rmwFinish64(c, o, oLo, oHi, oLo ^ g[o.rs]!, oHi ^ g[o.rs + 1]!);
};
const ldsetX: Exec<AtomOp> = (c, o) => {
  const oLo = rmwRead64(c, o);
  const oHi = c.memHi;
  const g = c.gpr;
  rmwFinish64(c, o, oLo, oHi, oLo | g[o.rs]!, oHi | g[o.rs + 1]!);
};
/** old > s as signed (signedHi) or unsigned 64-bit values given as int32 halves. */
function gt64(aLo: number, aHi: number, bLo: number, bHi: number, signedHi: boolean): boolean {
  if (aHi !== bHi) return signedHi ? aHi > bHi : aHi >>> 0 > bHi >>> 0;
  return aLo >>> 0 > bLo >>> 0;
}
/**
 * LD{S,U}{MAX,MIN} on 64 bits: memory keeps the old value when old > s (max) or s > old (min).
 */
function minMax64(c: Cpu, o: AtomOp, signed: boolean, max: boolean): void {
  const oLo = rmwRead64(c, o);
  const oHi = c.memHi;
  const g = c.gpr;
  const sLo = g[o.rs]!;
  const sHi = g[o.rs + 1]!;
  const keep = max ? gt64(oLo, oHi, sLo, sHi, signed) : gt64(sLo, sHi, oLo, oHi, signed);
  rmwFinish64(c, o, oLo, oHi, keep ? oLo : sLo, keep ? oHi : sHi);
}
const ldsmaxX: Exec<AtomOp> = (c, o) => minMax64(c, o, true, true);
const ldsminX: Exec<AtomOp> = (c, o) => minMax64(c, o, true, false);
const ldumaxX: Exec<AtomOp> = (c, o) => minMax64(c, o, false, true);
const lduminX: Exec<AtomOp> = (c, o) => minMax64(c, o, false, false);
const swpX: Exec<AtomOp> = (c, o) => {
  const oLo = rmwRead64(c, o);
  const oHi = c.memHi;
  const g = c.gpr;
  rmwFinish64(c, o, oLo, oHi, g[o.rs]!, g[o.rs + 1]!);
};

/*
 * CAS/CASP: the comparison failing leaves memory unwritten (so no reservation is cleared);
 * Rs (Rs+1) always receives the old value. The new value is read before Rs is written, so
 * Rs == Rt behaves as if the registers were read first.
 */

const casN: Exec<AtomOp> = (c, o) => {
  const old = rmwRead(c, o);
  const g = c.gpr;
  if ((old ^ g[o.rs]!) << o.sh === 0)
    writePa(c, rmwPa, o.size as 1 | 2 | 4, g[o.rt]!, rmwLo, rmwHi);
  g[o.rsw] = old;
  g[o.rsw + 1] = 0;
};

const casX: Exec<AtomOp> = (c, o) => {
  const oLo = rmwRead64(c, o);
  const oHi = c.memHi;
  const g = c.gpr;
  if (oLo === g[o.rs] && oHi === g[o.rs + 1])
    writePa64(c, rmwPa, g[o.rt]!, g[o.rt + 1]!, rmwLo, rmwHi);
  g[o.rsw] = oLo;
  g[o.rsw + 1] = oHi;
};

/** CASP Ws, W(s+1), Wt, W(t+1): one 64-bit access, Rs/Rt at the lower address. */
const caspW: Exec<AtomOp> = (c, o) => {
  const a = rmwRead64(c, o);
  const b = c.memHi;
  const g = c.gpr;
  if (a === g[o.rs] && b === g[o.rs2]) writePa64(c, rmwPa, g[o.rt]!, g[o.rt2]!, rmwLo, rmwHi);
  g[o.rsw] = a;
  g[o.rsw + 1] = 0;
  g[o.rsw2] = b;
  g[o.rsw2 + 1] = 0;
};

/** CASP Xs, X(s+1), Xt, X(t+1): 16 bytes, 16-byte aligned. */
const caspX: Exec<AtomOp> = (c, o) => {
  const aLo = rmwRead64(c, o);
  const aHi = c.memHi;
  const bLo = readPa64(c, rmwPa + 8, rmwLo, rmwHi);
  const bHi = c.memHi;
  const g = c.gpr;
  if (aLo === g[o.rs] && aHi === g[o.rs + 1] && bLo === g[o.rs2] && bHi === g[o.rs2 + 1]) {
    writePa64(c, rmwPa, g[o.rt]!, g[o.rt + 1]!, rmwLo, rmwHi);
    writePa64(c, rmwPa + 8, g[o.rt2]!, g[o.rt2 + 1]!, rmwLo, rmwHi);
  }
  g[o.rsw] = aLo;
  g[o.rsw + 1] = aHi;
  g[o.rsw2] = bLo;
  g[o.rsw2 + 1] = bHi;
};

// ---- patterns -------------------------------------------------------------------------------

const bits = (v: number, n: number): string => v.toString(2).padStart(n, '0');
/** Name suffix per size field: LDXRB, LDXRH, LDXR_w, LDXR_x. */
const SFX = ['B', 'H', '_w', '_x'] as const;

function build(): InsnPattern<never>[] {
  const out: InsnPattern<unknown>[] = [];
  const add = (
    name: string,
    pat: string,
    decode: (f: Fields) => AtomOp | null,
    exec: Exec<AtomOp>,
    feature?: string,
  ) =>
    out.push(
      pattern<AtomOp>({
        name,
        pattern: pat,
        decode,
        exec,
        ...(feature ? { feature } : {}),
      }) as InsnPattern<unknown>,
    );

  for (let size = 0; size < 4; size++) {
    const sz = bits(size, 2);
    const n = 1 << size;
    const x = size === 3;
    const sfx = SFX[size]!;
    const load = (f: Fields) => atomOp(f, n, { rt: wz(f.Rt!) });
    const store = (f: Fields) => atomOp(f, n, { rt: rz(f.Rt!), rsw: wz(f.Rs!) });

    // Exclusive register. The Rs field of loads and Rt2 of all four "should be" 11111; like
    // QEMU, other values are ignored.
    for (const o0 of [0, 1]) {
      add(
        `${o0 ? 'LDAXR' : 'LDXR'}${sfx}`,
        `${sz} 001000 0 1 0 xxxxx ${o0} xxxxx Rn:5 Rt:5`,
        load,
        x ? ldxrX : ldxrN,
      );
      add(
        `${o0 ? 'STLXR' : 'STXR'}${sfx}`,
        `${sz} 001000 0 0 0 Rs:5 ${o0} xxxxx Rn:5 Rt:5`,
        store,
        x ? stxrX : stxrN,
      );
    }

    // Ordered: LDAR/STLR (o0 = 1); o0 = 0 is LDLAR/STLLR (FEAT_LOR), left UNDEFINED.
    add(`LDAR${sfx}`, `${sz} 001000 1 1 0 xxxxx 1 xxxxx Rn:5 Rt:5`, load, x ? ldarX : ldarN);
    add(
      `STLR${sfx}`,
      `${sz} 001000 1 0 0 xxxxx 1 xxxxx Rn:5 Rt:5`,
      (f) => atomOp(f, n, { rt: rz(f.Rt!) }),
      x ? stlrX : stlrN,
    );

    // CAS, CASA, CASL, CASAL (L = acquire, o0 = release). Rt2 must be 11111.
    for (const [l, o0, ord] of [
      [0, 0, ''],
      [1, 0, 'A'],
      [0, 1, 'L'],
      [1, 1, 'AL'],
    ] as const)
      add(
        `CAS${ord}${sfx}`,
        `${sz} 001000 1 ${l} 1 Rs:5 ${o0} 11111 Rn:5 Rt:5`,
        (f) => atomOp(f, n, { rt: rz(f.Rt!), rs: rz(f.Rs!), rsw: wz(f.Rs!) }),
        x ? casX : casN,
        'FEAT_LSE',
      );

    // Atomic memory operations: LD<op> (o3 = 0) and SWP (o3 = 1, opc = 000), with A
    // (acquire) and R (release). ST<op> is LD<op> with Rt = XZR.
    const ops: readonly [string, number, number, Exec<AtomOp>, Exec<AtomOp>][] = [
      ['LDADD', 0, 0, ldaddN, ldaddX],
      ['LDCLR', 0, 1, ldclrN, ldclrX],
      ['LDEOR', 0, 2, ldeorN, ldeorX],
      ['LDSET', 0, 3, ldsetN, ldsetX],
      ['LDSMAX', 0, 4, ldsmaxN, ldsmaxX],
      ['LDSMIN', 0, 5, ldsminN, ldsminX],
      ['LDUMAX', 0, 6, ldumaxN, ldumaxX],
      ['LDUMIN', 0, 7, lduminN, lduminX],
      ['SWP', 1, 0, swpN, swpX],
    ];
    const rmw = (f: Fields) => atomOp(f, n, { rt: wz(f.Rt!), rs: rz(f.Rs!) });
    for (const [mn, o3, opc, execN, execX] of ops)
      for (const [a, r, ord] of [
        [0, 0, ''],
        [1, 0, 'A'],
        [0, 1, 'L'],
        [1, 1, 'AL'],
      ] as const)
        add(
          `${mn}${ord}${sfx}`,
          `${sz} 111 0 00 ${a} ${r} 1 Rs:5 ${o3} ${bits(opc, 3)} 00 Rn:5 Rt:5`,
          rmw,
          x ? execX : execN,
          'FEAT_LSE',
        );

    // LDAPR (FEAT_LRCPC): as LDAR in this sequentially consistent model.
    add(
      `LDAPR${sfx}`,
      `${sz} 111 0 00 1 0 1 11111 1 100 00 Rn:5 Rt:5`,
      load,
      x ? ldarX : ldarN,
      'FEAT_LRCPC',
    );
  }

  // Exclusive pairs: size<1> = 1, sz = size<0> (0: W, 1: X).
  for (const sz of [0, 1]) {
    const sfx = sz ? '_x' : '_w';
    const n = sz ? 16 : 8;
    for (const o0 of [0, 1]) {
      add(
        `${o0 ? 'LDAXP' : 'LDXP'}${sfx}`,
        `1 ${sz} 001000 0 1 1 xxxxx ${o0} Rt2:5 Rn:5 Rt:5`,
        (f) => atomOp(f, n, { rt: wz(f.Rt!), rt2: wz(f.Rt2!) }),
        sz ? ldxpX : ldxpW,
      );
      add(
        `${o0 ? 'STLXP' : 'STXP'}${sfx}`,
        `1 ${sz} 001000 0 0 1 Rs:5 ${o0} Rt2:5 Rn:5 Rt:5`,
        (f) => atomOp(f, n, { rt: rz(f.Rt!), rt2: rz(f.Rt2!), rsw: wz(f.Rs!) }),
        sz ? stxpX : stxpW,
      );
    }
    // CASP, CASPA, CASPL, CASPAL: Rs and Rt must be even (odd: UNDEFINED); Rt2 = 11111.
    for (const [l, o0, ord] of [
      [0, 0, ''],
      [1, 0, 'A'],
      [0, 1, 'L'],
      [1, 1, 'AL'],
    ] as const)
      add(
        `CASP${ord}${sfx}`,
        `0 ${sz} 001000 0 ${l} 1 Rs:5 ${o0} 11111 Rn:5 Rt:5`,
        (f) =>
          (f.Rs! & 1) !== 0 || (f.Rt! & 1) !== 0
            ? null
            : atomOp(f, n, {
                rs: rz(f.Rs!),
                rs2: rz(f.Rs! + 1),
                rsw: wz(f.Rs!),
                rsw2: wz(f.Rs! + 1),
                rt: rz(f.Rt!),
                rt2: rz(f.Rt! + 1),
              }),
        sz ? caspX : caspW,
        'FEAT_LSE',
      );
  }

  // LDAPUR*/STLUR* (FEAT_LRCPC2): base + imm9, aligned, acquire/release.
  for (const [size, opc, name, signed, xreg] of [
    [0, 0, 'STLURB', false, false],
    [0, 1, 'LDAPURB', false, false],
    [0, 2, 'LDAPURSB_x', true, true],
    [0, 3, 'LDAPURSB_w', true, false],
    [1, 0, 'STLURH', false, false],
    [1, 1, 'LDAPURH', false, false],
    [1, 2, 'LDAPURSH_x', true, true],
    [1, 3, 'LDAPURSH_w', true, false],
    [2, 0, 'STLUR_w', false, false],
    [2, 1, 'LDAPUR_w', false, false],
    [2, 2, 'LDAPURSW', true, true],
    [3, 0, 'STLUR_x', false, false],
    [3, 1, 'LDAPUR_x', false, false],
  ] as const) {
    const st = opc === 0;
    const n = 1 << size;
    add(
      name,
      `${bits(size, 2)} 011001 ${bits(opc, 2)} 0 imm9:9 00 Rn:5 Rt:5`,
      (f) => {
        const imm = sext(f.imm9!, 9);
        return atomOp(f, n, {
          rt: st ? rz(f.Rt!) : wz(f.Rt!),
          signed,
          x: xreg,
          immLo: imm >>> 0,
          immHi: imm < 0 ? -1 : 0,
        });
      },
      size === 3 ? (st ? stlurX : ldapurX) : st ? stlurN : ldapurN,
      'FEAT_LRCPC2',
    );
  }
  return out as unknown as InsnPattern<never>[];
}

export const atomicPatterns: readonly InsnPattern<never>[] = build();
