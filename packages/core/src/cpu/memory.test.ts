import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { EXCEPTION_TAKEN } from './exception.js';
import type { Cpu } from './cpu.js';
import {
  alignedAddress,
  checkSpAlignment,
  dataAddress,
  ld16,
  ld32,
  ld64,
  ld8,
  load,
  load64,
  readPa,
  rmwAddress,
  st16,
  st32,
  st64,
  store,
  store64,
  writePa,
} from './memory.js';
import { AccessKind, flatTranslator, type AddressTranslator } from './translate.js';

const DATA = 0x4020_0000;

function cpuOf(features: string[] = []): Cpu {
  const m = createMachine({ cpus: [{ features }] });
  const cpu = m.cpus[0]!;
  cpu.setMode(1, 1);
  for (let i = 0; i < 0x3000; i++) m.bus.write8(DATA + i, i & 0xff);
  return cpu;
}

/** Runs f, expecting it to take a synchronous exception; returns ESR_ELx of the target EL. */
function raises(cpu: Cpu, f: () => unknown, el = 1): { esr: number; far: bigint } {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBe(EXCEPTION_TAKEN);
  expect(cpu.el).toBe(el);
  return {
    esr: Number(cpu.sysreg.peek(`ESR_EL${el}`)),
    far: cpu.sysreg.peek(`FAR_EL${el}`),
  };
}

const setSctlr = (cpu: Cpu, name: string, bits: bigint): void =>
  cpu.sysreg.poke(name, cpu.sysreg.peek(name) | bits);

describe('fixed-size accesses', () => {
  it('load values: zero-extended bytes/halves, int32 words, 64-bit halves', () => {
    const cpu = cpuOf();
    cpu.bus.write(DATA + 0x100, 8, 0xfedc_ba98_8765_4321n);
    expect(ld8(cpu, DATA + 0x107, 0)).toBe(0xfe);
    expect(ld16(cpu, DATA + 0x106, 0)).toBe(0xfedc);
    expect(ld32(cpu, DATA + 0x104, 0)).toBe(0xfedc_ba98 | 0);
    expect(ld64(cpu, DATA + 0x100, 0)).toBe(0x8765_4321 | 0);
    expect(cpu.memHi).toBe(0xfedc_ba98 | 0);
  });

  it('stores write the low bytes only', () => {
    const cpu = cpuOf();
    st16(cpu, DATA + 0x200, 0, 0x1234_5678);
    st32(cpu, DATA + 0x204, 0, -1);
    st64(cpu, DATA + 0x208, 0, 0x0403_0201, 0x0807_0605);
    expect(cpu.bus.read(DATA + 0x200, 8)).toBe(0xffff_ffff_0302_5678n);
    expect(cpu.bus.read(DATA + 0x208, 8)).toBe(0x0807_0605_0403_0201n);
  });

  it('the generic load/store keep their unsigned results and mustAlign', () => {
    const cpu = cpuOf();
    cpu.bus.write(DATA + 0x300, 8, 0x8000_0001_8000_0002n);
    expect(load(cpu, DATA + 0x300, 0, 4)).toBe(0x8000_0002);
    expect(load64(cpu, DATA + 0x300, 0)).toBe(0x8000_0002);
    expect(cpu.memHi).toBe(0x8000_0001 | 0);
    store(cpu, DATA + 0x300, 0, 2, 0xabcd);
    store64(cpu, DATA + 0x308, 0, 1, 2);
    expect(cpu.bus.read(DATA + 0x300, 2)).toBe(0xabcdn);
    expect(cpu.bus.read(DATA + 0x308, 8)).toBe(0x2_0000_0001n);
    expect(dataAddress(cpu, DATA, 0, 8, AccessKind.Read)).toBe(DATA);
    // mustAlign checks even with the MMU on and SCTLR.A = 0
    setSctlr(cpu, 'SCTLR_EL1', 1n);
    expect(raises(cpu, () => load(cpu, DATA + 2, 0, 4, true)).esr).toBe(0x9600_0021);
  });
});

describe('alignment', () => {
  it('MMU off: unaligned accesses fault (FAR = the address, WnR for stores)', () => {
    const cpu = cpuOf();
    let r = raises(cpu, () => ld32(cpu, DATA + 2, 0));
    expect(r.esr).toBe(0x9600_0021);
    expect(r.far).toBe(BigInt(DATA + 2));
    cpu.setMode(1, 1);
    r = raises(cpu, () => st64(cpu, DATA + 4, 0, 0, 0));
    expect(r.esr).toBe(0x9600_0061);
  });

  it('alignedAddress faults before translating; rmwAddress reports a read', () => {
    const cpu = cpuOf();
    // beyond the PA size AND misaligned: the alignment fault wins
    expect(raises(cpu, () => alignedAddress(cpu, 2, 0x1_0000, 4, AccessKind.Write)).esr).toBe(
      0x9600_0061,
    );
    cpu.setMode(1, 1);
    expect(raises(cpu, () => rmwAddress(cpu, DATA + 8, 0, 16)).esr).toBe(0x9600_0021);
    cpu.setMode(1, 1);
    expect(rmwAddress(cpu, DATA + 16, 0, 16)).toBe(DATA + 16);
  });

  it('an access crossing a page is translated page by page', () => {
    const cpu = cpuOf();
    setSctlr(cpu, 'SCTLR_EL1', 1n); // "MMU on", A = 0
    const VA = 0x1000_0000;
    // VA page 0 -> DATA + 0x2000, VA page 1 -> DATA: not contiguous
    const calls: number[] = [];
    const t: AddressTranslator = {
      fetch: (c) => flatTranslator.fetch(c),
      data(_c, lo, _hi, _kind, size) {
        calls.push(lo, size);
        const page = lo - (lo % 0x1000);
        const base = page === VA ? DATA + 0x2000 : page === VA + 0x1000 ? DATA : -1;
        if (base < 0) throw new Error(`unexpected VA ${lo.toString(16)}`);
        return base + (lo % 0x1000);
      },
    };
    cpu.translator = t;
    // bytes at PA = low byte of the PA offset (DATA is 64K-aligned)
    expect(ld64(cpu, VA + 0xffd, 0)).toBe(0x00ff_fefd | 0); // fd fe ff | 00 01 02 03 04
    expect(cpu.memHi).toBe(0x0403_0201);
    expect(calls).toEqual([VA + 0xffd, 3, VA + 0x1000, 5]);
    calls.length = 0;
    st32(cpu, VA + 0xffe, 0, 0x4433_2211);
    expect(calls).toEqual([VA + 0xffe, 2, VA + 0x1000, 2]);
    expect(cpu.bus.read(DATA + 0x2ffe, 2)).toBe(0x2211n);
    expect(cpu.bus.read(DATA, 2)).toBe(0x4433n);
    // not crossing: one translation, unaligned access in place
    calls.length = 0;
    expect(ld16(cpu, VA + 0x11, 0)).toBe(0x1211);
    expect(calls).toEqual([VA + 0x11, 2]);
  });
});

describe('physical accesses', () => {
  it('bus errors become synchronous external aborts at the VA', () => {
    const cpu = cpuOf();
    let r = raises(cpu, () => readPa(cpu, 0x1000, 4, 0x5000, 1));
    expect(r.esr).toBe(0x9600_0010);
    expect(r.far).toBe(0x1_0000_5000n);
    cpu.setMode(1, 1);
    r = raises(cpu, () => writePa(cpu, 0x1000, 1, 0, 0x5000, 0));
    expect(r.esr).toBe(0x9600_0050);
  });

  it('a store clears reservations on its granule', () => {
    const cpu = cpuOf();
    cpu.monitors.mark(cpu, DATA + 0x40);
    writePa(cpu, DATA + 0x80, 4, 1, DATA + 0x80, 0);
    expect(cpu.exclusivePa).toBe(DATA + 0x40);
    writePa(cpu, DATA + 0x7c, 4, 1, DATA + 0x7c, 0);
    expect(cpu.exclusivePa).toBe(-1);
  });
});

describe('checkSpAlignment', () => {
  it('uses SA at EL1/EL2, SA0 at EL0, and the EL2 regime for the VHE host', () => {
    const cpu = cpuOf(['FEAT_AA64EL2', 'FEAT_VHE']);
    cpu.sysreg.poke('SCTLR_EL1', 0x30d0_0800n);
    cpu.sysreg.poke('SCTLR_EL2', 0x30c5_0820n); // SA0 clear, SA clear
    cpu.setMode(1, 1);
    cpu.sp = 0x4000_0008n;
    checkSpAlignment(cpu); // SA = 0: nothing
    setSctlr(cpu, 'SCTLR_EL1', 8n);
    expect(raises(cpu, () => checkSpAlignment(cpu)).esr).toBe(0x9a00_0000);

    cpu.setMode(2, 1);
    cpu.sp = 0x4000_0008n;
    checkSpAlignment(cpu); // SCTLR_EL2.SA = 0
    setSctlr(cpu, 'SCTLR_EL2', 8n);
    expect(raises(cpu, () => checkSpAlignment(cpu), 2).esr).toBe(0x9a00_0000);

    // EL0 under {E2H, TGE} = {1, 1}: SCTLR_EL2.SA0, taken to EL2
    cpu.sysreg.poke('HCR_EL2', (1n << 31n) | (1n << 34n) | (1n << 27n));
    cpu.setMode(0, 0);
    cpu.sp = 0x4000_0008n;
    setSctlr(cpu, 'SCTLR_EL1', 16n); // EL1's SA0 does not apply
    checkSpAlignment(cpu);
    setSctlr(cpu, 'SCTLR_EL2', 16n);
    expect(raises(cpu, () => checkSpAlignment(cpu), 2).esr).toBe(0x9a00_0000);
  });
});
