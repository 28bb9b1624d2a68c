import type { Cpu } from '../cpu/cpu.js';
import type { Bus } from '../memory/bus.js';
import type { Decoder } from './decoder.js';
import type { Exec } from './pattern.js';

export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;
const SLOTS = PAGE_SIZE >> 2;

/**
 * The decoded instructions of one 4 KB physical page. `execs[i](cpu, ops[i])` runs slot i;
 * a slot not yet decoded holds `decodeSlot` with the page itself as its op, so dispatch never
 * tests whether a slot is decoded.
 */
export class DecodedPage {
  readonly execs: Exec<unknown>[];
  readonly ops: unknown[];

  constructor(
    readonly pa: number,
    readonly cache: DecodeCache,
  ) {
    this.execs = new Array<Exec<unknown>>(SLOTS).fill(decodeSlot as Exec<unknown>);
    this.ops = new Array<unknown>(SLOTS).fill(this);
  }

  reset(first: number, last: number): void {
    for (let i = first; i <= last; i++) {
      this.execs[i] = decodeSlot as Exec<unknown>;
      this.ops[i] = this;
    }
  }
}

/** Decodes the slot at the CPU's PC on first execution, then runs it. */
function decodeSlot(cpu: Cpu, page: DecodedPage): void {
  const slot = (cpu.pcLo & (PAGE_SIZE - 1)) >>> 2;
  const insn = page.cache.bus.read32(page.pa + slot * 4);
  const [exec, op] = page.cache.decoder.decode(insn);
  page.execs[slot] = exec;
  page.ops[slot] = op;
  exec(cpu, op);
}

/**
 * Decoded instructions cached per physical page, for one decoder (one feature set). Pages are
 * marked as code in their RAM region; any write to a marked page (by a CPU, a device, a loader
 * or the TypeScript API) resets the slots it covers, so self-modifying code and reloaded
 * images are always seen.
 */
export class DecodeCache {
  private readonly pages = new Map<number, DecodedPage>();
  decodes = 0;

  constructor(
    readonly decoder: Decoder,
    readonly bus: Bus,
  ) {
    bus.onCodeWrite((pa, size) => this.invalidate(pa, size));
  }

  /** The page containing physical address `pa`, or undefined if it is not RAM. */
  page(pa: number): DecodedPage | undefined {
    const base = pa - (pa % PAGE_SIZE);
    let p = this.pages.get(base);
    if (p) return p;
    if (!this.bus.markCode(base)) return undefined;
    p = new DecodedPage(base, this);
    this.pages.set(base, p);
    return p;
  }

  private invalidate(pa: number, size: number): void {
    let addr = pa;
    const end = pa + size;
    while (addr < end) {
      const base = addr - (addr % PAGE_SIZE);
      const pageEnd = Math.min(end, base + PAGE_SIZE);
      const p = this.pages.get(base);
      if (p) p.reset((addr - base) >>> 2, (pageEnd - 1 - base) >>> 2);
      addr = pageEnd;
    }
  }

  clear(): void {
    for (const p of this.pages.values()) p.reset(0, SLOTS - 1);
  }
}
