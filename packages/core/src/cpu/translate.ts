import type { Cpu } from './cpu.js';
import { raiseSync, routeSync, takeException } from './exception.js';
import { FSC, syndrome } from './syndrome.js';

/** What kind of access a translation is for (fault syndromes differ). */
export const enum AccessKind {
  Fetch = 0,
  Read = 1,
  Write = 2,
  /** LDTR-family loads: EL0 permissions at EL1 (and at EL2 in the EL2&0 regime). */
  UnprivRead = 5,
  /** STTR-family stores. */
  UnprivWrite = 6,
}

/**
 * VA → PA translation. The core's default is the MMU-off flat map; the MMU (stage 1, and
 * stage 2 through its hook) replaces it per CPU. A translator that faults takes the exception
 * itself and returns -1 (fetch) or throws EXCEPTION_TAKEN (data).
 */
export interface AddressTranslator {
  /** PA of the instruction at the CPU's PC, or -1 after taking an exception. */
  fetch(cpu: Cpu): number;
  /** PA for a data access at (lo, hi); faults raise. `size` for alignment/straddle checks. */
  data(cpu: Cpu, lo: number, hi: number, kind: AccessKind, size: number): number;
  /**
   * Whether an unaligned access at (lo, hi), just translated by `data`, takes an alignment
   * fault: SCTLR_ELx.A / MMU off (`cpu.strictAlignment()`), or Device memory with the MMU on.
   * Absent: `cpu.strictAlignment()`.
   */
  unalignedFault?(cpu: Cpu, lo: number, hi: number): boolean;
}

/** 48-bit physical address space: with the MMU off, VA bits [63:48] must be zero. */
const PA_HI_LIMIT = 1 << 16;

/**
 * MMU off (Arm ARM D8.2.10 "the flat address mapping"): PA = VA; an address above the PA size
 * is an Address size fault at level 0.
 */
export const flatTranslator: AddressTranslator = {
  fetch(cpu) {
    const hi = cpu.pcHi;
    if (hi < 0 || hi >= PA_HI_LIMIT) {
      takeException(
        cpu,
        routeSync(cpu),
        'sync',
        syndrome.instructionAbort(cpu.el !== 0, FSC.addressSize(0)),
        cpu.pcLo,
        cpu.pcHi,
        { lo: cpu.pcLo, hi: cpu.pcHi },
      );
      return -1;
    }
    return hi * 0x1_0000_0000 + cpu.pcLo;
  },
  data(cpu, lo, hi, kind) {
    if (hi < 0 || hi >= PA_HI_LIMIT)
      raiseSync(
        cpu,
        routeSync(cpu),
        syndrome.dataAbort(cpu.el !== 0, FSC.addressSize(0), { wnr: (kind & 2) !== 0 }),
        { lo, hi },
      );
    return hi * 0x1_0000_0000 + (lo >>> 0);
  },
  unalignedFault(cpu) {
    return cpu.strictAlignment();
  },
};
