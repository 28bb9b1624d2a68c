import type { InsnPattern } from '@hypsim/core';
import { adrPatterns } from './adr.js';
import { comparePatterns } from './compare.js';
import { countPatterns } from './count.js';
import { dotPatterns } from './dot.js';
import { extractPatterns } from './extract.js';
import { logicPatterns } from './logic.js';
import { minmaxPatterns } from './minmax.js';
import { muldivPatterns } from './muldiv.js';
import { pbreakPatterns } from './pbreak.js';
import { permutePatterns } from './permute.js';
import { ppermutePatterns } from './ppermute.js';
import { reducePatterns } from './reduce.js';
import { saturatePatterns } from './saturate.js';
import { shiftPatterns } from './shift.js';
import { unaryPatterns } from './unary.js';

/**
 * The SVE (FEAT_SVE) integer instructions beyond insn/int.ts and insn/predicates.ts, one file
 * per job: compare.ts (CMP<cc> vectors/wide/immediates), shift.ts, minmax.ts (with SABD/UABD),
 * unary.ts (ABS/NEG/CLS/CLZ/CNT/CNOT/NOT, extends, REVB/H/W, RBIT), saturate.ts, logic.ts
 * (predicated logic, bitmask immediates, DUPM), muldiv.ts (MULH, DIV, MLA/MLS/MAD/MSB),
 * reduce.ts, permute.ts and ppermute.ts (vector and predicate permutes), extract.ts
 * (LAST/CLAST), adr.ts, count.ts (SQINC/INCP families), dot.ts (SDOT/UDOT), pbreak.ts
 * (PFIRST, PNEXT, the BRK forms, CTERM). alu.ts and i64.ts hold the element arithmetic (64-bit elements
 * as word pairs). qemu.test.ts checks them against qemu-aarch64 (qemu/generate.mjs).
 */
export const intxPatterns: readonly InsnPattern<never>[] = [
  ...comparePatterns,
  ...shiftPatterns,
  ...minmaxPatterns,
  ...unaryPatterns,
  ...saturatePatterns,
  ...logicPatterns,
  ...muldivPatterns,
  ...reducePatterns,
  ...permutePatterns,
  ...ppermutePatterns,
  ...extractPatterns,
  ...adrPatterns,
  ...countPatterns,
  ...dotPatterns,
  ...pbreakPatterns,
] as unknown as readonly InsnPattern<never>[];
