/**
 * SPE record packets, format version 0 (spe.md §6, [ARM D18]). One type per packet; the
 * encoder and decoder are exact inverses on these (for the canonical header forms).
 */

/** Header bytes and masks (spe.md §6.1). */
export const HDR = {
  PADDING: 0x00,
  END: 0x01,
  TIMESTAMP: 0x71,
  /** (h & 0xCF) == 0x42, size in h[5:4]. */
  EVENTS: 0x42,
  /** (h & 0xCF) == 0x43, size in h[5:4]. */
  DATA_SOURCE: 0x43,
  /** (h & 0xFC) == 0x64, index in h[1:0]. */
  CONTEXT: 0x64,
  /** (h & 0xFC) == 0x48, class in h[1:0]. */
  OP_TYPE: 0x48,
  /** (h & 0xF8) == 0xB0, index in h[2:0]. */
  ADDRESS: 0xb0,
  /** (h & 0xF8) == 0x98, index in h[2:0]. */
  COUNTER: 0x98,
  /** (h & 0xFC) == 0x20, index[4:3] in h[1:0]; the next byte is an address/counter header. */
  EXTENDED: 0x20,
} as const;

/** Address packet indices (spe.md §6.2). */
export const ADDR = {
  PC: 0,
  BRANCH_TARGET: 1,
  DATA_VA: 2,
  DATA_PA: 3,
  PREV_BRANCH_TARGET: 4,
} as const;
/** Counter packet indices (spe.md §6.3). */
export const CTR = { TOTAL: 0, ISSUE: 1, TRANSLATION: 2, ALT_ISSUE: 4 } as const;
/** Context packet indices. */
export const CONTEXT = { CONTEXTIDR_EL1: 0, CONTEXTIDR_EL2: 1 } as const;

/** Events packet bit numbers (spe.md §6.4). */
export const EVENT = {
  EXCEPTION: 0,
  RETIRED: 1,
  L1D_ACCESS: 2,
  L1D_REFILL: 3,
  TLB_ACCESS: 4,
  TLB_WALK: 5,
  NOT_TAKEN: 6,
  MISPREDICTED: 7,
  LLC_ACCESS: 8,
  LLC_MISS: 9,
  REMOTE_ACCESS: 10,
  MISALIGNED: 11,
  TRANSACTIONAL: 16,
  PARTIAL_PREDICATE: 17,
  EMPTY_PREDICATE: 18,
  L2D_ACCESS: 19,
  L2D_MISS: 20,
  CACHE_DATA_MODIFIED: 21,
  RECENTLY_FETCHED: 22,
  DATA_SNOOPED: 23,
  STREAMING_SVE: 24,
  SMCU: 25,
} as const;

export type PayloadSize = 1 | 2 | 4 | 8;

/** PC, branch target and previous branch target: VA plus the EL/security state. */
export interface InsnAddressPacket {
  kind: 'address';
  type: 'pc' | 'branch-target' | 'prev-branch-target';
  /**
   * The canonical 64-bit VA: the packet carries VA[55:0] and the decoder sign-extends bit 55
   * (what perf's decoder does for EL1/EL2 kernel addresses; for valid addresses the same).
   */
  va: bigint;
  el: 0 | 1 | 2 | 3;
  ns: boolean;
  nse: boolean;
}

/**
 * Data VA. The packet's top byte is the tag VA[63:56] when TBI applies and IMPLEMENTATION
 * DEFINED otherwise; hypsim always writes the VA's own top byte, so `va` is the full VA.
 */
export interface DataVaPacket {
  kind: 'address';
  type: 'data-va';
  va: bigint;
}

export interface DataPaPacket {
  kind: 'address';
  type: 'data-pa';
  /** PA[55:0]. */
  pa: bigint;
  ns: boolean;
  /** MTE: the access was tag-checked. */
  ch: boolean;
  nse: boolean;
  /** MTE physical address tag (bits 59:56). */
  pat: number;
}

/** IMPLEMENTATION DEFINED indices (5–31): the raw payload. */
export interface OtherAddressPacket {
  kind: 'address';
  type: 'other';
  index: number;
  payload: bigint;
}

export type AddressPacket = InsnAddressPacket | DataVaPacket | DataPaPacket | OtherAddressPacket;

export interface CounterPacket {
  kind: 'counter';
  /** 0 total, 1 issue, 2 translation, 4 alternate-clock issue; 0–31 encodable. */
  index: number;
  value: number;
}

export interface EventsPacket {
  kind: 'events';
  size: PayloadSize;
  /** Bit n = event n (EVENT). */
  bits: bigint;
}

export interface DataSourcePacket {
  kind: 'data-source';
  size: PayloadSize;
  value: bigint;
}

export interface ContextPacket {
  kind: 'context';
  /** 0 CONTEXTIDR_EL1, 1 CONTEXTIDR_EL2 (2, 3 reserved). */
  index: number;
  value: number;
}

export type BranchCr = 'not-recorded' | 'link' | 'return' | 'neither';

/** Operation Type payloads by class and subclass (spe.md §6.5). */
export type OpType =
  | { class: 'other'; sub: 'general'; cond: boolean; fp: boolean; simd: boolean }
  | { class: 'other'; sub: 'sve'; evl: number; pred: boolean; fp: boolean }
  | { class: 'other'; sub: 'sme'; payload: number }
  | {
      class: 'ldst';
      sub: 'gp' | 'simd-fp' | 'unspecified' | 'mte-tag' | 'nv2';
      store: boolean;
    }
  | {
      class: 'ldst';
      sub: 'extended';
      store: boolean;
      atomic: boolean;
      exclusive: boolean;
      acqrel: boolean;
    }
  | { class: 'ldst'; sub: 'sve'; store: boolean; sg: boolean; evl: number; pred: boolean }
  | { class: 'ldst'; sub: 'memcpy'; dest: boolean }
  | { class: 'ldst'; sub: 'memset' }
  /** GCS access 0b01000x0S; bit 2's meaning is not in spe.md, so it is kept raw. */
  | { class: 'ldst'; sub: 'gcs'; store: boolean; bit2: boolean }
  | {
      class: 'branch';
      sub: 'branch';
      cond: boolean;
      indirect: boolean;
      gcs: boolean;
      cr: BranchCr;
    }
  /** A payload no row of the table matches (or class 3): kept so it re-encodes exactly. */
  | { class: 'other' | 'ldst' | 'branch' | 'reserved'; sub: 'unknown'; payload: number };

export interface OpTypePacket {
  kind: 'op-type';
  op: OpType;
}

export interface TimestampPacket {
  kind: 'timestamp';
  value: bigint;
}

export interface EndPacket {
  kind: 'end';
}

/** A packet this decoder does not know, skipped by its size (spe.md §6 "Decoders must skip"). */
export interface UnknownPacket {
  kind: 'unknown';
  /** The header bytes (two for an extended header). */
  header: number[];
  payload: Uint8Array;
}

export type SpePacket =
  | AddressPacket
  | CounterPacket
  | EventsPacket
  | DataSourcePacket
  | ContextPacket
  | OpTypePacket
  | TimestampPacket
  | EndPacket
  | UnknownPacket;

/** A record: its packets, the last one End or Timestamp. Padding is not kept. */
export interface SpeRecord {
  /** Byte offset of the record's first packet in the buffer. */
  offset: number;
  /** Length in bytes from the first packet through the terminator (padding inside included). */
  length: number;
  packets: SpePacket[];
}

export class SpeDecodeError extends Error {
  constructor(
    message: string,
    /** Byte offset of the packet (header) or record that could not be decoded. */
    readonly offset: number,
    /**
     * `truncated`: a packet runs past the end of the bytes; `unterminated`: the last record
     * has no End/Timestamp; `malformed`: bytes that are no packet (bad extended header).
     */
    readonly kind: 'truncated' | 'unterminated' | 'malformed',
  ) {
    super(`SPE decode error at byte offset ${offset} (0x${offset.toString(16)}): ${message}`);
    this.name = 'SpeDecodeError';
  }
}
