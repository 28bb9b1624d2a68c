import type { InsnPattern } from '@hypsim/core';

/** AdvSIMD integer, permute, copy, modified-immediate and structure loads/stores. */
export const simdPatterns: readonly InsnPattern<never>[] = [];
