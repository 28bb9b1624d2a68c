// pnpm bench: interpreter speed on three committed guests (built packages, real decode cache).
// Prints instructions, seconds and MIPS; the targets are >= 50 MIPS on the tight loop and
// >= 30 MIPS on the C program (issue: A64 base ISA). Wall-clock time is measured here only.
// The run is timed apart from building the machine (128 MiB of RAM, decode tables, ELF load),
// which the `setup ms` column shows: for the short FP/SVE programs it would otherwise dominate.
import { readFileSync } from 'node:fs';
import { prepareBareMetal } from '../packages/cli/dist/index.js';

const guests = [
  ['tight integer loop', 'tight_loop'],
  ['load/store loop', 'ldst_loop'],
  ['C program (sort, hash, bignum, strings)', 'sort_hash'],
  ['tight integer loop, MMU on', 'mmu/mmu_tight_loop'],
  ['load/store loop, MMU on', 'mmu/mmu_ldst_loop'],
  ['C program, MMU on', 'mmu/mmu_sort_hash'],
  ['FP program (scalar float/double, fma, matrices)', 'fp/fp_arith'],
  ['NEON program (-O3 auto-vectorised loops)', 'fp/autovec'],
  ['SVE program (-O3 auto-vectorised loops), VL 128', 'sve/sve_autovec', 128],
  ['SVE program (-O3 auto-vectorised loops), VL 2048', 'sve/sve_autovec', 2048],
];
const dir = new URL('../guests/', import.meta.url);
const rows = [];
for (const [what, name, sveVl] of guests) {
  const [sub, base] = name.includes('/') ? name.split('/') : ['', name];
  const elf = readFileSync(new URL(`${sub ? `${sub}/` : ''}bin/${base}.elf`, dir));
  let best;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    const m = prepareBareMetal(elf, `${name}.elf`, { write: () => {}, sveVl });
    const t1 = performance.now();
    const stop = m.run({ maxInstructions: 1_000_000_000 });
    const s = (performance.now() - t1) / 1000;
    if (stop.kind !== 'exit') throw new Error(`${name}: did not exit (${stop.kind})`);
    const n = m.cpus.reduce((a, c) => a + c.instret, 0);
    if (!best || s < best.s) best = { n, s, setup: t1 - t0 };
  }
  rows.push({
    benchmark: what,
    guest: name,
    instructions: best.n,
    seconds: +best.s.toFixed(3),
    'setup ms': +best.setup.toFixed(1),
    MIPS: +(best.n / best.s / 1e6).toFixed(1),
  });
}
console.table(rows);
