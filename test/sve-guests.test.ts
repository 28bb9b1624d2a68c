import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BARE_METAL_SVE_VL,
  prepareBareMetal,
  runBareMetal,
  runCliCaptured,
} from '@hypsim/cli';
import { effectiveVl } from '@hypsim/ext-sve';

/**
 * The SVE guests (guests/sve, `make -C guests/sve`): one ELF per program, recorded on QEMU 7.2
 * `-cpu max,sve-max-vq=VL/128` at VL 128, 256, 512 and 2048. At each VL hypsim must print
 * exactly what QEMU printed (including the VL-DEPENDENT lines) and exit with its status; the
 * recordings themselves agree across VLs outside the VL-DEPENDENT lines (checked here too, so
 * a fixture that quietly depends on VL is caught).
 */
const dir = fileURLToPath(new URL('../guests/sve/', import.meta.url));

interface SveRun {
  vl: number;
  stdout: string;
  status: number;
}
interface SveProgram {
  name: string;
  elf: string;
  vlDependentLinePrefix: string;
  runs: SveRun[];
}

const programs = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as SveProgram[];

function run(elf: string, vl: number): { out: string; status: number } {
  const chunks: Buffer[] = [];
  const r = runBareMetal(readFileSync(dir + elf), elf, {
    sveVl: vl,
    maxInsns: 200_000_000,
    write: (fd, b) => {
      if (fd === 1) chunks.push(Buffer.from(b));
    },
  });
  return { out: Buffer.concat(chunks).toString('latin1'), status: r.status };
}

describe('SVE guests behave as on QEMU at every vector length', () => {
  it('has the fixtures, each recorded at the four VLs', () => {
    expect(programs.map((p) => p.name)).toEqual(['sve_autovec', 'sve_intrinsics', 'sve_ops']);
    for (const p of programs) expect(p.runs.map((r) => r.vl)).toEqual([128, 256, 512, 2048]);
  });

  for (const p of programs) {
    const strip = (s: string): string =>
      s
        .split('\n')
        .filter((l) => !l.startsWith(p.vlDependentLinePrefix))
        .join('\n');
    it(`${p.name}: QEMU's recordings agree across VLs outside the VL-DEPENDENT lines`, () => {
      const outs = p.runs.map((r) => readFileSync(dir + r.stdout, 'latin1'));
      for (const o of outs) expect(strip(o)).toBe(strip(outs[0]!));
      expect(new Set(outs).size).toBe(outs.length);
    });
    for (const r of p.runs)
      it(`${p.name} at VL ${r.vl}`, () => {
        const got = run(p.elf, r.vl);
        expect(got.out).toBe(readFileSync(dir + r.stdout, 'latin1'));
        expect(got.status).toBe(r.status);
      });
  }
});

describe('hypsim run --sve-vl', () => {
  const elf = `${dir}bin/sve_intrinsics.elf`;
  const expected = (vl: number): string =>
    readFileSync(`${dir}expected/sve_intrinsics.vl${vl}.stdout`, 'latin1');

  const cli = runCliCaptured;

  it('takes the option after the file and before it', () => {
    expect(cli(['run', elf, '--sve-vl', '256']).out).toBe(expected(256));
    expect(cli(['run', '--sve-vl', '512', elf]).out).toBe(expected(512));
  });

  it('defaults to 2048 bits, like QEMU 7.2 -cpu max in system mode', () => {
    expect(DEFAULT_BARE_METAL_SVE_VL).toBe(2048);
    expect(cli(['run', elf]).out).toBe(expected(2048));
    const m = prepareBareMetal(readFileSync(elf), elf, { write: () => undefined });
    const cpu = m.cpus[0]!;
    // ZCR_EL1 resets to 0 as on QEMU: 128 bits until the guest raises LEN.
    expect(effectiveVl(cpu)).toBe(128);
    cpu.sysreg.poke('ZCR_EL1', 0xfn);
    expect(effectiveVl(cpu)).toBe(2048);
  });

  it.each(['100', '0', '4096', '384.0', 'max'])('refuses --sve-vl %s with status 125', (v) => {
    const r = cli(['run', elf, '--sve-vl', v]);
    expect(r.status).toBe(125);
    expect(r.err).toMatch(/not an SVE vector length: a multiple of 128 from 128 to 2048/);
    expect(r.out).toBe('');
  });

  it('accepts a maximum that is not a power of two (384), which every length up to it implements', () => {
    const m = prepareBareMetal(readFileSync(elf), elf, { sveVl: 384, write: () => undefined });
    const cpu = m.cpus[0]!;
    cpu.sysreg.poke('ZCR_EL1', 0xfn);
    expect(effectiveVl(cpu)).toBe(384);
  });
});
