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
 * SVE integer instructions beyond the first slice: compares, shifts, min/max, unary,
 * saturating, multiply-add, division, reductions, permutes.
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
