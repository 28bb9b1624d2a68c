import { describe, expect, it } from 'vitest';
import { createMachine } from '@hypsim/core';
import { createVirtBoard } from './board.js';

const CODE = 0x4008_0000;
const NOP = 0xd503201f;
const WFI = 0xd503207f;
const UART = 0x0900_0000;

function machine(words: number[], input: number[], calls: boolean[]) {
  const m = createMachine({
    quantum: 100,
    plugins: [
      {
        plugin: createVirtBoard({
          uartRead: (block) => {
            calls.push(block);
            return input.shift() ?? -1;
          },
        }),
      },
    ],
  });
  words.forEach((w, i) => m.bus.write32(CODE + 4 * i, w));
  m.cpus[0]!.pc = BigInt(CODE);
  return m;
}

describe('PL011 host input', () => {
  it('polls the host without blocking while the guest runs and fills the receive FIFO', () => {
    const calls: boolean[] = [];
    const m = machine(Array(1024).fill(NOP), [0x68, 0x69], calls);
    m.run({ maxInstructions: 100 * 64 });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((b) => b === false)).toBe(true);
    expect(m.bus.read32(UART + 0x18) & (1 << 4)).toBe(0); // FR.RXFE clear: data waiting
    expect(m.bus.read32(UART) & 0xff).toBe(0x68);
    expect(m.bus.read32(UART) & 0xff).toBe(0x69);
    expect(m.bus.read32(UART + 0x18) & (1 << 4)).toBe(1 << 4); // empty again
  });

  it('blocks for input only when every CPU waits and nothing is timed, and queues it', () => {
    const calls: boolean[] = [];
    const m = machine([WFI, NOP], [0x41], calls);
    // The guest has not configured the GIC, so the byte cannot wake it: the run ends halted,
    // but only after the board asked the host for input (blocking) and queued what came.
    expect(m.run({ maxInstructions: 1000 })).toEqual({ kind: 'halted' });
    // Blocking read (got 'A'), a non-blocking look for more, then a last blocking read: nothing.
    expect(calls).toEqual([true, false, true]);
    expect(m.bus.read32(UART) & 0xff).toBe(0x41);
  });

  it('still stops as halted when the host has no input either', () => {
    const m = machine([WFI], [], []);
    expect(m.run({ maxInstructions: 1000 })).toEqual({ kind: 'halted' });
  });
});
