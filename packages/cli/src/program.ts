import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ImageError, MachineConfigError, sizeOrAddress } from '@hypsim/core';
import { DEFAULT_BARE_METAL_SVE_VL, deviceTreeFor, runBareMetal, STATUS } from './bare-metal.js';
import { formatSpeBuffer, SpeDecodeError } from '@hypsim/ext-spe';
import { runDemo } from './demo.js';
import { interactiveStdin } from './stdin.js';

export interface CliIo {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
}

function parseSize(v: string): number {
  const r = sizeOrAddress.safeParse(v);
  if (!r.success || r.data === 0)
    throw new InvalidArgumentError(`'${v}' is not a size (e.g. 128M, 1G, 0x8000000)`);
  return r.data;
}

function parseVl(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 128 || n > 2048 || n % 128 !== 0)
    throw new InvalidArgumentError(
      `'${v}' is not an SVE vector length: a multiple of 128 from 128 to 2048 bits`,
    );
  return n;
}

function parseCount(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v)))
    throw new InvalidArgumentError(`'${v}' is not a positive whole number`);
  return Number(v);
}

/** One `--dump FILE@ADDR,SIZE`: physical memory written to FILE after the run. */
interface DumpSpec {
  file: string;
  addr: number;
  size: number;
}

function parseDump(v: string): DumpSpec {
  const m = /^(.+)@([^,]+),([^,]+)$/.exec(v);
  const addr = m ? sizeOrAddress.safeParse(m[2]) : undefined;
  const size = m ? sizeOrAddress.safeParse(m[3]) : undefined;
  if (!m || !addr?.success || !size?.success || size.data === 0)
    throw new InvalidArgumentError(`'${v}' is not FILE@ADDR,SIZE (e.g. spe.bin@0x40087000,0x1000)`);
  return { file: m[1]!, addr: addr.data, size: size.data };
}

/**
 * Runs the hypsim command line and returns the process exit status (the guest's exit code for
 * `run`). Never calls process.exit itself, so it can be tested in-process.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  let status = 0;
  const program = new Command('hypsim')
    .description(
      'AArch64 machines with virtualization, for checking hypervisor world-switch strategies',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();

  program
    .command('run')
    .description(
      'run an image like qemu-system-aarch64 -M virt,gic-version=3 -cpu max -nographic -semihosting -kernel FILE',
    )
    .argument(
      '<image>',
      'ELF64 AArch64 executable, or a Linux Image / flat binary (booted with x0 = DTB)',
    )
    .option('--el2', 'start at EL2h (like -M virt,virtualization=on) instead of EL1h')
    .option('-m, --memory <size>', 'RAM size at 0x40000000', parseSize, 128 * 1024 * 1024)
    .option(
      '--sve-vl <bits>',
      `maximum SVE vector length of every CPU, like -cpu max,sve-max-vq=BITS/128 (default ${DEFAULT_BARE_METAL_SVE_VL}, as QEMU's -cpu max)`,
      parseVl,
    )
    .option('--smp <n>', 'number of CPUs (secondaries wait for PSCI CPU_ON)', parseCount, 1)
    .option('--append <args>', 'kernel command line (/chosen/bootargs)')
    .option('--initrd <file>', 'initial ramdisk for a Linux Image (described in /chosen)')
    .option('--dump-dtb <file>', "write the machine's device tree blob to FILE and exit")
    .option('--max-insns <n>', 'stop after this many instructions (status 124)', parseCount)
    .option('--trace-insns', 'print every instruction executed to stderr')
    .option(
      '--dump <file@addr,size>',
      'after the run, write SIZE bytes of physical memory at ADDR to FILE (like the FVP --dump option / QEMU pmemsave); repeatable',
      (v: string, prev: DumpSpec[] = []) => [...prev, parseDump(v)],
    )
    .option(
      '--no-spe',
      'a CPU without FEAT_SPE (the Statistical Profiling Extension is on by default)',
    )
    .option(
      '--spe-write-order <order>',
      'SPE buffer write order: sequential (default) or unordered (records land out of order until PSB CSYNC)',
      (v: string) => {
        if (v !== 'sequential' && v !== 'unordered')
          throw new InvalidArgumentError('sequential or unordered');
        return v;
      },
    )
    .option(
      '--strict-align',
      'fault unaligned accesses with the MMU off, as the Arm ARM says (QEMU 7.2 does not)',
    )
    .action(
      (
        image: string,
        o: {
          el2?: boolean;
          memory: number;
          sveVl?: number;
          smp: number;
          append?: string;
          initrd?: string;
          dumpDtb?: string;
          maxInsns?: number;
          traceInsns?: boolean;
          strictAlign?: boolean;
          dump?: DumpSpec[];
          spe: boolean;
          speWriteOrder?: 'sequential' | 'unordered';
        },
      ) => {
        const read = (f: string): Uint8Array | undefined => {
          try {
            return readFileSync(f);
          } catch (e) {
            io.stderr(
              `hypsim: cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
            );
            status = STATUS.error;
            return undefined;
          }
        };
        if (o.dumpDtb !== undefined) {
          // Like QEMU's dumpdtb: write the tree the guest would get, then exit without running.
          writeFileSync(
            o.dumpDtb,
            deviceTreeFor({
              el2: o.el2,
              memory: o.memory,
              smp: o.smp,
              append: o.append,
              write: () => undefined,
            }),
          );
          return;
        }
        const data = read(image);
        if (!data) return;
        let initrd: Uint8Array | undefined;
        if (o.initrd !== undefined) {
          initrd = read(o.initrd);
          if (!initrd) return;
        }
        const stdin = interactiveStdin();
        try {
          const r = runBareMetal(data, image, {
            el2: o.el2,
            memory: o.memory,
            sveVl: o.sveVl,
            smp: o.smp,
            append: o.append,
            initrd,
            uartWrite: (b) => io.stdout(Uint8Array.of(b)),
            uartRead: stdin?.read,
            maxInsns: o.maxInsns,
            mmuOffAlignment: o.strictAlign ? 'fault' : 'allow',
            spe: o.spe,
            speWriteOrder: o.speWriteOrder,
            write: (fd, bytes) =>
              fd === 1 ? io.stdout(bytes) : io.stderr(Buffer.from(bytes).toString('latin1')),
            trace: o.traceInsns
              ? (m, cpu, pc, insn) => {
                  const p = m.decodeCacheOf(m.cpus[cpu]!).decoder.match(insn);
                  io.stderr(
                    `cpu${cpu} EL${m.cpus[cpu]!.el} 0x${pc.toString(16).padStart(16, '0')}: ${insn.toString(16).padStart(8, '0')}  ${p?.name ?? 'UNDEFINED'}\n`,
                  );
                }
              : undefined,
          });
          status = r.status;
          for (const d of o.dump ?? []) {
            try {
              writeFileSync(d.file, r.machine.bus.readBytes(d.addr, d.size));
            } catch (e) {
              io.stderr(`hypsim: --dump ${d.file}: ${(e as Error).message}\n`);
              status = STATUS.error;
            }
          }
          if (r.stop.kind === 'budget')
            io.stderr(
              `hypsim: stopped after ${r.instructions} instructions (--max-insns); the guest did not exit\n`,
            );
          else if (r.stop.kind === 'halted')
            io.stderr(
              `hypsim: every CPU is waiting (WFI) and nothing can wake it; stopped after ${r.instructions} instructions\n`,
            );
          else if (r.stop.kind !== 'exit')
            io.stderr(
              `hypsim: stopped: ${JSON.stringify(r.stop, (_k, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v))}\n`,
            );
        } catch (e) {
          if (e instanceof ImageError || e instanceof MachineConfigError) {
            io.stderr(`hypsim: ${e.message}\n`);
            status = STATUS.error;
            return;
          }
          throw e;
        } finally {
          stdin?.close();
        }
      },
    );

  program
    .command('spe-decode')
    .description(
      'decode a Statistical Profiling Extension buffer (records in the architectural packet format)',
    )
    .argument('<file>', 'raw profiling-buffer bytes')
    .option('--json', 'one JSON object per record instead of text')
    .action((file: string, o: { json?: boolean }) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        io.stderr(
          `hypsim: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
        );
        status = STATUS.error;
        return;
      }
      try {
        io.stdout(formatSpeBuffer(bytes, { json: o.json ?? false }));
      } catch (e) {
        if (!(e instanceof SpeDecodeError)) throw e;
        io.stderr(`hypsim: ${file}: ${e.message}\n`);
        status = 1;
      }
    });

  program
    .command('demo')
    .description('the built-in demonstration: run the committed guests and compare with QEMU')
    .action(() => {
      status = runDemo(io);
    });

  try {
    program.parse(argv as string[], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : STATUS.error;
    throw e;
  }
  return status;
}
