/**
 * Exception classes (ESR_ELx.EC) and one syndrome builder per class, so every ESR in the model
 * is built in exactly one place. Values and ISS layouts: Arm ARM D24.2.46 (ESR_EL2), summarised
 * in ../shared/reference/el2-sysregs.md §4.
 */
export const EC = {
  UNKNOWN: 0x00,
  WFX: 0x01,
  FP_ACCESS: 0x07,
  ILLEGAL_STATE: 0x0e,
  SVC64: 0x15,
  HVC64: 0x16,
  SMC64: 0x17,
  SYSREG: 0x18,
  SVE_ACCESS: 0x19,
  IABT_LOWER: 0x20,
  IABT_CURRENT: 0x21,
  PC_ALIGNMENT: 0x22,
  DABT_LOWER: 0x24,
  DABT_CURRENT: 0x25,
  SP_ALIGNMENT: 0x26,
  FP_EXC64: 0x2c,
  SERROR: 0x2f,
  BRK64: 0x3c,
} as const;

export type ExceptionClass = (typeof EC)[keyof typeof EC];

/** ESR_ELx bits 31:0 (ISS2 is zero for everything modelled so far). IL=1: 32-bit instruction. */
export function esr(ec: number, iss: number, il = 1): number {
  return ((ec << 26) | (il << 25) | (iss & 0x1ffffff)) >>> 0;
}

export const syndrome = {
  /** EC 0x00: UNDEFINED instruction. ISS 0, IL 1. */
  uncategorized: (): number => esr(EC.UNKNOWN, 0),
  /** EC 0x01: trapped WFI (ti=0) / WFE (ti=1). From AArch64: CV=1, COND=0xE. */
  wfx: (ti: number): number => esr(EC.WFX, (1 << 24) | (0xe << 20) | ti),
  /** EC 0x07: FP/AdvSIMD access trap. From AArch64: CV=1, COND=0xE. */
  fpAccess: (): number => esr(EC.FP_ACCESS, (1 << 24) | (0xe << 20)),
  /** EC 0x0E: Illegal Execution state. */
  illegalState: (): number => esr(EC.ILLEGAL_STATE, 0),
  svc: (imm16: number): number => esr(EC.SVC64, imm16 & 0xffff),
  hvc: (imm16: number): number => esr(EC.HVC64, imm16 & 0xffff),
  smc: (imm16: number): number => esr(EC.SMC64, imm16 & 0xffff),
  /** EC 0x18: trapped MSR/MRS/SYS. `isRead` is the Direction bit (1 = MRS). */
  sysregTrap: (
    op0: number,
    op1: number,
    crn: number,
    crm: number,
    op2: number,
    rt: number,
    isRead: boolean,
  ): number =>
    esr(
      EC.SYSREG,
      (op0 << 20) |
        (op2 << 17) |
        (op1 << 14) |
        (crn << 10) |
        (rt << 5) |
        (crm << 1) |
        (isRead ? 1 : 0),
    ),
  /** EC 0x19: SVE access trap, ISS 0. */
  sveAccess: (): number => esr(EC.SVE_ACCESS, 0),
  pcAlignment: (): number => esr(EC.PC_ALIGNMENT, 0),
  spAlignment: (): number => esr(EC.SP_ALIGNMENT, 0),
  brk: (imm16: number): number => esr(EC.BRK64, imm16 & 0xffff),
  /** EC 0x20/0x21: instruction abort. */
  instructionAbort: (
    sameEL: boolean,
    ifsc: number,
    opts: { s1ptw?: boolean; ea?: boolean } = {},
  ): number =>
    esr(
      sameEL ? EC.IABT_CURRENT : EC.IABT_LOWER,
      (opts.s1ptw ? 1 << 7 : 0) | (opts.ea ? 1 << 9 : 0) | (ifsc & 0x3f),
    ),
  /** EC 0x24/0x25: data abort. `isv` carries the instruction syndrome (bits 24:14) when valid. */
  dataAbort: (
    sameEL: boolean,
    dfsc: number,
    opts: {
      wnr?: boolean;
      s1ptw?: boolean;
      cm?: boolean;
      ea?: boolean;
      fnv?: boolean;
      isv?: { sas: number; sse: boolean; srt: number; sf: boolean; ar: boolean };
    } = {},
  ): number => {
    let iss = dfsc & 0x3f;
    if (opts.wnr) iss |= 1 << 6;
    if (opts.s1ptw) iss |= 1 << 7;
    if (opts.cm) iss |= 1 << 8;
    if (opts.ea) iss |= 1 << 9;
    if (opts.fnv) iss |= 1 << 10;
    const v = opts.isv;
    if (v)
      iss |=
        (1 << 24) |
        ((v.sas & 3) << 22) |
        (v.sse ? 1 << 21 : 0) |
        ((v.srt & 31) << 16) |
        (v.sf ? 1 << 15 : 0) |
        (v.ar ? 1 << 14 : 0);
    // IL is 1 for data aborts with ISV=0; with ISV=1 it gives the instruction length (32-bit).
    return esr(sameEL ? EC.DABT_CURRENT : EC.DABT_LOWER, iss, 1);
  },
} as const;

/** Fault status codes (DFSC/IFSC) used by the model. */
export const FSC = {
  addressSize: (level: number): number => level & 3,
  translation: (level: number): number => 0x04 | (level & 3),
  accessFlag: (level: number): number => 0x08 | (level & 3),
  permission: (level: number): number => 0x0c | (level & 3),
  SYNC_EXTERNAL: 0x10,
  syncExternalOnWalk: (level: number): number => 0x14 | (level & 3),
  ALIGNMENT: 0x21,
} as const;
