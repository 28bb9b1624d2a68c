import type { InsnPattern } from '@hypsim/core';

/** Loads and stores of FP/SIMD registers (V=1): single register, pairs, literal. */
export const fpLoadStorePatterns: readonly InsnPattern<never>[] = [];
