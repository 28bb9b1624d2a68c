import { describe, expect, it } from 'vitest';
import { Bus, BusError, type MmioDevice } from './bus.js';

function device(log: string[]): MmioDevice {
  return {
    read: (off, size) => {
      log.push(`r${size}@${off}`);
      return 0x1122334455667788n;
    },
    write: (off, size, v) => {
      log.push(`w${size}@${off}=${v.toString(16)}`);
    },
  };
}

describe('Bus', () => {
  it('does little-endian 8/16/32/64-bit RAM accesses, unaligned included', () => {
    const b = new Bus();
    b.addRam('ram', 0x4000_0000, 0x1000);
    b.write64(0x4000_0001, 0x89abcdef, 0x01234567);
    expect(b.read8(0x4000_0001)).toBe(0xef);
    expect(b.read16(0x4000_0002)).toBe(0xabcd);
    expect(b.read32(0x4000_0005)).toBe(0x01234567);
    expect(b.read(0x4000_0001, 8)).toBe(0x0123456789abcdefn);
    expect(b.read64(0x4000_0001)).toBe(0x89abcdef);
    expect(b.hi).toBe(0x01234567);
  });

  it('rejects overlapping regions and devices, naming both', () => {
    const b = new Bus();
    b.addRam('ram', 0x4000_0000, 0x1000);
    b.addDevice('uart', 0x0900_0000, 0x1000, device([]));
    expect(() => b.addRam('ram2', 0x4000_0800, 0x1000)).toThrow(/ram2 .* overlaps ram/);
    expect(() => b.addDevice('gic', 0x0900_0fff, 0x10, device([]))).toThrow(/gic .* overlaps uart/);
    expect(() => b.addDevice('ok', 0x0900_1000, 0x10, device([]))).not.toThrow();
  });

  it('routes MMIO to the device at its offset with the access size', () => {
    const log: string[] = [];
    const b = new Bus();
    b.addDevice('dev', 0x0900_0000, 0x1000, device(log));
    expect(b.read32(0x0900_0010)).toBe(0x55667788);
    b.write16(0x0900_0020, 0xbeef);
    expect(b.read(0x0900_0008, 8)).toBe(0x1122334455667788n);
    expect(log).toEqual(['r4@16', 'w2@32=beef', 'r8@8']);
  });

  it('throws BusError for accesses to nothing, and for accesses running off a device', () => {
    const b = new Bus();
    b.addRam('ram', 0x4000_0000, 0x1000);
    b.addDevice('dev', 0x0900_0000, 0x10, device([]));
    expect(() => b.read32(0x1000)).toThrow(BusError);
    expect(() => b.write8(0x5000_0000, 1)).toThrow(/write of 1 byte\(s\) at PA 0x50000000/);
    expect(() => b.read64(0x0900_000c)).toThrow(BusError);
    expect(() => b.readBytes(0x4000_0ff0, 0x20)).toThrow(BusError);
  });

  it('splits an access that straddles the end of RAM', () => {
    const b = new Bus();
    b.addRam('a', 0x4000_0000, 0x1000);
    b.addRam('b', 0x4000_1000, 0x1000);
    b.write32(0x4000_0ffe, 0xaabbccdd);
    expect(b.read8(0x4000_0ffe)).toBe(0xdd);
    expect(b.read8(0x4000_1001)).toBe(0xaa);
    expect(b.read32(0x4000_0ffe)).toBe(0xaabbccdd);
  });
});
