import { describe, expect, it } from 'vitest';
import { instructionSyndrome } from './isv.js';

/** ISS[24:14] as QEMU 7.2 reports it (see guests/mmu/expected/mmu_s2.stdout). */
const iss = (sas: number, sse: number, srt: number, sf: number, ar: number): number =>
  ((1 << 24) | (sas << 22) | (sse << 21) | (srt << 16) | (sf << 15) | (ar << 14)) >>> 0;

describe('instructionSyndrome', () => {
  it('single-register loads and stores without writeback', () => {
    expect(instructionSyndrome(0xf9400020)).toBe(iss(3, 0, 0, 1, 0)); // ldr x0, [x1]
    expect(instructionSyndrome(0xf9000020)).toBe(iss(3, 0, 0, 1, 0)); // str x0, [x1]
    expect(instructionSyndrome(0x79c00c22)).toBe(iss(1, 1, 2, 0, 0)); // ldrsh w2, [x1, #6]
    expect(instructionSyndrome(0x38646825)).toBe(iss(0, 0, 5, 0, 0)); // ldrb w5, [x1, x4]
    expect(instructionSyndrome(0xb9802c2b)).toBe(iss(2, 1, 11, 1, 0)); // ldrsw x11, [x1, #44]
    expect(instructionSyndrome(0xf8400820)).toBe(iss(3, 0, 0, 1, 0)); // ldtr x0, [x1]
    expect(instructionSyndrome(0x58000040)).toBe(iss(3, 0, 0, 1, 0)); // ldr x0, literal
  });

  it('acquire/release', () => {
    expect(instructionSyndrome(0xc8dffc23)).toBe(iss(3, 0, 3, 1, 1)); // ldar x3, [x1]
    expect(instructionSyndrome(0x889ffc2c)).toBe(iss(2, 0, 12, 0, 1)); // stlr w12, [x1]
  });

  it('no syndrome: writeback, pairs, exclusives, SIMD&FP', () => {
    expect(instructionSyndrome(0xf84084e8)).toBe(0); // ldr x8, [x7], #8
    expect(instructionSyndrome(0xa9402829)).toBe(0); // ldp x9, x10, [x1]
    expect(instructionSyndrome(0xc85f7c20)).toBe(0); // ldxr x0, [x1]
    expect(instructionSyndrome(0xfd400020)).toBe(0); // ldr d0, [x1]
  });
});
