import type { Cpu } from '../cpu/cpu.js';

/** Fields extracted from an encoding by name, plus the raw instruction word. */
export type Fields = Readonly<Record<string, number>> & { readonly insn: number };

/** Executes one decoded instruction. `op` is whatever the pattern's `decode` produced. */
export type Exec<Op> = (cpu: Cpu, op: Op) => void;

/**
 * One instruction pattern, written in Arm bit order like QEMU's decodetree: tokens separated
 * by spaces, each either fixed bits (`0`, `1`, `x`/`.` for "any") or a field `name:width`,
 * 32 bits in all, most significant first. Example, ADD (immediate):
 * `'sf:1 0 0 100010 sh:1 imm12:12 Rn:5 Rd:5'`.
 */
export interface InsnPattern<Op = unknown> {
  /** Arm's instruction name with a form suffix (`ADD_i`, `LDR_x_uimm`). */
  name: string;
  pattern: string;
  /** Only CPUs with this feature decode it (others see UNDEF or a lower-priority pattern). */
  feature?: string;
  /** Overrides the table's priority for this pattern (more specific encodings inside a group). */
  priority?: number;
  /**
   * Operand decode, done once per instruction word and cached: returns the operation the
   * handler receives, or null when the encoding is unallocated/reserved here (the decoder then
   * tries lower-priority patterns and finally raises UNDEF). Default: the extracted fields.
   */
  decode?: (f: Fields) => Op | null;
  exec: Exec<Op>;
}

export interface DecodeTable {
  /** Name for messages, e.g. 'core/a64-branch-sys'. */
  name: string;
  priority: number;
  patterns: readonly InsnPattern<never>[] | readonly InsnPattern<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Typed constructor for a pattern: `pattern<MyOp>({ ... })` checks decode against exec. */
export function pattern<Op>(p: InsnPattern<Op>): InsnPattern<Op> {
  return p;
}

export interface FieldSpec {
  name: string;
  lsb: number;
  width: number;
}

export interface ParsedPattern {
  mask: number;
  value: number;
  fields: FieldSpec[];
}

/** Parses the bit-pattern syntax into mask/value and field positions. */
export function parsePattern(text: string, where: string): ParsedPattern {
  let bit = 32;
  let mask = 0;
  let value = 0;
  const fields: FieldSpec[] = [];
  for (const tok of text.trim().split(/\s+/)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*):(\d+)$/.exec(tok);
    if (m) {
      const width = Number(m[2]);
      bit -= width;
      if (width < 1 || bit < 0) throw new Error(`${where}: field ${tok} does not fit in 32 bits`);
      if (fields.some((x) => x.name === m[1]))
        throw new Error(`${where}: field ${m[1]} appears twice`);
      fields.push({ name: m[1]!, lsb: bit, width });
      continue;
    }
    if (!/^[01x.]+$/.test(tok))
      throw new Error(`${where}: bad token '${tok}' in pattern '${text}'`);
    for (const c of tok) {
      bit--;
      if (bit < 0) throw new Error(`${where}: pattern '${text}' is longer than 32 bits`);
      if (c === '0' || c === '1') {
        mask |= 1 << bit;
        if (c === '1') value |= 1 << bit;
      }
    }
  }
  if (bit !== 0) throw new Error(`${where}: pattern '${text}' has ${32 - bit} bits, not 32`);
  return { mask: mask >>> 0, value: value >>> 0, fields };
}
