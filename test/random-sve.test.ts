import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMachine, hex64, type Machine } from '@hypsim/core';
import { fpState, fpsimdPlugin } from '@hypsim/ext-fpsimd';
import { FFR, sveState, svePlugin } from '@hypsim/ext-sve';

/**
 * The random SVE corpus (guests/random-sve/, recorded on QEMU 7.2 at VL 128/256/512/2048):
 * every case runs at every VL and must end with QEMU's X0–X30, NZCV, Z0–Z7, P0–P15 and FFR.
 * Every class of the corpus is implemented, so every case-run is checked (an UNDEF fails it).
 */
interface VlState {
  x: string[];
  nzcv: string;
  z: string[];
  p: string[];
  ffr: string;
}
interface Case {
  id: string;
  codeAddr: string;
  code: string[];
  asm: string[];
  classes: string[];
  init: { x: string[]; nzcv: string; z: string[]; p: string[] };
  final: Record<string, VlState>;
}

const dir = fileURLToPath(new URL('../guests/random-sve/cases/', import.meta.url));
const batches = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const VLS = [128, 256, 512, 2048];

/** Hex (most significant digit first) → bytes, least significant first. */
function bytesOf(hex: string): Uint8Array {
  const h = hex.replace(/^0x/, '');
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++)
    out[i] = parseInt(h.slice(h.length - 2 * (i + 1), h.length - 2 * i), 16);
  return out;
}

function hexOf(bytes: Uint8Array): string {
  let s = '';
  for (let i = bytes.length - 1; i >= 0; i--) s += bytes[i]!.toString(16).padStart(2, '0');
  return s;
}

function machineAt(vl: number): Machine {
  return createMachine({
    cpus: [
      {
        features: ['FEAT_FP', 'FEAT_AdvSIMD', 'FEAT_SVE'],
        options: { '@hypsim/ext-sve': { maxVl: vl } },
      },
    ],
    memory: [{ base: 0x4000_0000, size: '16M' }],
    plugins: [{ plugin: fpsimdPlugin }, { plugin: svePlugin }],
  });
}

function zBytes(m: Machine, n: number, vl: number): Uint8Array {
  const s = fpState(m.cpus[0]!);
  const out = new Uint8Array(vl / 8);
  const dv = new DataView(out.buffer);
  for (let w = 0; w < vl / 32; w++) dv.setInt32(4 * w, s.z[s.base(n) + w]!, true);
  return out;
}

function pBytes(m: Machine, n: number, vl: number): Uint8Array {
  const s = sveState(m.cpus[0]!);
  const out = new Uint8Array(vl / 64);
  for (let i = 0; i < out.length; i++)
    out[i] = (s.p[s.pBase(n) + (i >> 1)]! >> (8 * (i & 1))) & 0xff;
  return out;
}

function runCase(m: Machine, c: Case, vl: number): string[] {
  const cpu = m.cpus[0]!;
  cpu.setMode(1, 1);
  cpu.daif = 0xf;
  cpu.sysreg.poke('CPACR_EL1', 0x33_0000n); // FPEN = ZEN = 0b11
  cpu.sysreg.poke('ZCR_EL1', 0xfn);
  const fs = fpState(cpu);
  const sv = sveState(cpu);
  fs.fpcr = 0;
  fs.fpsr = 0;
  fs.z.fill(0);
  sv.p.fill(0);
  c.init.p.forEach((h, n) => {
    const b = bytesOf(h);
    for (let i = 0; i < vl / 64; i++) sv.p[sv.pBase(n) + (i >> 1)]! |= b[i]! << (8 * (i & 1));
  });
  for (let i = 0; i < vl / 128; i++) sv.p[sv.pBase(FFR) + i] = 0xffff; // SETFFR
  c.init.z.forEach((h, n) => {
    const b = bytesOf(h);
    const dv = new DataView(b.buffer);
    for (let w = 0; w < vl / 32; w++) fs.z[fs.base(n) + w] = dv.getInt32(4 * w, true);
  });
  fs.markHighWritten();
  c.init.x.forEach((v, i) => cpu.setX(i, BigInt(v)));
  cpu.nzcv = Number(BigInt(c.init.nzcv) >> 28n) & 0xf;
  const start = Number(BigInt(c.codeAddr));
  c.code.forEach((w, i) => m.bus.write32(start + 4 * i, Number(BigInt(w))));
  const end = BigInt(start + 4 * c.code.length);
  cpu.pc = BigInt(start);
  m.addBreakpoint(end);
  const stop = m.run({ maxInstructions: 4 * c.code.length + 4 });
  m.removeBreakpoint(end);
  const want = c.final[String(vl)]!;
  const diffs: string[] = [];
  if (stop.kind !== 'breakpoint')
    return [
      `did not reach the end: ${stop.kind}, PC ${hex64(cpu.pc)}, ESR_EL1 ${hex64(cpu.sysreg.peek('ESR_EL1'))}`,
    ];
  want.x.forEach((v, i) => {
    if (cpu.x(i) !== BigInt(v)) diffs.push(`X${i}: got ${hex64(cpu.x(i))}, QEMU ${v}`);
  });
  const nzcv = Number(BigInt(want.nzcv) >> 28n) & 0xf;
  if (cpu.nzcv !== nzcv) diffs.push(`NZCV: got ${cpu.nzcv.toString(2)}, QEMU ${nzcv.toString(2)}`);
  want.z.forEach((h, n) => {
    const got = hexOf(zBytes(m, n, vl));
    if (got !== h.replace(/^0x/, '')) diffs.push(`Z${n}: got ${got}, QEMU ${h}`);
  });
  want.p.forEach((h, n) => {
    const got = hexOf(pBytes(m, n, vl));
    if (got !== h.replace(/^0x/, '')) diffs.push(`P${n}: got ${got}, QEMU ${h}`);
  });
  const ffr = hexOf(pBytes(m, FFR, vl));
  if (ffr !== want.ffr.replace(/^0x/, '')) diffs.push(`FFR: got ${ffr}, QEMU ${want.ffr}`);
  return diffs;
}

describe('random SVE instruction sequences match QEMU at VL 128/256/512/2048', () => {
  it('has the corpus', () => {
    expect(batches.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of batches) {
    it(file, () => {
      const data = JSON.parse(readFileSync(dir + file, 'utf8')) as { cases: Case[] };
      const failures: string[] = [];
      let checked = 0;
      for (const vl of VLS) {
        const m = machineAt(vl);
        for (const c of data.cases) {
          checked++;
          const d = runCase(m, c, vl);
          if (d.length)
            failures.push(
              `${c.id} @VL${vl} [${c.classes.join(' ')}]\n    ${c.asm.join('\n    ')}\n  ${d.join('\n  ')}`,
            );
        }
      }
      expect(
        failures.slice(0, 4).join('\n'),
        `${failures.length} of ${checked} case-runs differ`,
      ).toBe('');
      expect(data.cases.length).toBeGreaterThanOrEqual(200);
      expect(checked).toBe(data.cases.length * VLS.length);
    });
  }
});
