import type { Cpu } from '../cpu/cpu.js';
import { COND_PASS } from '../cpu/pstate.js';
import { pattern, type Fields, type InsnPattern } from '../decode/pattern.js';
import {
  T64,
  addWithCarry,
  addWithCarry32,
  asr64,
  bswap32,
  clz64,
  cls32,
  cls64,
  lsl64,
  lsr64,
  mul64,
  mulhs32,
  mulhu32,
  nz32,
  nz64,
  rbit32,
  rev16x32,
  ror32,
  ror64,
  sdiv32,
  sdiv64,
  shiftReg32,
  shiftReg64,
  smulh64,
  udiv32,
  udiv64,
  umulh64,
} from './alu.js';
import { rsp, rz, wz } from './operands.js';

/**
 * Data Processing -- Register (Arm ARM C4.1.87): logical and add/subtract (shifted register),
 * add/subtract (extended register), add/subtract with carry, conditional compare, conditional
 * select, 1-source, 2-source and 3-source. Each instruction has a 32-bit (`_w`) and a 64-bit
 * (`_x`) pattern so handlers never test the operand size.
 * Unallocated here (UNDEF): shift amounts ≥ 32 for W, ROR in add/subtract (shifted), extended
 * register with opt≠00 or a shift > 4, RMIF/SETF8/SETF16 (FEAT_FlagM), CCMP/CCMN with S=0 or
 * o2/o3 set, CSEL-family with S=1 or op2<1>=1, the PAC/MTE/CRC32/CSSC encodings of the 1- and
 * 2-source groups, REV (64-bit opcode) with sf=0, and 3-source op54≠00, the long forms with
 * sf=0, and SMULH/UMULH with o0=1 or Ra≠11111 (as QEMU 8+ decodes them).
 */

/** gpr index that swallows writes: for the flag-only compare forms. */
const SINK = wz(31);

// ---- shifted register operands ------------------------------------------------------------

interface ShiftedOp {
  d: number;
  n: number;
  m: number;
  /** 0 LSL, 1 LSR, 2 ASR, 3 ROR. */
  type: number;
  amt: number;
  /** Logical forms: -1 when the second operand is inverted (BIC, ORN, EON, BICS), else 0. */
  inv: number;
}

function shifted(f: Fields, d: number): ShiftedOp {
  return {
    d,
    n: rz(f.Rn!),
    m: rz(f.Rm!),
    type: f.shift!,
    amt: f.imm6!,
    inv: f.N ? -1 : 0,
  };
}

const logicalDecode = (f: Fields): ShiftedOp => shifted(f, wz(f.Rd!));

/** Add/subtract (shifted register): ROR is reserved. Rd=31 is XZR, also for ADD/SUB. */
const addSubShiftedDecode = (f: Fields): ShiftedOp | null =>
  f.shift === 3 ? null : shifted(f, wz(f.Rd!));

/** The shifted Rm of a 64-bit form, into T64. */
function shiftedM64(g: Int32Array, op: ShiftedOp): void {
  shiftReg64(T64, 0, g[op.m]!, g[op.m + 1]!, op.type, op.amt);
}

// Logical (shifted register): AND/BIC, ORR/ORN, EOR/EON, ANDS/BICS (N inverts Rm).

export const AND_r_w = pattern<ShiftedOp>({
  name: 'AND_r_w',
  pattern: '0 00 01010 shift:2 N:1 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! & (shiftReg32(g[op.m]!, op.type, op.amt) ^ op.inv);
    g[op.d + 1] = 0;
  },
});

export const AND_r_x = pattern<ShiftedOp>({
  name: 'AND_r_x',
  pattern: '1 00 01010 shift:2 N:1 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    const hi = g[op.n + 1]! & (mHi ^ op.inv);
    g[op.d] = g[op.n]! & (mLo ^ op.inv);
    g[op.d + 1] = hi;
  },
});

export const ORR_r_w = pattern<ShiftedOp>({
  name: 'ORR_r_w',
  pattern: '0 01 01010 shift:2 N:1 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! | (shiftReg32(g[op.m]!, op.type, op.amt) ^ op.inv);
    g[op.d + 1] = 0;
  },
});

export const ORR_r_x = pattern<ShiftedOp>({
  name: 'ORR_r_x',
  pattern: '1 01 01010 shift:2 N:1 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    const hi = g[op.n + 1]! | (mHi ^ op.inv);
    g[op.d] = g[op.n]! | (mLo ^ op.inv);
    g[op.d + 1] = hi;
  },
});

export const EOR_r_w = pattern<ShiftedOp>({
  name: 'EOR_r_w',
  pattern: '0 10 01010 shift:2 N:1 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! ^ shiftReg32(g[op.m]!, op.type, op.amt) ^ op.inv;
    g[op.d + 1] = 0;
  },
});

export const EOR_r_x = pattern<ShiftedOp>({
  name: 'EOR_r_x',
  pattern: '1 10 01010 shift:2 N:1 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    const hi = g[op.n + 1]! ^ mHi ^ op.inv;
    g[op.d] = g[op.n]! ^ mLo ^ op.inv;
    g[op.d + 1] = hi;
  },
});

export const ANDS_r_w = pattern<ShiftedOp>({
  name: 'ANDS_r_w',
  pattern: '0 11 01010 shift:2 N:1 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    const r = g[op.n]! & (shiftReg32(g[op.m]!, op.type, op.amt) ^ op.inv);
    g[op.d] = r;
    g[op.d + 1] = 0;
    cpu.nzcv = nz32(r);
  },
});

export const ANDS_r_x = pattern<ShiftedOp>({
  name: 'ANDS_r_x',
  pattern: '1 11 01010 shift:2 N:1 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: logicalDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    const lo = g[op.n]! & (mLo ^ op.inv);
    const hi = g[op.n + 1]! & (mHi ^ op.inv);
    g[op.d] = lo;
    g[op.d + 1] = hi;
    cpu.nzcv = nz64(lo, hi);
  },
});

// Add/subtract (shifted register).

export const ADD_r_w = pattern<ShiftedOp>({
  name: 'ADD_r_w',
  pattern: '0 0 0 01011 shift:2 0 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! + shiftReg32(g[op.m]!, op.type, op.amt);
    g[op.d + 1] = 0;
  },
});

export const ADD_r_x = pattern<ShiftedOp>({
  name: 'ADD_r_x',
  pattern: '1 0 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    const lo = (g[op.n]! >>> 0) + (mLo >>> 0);
    const hi = g[op.n + 1]! + mHi + (lo > 0xffffffff ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

export const SUB_r_w = pattern<ShiftedOp>({
  name: 'SUB_r_w',
  pattern: '0 1 0 01011 shift:2 0 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! - shiftReg32(g[op.m]!, op.type, op.amt);
    g[op.d + 1] = 0;
  },
});

export const SUB_r_x = pattern<ShiftedOp>({
  name: 'SUB_r_x',
  pattern: '1 1 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    const lo = (g[op.n]! >>> 0) - (mLo >>> 0);
    const hi = g[op.n + 1]! - mHi - (lo < 0 ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

export const ADDS_r_w = pattern<ShiftedOp>({
  name: 'ADDS_r_w',
  pattern: '0 0 1 01011 shift:2 0 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, shiftReg32(g[op.m]!, op.type, op.amt), 0);
  },
});

export const ADDS_r_x = pattern<ShiftedOp>({
  name: 'ADDS_r_x',
  pattern: '1 0 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    cpu.nzcv = addWithCarry(g, op.d, g[op.n]!, g[op.n + 1]!, mLo, mHi, 0);
  },
});

export const SUBS_r_w = pattern<ShiftedOp>({
  name: 'SUBS_r_w',
  pattern: '0 1 1 01011 shift:2 0 Rm:5 0 imm6:5 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, ~shiftReg32(g[op.m]!, op.type, op.amt), 1);
  },
});

export const SUBS_r_x = pattern<ShiftedOp>({
  name: 'SUBS_r_x',
  pattern: '1 1 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5',
  decode: addSubShiftedDecode,
  exec(cpu, op) {
    const g = cpu.gpr;
    let mLo = g[op.m]!;
    let mHi = g[op.m + 1]!;
    if (op.amt !== 0) {
      shiftedM64(g, op);
      mLo = T64[0]!;
      mHi = T64[1]!;
    }
    cpu.nzcv = addWithCarry(g, op.d, g[op.n]!, g[op.n + 1]!, ~mLo, ~mHi, 1);
  },
});

// ---- add/subtract (extended register) ---------------------------------------------------------

interface ExtendedOp {
  d: number;
  n: number;
  m: number;
  /** 0: zero-extend the low (32 - s) bits, 1: sign-extend them, 2: the whole register. */
  kind: number;
  s: number;
  /** LSL after extension, 0..4. */
  amt: number;
}

/**
 * Extend types UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX (option 0..7), then LSL #0..4
 * (imm3 > 4 is reserved). Rn=31 is SP; Rd=31 is SP for ADD/SUB and XZR for ADDS/SUBS. For the
 * 32-bit forms, the W and X extends all take the whole (32-bit) register.
 */
function extended(setFlags: boolean, datasize: number): (f: Fields) => ExtendedOp | null {
  return (f) => {
    if (f.imm3! > 4) return null;
    const opt = f.option!;
    const size = opt & 3; // 0 B, 1 H, 2 W, 3 X
    const whole = size === 3 || (size === 2 && datasize === 32);
    return {
      d: setFlags ? wz(f.Rd!) : rsp(f.Rd!),
      n: rsp(f.Rn!),
      m: rz(f.Rm!),
      kind: whole ? 2 : opt >> 2,
      s: size === 0 ? 24 : size === 1 ? 16 : 0,
      amt: f.imm3!,
    };
  };
}

/** The extended and shifted Rm of a 64-bit form, into T64. */
function extendedM64(g: Int32Array, op: ExtendedOp): void {
  const v = g[op.m]!;
  let lo: number;
  let hi: number;
  if (op.kind === 2) {
    lo = v;
    hi = g[op.m + 1]!;
  } else if (op.kind === 1) {
    lo = (v << op.s) >> op.s;
    hi = lo >> 31;
  } else {
    lo = (v << op.s) >>> op.s;
    hi = 0;
  }
  lsl64(T64, 0, lo, hi, op.amt);
}

/** The extended and shifted Rm of a 32-bit form. */
function extendedM32(g: Int32Array, op: ExtendedOp): number {
  const v = g[op.m]!;
  const e = op.kind === 2 ? v : op.kind === 1 ? (v << op.s) >> op.s : (v << op.s) >>> op.s;
  return e << op.amt;
}

export const ADD_ext_w = pattern<ExtendedOp>({
  name: 'ADD_ext_w',
  pattern: '0 0 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(false, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! + extendedM32(g, op);
    g[op.d + 1] = 0;
  },
});

export const ADD_ext_x = pattern<ExtendedOp>({
  name: 'ADD_ext_x',
  pattern: '1 0 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(false, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    extendedM64(g, op);
    const lo = (g[op.n]! >>> 0) + (T64[0]! >>> 0);
    const hi = g[op.n + 1]! + T64[1]! + (lo > 0xffffffff ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

export const SUB_ext_w = pattern<ExtendedOp>({
  name: 'SUB_ext_w',
  pattern: '0 1 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(false, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! - extendedM32(g, op);
    g[op.d + 1] = 0;
  },
});

export const SUB_ext_x = pattern<ExtendedOp>({
  name: 'SUB_ext_x',
  pattern: '1 1 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(false, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    extendedM64(g, op);
    const lo = (g[op.n]! >>> 0) - (T64[0]! >>> 0);
    const hi = g[op.n + 1]! - T64[1]! - (lo < 0 ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

export const ADDS_ext_w = pattern<ExtendedOp>({
  name: 'ADDS_ext_w',
  pattern: '0 0 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(true, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, extendedM32(g, op), 0);
  },
});

export const ADDS_ext_x = pattern<ExtendedOp>({
  name: 'ADDS_ext_x',
  pattern: '1 0 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(true, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    extendedM64(g, op);
    cpu.nzcv = addWithCarry(g, op.d, g[op.n]!, g[op.n + 1]!, T64[0]!, T64[1]!, 0);
  },
});

export const SUBS_ext_w = pattern<ExtendedOp>({
  name: 'SUBS_ext_w',
  pattern: '0 1 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(true, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, ~extendedM32(g, op), 1);
  },
});

export const SUBS_ext_x = pattern<ExtendedOp>({
  name: 'SUBS_ext_x',
  pattern: '1 1 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5',
  decode: extended(true, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    extendedM64(g, op);
    cpu.nzcv = addWithCarry(g, op.d, g[op.n]!, g[op.n + 1]!, ~T64[0]!, ~T64[1]!, 1);
  },
});

// ---- add/subtract with carry --------------------------------------------------------------

interface RrrOp {
  d: number;
  n: number;
  m: number;
}

const rrr = (f: Fields): RrrOp => ({ d: wz(f.Rd!), n: rz(f.Rn!), m: rz(f.Rm!) });

export const ADC_w = pattern<RrrOp>({
  name: 'ADC_w',
  pattern: '0 0 0 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! + g[op.m]! + ((cpu.nzcv >> 1) & 1);
    g[op.d + 1] = 0;
  },
});

export const ADC_x = pattern<RrrOp>({
  name: 'ADC_x',
  pattern: '1 0 0 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    const lo = (g[op.n]! >>> 0) + (g[op.m]! >>> 0) + ((cpu.nzcv >> 1) & 1);
    const hi = g[op.n + 1]! + g[op.m + 1]! + (lo > 0xffffffff ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

export const ADCS_w = pattern<RrrOp>({
  name: 'ADCS_w',
  pattern: '0 0 1 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, g[op.m]!, (cpu.nzcv >> 1) & 1);
  },
});

export const ADCS_x = pattern<RrrOp>({
  name: 'ADCS_x',
  pattern: '1 0 1 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry(
      g,
      op.d,
      g[op.n]!,
      g[op.n + 1]!,
      g[op.m]!,
      g[op.m + 1]!,
      (cpu.nzcv >> 1) & 1,
    );
  },
});

export const SBC_w = pattern<RrrOp>({
  name: 'SBC_w',
  pattern: '0 1 0 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! + ~g[op.m]! + ((cpu.nzcv >> 1) & 1);
    g[op.d + 1] = 0;
  },
});

export const SBC_x = pattern<RrrOp>({
  name: 'SBC_x',
  pattern: '1 1 0 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    const lo = (g[op.n]! >>> 0) + (~g[op.m]! >>> 0) + ((cpu.nzcv >> 1) & 1);
    const hi = g[op.n + 1]! + ~g[op.m + 1]! + (lo > 0xffffffff ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

export const SBCS_w = pattern<RrrOp>({
  name: 'SBCS_w',
  pattern: '0 1 1 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, ~g[op.m]!, (cpu.nzcv >> 1) & 1);
  },
});

export const SBCS_x = pattern<RrrOp>({
  name: 'SBCS_x',
  pattern: '1 1 1 11010000 Rm:5 000000 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry(
      g,
      op.d,
      g[op.n]!,
      g[op.n + 1]!,
      ~g[op.m]!,
      ~g[op.m + 1]!,
      (cpu.nzcv >> 1) & 1,
    );
  },
});

// ---- conditional compare ------------------------------------------------------------------

interface CondCmpOp {
  n: number;
  /** Register form: gpr index of Rm. */
  m: number;
  /** Immediate form: imm5 (and its high half, 0). */
  imm: number;
  /** cond << 4, ready to index COND_PASS with the flags. */
  cond: number;
  /** The flags set when the condition fails. */
  nzcv: number;
}

function condCmp(f: Fields): CondCmpOp {
  return { n: rz(f.Rn!), m: rz(f.Rm ?? 31), imm: f.imm5 ?? 0, cond: f.cond! << 4, nzcv: f.nzcv! };
}

export const CCMN_r_w = pattern<CondCmpOp>({
  name: 'CCMN_r_w',
  pattern: '0 0 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry32(g, SINK, g[op.n]!, g[op.m]!, 0)
      : op.nzcv;
  },
});

export const CCMN_r_x = pattern<CondCmpOp>({
  name: 'CCMN_r_x',
  pattern: '1 0 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry(g, SINK, g[op.n]!, g[op.n + 1]!, g[op.m]!, g[op.m + 1]!, 0)
      : op.nzcv;
  },
});

export const CCMP_r_w = pattern<CondCmpOp>({
  name: 'CCMP_r_w',
  pattern: '0 1 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry32(g, SINK, g[op.n]!, ~g[op.m]!, 1)
      : op.nzcv;
  },
});

export const CCMP_r_x = pattern<CondCmpOp>({
  name: 'CCMP_r_x',
  pattern: '1 1 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry(g, SINK, g[op.n]!, g[op.n + 1]!, ~g[op.m]!, ~g[op.m + 1]!, 1)
      : op.nzcv;
  },
});

export const CCMN_i_w = pattern<CondCmpOp>({
  name: 'CCMN_i_w',
  pattern: '0 0 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry32(g, SINK, g[op.n]!, op.imm, 0)
      : op.nzcv;
  },
});

export const CCMN_i_x = pattern<CondCmpOp>({
  name: 'CCMN_i_x',
  pattern: '1 0 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry(g, SINK, g[op.n]!, g[op.n + 1]!, op.imm, 0, 0)
      : op.nzcv;
  },
});

export const CCMP_i_w = pattern<CondCmpOp>({
  name: 'CCMP_i_w',
  pattern: '0 1 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry32(g, SINK, g[op.n]!, ~op.imm, 1)
      : op.nzcv;
  },
});

export const CCMP_i_x = pattern<CondCmpOp>({
  name: 'CCMP_i_x',
  pattern: '1 1 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4',
  decode: condCmp,
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = COND_PASS[op.cond | cpu.nzcv]
      ? addWithCarry(g, SINK, g[op.n]!, g[op.n + 1]!, ~op.imm, -1, 1)
      : op.nzcv;
  },
});

// ---- conditional select -------------------------------------------------------------------

interface CondSelOp {
  d: number;
  n: number;
  m: number;
  cond: number;
  /** The else-value is (Rm XOR inv) + inc: CSEL 0/0, CSINC 0/1, CSINV -1/0, CSNEG -1/1. */
  inv: number;
  inc: number;
}

function condSel(f: Fields): CondSelOp {
  const op = (f.insn >>> 30) & 1;
  return {
    d: wz(f.Rd!),
    n: rz(f.Rn!),
    m: rz(f.Rm!),
    cond: f.cond! << 4,
    inv: op ? -1 : 0,
    inc: (f.insn >>> 10) & 1,
  };
}

function condSelW(cpu: Cpu, op: CondSelOp): void {
  const g = cpu.gpr;
  g[op.d] = COND_PASS[op.cond | cpu.nzcv] ? g[op.n]! : (g[op.m]! ^ op.inv) + op.inc;
  g[op.d + 1] = 0;
}

function condSelX(cpu: Cpu, op: CondSelOp): void {
  const g = cpu.gpr;
  if (COND_PASS[op.cond | cpu.nzcv]) {
    const hi = g[op.n + 1]!;
    g[op.d] = g[op.n]!;
    g[op.d + 1] = hi;
  } else {
    const lo = ((g[op.m]! ^ op.inv) >>> 0) + op.inc;
    const hi = g[op.m + 1]! ^ op.inv;
    g[op.d] = lo | 0;
    g[op.d + 1] = lo > 0xffffffff ? hi + 1 : hi;
  }
}

/** Rd = cond ? Rn : Rm. */
export const CSEL_w = pattern<CondSelOp>({
  name: 'CSEL_w',
  pattern: '0 0 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelW,
});

export const CSEL_x = pattern<CondSelOp>({
  name: 'CSEL_x',
  pattern: '1 0 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelX,
});

/** Rd = cond ? Rn : Rm + 1 (CSET/CINC). */
export const CSINC_w = pattern<CondSelOp>({
  name: 'CSINC_w',
  pattern: '0 0 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelW,
});

export const CSINC_x = pattern<CondSelOp>({
  name: 'CSINC_x',
  pattern: '1 0 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelX,
});

/** Rd = cond ? Rn : NOT Rm (CSETM/CINV). */
export const CSINV_w = pattern<CondSelOp>({
  name: 'CSINV_w',
  pattern: '0 1 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelW,
});

export const CSINV_x = pattern<CondSelOp>({
  name: 'CSINV_x',
  pattern: '1 1 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelX,
});

/** Rd = cond ? Rn : -Rm (CNEG). */
export const CSNEG_w = pattern<CondSelOp>({
  name: 'CSNEG_w',
  pattern: '0 1 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelW,
});

export const CSNEG_x = pattern<CondSelOp>({
  name: 'CSNEG_x',
  pattern: '1 1 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5',
  decode: condSel,
  exec: condSelX,
});

// ---- data-processing (2 source) -----------------------------------------------------------

export const UDIV_w = pattern<RrrOp>({
  name: 'UDIV_w',
  pattern: '0 0 0 11010110 Rm:5 00001 0 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = udiv32(g[op.n]!, g[op.m]!);
    g[op.d + 1] = 0;
  },
});

export const UDIV_x = pattern<RrrOp>({
  name: 'UDIV_x',
  pattern: '1 0 0 11010110 Rm:5 00001 0 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    udiv64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]!, g[op.m + 1]!);
  },
});

export const SDIV_w = pattern<RrrOp>({
  name: 'SDIV_w',
  pattern: '0 0 0 11010110 Rm:5 00001 1 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = sdiv32(g[op.n]!, g[op.m]!);
    g[op.d + 1] = 0;
  },
});

export const SDIV_x = pattern<RrrOp>({
  name: 'SDIV_x',
  pattern: '1 0 0 11010110 Rm:5 00001 1 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    sdiv64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]!, g[op.m + 1]!);
  },
});

export const LSLV_w = pattern<RrrOp>({
  name: 'LSLV_w',
  pattern: '0 0 0 11010110 Rm:5 00100 0 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! << (g[op.m]! & 31);
    g[op.d + 1] = 0;
  },
});

export const LSLV_x = pattern<RrrOp>({
  name: 'LSLV_x',
  pattern: '1 0 0 11010110 Rm:5 00100 0 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    lsl64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]! & 63);
  },
});

export const LSRV_w = pattern<RrrOp>({
  name: 'LSRV_w',
  pattern: '0 0 0 11010110 Rm:5 00100 1 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! >>> (g[op.m]! & 31);
    g[op.d + 1] = 0;
  },
});

export const LSRV_x = pattern<RrrOp>({
  name: 'LSRV_x',
  pattern: '1 0 0 11010110 Rm:5 00100 1 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    lsr64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]! & 63);
  },
});

export const ASRV_w = pattern<RrrOp>({
  name: 'ASRV_w',
  pattern: '0 0 0 11010110 Rm:5 00101 0 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! >> (g[op.m]! & 31);
    g[op.d + 1] = 0;
  },
});

export const ASRV_x = pattern<RrrOp>({
  name: 'ASRV_x',
  pattern: '1 0 0 11010110 Rm:5 00101 0 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    asr64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]! & 63);
  },
});

export const RORV_w = pattern<RrrOp>({
  name: 'RORV_w',
  pattern: '0 0 0 11010110 Rm:5 00101 1 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = ror32(g[op.n]!, g[op.m]! & 31);
    g[op.d + 1] = 0;
  },
});

export const RORV_x = pattern<RrrOp>({
  name: 'RORV_x',
  pattern: '1 0 0 11010110 Rm:5 00101 1 Rn:5 Rd:5',
  decode: rrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    ror64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]! & 63);
  },
});

// ---- data-processing (1 source) -----------------------------------------------------------

interface RrOp {
  d: number;
  n: number;
}

const rr = (f: Fields): RrOp => ({ d: wz(f.Rd!), n: rz(f.Rn!) });

export const RBIT_w = pattern<RrOp>({
  name: 'RBIT_w',
  pattern: '0 1 0 11010110 00000 000000 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    cpu.gpr[op.d] = rbit32(cpu.gpr[op.n]!);
    cpu.gpr[op.d + 1] = 0;
  },
});

export const RBIT_x = pattern<RrOp>({
  name: 'RBIT_x',
  pattern: '1 1 0 11010110 00000 000000 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    const g = cpu.gpr;
    const lo = g[op.n]!;
    g[op.d] = rbit32(g[op.n + 1]!);
    g[op.d + 1] = rbit32(lo);
  },
});

export const REV16_w = pattern<RrOp>({
  name: 'REV16_w',
  pattern: '0 1 0 11010110 00000 000001 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    cpu.gpr[op.d] = rev16x32(cpu.gpr[op.n]!);
    cpu.gpr[op.d + 1] = 0;
  },
});

export const REV16_x = pattern<RrOp>({
  name: 'REV16_x',
  pattern: '1 1 0 11010110 00000 000001 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = rev16x32(g[op.n]!);
    g[op.d + 1] = rev16x32(g[op.n + 1]!);
  },
});

/** REV Wd, Wn (opcode 000010 with sf=0; opcode 000011 with sf=0 is unallocated). */
export const REV_w = pattern<RrOp>({
  name: 'REV_w',
  pattern: '0 1 0 11010110 00000 000010 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    cpu.gpr[op.d] = bswap32(cpu.gpr[op.n]!);
    cpu.gpr[op.d + 1] = 0;
  },
});

export const REV32_x = pattern<RrOp>({
  name: 'REV32_x',
  pattern: '1 1 0 11010110 00000 000010 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = bswap32(g[op.n]!);
    g[op.d + 1] = bswap32(g[op.n + 1]!);
  },
});

export const REV_x = pattern<RrOp>({
  name: 'REV_x',
  pattern: '1 1 0 11010110 00000 000011 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    const g = cpu.gpr;
    const lo = g[op.n]!;
    g[op.d] = bswap32(g[op.n + 1]!);
    g[op.d + 1] = bswap32(lo);
  },
});

export const CLZ_w = pattern<RrOp>({
  name: 'CLZ_w',
  pattern: '0 1 0 11010110 00000 000100 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    cpu.gpr[op.d] = Math.clz32(cpu.gpr[op.n]!);
    cpu.gpr[op.d + 1] = 0;
  },
});

export const CLZ_x = pattern<RrOp>({
  name: 'CLZ_x',
  pattern: '1 1 0 11010110 00000 000100 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = clz64(g[op.n]!, g[op.n + 1]!);
    g[op.d + 1] = 0;
  },
});

export const CLS_w = pattern<RrOp>({
  name: 'CLS_w',
  pattern: '0 1 0 11010110 00000 000101 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    cpu.gpr[op.d] = cls32(cpu.gpr[op.n]!);
    cpu.gpr[op.d + 1] = 0;
  },
});

export const CLS_x = pattern<RrOp>({
  name: 'CLS_x',
  pattern: '1 1 0 11010110 00000 000101 Rn:5 Rd:5',
  decode: rr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = cls64(g[op.n]!, g[op.n + 1]!);
    g[op.d + 1] = 0;
  },
});

// ---- data-processing (3 source) -----------------------------------------------------------

interface RrrrOp {
  d: number;
  n: number;
  m: number;
  a: number;
}

const rrrr = (f: Fields): RrrrOp => ({
  d: wz(f.Rd!),
  n: rz(f.Rn!),
  m: rz(f.Rm!),
  a: rz(f.Ra ?? 31),
});

export const MADD_w = pattern<RrrrOp>({
  name: 'MADD_w',
  pattern: '0 00 11011 000 Rm:5 0 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.a]! + Math.imul(g[op.n]!, g[op.m]!);
    g[op.d + 1] = 0;
  },
});

export const MSUB_w = pattern<RrrrOp>({
  name: 'MSUB_w',
  pattern: '0 00 11011 000 Rm:5 1 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.a]! - Math.imul(g[op.n]!, g[op.m]!);
    g[op.d + 1] = 0;
  },
});

export const MADD_x = pattern<RrrrOp>({
  name: 'MADD_x',
  pattern: '1 00 11011 000 Rm:5 0 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    mul64(T64, 0, g[op.n]!, g[op.n + 1]!, g[op.m]!, g[op.m + 1]!);
    const lo = (g[op.a]! >>> 0) + (T64[0]! >>> 0);
    const hi = g[op.a + 1]! + T64[1]! + (lo > 0xffffffff ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

export const MSUB_x = pattern<RrrrOp>({
  name: 'MSUB_x',
  pattern: '1 00 11011 000 Rm:5 1 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    mul64(T64, 0, g[op.n]!, g[op.n + 1]!, g[op.m]!, g[op.m + 1]!);
    const lo = (g[op.a]! >>> 0) - (T64[0]! >>> 0);
    const hi = g[op.a + 1]! - T64[1]! - (lo < 0 ? 1 : 0);
    g[op.d] = lo | 0;
    g[op.d + 1] = hi | 0;
  },
});

/**
 * Xd = Xa ± (32 × 32 → 64 product of Wn and Wm): the widening multiply-accumulate family.
 * `phi` is the high half of the product (signed or unsigned), the low half is Math.imul's.
 */
function accumulateLong(g: Int32Array, op: RrrrOp, phi: number, subtract: boolean): void {
  const plo = Math.imul(g[op.n]!, g[op.m]!) >>> 0;
  const alo = g[op.a]! >>> 0;
  const ahi = g[op.a + 1]!;
  if (subtract) {
    const lo = alo - plo;
    g[op.d] = lo | 0;
    g[op.d + 1] = (ahi - phi - (lo < 0 ? 1 : 0)) | 0;
  } else {
    const lo = alo + plo;
    g[op.d] = lo | 0;
    g[op.d + 1] = (ahi + phi + (lo > 0xffffffff ? 1 : 0)) | 0;
  }
}

export const SMADDL = pattern<RrrrOp>({
  name: 'SMADDL',
  pattern: '1 00 11011 001 Rm:5 0 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    accumulateLong(g, op, mulhs32(g[op.n]!, g[op.m]!), false);
  },
});

export const SMSUBL = pattern<RrrrOp>({
  name: 'SMSUBL',
  pattern: '1 00 11011 001 Rm:5 1 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    accumulateLong(g, op, mulhs32(g[op.n]!, g[op.m]!), true);
  },
});

export const UMADDL = pattern<RrrrOp>({
  name: 'UMADDL',
  pattern: '1 00 11011 101 Rm:5 0 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    accumulateLong(g, op, mulhu32(g[op.n]!, g[op.m]!), false);
  },
});

export const UMSUBL = pattern<RrrrOp>({
  name: 'UMSUBL',
  pattern: '1 00 11011 101 Rm:5 1 Ra:5 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    accumulateLong(g, op, mulhu32(g[op.n]!, g[op.m]!), true);
  },
});

/** SMULH: Ra must be 11111 (the Arm ARM marks it should-be-one; QEMU 8+ UNDEFs otherwise). */
export const SMULH = pattern<RrrrOp>({
  name: 'SMULH',
  pattern: '1 00 11011 010 Rm:5 0 11111 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    smulh64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]!, g[op.m + 1]!);
  },
});

export const UMULH = pattern<RrrrOp>({
  name: 'UMULH',
  pattern: '1 00 11011 110 Rm:5 0 11111 Rn:5 Rd:5',
  decode: rrrr,
  exec(cpu, op) {
    const g = cpu.gpr;
    umulh64(g, op.d, g[op.n]!, g[op.n + 1]!, g[op.m]!, g[op.m + 1]!);
  },
});

export const dpRegPatterns: readonly InsnPattern<never>[] = [
  AND_r_w,
  AND_r_x,
  ORR_r_w,
  ORR_r_x,
  EOR_r_w,
  EOR_r_x,
  ANDS_r_w,
  ANDS_r_x,
  ADD_r_w,
  ADD_r_x,
  SUB_r_w,
  SUB_r_x,
  ADDS_r_w,
  ADDS_r_x,
  SUBS_r_w,
  SUBS_r_x,
  ADD_ext_w,
  ADD_ext_x,
  SUB_ext_w,
  SUB_ext_x,
  ADDS_ext_w,
  ADDS_ext_x,
  SUBS_ext_w,
  SUBS_ext_x,
  ADC_w,
  ADC_x,
  ADCS_w,
  ADCS_x,
  SBC_w,
  SBC_x,
  SBCS_w,
  SBCS_x,
  CCMN_r_w,
  CCMN_r_x,
  CCMP_r_w,
  CCMP_r_x,
  CCMN_i_w,
  CCMN_i_x,
  CCMP_i_w,
  CCMP_i_x,
  CSEL_w,
  CSEL_x,
  CSINC_w,
  CSINC_x,
  CSINV_w,
  CSINV_x,
  CSNEG_w,
  CSNEG_x,
  UDIV_w,
  UDIV_x,
  SDIV_w,
  SDIV_x,
  LSLV_w,
  LSLV_x,
  LSRV_w,
  LSRV_x,
  ASRV_w,
  ASRV_x,
  RORV_w,
  RORV_x,
  RBIT_w,
  RBIT_x,
  REV16_w,
  REV16_x,
  REV_w,
  REV32_x,
  REV_x,
  CLZ_w,
  CLZ_x,
  CLS_w,
  CLS_x,
  MADD_w,
  MSUB_w,
  MADD_x,
  MSUB_x,
  SMADDL,
  SMSUBL,
  UMADDL,
  UMSUBL,
  SMULH,
  UMULH,
] as unknown as readonly InsnPattern<never>[];
