import { describe, expect, it } from 'vitest';
import { urecpe32, ursqrte32 } from './estimate.js';

/** The integer estimate helpers (URECPE/URSQRTE lanes); values from qemu-aarch64 7.2. */
describe('unsigned estimates', () => {
  it.each([
    [0x7fffffff, 0xffffffff],
    [0x80000000, 0xff800000],
    [0xc0000000, 0xaa800000],
    [0xffffffff, 0x80000000],
  ])('urecpe %s', (x, want) => {
    expect(urecpe32(x | 0) >>> 0).toBe(want);
  });
  it.each([
    [0x3fffffff, 0xffffffff],
    [0x40000000, 0xff800000],
    [0x80000000, 0xb4800000],
    [0xffffffff, 0x80000000],
  ])('ursqrte %s', (x, want) => {
    expect(ursqrte32(x | 0) >>> 0).toBe(want);
  });
});
