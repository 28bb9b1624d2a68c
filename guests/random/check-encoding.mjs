#!/usr/bin/env node
// check-encoding.mjs - cross-check the hand encoder against GNU binutils.
//
//   node check-encoding.mjs build/batch-NNN.gen.json build/verify-NNN.bin build/batch-NNN.dis
//
// verify-NNN.bin is the .cases section (based at 0x40100000) of the ELF that
// GNU as built from the generator's asm text (verify-NNN.S); every case's
// words must be identical to the generator's own encoding.  batch-NNN.dis is
// "objdump -d" of the batch ELF: no case word may disassemble as
// undefined / .inst (an unallocated encoding).

import { readFileSync } from 'node:fs';

const [genPath, binPath, disPath] = process.argv.slice(2);
const gen = JSON.parse(readFileSync(genPath, 'utf8'));
const bin = readFileSync(binPath);
const base = 0x40100000n;

const dis = new Map();
for (const line of readFileSync(disPath, 'utf8').split('\n')) {
  const m = /^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$/.exec(line);
  if (m) dis.set(BigInt(`0x${m[1]}`), m[3]);
}

let bad = 0;
for (const c of gen.cases) {
  const addr = BigInt(c.codeAddr);
  c.code.forEach((w, i) => {
    const a = addr + 4n * BigInt(i);
    const off = Number(a - base);
    const got = off + 4 <= bin.length ? bin.readUInt32LE(off) : -1;
    const want = Number(w);
    if (got !== want) {
      bad++;
      console.error(`${c.id}[${i}]: encoder ${w} but as(1) gives 0x${(got >>> 0).toString(16).padStart(8, '0')} for "${c.asm[i]}"`);
    }
    const d = dis.get(a);
    if (d === undefined || /undefined|\.inst|udf/.test(d)) {
      bad++;
      console.error(`${c.id}[${i}]: objdump says "${d}" for ${w} ("${c.asm[i]}")`);
    }
  });
}
if (bad) {
  console.error(`${genPath}: ${bad} encoding problems`);
  process.exit(1);
}
console.log(`${genPath}: ${gen.cases.length} cases, encodings agree with GNU as and objdump`);
