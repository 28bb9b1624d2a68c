/**
 * The instruction syndrome of a data abort (ESR_ELx.ISS bits 24:14: ISV, SAS, SSE, SRT, SF, AR;
 * Arm ARM D24.2.46), worked out from the instruction word when a stage-2 abort is built. The
 * load/store handlers never have to say what they are, so the hot path pays nothing.
 *
 * ISV=1 for single general-purpose-register loads and stores without writeback (immediate,
 * unscaled, unprivileged, register offset, literal) and for load-acquire/store-release
 * (LDAR/STLR/LDLAR/STLLR, LDAPR), as QEMU 7.2 reports them; 0 for everything else (pairs,
 * writeback forms, exclusives, atomics, SIMD&FP).
 */
export function instructionSyndrome(insn: number): number {
  let size: number;
  const rt = insn & 31;
  let sse = false;
  let sf: boolean;
  let ar = false;
  if ((insn & 0x3f000000) === 0x39000000 || isImm9NoWriteback(insn) || isRegOffset(insn)) {
    size = insn >>> 30;
    const opc = (insn >>> 22) & 3;
    if (opc === 0 || opc === 1) sf = size === 3;
    else {
      if (size === 3 || (size === 2 && opc === 3)) return 0; // PRFM / unallocated
      sse = true;
      sf = opc === 2;
    }
  } else if ((insn & 0x3f000000) === 0x18000000) {
    // LDR (literal): opc 00 W, 01 X, 10 LDRSW; 11 is PRFM.
    const opc = insn >>> 30;
    if (opc === 3) return 0;
    size = opc === 0 ? 2 : opc === 1 ? 3 : 2;
    sse = opc === 2;
    sf = opc !== 0;
  } else if ((insn & 0x3fa00000) === 0x08800000 || (insn & 0x3ffffc00) === 0x38bfc000) {
    // LDAR/STLR/LDLAR/STLLR (o2=1, o1=0) and LDAPR.
    size = insn >>> 30;
    sf = size === 3;
    ar = true;
  } else return 0;
  return (
    ((1 << 24) |
      (size << 22) |
      (sse ? 1 << 21 : 0) |
      (rt << 16) |
      (sf ? 1 << 15 : 0) |
      (ar ? 1 << 14 : 0)) >>>
    0
  );
}

/** LDUR/STUR and LDTR/STTR (imm9, bits 11:10 = 00 or 10), not SIMD&FP. */
function isImm9NoWriteback(insn: number): boolean {
  return (insn & 0x3f200000) === 0x38000000 && (insn & 0x400) === 0;
}

/** Register offset (bits 11:10 = 10), not SIMD&FP. */
function isRegOffset(insn: number): boolean {
  return (insn & 0x3f200c00) === 0x38200800;
}
