import type { InsnPattern } from '../decode/pattern.js';

export const dpRegPatterns: readonly InsnPattern<never>[] = [];
