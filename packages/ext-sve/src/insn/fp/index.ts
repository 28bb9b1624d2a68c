import type { InsnPattern } from '@hypsim/core';
import { arithPatterns } from './arith.js';

/** SVE floating-point instructions (issue 5). */
export const fpPatterns: readonly InsnPattern<never>[] = [
  ...arithPatterns,
] as unknown as readonly InsnPattern<never>[];
