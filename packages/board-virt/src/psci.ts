import type { Cpu, Machine } from '@hypsim/core';

/** PSCI function IDs (SMC32 0x84…, SMC64 0xC4…) and return codes, DEN0022. */
export const PSCI = {
  VERSION: 0x8400_0000,
  CPU_SUSPEND: 0x8400_0001,
  CPU_SUSPEND64: 0xc400_0001,
  CPU_OFF: 0x8400_0002,
  CPU_ON: 0x8400_0003,
  CPU_ON64: 0xc400_0003,
  AFFINITY_INFO: 0x8400_0004,
  AFFINITY_INFO64: 0xc400_0004,
  MIGRATE: 0x8400_0005,
  MIGRATE_INFO_TYPE: 0x8400_0006,
  SYSTEM_OFF: 0x8400_0008,
  SYSTEM_RESET: 0x8400_0009,
  FEATURES: 0x8400_000a,
} as const;

export const PSCI_RET = {
  SUCCESS: 0,
  NOT_SUPPORTED: -1,
  INVALID_PARAMETERS: -2,
  DENIED: -3,
  ALREADY_ON: -4,
} as const;

/** PSCI 1.1, the version QEMU's firmware reports. */
export const PSCI_VERSION_1_1 = 0x0001_0001;

const SUPPORTED = new Set<number>([
  PSCI.VERSION,
  PSCI.CPU_SUSPEND,
  PSCI.CPU_SUSPEND64,
  PSCI.CPU_OFF,
  PSCI.CPU_ON,
  PSCI.CPU_ON64,
  PSCI.AFFINITY_INFO,
  PSCI.AFFINITY_INFO64,
  PSCI.MIGRATE_INFO_TYPE,
  PSCI.SYSTEM_OFF,
  PSCI.SYSTEM_RESET,
  PSCI.FEATURES,
]);

/** What the board does around power changes (its clock and interrupt controller). */
export interface PsciHooks {
  /** After CPU_ON reset the target and before it runs. */
  poweredOn?: (cpu: Cpu) => void;
}

const MPIDR_AFF_MASK = 0xff00ffffffn;

/**
 * Installs QEMU's PSCI firmware on every CPU. Like QEMU, every call through the conduit is a
 * firmware call (an unknown function returns NOT_SUPPORTED); the conduit is HVC on a CPU
 * without EL2 and SMC on one with EL2. SYSTEM_OFF stops the run with exit code 0 (QEMU exits
 * with status 0); SYSTEM_RESET stops it with a 'requested' reason.
 */
export function installPsci(m: Machine, hooks: PsciHooks = {}): void {
  const byMpidr = (mpidr: bigint): Cpu | undefined =>
    m.cpus.find((c) => (c.mpidr & MPIDR_AFF_MASK) === (mpidr & MPIDR_AFF_MASK));

  const call = (cpu: Cpu): bigint => {
    const fn = Number(cpu.x(0) & 0xffffffffn);
    const a1 = cpu.x(1);
    const a2 = cpu.x(2);
    const a3 = cpu.x(3);
    switch (fn) {
      case PSCI.VERSION:
        return BigInt(PSCI_VERSION_1_1);
      case PSCI.FEATURES:
        return SUPPORTED.has(Number(a1 & 0xffffffffn)) && a1 >> 32n === 0n
          ? 0n
          : BigInt(PSCI_RET.NOT_SUPPORTED);
      case PSCI.MIGRATE_INFO_TYPE:
        return 2n; // no Trusted OS that needs migration
      case PSCI.AFFINITY_INFO:
      case PSCI.AFFINITY_INFO64: {
        if (a2 !== 0n) return BigInt(PSCI_RET.INVALID_PARAMETERS);
        const t = byMpidr(fn === PSCI.AFFINITY_INFO ? a1 & 0xffffffffn : a1);
        if (!t) return BigInt(PSCI_RET.INVALID_PARAMETERS);
        return t.off ? 1n : 0n;
      }
      case PSCI.CPU_ON:
      case PSCI.CPU_ON64: {
        const t = byMpidr(fn === PSCI.CPU_ON ? a1 & 0xffffffffn : a1);
        if (!t) return BigInt(PSCI_RET.INVALID_PARAMETERS);
        if (!t.off) return BigInt(PSCI_RET.ALREADY_ON);
        powerOn(t, cpu.el, fn === PSCI.CPU_ON ? a2 & 0xffffffffn : a2, a3);
        hooks.poweredOn?.(t);
        return 0n;
      }
      case PSCI.CPU_OFF:
        cpu.off = true;
        cpu.exitInner = true;
        return 0n;
      case PSCI.CPU_SUSPEND:
      case PSCI.CPU_SUSPEND64:
        // A standby state: like WFI, woken by any interrupt.
        cpu.halted = true;
        cpu.exitInner = true;
        return 0n;
      case PSCI.SYSTEM_OFF:
        m.requestStop({ kind: 'exit', code: 0, cpu: cpu.index });
        return 0n;
      case PSCI.SYSTEM_RESET:
        m.requestStop({ kind: 'requested', why: 'PSCI SYSTEM_RESET' });
        return 0n;
      default:
        return BigInt(PSCI_RET.NOT_SUPPORTED);
    }
  };

  for (const cpu of m.cpus) {
    cpu.firmwareCall = (c, conduit) => {
      if (conduit !== (c.hasEL2 ? 'smc' : 'hvc')) return false;
      c.setX(0, BigInt.asUintN(64, call(c)));
      return true;
    };
  }
}

/** CPU_ON: the target starts at the caller's EL, MMU off, at `entry` with X0 = context. */
function powerOn(t: Cpu, el: number, entry: bigint, context: bigint): void {
  t.resetCore();
  t.setMode(el, 1);
  t.pc = entry;
  t.setX(0, context);
}
