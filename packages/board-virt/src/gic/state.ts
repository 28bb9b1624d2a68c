/**
 * The interrupt state the distributor and the redistributors share: one bank per CPU for the
 * banked INTIDs 0–31 (SGIs and PPIs, held by that CPU's redistributor) and one bank for the
 * SPIs (held by the distributor). Flat typed arrays indexed by INTID.
 */
export class IrqBank {
  readonly enabled: Uint8Array;
  /** Edge-latched pending (or set through ISPENDR). */
  readonly latch: Uint8Array;
  /** The input line's level. */
  readonly line: Uint8Array;
  readonly active: Uint8Array;
  /** 1 = Group 1 (IRQ), 0 = Group 0 (FIQ). */
  readonly group: Uint8Array;
  readonly priority: Uint8Array;
  /** 1 = edge-triggered (ICFGR 0b10), 0 = level-sensitive. */
  readonly edge: Uint8Array;

  constructor(readonly size: number) {
    this.enabled = new Uint8Array(size);
    this.latch = new Uint8Array(size);
    this.line = new Uint8Array(size);
    this.active = new Uint8Array(size);
    this.group = new Uint8Array(size);
    this.priority = new Uint8Array(size);
    this.edge = new Uint8Array(size);
  }

  pending(i: number): boolean {
    return this.latch[i] === 1 || (this.line[i] === 1 && this.edge[i] === 0);
  }

  /** Raises or lowers an input; a rising edge latches an edge-triggered interrupt. */
  setLine(i: number, level: boolean): void {
    const v = level ? 1 : 0;
    if (v === 1 && this.line[i] === 0 && this.edge[i] === 1) this.latch[i] = 1;
    this.line[i] = v;
  }

  reset(): void {
    for (const a of [this.enabled, this.latch, this.active, this.group, this.priority]) a.fill(0);
    // Lines keep their level: they belong to the devices, not to the GIC.
  }
}

/** Reads a 1-bit-per-INTID register word (ISENABLER etc.): INTIDs 32*n … 32*n+31. */
export function bitsRead(a: Uint8Array, first: number, pendingOf?: (i: number) => boolean): number {
  let v = 0;
  for (let b = 0; b < 32; b++) {
    const i = first + b;
    if (i >= a.length) break;
    if (pendingOf ? pendingOf(i) : a[i] === 1) v |= 1 << b;
  }
  return v >>> 0;
}

/** Applies a set (1) or clear (0) write of a 1-bit-per-INTID register word. */
export function bitsWrite(a: Uint8Array, first: number, value: number, set: 0 | 1): void {
  for (let b = 0; b < 32; b++) {
    const i = first + b;
    if (i >= a.length) break;
    if ((value >>> b) & 1) a[i] = set;
  }
}
