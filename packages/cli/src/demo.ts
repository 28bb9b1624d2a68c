import { readFileSync } from 'node:fs';
import { guestsDir, loadGuestManifest, loadSveManifest, type GuestEntry } from './guests.js';
import { maxCpuFeatures, prepareBareMetal, statusOf } from './bare-metal.js';
import type { CliIo } from './program.js';

/**
 * The built-in demonstration on embedded defaults: describe the machine, then run every
 * committed guest and compare its output and exit status with what QEMU recorded.
 * Returns 0 when every guest matches QEMU.
 */
export function runDemo(io: CliIo): number {
  const dir = guestsDir();
  const guests = loadGuestManifest(dir);
  // The base-ISA guests, then the FP/AdvSIMD and MMU/stage-2 sets (each folder its own
  // manifest), then the SVE set, each program at every VL QEMU recorded it at.
  const all: Array<GuestEntry & { folder: string; sveVl?: number }> = [
    ...guests.map((g) => ({ ...g, folder: dir })),
    ...['fp/', 'mmu/'].flatMap((sub) =>
      loadGuestManifest(dir + sub).map((g) => ({
        ...g,
        name: `${sub}${g.name}`,
        folder: dir + sub,
      })),
    ),
    ...loadSveManifest(dir + 'sve/').flatMap((g) =>
      g.runs.map((r) => ({
        ...g,
        name: `sve/${g.name} VL ${r.vl}`,
        stdout: r.stdout,
        status: r.status,
        folder: dir + 'sve/',
        sveVl: r.vl,
      })),
    ),
  ];
  io.stdout(
    'hypsim demonstration: bare-metal guests on a QEMU-virt-like machine, checked against QEMU 7.2\n\n',
  );
  const probe = prepareBareMetal(readFileSync(dir + guests[0]!.elf), guests[0]!.elf, {
    write: () => undefined,
  });
  const cpu = probe.cpus[0]!;
  io.stdout(
    `machine: ${probe.cpus.length} CPU, RAM ${probe.bus.rams.map((r) => `0x${r.base.toString(16)}+${r.size >> 20}M`).join(', ')}\n`,
  );
  io.stdout(`cpu0 features (EL1 run): ${[...cpu.features].sort().join(' ')}\n`);
  io.stdout(
    `  with --el2 adds: ${maxCpuFeatures(true)
      .filter((f) => !cpu.features.has(f))
      .join(' ')}\n`,
  );
  io.stdout(
    `plugins: ${probe.plugins.map((p) => p.manifest.id).join(', ') || 'none (core only)'}; system registers: ${probe.registry.size}; decode patterns: ${probe.patterns.length}\n\n`,
  );

  const rows: string[][] = [
    ['guest', 'EL', 'status (QEMU)', 'output', 'instructions', 'ms', 'MIPS'],
  ];
  let ok = true;
  for (const g of all) {
    const chunks: Buffer[] = [];
    const m = prepareBareMetal(readFileSync(g.folder + g.elf), g.elf, {
      el2: g.el2,
      sveVl: g.sveVl,
      write: (fd, b) => {
        if (fd === 1) chunks.push(Buffer.from(b));
      },
    });
    const t0 = performance.now();
    const stop = m.run({ maxInstructions: 500_000_000 });
    const ms = performance.now() - t0;
    const n = m.cpus.reduce((a, c) => a + c.instret, 0);
    const status = statusOf(stop);
    const same = Buffer.concat(chunks).equals(readFileSync(g.folder + g.stdout));
    const pass = same && status === g.status;
    ok &&= pass;
    rows.push([
      g.name,
      g.el2 ? 'EL2' : 'EL1',
      `${status} (${g.status})${status === g.status ? '' : ' ✗'}`,
      same ? 'same as QEMU' : 'DIFFERS ✗',
      String(n),
      ms.toFixed(0),
      (n / ms / 1000).toFixed(1),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    io.stdout(
      `${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`,
    );
  io.stdout(
    `\n${ok ? 'verdict: every guest printed what QEMU printed and exited with its status' : 'verdict: some guests differ from QEMU (✗)'}\n`,
  );
  return ok ? 0 : 1;
}
