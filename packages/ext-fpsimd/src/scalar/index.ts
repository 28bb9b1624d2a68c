import type { InsnPattern } from '@hypsim/core';
import { scalarDpPatterns } from './dp.js';
import { simdFpPatterns } from './simd.js';

/** Gates every pattern without its own feature on `feature`: CPUs without it see UNDEF. */
function gate(list: readonly InsnPattern<never>[], feature: string): InsnPattern<never>[] {
  return list.map((p) => (p.feature ? p : { ...p, feature }));
}

/**
 * Scalar FP data processing (FEAT_FP) and the AdvSIMD floating-point forms (FEAT_AdvSIMD:
 * three-same, two-register misc, across lanes, scalar pairwise, by element, fixed-point
 * conversions), all built on the IEEE library in ../fp.
 */
export const scalarFpPatterns: readonly InsnPattern<never>[] = [
  ...gate(scalarDpPatterns as unknown as InsnPattern<never>[], 'FEAT_FP'),
  ...gate(simdFpPatterns, 'FEAT_AdvSIMD'),
];
