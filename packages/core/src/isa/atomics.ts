import type { InsnPattern } from '../decode/pattern.js';

export const atomicPatterns: readonly InsnPattern<never>[] = [];
