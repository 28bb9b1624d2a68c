import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMachine, hex64, type Machine } from '@hypsim/core';
import { fpState, fpsimdPlugin } from '@hypsim/ext-fpsimd';

/**
 * The random FP/AdvSIMD corpus (guests/random-fp/, recorded on QEMU 7.2 -cpu max): every
 * case must end with exactly QEMU's X0–X30, V0–V31, NZCV, FPCR and FPSR.
 *
 * Every case must match, whatever classes it mixes.
 */

interface State {
  x: string[];
  v: string[];
  nzcv: string;
  fpcr: string;
  fpsr: string;
}
interface Case {
  id: string;
  codeAddr: string;
  code: string[];
  asm: string[];
  classes: string[];
  init: State;
  final: State;
}

const dir = fileURLToPath(new URL('../guests/random-fp/cases/', import.meta.url));
const batches = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function makeMachine(): Machine {
  return createMachine({
    cpus: [{ features: ['FEAT_FP', 'FEAT_AdvSIMD', 'FEAT_FRINTTS', 'FEAT_JSCVT'] }],
    memory: [{ base: 0x4000_0000, size: '16M' }],
    plugins: [{ plugin: fpsimdPlugin }],
  });
}

const hex128 = (w: Int32Array, b: number): string =>
  '0x' + [3, 2, 1, 0].map((k) => (w[b + k]! >>> 0).toString(16).padStart(8, '0')).join('');

interface Result {
  diffs: string[];
  /** stopped at an UNDEF: an unimplemented instruction */
  undef: boolean;
}

function runCase(m: Machine, c: Case): Result {
  const cpu = m.cpus[0]!;
  const st = fpState(cpu);
  cpu.setMode(1, 1);
  cpu.daif = 0xf;
  cpu.sysreg.poke('CPACR_EL1', 3n << 20n);
  cpu.sysreg.poke('VBAR_EL1', 0x4080_0000n);
  st.fpcr = Number(BigInt(c.init.fpcr));
  st.fpsr = Number(BigInt(c.init.fpsr));
  c.init.v.forEach((v, i) => {
    const x = BigInt(v);
    const w = (k: number): number => Number((x >> BigInt(32 * k)) & 0xffffffffn) | 0;
    st.writeV(i, w(0), w(1), w(2), w(3));
  });
  c.init.x.forEach((v, i) => cpu.setX(i, BigInt(v)));
  cpu.nzcv = Number(BigInt(c.init.nzcv) >> 28n) & 0xf;
  const start = Number(BigInt(c.codeAddr));
  c.code.forEach((w, i) => m.bus.write32(start + 4 * i, Number(BigInt(w))));
  cpu.pc = BigInt(start);
  const diffs: string[] = [];
  // one instruction at a time, so an exception is pinned to its instruction
  for (let k = 0; k < c.code.length; k++) {
    m.run({ maxInstructions: 1 });
    if (cpu.pc !== BigInt(start + 4 * (k + 1))) {
      const esr = cpu.sysreg.peek('ESR_EL1');
      const undef = esr >> 26n === 0n;
      diffs.push(`exception at '${c.asm[k]}': ESR_EL1 ${hex64(esr)}` + (undef ? ' (UNDEF)' : ''));
      return { diffs, undef };
    }
  }
  c.final.x.forEach((v, i) => {
    const got = cpu.x(i);
    if (got !== BigInt(v)) diffs.push(`X${i}: got ${hex64(got)}, QEMU ${v}`);
  });
  c.final.v.forEach((v, i) => {
    const got = hex128(st.z, st.base(i));
    if (BigInt(got) !== BigInt(v)) diffs.push(`V${i}: got ${got}, QEMU ${v}`);
  });
  const nzcv = Number(BigInt(c.final.nzcv) >> 28n) & 0xf;
  if (cpu.nzcv !== nzcv)
    diffs.push(
      `NZCV: got ${cpu.nzcv.toString(2).padStart(4, '0')}, QEMU ${nzcv.toString(2).padStart(4, '0')}`,
    );
  if (st.fpcr !== Number(BigInt(c.final.fpcr)))
    diffs.push(`FPCR: got 0x${st.fpcr.toString(16)}, QEMU ${c.final.fpcr}`);
  if (st.fpsr !== Number(BigInt(c.final.fpsr)))
    diffs.push(`FPSR: got 0x${st.fpsr.toString(16)}, QEMU ${c.final.fpsr}`);
  return { diffs, undef: false };
}

describe('random FP/AdvSIMD instruction sequences match QEMU', () => {
  it('has the corpus', () => {
    expect(batches.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of batches) {
    it(file, () => {
      const data = JSON.parse(readFileSync(dir + file, 'utf8')) as { cases: Case[] };
      const m = makeMachine();
      const failures: string[] = [];
      for (const c of data.cases) {
        const r = runCase(m, c);
        if (r.diffs.length === 0) continue;
        failures.push(
          `${c.id} [${c.classes.join(' ')}] fpcr ${c.init.fpcr}\n    ${c.asm.join('\n    ')}\n  ${r.diffs.join('\n  ')}`,
        );
      }
      expect(
        failures.slice(0, 5).join('\n'),
        `${failures.length} of ${data.cases.length} cases differ`,
      ).toBe('');
    });
  }
});
