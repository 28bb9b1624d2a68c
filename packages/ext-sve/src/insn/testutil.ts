import { createMachine, TEST_CODE_BASE, type Cpu, type Machine } from '@hypsim/core';
import { fpState, fpsimdPlugin } from '@hypsim/ext-fpsimd';
import { svePlugin, SVE_PLUGIN_ID } from '../plugin.js';
import { sveState } from '../state.js';

/** Test support: an EL1 machine with SVE enabled, ZCR_EL1.LEN = vl/128 - 1, maxVl 2048. */
export function sveMachine(vl: number): Machine {
  const m = createMachine({
    seed: 1,
    cpus: [
      {
        features: ['FEAT_FP', 'FEAT_AdvSIMD', 'FEAT_SVE'],
        options: { [SVE_PLUGIN_ID]: { maxVl: 2048 } },
      },
    ],
    plugins: [{ plugin: fpsimdPlugin }, { plugin: svePlugin }],
  });
  const cpu = m.cpus[0]!;
  cpu.setMode(1, 1);
  cpu.sysreg.poke('CPACR_EL1', (3n << 20n) | (3n << 16n));
  cpu.sysreg.poke('ZCR_EL1', BigInt(vl / 128 - 1));
  return m;
}

/** Runs `words` from TEST_CODE_BASE; throws if an exception was taken. */
export function runWords(m: Machine, words: readonly number[]): Cpu {
  const cpu = m.cpus[0]!;
  words.forEach((w, i) => m.bus.write32(TEST_CODE_BASE + 4 * i, w >>> 0));
  cpu.setMode(1, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  m.run({ maxInstructions: words.length });
  const end = BigInt(TEST_CODE_BASE + 4 * words.length);
  if (cpu.pc !== end)
    throw new Error(`stopped at ${cpu.pc.toString(16)} (ESR ${cpu.sysreg.peek('ESR_EL1')})`);
  return cpu;
}

/** Pn (accessible part at `vl`) as a hex string, most significant byte first. */
export function pHex(cpu: Cpu, n: number, vl: number): string {
  const st = sveState(cpu);
  let s = '';
  for (let g = vl / 128 - 1; g >= 0; g--)
    s += st.p[n * st.maxVq + g]!.toString(16).padStart(4, '0');
  return s;
}

/** Sets Pn from a hex string (most significant byte first, vl/64 hex digits... any length). */
export function setP(cpu: Cpu, n: number, hex: string): void {
  const st = sveState(cpu);
  const padded = hex.padStart(4 * Math.ceil(hex.length / 4), '0');
  const k = padded.length / 4;
  for (let g = 0; g < k; g++)
    st.p[n * st.maxVq + g] = parseInt(
      padded.slice(padded.length - 4 * (g + 1), padded.length - 4 * g),
      16,
    );
}

/** Word w of Zn (unsigned). */
export function zWord(cpu: Cpu, n: number, w: number): number {
  const fp = fpState(cpu);
  return fp.z[n * fp.stride + w]! >>> 0;
}

export function setZWords(cpu: Cpu, n: number, words: readonly number[]): void {
  const fp = fpState(cpu);
  words.forEach((v, i) => (fp.z[n * fp.stride + i] = v | 0));
  fp.markHighWritten();
}
