import { bootLinuxImage, createVirtBoard, virtDeviceTree } from '@hypsim/board-virt';
import { fpsimdPlugin } from '@hypsim/ext-fpsimd';
import { SPE_DEFAULT_IRQ, spePlugin } from '@hypsim/ext-spe';
import { stage2Plugin } from '@hypsim/ext-stage2';
import { SVE_PLUGIN_ID, svePlugin } from '@hypsim/ext-sve';
import {
  createMachine,
  installSemihosting,
  loadElf,
  loadRaw,
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
  /**
   * Maximum SVE vector length in bits of every CPU (`-cpu max,sve-max-vq=BITS/128`); default
   * {@link DEFAULT_BARE_METAL_SVE_VL}, QEMU's `-cpu max` in system mode.
   */
  sveVl?: number;
  /**
   * FEAT_SPE (the Statistical Profiling Extension, ext-spe) on every CPU; default true. QEMU
   * does not model SPE, so this is the one way `hypsim run`'s CPU goes beyond `-cpu max`
   * (nothing QEMU-compared reads ID_AA64DFR0_EL1.PMSVer).
   */
  spe?: boolean;
  /** SPE profiling-buffer write order (ext-spe `writeOrder`; default 'sequential'). */
  speWriteOrder?: 'sequential' | 'unordered';
  /** RAM size in bytes at 0x40000000 (default 128 MiB, like QEMU). */
  memory?: number;
  /** Number of CPUs (`-smp N`, default 1); secondaries wait for PSCI CPU_ON. */
  smp?: number;
  /** Kernel command line (/chosen/bootargs). */
  append?: string;
  /** Initial ramdisk, loaded and described in /chosen (non-ELF images). */
  initrd?: Uint8Array;
  /** Bytes the guest writes to the PL011 UART (default: discarded). */
  uartWrite?: (byte: number) => void;
  /** Host input for the PL011 (see VirtBoardOptions.uartRead); none by default. */
  uartRead?: (block: boolean) => number;
  /** Instruction budget; unlimited when absent. */
  maxInsns?: number;
  /** Unaligned accesses with the MMU off: 'allow' like QEMU 7.2 (default), 'fault' per the Arm ARM. */
  mmuOffAlignment?: 'allow' | 'fault';
  /** TLB policy: 'walk' (default) or 'strict' (stale entries stay until a TLBI covers them). */
  tlbPolicy?: 'walk' | 'strict';
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

/**
 * QEMU 7.2's `-cpu max` in system mode implements every vector length up to 2048 bits (user mode
 * and hypsim's plugin default to 512); the bare-metal machine follows system-mode QEMU.
 */
export const DEFAULT_BARE_METAL_SVE_VL = 2048;

/** The CPU of QEMU's `-cpu max` as far as hypsim implements it. */
export function maxCpuFeatures(el2: boolean): string[] {
  return [
    'FEAT_FP',
    'FEAT_AdvSIMD',
    'FEAT_FRINTTS',
    'FEAT_JSCVT',
    'FEAT_CRC32',
    'FEAT_LSE',
    'FEAT_LRCPC',
    'FEAT_LRCPC2',
    'FEAT_SVE',
    ...(el2 ? ['FEAT_AA64EL2', 'FEAT_VHE'] : []),
  ];
}

/**
 * Whether to boot a file with the Linux `Image` protocol rather than as an ELF: it is not an ELF
 * and either has the arm64 `Image` header (`ARM\x64` at 0x38) or is named like a raw image
 * (`Image*`, `*.bin`, `*.flat`, `*.img`). Anything else still goes to the ELF loader, so a file
 * that is neither (a typo, a text file) is reported as a bad ELF instead of being executed.
 */
export function isRawImage(image: Uint8Array, file: string): boolean {
  if (image[0] === 0x7f && image[1] === 0x45 && image[2] === 0x4c && image[3] === 0x46)
    return false;
  const magic =
    image.length >= 64 &&
    image[0x38] === 0x41 &&
    image[0x39] === 0x52 &&
    image[0x3a] === 0x4d &&
    image[0x3b] === 0x64;
  const base = file.split(/[\\/]/).pop() ?? file;
  return magic || /^Image/.test(base) || /\.(bin|flat|img)$/i.test(base);
}

/** The SPE buffer interrupt the device tree names, or undefined when the CPUs have no SPE. */
function speIrqOf(opts: BareMetalOptions): number | undefined {
  return opts.spe === false ? undefined : SPE_DEFAULT_IRQ;
}

/** The DTB QEMU's `virt` would give this configuration (`--dump-dtb`). */
export function deviceTreeFor(
  opts: BareMetalOptions,
  initrd?: { start: number; end: number },
): Uint8Array {
  const el2 = opts.el2 ?? false;
  return virtDeviceTree({
    ramBase: RAM_BASE,
    ramSize: opts.memory ?? 128 * 1024 * 1024,
    cpuAffinities: Array.from({ length: opts.smp ?? 1 }, (_, i) => i),
    psciMethod: el2 ? 'smc' : 'hvc',
    el2,
    bootargs: opts.append,
    initrd,
    speIrq: speIrqOf(opts),
  }).toBlob();
}

/**
 * Builds the machine `qemu-system-aarch64 -M virt,gic-version=3 -cpu max -nographic
 * -semihosting -kernel` gives an image: RAM at 0x40000000, the QEMU-`virt` board (GICv3, timer,
 * PL011, PSCI), CPU 0 in EL1h (EL2h with `el2`), MMU off, DAIF masked, semihosting. An ELF is
 * loaded at its physical addresses and entered at its entry point (QEMU then puts the DTB at the
 * bottom of RAM); anything else boots with the Linux `Image` protocol (x0 = DTB).
 */
export function prepareBareMetal(image: Uint8Array, file: string, opts: BareMetalOptions): Machine {
  const el2 = opts.el2 ?? false;
  const ramSize = opts.memory ?? 128 * 1024 * 1024;
  const m = createMachine({
    name: 'virt-bare-metal',
    seed: opts.seed ?? 1,
    cpus: [
      {
        count: opts.smp ?? 1,
        features: [...maxCpuFeatures(el2), ...(opts.spe === false ? [] : ['FEAT_SPE'])],
        options: { [SVE_PLUGIN_ID]: { maxVl: opts.sveVl ?? DEFAULT_BARE_METAL_SVE_VL } },
      },
    ],
    memory: [{ name: 'ram', base: RAM_BASE, size: ramSize }],
    mmuOffAlignment: opts.mmuOffAlignment ?? 'allow',
    tlbPolicy: opts.tlbPolicy ?? 'walk',
    plugins: [
      { plugin: fpsimdPlugin },
      { plugin: svePlugin },
      { plugin: stage2Plugin },
      { plugin: spePlugin, options: { writeOrder: opts.speWriteOrder ?? 'sequential' } },
      { plugin: createVirtBoard({ uartWrite: opts.uartWrite, uartRead: opts.uartRead }) },
    ],
  });
  installSemihosting(m, { write: opts.write, readByte: opts.readByte, cmdline: file });
  if (!isRawImage(image, file)) {
    const img = loadElf(m.bus, image, file);
    const cpu = m.cpus[0]!;
    // Like QEMU, the DTB sits at the bottom of RAM when the image leaves room for it.
    const dtb = deviceTreeFor(opts);
    if (
      img.segments.every((s) => s.paddr >= RAM_BASE + dtb.length || s.paddr + s.memsz <= RAM_BASE)
    )
      loadRaw(m.bus, dtb, RAM_BASE, 'dtb');
    cpu.setMode(el2 ? 2 : 1, 1);
    cpu.daif = 0xf;
    cpu.pc = img.entry;
  } else {
    bootLinuxImage(m, image, {
      ramBase: RAM_BASE,
      ramSize,
      el2,
      bootargs: opts.append,
      initrd: opts.initrd,
      file,
      speIrq: speIrqOf(opts),
    });
  }
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
