import { describe, expect, it } from 'vitest';
import { Bus } from '../memory/bus.js';
import { WalkResult, walkTables, type WalkParams } from './walk.js';

const RAM = 0x4000_0000;

function bus(): Bus {
  const b = new Bus();
  b.addRam('ram', RAM, 0x100_0000);
  return b;
}

const d = (b: Bus, pa: number, v: bigint): void => b.write(pa, 8, v);

function walk(b: Bus, p: WalkParams, ia: number): WalkResult {
  const r = new WalkResult();
  walkTables(b, p, ia, r, undefined, undefined);
  return r;
}

describe('walkTables (descriptor decoding)', () => {
  const p4k: WalkParams = { granule: 12, inputBits: 39, startLevel: 1, base: RAM, paBits: 48 };

  it('4 KB: 1 GB block at level 1, 2 MB block at level 2, page at level 3', () => {
    const b = bus();
    d(b, RAM + 8 * 1, 0x4000_0000n | 0x401n); // L1[1]: 1 GB block
    d(b, RAM + 8 * 2, BigInt(RAM + 0x1000) | 3n); // L1[2]: table
    d(b, RAM + 0x1000 + 8 * 3, 0xc00_0000n | 0x401n); // L2[3]: 2 MB block
    d(b, RAM + 0x1000 + 8 * 4, BigInt(RAM + 0x2000) | 3n); // L2[4]: table
    d(b, RAM + 0x2000 + 8 * 5, 0x1234_5000n | 0x403n); // L3[5]: page
    let r = walk(b, p4k, 0x4123_4567);
    expect([r.fault, r.level, r.shift, r.oa]).toEqual([-1, 1, 30, 0x4123_4000]);
    r = walk(b, p4k, 0x8000_0000 + 3 * 0x20_0000 + 0x1_2345);
    expect([r.fault, r.level, r.shift, r.oa]).toEqual([-1, 2, 21, 0xc01_2000]);
    r = walk(b, p4k, 0x8000_0000 + 4 * 0x20_0000 + 5 * 0x1000 + 0x10);
    expect([r.fault, r.level, r.shift, r.oa]).toEqual([-1, 3, 12, 0x1234_5000]);
  });

  it('faults: invalid entry, reserved level-3 encoding, block at level 0, address size', () => {
    const b = bus();
    expect(walk(b, p4k, 0x4000_0000).fault).toBe(0x05);
    d(b, RAM + 8 * 2, BigInt(RAM + 0x1000) | 3n);
    d(b, RAM + 0x1000, BigInt(RAM + 0x2000) | 3n);
    d(b, RAM + 0x2000, 0x5000_0000n | 0x401n); // "block" at level 3: reserved
    expect(walk(b, p4k, 0x8000_0000).fault).toBe(0x07);
    const p0: WalkParams = { granule: 12, inputBits: 48, startLevel: 0, base: RAM, paBits: 48 };
    d(b, RAM, 0x4000_0000n | 0x401n); // block at level 0: not with 4 KB
    expect(walk(b, p0, 0x1000).fault).toBe(0x04);
    const p32: WalkParams = { ...p4k, paBits: 32 };
    d(b, RAM + 8 * 3, 0x1_0000_0000n | 3n); // table above a 32-bit PA size
    expect(walk(b, p32, 0xc000_0000).fault).toBe(0x01);
    expect(walk(bus(), { ...p4k, base: 0x10_0000 }, 0).fault).toBe(0x15); // no memory: SEA on walk
  });

  it('accumulates APTable/XNTable/PXNTable', () => {
    const b = bus();
    d(b, RAM + 8 * 2, BigInt(RAM + 0x1000) | 3n | (1n << 61n) | (1n << 59n));
    d(b, RAM + 0x1000, BigInt(RAM + 0x2000) | 3n | (1n << 62n) | (1n << 60n));
    d(b, RAM + 0x2000, 0x5000_0000n | 0x403n);
    const r = walk(b, p4k, 0x8000_0000);
    expect(r.fault).toBe(-1);
    expect(r.tableAttrs).toBe(0b1111);
  });

  it('64 KB granule: level-2 start, 512 MB blocks, 64 KB pages', () => {
    const b = bus();
    const p: WalkParams = { granule: 16, inputBits: 42, startLevel: 2, base: RAM, paBits: 48 };
    d(b, RAM + 8 * 1, 0x6000_0000n | 0x401n); // L2[1]: 512 MB block
    d(b, RAM + 8 * 2, BigInt(RAM + 0x1_0000) | 3n);
    d(b, RAM + 0x1_0000 + 8 * 3, 0x7_0000n | 0x403n); // L3[3]: 64 KB page
    let r = walk(b, p, 0x2000_0000 + 0x123_4567);
    expect([r.fault, r.level, r.shift, r.oa]).toEqual([-1, 2, 29, 0x6123_4000]);
    r = walk(b, p, 0x4000_0000 + 3 * 0x1_0000 + 0x5678);
    expect([r.fault, r.level, r.shift, r.oa]).toEqual([-1, 3, 16, 0x7_5000]);
  });

  it('concatenated start-level tables (stage 2): two level-1 tables for a 40-bit input', () => {
    const b = bus();
    const p: WalkParams = { granule: 12, inputBits: 40, startLevel: 1, base: RAM, paBits: 48 };
    d(b, RAM + 8 * 600, 0x4000_0000n | 0x401n); // entry 600 lives in the second table
    const r = walk(b, p, 600 * 2 ** 30 + 0x10);
    expect([r.fault, r.oa]).toEqual([-1, 0x4000_0000]);
  });
});
