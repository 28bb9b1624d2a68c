import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Bus } from '../memory/bus.js';
import { ImageError, loadElf, loadRaw } from './elf.js';

const hello = readFileSync(
  fileURLToPath(new URL('../../../../guests/bin/hello.elf', import.meta.url)),
);

function ram(): Bus {
  const b = new Bus();
  b.addRam('ram', 0x4000_0000, 0x0100_0000);
  return b;
}

function patched(offset: number, bytes: number[]): Uint8Array {
  const c = Uint8Array.from(hello);
  c.set(bytes, offset);
  return c;
}

describe('loadElf', () => {
  it('loads the PT_LOAD segments of a real guest at their physical addresses', () => {
    const b = ram();
    const img = loadElf(b, hello, 'hello.elf');
    expect(img.entry).toBe(0x4008_0000n);
    expect(img.segments.length).toBeGreaterThan(0);
    const dv = new DataView(hello.buffer, hello.byteOffset);
    const phoff = Number(dv.getBigUint64(32, true));
    const off = Number(dv.getBigUint64(phoff + 8, true));
    // The first word of the first segment in memory equals the file's.
    expect(b.read32(img.segments[0]!.paddr)).toBe(dv.getUint32(off, true));
  });

  const bad: Array<[string, Uint8Array, RegExp]> = [
    ['a short file', hello.subarray(0, 20), /20 bytes is too short/],
    ['bad magic', patched(0, [0x7f, 0x45, 0x4c, 0x47]), /not an ELF file \(bad magic\)/],
    ['ELF32', patched(4, [1]), /ELF class 1 is not ELFCLASS64/],
    ['big-endian', patched(5, [2]), /not little-endian/],
    ['x86-64', patched(18, [62, 0]), /e_machine 62 is not EM_AARCH64/],
    ['a truncated segment', hello.subarray(0, 0x200), /run(s)? past the end of the file/],
  ];
  for (const [what, data, msg] of bad) {
    it(`rejects ${what} with the file name and the reason, writing nothing`, () => {
      const b = ram();
      expect(() => loadElf(b, data, 'x.elf')).toThrow(ImageError);
      expect(() => loadElf(b, data, 'x.elf')).toThrow(msg);
      expect(() => loadElf(b, data, 'x.elf')).toThrow(/^x\.elf: /);
      expect(b.read32(0x4008_0000)).toBe(0);
    });
  }

  it('rejects segments outside RAM and says where RAM is', () => {
    const b = new Bus();
    b.addRam('ram', 0x8000_0000, 0x1000);
    expect(() => loadElf(b, hello, 'hello.elf')).toThrow(
      /segment \d+ \[0x4008.*is not inside RAM \(RAM: \[0x80000000, 0x80001000\)\)/,
    );
  });
});

describe('loadRaw', () => {
  it('places bytes at an address inside RAM and refuses holes', () => {
    const b = ram();
    expect(loadRaw(b, Uint8Array.of(1, 2, 3, 4), 0x4000_1000).entry).toBe(0x4000_1000n);
    expect(b.read32(0x4000_1000)).toBe(0x04030201);
    expect(() => loadRaw(b, Uint8Array.of(1), 0x1000, 'fw.bin')).toThrow(
      /fw\.bin: .* is not inside RAM/,
    );
  });
});
