import type { Cpu } from '../cpu/cpu.js';
import { undefinedInstruction } from '../cpu/exception.js';
import type { DecodeTable, Exec, Fields, InsnPattern, FieldSpec } from './pattern.js';
import { parsePattern } from './pattern.js';

/** A pattern after parsing, tagged with where it came from. */
export interface CompiledPattern {
  name: string;
  owner: string;
  table: string;
  priority: number;
  mask: number;
  value: number;
  fields: FieldSpec[];
  feature: string | undefined;
  decode: ((f: Fields) => unknown) | undefined;
  exec: Exec<unknown>;
}

export interface TableSource {
  owner: string;
  table: DecodeTable;
}

/** Bits [31:21] select a bucket; a pattern sits in every bucket its fixed bits allow. */
const BUCKET_SHIFT = 21;
const BUCKET_BITS = 11;

function describe(p: CompiledPattern): string {
  return `${p.name} (table ${p.table} of ${p.owner}, priority ${p.priority})`;
}

/** Identity of a table object, for the compile cache key. */
const tableIds = new WeakMap<DecodeTable, number>();
let nextTableId = 0;
/** Recently compiled table lists (parsing and the overlap check cost ~10 ms per machine). */
const compiled = new Map<string, CompiledPattern[]>();
const COMPILED_CACHE_SIZE = 16;

/**
 * Parses all tables and rejects overlapping patterns at one priority. Machines built from the
 * same table objects (every test machine, every demo run) share one compiled, frozen list.
 */
export function compileTables(sources: readonly TableSource[]): readonly CompiledPattern[] {
  let key = '';
  for (const { owner, table } of sources) {
    let id = tableIds.get(table);
    if (id === undefined) tableIds.set(table, (id = nextTableId++));
    key += `${owner}\u0000${id}\u0001`;
  }
  const hit = compiled.get(key);
  if (hit) return hit;
  const all = compileFresh(sources);
  if (compiled.size >= COMPILED_CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, all);
  return all;
}

function compileFresh(sources: readonly TableSource[]): CompiledPattern[] {
  const all: CompiledPattern[] = [];
  for (const { owner, table } of sources) {
    for (const raw of table.patterns) {
      const p = raw as InsnPattern<unknown>;
      const where = `decode pattern ${p.name} (table ${table.name} of ${owner})`;
      const parsed = parsePattern(p.pattern, where);
      all.push({
        name: p.name,
        owner,
        table: table.name,
        priority: p.priority ?? table.priority,
        mask: parsed.mask,
        value: parsed.value,
        fields: parsed.fields,
        feature: p.feature,
        decode: p.decode as ((f: Fields) => unknown) | undefined,
        exec: p.exec,
      });
    }
  }
  checkOverlaps(all);
  for (const p of all) Object.freeze(p);
  return Object.freeze(all) as CompiledPattern[];
}

/**
 * Two patterns overlap when some encoding matches both: their fixed bits agree wherever both
 * are fixed. Patterns gated by different features can still meet on a CPU that has both, so
 * they are checked too.
 */
export function checkOverlaps(all: readonly CompiledPattern[]): void {
  const byPriority = new Map<number, CompiledPattern[]>();
  for (const p of all) {
    const list = byPriority.get(p.priority) ?? [];
    list.push(p);
    byPriority.set(p.priority, list);
  }
  for (const list of byPriority.values()) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!,
          b = list[j]!;
        if (((a.value ^ b.value) & a.mask & b.mask) === 0)
          throw new Error(
            `overlapping decode patterns at one priority: ${describe(a)} and ${describe(b)}`,
          );
      }
  }
}

/** Sentinel op for an encoding that nothing claims. */
const UNALLOCATED = { unallocated: true };
const execUndef: Exec<unknown> = (cpu: Cpu) => undefinedInstruction(cpu);

/**
 * A decoder for one feature set: buckets of candidates in priority order. Decoding an
 * instruction word yields the handler and its pre-decoded operation; the result is cached per
 * physical page by DecodeCache, so this runs once per instruction word, not per execution.
 */
export class Decoder {
  private readonly buckets: CompiledPattern[][];
  readonly patterns: readonly CompiledPattern[];

  constructor(all: readonly CompiledPattern[], features: ReadonlySet<string>) {
    this.patterns = all
      .filter((p) => p.feature === undefined || features.has(p.feature))
      .sort((a, b) => b.priority - a.priority);
    this.buckets = Array.from({ length: 1 << BUCKET_BITS }, () => []);
    for (const p of this.patterns) {
      const bm = (p.mask >>> BUCKET_SHIFT) & ((1 << BUCKET_BITS) - 1);
      const bv = (p.value >>> BUCKET_SHIFT) & bm;
      // Enumerate the buckets whose index agrees with the fixed bits.
      const free = ~bm & ((1 << BUCKET_BITS) - 1);
      let sub = free;
      for (;;) {
        this.buckets[bv | sub]!.push(p);
        if (sub === 0) break;
        sub = (sub - 1) & free;
      }
    }
  }

  /** Decodes one word into [exec, op]; an unclaimed encoding decodes to UNDEF. */
  decode(insn: number): [Exec<unknown>, unknown] {
    const cands = this.buckets[insn >>> BUCKET_SHIFT]!;
    for (let i = 0; i < cands.length; i++) {
      const p = cands[i]!;
      if ((insn & p.mask) >>> 0 !== p.value) continue;
      const fields = extract(p.fields, insn);
      const op = p.decode ? p.decode(fields) : fields;
      if (op === null) continue;
      return [p.exec, op];
    }
    return [execUndef, UNALLOCATED];
  }

  /** The pattern that claims a word (for disassembly-like diagnostics and tests). */
  match(insn: number): CompiledPattern | undefined {
    const cands = this.buckets[insn >>> BUCKET_SHIFT]!;
    for (const p of cands) {
      if ((insn & p.mask) >>> 0 !== p.value) continue;
      if (p.decode && p.decode(extract(p.fields, insn)) === null) continue;
      return p;
    }
    return undefined;
  }
}

function extract(fields: readonly FieldSpec[], insn: number): Fields {
  const out: Record<string, number> = { insn: insn >>> 0 };
  for (const f of fields)
    out[f.name] = (insn >>> f.lsb) & (f.width === 32 ? -1 : (1 << f.width) - 1);
  return out as Fields;
}
