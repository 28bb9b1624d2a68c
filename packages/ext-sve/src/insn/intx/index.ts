import type { InsnPattern } from '@hypsim/core';

/**
 * SVE integer instructions beyond the first slice: compares, shifts, min/max, unary,
 * saturating, multiply-add, division, reductions, permutes. (Filled in by issue 5.)
 */
export const intxPatterns: readonly InsnPattern<never>[] = [];
