#!/usr/bin/env node
// check-encoding.mjs - get the case words out of the assembled batch and
// cross-check them against binutils in both directions.
//
//   node check-encoding.mjs extract GEN.json CASES.bin CASES.dis CODE.json ROUNDTRIP.S
//   node check-encoding.mjs compare GEN.json CODE.json ROUNDTRIP.bin
//
// extract: CASES.bin is the .cases section (based at 0x40100000) of the batch
//   ELF that GNU as built from the generator's asm text, CASES.dis its
//   "objdump -d".  Reads every case's words (those are the corpus's "code"),
//   requires the word after each case to be "b save_state", requires objdump
//   to decode every case word (no undefined/.inst/udf), and writes objdump's
//   own text for every word, at the same addresses, to ROUNDTRIP.S.
// compare: ROUNDTRIP.bin (ROUNDTRIP.S assembled by GNU as, .cases section)
//   must reproduce every case word exactly.  So asm text -> word (GNU as),
//   word -> text (objdump) and text -> the same word (GNU as) all agree.

import { readFileSync, writeFileSync } from 'node:fs';

const base = 0x40100000n;
const [mode, ...a] = process.argv.slice(2);
const hex8 = (w) => `0x${(w >>> 0).toString(16).padStart(8, '0')}`;

if (mode === 'extract') {
  const [genPath, binPath, disPath, codePath, rtPath] = a;
  const gen = JSON.parse(readFileSync(genPath, 'utf8'));
  const bin = readFileSync(binPath);
  const dis = new Map();
  for (const line of readFileSync(disPath, 'utf8').split('\n')) {
    const m = /^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$/.exec(line);
    if (m) dis.set(BigInt(`0x${m[1]}`), m[3]);
  }
  let bad = 0;
  const code = {};
  const rt = ['\t.section .cases, "ax"'];
  for (const c of gen.cases) {
    const addr = BigInt(c.codeAddr);
    const off = Number(addr - base);
    const words = [];
    rt.push(`\t.org 0x${off.toString(16)}`);
    for (let i = 0; i < c.asm.length; i++) {
      const w = bin.readUInt32LE(off + 4 * i);
      words.push(hex8(w));
      const d = dis.get(addr + 4n * BigInt(i));
      if (d === undefined || /undefined|\.inst|udf/.test(d)) {
        bad++;
        console.error(`${c.id}[${i}]: objdump says "${d}" for ${hex8(w)} ("${c.asm[i]}")`);
      }
      rt.push(`\t${(d ?? '').replace(/\s*\/\/.*$/, '').replace(/\s*<[^>]*>\s*$/, '')}`);
    }
    const after = dis.get(addr + 4n * BigInt(c.asm.length)) ?? '';
    if (!/^b\s+[0-9a-f]+ <save_state>/.test(after)) {
      bad++;
      console.error(`${c.id}: word after the case is "${after}", not b save_state (asm line count mismatch?)`);
    }
    code[c.id] = words;
  }
  if (bad) { console.error(`${genPath}: ${bad} problems`); process.exit(1); }
  writeFileSync(codePath, JSON.stringify(code) + '\n');
  writeFileSync(rtPath, rt.join('\n') + '\n');
  console.log(`${genPath}: ${gen.cases.length} cases, every word decoded by objdump`);
} else if (mode === 'compare') {
  const [genPath, codePath, rtBin] = a;
  const gen = JSON.parse(readFileSync(genPath, 'utf8'));
  const code = JSON.parse(readFileSync(codePath, 'utf8'));
  const bin = readFileSync(rtBin);
  let bad = 0;
  for (const c of gen.cases) {
    const off = Number(BigInt(c.codeAddr) - base);
    code[c.id].forEach((w, i) => {
      const got = hex8(bin.readUInt32LE(off + 4 * i));
      if (got !== w) { bad++; console.error(`${c.id}[${i}]: as(${JSON.stringify(c.asm[i])}) = ${w} but as(objdump text) = ${got}`); }
    });
  }
  if (bad) { console.error(`${genPath}: ${bad} round-trip mismatches`); process.exit(1); }
  console.log(`${genPath}: asm text, words and objdump text agree for all ${gen.cases.length} cases`);
} else {
  console.error('usage: check-encoding.mjs extract|compare ...');
  process.exit(2);
}
