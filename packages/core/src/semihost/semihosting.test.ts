import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { enc } from '../test-util/enc.js';
import { installSemihosting, SYS, TICK_HZ } from './semihosting.js';

const CODE = 0x4008_0000;
const DATA = 0x4009_0000;
const HLT = enc.hlt(0xf000);

function setup(input = '') {
  const m = createMachine({ memory: [{ base: 0x4000_0000, size: '16M' }] });
  const out: Array<[number, string]> = [];
  const bytes = [...Buffer.from(input)];
  installSemihosting(m, {
    write: (fd, b) => out.push([fd, Buffer.from(b).toString('latin1')]),
    readByte: () => bytes.shift() ?? -1,
    cmdline: 'prog arg',
  });
  const cpu = m.cpus[0]!;
  const call = (op: number, param: bigint): bigint => {
    m.bus.write32(CODE, HLT);
    cpu.setX(0, BigInt(op));
    cpu.setX(1, param);
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    return BigInt.asIntN(64, cpu.x(0));
  };
  return { m, cpu, out, call };
}

describe('semihosting', () => {
  it('writes characters, strings and buffers to the right stream', () => {
    const { m, out, call } = setup();
    m.bus.writeBytes(DATA, Buffer.from('hi\0'));
    expect(call(SYS.WRITEC, BigInt(DATA))).toBe(0n);
    expect(call(SYS.WRITE0, BigInt(DATA))).toBe(0n);
    m.bus.write(DATA + 0x100, 8, 3n); // handle 3 = stderr (as opened through ":tt")
    m.bus.write(DATA + 0x108, 8, BigInt(DATA));
    m.bus.write(DATA + 0x110, 8, 2n);
    expect(call(SYS.WRITE, BigInt(DATA + 0x100))).toBe(0n);
    expect(out).toEqual([
      [1, 'h'],
      [1, 'hi'],
      [2, 'hi'],
    ]);
  });

  it('reads stdin with READC and READ, reporting end of input', () => {
    const { m, call } = setup('ab');
    expect(call(SYS.READC, 0n)).toBe(0x61n);
    m.bus.write(DATA, 8, 1n);
    m.bus.write(DATA + 8, 8, BigInt(DATA + 0x40));
    m.bus.write(DATA + 16, 8, 4n);
    expect(call(SYS.READ, BigInt(DATA))).toBe(3n); // one byte read, three not
    expect(m.bus.read8(DATA + 0x40)).toBe(0x62);
    expect(call(SYS.READC, 0n)).toBe(-1n);
  });

  it('exits with the subcode of ADP_Stopped_ApplicationExit, and 1 for other reasons', () => {
    const a = setup();
    a.m.bus.write(DATA, 8, 0x20026n);
    a.m.bus.write(DATA + 8, 8, 42n);
    a.m.bus.write32(CODE, HLT);
    a.cpu.setX(0, BigInt(SYS.EXIT));
    a.cpu.setX(1, BigInt(DATA));
    a.cpu.pc = BigInt(CODE);
    expect(a.m.run({ maxInstructions: 10 })).toEqual({ kind: 'exit', code: 42, cpu: 0 });
    const b = setup();
    b.m.bus.write(DATA, 8, 0x20023n); // ADP_Stopped_RunTimeErrorUnknown
    b.m.bus.write32(CODE, HLT);
    b.cpu.setX(0, BigInt(SYS.EXIT_EXTENDED));
    b.cpu.setX(1, BigInt(DATA));
    b.cpu.pc = BigInt(CODE);
    expect(b.m.run({ maxInstructions: 10 })).toMatchObject({ kind: 'exit', code: 1 });
  });

  it('reports heap and stack like QEMU: top half of RAM, stack from the end down to the base', () => {
    const { m, call } = setup();
    m.bus.write(DATA, 8, BigInt(DATA + 0x20));
    expect(call(SYS.HEAPINFO, BigInt(DATA))).toBe(0n);
    expect([0, 8, 16, 24].map((o) => m.bus.read(DATA + 0x20 + o, 8))).toEqual([
      0x4080_0000n,
      0x4100_0000n,
      0x4100_0000n,
      0x4000_0000n,
    ]);
  });

  it('derives clocks from virtual time, not the host clock', () => {
    const { cpu, call } = setup();
    expect(call(SYS.TICKFREQ, 0n)).toBe(BigInt(TICK_HZ));
    cpu.instret = 3 * TICK_HZ;
    expect(call(SYS.CLOCK, 0n)).toBe(300n);
    expect(call(SYS.TIME, 0n)).toBe(3n);
  });

  it('returns -1 for unknown calls and sets errno for bad handles', () => {
    const { m, call } = setup();
    expect(call(0x99, 0n)).toBe(-1n);
    m.bus.write(DATA, 8, 77n);
    expect(call(SYS.CLOSE, BigInt(DATA))).toBe(-1n);
    expect(call(SYS.ERRNO, 0n)).toBe(9n);
  });

  it('is not honoured at EL0: the HLT is UNDEFINED there, as on QEMU', () => {
    const { m, cpu, out } = setup();
    m.bus.writeBytes(DATA, Buffer.from('x\0'));
    m.bus.write32(CODE, HLT);
    cpu.setMode(0, 0);
    cpu.setX(0, BigInt(SYS.WRITE0));
    cpu.setX(1, BigInt(DATA));
    cpu.pc = BigInt(CODE);
    m.run({ maxInstructions: 1 });
    expect(out).toEqual([]);
    expect(cpu.el).toBe(1);
    expect(cpu.sysreg.peek('ESR_EL1') >> 26n).toBe(0n);
  });
});
