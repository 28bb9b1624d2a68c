import { ImageError, loadRaw, type Machine } from '@hypsim/core';
import { virtDeviceTree } from './fdt.js';

/** `ARM\x64` at offset 0x38 of an arm64 Linux `Image` header. */
const ARM64_IMAGE_MAGIC = 0x644d5241;
/** Load offset of a raw image without a header (QEMU's KERNEL64_LOAD_ADDR). */
const DEFAULT_TEXT_OFFSET = 0x80000;
/** QEMU aligns the DTB to 2 MiB after the initrd on AArch64. */
const DTB_ALIGN = 0x20_0000;

export interface LinuxBootOptions {
  ramBase: number;
  ramSize: number;
  /** The guest starts at EL2 (`virtualization=on`): PSCI through SMC. */
  el2: boolean;
  bootargs?: string;
  initrd?: Uint8Array;
  file?: string;
  /** INTID of the SPE buffer interrupt when the CPUs have SPE (adds the DT node). */
  speIrq?: number;
}

export interface LinuxBootLayout {
  kernel: number;
  entry: number;
  dtb: number;
  dtbBlob: Uint8Array;
  initrd?: { start: number; end: number };
}

/** Where a raw image goes: RAM base + text_offset from its header, 0x80000 without one. */
export function textOffset(image: Uint8Array): number {
  if (image.length < 64) return DEFAULT_TEXT_OFFSET;
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  if (dv.getUint32(0x38, true) !== ARM64_IMAGE_MAGIC) return DEFAULT_TEXT_OFFSET;
  const off = Number(dv.getBigUint64(0x08, true));
  const size = dv.getBigUint64(0x10, true);
  // image_size 0: a kernel older than 3.17, whose text_offset is unreliable (booting.rst).
  return size === 0n ? DEFAULT_TEXT_OFFSET : off;
}

/**
 * Boots a non-ELF image as `qemu-system-aarch64 -M virt -kernel` does: the image at RAM base +
 * text_offset, the initrd at RAM base + min(RAM/2, 128 MiB) (or after the image), the DTB at the
 * next 2 MiB boundary after the initrd; CPU 0 enters with x0 = DTB, x1–x3 = 0 (and x4 = entry,
 * which QEMU's boot stub leaves behind).
 */
export function bootLinuxImage(
  m: Machine,
  image: Uint8Array,
  o: LinuxBootOptions,
): LinuxBootLayout {
  const file = o.file ?? 'image';
  const kernel = o.ramBase + textOffset(image);
  loadRaw(m.bus, image, kernel, file);
  const kernelEnd = kernel + image.length;
  let initrdStart = o.ramBase + Math.min(o.ramSize / 2, 128 * 1024 * 1024);
  if (initrdStart < kernelEnd) initrdStart = (kernelEnd + 0xfff) & ~0xfff;
  let initrd: LinuxBootLayout['initrd'];
  if (o.initrd) {
    loadRaw(m.bus, o.initrd, initrdStart, 'initrd');
    initrd = { start: initrdStart, end: initrdStart + o.initrd.length };
  }
  const dtb = Math.ceil((initrdStart + (o.initrd?.length ?? 0)) / DTB_ALIGN) * DTB_ALIGN;
  const tree = virtDeviceTree({
    ramBase: o.ramBase,
    ramSize: o.ramSize,
    cpuAffinities: m.cpus.map((c) => Number(c.mpidr & 0xffffffn)),
    psciMethod: o.el2 ? 'smc' : 'hvc',
    el2: o.el2,
    bootargs: o.bootargs,
    initrd,
    speIrq: o.speIrq,
  });
  const dtbBlob = tree.toBlob();
  if (dtb + dtbBlob.length > o.ramBase + o.ramSize)
    throw new ImageError(file, 'no room for the device tree after the image and initrd');
  loadRaw(m.bus, dtbBlob, dtb, 'dtb');

  const cpu = m.cpus[0]!;
  cpu.setMode(o.el2 ? 2 : 1, 1);
  cpu.daif = 0xf;
  cpu.pc = BigInt(kernel);
  cpu.setX(0, BigInt(dtb));
  for (let r = 1; r <= 3; r++) cpu.setX(r, 0n);
  cpu.setX(4, BigInt(kernel));
  return { kernel, entry: kernel, dtb, dtbBlob, initrd };
}
