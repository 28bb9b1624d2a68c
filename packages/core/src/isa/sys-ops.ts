import type { InsnPattern } from '../decode/pattern.js';

export const sysOpPatterns: readonly InsnPattern<never>[] = [];
