import { pattern, type Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { prep } from './common.js';
import { R, add64, lsl64 } from './i64.js';

/**
 * ADR (vector address generation): Zd = Zn + (Zm << msz) on .S or .D elements, or on .D
 * elements with the offset the sign- or zero-extended low word of Zm (SXTW/UXTW forms).
 */

const S32 = 0;
const U32 = 1;
const P32 = 2;
const P64 = 3;

interface AdrOp {
  d: number;
  n: number;
  m: number;
  kind: number;
  sh: number;
}

function adrExec(cpu: Cpu, o: AdrOp): void {
  const q = prep(cpu);
  const fp = fpState(cpu);
  const z = fp.z;
  const d = o.d * fp.stride;
  const n = o.n * fp.stride;
  const m = o.m * fp.stride;
  if (o.kind === P32) {
    for (let w = 0; w < 4 * q; w++) z[d + w] = (z[n + w]! + (z[m + w]! << o.sh)) | 0;
    return;
  }
  for (let w = 0; w < 4 * q; w += 2) {
    const ml = z[m + w]!;
    const mh = o.kind === P64 ? z[m + w + 1]! : o.kind === S32 ? ml >> 31 : 0;
    lsl64(ml, mh, o.sh);
    add64(z[n + w]!, z[n + w + 1]!, R[0]!, R[1]!);
    z[d + w] = R[0]!;
    z[d + w + 1] = R[1]!;
  }
}

export const adrPatterns = [S32, U32, P32, P64].map((kind) =>
  pattern<AdrOp>({
    name: `ADR_${['s32', 'u32', 'p32', 'p64'][kind]}`,
    pattern: `00000100 ${kind >> 1}${kind & 1} 1 Zm:5 1010 msz:2 Zn:5 Zd:5`,
    feature: 'FEAT_SVE',
    decode: (f) => ({ d: f.Zd!, n: f.Zn!, m: f.Zm!, kind, sh: f.msz! }),
    exec: adrExec,
  }),
);
