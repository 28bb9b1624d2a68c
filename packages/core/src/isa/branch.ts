import type { Cpu } from '../cpu/cpu.js';
import { COND_PASS } from '../cpu/pstate.js';
import { pattern, type Fields, type InsnPattern } from '../decode/pattern.js';
import { TWO32 } from './alu.js';
import { rz, sext } from './operands.js';

/**
 * Branches (the branch part of "Branches, Exception Generating and System instructions", Arm
 * ARM C4.1.85): B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET. ERET lives in system.ts.
 * Unallocated here (UNDEF): BC.cond (FEAT_HBC; bit 4 set), B.cond with bit 24 set, the
 * pointer-authentication branches BRAA/BRAAZ/BLRAA/RETAA/... (no FEAT_PAuth), DRPS, and
 * BR/BLR/RET with op4 ≠ 0.
 *
 * During exec, cpu.pcLo/pcHi hold the address of the branch itself; a taken branch writes the
 * target there and sets cpu.jumped.
 */

/** X30's gpr index. */
const LR = 2 * 30;

/** PC ← PC + off (|off| < 2^32), carrying into the high half. */
function jumpRel(cpu: Cpu, off: number): void {
  const lo = cpu.pcLo + off;
  if (lo < 0) {
    cpu.pcLo = lo + TWO32;
    cpu.pcHi = (cpu.pcHi - 1) | 0;
  } else if (lo >= TWO32) {
    cpu.pcLo = lo - TWO32;
    cpu.pcHi = (cpu.pcHi + 1) | 0;
  } else cpu.pcLo = lo;
  cpu.jumped = true;
}

/** X30 ← PC + 4 (the return address of BL/BLR). */
function link(cpu: Cpu): void {
  const lo = cpu.pcLo + 4;
  cpu.gpr[LR] = lo | 0;
  cpu.gpr[LR + 1] = lo >= TWO32 ? cpu.pcHi + 1 : cpu.pcHi;
}

// ---- unconditional branch (immediate) -----------------------------------------------------

interface RelOp {
  off: number;
}

const imm26 = (f: Fields): RelOp => ({ off: sext(f.imm26!, 26) * 4 });

export const B = pattern<RelOp>({
  name: 'B',
  pattern: '0 00101 imm26:26',
  decode: imm26,
  exec(cpu, op) {
    jumpRel(cpu, op.off);
  },
});

export const BL = pattern<RelOp>({
  name: 'BL',
  pattern: '1 00101 imm26:26',
  decode: imm26,
  exec(cpu, op) {
    link(cpu);
    jumpRel(cpu, op.off);
  },
});

// ---- conditional branch (immediate) -------------------------------------------------------

interface CondOp {
  off: number;
  /** cond << 4, to index COND_PASS with the flags. */
  cond: number;
}

export const B_cond = pattern<CondOp>({
  name: 'B_cond',
  pattern: '0101010 0 imm19:19 0 cond:4',
  decode: (f) => ({ off: sext(f.imm19!, 19) * 4, cond: f.cond! << 4 }),
  exec(cpu, op) {
    if (COND_PASS[op.cond | cpu.nzcv]) jumpRel(cpu, op.off);
  },
});

// ---- compare and branch -------------------------------------------------------------------

interface CmpBranchOp {
  off: number;
  /** gpr index of Rt (31 is XZR). */
  t: number;
}

const cmpBranch = (f: Fields): CmpBranchOp => ({ off: sext(f.imm19!, 19) * 4, t: rz(f.Rt!) });

export const CBZ_w = pattern<CmpBranchOp>({
  name: 'CBZ_w',
  pattern: '0 011010 0 imm19:19 Rt:5',
  decode: cmpBranch,
  exec(cpu, op) {
    if (cpu.gpr[op.t] === 0) jumpRel(cpu, op.off);
  },
});

export const CBZ_x = pattern<CmpBranchOp>({
  name: 'CBZ_x',
  pattern: '1 011010 0 imm19:19 Rt:5',
  decode: cmpBranch,
  exec(cpu, op) {
    if ((cpu.gpr[op.t]! | cpu.gpr[op.t + 1]!) === 0) jumpRel(cpu, op.off);
  },
});

export const CBNZ_w = pattern<CmpBranchOp>({
  name: 'CBNZ_w',
  pattern: '0 011010 1 imm19:19 Rt:5',
  decode: cmpBranch,
  exec(cpu, op) {
    if (cpu.gpr[op.t] !== 0) jumpRel(cpu, op.off);
  },
});

export const CBNZ_x = pattern<CmpBranchOp>({
  name: 'CBNZ_x',
  pattern: '1 011010 1 imm19:19 Rt:5',
  decode: cmpBranch,
  exec(cpu, op) {
    if ((cpu.gpr[op.t]! | cpu.gpr[op.t + 1]!) !== 0) jumpRel(cpu, op.off);
  },
});

// ---- test and branch ----------------------------------------------------------------------

interface TestBranchOp {
  off: number;
  /** gpr index of the half holding bit b5:b40 of Rt. */
  t: number;
  mask: number;
}

/** Bit b5:b40 of Rt; with b5 = 0 the assembler writes Wt, which is the same test. */
function testBranch(f: Fields): TestBranchOp {
  const bit = (f.b5! << 5) | f.b40!;
  return {
    off: sext(f.imm14!, 14) * 4,
    t: rz(f.Rt!) + (bit >= 32 ? 1 : 0),
    mask: 1 << (bit & 31),
  };
}

export const TBZ = pattern<TestBranchOp>({
  name: 'TBZ',
  pattern: 'b5:1 011011 0 b40:5 imm14:14 Rt:5',
  decode: testBranch,
  exec(cpu, op) {
    if ((cpu.gpr[op.t]! & op.mask) === 0) jumpRel(cpu, op.off);
  },
});

export const TBNZ = pattern<TestBranchOp>({
  name: 'TBNZ',
  pattern: 'b5:1 011011 1 b40:5 imm14:14 Rt:5',
  decode: testBranch,
  exec(cpu, op) {
    if ((cpu.gpr[op.t]! & op.mask) !== 0) jumpRel(cpu, op.off);
  },
});

// ---- unconditional branch (register) ------------------------------------------------------

interface RegBranchOp {
  /** gpr index of Rn (31 is XZR: a branch to 0). */
  n: number;
}

const regBranch = (f: Fields): RegBranchOp => ({ n: rz(f.Rn!) });

export const BR = pattern<RegBranchOp>({
  name: 'BR',
  pattern: '1101011 0000 11111 000000 Rn:5 00000',
  decode: regBranch,
  exec(cpu, op) {
    cpu.pcLo = cpu.gpr[op.n]! >>> 0;
    cpu.pcHi = cpu.gpr[op.n + 1]!;
    cpu.jumped = true;
  },
});

export const BLR = pattern<RegBranchOp>({
  name: 'BLR',
  pattern: '1101011 0001 11111 000000 Rn:5 00000',
  decode: regBranch,
  exec(cpu, op) {
    // The target is read before X30 is written: BLR X30 branches to the old X30.
    const lo = cpu.gpr[op.n]! >>> 0;
    const hi = cpu.gpr[op.n + 1]!;
    link(cpu);
    cpu.pcLo = lo;
    cpu.pcHi = hi;
    cpu.jumped = true;
  },
});

export const RET = pattern<RegBranchOp>({
  name: 'RET',
  pattern: '1101011 0010 11111 000000 Rn:5 00000',
  decode: regBranch,
  exec(cpu, op) {
    cpu.pcLo = cpu.gpr[op.n]! >>> 0;
    cpu.pcHi = cpu.gpr[op.n + 1]!;
    cpu.jumped = true;
  },
});

export const branchPatterns: readonly InsnPattern<never>[] = [
  B,
  BL,
  B_cond,
  CBZ_w,
  CBZ_x,
  CBNZ_w,
  CBNZ_x,
  TBZ,
  TBNZ,
  BR,
  BLR,
  RET,
] as unknown as readonly InsnPattern<never>[];
