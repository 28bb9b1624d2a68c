#!/usr/bin/env node
// collect.mjs - merge a generated batch, its code words and QEMU's output
// into the corpus file.
//
//   node collect.mjs build/batch-NNN.gen.json build/batch-NNN.code.json build/batch-NNN.out cases/batch-NNN.json
//
// QEMU output (stdout of the harness), one line per case:
//   C <idx> <x0> ... <x30> <nzcv> <fpcr> <fpsr> <v0> ... <v31>
// Any "E" line (a case raised an exception), a missing case, a missing
// "DONE" line or any other output is an error.

import { readFileSync, writeFileSync } from 'node:fs';

const [genPath, codePath, outPath, dstPath] = process.argv.slice(2);
if (!dstPath) {
  console.error('usage: collect.mjs GEN.json CODE.json QEMU.out OUT.json');
  process.exit(2);
}
const gen = JSON.parse(readFileSync(genPath, 'utf8'));
const code = JSON.parse(readFileSync(codePath, 'utf8'));
const lines = readFileSync(outPath, 'utf8').split('\n');
const p16 = (s) => `0x${s.padStart(16, '0')}`;

const finals = new Map();
const errors = [];
let done = null;
for (const line of lines) {
  if (!line) continue;
  const f = line.split(' ');
  if (f[0] === 'C') {
    const idx = parseInt(f[1], 16);
    if (f.length !== 2 + 31 + 3 + 32 || f.slice(36).some((v) => v.length !== 32)) throw new Error(`${outPath}: malformed line for case ${idx}`);
    finals.set(idx, {
      x: f.slice(2, 33).map((v) => `0x${v}`),
      v: f.slice(36, 68).map((v) => `0x${v}`),
      nzcv: p16(f[33]),
      fpcr: p16(f[34]),
      fpsr: p16(f[35]),
    });
  } else if (f[0] === 'E') {
    const c = gen.cases[parseInt(f[1], 16)];
    errors.push(`case ${c?.id}: exception vector ${f[2]} ESR ${f[3]} ELR ${f[4]} FAR ${f[5]}\n    ${c?.asm.join('\n    ')}`);
  } else if (f[0] === 'DONE') {
    done = parseInt(f[1], 16);
  } else if (line !== 'hypsim random-fp harness v1') {
    errors.push(`unexpected output line: ${line.slice(0, 200)}`);
  }
}
if (done !== gen.cases.length) errors.push(`DONE line missing or wrong (${done} vs ${gen.cases.length})`);
gen.cases.forEach((c, i) => {
  if (!finals.has(i)) errors.push(`no result for case ${c.id}`);
  if (!code[c.id] || code[c.id].length !== c.asm.length) errors.push(`no code words for ${c.id}`);
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
    'Each case\'s code words sit at codeAddr (a 64-byte slot at 0x40100000 + 64*index + 4*k, k in 0..7) and are the only ' +
    'instructions between codeAddr and codeAddr + 4*code.length. Start at PC = codeAddr (EL1h, MMU off, DAIF masked, ' +
    'CPACR_EL1.FPEN = 0b11) after loading init.fpcr, init.fpsr, V0-V31, X0-X30 and NZCV; stop when PC == codeAddr + ' +
    '4*code.length, then compare X0-X30, V0-V31, NZCV, FPCR and FPSR with final. No case touches memory or SP.',
  recordedWith: 'qemu-system-aarch64 7.2 -M virt -cpu max (see README.md)',
};
const out = ['{'];
for (const [k, v] of Object.entries(head)) out.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
out.push('  "cases": [');
gen.cases.forEach((c, i) => {
  const rec = { id: c.id, codeAddr: c.codeAddr, code: code[c.id], asm: c.asm, classes: c.classes, init: c.init, final: finals.get(i) };
  out.push(`    ${JSON.stringify(rec)}${i + 1 < gen.cases.length ? ',' : ''}`);
});
out.push('  ]', '}');
writeFileSync(dstPath, out.join('\n') + '\n');
