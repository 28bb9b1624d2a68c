import {
  fpCtl,
  fpEnv,
  fpR,
  DZC,
  IXC,
  OFC,
  RM_NEGINF,
  RM_POSINF,
  RM_TIEEVEN,
  UFC,
} from '@hypsim/ext-fpsimd';

/**
 * Half-precision FRECPE, FRSQRTE and FRECPX (ext-fpsimd's estimate code covers single and
 * double only), following the Arm ARM's FPRecipEstimate, FPRSqrtEstimate and FPRecpX for
 * N = 16 with the 8-bit RecipEstimate / RecipSqrtEstimate tables. Inputs arrive already
 * flushed under FZ16 (common.ts rd), which raises no IDC for half precision.
 */

function recipEstimate(a: number): number {
  a = a * 2 + 1;
  const b = Math.floor(524288 / a);
  return (b + 1) >> 1;
}

function recipSqrtEstimate(a: number): number {
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 268435456) b++;
  return (b + 1) >> 1;
}

const RECIP = new Uint16Array(256);
const RSQRT = new Uint16Array(384);
for (let i = 0; i < 256; i++) RECIP[i] = recipEstimate(256 + i);
for (let i = 0; i < 384; i++) RSQRT[i] = recipSqrtEstimate(128 + i);

function isNaN16(h: number): boolean {
  return (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
}

/** NaN operand: quieted (signalling raises IOC), or the default NaN under DN. */
function nan16(h: number): void {
  if ((h & 0x200) === 0) fpEnv.flags |= 1;
  fpR[0] = fpCtl.dn ? 0x7e00 : h | 0x200;
  fpR[1] = 0;
}

export function recpe16(h: number): void {
  fpR[1] = 0;
  if (isNaN16(h)) return nan16(h);
  const sign = h & 0x8000;
  const exp0 = (h >> 10) & 0x1f;
  let frac = h & 0x3ff;
  if (exp0 === 0x1f) {
    fpR[0] = sign;
    return;
  }
  if (exp0 === 0 && frac === 0) {
    fpEnv.flags |= DZC;
    fpR[0] = sign | 0x7c00;
    return;
  }
  // |x| < 2^-16: the reciprocal overflows
  if (exp0 === 0 && frac < 0x100) {
    const m = fpCtl.mode;
    const toInf =
      m === RM_TIEEVEN || (m === RM_POSINF && sign === 0) || (m === RM_NEGINF && sign !== 0);
    fpEnv.flags |= OFC | IXC;
    fpR[0] = sign | (toInf ? 0x7c00 : 0x7bff);
    return;
  }
  // |x| ≥ 2^14 with FZ16: the result would be denormal, flushed
  if (fpEnv.fz && exp0 >= 29) {
    fpEnv.flags |= UFC;
    fpR[0] = sign;
    return;
  }
  let exp = exp0;
  if (exp === 0) {
    if ((frac & 0x200) === 0) {
      exp = -1;
      frac = (frac << 2) & 0x3ff;
    } else frac = (frac << 1) & 0x3ff;
  }
  const scaled = 256 | (frac >> 2);
  let rexp = 29 - exp;
  const est = RECIP[scaled - 256]! & 0xff;
  let f = est << 2; // 10-bit fraction
  if (rexp === 0) f = 0x200 | (f >> 1);
  else if (rexp === -1) {
    f = 0x100 | (f >> 2);
    rexp = 0;
  }
  fpR[0] = sign | (rexp << 10) | f;
}

export function rsqrte16(h: number): void {
  fpR[1] = 0;
  if (isNaN16(h)) return nan16(h);
  const sign = h & 0x8000;
  let exp = (h >> 10) & 0x1f;
  let frac = h & 0x3ff;
  if (exp === 0 && frac === 0) {
    fpEnv.flags |= DZC;
    fpR[0] = sign | 0x7c00;
    return;
  }
  if (sign !== 0) {
    fpEnv.flags |= 1;
    fpR[0] = 0x7e00;
    return;
  }
  if (exp === 0x1f) {
    fpR[0] = 0;
    return;
  }
  if (exp === 0) {
    while ((frac & 0x200) === 0) {
      frac = (frac << 1) & 0x3ff;
      exp--;
    }
    frac = (frac << 1) & 0x3ff;
  }
  const scaled = (exp & 1) === 0 ? 256 | (frac >> 2) : 128 | (frac >> 3);
  const rexp = Math.floor((44 - exp) / 2);
  const est = RSQRT[scaled - 128]! & 0xff;
  fpR[0] = ((rexp & 0x1f) << 10) | (est << 2);
}

export function recpx16(h: number): void {
  fpR[1] = 0;
  if (isNaN16(h)) return nan16(h);
  const exp = (h >> 10) & 0x1f;
  fpR[0] = (h & 0x8000) | ((exp === 0 ? 0x1e : ~exp & 0x1f) << 10);
}
