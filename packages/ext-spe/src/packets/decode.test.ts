import { describe, expect, it } from 'vitest';
import { decodeSpeBuffer } from './decode.js';
import { formatRecord, formatSpeBuffer, recordToJson } from './format.js';
import { SpeDecodeError } from './types.js';

/**
 * Records written by hand, byte by byte, from the packet tables of spe.md §6 — not with the
 * encoder — so a shared misreading of the tables cannot pass both sides.
 */

// Record 1 (PMSCR.TS=0): a load at EL1, NS, with data VA/PA, ended by End.
const LOAD = [
  // Address, index 0 (0xB0): VA 0xFFFF800010001234 → VA[55:0] LE, byte 7 = NS(0x80) | EL1 (0b01 << 5 = 0x20).
  0xb0,
  0x34, 0x12, 0x00, 0x10, 0x00, 0x80, 0xff, 0xa0,
  // Operation Type class 1 (0x49), payload 0b00000000: general-purpose load.
  0x49, 0x00,
  // Events, 1-byte (0x42): retired (1) | L1D access (2) | TLB access (4) = 0x16.
  0x42, 0x16,
  // Counters: total (0x98) 12, issue (0x99) 3, translation (0x9A) 0x1FF.
  0x98, 0x0c, 0x00, 0x99, 0x03, 0x00, 0x9a, 0xff, 0x01,
  // Address index 2 (0xB2): data VA 0x40100008, top byte 0.
  0xb2, 0x08, 0x00, 0x10, 0x40, 0x00, 0x00, 0x00, 0x00,
  // Address index 3 (0xB3): data PA 0x40100008, NS (bit 63).
  0xb3, 0x08, 0x00, 0x10, 0x40, 0x00, 0x00, 0x00, 0x80,
  // End.
  0x01,
];
// Record 2 (PMSCR.TS=1, CX=1): a conditional branch at EL0, ended by Timestamp.
const BRANCH = [
  // PC 0x400080 at EL0, NS: byte 7 = 0x80.
  0xb0, 0x80, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x80,
  // Context index 0 (0x64): CONTEXTIDR_EL1 = 0x1234.
  0x64, 0x34, 0x12, 0x00, 0x00,
  // Operation Type class 2 (0x4A): COND (bit 0), CR = 0b11 "neither" (bits 4:3) → 0x19.
  0x4a, 0x19,
  // Events, 2-byte (0x52): retired (1) | mispredicted (7) | LLC access (8) = 0x0182.
  0x52, 0x82, 0x01,
  // Counter total (0x98) = 0xFFF, saturated 12-bit.
  0x98, 0xff, 0x0f,
  // Address index 1 (0xB1): branch target 0x400100, EL0, NS.
  0xb1, 0x00, 0x01, 0x40, 0x00, 0x00, 0x00, 0x00, 0x80,
  // Extended header 0x21 + 0xB2: Address index (1 << 3) | 2 = 10, IMPLEMENTATION DEFINED.
  0x21, 0xb2, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
  // Timestamp (0x71): 0x0000000100000002.
  0x71, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
];
const BUFFER = Uint8Array.from([...LOAD, 0x00, 0x00, 0x00, ...BRANCH, 0x00, 0x00]);

describe('decodeSpeBuffer on hand-written records', () => {
  const records = decodeSpeBuffer(BUFFER);

  it('splits the buffer into records, skipping padding', () => {
    expect(records.map((r) => [r.offset, r.length])).toEqual([
      [0, LOAD.length],
      [LOAD.length + 3, BRANCH.length],
    ]);
  });

  it('decodes the load record', () => {
    expect(records[0]!.packets).toEqual([
      { kind: 'address', type: 'pc', va: 0xffff_8000_1000_1234n, el: 1, ns: true, nse: false },
      { kind: 'op-type', op: { class: 'ldst', sub: 'gp', store: false } },
      { kind: 'events', size: 1, bits: 0x16n },
      { kind: 'counter', index: 0, value: 12 },
      { kind: 'counter', index: 1, value: 3 },
      { kind: 'counter', index: 2, value: 0x1ff },
      { kind: 'address', type: 'data-va', va: 0x4010_0008n },
      {
        kind: 'address',
        type: 'data-pa',
        pa: 0x4010_0008n,
        ns: true,
        ch: false,
        nse: false,
        pat: 0,
      },
      { kind: 'end' },
    ]);
  });

  it('decodes the branch record', () => {
    expect(records[1]!.packets).toEqual([
      { kind: 'address', type: 'pc', va: 0x40_0080n, el: 0, ns: true, nse: false },
      { kind: 'context', index: 0, value: 0x1234 },
      {
        kind: 'op-type',
        op: {
          class: 'branch',
          sub: 'branch',
          cond: true,
          indirect: false,
          gcs: false,
          cr: 'neither',
        },
      },
      { kind: 'events', size: 2, bits: 0x182n },
      { kind: 'counter', index: 0, value: 0xfff },
      { kind: 'address', type: 'branch-target', va: 0x40_0100n, el: 0, ns: true, nse: false },
      { kind: 'address', type: 'other', index: 10, payload: 0x0807_0605_0403_0201n },
      { kind: 'timestamp', value: 0x1_0000_0002n },
    ]);
  });

  it('decodes the operation-type subclasses of spe.md §6.5', () => {
    const op = (hdr: number, payload: number): unknown => {
      const [r] = decodeSpeBuffer(Uint8Array.of(hdr, payload, 0x01));
      return r!.packets[0];
    };
    expect(op(0x48, 0b011)).toEqual({
      kind: 'op-type',
      op: { class: 'other', sub: 'general', cond: true, fp: true, simd: false },
    });
    expect(op(0x48, 0b0011_1100)).toEqual({
      kind: 'op-type',
      op: { class: 'other', sub: 'sve', evl: 3, pred: true, fp: false },
    });
    expect(op(0x49, 0b0000_0101)).toEqual({
      kind: 'op-type',
      op: { class: 'ldst', sub: 'simd-fp', store: true },
    });
    expect(op(0x49, 0b0001_1111)).toEqual({
      kind: 'op-type',
      op: {
        class: 'ldst',
        sub: 'extended',
        store: true,
        atomic: true,
        exclusive: true,
        acqrel: true,
      },
    });
    expect(op(0x49, 0b1010_1100)).toEqual({
      kind: 'op-type',
      op: { class: 'ldst', sub: 'sve', store: false, sg: true, evl: 2, pred: true },
    });
    expect(op(0x49, 0b0010_0101)).toEqual({
      kind: 'op-type',
      op: { class: 'ldst', sub: 'memset' },
    });
    expect(op(0x49, 0b0010_0001)).toEqual({
      kind: 'op-type',
      op: { class: 'ldst', sub: 'memcpy', dest: true },
    });
    expect(op(0x4a, 0b0001_0010)).toEqual({
      kind: 'op-type',
      op: { class: 'branch', sub: 'branch', cond: false, indirect: true, gcs: false, cr: 'return' },
    });
  });

  it('skips unknown packets by their size', () => {
    // 0x5F: unknown class, size bits 5:4 = 01 → 2-byte payload; 0x05: single-byte header.
    const [r] = decodeSpeBuffer(Uint8Array.of(0x5f, 0xaa, 0xbb, 0x05, 0x01));
    expect(r!.packets.map((p) => p.kind)).toEqual(['unknown', 'unknown', 'end']);
  });

  it('formats records on one line', () => {
    expect(records.map(formatRecord)).toEqual([
      '@0x000000: PC 0xffff800010001234 el1 ns | LD GP | EV retired,l1d-access,tlb-access | LAT total=12 | LAT issue=3 | LAT translation=511 | VA 0x0000000040100008 | PA 0x00000040100008 ns | END',
      '@0x00002c: PC 0x0000000000400080 el0 ns | CONTEXT_EL1 0x1234 | B COND NEITHER | EV retired,mispredicted,llc-access | LAT total=4095 | TGT 0x0000000000400100 el0 ns | ADDR[10] 0x0807060504030201 | TS 4294967298',
    ]);
    expect(JSON.stringify(recordToJson(records[0]!))).toContain('"va":"0xffff800010001234"');
    expect(formatSpeBuffer(BUFFER).split('\n')).toEqual(records.map(formatRecord));
    const json = JSON.parse(formatSpeBuffer(BUFFER, { json: true })) as { offset: number }[];
    expect(json.map((r) => r.offset)).toEqual([0, 44]);
  });
});

describe('decodeSpeBuffer errors name the byte offset', () => {
  const at = (bytes: number[]): SpeDecodeError => {
    try {
      decodeSpeBuffer(Uint8Array.from(bytes));
    } catch (e) {
      expect(e).toBeInstanceOf(SpeDecodeError);
      return e as SpeDecodeError;
    }
    throw new Error('no error');
  };

  it('truncated payload', () => {
    const e = at([...LOAD, 0xb0, 0x01, 0x02]);
    expect(e.offset).toBe(LOAD.length);
    expect(e.message).toMatch(/offset 41 .*truncated.*8-byte payload/);
  });

  it('extended header at the end, or followed by a non-sized header', () => {
    expect(at([...LOAD, 0x20]).offset).toBe(LOAD.length);
    expect(at([0x00, 0x20, 0x10, 0x01]).message).toMatch(/offset 1 .*not a sized header/);
  });

  it('a record cut off before its End/Timestamp (unless trailing: drop)', () => {
    const bytes = [...LOAD, 0x00, ...LOAD.slice(0, 19)]; // cut between packets
    expect(at(bytes).offset).toBe(LOAD.length + 1);
    expect(at(bytes).kind).toBe('unterminated');
    expect(decodeSpeBuffer(Uint8Array.from(bytes), { trailing: 'drop' })).toHaveLength(1);
    const mid = [...LOAD, 0x00, ...LOAD.slice(0, 20)]; // cut inside the translation counter
    expect(at(mid)).toMatchObject({ offset: LOAD.length + 1 + 19, kind: 'truncated' });
    expect(decodeSpeBuffer(Uint8Array.from(mid), { trailing: 'drop' })).toHaveLength(1);
  });
});
