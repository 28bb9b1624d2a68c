#!/usr/bin/env node
// collect.mjs - merge a batch's generator output, its words and QEMU's output
// at every VL into cases/batch-NNN.json.
//
//   node collect.mjs GEN.json CODE.json OUT.vl128 OUT.vl256 OUT.vl512 OUT.vl2048 DEST.json
//
// Refuses the batch if any run printed an E line, a case is missing, the
// banner's VL is not the expected one, or a sanity check fails:
//   * Z8-Z31 must be zero after every case (the generator never names them);
//   * any of Z0-Z7 / X0-X30 / P0-P15 whose number the case's asm never names
//     must equal its initial value truncated to the VL;
//   * FFR must be all true (no case touches it; the harness does SETFFR).
// The corpus keeps Z0-Z7 only (see README.md).
import { readFileSync, writeFileSync } from 'node:fs';

const [genPath, codePath, ...rest] = process.argv.slice(2);
const dest = rest.pop();
const VLS = [128, 256, 512, 2048];
if (rest.length !== VLS.length) { console.error('need one output per VL'); process.exit(2); }
const gen = JSON.parse(readFileSync(genPath, 'utf8'));
const code = JSON.parse(readFileSync(codePath, 'utf8'));
const trunc = (h, digits) => '0x' + h.slice(2).slice(-digits);
let bad = 0;
const err = (m) => { bad++; if (bad < 30) console.error(m); };
const finals = gen.cases.map(() => ({}));
VLS.forEach((vl, k) => {
  const lines = readFileSync(rest[k], 'utf8').split('\n').filter((l) => l !== '');
  const want = `hypsim random-sve harness v1 vlbytes ${(vl / 8).toString(16).padStart(4, '0')}`;
  if (lines[0] !== want) err(`${rest[k]}: banner "${lines[0]}", expected "${want}"`);
  if (lines[lines.length - 1] !== `DONE ${gen.cases.length.toString(16).padStart(4, '0')}`) err(`${rest[k]}: bad DONE line`);
  const zd = vl / 4, pd = vl / 32;
  for (const l of lines.slice(1, -1)) {
    const f = l.split(' ');
    if (f[0] !== 'C' || f.length !== 84) { err(`${rest[k]}: unexpected line ${l.slice(0, 120)}`); continue; }
    const i = parseInt(f[1], 16);
    const c = gen.cases[i];
    const x = f.slice(2, 33).map((v) => '0x' + v);
    const nzcv = '0x' + f[33].padStart(16, '0');
    const fpsr = '0x' + f[34].padStart(16, '0');
    const z = f.slice(35, 67).map((v) => '0x' + v);
    const p = f.slice(67, 83).map((v) => '0x' + v);
    const ffr = '0x' + f[83];
    if (z.some((v) => v.length !== zd + 2) || p.some((v) => v.length !== pd + 2) || ffr.length !== pd + 2) err(`${c.id} VL ${vl}: wrong register width`);
    for (let r = 8; r < 32; r++) if (!/^0x0+$/.test(z[r])) err(`${c.id} VL ${vl}: z${r} not zero`);
    if (ffr !== '0x' + 'f'.repeat(pd)) err(`${c.id} VL ${vl}: FFR ${ffr}`);
    const text = c.asm.join('\n');
    const named = (re, n) => new RegExp(re.replace('N', String(n)) + '(?![0-9])').test(text);
    for (let r = 0; r < 8; r++) if (!named('\\b[zqdshb]N', r) && z[r] !== trunc(c.init.z[r], zd)) err(`${c.id} VL ${vl}: untouched z${r} ${z[r].slice(0, 20)} != init`);
    for (let r = 0; r < 16; r++) if (!named('\\bpN', r) && p[r] !== trunc(c.init.p[r], pd)) err(`${c.id} VL ${vl}: untouched p${r} != init`);
    for (let r = 0; r < 31; r++) if (!named('\\b[xw]N', r) && x[r] !== c.init.x[r]) err(`${c.id} VL ${vl}: untouched x${r} != init`);
    if (finals[i][vl]) err(`${c.id}: duplicate at VL ${vl}`);
    finals[i][vl] = { x, nzcv, fpsr, z: z.slice(0, 8), p, ffr };
  }
});
gen.cases.forEach((c, i) => { for (const vl of VLS) if (!finals[i][vl]) err(`${c.id}: missing at VL ${vl}`); });
if (bad) { console.error(`${genPath}: ${bad} problems; not writing ${dest}`); process.exit(1); }
const out = [];
out.push(`{"version":1,"seed":${JSON.stringify(gen.seed)},"batch":${gen.batch},"vls":[128,256,512,2048],` +
  `"recordedWith":"qemu-system-aarch64 7.2 -M virt -cpu max,sve-max-vq=1|2|4|16 (see README.md)",` +
  `"zNote":"init.z: Z0-Z7 as 2048-bit values (512 hex digits); at VL v the register holds the low v bits (the last v/4 digits). Z8-Z31 are 0 initially and finally. init.p: P0-P15 as 256 bits (64 digits), low v/8 bits used. final[VL]: z = Z0-Z7 as v/4 digits, p = P0-P15 and ffr as v/32 digits, most significant first.","cases":[`);
gen.cases.forEach((c, i) => {
  const o = { id: c.id, codeAddr: c.codeAddr, code: code[c.id], asm: c.asm, classes: c.classes, init: c.init, final: finals[i] };
  out.push(JSON.stringify(o) + (i + 1 < gen.cases.length ? ',' : ''));
});
out.push(']}');
writeFileSync(dest, out.join('\n') + '\n');
console.log(`${dest}: ${gen.cases.length} cases x ${VLS.length} VLs`);
