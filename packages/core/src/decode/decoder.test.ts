import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { definePlugin } from '../plugin/manifest.js';
import { enc } from '../test-util/enc.js';
import { compileTables, Decoder } from './decoder.js';
import { parsePattern } from './pattern.js';

describe('parsePattern', () => {
  it('computes mask, value and fields in Arm bit order', () => {
    const p = parsePattern('sf:1 0 0 100010 sh:1 imm12:12 Rn:5 Rd:5', 'ADD_i');
    expect(p.mask >>> 0).toBe(0x7f800000);
    expect(p.value >>> 0).toBe(0x11000000);
    expect(p.fields).toEqual([
      { name: 'sf', lsb: 31, width: 1 },
      { name: 'sh', lsb: 22, width: 1 },
      { name: 'imm12', lsb: 10, width: 12 },
      { name: 'Rn', lsb: 5, width: 5 },
      { name: 'Rd', lsb: 0, width: 5 },
    ]);
  });

  it('rejects patterns that are not 32 bits or have bad tokens', () => {
    expect(() => parsePattern('0101', 'X')).toThrow(/has 4 bits, not 32/);
    expect(() => parsePattern('0101 q:30', 'X')).toThrow(/does not fit/);
    expect(() => parsePattern('01z1 x:28', 'X')).toThrow(/bad token/);
    expect(() => parsePattern('a:16 a:16', 'X')).toThrow(/appears twice/);
  });
});

describe('Decoder', () => {
  const exec = () => undefined;
  const tables = compileTables([
    {
      owner: 't',
      table: {
        name: 't/low',
        priority: 0,
        patterns: [{ name: 'GENERIC', pattern: '1111 x:28', exec }],
      },
    },
    {
      owner: 't',
      table: {
        name: 't/high',
        priority: 1,
        patterns: [
          { name: 'SPECIFIC', pattern: '1111 0000 x:24', exec },
          { name: 'REFUSES', pattern: '1111 0001 x:24', decode: () => null, exec },
          { name: 'GATED', pattern: '1111 0010 x:24', feature: 'FEAT_TEST', exec },
        ],
      },
    },
  ]);

  it('prefers higher priority, falls through when decode refuses, and gates by feature', () => {
    const d = new Decoder(tables, new Set());
    expect(d.match(0xf0000000)?.name).toBe('SPECIFIC');
    expect(d.match(0xf1000000)?.name).toBe('GENERIC');
    expect(d.match(0xf2000000)?.name).toBe('GENERIC');
    expect(new Decoder(tables, new Set(['FEAT_TEST'])).match(0xf2000000)?.name).toBe('GATED');
    expect(d.match(0x00000000)).toBeUndefined();
  });

  it('hands the handler the named fields', () => {
    const [, op] = new Decoder(
      compileTables([
        {
          owner: 't',
          table: {
            name: 't',
            priority: 0,
            patterns: [{ name: 'F', pattern: 'a:4 b:12 c:16', exec }],
          },
        },
      ]),
      new Set(),
    ).decode(0x1234abcd);
    expect(op).toEqual({ insn: 0x1234abcd, a: 1, b: 0x234, c: 0xabcd });
  });
});

describe('decode cache', () => {
  it('sees code written after it was decoded (self-modifying code, reloads)', () => {
    let runs = 0;
    const p = definePlugin({
      id: 'count',
      decode: [
        {
          name: 'c',
          priority: 0,
          patterns: [{ name: 'COUNT', pattern: '00000000 11111111 imm:16', exec: () => runs++ }],
        },
      ],
    });
    const m = createMachine({ plugins: [{ plugin: p }] });
    const cpu = m.cpus[0]!;
    m.bus.write32(0x4008_0000, 0x00ff0000);
    cpu.pc = 0x4008_0000n;
    m.run({ maxInstructions: 1 });
    expect(runs).toBe(1);
    // Overwrite the decoded slot with BRK: the next execution must see BRK, not COUNT.
    m.bus.write32(0x4008_0000, enc.brk(5));
    cpu.pc = 0x4008_0000n;
    m.run({ maxInstructions: 1 });
    expect(runs).toBe(1);
    expect(cpu.sysreg.peek('ESR_EL1')).toBe(0xf200_0005n);
    // Byte-wide writes into the middle of a decoded word invalidate it too.
    m.bus.write32(0x4008_0000, 0x00ff0000);
    cpu.pc = 0x4008_0000n;
    m.run({ maxInstructions: 1 });
    m.bus.write8(0x4008_0003, 0xd4);
    m.bus.write8(0x4008_0002, 0x20);
    m.bus.write8(0x4008_0001, 0x00);
    m.bus.write8(0x4008_0000, 0xe0); // BRK #7 = d42000e0
    cpu.pc = 0x4008_0000n;
    m.run({ maxInstructions: 1 });
    expect(runs).toBe(2);
    expect(cpu.sysreg.peek('ESR_EL1')).toBe(0xf200_0007n);
  });
});
