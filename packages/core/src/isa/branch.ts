import type { InsnPattern } from '../decode/pattern.js';

export const branchPatterns: readonly InsnPattern<never>[] = [];
