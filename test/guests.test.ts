import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guestsDir, loadGuestManifest, runBareMetal, runCliCaptured, STATUS } from '@hypsim/cli';

/**
 * Differential tests: each committed guest ELF must print exactly what QEMU printed and exit
 * with QEMU's status (guests/expected/, recorded by `make -C guests`).
 */
const dir = guestsDir();
const guests = loadGuestManifest(dir);

describe('committed guests behave as on QEMU', () => {
  it('has the fixtures', () => {
    expect(guests.length).toBeGreaterThanOrEqual(12);
  });

  for (const g of guests) {
    it(`${g.name}${g.el2 ? ' (EL2)' : ''}: ${g.description.slice(0, 80)}`, () => {
      const out: Buffer[] = [];
      const r = runBareMetal(readFileSync(dir + g.elf), g.elf, {
        el2: g.el2,
        maxInsns: 300_000_000,
        write: (fd, b) => {
          if (fd === 1) out.push(Buffer.from(b));
        },
      });
      const expected = readFileSync(dir + g.stdout, 'latin1');
      expect(Buffer.concat(out).toString('latin1')).toBe(expected);
      expect(r.stop.kind).toBe('exit');
      expect(r.status).toBe(g.status);
    });
  }
});

describe('FP and AdvSIMD guests (guests/fp/) behave as on QEMU', () => {
  const fpDir = `${dir}fp/`;
  const fpGuests = loadGuestManifest(fpDir);
  it('has the fixtures', () => {
    expect(fpGuests.length).toBeGreaterThanOrEqual(6);
  });
  for (const g of fpGuests) {
    it(`${g.name}: ${g.description.slice(0, 80)}`, () => {
      const out: Buffer[] = [];
      const r = runBareMetal(readFileSync(fpDir + g.elf), g.elf, {
        el2: g.el2,
        maxInsns: 300_000_000,
        write: (fd, b) => {
          if (fd === 1) out.push(Buffer.from(b));
        },
      });
      expect(Buffer.concat(out).toString('latin1')).toBe(readFileSync(fpDir + g.stdout, 'latin1'));
      expect(r.stop.kind).toBe('exit');
      expect(r.status).toBe(g.status);
    });
  }
});

describe('hypsim run (in-process)', () => {
  const run = (...argv: string[]) => runCliCaptured(argv);

  it('prints what the guest prints and exits with its code', () => {
    const r = run('run', `${dir}bin/exit_code.elf`);
    expect(r.out).toBe(readFileSync(`${dir}expected/exit_code.stdout`, 'latin1'));
    expect(r.status).toBe(42);
  });

  it('stops at --max-insns with status 124 and says so', () => {
    const r = run('run', `${dir}bin/tight_loop.elf`, '--max-insns', '1000');
    expect(r.status).toBe(STATUS.budget);
    expect(r.err).toMatch(/stopped after 1000 instructions \(--max-insns\)/);
  });

  it('rejects a malformed ELF with the file and the reason, status 125', () => {
    const r = run('run', `${dir}manifest.json`);
    expect(r.status).toBe(STATUS.error);
    expect(r.err).toMatch(/manifest\.json: not an ELF file \(bad magic\)/);
  });

  it('rejects an unknown option, status 125', () => {
    const r = run('run', `${dir}bin/hello.elf`, '--frobnicate');
    expect(r.status).toBe(STATUS.error);
    expect(r.err).toMatch(/unknown option '--frobnicate'/);
  });

  it('traces instructions on request', () => {
    const r = run('run', `${dir}bin/hello.elf`, '--trace-insns', '--max-insns', '3');
    expect(r.err.split('\n').filter((l) => l.startsWith('cpu0 EL1 0x')).length).toBe(3);
  });
});
