#!/usr/bin/env node
// coverage.mjs - summarise the corpus in cases/ (classes, FPCR modes, FPSR
// flags, mnemonics).
//
//   node coverage.mjs              print the Markdown summary
//   node coverage.mjs README.md    also replace the block between
//                                  <!-- coverage:begin --> and <!-- coverage:end -->

import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASS_INFO } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'cases');
const files = readdirSync(dir).filter((f) => /^batch-\d+\.json$/.test(f)).sort();

let total = 0, bytes = 0, insns = 0;
const perClass = {}, perMn = {}, perLen = {}, rmode = [0, 0, 0, 0];
let fz = 0, dn = 0, qcSet = 0, fpcrChanged = 0, nzcvChanged = 0;
const flagNames = ['IOC', 'DZC', 'OFC', 'UFC', 'IXC', '', '', 'IDC'];
const flags = {};
for (const f of files) {
  bytes += statSync(join(dir, f)).size;
  const j = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  for (const c of j.cases) {
    total++;
    insns += c.code.length;
    perLen[c.code.length] = (perLen[c.code.length] ?? 0) + 1;
    for (const k of c.classes) perClass[k] = (perClass[k] ?? 0) + 1;
    for (const a of c.asm) { const m = a.split(/\s/)[0]; perMn[m] = (perMn[m] ?? 0) + 1; }
    const fpcr = BigInt(c.init.fpcr);
    rmode[Number((fpcr >> 22n) & 3n)]++;
    if ((fpcr >> 24n) & 1n) fz++;
    if ((fpcr >> 25n) & 1n) dn++;
    const fpsr = BigInt(c.final.fpsr);
    for (let b = 0; b < 8; b++) if (flagNames[b] && (fpsr >> BigInt(b)) & 1n) flags[flagNames[b]] = (flags[flagNames[b]] ?? 0) + 1;
    if ((fpsr >> 27n) & 1n) qcSet++;
    if (c.final.fpcr !== c.init.fpcr) fpcrChanged++;
    if (c.final.nzcv !== c.init.nzcv) nzcvChanged++;
  }
}
const L = [];
L.push(`${total} cases in ${files.length} files (${(bytes / 1048576).toFixed(1)} MB), ${insns} instructions, ${Object.keys(perMn).length} distinct mnemonics.`, '');
L.push('| class | instructions in the class | cases containing it |', '| --- | --- | ---: |');
for (const [k, d] of Object.entries(CLASS_INFO)) L.push(`| \`${k}\` | ${d} | ${perClass[k] ?? 0} |`);
L.push('');
L.push(`FPCR per case: RMode 0/1/2/3 = ${rmode.join(' / ')}; FZ=1 in ${fz}, DN=1 in ${dn} cases. ` +
  `Final FPSR flags set (cases): ${['IOC', 'DZC', 'OFC', 'UFC', 'IXC', 'IDC'].map((n) => `${n} ${flags[n] ?? 0}`).join(', ')}, QC ${qcSet}. ` +
  `NZCV changed in ${nzcvChanged} cases; final FPCR differs from init in ${fpcrChanged}.`, '');
L.push(`Sequence length (instructions) : cases — ${Object.entries(perLen).map(([k, v]) => `${k}: ${v}`).join(', ')}`, '');
L.push('<details><summary>Instructions per mnemonic (as written in <code>asm</code>)</summary>', '');
L.push(Object.keys(perMn).sort().map((m) => `\`${m}\` ${perMn[m]}`).join(', '), '', '</details>');
const text = L.join('\n');
console.log(text);
const readme = process.argv[2];
if (readme) {
  const r = readFileSync(readme, 'utf8');
  const a = r.indexOf('<!-- coverage:begin -->'), b = r.indexOf('<!-- coverage:end -->');
  if (a < 0 || b < 0) throw new Error(`${readme}: coverage markers missing`);
  writeFileSync(readme, r.slice(0, a) + '<!-- coverage:begin -->\n' + text + '\n' + r.slice(b));
}
