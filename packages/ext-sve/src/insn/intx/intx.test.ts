import { describe, expect, it } from 'vitest';
import { fpState } from '@hypsim/ext-fpsimd';
import { pHex, runWords, setP, setZWords, sveMachine, zWord } from '../testutil.js';

// Encodings from aarch64-linux-gnu-as -march=armv8-a+sve; expectations from the Arm ARM
// pseudocode (qemu.test.ts checks the same classes against QEMU on random states). VL 128
// unless noted.
type Cpu = Parameters<typeof zWord>[0];
const words = (cpu: Cpu, n: number, k = 4): number[] =>
  Array.from({ length: k }, (_, i) => zWord(cpu, n, i));

function setup(vl = 128): { m: ReturnType<typeof sveMachine>; cpu: Cpu } {
  const m = sveMachine(vl);
  return { m, cpu: m.cpus[0]! };
}

describe('compares', () => {
  it('cmpgt p1.s, p0/z, z2.s, #0: inactive and non-element bits zero; NZCV as PTEST', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 2, [5, 0, -3, 7]);
    setP(cpu, 0, '0113'); // elements 0-2 active; bit 1 is not an element bit
    setP(cpu, 1, 'ffff');
    runWords(m, [0x25800051]);
    expect(pHex(cpu, 1, 128)).toBe('0001');
    expect(cpu.nzcv).toBe(0b1010); // first active true, some true, last active false
  });
});

describe('arithmetic', () => {
  it('sdiv z1.s: x / 0 = 0, INT_MIN / -1 = INT_MIN, rounding toward zero', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 1, [7, 0x80000000, 5, -9]);
    setZWords(cpu, 2, [2, -1, 0, 2]);
    setP(cpu, 0, 'ffff');
    runWords(m, [0x04940041]);
    expect(words(cpu, 1)).toEqual([3, 0x80000000, 0, 0xfffffffc]);
  });

  it('asrd z3.d, #64 gives 0 for negative and positive elements', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 3, [-5, -1, -1, 0x7fffffff]);
    setP(cpu, 0, 'ffff');
    runWords(m, [0x04848003]);
    expect(words(cpu, 3)).toEqual([0, 0, 0, 0]);
  });

  it('uqadd z4.d saturates to all ones', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 4, [-16, -1, 1, 0]);
    setZWords(cpu, 5, [0x20, 0, 2, 0]);
    runWords(m, [0x04e51484]);
    expect(words(cpu, 4)).toEqual([0xffffffff, 0xffffffff, 3, 0]);
  });

  it('lsl z3.b, z2.b, z3.d: the wide operand is read before Zd (= Zm) is written', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 2, [0x01010101, 0x01010101, 0x01010101, 0x01010101]);
    setZWords(cpu, 3, [3, 0, 8, 0]);
    runWords(m, [0x04238c43]);
    expect(words(cpu, 3)).toEqual([0x08080808, 0x08080808, 0, 0]);
  });

  it('sdot z1.s, z2.b, z3.b[1] uses group 1 of each 128-bit segment', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 1, [0, 100, 0, 0]);
    setZWords(cpu, 2, [0x04030201, -1, 0, 0]);
    setZWords(cpu, 3, [0, 0xfe020101, 0, 0]);
    runWords(m, [0x44ab0041]);
    expect(words(cpu, 1)).toEqual([1, 98, 0, 0]);
  });

  it('sqdecp x3, p2.s, w3 saturates in 32 bits and sign-extends', () => {
    const { m, cpu } = setup();
    cpu.setX(3, 0x1234_5678_8000_0001n);
    setP(cpu, 2, '0011');
    runWords(m, [0x25aa8843]);
    expect(cpu.x(3)).toBe(0xffff_ffff_8000_0000n);
  });
});

describe('reductions', () => {
  it('saddv d0 writes a 64-bit sum and zeroes the rest of Z0 (VL 256)', () => {
    const { m, cpu } = setup(256);
    setZWords(cpu, 0, [1, 2, 3, 4, 5, 6, 7, 8]);
    setZWords(cpu, 1, new Array<number>(8).fill(-1));
    setP(cpu, 0, 'ffffffff');
    runWords(m, [0x04002020]);
    expect(words(cpu, 0, 8)).toEqual([0xffffffe0, 0xffffffff, 0, 0, 0, 0, 0, 0]);
    expect(fpState(cpu).z[fpState(cpu).stride - 1]).toBe(0);
  });

  it('umaxv h0 with no active element is 0', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 1, [-1, -1, -1, -1]);
    setZWords(cpu, 0, [9, 9, 9, 9]);
    setP(cpu, 0, '0000');
    runWords(m, [0x04492020]);
    expect(words(cpu, 0)).toEqual([0, 0, 0, 0]);
  });
});

describe('permutes and extraction', () => {
  it('splice z6.s keeps the active segment of Zdn, then Zm from element 0', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 6, [10, 11, 12, 13]);
    setZWords(cpu, 7, [20, 21, 22, 23]);
    setP(cpu, 2, '0110');
    runWords(m, [0x05ac88e6]);
    expect(words(cpu, 6)).toEqual([11, 12, 20, 21]);
  });

  it('compact z6.d packs the active elements and zeroes the rest', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 7, [1, 2, 3, 4]);
    setP(cpu, 2, '0100');
    runWords(m, [0x05e188e6]);
    expect(words(cpu, 6)).toEqual([3, 4, 0, 0]);
  });

  it('tbl z1.b: out-of-range indices give zero', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 2, [0x13121110, 0x17161514, 0x1b1a1918, 0x1f1e1d1c]);
    setZWords(cpu, 3, [0xff10000f, 0x00000001, 0, 0]);
    runWords(m, [0x05233041]);
    expect(words(cpu, 1)).toEqual([0x0000101f, 0x10101011, 0x10101010, 0x10101010]);
  });

  it('clasta w1 with no active element keeps the low halfword, zero-extended', () => {
    const { m, cpu } = setup();
    cpu.setX(1, 0x1234_5678_9abc_def0n);
    setZWords(cpu, 3, [0x00020001, 0x00040003, 0x00060005, 0x00080007]);
    setP(cpu, 2, '0000');
    runWords(m, [0x0570a861]);
    expect(cpu.x(1)).toBe(0xdef0n);
    setP(cpu, 2, '4000'); // last element active: CLASTA wraps to element 0
    runWords(m, [0x0570a861]);
    expect(cpu.x(1)).toBe(1n);
  });

  it('lastb w2 with no active element takes the last element', () => {
    const { m, cpu } = setup();
    setZWords(cpu, 3, [1, 2, 3, -4]);
    setP(cpu, 2, '0000');
    runWords(m, [0x05a1a862]);
    expect(cpu.x(2)).toBe(0xfffffffcn);
  });

  it('zip1 p1.h: a .h element is its 2-bit chunk, non-significant bit included', () => {
    const { m, cpu } = setup();
    setP(cpu, 2, '004d');
    setP(cpu, 3, '0014');
    runWords(m, [0x05634041]);
    expect(pHex(cpu, 1, 128)).toBe('1471');
  });
});

describe('predicate iteration and breaks', () => {
  it('pnext p4.s, p5, p4.s finds the next active element', () => {
    const { m, cpu } = setup();
    setP(cpu, 5, '1111');
    setP(cpu, 4, '0010');
    runWords(m, [0x2599c4a4]);
    expect(pHex(cpu, 4, 128)).toBe('0100');
    expect(cpu.nzcv).toBe(0b0010);
  });

  it('brkb p1.b, p2/m, p3.b: true up to the break, inactive elements merged', () => {
    const { m, cpu } = setup();
    setP(cpu, 2, '00ff');
    setP(cpu, 3, '0010');
    setP(cpu, 1, 'ff00');
    runWords(m, [0x25904871]);
    expect(pHex(cpu, 1, 128)).toBe('ff0f');
  });

  it('ctermeq x1, x2: N on termination, else V = !C; Z and C kept', () => {
    const { m, cpu } = setup();
    cpu.setX(1, 5n);
    cpu.setX(2, 5n);
    cpu.nzcv = 0b0110;
    runWords(m, [0x25e22020]);
    expect(cpu.nzcv).toBe(0b1110);
    cpu.setX(2, 6n);
    cpu.nzcv = 0b0100;
    runWords(m, [0x25e22020]);
    expect(cpu.nzcv).toBe(0b0101);
  });
});

describe('access', () => {
  it('traps with EC 0x19 when CPACR_EL1.ZEN disables SVE (sdiv z1.s)', () => {
    const { m, cpu } = setup();
    cpu.sysreg.poke('CPACR_EL1', 3n << 20n); // FPEN only
    expect(() => runWords(m, [0x04940041])).toThrow();
    expect(Number(cpu.sysreg.peek('ESR_EL1')) >>> 26).toBe(0x19);
  });
});
