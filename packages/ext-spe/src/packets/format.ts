import { decodeSpeBuffer, type DecodeOptions } from './decode.js';
import { EVENT, type OpType, type SpePacket, type SpeRecord } from './types.js';

/** Human-readable and JSON forms of decoded records, for `hypsim spe-decode`. */

const hex = (v: bigint | number, width = 0): string => `0x${v.toString(16).padStart(width, '0')}`;

const EVENT_NAMES = new Map<number, string>(
  Object.entries(EVENT).map(([name, bit]) => [bit, name.toLowerCase().replaceAll('_', '-')]),
);

/** Event names of the set bits; IMPLEMENTATION DEFINED / unnamed bits as `bitN`. */
export function eventNames(bits: bigint): string[] {
  const out: string[] = [];
  for (let i = 0; i < 64; i++)
    if ((bits >> BigInt(i)) & 1n) out.push(EVENT_NAMES.get(i) ?? `bit${i}`);
  return out;
}

const COUNTER_NAMES = ['total', 'issue', 'translation', undefined, 'alt-issue'];
const flag = (on: boolean, name: string): string[] => (on ? [name] : []);

export function formatOpType(op: OpType): string {
  switch (op.sub) {
    case 'unknown':
      return `${op.class.toUpperCase()} payload=${hex(op.payload, 2)}`;
    case 'general':
      return [
        'OTHER',
        ...flag(op.cond, 'COND'),
        ...flag(op.fp, 'FP'),
        ...flag(op.simd, 'SIMD'),
      ].join(' ');
    case 'sme':
      return `OTHER SME-ARRAY payload=${hex(op.payload, 2)}`;
    case 'sve':
      return op.class === 'other'
        ? ['OTHER SVE', `EVL=${32 << op.evl}`, ...flag(op.pred, 'PRED'), ...flag(op.fp, 'FP')].join(
            ' ',
          )
        : [
            op.store ? 'ST' : 'LD',
            'SVE',
            `EVL=${32 << op.evl}`,
            ...flag(op.pred, 'PRED'),
            ...flag(op.sg, 'SG'),
          ].join(' ');
    case 'gp':
    case 'simd-fp':
    case 'unspecified':
    case 'mte-tag':
    case 'nv2':
      return `${op.store ? 'ST' : 'LD'} ${op.sub.toUpperCase()}`;
    case 'extended':
      return [
        op.store ? 'ST' : 'LD',
        ...flag(op.atomic, 'AT'),
        ...flag(op.exclusive, 'EXCL'),
        ...flag(op.acqrel, 'AR'),
      ].join(' ');
    case 'memcpy':
      return `MEMCPY ${op.dest ? 'DEST' : 'SRC'}`;
    case 'memset':
      return 'MEMSET';
    case 'gcs':
      return `${op.store ? 'ST' : 'LD'} GCS${op.bit2 ? ' bit2' : ''}`;
    case 'branch':
      return [
        'B',
        ...flag(op.cond, 'COND'),
        ...flag(op.indirect, 'IND'),
        ...flag(op.gcs, 'GCS'),
        ...(op.cr === 'not-recorded' ? [] : [op.cr.toUpperCase()]),
      ].join(' ');
  }
}

export function formatPacket(p: SpePacket): string {
  switch (p.kind) {
    case 'address':
      switch (p.type) {
        case 'pc':
        case 'branch-target':
        case 'prev-branch-target': {
          const name = p.type === 'pc' ? 'PC' : p.type === 'branch-target' ? 'TGT' : 'PBT';
          return `${name} ${hex(p.va, 16)} el${p.el} ${p.ns ? 'ns' : 's'}${p.nse ? ' nse' : ''}`;
        }
        case 'data-va':
          return `VA ${hex(p.va, 16)}`;
        case 'data-pa':
          return [
            `PA ${hex(p.pa, 14)}`,
            p.ns ? 'ns' : 's',
            ...flag(p.ch, 'ch'),
            ...flag(p.nse, 'nse'),
            ...(p.pat !== 0 ? [`pat=${p.pat}`] : []),
          ].join(' ');
        case 'other':
          return `ADDR[${p.index}] ${hex(p.payload, 16)}`;
      }
      break;
    case 'counter':
      return `LAT ${COUNTER_NAMES[p.index] ?? `counter${p.index}`}=${p.value}`;
    case 'events':
      return `EV ${eventNames(p.bits).join(',') || '-'}`;
    case 'data-source':
      return `DS ${hex(p.value)}`;
    case 'context':
      return `CONTEXT${p.index === 0 ? '_EL1' : p.index === 1 ? '_EL2' : `[${p.index}]`} ${hex(p.value)}`;
    case 'op-type':
      return formatOpType(p.op);
    case 'timestamp':
      return `TS ${p.value}`;
    case 'end':
      return 'END';
    case 'unknown':
      return `UNKNOWN ${p.header.map((x) => hex(x, 2)).join(' ')} +${p.payload.length}`;
  }
}

/** One line per record: `@offset: PC … | LD GP | EV … | LAT total=… | VA … | END`. */
export function formatRecord(r: SpeRecord): string {
  return `@${hex(r.offset, 6)}: ${r.packets.map(formatPacket).join(' | ')}`;
}

/** JSON-safe form (bigints as hex strings, byte arrays as numbers) for `--json`. */
export function recordToJson(r: SpeRecord): unknown {
  return JSON.parse(
    JSON.stringify(r, (_k, v: unknown) =>
      typeof v === 'bigint' ? hex(v) : v instanceof Uint8Array ? [...v] : v,
    ),
  );
}

/**
 * What `hypsim spe-decode FILE [--json]` prints: one line per record, or a JSON array.
 * Throws SpeDecodeError (with the byte offset) on bytes that are not records.
 */
export function formatSpeBuffer(
  bytes: Uint8Array,
  opts: DecodeOptions & { json?: boolean } = {},
): string {
  const records = decodeSpeBuffer(bytes, opts);
  return opts.json
    ? JSON.stringify(records.map(recordToJson), null, 2)
    : records.map(formatRecord).join('\n');
}
