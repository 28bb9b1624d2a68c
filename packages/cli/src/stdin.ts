import { closeSync, constants, openSync, readSync } from 'node:fs';

/**
 * The host terminal as PL011 input, when stdin is interactive (a TTY; like QEMU's
 * -nographic console). Polls go through a second, non-blocking descriptor of the same
 * terminal, so the emulator never stalls on input unless the board asks it to block
 * (every CPU waiting, nothing timed). Returns undefined when stdin is not a terminal:
 * batch runs and CI read no input.
 */
export function interactiveStdin():
  { read: (block: boolean) => number; close: () => void } | undefined {
  if (!process.stdin.isTTY) return undefined;
  let nonBlocking: number;
  try {
    nonBlocking = openSync('/proc/self/fd/0', constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  const buf = Buffer.alloc(1);
  return {
    read(block) {
      try {
        return readSync(block ? 0 : nonBlocking, buf, 0, 1, null) === 1 ? buf[0]! : -1;
      } catch {
        return -1; // EAGAIN: nothing typed yet
      }
    },
    close: () => closeSync(nonBlocking),
  };
}
