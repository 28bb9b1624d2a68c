import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FPCR_WRITE_MASK, fpState } from '@hypsim/ext-fpsimd';
import { sveState } from '../../state.js';
import { runWords, sveMachine } from '../testutil.js';

/**
 * Single SVE floating-point instructions against qemu-aarch64 (QEMU 7.2 user mode) at VL 256
 * and 512: fixtures/qemu-fp.txt, recorded by fixtures/gen.py (random Z0–Z7 with FP specials,
 * denormals and NaNs, random P0–P7, random FPCR RMode/FZ/FZ16/DN). Every case must end with
 * QEMU's Z0–Z7, P0–P7 and FPSR.
 */

interface Case {
  asm: string[];
  code: number[];
  input: string;
  final: Record<string, { regs: string; fpsr: number }>;
}
const lines = readFileSync(new URL('./fixtures/qemu-fp.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0);
const data = {
  ...(JSON.parse(lines[0]!) as { vls: number[]; inSize: number }),
  cases: lines.slice(1).map((l) => JSON.parse(l) as Case),
};

function bytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('SVE FP instructions match qemu-aarch64', () => {
  for (const vl of data.vls) {
    it(`VL ${vl}: ${data.cases.length} cases`, () => {
      const m = sveMachine(vl);
      const cpu = m.cpus[0]!;
      const fp = fpState(cpu);
      const sv = sveState(cpu);
      const vb = vl / 8;
      const pl = vb / 8;
      const fails: string[] = [];
      for (const c of data.cases) {
        const inp = bytes(c.input);
        const dv = new DataView(inp.buffer);
        fp.fpcr = dv.getUint32(0, true) & FPCR_WRITE_MASK;
        fp.fpsr = 0;
        for (let r = 0; r < 8; r++)
          for (let w = 0; w < vb / 4; w++)
            fp.z[r * fp.stride + w] = dv.getInt32(16 + r * vb + 4 * w, true);
        for (let r = 0; r < 8; r++)
          for (let h = 0; h < pl / 2; h++)
            sv.p[r * sv.maxVq + h] = dv.getUint16(16 + 8 * vb + r * pl + 2 * h, true);
        try {
          runWords(m, c.code);
        } catch (e) {
          fails.push(`${c.asm.join('; ')}: ${(e as Error).message}`);
          continue;
        }
        const got = new Uint8Array(8 * vb + 8 * pl);
        const gv = new DataView(got.buffer);
        for (let r = 0; r < 8; r++)
          for (let w = 0; w < vb / 4; w++)
            gv.setInt32(r * vb + 4 * w, fp.z[r * fp.stride + w]!, true);
        for (let r = 0; r < 8; r++)
          for (let h = 0; h < pl / 2; h++)
            gv.setUint16(8 * vb + r * pl + 2 * h, sv.p[r * sv.maxVq + h]!, true);
        const want = bytes(c.final[String(vl)]!.regs);
        const diffs: string[] = [];
        for (let r = 0; r < 16; r++) {
          const [o, n] = r < 8 ? [r * vb, vb] : [8 * vb + (r - 8) * pl, pl];
          const a = hex(got.subarray(o, o + n));
          const b = hex(want.subarray(o, o + n));
          if (a !== b) diffs.push(`${r < 8 ? 'z' : 'p'}${r & 7}: got ${a}\n        want ${b}`);
        }
        const fpsr = c.final[String(vl)]!.fpsr;
        if ((fp.fpsr & 0x9f) !== (fpsr & 0x9f))
          diffs.push(`fpsr: got ${fp.fpsr.toString(16)}, want ${fpsr.toString(16)}`);
        if (diffs.length)
          fails.push(
            `${c.asm.join('; ')} (fpcr ${dv.getUint32(0, true).toString(16)})\n    ${diffs.join('\n    ')}`,
          );
      }
      expect(fails.slice(0, 6).join('\n'), `${fails.length} of ${data.cases.length} differ`).toBe(
        '',
      );
    });
  }
});
