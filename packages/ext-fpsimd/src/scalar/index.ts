import type { InsnPattern } from '@hypsim/core';

/** Scalar FP data processing (and the AdvSIMD FP forms that share the arithmetic). */
export const scalarFpPatterns: readonly InsnPattern<never>[] = [];
