import type { InsnPattern } from '@hypsim/core';
import { elemPatterns } from './arith.js';
import { movePatterns } from './perm.js';

/** AdvSIMD integer, permute, copy, modified-immediate and across-lanes instructions. */
export const simdPatterns: readonly InsnPattern<never>[] = [
  ...elemPatterns(),
  ...movePatterns(),
] as unknown as readonly InsnPattern<never>[];
