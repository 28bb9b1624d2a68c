import type { InsnPattern } from '../decode/pattern.js';

export const loadStorePatterns: readonly InsnPattern<never>[] = [];
