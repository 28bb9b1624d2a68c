import type { Cpu } from '../cpu/cpu.js';
import { pattern, type Fields, type InsnPattern } from '../decode/pattern.js';
import { INV_TWO32, addWithCarry, addWithCarry32, decodeBitMasks, nz32, nz64 } from './alu.js';
import { rsp, rz, sext, wz } from './operands.js';

/**
 * Data Processing -- Immediate (Arm ARM C4.1.86): PC-relative addressing, add/subtract
 * (immediate), logical (immediate), move wide, bitfield and extract. Each instruction has a
 * 32-bit (`_w`) and a 64-bit (`_x`) pattern so handlers never test the operand size.
 * Unallocated here (UNDEF): add/subtract with tags (FEAT_MTE), min/max immediate
 * (FEAT_CSSC), logical immediate with sf=0 N=1 or a reserved bitmask, MOVZ-family opc=01
 * and hw≥2 for W, bitfield opc=11, N≠sf or immr/imms ≥ 32 for W, EXTR with op21≠0, o0=1,
 * N≠sf or imms ≥ 32 for W.
 */

// ---- PC-relative addressing -------------------------------------------------------------------

interface PcRelOp {
  d: number;
  /** Byte offset (ADR) or page offset × 4096 (ADRP), signed. */
  off: number;
}

/** ADR Xd, label: Xd = PC + imm21. */
export const ADR = pattern<PcRelOp>({
  name: 'ADR',
  pattern: '0 immlo:2 10000 immhi:19 Rd:5',
  decode: (f) => ({ d: wz(f.Rd!), off: sext((f.immhi! << 2) | f.immlo!, 21) }),
  exec(cpu, op) {
    const s = cpu.pcLo + op.off;
    const g = cpu.gpr;
    g[op.d] = s | 0;
    g[op.d + 1] = (cpu.pcHi + Math.floor(s * INV_TWO32)) | 0;
  },
});

/** ADRP Xd, label: Xd = (PC AND NOT 0xfff) + imm21 × 4096. */
export const ADRP = pattern<PcRelOp>({
  name: 'ADRP',
  pattern: '1 immlo:2 10000 immhi:19 Rd:5',
  decode: (f) => ({ d: wz(f.Rd!), off: sext((f.immhi! << 2) | f.immlo!, 21) * 4096 }),
  exec(cpu, op) {
    const s = cpu.pcLo - (cpu.pcLo & 0xfff) + op.off;
    const g = cpu.gpr;
    g[op.d] = s | 0;
    g[op.d + 1] = (cpu.pcHi + Math.floor(s * INV_TWO32)) | 0;
  },
});

// ---- add/subtract (immediate) -----------------------------------------------------------------

interface AddSubImmOp {
  d: number;
  n: number;
  /** The immediate, already shifted (0..0xfff000). */
  imm: number;
}

/** ADD/SUB write SP for Rd=31; ADDS/SUBS write XZR. Rn=31 is SP for all four. */
function addSubImm(setFlags: boolean): (f: Fields) => AddSubImmOp {
  return (f) => ({
    d: setFlags ? wz(f.Rd!) : rsp(f.Rd!),
    n: rsp(f.Rn!),
    imm: f.imm12! << (f.sh! * 12),
  });
}

export const ADD_i_w = pattern<AddSubImmOp>({
  name: 'ADD_i_w',
  pattern: '0 0 0 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(false),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! + op.imm;
    g[op.d + 1] = 0;
  },
});

export const ADD_i_x = pattern<AddSubImmOp>({
  name: 'ADD_i_x',
  pattern: '1 0 0 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(false),
  exec(cpu, op) {
    const g = cpu.gpr;
    const lo = (g[op.n]! >>> 0) + op.imm;
    const hi = g[op.n + 1]!;
    g[op.d] = lo | 0;
    g[op.d + 1] = lo > 0xffffffff ? hi + 1 : hi;
  },
});

export const SUB_i_w = pattern<AddSubImmOp>({
  name: 'SUB_i_w',
  pattern: '0 1 0 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(false),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! - op.imm;
    g[op.d + 1] = 0;
  },
});

export const SUB_i_x = pattern<AddSubImmOp>({
  name: 'SUB_i_x',
  pattern: '1 1 0 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(false),
  exec(cpu, op) {
    const g = cpu.gpr;
    const lo = (g[op.n]! >>> 0) - op.imm;
    const hi = g[op.n + 1]!;
    g[op.d] = lo | 0;
    g[op.d + 1] = lo < 0 ? hi - 1 : hi;
  },
});

export const ADDS_i_w = pattern<AddSubImmOp>({
  name: 'ADDS_i_w',
  pattern: '0 0 1 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(true),
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, op.imm, 0);
  },
});

export const ADDS_i_x = pattern<AddSubImmOp>({
  name: 'ADDS_i_x',
  pattern: '1 0 1 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(true),
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry(g, op.d, g[op.n]!, g[op.n + 1]!, op.imm, 0, 0);
  },
});

export const SUBS_i_w = pattern<AddSubImmOp>({
  name: 'SUBS_i_w',
  pattern: '0 1 1 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(true),
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry32(g, op.d, g[op.n]!, ~op.imm, 1);
  },
});

export const SUBS_i_x = pattern<AddSubImmOp>({
  name: 'SUBS_i_x',
  pattern: '1 1 1 100010 sh:1 imm12:12 Rn:5 Rd:5',
  decode: addSubImm(true),
  exec(cpu, op) {
    const g = cpu.gpr;
    cpu.nzcv = addWithCarry(g, op.d, g[op.n]!, g[op.n + 1]!, ~op.imm, -1, 1);
  },
});

// ---- logical (immediate) ----------------------------------------------------------------------

interface LogImmOp {
  d: number;
  n: number;
  lo: number;
  hi: number;
}

/** AND/ORR/EOR write SP for Rd=31, ANDS writes XZR; Rn=31 is XZR. Reserved masks: UNDEF. */
function logImm(setFlags: boolean, datasize: number): (f: Fields) => LogImmOp | null {
  return (f) => {
    const m = decodeBitMasks(f.N ?? 0, f.imms!, f.immr!, true, datasize);
    if (!m) return null;
    return {
      d: setFlags ? wz(f.Rd!) : rsp(f.Rd!),
      n: rz(f.Rn!),
      lo: m.wLo,
      hi: datasize === 64 ? m.wHi : 0,
    };
  };
}

export const AND_i_w = pattern<LogImmOp>({
  name: 'AND_i_w',
  pattern: '0 00 100100 0 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(false, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! & op.lo;
    g[op.d + 1] = 0;
  },
});

export const AND_i_x = pattern<LogImmOp>({
  name: 'AND_i_x',
  pattern: '1 00 100100 N:1 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(false, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    const hi = g[op.n + 1]! & op.hi;
    g[op.d] = g[op.n]! & op.lo;
    g[op.d + 1] = hi;
  },
});

export const ORR_i_w = pattern<LogImmOp>({
  name: 'ORR_i_w',
  pattern: '0 01 100100 0 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(false, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! | op.lo;
    g[op.d + 1] = 0;
  },
});

export const ORR_i_x = pattern<LogImmOp>({
  name: 'ORR_i_x',
  pattern: '1 01 100100 N:1 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(false, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    const hi = g[op.n + 1]! | op.hi;
    g[op.d] = g[op.n]! | op.lo;
    g[op.d + 1] = hi;
  },
});

export const EOR_i_w = pattern<LogImmOp>({
  name: 'EOR_i_w',
  pattern: '0 10 100100 0 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(false, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = g[op.n]! ^ op.lo;
    g[op.d + 1] = 0;
  },
});

export const EOR_i_x = pattern<LogImmOp>({
  name: 'EOR_i_x',
  pattern: '1 10 100100 N:1 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(false, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    const hi = g[op.n + 1]! ^ op.hi;
    g[op.d] = g[op.n]! ^ op.lo;
    g[op.d + 1] = hi;
  },
});

export const ANDS_i_w = pattern<LogImmOp>({
  name: 'ANDS_i_w',
  pattern: '0 11 100100 0 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(true, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    const r = g[op.n]! & op.lo;
    g[op.d] = r;
    g[op.d + 1] = 0;
    cpu.nzcv = nz32(r);
  },
});

export const ANDS_i_x = pattern<LogImmOp>({
  name: 'ANDS_i_x',
  pattern: '1 11 100100 N:1 immr:6 imms:6 Rn:5 Rd:5',
  decode: logImm(true, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    const lo = g[op.n]! & op.lo;
    const hi = g[op.n + 1]! & op.hi;
    g[op.d] = lo;
    g[op.d + 1] = hi;
    cpu.nzcv = nz64(lo, hi);
  },
});

// ---- move wide (immediate) --------------------------------------------------------------------

interface MoveWideOp {
  d: number;
  /** MOVZ/MOVN: the value written; MOVK: the inserted bits, in place. */
  lo: number;
  hi: number;
  /** MOVK: bits of the register that are kept. */
  keepLo: number;
  keepHi: number;
}

function moveWide(invert: boolean, datasize: number): (f: Fields) => MoveWideOp {
  return (f) => {
    const pos = f.hw! * 16;
    let lo = pos < 32 ? f.imm16! << pos : 0;
    let hi = pos >= 32 ? f.imm16! << (pos - 32) : 0;
    const keepLo = pos < 32 ? ~(0xffff << pos) : -1;
    const keepHi = pos >= 32 ? ~(0xffff << (pos - 32)) : -1;
    if (invert) {
      lo = ~lo;
      hi = datasize === 64 ? ~hi : 0;
    }
    return { d: wz(f.Rd!), lo, hi, keepLo, keepHi };
  };
}

/** MOVZ/MOVN: decode computed the whole value (hi is 0 for the W forms). */
const writeWide = (cpu: Cpu, op: MoveWideOp): void => {
  cpu.gpr[op.d] = op.lo;
  cpu.gpr[op.d + 1] = op.hi;
};

export const MOVN_w = pattern<MoveWideOp>({
  name: 'MOVN_w',
  pattern: '0 00 100101 0 hw:1 imm16:16 Rd:5',
  decode: moveWide(true, 32),
  exec: writeWide,
});

export const MOVN_x = pattern<MoveWideOp>({
  name: 'MOVN_x',
  pattern: '1 00 100101 hw:2 imm16:16 Rd:5',
  decode: moveWide(true, 64),
  exec: writeWide,
});

export const MOVZ_w = pattern<MoveWideOp>({
  name: 'MOVZ_w',
  pattern: '0 10 100101 0 hw:1 imm16:16 Rd:5',
  decode: moveWide(false, 32),
  exec: writeWide,
});

export const MOVZ_x = pattern<MoveWideOp>({
  name: 'MOVZ_x',
  pattern: '1 10 100101 hw:2 imm16:16 Rd:5',
  decode: moveWide(false, 64),
  exec: writeWide,
});

export const MOVK_w = pattern<MoveWideOp>({
  name: 'MOVK_w',
  pattern: '0 11 100101 0 hw:1 imm16:16 Rd:5',
  decode: moveWide(false, 32),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = (g[op.d]! & op.keepLo) | op.lo;
    g[op.d + 1] = 0;
  },
});

export const MOVK_x = pattern<MoveWideOp>({
  name: 'MOVK_x',
  pattern: '1 11 100101 hw:2 imm16:16 Rd:5',
  decode: moveWide(false, 64),
  exec(cpu, op) {
    const g = cpu.gpr;
    g[op.d] = (g[op.d]! & op.keepLo) | op.lo;
    g[op.d + 1] = (g[op.d + 1]! & op.keepHi) | op.hi;
  },
});

// ---- bitfield -------------------------------------------------------------------------------

interface BitfieldOp {
  d: number;
  n: number;
  /** ROR by immr: for X, the halves are swapped first when immr ≥ 32, then rotated by `r`. */
  swap: boolean;
  r: number;
  wLo: number;
  wHi: number;
  tLo: number;
  tHi: number;
  /** SBFM: the half and bit position of src<imms> (the sign of the field). */
  signIdx: number;
  signShift: number;
}

/**
 * SBFM/BFM/UBFM (Arm ARM C6.2): with wmask/tmask from DecodeBitMasks(N, imms, immr, FALSE),
 *   bot = (dst AND NOT wmask) OR (ROR(src, immr) AND wmask)
 *   top = SBFM ? Replicate(src<imms>) : BFM ? dst : 0
 *   Rd  = (top AND NOT tmask) OR (bot AND tmask), with dst = 0 for SBFM/UBFM.
 * Register 31 is XZR for both operands.
 */
function bitfield(datasize: number): (f: Fields) => BitfieldOp | null {
  return (f) => {
    const m = decodeBitMasks(datasize === 64 ? 1 : 0, f.imms!, f.immr!, false, datasize);
    if (!m) return null;
    const s = f.imms!;
    return {
      d: wz(f.Rd!),
      n: rz(f.Rn!),
      swap: f.immr! >= 32,
      r: f.immr! & 31,
      wLo: m.wLo,
      wHi: datasize === 64 ? m.wHi : 0,
      tLo: m.tLo,
      tHi: datasize === 64 ? m.tHi : 0,
      signIdx: rz(f.Rn!) + (s >= 32 ? 1 : 0),
      signShift: 31 - (s & 31),
    };
  };
}

export const SBFM_w = pattern<BitfieldOp>({
  name: 'SBFM_w',
  pattern: '0 00 100110 0 0 immr:5 0 imms:5 Rn:5 Rd:5',
  decode: bitfield(32),
  exec(cpu, op) {
    const g = cpu.gpr;
    const src = g[op.n]!;
    const rot = (src >>> op.r) | ((src << 1) << (31 - op.r));
    const top = (src << op.signShift) >> 31;
    g[op.d] = (top & ~op.tLo) | (rot & op.wLo & op.tLo);
    g[op.d + 1] = 0;
  },
});

export const SBFM_x = pattern<BitfieldOp>({
  name: 'SBFM_x',
  pattern: '1 00 100110 1 immr:6 imms:6 Rn:5 Rd:5',
  decode: bitfield(64),
  exec(cpu, op) {
    const g = cpu.gpr;
    const a = op.swap ? g[op.n + 1]! : g[op.n]!;
    const b = op.swap ? g[op.n]! : g[op.n + 1]!;
    const r = op.r;
    const rotLo = (a >>> r) | ((b << 1) << (31 - r));
    const rotHi = (b >>> r) | ((a << 1) << (31 - r));
    const top = (g[op.signIdx]! << op.signShift) >> 31;
    g[op.d] = (top & ~op.tLo) | (rotLo & op.wLo & op.tLo);
    g[op.d + 1] = (top & ~op.tHi) | (rotHi & op.wHi & op.tHi);
  },
});

export const BFM_w = pattern<BitfieldOp>({
  name: 'BFM_w',
  pattern: '0 01 100110 0 0 immr:5 0 imms:5 Rn:5 Rd:5',
  decode: bitfield(32),
  exec(cpu, op) {
    const g = cpu.gpr;
    const src = g[op.n]!;
    const dst = g[op.d]!;
    const rot = (src >>> op.r) | ((src << 1) << (31 - op.r));
    const bot = (dst & ~op.wLo) | (rot & op.wLo);
    g[op.d] = (dst & ~op.tLo) | (bot & op.tLo);
    g[op.d + 1] = 0;
  },
});

export const BFM_x = pattern<BitfieldOp>({
  name: 'BFM_x',
  pattern: '1 01 100110 1 immr:6 imms:6 Rn:5 Rd:5',
  decode: bitfield(64),
  exec(cpu, op) {
    const g = cpu.gpr;
    const a = op.swap ? g[op.n + 1]! : g[op.n]!;
    const b = op.swap ? g[op.n]! : g[op.n + 1]!;
    const r = op.r;
    const rotLo = (a >>> r) | ((b << 1) << (31 - r));
    const rotHi = (b >>> r) | ((a << 1) << (31 - r));
    const dLo = g[op.d]!;
    const dHi = g[op.d + 1]!;
    const botLo = (dLo & ~op.wLo) | (rotLo & op.wLo);
    const botHi = (dHi & ~op.wHi) | (rotHi & op.wHi);
    g[op.d] = (dLo & ~op.tLo) | (botLo & op.tLo);
    g[op.d + 1] = (dHi & ~op.tHi) | (botHi & op.tHi);
  },
});

export const UBFM_w = pattern<BitfieldOp>({
  name: 'UBFM_w',
  pattern: '0 10 100110 0 0 immr:5 0 imms:5 Rn:5 Rd:5',
  decode: bitfield(32),
  exec(cpu, op) {
    const g = cpu.gpr;
    const src = g[op.n]!;
    const rot = (src >>> op.r) | ((src << 1) << (31 - op.r));
    g[op.d] = rot & op.wLo & op.tLo;
    g[op.d + 1] = 0;
  },
});

export const UBFM_x = pattern<BitfieldOp>({
  name: 'UBFM_x',
  pattern: '1 10 100110 1 immr:6 imms:6 Rn:5 Rd:5',
  decode: bitfield(64),
  exec(cpu, op) {
    const g = cpu.gpr;
    const a = op.swap ? g[op.n + 1]! : g[op.n]!;
    const b = op.swap ? g[op.n]! : g[op.n + 1]!;
    const r = op.r;
    g[op.d] = ((a >>> r) | ((b << 1) << (31 - r))) & op.wLo & op.tLo;
    g[op.d + 1] = ((b >>> r) | ((a << 1) << (31 - r))) & op.wHi & op.tHi;
  },
});

// ---- extract --------------------------------------------------------------------------------

interface ExtrOp {
  d: number;
  n: number;
  m: number;
  /** X: (Rn:Rm) >> lsb is taken from the halves selected by lsb ≥ 32, shifted by lsb mod 32. */
  hiPart: boolean;
  s: number;
}

/** EXTR Rd, Rn, Rm, #lsb: the low datasize bits of (Rn:Rm) >> lsb. ROR (immediate) is Rn=Rm. */
function extr(f: Fields): ExtrOp {
  return {
    d: wz(f.Rd!),
    n: rz(f.Rn!),
    m: rz(f.Rm!),
    hiPart: f.imms! >= 32,
    s: f.imms! & 31,
  };
}

export const EXTR_w = pattern<ExtrOp>({
  name: 'EXTR_w',
  pattern: '0 00 100111 0 0 Rm:5 0 imms:5 Rn:5 Rd:5',
  decode: extr,
  exec(cpu, op) {
    const g = cpu.gpr;
    const s = op.s;
    g[op.d] = (g[op.m]! >>> s) | ((g[op.n]! << 1) << (31 - s));
    g[op.d + 1] = 0;
  },
});

export const EXTR_x = pattern<ExtrOp>({
  name: 'EXTR_x',
  pattern: '1 00 100111 1 0 Rm:5 imms:6 Rn:5 Rd:5',
  decode: extr,
  exec(cpu, op) {
    const g = cpu.gpr;
    // The 128-bit value n:m as words w3 w2 w1 w0 = nHi nLo mHi mLo; the result is the two
    // words starting at word (lsb ≥ 32 ? 1 : 0), shifted right by lsb mod 32.
    const w0 = op.hiPart ? g[op.m + 1]! : g[op.m]!;
    const w1 = op.hiPart ? g[op.n]! : g[op.m + 1]!;
    const w2 = op.hiPart ? g[op.n + 1]! : g[op.n]!;
    const s = op.s;
    g[op.d] = (w0 >>> s) | ((w1 << 1) << (31 - s));
    g[op.d + 1] = (w1 >>> s) | ((w2 << 1) << (31 - s));
  },
});

export const dpImmPatterns: readonly InsnPattern<never>[] = [
  ADR,
  ADRP,
  ADD_i_w,
  ADD_i_x,
  SUB_i_w,
  SUB_i_x,
  ADDS_i_w,
  ADDS_i_x,
  SUBS_i_w,
  SUBS_i_x,
  AND_i_w,
  AND_i_x,
  ORR_i_w,
  ORR_i_x,
  EOR_i_w,
  EOR_i_x,
  ANDS_i_w,
  ANDS_i_x,
  MOVN_w,
  MOVN_x,
  MOVZ_w,
  MOVZ_x,
  MOVK_w,
  MOVK_x,
  SBFM_w,
  SBFM_x,
  BFM_w,
  BFM_x,
  UBFM_w,
  UBFM_x,
  EXTR_w,
  EXTR_x,
] as unknown as readonly InsnPattern<never>[];
