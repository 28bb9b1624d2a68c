import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMachine } from '@hypsim/core';
import { fpState, fpsimdPlugin } from '@hypsim/ext-fpsimd';
import { svePlugin, SVE_PLUGIN_ID } from '../../plugin.js';
import { FFR, sveState } from '../../state.js';
import { runWords } from '../testutil.js';

/**
 * Single SVE load/store instructions against qemu-aarch64 (QEMU 7.2 user mode) at VL 256 and
 * 512: fixtures/mem.txt, recorded by fixtures/gen.py. Memory is 8 KB at 0x44000000 with
 * nothing mapped after it (here: the end of RAM), so first-fault and non-fault loads meet real
 * faults. Every case must end with QEMU's Z0–Z7, P0–P7, FFR and memory.
 */

interface Case {
  asm: string[];
  code: number[];
  input: string;
  final: Record<string, { regs: string; mem: [number, number][] }>;
}
const lines = readFileSync(new URL('./fixtures/mem.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0);
const head = JSON.parse(lines[0]!) as {
  vls: number[];
  maxBytes?: number;
  buf: number;
  bufSize: number;
  memory: string;
};
const cases = lines.slice(1).map((l) => JSON.parse(l) as Case);

function bytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const MAXB = head.maxBytes ?? 64;

describe('SVE loads and stores match qemu-aarch64', () => {
  const pristine = bytes(head.memory);
  for (const vl of head.vls) {
    it(`VL ${vl}: ${cases.length} cases`, () => {
      const m = createMachine({
        cpus: [
          {
            features: ['FEAT_FP', 'FEAT_AdvSIMD', 'FEAT_SVE'],
            options: { [SVE_PLUGIN_ID]: { maxVl: 2048 } },
          },
        ],
        memory: [{ name: 'ram', base: 0x4000_0000, size: head.buf + head.bufSize - 0x4000_0000 }],
        plugins: [{ plugin: fpsimdPlugin }, { plugin: svePlugin }],
        mmuOffAlignment: 'allow',
      });
      const cpu = m.cpus[0]!;
      cpu.setMode(1, 1);
      cpu.sysreg.poke('CPACR_EL1', (3n << 20n) | (3n << 16n));
      cpu.sysreg.poke('ZCR_EL1', BigInt(vl / 128 - 1));
      const fp = fpState(cpu);
      const sv = sveState(cpu);
      const vb = vl / 8;
      const pl = vb / 8;
      const fails: string[] = [];
      for (const c of cases) {
        const inp = bytes(c.input);
        const dv = new DataView(inp.buffer);
        for (let i = 0; i < pristine.length; i++) m.bus.write8(head.buf + i, pristine[i]!);
        cpu.setX(5, dv.getBigUint64(0, true));
        cpu.setX(6, dv.getBigUint64(8, true));
        for (let r = 0; r < 8; r++)
          for (let w = 0; w < vb / 4; w++)
            fp.z[r * fp.stride + w] = dv.getInt32(16 + r * MAXB + 4 * w, true);
        for (let r = 0; r < 8; r++)
          for (let h = 0; h < pl / 2; h++)
            sv.p[r * sv.maxVq + h] = dv.getUint16(16 + 8 * MAXB + r * (MAXB / 8) + 2 * h, true);
        sv.p.fill(0xffff, FFR * sv.maxVq, FFR * sv.maxVq + vl / 128);
        try {
          runWords(m, c.code);
        } catch (e) {
          fails.push(`${c.asm.join('; ')}: ${(e as Error).message}`);
          continue;
        }
        const got = new Uint8Array(8 * vb + 9 * pl);
        const gv = new DataView(got.buffer);
        for (let r = 0; r < 8; r++)
          for (let w = 0; w < vb / 4; w++)
            gv.setInt32(r * vb + 4 * w, fp.z[r * fp.stride + w]!, true);
        for (let r = 0; r < 9; r++) {
          const pn = r < 8 ? r : FFR;
          for (let h = 0; h < pl / 2; h++)
            gv.setUint16(8 * vb + r * pl + 2 * h, sv.p[pn * sv.maxVq + h]!, true);
        }
        const want = bytes(c.final[String(vl)]!.regs);
        const diffs: string[] = [];
        for (let r = 0; r < 17; r++) {
          const [o, n] = r < 8 ? [r * vb, vb] : [8 * vb + (r - 8) * pl, pl];
          const a = hex(got.subarray(o, o + n));
          const b = hex(want.subarray(o, o + n));
          const name = r < 8 ? `z${r}` : r < 16 ? `p${r - 8}` : 'ffr';
          if (a !== b) diffs.push(`${name}: got ${a}\n        want ${b}`);
        }
        const memWant = new Map(c.final[String(vl)]!.mem.map(([o, v]) => [o, v]));
        let memDiffs = 0;
        for (let i = 0; i < pristine.length; i++) {
          const v = m.bus.read8(head.buf + i);
          if (v !== (memWant.get(i) ?? pristine[i])) memDiffs++;
        }
        if (memDiffs) diffs.push(`memory: ${memDiffs} bytes differ`);
        if (diffs.length) fails.push(`${c.asm.join('; ')}\n    ${diffs.join('\n    ')}`);
      }
      expect(fails.slice(0, 6).join('\n'), `${fails.length} of ${cases.length} differ`).toBe('');
    });
  }
});
