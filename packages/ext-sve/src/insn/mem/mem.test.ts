import { describe, expect, it } from 'vitest';
import { FFR, sveState } from '../../state.js';
import { pHex, runWords, setP, setZWords, sveMachine, zWord } from '../testutil.js';

/**
 * Fault behaviour of the SVE loads beyond what QEMU's user mode can record: a gather that
 * faults leaves Zt unchanged; a first-fault load faults only on its first active element and
 * otherwise clears FFR from the element that would fault; a non-fault load never faults. RAM
 * ends at 0x4800_0000 (sveMachine), so an access there is an external abort.
 */

const RAM_END = 0x4800_0000;
const BASE = 0x4010_0000;
const VL = 256;

const LD1W_GATHER_UXTW = 0x85224001; // ld1w {z1.s}, p0/z, [x0, z2.s, uxtw #2]
const LDFF1W_RR = 0xa5416001; // ldff1w {z1.s}, p0/z, [x0, x1, lsl #2]
const LDFF1W_XZR = 0xa55f6001; // ldff1w {z1.s}, p0/z, [x0, xzr, lsl #2]
const LDNF1W = 0xa550a001; // ldnf1w {z1.s}, p0/z, [x0]
const ST3W = 0xe550e004; // st3w {z4.s-z6.s}, p0, [x0]
const LD3W = 0xa541e004; // ld3w {z4.s-z6.s}, p0/z, [x0, #3, mul vl]
const LD1RW = 0x8542c003; // ld1rw {z3.s}, p0/z, [x0, #8]
const LDFF1D_GATHER = 0xc5e2e001; // ldff1d {z1.d}, p0/z, [x0, z2.d, lsl #3]

function setup(): ReturnType<typeof sveMachine> {
  const m = sveMachine(VL);
  const cpu = m.cpus[0]!;
  setP(cpu, 0, 'ffffffff');
  setP(cpu, FFR, 'ffffffff');
  for (let i = 0; i < 64; i++) m.bus.write32(BASE + 4 * i, 0x1000 + i);
  for (let i = 0; i < 16; i++) m.bus.write32(RAM_END - 64 + 4 * i, 0x2000 + i);
  return m;
}

const words = (cpu: Parameters<typeof zWord>[0], n: number): number[] =>
  Array.from({ length: 8 }, (_, w) => zWord(cpu, n, w));

describe('SVE load fault behaviour', () => {
  it('a faulting gather leaves Zt unchanged and takes a data abort', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    cpu.setX(0, BigInt(BASE));
    setZWords(cpu, 1, [1, 2, 3, 4, 5, 6, 7, 8]);
    // element 5's offset reaches past the end of RAM
    setZWords(cpu, 2, [0, 1, 2, 3, 4, (RAM_END - BASE) / 4, 6, 7]);
    expect(() => runWords(m, [LD1W_GATHER_UXTW])).toThrow(/stopped/);
    expect(Number(cpu.sysreg.peek('ESR_EL1')) >>> 26).toBe(0x25);
    expect(words(cpu, 1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('LDFF1W clears FFR from the first element that would fault', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    cpu.setX(0, BigInt(RAM_END - 12)); // elements 0–2 in RAM, 3–7 beyond
    cpu.setX(1, 0n);
    runWords(m, [LDFF1W_RR]);
    expect(words(cpu, 1)).toEqual([0x200d, 0x200e, 0x200f, 0, 0, 0, 0, 0]);
    expect(pHex(cpu, FFR, VL)).toBe('00000fff');
  });

  it('LDFF1W (XZR index) faults on its first active element', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    setP(cpu, 0, 'fffffff0'); // element 0 inactive: element 1 is the first active one
    cpu.setX(0, BigInt(RAM_END - 4)); // element 1 is beyond RAM
    setZWords(cpu, 1, [9, 9, 9, 9, 9, 9, 9, 9]);
    expect(() => runWords(m, [LDFF1W_XZR])).toThrow(/stopped/);
    expect(words(cpu, 1)).toEqual([9, 9, 9, 9, 9, 9, 9, 9]);
    expect(pHex(cpu, FFR, VL)).toBe('ffffffff');
  });

  it('LDNF1W never faults, even on its first element', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    cpu.setX(0, BigInt(RAM_END));
    setZWords(cpu, 1, [9, 9, 9, 9, 9, 9, 9, 9]);
    runWords(m, [LDNF1W]);
    expect(words(cpu, 1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(pHex(cpu, FFR, VL)).toBe('00000000');
  });

  it('LDFF1D gather: a later element beyond RAM clears FFR from it', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    cpu.setX(0, BigInt(BASE));
    setZWords(cpu, 2, [0, 0, 1, 0, (RAM_END - BASE) / 8, 0, 2, 0]);
    runWords(m, [LDFF1D_GATHER]);
    expect(words(cpu, 1)).toEqual([0x1000, 0x1001, 0x1002, 0x1003, 0, 0, 0, 0]);
    expect(pHex(cpu, FFR, VL)).toBe('0000ffff');
    expect(sveState(cpu).p[FFR * sveState(cpu).maxVq + 1]).toBe(0);
  });

  it('ST3W interleaves three registers; LD3W reads them back', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    cpu.setX(0, BigInt(BASE));
    setZWords(cpu, 4, [10, 11, 12, 13, 14, 15, 16, 17]);
    setZWords(cpu, 5, [20, 21, 22, 23, 24, 25, 26, 27]);
    setZWords(cpu, 6, [30, 31, 32, 33, 34, 35, 36, 37]);
    setP(cpu, 0, '0000ffff'); // elements 0–3
    runWords(m, [ST3W]);
    const got = Array.from({ length: 14 }, (_, i) => m.bus.read32(BASE + 4 * i));
    expect(got).toEqual([10, 20, 30, 11, 21, 31, 12, 22, 32, 13, 23, 33, 0x100c, 0x100d]);
    setP(cpu, 0, 'ffffffff');
    cpu.setX(0, BigInt(BASE - 3 * 32));
    runWords(m, [LD3W]);
    expect(words(cpu, 4).slice(0, 5)).toEqual([10, 11, 12, 13, 0x100c]);
    expect(words(cpu, 6).slice(0, 5)).toEqual([30, 31, 32, 33, 0x100e]);
  });

  it('LD1RW replicates one word to the active elements', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    cpu.setX(0, BigInt(BASE));
    setP(cpu, 0, '0f0f0f0f'); // elements 0, 2, 4, 6
    runWords(m, [LD1RW]);
    expect(words(cpu, 3)).toEqual([0x1002, 0, 0x1002, 0, 0x1002, 0, 0x1002, 0]);
  });

  it('LDFF1W with the MMU on: an unmapped page clears FFR instead of faulting', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    // 39-bit VAs, 4 KB granule: 0x4000_0000 + 2 MB identity (code), 0x4040_0000 one page
    const TT = 0x4020_0000;
    const w64 = (pa: number, v: bigint): void => m.bus.write(pa, 8, v);
    for (let i = 0; i < 3 * 4096; i += 8) w64(TT + i, 0n);
    w64(TT + 8, BigInt(TT + 0x1000) | 3n);
    w64(TT + 0x1000, 0x4000_0000n | BigInt((1 << 10) | (3 << 8)) | 1n);
    w64(TT + 0x1000 + 16, BigInt(TT + 0x2000) | 3n);
    w64(TT + 0x2000, BigInt(BASE) | BigInt(1 << 10) | 3n); // VA 0x4040_0000 → BASE
    cpu.sysreg.poke('MAIR_EL1', 0xffn);
    cpu.sysreg.poke('TCR_EL1', 25n | (1n << 23n) | (5n << 32n));
    cpu.sysreg.poke('TTBR0_EL1', BigInt(TT));
    cpu.sysreg.poke('SCTLR_EL1', cpu.sysreg.peek('SCTLR_EL1') | 1n);
    m.bus.write32(BASE + 0xff8, 0x13fe);
    m.bus.write32(BASE + 0xffc, 0x13ff);
    cpu.setX(0, 0x4040_0ff8n); // elements 0–1 in the mapped page, 2–7 in the next (unmapped)
    cpu.setX(1, 0n);
    runWords(m, [LDFF1W_RR]);
    expect(words(cpu, 1)).toEqual([0x13fe, 0x13ff, 0, 0, 0, 0, 0, 0]);
    expect(pHex(cpu, FFR, VL)).toBe('000000ff');
  });
});
