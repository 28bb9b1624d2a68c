import type { Bus } from '../memory/bus.js';

/** A malformed or unloadable image. The message names the file and what is wrong. */
export class ImageError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ImageError';
  }
}

export interface LoadedSegment {
  paddr: number;
  filesz: number;
  memsz: number;
}

export interface LoadedImage {
  entry: bigint;
  segments: LoadedSegment[];
  /** One past the highest byte loaded. */
  end: number;
}

const PT_LOAD = 1;
const EM_AARCH64 = 183;

function hex(n: number | bigint): string {
  return `0x${n.toString(16)}`;
}

/**
 * Loads an ELF64 little-endian AArch64 executable: every PT_LOAD segment at its physical
 * address (p_paddr), file bytes then zeros up to p_memsz. Each segment must lie entirely in
 * RAM. Nothing is written unless every check passes.
 */
export function loadElf(bus: Bus, data: Uint8Array, file = 'image'): LoadedImage {
  const fail = (reason: string): never => {
    throw new ImageError(file, reason);
  };
  if (data.length < 64) fail(`${data.length} bytes is too short for an ELF header (64 bytes)`);
  if (data[0] !== 0x7f || data[1] !== 0x45 || data[2] !== 0x4c || data[3] !== 0x46)
    fail('not an ELF file (bad magic)');
  if (data[4] !== 2) fail(`ELF class ${data[4]} is not ELFCLASS64`);
  if (data[5] !== 1) fail('not little-endian (EI_DATA must be ELFDATA2LSB)');
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const type = dv.getUint16(16, true);
  const machine = dv.getUint16(18, true);
  if (machine !== EM_AARCH64) fail(`e_machine ${machine} is not EM_AARCH64 (183)`);
  if (type !== 2 && type !== 3) fail(`e_type ${type} is neither ET_EXEC nor ET_DYN`);
  const entry = dv.getBigUint64(24, true);
  const phoff = Number(dv.getBigUint64(32, true));
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  if (phnum === 0) fail('no program headers');
  if (phentsize < 56) fail(`e_phentsize ${phentsize} is smaller than an ELF64 program header (56)`);
  if (phoff + phnum * phentsize > data.length)
    fail(
      `program header table [${hex(phoff)}, ${hex(phoff + phnum * phentsize)}) runs past the end of the file (${data.length} bytes)`,
    );

  const segments: Array<LoadedSegment & { offset: number; index: number }> = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (dv.getUint32(o, true) !== PT_LOAD) continue;
    const offset = Number(dv.getBigUint64(o + 8, true));
    const paddr = Number(dv.getBigUint64(o + 24, true));
    const filesz = Number(dv.getBigUint64(o + 32, true));
    const memsz = Number(dv.getBigUint64(o + 40, true));
    if (memsz === 0) continue;
    if (filesz > memsz) fail(`segment ${i}: p_filesz ${hex(filesz)} exceeds p_memsz ${hex(memsz)}`);
    if (offset + filesz > data.length)
      fail(
        `segment ${i}: file bytes [${hex(offset)}, ${hex(offset + filesz)}) run past the end of the file (${data.length} bytes)`,
      );
    if (!Number.isSafeInteger(paddr + memsz) || !bus.isRam(paddr, memsz)) {
      const ram = bus.rams.map((r) => `[${hex(r.base)}, ${hex(r.end)})`).join(', ') || 'none';
      fail(`segment ${i} [${hex(paddr)}, ${hex(paddr + memsz)}) is not inside RAM (RAM: ${ram})`);
    }
    segments.push({ paddr, filesz, memsz, offset, index: i });
  }
  if (segments.length === 0) fail('no loadable (PT_LOAD) segments');
  for (const s of segments) {
    bus.writeBytes(s.paddr, data.subarray(s.offset, s.offset + s.filesz));
    if (s.memsz > s.filesz) bus.writeBytes(s.paddr + s.filesz, new Uint8Array(s.memsz - s.filesz));
  }
  return {
    entry,
    segments: segments.map(({ paddr, filesz, memsz }) => ({ paddr, filesz, memsz })),
    end: Math.max(...segments.map((s) => s.paddr + s.memsz)),
  };
}

/** Loads a raw binary at a physical address (which must be RAM). */
export function loadRaw(bus: Bus, data: Uint8Array, address: number, file = 'image'): LoadedImage {
  if (!bus.isRam(address, Math.max(1, data.length)))
    throw new ImageError(
      file,
      `[${hex(address)}, ${hex(address + data.length)}) is not inside RAM`,
    );
  bus.writeBytes(address, data);
  return {
    entry: BigInt(address),
    segments: [{ paddr: address, filesz: data.length, memsz: data.length }],
    end: address + data.length,
  };
}
