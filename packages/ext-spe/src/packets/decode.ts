import {
  ADDR,
  HDR,
  SpeDecodeError,
  type AddressPacket,
  type BranchCr,
  type OpType,
  type PayloadSize,
  type SpePacket,
  type SpeRecord,
} from './types.js';

/**
 * The packet decoder (spe.md §6). Bytes in, typed packets out; anything it cannot read
 * (a payload running past the end, an extended header not followed by an address or counter
 * header, a record without its End/Timestamp) raises SpeDecodeError with the byte offset.
 * It never reads past `bytes` and never throws anything else.
 */

const MASK56 = (1n << 56n) - 1n;
const CR: readonly BranchCr[] = ['not-recorded', 'link', 'return', 'neither'];

function readLe(bytes: Uint8Array, at: number, size: number): bigint {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]!);
  return v;
}

/** Sign-extends VA[55:0] to the canonical 64-bit address. */
function canonical56(v: bigint): bigint {
  return BigInt.asUintN(64, BigInt.asIntN(56, v & MASK56));
}

function decodeAddress(index: number, p: bigint): AddressPacket {
  const el = Number((p >> 61n) & 3n) as 0 | 1 | 2 | 3;
  const ns = ((p >> 63n) & 1n) === 1n;
  const nse = ((p >> 60n) & 1n) === 1n;
  switch (index) {
    case ADDR.PC:
    case ADDR.BRANCH_TARGET:
    case ADDR.PREV_BRANCH_TARGET: {
      const type =
        index === ADDR.PC
          ? 'pc'
          : index === ADDR.BRANCH_TARGET
            ? 'branch-target'
            : 'prev-branch-target';
      return { kind: 'address', type, va: canonical56(p), el, ns, nse };
    }
    case ADDR.DATA_VA:
      return { kind: 'address', type: 'data-va', va: p };
    case ADDR.DATA_PA:
      return {
        kind: 'address',
        type: 'data-pa',
        pa: p & MASK56,
        ns,
        ch: ((p >> 62n) & 1n) === 1n,
        nse,
        pat: Number((p >> 56n) & 0xfn),
      };
    default:
      return { kind: 'address', type: 'other', index, payload: p };
  }
}

const bit = (v: number, n: number): boolean => ((v >> n) & 1) === 1;

/** Operation Type payload → subclass (spe.md §6.5), most specific patterns first. */
export function decodeOpType(cls: number, p: number): OpType {
  if (cls === 0) {
    if ((p & 0xf8) === 0)
      return { class: 'other', sub: 'general', cond: bit(p, 0), fp: bit(p, 1), simd: bit(p, 2) };
    if ((p & 0x89) === 0x08)
      return { class: 'other', sub: 'sve', evl: (p >> 4) & 7, pred: bit(p, 2), fp: bit(p, 1) };
    if ((p & 0x89) === 0x88) return { class: 'other', sub: 'sme', payload: p };
    return { class: 'other', sub: 'unknown', payload: p };
  }
  if (cls === 1) {
    const store = bit(p, 0);
    switch (p & 0xfe) {
      case 0x00:
        return { class: 'ldst', sub: 'gp', store };
      case 0x04:
        return { class: 'ldst', sub: 'simd-fp', store };
      case 0x10:
        return { class: 'ldst', sub: 'unspecified', store };
      case 0x14:
        return { class: 'ldst', sub: 'mte-tag', store };
      case 0x30:
        return { class: 'ldst', sub: 'nv2', store };
      case 0x20:
        return { class: 'ldst', sub: 'memcpy', dest: store };
    }
    if (p === 0x25) return { class: 'ldst', sub: 'memset' };
    if ((p & 0xfa) === 0x40) return { class: 'ldst', sub: 'gcs', store, bit2: bit(p, 2) };
    if ((p & 0xe2) === 0x02)
      return {
        class: 'ldst',
        sub: 'extended',
        store,
        atomic: bit(p, 2),
        exclusive: bit(p, 3),
        acqrel: bit(p, 4),
      };
    if ((p & 0x0a) === 0x08)
      return {
        class: 'ldst',
        sub: 'sve',
        store,
        sg: bit(p, 7),
        evl: (p >> 4) & 7,
        pred: bit(p, 2),
      };
    return { class: 'ldst', sub: 'unknown', payload: p };
  }
  if (cls === 2 && (p & 0xe0) === 0)
    return {
      class: 'branch',
      sub: 'branch',
      cond: bit(p, 0),
      indirect: bit(p, 1),
      gcs: bit(p, 2),
      cr: CR[(p >> 3) & 3]!,
    };
  return { class: cls === 2 ? 'branch' : 'reserved', sub: 'unknown', payload: p };
}

/** Payload size from header bits 5:4 (headers 0x40–0xFF and the second extended byte). */
const sizeOf = (h: number): PayloadSize => (1 << ((h >> 4) & 3)) as PayloadSize;

export interface DecodedPacket {
  packet: SpePacket | 'padding';
  /** Offset of the first header byte. */
  offset: number;
  /** Total bytes (headers and payload). */
  length: number;
}

/** Decodes the one packet at `at`. */
export function decodePacket(bytes: Uint8Array, at: number): DecodedPacket {
  const h0 = bytes[at];
  if (h0 === undefined)
    throw new SpeDecodeError('no packet header (end of buffer)', at, 'truncated');
  const need = (n: number, what: string): void => {
    if (at + n > bytes.length)
      throw new SpeDecodeError(
        `truncated ${what}: needs ${n} bytes, ${bytes.length - at} left`,
        at,
        'truncated',
      );
  };
  if (h0 === HDR.PADDING) return { packet: 'padding', offset: at, length: 1 };
  if (h0 === HDR.END) return { packet: { kind: 'end' }, offset: at, length: 1 };
  if (h0 < 0x20)
    // Headers 0b000xxxxx other than Padding/End carry no payload (D18.1.1): skip the byte.
    return {
      packet: { kind: 'unknown', header: [h0], payload: new Uint8Array(0) },
      offset: at,
      length: 1,
    };
  let hdrLen = 1;
  let h = h0;
  let extIndex = 0;
  if (h0 < 0x40) {
    // Extended header (0x20–0x3F): the next byte is the real header, index bits 4:3 here.
    need(2, 'extended header');
    h = bytes[at + 1]!;
    hdrLen = 2;
    if (h < 0x40)
      throw new SpeDecodeError(
        `extended header 0x${h0.toString(16)} followed by 0x${h.toString(16)}, which is not a sized header`,
        at,
        'malformed',
      );
    extIndex = (h0 & 3) << 3;
  }
  const size = sizeOf(h);
  need(hdrLen + size, `packet 0x${h.toString(16)} (${size}-byte payload)`);
  const p = readLe(bytes, at + hdrLen, size);
  const length = hdrLen + size;
  const done = (packet: SpePacket): DecodedPacket => ({ packet, offset: at, length });

  const isExtended = hdrLen === 2;
  const extendedKnown = (h & 0xf8) === HDR.ADDRESS || (h & 0xf8) === HDR.COUNTER;
  if (isExtended && (!extendedKnown || (h0 & 0xfc) !== HDR.EXTENDED))
    return done({ kind: 'unknown', header: [h0, h], payload: bytes.slice(at + 2, at + length) });

  if ((h & 0xf8) === HDR.ADDRESS) return done(decodeAddress(extIndex | (h & 7), p));
  if ((h & 0xf8) === HDR.COUNTER)
    return done({ kind: 'counter', index: extIndex | (h & 7), value: Number(p) });
  if (h === HDR.TIMESTAMP) return done({ kind: 'timestamp', value: p });
  if ((h & 0xcf) === HDR.EVENTS) return done({ kind: 'events', size, bits: p });
  if ((h & 0xcf) === HDR.DATA_SOURCE) return done({ kind: 'data-source', size, value: p });
  if ((h & 0xfc) === HDR.CONTEXT) return done({ kind: 'context', index: h & 3, value: Number(p) });
  if ((h & 0xfc) === HDR.OP_TYPE)
    return done({ kind: 'op-type', op: decodeOpType(h & 3, Number(p)) });
  return done({ kind: 'unknown', header: [h], payload: bytes.slice(at + 1, at + length) });
}

export interface DecodeOptions {
  /**
   * What to do with a record the bytes cut off (no End/Timestamp, or a packet running past
   * the end — e.g. after a buffer fault with PMBSR.DL=1): 'error' (default) raises
   * SpeDecodeError, 'drop' returns the complete records before it.
   */
  trailing?: 'error' | 'drop';
}

/**
 * Splits a profiling buffer into records: padding between (and inside) records is skipped,
 * each record ends with an End or Timestamp packet.
 */
export function decodeSpeBuffer(bytes: Uint8Array, opts: DecodeOptions = {}): SpeRecord[] {
  const records: SpeRecord[] = [];
  let packets: SpePacket[] = [];
  let start = -1;
  let at = 0;
  const drop = opts.trailing === 'drop';
  while (at < bytes.length) {
    let d: DecodedPacket;
    try {
      d = decodePacket(bytes, at);
    } catch (e) {
      if (drop && e instanceof SpeDecodeError && e.kind === 'truncated') return records;
      throw e;
    }
    at += d.length;
    if (d.packet === 'padding') continue;
    if (start < 0) start = d.offset;
    packets.push(d.packet);
    if (d.packet.kind === 'end' || d.packet.kind === 'timestamp') {
      records.push({ offset: start, length: at - start, packets });
      packets = [];
      start = -1;
    }
  }
  if (start >= 0 && !drop)
    throw new SpeDecodeError(
      `record of ${packets.length} packet(s) is not terminated by an End or Timestamp packet`,
      start,
      'unterminated',
    );
  return records;
}
