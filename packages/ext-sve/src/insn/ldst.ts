import { pattern, rz, sext, type InsnPattern } from '@hypsim/core';
import { dt, ldExec, op, stExec, type ContigOp } from './mem/contig.js';

/**
 * SVE contiguous loads and stores (issue 5, part 3): LD1B/H/W/D, LD1SB/SH/SW and ST1B/H/W/D,
 * scalar plus immediate (× VL) and scalar plus scalar (Xm << msz). They run on the executors
 * of mem/contig.ts (LD1/ST1 are its one-register, ordinary-fault case): one element-sized data
 * access per active element through core's data-access layer (translation, alignment,
 * aborts). Loads collect the result in a scratch vector first, so a fault leaves Zt
 * unchanged; inactive elements load as zero. Stores write active elements in element order
 * (a fault leaves the earlier elements stored). Not modelled: the SP alignment check for an SP
 * base (core does not export checkSpAlignment).
 */

const ld1Imm = pattern<ContigOp>({
  name: 'LD1_zpri',
  pattern: '1010010 dtype:4 0 imm4:4 101 Pg:3 Rn:5 Zt:5',
  feature: 'FEAT_SVE',
  decode: (f) => op(f, { ...dt(f.dtype!), imm: sext(f.imm4!, 4) }),
  exec: ldExec,
});

const ld1Reg = pattern<ContigOp>({
  name: 'LD1_zprr',
  pattern: '1010010 dtype:4 Rm:5 010 Pg:3 Rn:5 Zt:5',
  feature: 'FEAT_SVE',
  decode: (f) => (f.Rm === 31 ? null : op(f, { ...dt(f.dtype!), m: rz(f.Rm!) })),
  exec: ldExec,
});

const bits2 = (v: number): string => `${v >> 1}${v & 1}`;

const stPatterns: InsnPattern<ContigOp>[] = [];
for (let msz = 0; msz < 4; msz++) {
  for (let esz = msz; esz < 4; esz++) {
    const sz = `${bits2(msz)} ${bits2(esz)}`;
    stPatterns.push(
      pattern<ContigOp>({
        name: `ST1_zpri_${msz}${esz}`,
        pattern: `1110010 ${sz} 0 imm4:4 111 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => op(f, { msz, esz, imm: sext(f.imm4!, 4) }),
        exec: stExec,
      }),
      pattern<ContigOp>({
        name: `ST1_zprr_${msz}${esz}`,
        pattern: `1110010 ${sz} Rm:5 010 Pg:3 Rn:5 Zt:5`,
        feature: 'FEAT_SVE',
        decode: (f) => (f.Rm === 31 ? null : op(f, { msz, esz, m: rz(f.Rm!) })),
        exec: stExec,
      }),
    );
  }
}

export const ldstPatterns: readonly InsnPattern<never>[] = [
  ld1Imm,
  ld1Reg,
  ...stPatterns,
] as unknown as readonly InsnPattern<never>[];
