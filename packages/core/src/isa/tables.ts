import type { DecodeTable } from '../decode/pattern.js';
import { systemPatterns } from './system.js';

/** Priority of the core's A64 tables. Plugins use other priorities only to refine encodings. */
export const CORE_PRIORITY = 0;

export const coreDecodeTables: readonly DecodeTable[] = [
  { name: 'core/a64-system', priority: CORE_PRIORITY, patterns: systemPatterns },
];
