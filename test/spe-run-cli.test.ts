import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '@hypsim/cli';
import { decodeSpeBuffer } from '@hypsim/ext-spe';

/**
 * `hypsim run` has SPE (FEAT_SPE on the bare-metal CPU), `--dump FILE@ADDR,SIZE` writes guest
 * memory after the run, and `hypsim spe-decode` prints that profile.
 */
describe('hypsim run + spe-decode on a bare-metal profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hypsim-spe-run-'));
  const elf = new URL('../guests/spe/bin/spe_profile.elf', import.meta.url).pathname;
  const run = (...argv: string[]) => runCliCaptured(argv);

  it('runs an SPE guest, dumps its buffer, and decodes it', () => {
    const first = run('run', elf);
    expect(first.status, first.err).toBe(0);
    const m = /phase=el1 buf=(0x[0-9a-f]+) ptr=(0x[0-9a-f]+)/.exec(first.out)!;
    const buf = Number(m[1]);
    const len = Number(m[2]) - buf;
    const file = join(dir, 'el1.bin');
    const second = run('run', elf, '--dump', `${file}@${m[1]},${len}`);
    expect(second.status).toBe(0);
    expect(second.out).toBe(first.out);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(len);
    expect(decodeSpeBuffer(bytes).length).toBeGreaterThan(50);
    const text = run('spe-decode', file);
    expect(text.status, text.err).toBe(0);
    expect(text.out).toMatch(/4008300[4-9a-f]|4008301[0-3]/i);
    const json = run('spe-decode', file, '--json');
    expect(json.status).toBe(0);
    expect((JSON.parse(json.out) as unknown[]).length).toBe(decodeSpeBuffer(bytes).length);
  });

  it('--no-spe gives a CPU without SPE: the guest UNDEFs on the first SPE register', () => {
    const r = run('run', elf, '--no-spe');
    expect(r.status).toBe(99);
    expect(r.out).toMatch(/EC=0x00/);
  });

  it('rejects a malformed --dump', () => {
    const r = run('run', elf, '--dump', 'nonsense');
    expect(r.status).not.toBe(0);
    expect(r.err).toMatch(/FILE@ADDR,SIZE/);
  });
});
