import type { InsnPattern } from '@hypsim/core';
import { arithPatterns } from './arith.js';
import { cmpPatterns } from './cmp.js';
import { complexPatterns } from './complex.js';
import { cvtPatterns } from './cvt.js';
import { reducePatterns } from './reduce.js';
import { trigPatterns } from './trig.js';
import { unaryPatterns } from './unary.js';

/** SVE floating-point instructions (issue 5). */
export const fpPatterns: readonly InsnPattern<never>[] = [
  ...arithPatterns,
  ...unaryPatterns,
  ...cvtPatterns,
  ...cmpPatterns,
  ...reducePatterns,
  ...trigPatterns,
  ...complexPatterns,
] as unknown as readonly InsnPattern<never>[];
