import { describe, expect, it } from 'vitest';
import { runWords, setP, setZWords, sveMachine, zWord } from './testutil.js';

// Encodings from aarch64-linux-gnu-as -march=armv8-a+sve. VL 256 (8 words) unless noted.
const VL = 256;
const words = (cpu: Parameters<typeof zWord>[0], n: number, k = VL / 32): number[] =>
  Array.from({ length: k }, (_, i) => zWord(cpu, n, i));

function mk(vl = VL): ReturnType<typeof sveMachine> {
  return sveMachine(vl);
}

describe('DUP', () => {
  it('dup z1.s, w2 (mov) broadcasts; words above VL stay', () => {
    const m = mk();
    const cpu = m.cpus[0]!;
    setZWords(cpu, 1, new Array<number>(16).fill(7));
    cpu.setX(2, 0x1_8765_4321n);
    runWords(m, [0x05a03841]);
    expect(words(cpu, 1, 9)).toEqual([...new Array<number>(8).fill(0x87654321), 7]);
  });

  it('dup z1.d, sp', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    cpu.sp = 0x1234_5678_9abc_def0n;
    runWords(m, [0x05e03be1]);
    expect(words(cpu, 1, 4)).toEqual([0x9abcdef0, 0x12345678, 0x9abcdef0, 0x12345678]);
  });

  it('dup z3.h, #-2, lsl #8', () => {
    const m = mk(128);
    const cpu = runWords(m, [0x2578ffc3]);
    expect(words(cpu, 3, 4)).toEqual(new Array<number>(4).fill(0xfe00fe00));
  });

  it('dup z4.s, z5.s[3] and z4.d, z5.d[1]; an index beyond the VL gives zero', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 5, [1, 2, 3, 4, 5, 6, 7, 8]);
    runWords(m, [0x053c20a4]);
    expect(words(cpu, 4, 4)).toEqual([4, 4, 4, 4]);
    runWords(m, [0x053820a4]);
    expect(words(cpu, 4, 4)).toEqual([3, 4, 3, 4]);
    // dup z4.s, z5.s[4] = imm2:tsz = 0b0100100 → 0x056420a4; VL 128 has 4 .s elements
    runWords(m, [0x056420a4]);
    expect(words(cpu, 4, 4)).toEqual([0, 0, 0, 0]);
  });
});

describe('INDEX', () => {
  it('index z0.b, #-1, #3', () => {
    const m = mk(128);
    const cpu = runWords(m, [0x042343e0]);
    // bytes -1, 2, 5, 8, ... 44
    expect(words(cpu, 0, 4)).toEqual([0x080502ff, 0x14110e0b, 0x201d1a17, 0x2c292623]);
  });

  it('index z0.s, #2, w1', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    cpu.setX(1, 0xffff_fff0n); // -16
    runWords(m, [0x04a14840]);
    expect(words(cpu, 0, 4)).toEqual([2, 0xfffffff2, 0xffffffe2, 0xffffffd2]);
  });

  it('index z0.d, x2, #-4 with a carry out of the low word', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    cpu.setX(2, 0x1_0000_0002n);
    runWords(m, [0x04fc4440]);
    expect(words(cpu, 0, 4)).toEqual([2, 1, 0xfffffffe, 0]);
  });

  it('index z0.h, w2, w3', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    cpu.setX(2, 0xfffen);
    cpu.setX(3, 1n);
    runWords(m, [0x04634c40]);
    expect(words(cpu, 0, 4)).toEqual([0xfffffffe, 0x00010000, 0x00030002, 0x00050004]);
  });
});

describe('integer arithmetic', () => {
  it('add z0.h, z1.h, z2.h and sub z0.d, z1.d, z2.d', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 1, [0xffff0001, 0, 0, 0x80000000]);
    setZWords(cpu, 2, [0x00020003, 1, 0, 1]);
    runWords(m, [0x04620020]);
    expect(words(cpu, 0, 4)).toEqual([0x00010004, 1, 0, 0x80000001]);
    runWords(m, [0x04e20420]);
    expect(words(cpu, 0, 4)).toEqual([0xfffcfffe, 0xffffffff, 0, 0x7fffffff]);
  });

  it('predicated add/sub/subr .s merge (inactive elements kept)', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    setP(cpu, 1, '1001'); // elements 0 and 3
    const init = (): void => {
      setZWords(cpu, 0, [10, 20, 30, 40]);
      setZWords(cpu, 2, [1, 2, 3, 4]);
    };
    init();
    runWords(m, [0x04800440]);
    expect(words(cpu, 0, 4)).toEqual([11, 20, 30, 44]);
    init();
    runWords(m, [0x04810440]);
    expect(words(cpu, 0, 4)).toEqual([9, 20, 30, 36]);
    init();
    runWords(m, [0x04830440]);
    expect(words(cpu, 0, 4)).toEqual([0xfffffff7, 20, 30, 0xffffffdc]);
  });

  it('mul z0.d, p7/m, z0.d, z2.d: low 64 bits of the product', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    setP(cpu, 7, '0101');
    setZWords(cpu, 0, [0x9abcdef0, 0x12345678, 0xffffffff, 0xffffffff]);
    setZWords(cpu, 2, [0x76543210, 0xfedcba98, 3, 0]);
    runWords(m, [0x04d01c40]);
    // 0x123456789abcdef0 * 0xfedcba9876543210 mod 2^64 = 0x236d88fe5618cf00; -1 * 3 = -3
    expect(words(cpu, 0, 4)).toEqual([0x5618cf00, 0x236d88fe, 0xfffffffd, 0xffffffff]);
    setP(cpu, 7, '0001');
    setZWords(cpu, 0, [5, 0, 5, 0]);
    runWords(m, [0x04d01c40]);
    expect(words(cpu, 0, 4)).toEqual([0x4fa4fa50, 0xfa4fa4fa, 5, 0]);
  });

  it('immediate add/sub/subr/mul', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 3, [0x00ff0100, 0x12345678, 0, 0xffffffff]);
    runWords(m, [0x2560ffe3]); // add z3.h, z3.h, #0xff00
    expect(words(cpu, 3, 4)).toEqual([0xffff0000, 0x11345578, 0xff00ff00, 0xfefffeff]);
    setZWords(cpu, 3, [0x00ff0100, 0x12345678, 0, 0xffffffff]);
    runWords(m, [0x2521c023]); // sub z3.b, z3.b, #1
    expect(words(cpu, 3, 4)).toEqual([0xfffe00ff, 0x11335577, 0xffffffff, 0xfefefefe]);
    setZWords(cpu, 3, [3, 0, 7, 0xffffffff]);
    runWords(m, [0x25a3c0a3]); // subr z3.s, z3.s, #5
    expect(words(cpu, 3, 4)).toEqual([2, 5, 0xfffffffe, 6]);
    setZWords(cpu, 3, [3, 0, 0x80000000, 1]);
    runWords(m, [0x25f0dfa3]); // mul z3.d, z3.d, #-3
    expect(words(cpu, 3, 4)).toEqual([0xfffffff7, 0xffffffff, 0x80000000, 0xfffffffb]);
  });

  it('and/orr/eor/bic vectors', () => {
    const m = mk(128);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 1, [0xff00ff00, 0x0f0f0f0f, 0, 0xffffffff]);
    setZWords(cpu, 2, [0xf0f0f0f0, 0x33333333, 0xffffffff, 0x12345678]);
    const run = (w: number): number[] => words(runWords(m, [w]), 0, 4);
    expect(run(0x04223020)).toEqual([0xf000f000, 0x03030303, 0, 0x12345678]);
    expect(run(0x04623020)).toEqual([0xfff0fff0, 0x3f3f3f3f, 0xffffffff, 0xffffffff]);
    expect(run(0x04a23020)).toEqual([0x0ff00ff0, 0x3c3c3c3c, 0xffffffff, 0xedcba987]);
    expect(run(0x04e23020)).toEqual([0x0f000f00, 0x0c0c0c0c, 0, 0xedcba987]);
  });
});

describe('MOVPRFX, SEL, CPY', () => {
  const setup = (vl = 128): ReturnType<typeof mk> => {
    const m = mk(vl);
    const cpu = m.cpus[0]!;
    setZWords(cpu, 0, [0xa, 0xb, 0xc, 0xd, 0xe, 0xf, 0x10, 0x11]);
    setZWords(cpu, 1, [1, 2, 3, 4, 5, 6, 7, 8]);
    setZWords(cpu, 2, [0x21, 0x22, 0x23, 0x24]);
    setP(cpu, 1, '0110'); // .s elements 1 and 2
    return m;
  };

  it('movprfx z0, z1 copies VL bits only', () => {
    const m = setup();
    const cpu = runWords(m, [0x0420bc20]);
    expect(words(cpu, 0, 8)).toEqual([1, 2, 3, 4, 0xe, 0xf, 0x10, 0x11]);
  });

  it('movprfx z0.s, p1/z and p1/m', () => {
    let m = setup();
    expect(words(runWords(m, [0x04902420]), 0, 4)).toEqual([0, 2, 3, 0]);
    m = setup();
    expect(words(runWords(m, [0x04912420]), 0, 4)).toEqual([0xa, 2, 3, 0xd]);
  });

  it('movprfx + add as a pair (destructive op on the prefixed register)', () => {
    const m = setup();
    // movprfx z0, z1 ; add z0.s, p1/m, z0.s, z2.s
    const cpu = runWords(m, [0x0420bc20, 0x04800440]);
    expect(words(cpu, 0, 4)).toEqual([1, 0x24, 0x26, 4]);
  });

  it('sel z0.b, p2, z1.b, z2.b', () => {
    const m = setup();
    const cpu = m.cpus[0]!;
    setZWords(cpu, 1, [0x04030201, 0x08070605, 0x0c0b0a09, 0x100f0e0d]);
    setZWords(cpu, 2, [0xf4f3f2f1, 0xf8f7f6f5, 0xfcfbfaf9, 0x00fffefd]);
    setP(cpu, 2, '8005');
    runWords(m, [0x0522c820]);
    expect(words(cpu, 0, 4)).toEqual([0xf403f201, 0xf8f7f6f5, 0xfcfbfaf9, 0x10fffefd]);
  });

  it('cpy z0.h, p3/z, #-5 and p3/m, #1, lsl #8', () => {
    let m = setup();
    let cpu = m.cpus[0]!;
    setP(cpu, 3, '0014'); // .h elements 1 and 2
    runWords(m, [0x05531f60]);
    expect(words(cpu, 0, 4)).toEqual([0xfffb0000, 0x0000fffb, 0, 0]);
    m = setup();
    cpu = m.cpus[0]!;
    setP(cpu, 3, '0014');
    runWords(m, [0x05536020]);
    expect(words(cpu, 0, 4)).toEqual([0x0100000a, 0x0100, 0xc, 0xd]);
  });

  it('cpy z0.d, p3/m, sp and cpy z0.s, p3/m, s4', () => {
    let m = setup();
    let cpu = m.cpus[0]!;
    setP(cpu, 3, '0100');
    cpu.sp = 0x1122_3344_5566_7788n;
    runWords(m, [0x05e8afe0]);
    expect(words(cpu, 0, 4)).toEqual([0xa, 0xb, 0x55667788, 0x11223344]);
    m = setup();
    cpu = m.cpus[0]!;
    setP(cpu, 3, '1001');
    setZWords(cpu, 4, [0x99, 0x77]);
    runWords(m, [0x05a08c80]);
    expect(words(cpu, 0, 4)).toEqual([0x99, 0xb, 0xc, 0x99]);
  });
});
