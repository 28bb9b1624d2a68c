import { pattern, type InsnPattern } from '@hypsim/core';
import { checkSveAccess } from '../../traps.js';

/**
 * SVE prefetches (PRFB/H/W/D in every addressing form): hints that never fault, so they only
 * run the SVE access check (as QEMU does) and do nothing else. PRF with Rm = 31 (scalar plus
 * scalar) and bit 4 set are unallocated and stay UNDEF.
 */

const nop = (f: Readonly<Record<string, number>>): { rm: number } | null =>
  f.Rm === 31 ? null : { rm: 0 };

const FORMS = [
  ['PRF_ir', '1000010 11 1 imm6:6 0 msz:2 Pg:3 Rn:5 0 prfop:4'],
  ['PRF_rr', '1000010 msz:2 00 Rm:5 110 Pg:3 Rn:5 0 prfop:4'],
  ['PRF_s_sxz', '1000010 00 xs:1 1 Zm:5 0 msz:2 Pg:3 Rn:5 0 prfop:4'],
  ['PRF_s_vi', '1000010 msz:2 00 imm5:5 111 Pg:3 Zn:5 0 prfop:4'],
  ['PRF_d_s64', '1100010 00 11 Zm:5 1 msz:2 Pg:3 Rn:5 0 prfop:4'],
  ['PRF_d_sxz', '1100010 00 xs:1 1 Zm:5 0 msz:2 Pg:3 Rn:5 0 prfop:4'],
  ['PRF_d_vi', '1100010 msz:2 00 imm5:5 111 Pg:3 Zn:5 0 prfop:4'],
] as const;

export const prefetchPatterns: readonly InsnPattern<unknown>[] = FORMS.map(
  ([name, pat]) =>
    pattern<{ rm: number }>({
      name,
      pattern: pat,
      feature: 'FEAT_SVE',
      decode: nop,
      exec: (cpu) => checkSveAccess(cpu),
    }) as InsnPattern<unknown>,
);
