import type { Cpu } from './cpu.js';

/** Exclusives reservation granule: 64 bytes here (Arm allows 16–2048; CTR_EL0.ERG). */
export const ERG_BYTES = 64;

/**
 * The exclusive monitors of one machine (Arm ARM B2.9). Each CPU's local monitor holds at most
 * one reserved granule (`cpu.exclusivePa`, -1 when open). The global view: a store by any CPU
 * to a reserved granule clears that reservation, whichever CPU made it. `active` lets stores
 * skip the check entirely while nobody holds a reservation (the common case).
 */
export class ExclusiveMonitors {
  readonly cpus: Cpu[] = [];
  active = 0;

  mark(cpu: Cpu, pa: number): void {
    if (cpu.exclusivePa < 0) this.active++;
    cpu.exclusivePa = pa - (pa % ERG_BYTES);
  }

  clear(cpu: Cpu): void {
    if (cpu.exclusivePa >= 0) {
      cpu.exclusivePa = -1;
      this.active--;
    }
  }

  /** A store to [pa, pa+size) by any agent: clears every reservation on those granules. */
  noteStore(pa: number, size: number): void {
    if (this.active === 0) return;
    const first = pa - (pa % ERG_BYTES);
    const last = pa + size - 1 - ((pa + size - 1) % ERG_BYTES);
    for (const c of this.cpus) {
      const g = c.exclusivePa;
      if (g >= 0 && g >= first && g <= last) this.clear(c);
    }
  }
}
