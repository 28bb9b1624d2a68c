import {
  ADDR,
  CTR,
  HDR,
  type BranchCr,
  type InsnAddressPacket,
  type OpType,
  type PayloadSize,
  type SpePacket,
} from './types.js';

/**
 * The packet encoder (spe.md §6): each function returns one packet's bytes, header first,
 * payload little-endian. Out-of-range inputs throw RangeError — an encoder bug should stop
 * the unit, not write a record the decoder reads back differently.
 */

const MASK56 = (1n << 56n) - 1n;
const SIZE_CODE: Record<PayloadSize, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };

function le(value: bigint, size: number, out: number[]): void {
  let v = BigInt.asUintN(64, value);
  for (let i = 0; i < size; i++) {
    out.push(Number(v & 0xffn));
    v >>= 8n;
  }
}

function checkRange(what: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 0 || v > max)
    throw new RangeError(`${what} ${v} is outside 0..${max}`);
}

/** Short header `base | index` for index < 8, else the extended prefix then the short header. */
function indexedHeader(base: number, index: number, out: number[]): void {
  checkRange('packet index', index, 31);
  if (index >= 8) out.push(HDR.EXTENDED | (index >> 3));
  out.push(base | (index & 7));
}

/** An Address packet with a raw 64-bit payload (any index 0–31). */
export function addressPacket(index: number, payload: bigint): Uint8Array {
  const out: number[] = [];
  indexedHeader(HDR.ADDRESS, index, out);
  le(payload, 8, out);
  return Uint8Array.from(out);
}

/** Byte 7 of a PC/branch-target payload: NS bit 63, EL bits 62:61, NSE bit 60. */
function insnAddressPayload(p: Omit<InsnAddressPacket, 'kind' | 'type'>): bigint {
  checkRange('EL', p.el, 3);
  return (
    (BigInt.asUintN(64, p.va) & MASK56) |
    (p.ns ? 1n << 63n : 0n) |
    (BigInt(p.el) << 61n) |
    (p.nse ? 1n << 60n : 0n)
  );
}

export interface InsnAddress {
  va: bigint;
  el: 0 | 1 | 2 | 3;
  ns: boolean;
  nse?: boolean;
}

/** Address index 0: the sampled operation's PC. */
export function pcPacket(a: InsnAddress): Uint8Array {
  return addressPacket(ADDR.PC, insnAddressPayload({ nse: false, ...a }));
}

/** Address index 1: the branch target. */
export function branchTargetPacket(a: InsnAddress): Uint8Array {
  return addressPacket(ADDR.BRANCH_TARGET, insnAddressPayload({ nse: false, ...a }));
}

/** Address index 4: the previous branch target (FEAT_SPE_PBT). */
export function prevBranchTargetPacket(a: InsnAddress): Uint8Array {
  return addressPacket(ADDR.PREV_BRANCH_TARGET, insnAddressPayload({ nse: false, ...a }));
}

/** Address index 2: the data VA, all 64 bits (the top byte is the tag, see DataVaPacket). */
export function dataVaPacket(va: bigint): Uint8Array {
  return addressPacket(ADDR.DATA_VA, va);
}

export interface DataPa {
  pa: bigint;
  ns: boolean;
  ch?: boolean;
  nse?: boolean;
  pat?: number;
}

/** Address index 3: the data PA with NS (bit 63), CH (62), NSE (60) and PAT (59:56). */
export function dataPaPacket(a: DataPa): Uint8Array {
  const pat = a.pat ?? 0;
  checkRange('PAT', pat, 15);
  if (a.pa < 0n || a.pa > MASK56) throw new RangeError(`PA 0x${a.pa.toString(16)} exceeds 56 bits`);
  return addressPacket(
    ADDR.DATA_PA,
    a.pa |
      (a.ns ? 1n << 63n : 0n) |
      (a.ch ? 1n << 62n : 0n) |
      (a.nse ? 1n << 60n : 0n) |
      (BigInt(pat) << 56n),
  );
}

/** A Counter packet: 16-bit payload (saturation to CountSize is the sampler's job). */
export function counterPacket(index: number, value: number): Uint8Array {
  checkRange('counter value', value, 0xffff);
  const out: number[] = [];
  indexedHeader(HDR.COUNTER, index, out);
  out.push(value & 0xff, value >>> 8);
  return Uint8Array.from(out);
}

export const totalLatencyPacket = (v: number): Uint8Array => counterPacket(CTR.TOTAL, v);
export const issueLatencyPacket = (v: number): Uint8Array => counterPacket(CTR.ISSUE, v);
export const translationLatencyPacket = (v: number): Uint8Array =>
  counterPacket(CTR.TRANSLATION, v);

/** The smallest payload that holds `bits` (bits ≥8 need 2 bytes, ≥16 need 4, ≥32 need 8). */
export function eventsSize(bits: bigint): PayloadSize {
  if (bits < 1n << 8n) return 1;
  if (bits < 1n << 16n) return 2;
  if (bits < 1n << 32n) return 4;
  return 8;
}

/** An Events packet; `size` defaults to the smallest that holds the bits. */
export function eventsPacket(bits: bigint, size: PayloadSize = eventsSize(bits)): Uint8Array {
  if (bits < 0n || bits >= 1n << BigInt(8 * size))
    throw new RangeError(`events 0x${bits.toString(16)} do not fit in ${size} byte(s)`);
  const out = [HDR.EVENTS | (SIZE_CODE[size] << 4)];
  le(bits, size, out);
  return Uint8Array.from(out);
}

/** A Data Source packet (1 or 2 bytes are defined; 4 and 8 are reserved but encodable). */
export function dataSourcePacket(value: bigint, size: PayloadSize): Uint8Array {
  if (value < 0n || value >= 1n << BigInt(8 * size))
    throw new RangeError(`data source 0x${value.toString(16)} does not fit in ${size} byte(s)`);
  const out = [HDR.DATA_SOURCE | (SIZE_CODE[size] << 4)];
  le(value, size, out);
  return Uint8Array.from(out);
}

/** A Context packet: index 0 = CONTEXTIDR_EL1, 1 = CONTEXTIDR_EL2; 32-bit value. */
export function contextPacket(index: number, value: number): Uint8Array {
  checkRange('context index', index, 3);
  checkRange('context value', value, 0xffff_ffff);
  const out = [HDR.CONTEXT | index];
  le(BigInt(value), 4, out);
  return Uint8Array.from(out);
}

const CR_BITS: Record<BranchCr, number> = { 'not-recorded': 0, link: 1, return: 2, neither: 3 };
const LDST_PLAIN = { gp: 0x00, 'simd-fp': 0x04, unspecified: 0x10, 'mte-tag': 0x14, nv2: 0x30 };
const CLASS_BITS = { other: 0, ldst: 1, branch: 2, reserved: 3 } as const;
const b = (v: boolean, bit: number): number => (v ? 1 << bit : 0);

/** Operation Type class (header[1:0]) and payload byte for an OpType (spe.md §6.5). */
export function opTypeBytes(op: OpType): { cls: number; payload: number } {
  const cls = CLASS_BITS[op.class];
  switch (op.sub) {
    case 'unknown':
      checkRange('op-type payload', op.payload, 0xff);
      return { cls, payload: op.payload };
    case 'general':
      return { cls, payload: b(op.cond, 0) | b(op.fp, 1) | b(op.simd, 2) };
    case 'sme':
      if ((op.payload & 0x89) !== 0x88)
        throw new RangeError(`SME payload 0x${op.payload.toString(16)} is not 0b1xxx1xx0`);
      return { cls, payload: op.payload };
    case 'sve':
      checkRange('EVL', op.evl, 7);
      if (op.class === 'other')
        return { cls, payload: 0x08 | (op.evl << 4) | b(op.pred, 2) | b(op.fp, 1) };
      return {
        cls,
        payload: 0x08 | b(op.sg, 7) | (op.evl << 4) | b(op.pred, 2) | b(op.store, 0),
      };
    case 'gp':
    case 'simd-fp':
    case 'unspecified':
    case 'mte-tag':
    case 'nv2':
      return { cls, payload: LDST_PLAIN[op.sub] | b(op.store, 0) };
    case 'extended':
      return {
        cls,
        payload: 0x02 | b(op.store, 0) | b(op.atomic, 2) | b(op.exclusive, 3) | b(op.acqrel, 4),
      };
    case 'memcpy':
      return { cls, payload: 0x20 | b(op.dest, 0) };
    case 'memset':
      return { cls, payload: 0x25 };
    case 'gcs':
      return { cls, payload: 0x40 | b(op.bit2, 2) | b(op.store, 0) };
    case 'branch':
      return {
        cls,
        payload: b(op.cond, 0) | b(op.indirect, 1) | b(op.gcs, 2) | (CR_BITS[op.cr] << 3),
      };
  }
}

export function opTypePacket(op: OpType): Uint8Array {
  const { cls, payload } = opTypeBytes(op);
  return Uint8Array.of(HDR.OP_TYPE | cls, payload);
}

/** A Timestamp packet (64-bit counter value); it also ends the record when PMSCR.TS=1. */
export function timestampPacket(value: bigint): Uint8Array {
  const out: number[] = [HDR.TIMESTAMP];
  le(value, 8, out);
  return Uint8Array.from(out);
}

/** The End packet: ends a record when PMSCR.TS=0. */
export function endPacket(): Uint8Array {
  return Uint8Array.of(HDR.END);
}

/** `n` Padding packets (0x00), as the driver fills unused buffer space. */
export function padding(n: number): Uint8Array {
  return new Uint8Array(n);
}

const ADDRESS_INDEX = {
  pc: ADDR.PC,
  'branch-target': ADDR.BRANCH_TARGET,
  'prev-branch-target': ADDR.PREV_BRANCH_TARGET,
} as const;

/** Encodes any typed packet (the decoder's output type): the inverse of decoding. */
export function encodePacket(p: SpePacket): Uint8Array {
  switch (p.kind) {
    case 'address':
      switch (p.type) {
        case 'pc':
        case 'branch-target':
        case 'prev-branch-target':
          return addressPacket(ADDRESS_INDEX[p.type], insnAddressPayload(p));
        case 'data-va':
          return dataVaPacket(p.va);
        case 'data-pa':
          return dataPaPacket(p);
        case 'other':
          return addressPacket(p.index, p.payload);
      }
      break;
    case 'counter':
      return counterPacket(p.index, p.value);
    case 'events':
      return eventsPacket(p.bits, p.size);
    case 'data-source':
      return dataSourcePacket(p.value, p.size);
    case 'context':
      return contextPacket(p.index, p.value);
    case 'op-type':
      return opTypePacket(p.op);
    case 'timestamp':
      return timestampPacket(p.value);
    case 'end':
      return endPacket();
    case 'unknown':
      return Uint8Array.from([...p.header, ...p.payload]);
  }
}

/** Concatenates packets into one record's bytes. */
export function encodeRecord(packets: readonly (SpePacket | Uint8Array)[]): Uint8Array {
  const parts = packets.map((p) => (p instanceof Uint8Array ? p : encodePacket(p)));
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}
