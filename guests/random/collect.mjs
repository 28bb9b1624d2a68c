#!/usr/bin/env node
// collect.mjs - merge a generated batch with QEMU's output into the corpus.
//
//   node collect.mjs build/batch-NNN.gen.json build/batch-NNN.out cases/batch-NNN.json
//
// The QEMU output (stdout of the harness) has one line per case:
//   C <idx> <x0> ... <x30> <nzcv> <window hex>
// Any "E" line (a case raised an exception), a missing case or a missing
// "DONE" line is an error: the generator must never produce such cases.

import { readFileSync, writeFileSync } from 'node:fs';

const [genPath, outPath, dstPath] = process.argv.slice(2);
if (!dstPath) {
  console.error('usage: collect.mjs GEN.json QEMU.out OUT.json');
  process.exit(2);
}
const gen = JSON.parse(readFileSync(genPath, 'utf8'));
const lines = readFileSync(outPath, 'utf8').split('\n');

const finals = new Map();
const errors = [];
let done = null;
for (const line of lines) {
  if (!line) continue;
  const f = line.split(' ');
  if (f[0] === 'C') {
    const idx = parseInt(f[1], 16);
    if (f.length !== 2 + 31 + 1 + 1) throw new Error(`${outPath}: malformed line for case ${idx}`);
    finals.set(idx, {
      x: f.slice(2, 33).map((v) => `0x${v}`),
      nzcv: `0x${f[33].padStart(16, '0')}`,
      mem: { addr: gen.window.addr, hex: f[34] },
    });
  } else if (f[0] === 'E') {
    const c = gen.cases[parseInt(f[1], 16)];
    errors.push(`case ${c?.id}: exception vector ${f[2]} ESR ${f[3]} ELR ${f[4]} FAR ${f[5]}\n    ${c?.asm.join('\n    ')}`);
  } else if (f[0] === 'DONE') {
    done = parseInt(f[1], 16);
  } else if (!line.startsWith('hypsim random-instruction harness')) {
    errors.push(`unexpected output line: ${line.slice(0, 200)}`);
  }
}
if (done !== gen.cases.length) errors.push(`DONE line missing or wrong (${done} vs ${gen.cases.length})`);
gen.cases.forEach((c, i) => {
  if (!finals.has(i)) errors.push(`no result for case ${c.id}`);
  else if (finals.get(i).mem.hex.length !== gen.window.size * 2) errors.push(`bad window dump for ${c.id}`);
});
if (errors.length) {
  console.error(`${outPath}:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}

const head = {
  version: 1,
  seed: gen.seed,
  batch: gen.batch,
  codeAddrNote:
    'Each case\'s code words sit at codeAddr (a 64-byte slot at 0x40100000 + 64*index + 4*k, k in 0..3) and are the only ' +
    'instructions between codeAddr and codeAddr + 4*code.length; the harness places "b save_state" right after them. ' +
    'Start at PC = codeAddr (EL1h, MMU off, DAIF masked) with init.x/nzcv/mem, stop when PC == codeAddr + 4*code.length, ' +
    'then compare X0-X30, NZCV and the memory window with final. SP is never used by the cases and is not recorded.',
  window: gen.window,
  recordedWith: 'qemu-system-aarch64 7.2 -M virt -cpu max (see README.md)',
};
const out = [];
out.push('{');
for (const [k, v] of Object.entries(head)) out.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
out.push('  "cases": [');
gen.cases.forEach((c, i) => {
  const rec = { ...c, final: finals.get(i) };
  out.push(`    ${JSON.stringify(rec)}${i + 1 < gen.cases.length ? ',' : ''}`);
});
out.push('  ]');
out.push('}');
writeFileSync(dstPath, out.join('\n') + '\n');
