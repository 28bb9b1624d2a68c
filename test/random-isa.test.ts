import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMachine, hex64, type Machine } from '@hypsim/core';

/**
 * The random-instruction corpus (guests/random/, recorded on QEMU 7.2): every case must end
 * with exactly QEMU's X0–X30, NZCV and memory window.
 */
interface Case {
  id: string;
  codeAddr: string;
  code: string[];
  asm: string[];
  init: { x: string[]; nzcv: string; mem: { addr: string; hex: string } };
  final: { x: string[]; nzcv: string; mem: { addr: string; hex: string } };
}

const dir = fileURLToPath(new URL('../guests/random/cases/', import.meta.url));
const batches = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function hexBytes(h: string): Uint8Array {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Runs one case on a reused machine; returns a description of each difference. */
function runCase(m: Machine, c: Case): string[] {
  const cpu = m.cpus[0]!;
  cpu.setMode(1, 1);
  cpu.daif = 0xf;
  cpu.il = 0;
  cpu.monitors.clear(cpu);
  c.init.x.forEach((v, i) => cpu.setX(i, BigInt(v)));
  cpu.nzcv = Number(BigInt(c.init.nzcv) >> 28n) & 0xf;
  const memAddr = Number(BigInt(c.init.mem.addr));
  m.bus.writeBytes(memAddr, hexBytes(c.init.mem.hex));
  const start = Number(BigInt(c.codeAddr));
  c.code.forEach((w, i) => m.bus.write32(start + 4 * i, Number(BigInt(w))));
  const end = BigInt(start + 4 * c.code.length);
  cpu.pc = BigInt(start);
  m.addBreakpoint(end);
  const stop = m.run({ maxInstructions: 4 * c.code.length + 4 });
  m.removeBreakpoint(end);
  const diffs: string[] = [];
  if (stop.kind !== 'breakpoint')
    diffs.push(
      `did not reach the end: ${stop.kind}, PC ${hex64(cpu.pc)}, ESR_EL1 ${hex64(cpu.sysreg.peek('ESR_EL1'))}`,
    );
  c.final.x.forEach((v, i) => {
    const got = cpu.x(i);
    if (got !== BigInt(v)) diffs.push(`X${i}: got ${hex64(got)}, QEMU ${v}`);
  });
  const nzcv = Number(BigInt(c.final.nzcv) >> 28n) & 0xf;
  if (cpu.nzcv !== nzcv)
    diffs.push(
      `NZCV: got ${cpu.nzcv.toString(2).padStart(4, '0')}, QEMU ${nzcv.toString(2).padStart(4, '0')}`,
    );
  const mem = toHex(m.bus.readBytes(memAddr, c.final.mem.hex.length / 2));
  if (mem !== c.final.mem.hex) diffs.push(`memory window differs`);
  return diffs;
}

describe('random A64 instruction sequences match QEMU', () => {
  it('has the corpus', () => {
    expect(batches.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of batches) {
    it(file, () => {
      const data = JSON.parse(readFileSync(dir + file, 'utf8')) as { cases: Case[] };
      const m = createMachine({
        cpus: [{ features: ['FEAT_LSE', 'FEAT_LRCPC', 'FEAT_LRCPC2'] }],
        memory: [{ base: 0x4000_0000, size: '16M' }],
      });
      const failures: string[] = [];
      for (const c of data.cases) {
        const d = runCase(m, c);
        if (d.length) failures.push(`${c.id}\n    ${c.asm.join('\n    ')}\n  ${d.join('\n  ')}`);
      }
      expect(
        failures.slice(0, 5).join('\n'),
        `${failures.length} of ${data.cases.length} cases differ`,
      ).toBe('');
    });
  }
});
