import { readFileSync } from 'node:fs';
import { createVirtBoard } from '@hypsim/board-virt';
import { createMachine, installSemihosting, loadElf, type Machine } from '@hypsim/core';
import { fpsimdPlugin } from '@hypsim/ext-fpsimd';
import {
  decodeSpeBuffer,
  spePlugin,
  type SpeOptions,
  type SpePacket,
  type SpeRecord,
} from '@hypsim/ext-spe';
import { stage2Plugin } from '@hypsim/ext-stage2';

/**
 * Shared by the test/spe-*.test.ts files: runs a guests/spe program on a `virt` machine with
 * ext-spe (and ext-stage2, FP/AdvSIMD) and parses its "phase=" report lines.
 */

const dir = new URL('../guests/spe/bin/', import.meta.url);
const BASE = ['FEAT_FP', 'FEAT_AdvSIMD', 'FEAT_LSE'];

export interface Run {
  m: Machine;
  out: string;
  status: number | undefined;
  phases: Map<string, Record<string, string>>;
}

export function runGuest(
  name: string,
  opts: {
    el2?: boolean;
    cpus?: string[][];
    spe?: Partial<SpeOptions>;
    seed?: number;
    /** Called on the machine before it runs (e.g. to observe records). */
    before?: (m: Machine) => void;
  } = {},
): Run {
  const el2 = opts.el2 ?? false;
  const feats = [...BASE, ...(el2 ? ['FEAT_AA64EL2', 'FEAT_VHE'] : [])];
  const m = createMachine({
    name: 'spe-test',
    seed: opts.seed ?? 1,
    cpus: (opts.cpus ?? [['FEAT_SPE']]).map((f) => ({ features: [...feats, ...f] })),
    memory: [{ name: 'ram', base: 0x4000_0000, size: 128 * 1024 * 1024 }],
    plugins: [
      { plugin: fpsimdPlugin },
      { plugin: stage2Plugin },
      { plugin: createVirtBoard({}) },
      { plugin: spePlugin, options: opts.spe ?? {} },
    ],
  });
  const chunks: Buffer[] = [];
  installSemihosting(m, { write: (_fd, b) => chunks.push(Buffer.from(b)), cmdline: name });
  const img = loadElf(m.bus, readFileSync(new URL(`${name}.elf`, dir)), name);
  const cpu = m.cpus[0]!;
  cpu.setMode(el2 ? 2 : 1, 1);
  cpu.daif = 0xf;
  cpu.pc = img.entry;
  opts.before?.(m);
  const stop = m.run({ maxInstructions: 50_000_000 });
  const out = Buffer.concat(chunks).toString('latin1');
  const phases = new Map<string, Record<string, string>>();
  for (const line of out.split('\n')) {
    if (!line.startsWith('phase=')) continue;
    const kv = Object.fromEntries(line.split(' ').map((w) => w.split('=') as [string, string]));
    phases.set(kv.phase!, kv);
  }
  return { m, out, status: stop.kind === 'exit' ? stop.code : undefined, phases };
}

export const num = (s: string | undefined): number => Number(BigInt(s!));
export const range = (s: string): [bigint, bigint] => {
  const [a, b] = s.split('-');
  return [BigInt(a!), BigInt(b!)];
};

/** The records of one phase: bytes [buf, PMBPTR) of guest memory (identity-mapped). */
export function recordsOf(r: Run, phase: string): SpeRecord[] {
  const p = r.phases.get(phase)!;
  const buf = num(p.buf);
  return decodeSpeBuffer(r.m.bus.readBytes(buf, num(p.ptr) - buf));
}

export function find<T extends SpePacket['kind']>(
  rec: SpeRecord,
  kind: T,
  pred: (p: Extract<SpePacket, { kind: T }>) => boolean = () => true,
): Extract<SpePacket, { kind: T }> | undefined {
  return rec.packets.find((p) => p.kind === kind && pred(p as Extract<SpePacket, { kind: T }>)) as
    Extract<SpePacket, { kind: T }> | undefined;
}
export const pcOf = (rec: SpeRecord) =>
  find(rec, 'address', (p) => p.type === 'pc') as
    { va: bigint; el: number; ns: boolean } | undefined;
export const dataVa = (rec: SpeRecord) =>
  (find(rec, 'address', (p) => p.type === 'data-va') as { va: bigint } | undefined)?.va;
