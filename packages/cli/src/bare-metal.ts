import { installPsci } from '@hypsim/board-virt';
import { fpsimdPlugin } from '@hypsim/ext-fpsimd';
import {
  createMachine,
  installSemihosting,
  loadElf,
  type Machine,
  type StopReason,
} from '@hypsim/core';

/** Exit statuses of `hypsim run` that are not the guest's own. */
export const STATUS = {
  /** The instruction budget (--max-insns) ran out before the guest exited. */
  budget: 124,
  /** Every CPU waits (WFI) and nothing can wake it. */
  halted: 123,
  /** hypsim itself could not run the image (bad file, bad option). */
  error: 125,
} as const;

export interface BareMetalOptions {
  /** Start at EL2 (like `-M virt,virtualization=on`) instead of EL1. */
  el2?: boolean;
  /** RAM size in bytes at 0x40000000 (default 128 MiB, like QEMU). */
  memory?: number;
  /** Instruction budget; unlimited when absent. */
  maxInsns?: number;
  /** Unaligned accesses with the MMU off: 'allow' like QEMU 7.2 (default), 'fault' per the Arm ARM. */
  mmuOffAlignment?: 'allow' | 'fault';
  /** Guest output (semihosting handles 1 and 2). */
  write: (fd: 1 | 2, bytes: Uint8Array) => void;
  readByte?: () => number;
  /** Called before each instruction (slow: for --trace-insns). */
  trace?: (m: Machine, cpu: number, pc: bigint, insn: number) => void;
  seed?: number;
}

export interface BareMetalResult {
  machine: Machine;
  stop: StopReason;
  /** The process exit status `hypsim run` uses for this stop. */
  status: number;
  /** Instructions executed (all CPUs). */
  instructions: number;
}

export const RAM_BASE = 0x4000_0000;

/** The CPU of QEMU's `-cpu max` as far as hypsim implements it. */
export function maxCpuFeatures(el2: boolean): string[] {
  return [
    'FEAT_FP',
    'FEAT_AdvSIMD',
    'FEAT_CRC32',
    'FEAT_LSE',
    'FEAT_LRCPC',
    'FEAT_LRCPC2',
    ...(el2 ? ['FEAT_AA64EL2', 'FEAT_VHE'] : []),
  ];
}

/**
 * Builds the machine `qemu-system-aarch64 -M virt -cpu max -nographic -semihosting -kernel`
 * gives a bare-metal ELF: RAM at 0x40000000, the image loaded at its physical addresses, CPU 0
 * at the entry point in EL1h (EL2h with `el2`), MMU off, DAIF masked; semihosting and PSCI.
 */
export function prepareBareMetal(image: Uint8Array, file: string, opts: BareMetalOptions): Machine {
  const m = createMachine({
    name: 'virt-bare-metal',
    seed: opts.seed ?? 1,
    cpus: [{ count: 1, features: maxCpuFeatures(opts.el2 ?? false) }],
    memory: [{ name: 'ram', base: RAM_BASE, size: opts.memory ?? 128 * 1024 * 1024 }],
    mmuOffAlignment: opts.mmuOffAlignment ?? 'allow',
    plugins: [{ plugin: fpsimdPlugin }],
  });
  const img = loadElf(m.bus, image, file);
  installSemihosting(m, { write: opts.write, readByte: opts.readByte, cmdline: file });
  installPsci(m);
  const cpu = m.cpus[0]!;
  cpu.setMode(opts.el2 ? 2 : 1, 1);
  cpu.daif = 0xf;
  cpu.pc = img.entry;
  if (opts.trace) {
    const trace = opts.trace;
    m.events.on('insn', (e) => trace(m, e.cpu.index, e.pc, e.insn));
  }
  return m;
}

export function statusOf(stop: StopReason): number {
  switch (stop.kind) {
    case 'exit':
      return stop.code & 0xff;
    case 'budget':
      return STATUS.budget;
    case 'halted':
      return STATUS.halted;
    default:
      return STATUS.error;
  }
}

export function runBareMetal(
  image: Uint8Array,
  file: string,
  opts: BareMetalOptions,
): BareMetalResult {
  const m = prepareBareMetal(image, file, opts);
  const stop = m.run(opts.maxInsns === undefined ? {} : { maxInstructions: opts.maxInsns });
  const instructions = m.cpus.reduce((n, c) => n + c.instret, 0);
  return { machine: m, stop, status: statusOf(stop), instructions };
}
