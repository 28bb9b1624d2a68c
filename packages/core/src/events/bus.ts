import { EventEmitter } from 'eventemitter3';
import type { CoreEvents } from './events.js';

export type EventName = keyof CoreEvents & string;
export type Listener<K extends EventName> = (payload: CoreEvents[K]) => void;

/**
 * A typed, synchronous event bus on eventemitter3.
 *
 * Listener isolation: emission happens after the CPU state an event describes is complete,
 * and a throwing listener neither stops the other listeners nor unwinds into the
 * instruction that emitted. The first error is kept and the run loop stops with it as the
 * reason, so a faulty observer is loud but cannot leave the CPU half-updated.
 */
export class EventBus {
  private readonly ee = new EventEmitter();
  private pending: { event: string; error: unknown } | undefined;
  /** Subscribers to per-instruction hooks; the run loop takes the slow path while > 0. */
  insnHooks = 0;
  /** Bumped on every (un)subscription so hot paths can cache `has()`. */
  version = 0;

  on<K extends EventName>(event: K, fn: Listener<K>): () => void {
    this.ee.on(event, fn as (p: unknown) => void);
    if (event === 'insn') this.insnHooks++;
    this.version++;
    return () => this.off(event, fn);
  }

  once<K extends EventName>(event: K, fn: Listener<K>): () => void {
    const wrapped: Listener<K> = (p) => {
      this.off(event, wrapped);
      fn(p);
    };
    return this.on(event, wrapped);
  }

  off<K extends EventName>(event: K, fn: Listener<K>): void {
    const before = this.ee.listenerCount(event);
    this.ee.off(event, fn as (p: unknown) => void);
    if (this.ee.listenerCount(event) < before) {
      if (event === 'insn') this.insnHooks--;
      this.version++;
    }
  }

  has(event: EventName): boolean {
    return this.ee.listenerCount(event) > 0;
  }

  emit<K extends EventName>(event: K, payload: CoreEvents[K]): void {
    if (this.ee.listenerCount(event) === 0) return;
    for (const fn of this.ee.listeners(event)) {
      try {
        (fn as Listener<K>)(payload);
      } catch (error) {
        if (event === 'listenerError') continue;
        this.pending ??= { event, error };
        this.emit('listenerError', { event, error });
      }
    }
  }

  /** The first listener error since the last call, if any (consumed by the run loop). */
  takeError(): { event: string; error: unknown } | undefined {
    const p = this.pending;
    this.pending = undefined;
    return p;
  }

  get hasPendingError(): boolean {
    return this.pending !== undefined;
  }
}
