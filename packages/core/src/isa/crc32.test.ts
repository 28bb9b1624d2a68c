import { describe, expect, it } from 'vitest';
import { machineWithCode, runToEnd } from '../testing.js';

/*
 * Expected values from the ACLE intrinsics (__crc32b … __crc32cd) compiled with
 * aarch64-linux-gnu-gcc -march=armv8-a+crc and run under qemu-aarch64 7.2.
 * Rows: Wn (accumulator), Xm (data), then b h w x cb ch cw cx results.
 */
const ROWS: Array<[number, bigint, number[]]> = [
  [
    0x00000000,
    0xffffffffffffffffn,
    [
      0x2d02ef8d, 0xbe2612ff, 0xdebb20e3, 0x44660075, 0xad7d5351, 0x0e9e77d2, 0xb798b438,
      0xc44ff94d,
    ],
  ],
  [
    0x00000000,
    0x0123456789abcdefn,
    [
      0x30b5ffe9, 0x3c33512e, 0xcefc0adb, 0x21193d2e, 0xbd23943e, 0xe083bf15, 0x5914342a,
      0xe9986aa9,
    ],
  ],
  [
    0xffffffff,
    0x0000000000000000n,
    [
      0x2dfd1072, 0xbe26ed00, 0xdebb20e3, 0x9add2096, 0xad82acae, 0x0e9e882d, 0xb798b438,
      0x73d74d75,
    ],
  ],
  [
    0xffffffff,
    0x0123456789abcdefn,
    [
      0x1d48ef9b, 0x8215bc2e, 0x10472a38, 0xbbc41db8, 0x10a13890, 0xee1d3738, 0xee8c8012,
      0x9a4f27dc,
    ],
  ],
  [
    0x12345678,
    0xffffffffffffffffn,
    [
      0x73ce22d5, 0xdbc807f4, 0x5092782d, 0xfe1dd784, 0x562e6bc5, 0x5b574fe2, 0x4dece20c,
      0x8e05945a,
    ],
  ],
];

// crc32b w0, w1, w2 … crc32cx w0, w1, x2
const WORDS = [
  0x1ac24020, 0x1ac24420, 0x1ac24820, 0x9ac24c20, 0x1ac25020, 0x1ac25420, 0x1ac25820, 0x9ac25c20,
];

describe('CRC32 / CRC32C (FEAT_CRC32)', () => {
  it('matches QEMU for every size and both polynomials, and zeroes the top of Xd', () => {
    for (const [acc, data, want] of ROWS)
      WORDS.forEach((w, i) => {
        const m = machineWithCode([w], { config: { cpus: [{ features: ['FEAT_CRC32'] }] } });
        const cpu = m.cpus[0]!;
        cpu.setX(0, 0xdeadbeefdeadbeefn);
        cpu.setX(1, 0xffffffff00000000n | BigInt(acc));
        cpu.setX(2, data);
        runToEnd(m, 1);
        expect(cpu.x(0), `word ${w.toString(16)} acc ${acc.toString(16)}`).toBe(BigInt(want[i]!));
      });
  });

  it('is UNDEFINED without FEAT_CRC32 and for mismatched sf/size', () => {
    for (const [w, features] of [
      [0x1ac24020, []],
      [0x9ac24020, ['FEAT_CRC32']], // crc32b with sf=1
      [0x1ac24c20, ['FEAT_CRC32']], // crc32x with sf=0
    ] as const) {
      const m = machineWithCode([w], { config: { cpus: [{ features: [...features] }] } });
      m.run({ maxInstructions: 1 });
      expect(m.cpus[0]!.sysreg.peek('ESR_EL1') >> 26n).toBe(0n);
      expect(m.cpus[0]!.pc).toBe(0x200n);
    }
  });
});
