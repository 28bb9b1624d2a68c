import type { Encoding } from '../sysreg/types.js';

/** Instruction encoders for tests (system group only; see Arm ARM C6). */
export const enc = {
  nop: 0xd503201f,
  wfi: 0xd503207f,
  eret: 0xd69f03e0,
  isb: 0xd5033fdf,
  svc: (imm: number): number => (0xd4000001 | (imm << 5)) >>> 0,
  hvc: (imm: number): number => (0xd4000002 | (imm << 5)) >>> 0,
  smc: (imm: number): number => (0xd4000003 | (imm << 5)) >>> 0,
  brk: (imm: number): number => (0xd4200000 | (imm << 5)) >>> 0,
  hlt: (imm: number): number => (0xd4400000 | (imm << 5)) >>> 0,
  mrs: (rt: number, e: Encoding): number =>
    (0xd5200000 | (e[0] << 19) | (e[1] << 16) | (e[2] << 12) | (e[3] << 8) | (e[4] << 5) | rt) >>>
    0,
  msr: (e: Encoding, rt: number): number =>
    (0xd5000000 | (e[0] << 19) | (e[1] << 16) | (e[2] << 12) | (e[3] << 8) | (e[4] << 5) | rt) >>>
    0,
  /** MSR DAIFSet/DAIFClr, #imm */
  daifSet: (imm: number): number => (0xd50340df | (imm << 8)) >>> 0,
  daifClr: (imm: number): number => (0xd50340ff | (imm << 8)) >>> 0,
  /** MSR SPSel, #imm */
  spsel: (imm: number): number => (0xd50040bf | (imm << 8)) >>> 0,
};
