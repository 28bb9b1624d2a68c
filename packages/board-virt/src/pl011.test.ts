import { describe, expect, it } from 'vitest';
import { Pl011, PL011_ID } from './pl011.js';

function uart() {
  const out: number[] = [];
  const spi: Array<[number, boolean]> = [];
  const u = new Pl011({
    write: (b) => out.push(b),
    intid: 33,
    irq: { setPpi: () => undefined, setSpi: (i, l) => spi.push([i, l]) },
  });
  return { u, out, spi };
}

describe('PL011', () => {
  it('has QEMU’s peripheral and PrimeCell IDs and reset values', () => {
    const { u } = uart();
    expect(PL011_ID.map((_, i) => Number(u.read(0xfe0 + 4 * i, 4)))).toEqual([
      0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
    ]);
    expect(u.read(0x18, 4)).toBe(0x90n);
    expect(u.read(0x30, 4)).toBe(0x300n);
    expect(u.read(0x34, 4)).toBe(0x12n);
  });

  it('transmits, raises TX and signals its SPI when unmasked', () => {
    const { u, out, spi } = uart();
    u.write(0, 4, 0x41n);
    expect(out).toEqual([0x41]);
    expect(u.read(0x3c, 4) & 0x20n).toBe(0x20n);
    expect(spi).toEqual([]);
    u.write(0x38, 4, 0x20n);
    expect(spi).toEqual([[33, true]]);
    u.write(0x44, 4, 0x20n);
    expect(spi).toEqual([
      [33, true],
      [33, false],
    ]);
  });

  it('receives into its FIFO', () => {
    const { u } = uart();
    u.receive(0x61);
    expect(u.read(0x18, 4) & 0x10n).toBe(0n);
    expect(u.read(0, 4)).toBe(0x61n);
    expect(u.read(0x18, 4) & 0x10n).toBe(0x10n);
  });
});
