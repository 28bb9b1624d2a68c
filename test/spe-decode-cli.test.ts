import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '@hypsim/cli';
import { encodeRecord } from '@hypsim/ext-spe';

/** `hypsim spe-decode FILE [--json]` on a buffer built with ext-spe's packet encoder. */
describe('hypsim spe-decode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hypsim-spe-'));
  const run = (...argv: string[]) => runCliCaptured(argv);

  const record = encodeRecord([
    { kind: 'address', type: 'pc', va: 0x4008_1234n, el: 1, ns: true, nse: false },
    { kind: 'address', type: 'data-va', va: 0x4020_0040n },
    { kind: 'counter', index: 0, value: 17 },
    { kind: 'end' },
  ]);

  it('prints the records of a buffer, as text and as JSON', () => {
    const file = join(dir, 'buf.bin');
    writeFileSync(file, Buffer.concat([record, record]));
    const text = run('spe-decode', file);
    expect(text.status).toBe(0);
    expect(text.out).toMatch(/40081234/i);
    expect(text.out).toMatch(/40200040/i);
    const json = run('spe-decode', file, '--json');
    expect(json.status).toBe(0);
    expect(json.out).toMatch(/"va"/);
  });

  it('reports a truncated buffer with the byte offset and status 1', () => {
    const file = join(dir, 'cut.bin');
    writeFileSync(file, record.subarray(0, 5));
    const r = run('spe-decode', file);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/cut\.bin: .*(offset|byte)/i);
  });
});
