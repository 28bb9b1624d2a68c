import { readFileSync } from 'node:fs';
import { machineWithCode, TEST_CODE_BASE } from '@hypsim/core';
import { fpsimdPlugin } from '../plugin.js';
import { fpState } from '../state.js';

/**
 * Test support: single-instruction cases recorded on qemu-aarch64 7.2 (-cpu max) by a
 * harness that loads X0–X3, V0–V7, FPCR and NZCV, runs one instruction and stores them back
 * with FPSR (see fixtures/README.md). A fixture line is the input state, then the outputs
 * that differ from it as index:value, FPSR (index 22) always:
 * `insn x0..x3 v0lo v0hi … v7lo v7hi fpcr nzcv | 10:… 22:fpsr` (hex).
 */
export interface QemuCase {
  insn: number;
  input: bigint[];
  output: bigint[];
}

export function loadCases(file: string): QemuCase[] {
  const text = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
  const out: QemuCase[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [a, b] = line.split('|');
    const ins = a!.trim().split(/\s+/);
    const input = ins.slice(1).map((h) => BigInt(`0x${h}`));
    const output = [...input, 0n];
    for (const kv of b!.trim().split(/\s+/)) {
      const [i, v] = kv.split(':');
      output[Number(i)] = BigInt(`0x${v}`);
    }
    out.push({ insn: parseInt(ins[0]!, 16), input, output });
  }
  return out;
}

const m = machineWithCode([0], {
  config: {
    cpus: [{ features: ['FEAT_FP', 'FEAT_AdvSIMD'] }],
    plugins: [{ plugin: fpsimdPlugin }],
  },
});
const cpu = m.cpus[0]!;

const NAMES = [
  'x0',
  'x1',
  'x2',
  'x3',
  ...Array.from({ length: 16 }, (_, i) => `v${i >> 1}.${i & 1 ? 'hi' : 'lo'}`),
  'fpcr',
  'nzcv',
  'fpsr',
];

/** Runs one case; returns the mismatches (empty when it matches QEMU). */
export function runCase(c: QemuCase): string[] {
  m.bus.write32(TEST_CODE_BASE, c.insn >>> 0);
  cpu.setMode(1, 1);
  cpu.pc = BigInt(TEST_CODE_BASE);
  cpu.sysreg.poke('CPACR_EL1', 3n << 20n);
  cpu.sysreg.poke('VBAR_EL1', 0n);
  const st = fpState(cpu);
  for (let i = 0; i < 4; i++) cpu.setX(i, c.input[i]!);
  for (let r = 0; r < 8; r++) {
    const lo = c.input[4 + 2 * r]!;
    const hi = c.input[5 + 2 * r]!;
    st.writeV(
      r,
      Number(lo & 0xffffffffn) | 0,
      Number(lo >> 32n) | 0,
      Number(hi & 0xffffffffn) | 0,
      Number(hi >> 32n) | 0,
    );
  }
  st.fpcr = Number(c.input[20]!);
  cpu.nzcv = Number(c.input[21]! >> 28n);
  st.fpsr = 0;
  m.run({ maxInstructions: 1 });
  const got: bigint[] = [];
  for (let i = 0; i < 4; i++) got.push(cpu.x(i));
  for (let r = 0; r < 8; r++) {
    const b = st.base(r);
    const w = (k: number): bigint => BigInt(st.z[b + k]! >>> 0);
    got.push(w(0) | (w(1) << 32n), w(2) | (w(3) << 32n));
  }
  got.push(BigInt(st.fpcr), BigInt(cpu.nzcv) << 28n, BigInt(st.fpsr));
  const errs: string[] = [];
  if (cpu.pc !== BigInt(TEST_CODE_BASE + 4))
    errs.push(`pc = 0x${cpu.pc.toString(16)} (exception?)`);
  for (let i = 0; i < got.length; i++)
    if (got[i] !== c.output[i])
      errs.push(`${NAMES[i]} = ${got[i]!.toString(16)}, QEMU ${c.output[i]!.toString(16)}`);
  return errs;
}

export function describeCase(c: QemuCase): string {
  return `insn ${c.insn.toString(16).padStart(8, '0')} in: ${c.input.map((v) => v.toString(16)).join(' ')}`;
}
