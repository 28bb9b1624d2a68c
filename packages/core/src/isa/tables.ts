import type { DecodeTable } from '../decode/pattern.js';
import { atomicPatterns } from './atomics.js';
import { branchPatterns } from './branch.js';
import { crc32Patterns } from './crc32.js';
import { dpImmPatterns } from './dp-imm.js';
import { dpRegPatterns } from './dp-reg.js';
import { loadStorePatterns } from './ldst.js';
import { sysOpPatterns } from './sys-ops.js';
import { systemPatterns } from './system.js';

/** Priority of the core's A64 tables. Plugins use other priorities only to refine encodings. */
export const CORE_PRIORITY = 0;

/** The A64 base instruction set, grouped like the Arm ARM's encoding index (C4.1). */
export const coreDecodeTables: readonly DecodeTable[] = [
  { name: 'core/a64-dp-imm', priority: CORE_PRIORITY, patterns: dpImmPatterns },
  { name: 'core/a64-branch', priority: CORE_PRIORITY, patterns: branchPatterns },
  { name: 'core/a64-system', priority: CORE_PRIORITY, patterns: systemPatterns },
  { name: 'core/a64-sys-ops', priority: CORE_PRIORITY, patterns: sysOpPatterns },
  { name: 'core/a64-ldst', priority: CORE_PRIORITY, patterns: loadStorePatterns },
  { name: 'core/a64-atomics', priority: CORE_PRIORITY, patterns: atomicPatterns },
  { name: 'core/a64-dp-reg', priority: CORE_PRIORITY, patterns: dpRegPatterns },
  { name: 'core/a64-crc32', priority: CORE_PRIORITY, patterns: crc32Patterns },
];
