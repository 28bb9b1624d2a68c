import type { Cpu } from '../cpu/cpu.js';
import {
  isExceptionTaken,
  pendingInterrupt,
  takeException,
  takeIllegalState,
  takeInterrupt,
  wakeupPending,
} from '../cpu/exception.js';
import { fetchAddress } from '../cpu/fetch.js';
import { FSC, syndrome } from '../cpu/syndrome.js';
import { PAGE_SIZE, type DecodeCache } from '../decode/cache.js';
import { BusError } from '../memory/bus.js';
import type { Machine } from '../machine/machine.js';
import type { StopReason } from './stop.js';

export interface RunOptions {
  /** Instruction budget across all CPUs for this call (default: unlimited). */
  maxInstructions?: number;
}

/**
 * Runs the machine until something stops it. CPUs take turns in fixed quanta in index order,
 * so a multi-CPU run is deterministic.
 */
export function runMachine(m: Machine, opts: RunOptions = {}): StopReason {
  const budget = opts.maxInstructions ?? Number.POSITIVE_INFINITY;
  let executed = 0;
  for (;;) {
    let progressed = false;
    for (const cpu of m.cpus) {
      const stop = m.takeStop();
      if (stop) return finish(m, stop);
      const left = budget - executed;
      if (left <= 0) return finish(m, { kind: 'budget', executed });
      if (cpu.off) continue;
      if (cpu.halted) {
        if (!wakeupPending(cpu)) continue;
        cpu.halted = false;
      }
      const n = runCpu(m, cpu, m.decodeCacheOf(cpu), Math.min(m.config.quantum, left));
      executed += n;
      if (n > 0) progressed = true;
    }
    m.round();
    const stop = m.takeStop();
    if (stop) return finish(m, stop);
    if (executed >= budget) return finish(m, { kind: 'budget', executed });
    if (!progressed && !m.idle()) return finish(m, { kind: 'halted' });
  }
}

function finish(m: Machine, reason: StopReason): StopReason {
  m.events.emit('stop', { reason });
  return reason;
}

/** Runs one CPU for up to `quota` instructions; returns how many it executed. */
export function runCpu(m: Machine, cpu: Cpu, cache: DecodeCache, quota: number): number {
  let executed = 0;
  const events = m.events;
  while (executed < quota && !cpu.halted && !cpu.off) {
    cpu.exitInner = false;
    cpu.jumped = false;
    if (m.stopPending) break;
    if (cpu.il) {
      takeIllegalState(cpu);
      executed++;
      continue;
    }
    const irq = pendingInterrupt(cpu);
    if (irq) takeInterrupt(cpu, irq);

    const slow = events.insnHooks > 0 || m.breakpoints.size > 0;
    if (slow && m.breakpoints.size > 0 && m.hitBreakpoint(cpu, cpu.instret + executed)) break;

    const pa = fetchAddress(cpu);
    if (pa < 0) {
      executed++;
      continue;
    }
    const page = cache.page(pa);
    if (!page) {
      // Instruction fetch from a hole or a device: synchronous external abort.
      const sameEL = true;
      takeException(
        cpu,
        cpu.el === 0 ? (cpu.hasEL2 && cpu.tge ? 2 : 1) : cpu.el,
        'sync',
        syndrome.instructionAbort(sameEL && cpu.el !== 0, FSC.SYNC_EXTERNAL),
        cpu.pcLo,
        cpu.pcHi,
        { lo: cpu.pcLo, hi: cpu.pcHi },
      );
      executed++;
      continue;
    }
    const execs = page.execs;
    const ops = page.ops;
    const baseLo = cpu.pcLo - (cpu.pcLo & (PAGE_SIZE - 1));
    const baseHi = cpu.pcHi;
    let slot = (cpu.pcLo - baseLo) >>> 2;
    let limit = slow ? executed + 1 : quota;
    // Sampling (run/sampler.ts): cap the stretch so a selected instruction runs on its own.
    const sampler = cpu.sampler;
    const stretchStart = executed;
    let selected = false;
    let threw = false;
    if (sampler !== undefined) {
      const until = sampler.enter(cpu, pa);
      if (until <= 0) {
        selected = true;
        limit = executed + 1;
      } else if (executed + until < limit) limit = executed + until;
    }
    // Interrupt entry above wrote the PC; what the inner loop watches starts clean.
    cpu.jumped = false;
    cpu.exitInner = false;
    try {
      while (executed < limit) {
        if (slow && events.insnHooks > 0)
          events.emit('insn', {
            cpu,
            pc: cpu.pc,
            insn: m.bus.read32(pa - (pa % PAGE_SIZE) + slot * 4),
          });
        executed++;
        execs[slot]!(cpu, ops[slot]);
        if (cpu.jumped) {
          cpu.jumped = false;
          const off = cpu.pcLo - baseLo;
          if (
            cpu.exitInner ||
            cpu.pcHi !== baseHi ||
            off < 0 ||
            off >= PAGE_SIZE ||
            (off & 3) !== 0
          )
            break;
          slot = off >>> 2;
        } else if (++slot === PAGE_SIZE >>> 2 || cpu.exitInner) {
          advance(cpu, baseLo, slot);
          break;
        }
        cpu.pcLo = baseLo + slot * 4;
      }
    } catch (e) {
      threw = true;
      if (!isExceptionTaken(e)) {
        if (e instanceof BusError) {
          // A device or hole reached without the CPU's memory layer: external abort, FAR not valid.
          takeException(
            cpu,
            cpu.el === 0 ? (cpu.hasEL2 && cpu.tge ? 2 : 1) : cpu.el,
            'sync',
            syndrome.dataAbort(cpu.el !== 0, FSC.SYNC_EXTERNAL, { fnv: true, wnr: e.isWrite }),
            cpu.pcLo,
            cpu.pcHi,
          );
        } else {
          throw new Error(
            `internal error executing at PC 0x${cpu.pc.toString(16)} on cpu${cpu.index}: ${(e as Error).message ?? e}`,
            { cause: e },
          );
        }
      }
      cpu.jumped = false;
    }
    if (sampler !== undefined) sampler.leave(cpu, executed - stretchStart, selected, threw);
    if (events.hasPendingError) {
      const err = events.takeError()!;
      m.requestStop({ kind: 'listenerError', event: err.event, error: err.error });
      break;
    }
  }
  cpu.instret += executed;
  return executed;
}

/** PC of slot `slot` on the page at baseLo (slot may be 1024: the next page). */
function advance(cpu: Cpu, baseLo: number, slot: number): void {
  const lo = baseLo + slot * 4;
  if (lo >= 0x1_0000_0000) {
    cpu.pcLo = lo - 0x1_0000_0000;
    cpu.pcHi = (cpu.pcHi + 1) | 0;
  } else cpu.pcLo = lo;
}
