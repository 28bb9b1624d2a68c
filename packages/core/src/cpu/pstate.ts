/**
 * PSTATE as saved in SPSR_ELx for AArch64 (Arm ARM C5.2.18/19): N31 Z30 C29 V28, SS21, IL20,
 * D9 A8 I7 F6, M[4] (1 = AArch32), M[3:2] = EL, M[0] = SPSel.
 */
export const SPSR_NZCV_SHIFT = 28;
export const SPSR_SS = 1 << 21;
export const SPSR_IL = 1 << 20;
export const SPSR_DAIF_SHIFT = 6;
export const SPSR_M4 = 1 << 4;

/** DAIF bit values as held in `cpu.daif` (and PSTATE.DAIF order D,A,I,F = 8,4,2,1). */
export const DAIF_D = 8;
export const DAIF_A = 4;
export const DAIF_I = 2;
export const DAIF_F = 1;

/** NZCV as held in `cpu.nzcv` (N=8, Z=4, C=2, V=1). */
export const FLAG_N = 8;
export const FLAG_Z = 4;
export const FLAG_C = 2;
export const FLAG_V = 1;

export interface PstateFields {
  nzcv: number;
  daif: number;
  el: number;
  spsel: number;
  ss: number;
  il: number;
}

export function packSpsr(p: PstateFields): number {
  return (
    ((p.nzcv << SPSR_NZCV_SHIFT) |
      (p.ss ? SPSR_SS : 0) |
      (p.il ? SPSR_IL : 0) |
      (p.daif << SPSR_DAIF_SHIFT) |
      (p.el << 2) |
      p.spsel) >>>
    0
  );
}

/** The M[4:0] names Arm uses (EL1h etc.), for messages. */
export function modeName(spsr: number): string {
  const m = spsr & 0x1f;
  if (m & SPSR_M4) return `AArch32 mode 0x${m.toString(16)}`;
  const el = (m >> 2) & 3;
  return `EL${el}${m & 1 ? 'h' : 't'}${m & 2 ? ' (reserved M[1]=1)' : ''}`;
}

/** Condition evaluation table: COND_PASS[(cond << 4) | nzcv] is 1 when the condition holds. */
export const COND_PASS: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let cond = 0; cond < 16; cond++)
    for (let f = 0; f < 16; f++) {
      const n = (f >> 3) & 1,
        z = (f >> 2) & 1,
        c = (f >> 1) & 1,
        v = f & 1;
      let r: boolean;
      switch (cond >> 1) {
        case 0:
          r = z === 1;
          break;
        case 1:
          r = c === 1;
          break;
        case 2:
          r = n === 1;
          break;
        case 3:
          r = v === 1;
          break;
        case 4:
          r = c === 1 && z === 0;
          break;
        case 5:
          r = n === v;
          break;
        case 6:
          r = n === v && z === 0;
          break;
        default:
          r = true;
      }
      if ((cond & 1) === 1 && cond !== 15) r = !r;
      t[(cond << 4) | f] = r ? 1 : 0;
    }
  return t;
})();
