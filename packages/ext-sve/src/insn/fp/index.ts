import type { InsnPattern } from '@hypsim/core';

/** SVE floating-point instructions. (Filled in by issue 5.) */
export const fpPatterns: readonly InsnPattern<never>[] = [];
