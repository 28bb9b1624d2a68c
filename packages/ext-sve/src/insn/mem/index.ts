import type { InsnPattern } from '@hypsim/core';

/**
 * SVE loads and stores beyond the contiguous LD1/ST1 forms: replicate, first-fault,
 * non-fault, non-temporal, structure, gather and scatter, prefetch. (Filled in by issue 5.)
 */
export const memPatterns: readonly InsnPattern<never>[] = [];
