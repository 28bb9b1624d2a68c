import type { Cpu } from './cpu.js';
import { routeSync, takeException } from './exception.js';
import { syndrome } from './syndrome.js';

/**
 * The physical address of the next instruction, or -1 when fetching it took an exception
 * (PC alignment fault, or a translation fault from the CPU's translator).
 */
export function fetchAddress(cpu: Cpu): number {
  if ((cpu.pcLo & 3) !== 0) {
    takeException(cpu, routeSync(cpu), 'sync', syndrome.pcAlignment(), cpu.pcLo, cpu.pcHi, {
      lo: cpu.pcLo,
      hi: cpu.pcHi,
    });
    return -1;
  }
  return cpu.translator.fetch(cpu);
}
