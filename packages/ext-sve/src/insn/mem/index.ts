import type { InsnPattern } from '@hypsim/core';
import { contigPatterns } from './contig.js';
import { gatherPatterns } from './gather.js';
import { prefetchPatterns } from './prefetch.js';
import { replicatePatterns } from './replicate.js';

/**
 * SVE loads and stores beyond the contiguous LD1/ST1 forms: replicate, first-fault,
 * non-fault, non-temporal, structure, gather and scatter, prefetch.
 */
export const memPatterns: readonly InsnPattern<never>[] = [
  ...replicatePatterns,
  ...contigPatterns,
  ...gatherPatterns,
  ...prefetchPatterns,
] as unknown as readonly InsnPattern<never>[];
