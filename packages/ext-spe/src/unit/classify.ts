import type { BranchCr } from '../packets/types.js';

/**
 * What the Statistical Profiling Unit needs to know about a sampled instruction, from its
 * encoding (Arm ARM C4.1, the A64 encoding groups). Loads and stores are recognised by the
 * memory accesses the instruction actually makes (the sampler records them); the encoding only
 * gives their subclass (general-purpose, SIMD&FP, atomic/exclusive/acquire-release) and size.
 */
export type InsnGroup = 'branch' | 'ldst' | 'exception' | 'system' | 'other';

/** Latency classes of the deterministic latency model (unit/latency.ts). */
export type LatencyClass =
  | 'alu'
  | 'mul'
  | 'div'
  | 'fp'
  | 'simd'
  | 'branch'
  | 'load'
  | 'store'
  | 'atomic'
  | 'sysreg-read'
  | 'sysreg-write'
  | 'barrier'
  | 'sys-op'
  | 'exception'
  | 'eret';

export interface InsnClass {
  group: InsnGroup;
  latency: LatencyClass;
  /** Branches: conditional (B.cond, CBZ/CBNZ, TBZ/TBNZ); other ops: conditional select/compare. */
  cond: boolean;
  /** Branches: register-indirect (BR, BLR, RET, ERET). */
  indirect: boolean;
  /** Branches: link (BL, BLR), return (RET), neither. */
  cr: BranchCr;
  /** Direct branches: the target offset in bytes from the PC; undefined for indirect ones. */
  offset: number | undefined;
  /** Loads/stores: SIMD&FP registers. */
  simdFp: boolean;
  atomic: boolean;
  exclusive: boolean;
  acqrel: boolean;
  /** Other ops: scalar floating point / Advanced SIMD. */
  fp: boolean;
  simd: boolean;
}

const base = (group: InsnGroup, latency: LatencyClass): InsnClass => ({
  group,
  latency,
  cond: false,
  indirect: false,
  cr: 'neither',
  offset: undefined,
  simdFp: false,
  atomic: false,
  exclusive: false,
  acqrel: false,
  fp: false,
  simd: false,
});

/** (w & mask) === value on unsigned 32-bit values (JS `&` yields a signed int32). */
const is = (w: number, mask: number, value: number): boolean => (w & mask) >>> 0 === value;

const sext = (v: number, bits: number): number => (v << (32 - bits)) >> (32 - bits);

export function classify(insn: number): InsnClass {
  const w = insn >>> 0;
  // ---- branches, exception generation, system (op0 = x101) ----
  if (is(w, 0x7c000000, 0x14000000)) {
    const c = base('branch', 'branch');
    c.cr = (w & 0x80000000) !== 0 ? 'link' : 'neither';
    c.offset = sext(w & 0x3ffffff, 26) * 4;
    return c;
  }
  if (is(w, 0xff000010, 0x54000000)) {
    const c = base('branch', 'branch');
    c.cond = (w & 0xe) !== 0xe; // AL/NV are unconditional
    c.offset = sext((w >>> 5) & 0x7ffff, 19) * 4;
    return c;
  }
  if (is(w, 0x7e000000, 0x34000000)) {
    const c = base('branch', 'branch');
    c.cond = true;
    c.offset = sext((w >>> 5) & 0x7ffff, 19) * 4;
    return c;
  }
  if (is(w, 0x7e000000, 0x36000000)) {
    const c = base('branch', 'branch');
    c.cond = true;
    c.offset = sext((w >>> 5) & 0x3fff, 14) * 4;
    return c;
  }
  if (is(w, 0xfe000000, 0xd6000000)) {
    const opc = (w >>> 21) & 0xf;
    const c = base('branch', opc === 4 ? 'eret' : 'branch');
    c.indirect = true;
    c.cr = opc === 1 || opc === 9 ? 'link' : opc === 2 ? 'return' : 'neither';
    return c;
  }
  if (is(w, 0xff000000, 0xd4000000)) return base('exception', 'exception');
  if (is(w, 0xffd00000, 0xd5100000))
    return base('system', (w & 0x00200000) !== 0 ? 'sysreg-read' : 'sysreg-write');
  if (is(w, 0xfffff01f, 0xd503301f)) return base('system', 'barrier');
  if (is(w, 0xfffff01f, 0xd503201f)) return base('other', 'alu'); // hints (NOP, YIELD, …)
  if (is(w, 0xfff80000, 0xd5080000)) return base('system', 'sys-op'); // DC, IC, AT, TLBI
  if (is(w, 0xfff8f01f, 0xd500401f)) return base('system', 'sysreg-write'); // MSR (immediate)
  // ---- loads and stores (op0 = x1x0) ----
  if (is(w, 0x0a000000, 0x08000000)) {
    const c = base('ldst', 'load');
    c.simdFp = (w & 0x04000000) !== 0;
    if (is(w, 0x3f000000, 0x08000000)) {
      // Load/store exclusive and ordered (incl. CAS/CASP): o2 = bit 23, o1 = 21, o0 = 15.
      const o2 = (w & 0x00800000) !== 0;
      const o1 = (w & 0x00200000) !== 0;
      c.atomic = o2 && o1;
      c.exclusive = !o2;
      c.acqrel = o2 || (w & 0x8000) !== 0 || (w & 0x00400000) !== 0;
      if (c.atomic) c.latency = 'atomic';
    } else if (is(w, 0x3b200c00, 0x38200000)) {
      // Atomic memory operations (LDADD … SWP, and LDAPR): A = bit 23, R = bit 22.
      c.atomic = true;
      c.acqrel = (w & 0x00c00000) !== 0;
      c.latency = 'atomic';
    }
    return c;
  }
  // ---- data processing ----
  if (is(w, 0x1fe00000, 0x1a800000) || is(w, 0x1fe00000, 0x1a400000)) {
    const c = base('other', 'alu');
    c.cond = true; // CSEL/CSINC/CSINV/CSNEG, CCMP/CCMN
    return c;
  }
  if (is(w, 0x5fe0f800, 0x1ac00800)) return base('other', 'div');
  if (is(w, 0x1f000000, 0x1b000000)) return base('other', 'mul');
  if (is(w, 0x0e000000, 0x0e000000)) {
    const fp = is(w, 0x5e000000, 0x1e000000);
    const c = base('other', fp ? 'fp' : 'simd');
    c.fp = fp;
    c.simd = !fp;
    // FCSEL / FCCMP(E): conditional.
    if (fp && (is(w, 0xff200c00, 0x1e200c00) || is(w, 0xff200c00, 0x1e200400))) c.cond = true;
    return c;
  }
  return base('other', 'alu');
}
