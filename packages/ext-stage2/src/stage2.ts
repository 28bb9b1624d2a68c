import {
  FSC,
  Perm,
  WalkResult,
  walkTables,
  type Cpu,
  type Stage2Hook,
  type Stage2Result,
} from '@hypsim/core';
import { stage2Regs } from './state.js';

const TWO32 = 0x1_0000_0000;
/** VTCR_EL2.PS → bits (capped at the model's 48-bit PA space). */
const PA_BITS = [32, 36, 40, 42, 44, 48, 48, 48];
const HCR_VM = 1;
const HCR_TGE = 1 << 27;

/** Start level from VTCR_EL2.SL0 per granule (Arm ARM D24.2.224; SL2=0), -1 when reserved. */
function startLevel(granule: number, sl0: number): number {
  if (granule === 12) return [2, 1, 0, 3][sl0]!;
  if (granule === 14) return [3, 2, 1, 0][sl0]!;
  return [3, 2, 1, -1][sl0]!;
}

/**
 * Stage 2 of the EL1&0 regime for one CPU (Arm ARM D8.2, D8.3 Table D8-53, D8.4): VTCR_EL2
 * geometry with concatenated start-level tables, the walk (core's `walkTables`), AF, S2AP and
 * XN as the MMU's Perm bits, MemAttr (Device when MemAttr[3:2] = 00) and HPFAR_EL2 on faults.
 */
export class Stage2Translator implements Stage2Hook {
  private readonly res = new WalkResult();

  active(cpu: Cpu): boolean {
    const hcr = cpu.sys[stage2Regs(cpu).hcr]!;
    // HCR_EL2.TGE=1 makes VM behave as 0 for everything but reads.
    return (hcr & HCR_VM) !== 0 && (hcr & HCR_TGE) === 0;
  }

  vmid(cpu: Cpu): number {
    const r = stage2Regs(cpu);
    const v = cpu.sys[r.vttbr + 1]! >>> 16;
    // VTCR_EL2.VS (bit 19): 16-bit VMIDs; otherwise VMID[15:8] are ignored.
    return (cpu.sys[r.vtcr]! & (1 << 19)) !== 0 ? v : v & 0xff;
  }

  generation(cpu: Cpu): number {
    return stage2Regs(cpu).generation;
  }

  translate(cpu: Cpu, ipa: number, out: Stage2Result, watch: (pa: number) => void): boolean {
    const r = stage2Regs(cpu);
    const s = cpu.sys;
    const vtcr = s[r.vtcr]!;
    const t0sz = vtcr & 0x3f;
    const tg0 = (vtcr >>> 14) & 3;
    const granule = tg0 === 1 ? 16 : tg0 === 2 ? 14 : 12;
    const stride = granule - 3;
    const level = startLevel(granule, (vtcr >>> 6) & 3);
    const inputBits = 64 - t0sz;
    const paBits = PA_BITS[(vtcr >>> 16) & 7]!;
    // QEMU's consistency check: the start level resolves 1 to stride+4 bits (up to 16
    // concatenated tables); an IPA size beyond the PA size is a misconfiguration. Both, and an
    // IPA beyond the input size, are level-0 Translation faults.
    const startBits = inputBits - (granule + (3 - level) * stride);
    if (
      level < 0 ||
      t0sz < 16 ||
      startBits < 1 ||
      startBits > stride + 4 ||
      inputBits > paBits ||
      ipa >= 2 ** inputBits
    ) {
      out.fault = FSC.translation(0);
      out.level = 0;
      return false;
    }
    const res = this.res;
    res.reset();
    const lo = s[r.vttbr]!;
    const hi = s[r.vttbr + 1]!;
    const ok = walkTables(
      cpu.bus,
      {
        granule,
        inputBits,
        startLevel: level,
        base: (hi & 0xffff) * TWO32 + ((lo & ~1) >>> 0),
        paBits,
      },
      ipa,
      res,
      undefined,
      watch,
    );
    out.level = res.level;
    if (!ok) {
      out.fault = res.fault;
      return false;
    }
    const d = res.descLo;
    if ((d & (1 << 10)) === 0) {
      out.fault = FSC.accessFlag(res.level);
      return false;
    }
    const s2ap = (d >>> 6) & 3;
    const xn = (res.descHi & (1 << 22)) !== 0;
    const memAttr = (d >>> 2) & 0xf;
    out.fault = -1;
    out.pa = res.oa;
    out.shift = res.shift;
    out.memAttr = memAttr;
    out.perm =
      ((s2ap & 1) !== 0 ? Perm.R1 | Perm.R0 : 0) |
      ((s2ap & 2) !== 0 ? Perm.W1 | Perm.W0 : 0) |
      (xn ? 0 : Perm.X1 | Perm.X0) |
      ((memAttr & 0xc) === 0 ? Perm.DEVICE : 0);
    return true;
  }

  recordFault(cpu: Cpu, ipa: number): void {
    // HPFAR_EL2.FIPA (bits 43:4) = IPA[51:12].
    const page = Math.floor(ipa / 4096);
    const i = stage2Regs(cpu).hpfar;
    cpu.sys[i] = ((page % 0x1000_0000) * 16) | 0;
    cpu.sys[i + 1] = Math.floor(page / 0x1000_0000);
  }
}
