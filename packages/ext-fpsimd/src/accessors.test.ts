import { describe, expect, it } from 'vitest';
import { createMachine } from '@hypsim/core';
import { setV, v, vBytes, vLanes } from './accessors.js';
import { restoreFpsimd, saveFpsimd, FPSIMD_STATE_BYTES } from './layout.js';
import { fpsimdPlugin } from './plugin.js';
import { fpState } from './state.js';

const machine = () =>
  createMachine({
    cpus: [{ features: ['FEAT_FP', 'FEAT_AdvSIMD'] }],
    plugins: [{ plugin: fpsimdPlugin }],
  });

describe('V register accessors and the 528-byte layout', () => {
  it('reads and writes Vn as bytes, lanes and 128-bit values, little-endian', () => {
    const cpu = machine().cpus[0]!;
    setV(cpu, 3, 0x0f0e0d0c_0b0a0908_07060504_03020100n);
    expect(Array.from(vBytes(cpu, 3))).toEqual([...Array(16).keys()]);
    expect(vLanes(cpu, 3, 'u32')).toEqual([0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c]);
    expect(vLanes(cpu, 3, 'u64')).toEqual([0x0706050403020100n, 0x0f0e0d0c0b0a0908n]);
    setV(cpu, 4, BigInt('0x' + '3ff0000000000000'.padStart(32, '0')));
    expect(vLanes(cpu, 4, 'f64')).toEqual([1, 0]);
    expect(v(cpu, 3)).toBe(0x0f0e0d0c_0b0a0908_07060504_03020100n);
    expect(() => v(cpu, 32)).toThrow(/V0–V31/);
  });

  it('saves V0–V31, FPSR at 512 and FPCR at 516, and restores them', () => {
    const cpu = machine().cpus[0]!;
    for (let n = 0; n < 32; n++)
      setV(cpu, n, BigInt(n) * 0x0101_0101_0101_0101_0101_0101_0101_0101n);
    fpState(cpu).fpsr = 0x0800_0010;
    fpState(cpu).fpcr = 0x0340_0000;
    const bytes = saveFpsimd(cpu);
    expect(bytes.length).toBe(FPSIMD_STATE_BYTES);
    expect(bytes[16 * 5]).toBe(5);
    expect(new DataView(bytes.buffer).getUint32(512, true)).toBe(0x0800_0010);
    expect(new DataView(bytes.buffer).getUint32(516, true)).toBe(0x0340_0000);
    const other = machine().cpus[0]!;
    restoreFpsimd(other, bytes);
    expect(v(other, 31)).toBe(31n * 0x0101_0101_0101_0101_0101_0101_0101_0101n);
    expect(fpState(other).fpcr).toBe(0x0340_0000);
  });

  it('clears the bits above 128 when the register file is wider (SVE)', () => {
    const cpu = machine().cpus[0]!;
    const s = fpState(cpu);
    s.setStride(8);
    s.z.fill(-1);
    setV(cpu, 2, 1n);
    expect(Array.from(s.z.subarray(16, 24))).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.z[24]).toBe(-1); // V3 untouched
  });
});
