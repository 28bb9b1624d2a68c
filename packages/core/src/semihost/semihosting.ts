import type { Cpu } from '../cpu/cpu.js';
import type { Machine } from '../machine/machine.js';
import { join64, lo32, hi32 } from '../util/u64.js';

/**
 * Arm semihosting for A64 (`HLT #0xF000`, operation in W0, parameter in X1, result in X0),
 * as QEMU implements it for a bare-metal guest. Times come from virtual time, never the host
 * clock: one tick per executed instruction, ticks at `TICK_HZ`.
 */
export const SEMIHOSTING_HLT = 0xf000;
export const TICK_HZ = 1_000_000_000;

export const SYS = {
  OPEN: 0x01,
  CLOSE: 0x02,
  WRITEC: 0x03,
  WRITE0: 0x04,
  WRITE: 0x05,
  READ: 0x06,
  READC: 0x07,
  ISERROR: 0x08,
  ISTTY: 0x09,
  SEEK: 0x0a,
  FLEN: 0x0c,
  CLOCK: 0x10,
  TIME: 0x11,
  ERRNO: 0x13,
  GET_CMDLINE: 0x15,
  HEAPINFO: 0x16,
  EXIT: 0x18,
  EXIT_EXTENDED: 0x20,
  ELAPSED: 0x30,
  TICKFREQ: 0x31,
} as const;

export const ADP_Stopped_ApplicationExit = 0x20026;

export interface SemihostingIo {
  /** Guest output on handle 1 (stdout) or 2 (stderr). */
  write(fd: 1 | 2, bytes: Uint8Array): void;
  /** Next byte of guest input, or -1 at end of input. */
  readByte?(): number;
  cmdline?: string;
}

const EBADF = 9;
const ENOENT = 2;

/**
 * Installs semihosting on every CPU of a machine. An exit request stops the run with
 * `{ kind: 'exit', code }`. As in QEMU, semihosting calls from EL0 are not honoured (the HLT
 * is then UNDEFINED).
 */
export function installSemihosting(m: Machine, io: SemihostingIo): void {
  let errno = 0;
  // Handles: 1 stdin, 2 stdout, 3 stderr (opened through ":tt" like newlib does).
  const handles = new Map<number, 'in' | 'out' | 'err'>([
    [1, 'in'],
    [2, 'out'],
    [3, 'err'],
  ]);
  const ramBase = m.bus.rams[0]?.base ?? 0;
  const ramSize = m.bus.rams[0]?.size ?? 0;

  /**
   * Guest memory as the calling CPU sees it: every pointer a semihosting call passes is a
   * virtual address of the caller's translation regime (flat while its MMU is off).
   */
  const guest = (cpu: Cpu) => {
    const bus = m.bus;
    const pa = (va: bigint): number => {
      const v = BigInt.asUintN(64, va);
      const p = cpu.mmu.probe(Number(v & 0xffffffffn) | 0, Number(v >> 32n) | 0);
      if (p < 0) throw new Error(`semihosting: address 0x${v.toString(16)} does not translate`);
      return p;
    };
    return {
      read8: (va: bigint): number => bus.read8(pa(va)),
      read64: (va: bigint): bigint => {
        let v = 0n;
        for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(bus.read8(pa(va + BigInt(i))));
        return v;
      },
      write8: (va: bigint, b: number): void => bus.write8(pa(va), b),
      write64(va: bigint, value: bigint): void {
        for (let i = 0; i < 8; i++)
          bus.write8(pa(va + BigInt(i)), Number((value >> BigInt(8 * i)) & 0xffn));
      },
      readBytes(va: bigint, len: number): Uint8Array {
        const out = new Uint8Array(len);
        for (let i = 0; i < len; i++) out[i] = bus.read8(pa(va + BigInt(i)));
        return out;
      },
      readString(va: bigint, max = 1 << 20): Uint8Array {
        const out: number[] = [];
        for (let a = va; out.length < max; a++) {
          const c = bus.read8(pa(a));
          if (c === 0) break;
          out.push(c);
        }
        return Uint8Array.from(out);
      },
    };
  };

  const call = (cpu: Cpu, op: number, param: bigint): bigint => {
    const mem = guest(cpu);
    const rd = mem.read64;
    switch (op) {
      case SYS.WRITEC:
        io.write(1, Uint8Array.of(mem.read8(param)));
        return 0n;
      case SYS.WRITE0:
        io.write(1, mem.readString(param));
        return 0n;
      case SYS.WRITE: {
        const h = Number(rd(param));
        const buf = rd(param + 8n);
        const len = Number(rd(param + 16n));
        const kind = handles.get(h);
        if (kind !== 'out' && kind !== 'err') {
          errno = EBADF;
          return BigInt(len);
        }
        io.write(kind === 'out' ? 1 : 2, mem.readBytes(buf, len));
        return 0n;
      }
      case SYS.READ: {
        const h = Number(rd(param));
        const buf = rd(param + 8n);
        const len = Number(rd(param + 16n));
        if (handles.get(h) !== 'in') {
          errno = EBADF;
          return -1n;
        }
        let n = 0;
        while (n < len) {
          const c = io.readByte?.() ?? -1;
          if (c < 0) break;
          mem.write8(buf + BigInt(n), c);
          n++;
        }
        return BigInt(len - n);
      }
      case SYS.READC:
        return BigInt(io.readByte?.() ?? -1);
      case SYS.OPEN: {
        const name = new TextDecoder().decode(mem.readString(rd(param)));
        const mode = Number(rd(param + 8n));
        if (name === ':tt') return mode < 4 ? 1n : mode < 8 ? 2n : 3n;
        errno = ENOENT;
        return -1n;
      }
      case SYS.CLOSE:
        return handles.has(Number(rd(param))) ? 0n : ((errno = EBADF), -1n);
      case SYS.ISTTY:
        return handles.has(Number(rd(param))) ? 1n : 0n;
      case SYS.ISERROR:
        return BigInt.asIntN(64, rd(param)) < 0n ? 1n : 0n;
      case SYS.SEEK:
      case SYS.FLEN:
        errno = EBADF;
        return -1n;
      case SYS.CLOCK:
        return BigInt(Math.floor(cpu.instret / (TICK_HZ / 100)));
      case SYS.TIME:
        return BigInt(Math.floor(cpu.instret / TICK_HZ));
      case SYS.ELAPSED: {
        mem.write64(param, BigInt(cpu.instret));
        return 0n;
      }
      case SYS.TICKFREQ:
        return BigInt(TICK_HZ);
      case SYS.ERRNO:
        return BigInt(errno);
      case SYS.GET_CMDLINE: {
        const buf = rd(param);
        const size = Number(rd(param + 8n));
        const text = new TextEncoder().encode(io.cmdline ?? '');
        if (text.length + 1 > size) return -1n;
        [...text, 0].forEach((b, i) => mem.write8(buf + BigInt(i), b));
        mem.write64(param + 8n, BigInt(text.length));
        return 0n;
      }
      case SYS.HEAPINFO: {
        // QEMU (system mode): heap in the top half of RAM, the stack descending from its end.
        const block = rd(param);
        const base = BigInt(ramBase);
        const size = BigInt(ramSize);
        mem.write64(block, base + size / 2n);
        mem.write64(block + 8n, base + size);
        mem.write64(block + 16n, base + size);
        mem.write64(block + 24n, base);
        return 0n;
      }
      case SYS.EXIT:
      case SYS.EXIT_EXTENDED: {
        const reason = Number(rd(param));
        const sub = Number(BigInt.asIntN(32, rd(param + 8n)));
        m.requestStop({
          kind: 'exit',
          code: reason === ADP_Stopped_ApplicationExit ? sub : 1,
          cpu: cpu.index,
        });
        return 0n;
      }
      default:
        return -1n;
    }
  };

  for (const cpu of m.cpus) {
    cpu.hltHandler = (c, imm16) => {
      if (imm16 !== SEMIHOSTING_HLT || c.el === 0) return false;
      const op = c.gpr[0]! >>> 0;
      const param = join64(c.gpr[2]!, c.gpr[3]!);
      let result: bigint;
      try {
        result = call(c, op, param);
      } catch {
        // A bad pointer from the guest: the call fails, as on QEMU, without a host exception.
        errno = EBADF;
        result = -1n;
      }
      c.gpr[0] = lo32(result);
      c.gpr[1] = hi32(result);
      return true;
    };
  }
}
