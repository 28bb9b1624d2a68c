import 'reflect-metadata';
import { inject, injectable } from 'tsyringe';
import { CostModelToken, EventsToken } from '../di/tokens.js';
import type { EventBus } from '../events/bus.js';
import type { CostModel } from './model.js';

export interface CostCounters {
  /** Occurrences per operation class. */
  counts: Map<string, number>;
  /** Modelled cycles per operation class (count × unit cost). */
  cycles: Map<string, number>;
}

/**
 * Counts operations per CPU and class, fed by events (sysreg accesses, exception entry and
 * return, explicit `cost` events from plugins and strategies). A skeleton: phases and
 * per-exit attribution come with the hypervisor packages.
 */
@injectable()
export class CostAccounting {
  private readonly perCpu: CostCounters[] = [];

  constructor(
    @inject(EventsToken) events: EventBus,
    @inject(CostModelToken) private readonly model: CostModel,
  ) {
    events.on('sysreg', (e) => this.add(e.cpu.index, `sysreg.${e.op}.${e.group}`, 1));
    events.on('exception', (e) => this.add(e.cpu.index, 'exception.entry', 1));
    events.on('eret', (e) => this.add(e.cpu.index, 'exception.return', 1));
    events.on('cost', (e) => this.add(e.cpu.index, e.op, e.count));
  }

  add(cpu: number, op: string, count: number): void {
    let c = this.perCpu[cpu];
    if (!c) {
      c = { counts: new Map(), cycles: new Map() };
      this.perCpu[cpu] = c;
    }
    c.counts.set(op, (c.counts.get(op) ?? 0) + count);
    c.cycles.set(op, (c.cycles.get(op) ?? 0) + count * this.model.cost(op));
  }

  counters(cpu: number): CostCounters {
    return this.perCpu[cpu] ?? { counts: new Map(), cycles: new Map() };
  }

  count(cpu: number, op: string): number {
    return this.perCpu[cpu]?.counts.get(op) ?? 0;
  }

  /** Total modelled cycles of one CPU across all classes. */
  totalCycles(cpu: number): number {
    let t = 0;
    for (const v of this.counters(cpu).cycles.values()) t += v;
    return t;
  }

  reset(): void {
    this.perCpu.length = 0;
  }
}
