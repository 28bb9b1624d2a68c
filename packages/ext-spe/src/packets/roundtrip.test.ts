import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOpType, decodeSpeBuffer } from './decode.js';
import { encodeRecord, opTypeBytes, padding } from './encode.js';
import { SpeDecodeError, type PayloadSize, type SpePacket } from './types.js';

/** Encode → decode is the identity on typed packets; the decoder survives any bytes. */

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const size = fc.constantFrom<PayloadSize>(1, 2, 4, 8);
const sized = (s: PayloadSize): fc.Arbitrary<bigint> =>
  fc.bigInt({ min: 0n, max: (1n << BigInt(8 * s)) - 1n });

const bodyPacket: fc.Arbitrary<SpePacket> = fc.oneof(
  fc.record({
    kind: fc.constant('address' as const),
    type: fc.constantFrom('pc' as const, 'branch-target' as const, 'prev-branch-target' as const),
    va: fc.bigInt({ min: -(1n << 55n), max: (1n << 55n) - 1n }).map((v) => BigInt.asUintN(64, v)),
    el: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    ns: fc.boolean(),
    nse: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('address' as const),
    type: fc.constant('data-va' as const),
    va: u64,
  }),
  fc.record({
    kind: fc.constant('address' as const),
    type: fc.constant('data-pa' as const),
    pa: fc.bigInt({ min: 0n, max: (1n << 56n) - 1n }),
    ns: fc.boolean(),
    ch: fc.boolean(),
    nse: fc.boolean(),
    pat: fc.integer({ min: 0, max: 15 }),
  }),
  fc.record({
    kind: fc.constant('address' as const),
    type: fc.constant('other' as const),
    index: fc.integer({ min: 5, max: 31 }),
    payload: u64,
  }),
  fc.record({
    kind: fc.constant('counter' as const),
    index: fc.integer({ min: 0, max: 31 }),
    value: fc.integer({ min: 0, max: 0xffff }),
  }),
  size.chain((s) =>
    fc.record({ kind: fc.constant('events' as const), size: fc.constant(s), bits: sized(s) }),
  ),
  size.chain((s) =>
    fc.record({ kind: fc.constant('data-source' as const), size: fc.constant(s), value: sized(s) }),
  ),
  fc.record({
    kind: fc.constant('context' as const),
    index: fc.integer({ min: 0, max: 3 }),
    value: fc.integer({ min: 0, max: 0xffff_ffff }),
  }),
  fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }))
    .map(([c, p]): SpePacket => ({ kind: 'op-type', op: decodeOpType(c, p) })),
);

const terminator: fc.Arbitrary<SpePacket> = fc.oneof(
  fc.constant<SpePacket>({ kind: 'end' }),
  u64.map((value): SpePacket => ({ kind: 'timestamp', value })),
);

const record = fc
  .tuple(fc.array(bodyPacket, { maxLength: 12 }), terminator, fc.nat({ max: 4 }))
  .map(([body, end, pad]) => ({ packets: [...body, end], pad }));

describe('SPE packets round-trip', () => {
  it('every operation-type (class, payload) decodes to a subclass that re-encodes exactly', () => {
    for (let cls = 0; cls < 4; cls++)
      for (let p = 0; p < 256; p++)
        expect(opTypeBytes(decodeOpType(cls, p))).toEqual({ cls, payload: p });
  });

  it('encodeRecord → decodeSpeBuffer gives back the records (with padding between)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (recs) => {
        const bytes = encodeRecord(recs.flatMap((r) => [...r.packets, padding(r.pad)]));
        const decoded = decodeSpeBuffer(bytes);
        expect(decoded.map((r) => r.packets)).toEqual(recs.map((r) => r.packets));
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary bytes decode or raise SpeDecodeError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeSpeBuffer(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(SpeDecodeError);
          const off = (e as SpeDecodeError).offset;
          expect(off >= 0 && off <= bytes.length).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
