import type { InsnPattern } from '../decode/pattern.js';

export const dpImmPatterns: readonly InsnPattern<never>[] = [];
