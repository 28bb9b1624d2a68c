#!/usr/bin/env node
// coverage.mjs - summarise the corpus in cases/ (classes, mnemonics, flags).
//
//   node coverage.mjs              print the Markdown summary
//   node coverage.mjs README.md    also replace the block between
//                                  <!-- coverage:begin --> and <!-- coverage:end -->
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLASS_INFO = {
  'ptrue': 'PTRUE / PTRUES with a pattern (pow2, vl1..vl256, mul4, mul3, all, #uimm5) or none',
  'pfalse': 'PFALSE',
  'while': 'WHILELT / WHILELO / WHILELE / WHILELS, W and X operands, all sizes',
  'plogic': 'AND/ORR/EOR/BIC/NAND/NOR/ORN (predicates, zeroing) and the flag-setting S forms',
  'psel': 'SEL (predicates)',
  'ptest': 'PTEST',
  'cnt': 'CNTB/CNTH/CNTW/CNTD with pattern and MUL',
  'incdec-x': 'INCB..DECD on X registers',
  'incdec-z': 'INCH/INCW/INCD/DECH/DECW/DECD on vectors',
  'dup': 'DUP from W/X, DUP #imm (optional LSL #8)',
  'index': 'INDEX (imm/imm, imm/reg, reg/imm, reg/reg)',
  'int-arith': 'ADD/SUB (unpredicated), ADD/SUB/SUBR/MUL (predicated), ADD/SUB/SUBR/MUL #imm, SQADD/UQADD/SQSUB/UQSUB',
  'logic': 'AND/ORR/EOR/BIC .D unpredicated, predicated, bitmask-immediate forms',
  'shift': 'LSL/LSR/ASR #imm (predicated and unpredicated), by vector (predicated)',
  'minmax': 'SMAX/SMIN/UMAX/UMIN predicated and #imm',
  'absneg': 'ABS/NEG/NOT/CNT/CLZ/SXTB/UXTB (predicated, merging)',
  'cpy': 'CPY from W/X, from a V scalar, #imm merging and zeroing',
  'sel': 'SEL (vectors)',
  'movprfx': 'MOVPRFX (unpredicated, and predicated /m or /z) + a destructive predicated op',
  'reduce': 'UADDV/SADDV/SMAXV/SMINV/UMAXV/UMINV/ANDV/ORV/EORV',
  'cmp': 'CMPEQ/NE/GT/GE/HI/HS/LT/LE/LO/LS, vector and immediate',
  'permute': 'ZIP1/ZIP2/UZP1/UZP2/TRN1/TRN2/REV on vectors and predicates',
  'ext': 'EXT (destructive, byte offset 0..255)',
  'fp': 'FADD/FMUL (predicated), FADD/FMUL/FSUB (unpredicated), FMLA/FMLS (predicated), H/S/D',
  'vl': 'RDVL / ADDVL / ADDPL',
};

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = join(here, 'cases');
  const files = readdirSync(dir).filter((f) => /^batch-\d+\.json$/.test(f)).sort();
  let total = 0, bytes = 0, insns = 0, runs = 0;
  const perClass = {}, perMn = {}, perLen = {};
  const nzcvChanged = {}, fpsrSet = {}, vlDiff = { any: 0 };
  for (const f of files) {
    bytes += statSync(join(dir, f)).size;
    const j = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const c of j.cases) {
      total++; insns += c.code.length;
      perLen[c.code.length] = (perLen[c.code.length] ?? 0) + 1;
      for (const k of c.classes) perClass[k] = (perClass[k] ?? 0) + 1;
      for (const a of c.asm) { const m = a.split(/\s/)[0]; perMn[m] = (perMn[m] ?? 0) + 1; }
      for (const [vl, fin] of Object.entries(c.final)) {
        runs++;
        if (fin.nzcv !== c.init.nzcv) nzcvChanged[vl] = (nzcvChanged[vl] ?? 0) + 1;
        if (!/^0x0+$/.test(fin.fpsr)) fpsrSet[vl] = (fpsrSet[vl] ?? 0) + 1;
      }
      const a = c.final['128'], b = c.final['2048'];
      if (a.x.join() !== b.x.join() || a.nzcv !== b.nzcv) vlDiff.any++;
    }
  }
  const L = [];
  L.push(`${total} cases × 4 VLs = ${runs} case-runs in ${files.length} files (${(bytes / 1048576).toFixed(1)} MB), ${insns} instructions, ${Object.keys(perMn).length} distinct mnemonics.`, '');
  L.push('| class | instructions in the class | cases containing it |', '| --- | --- | ---: |');
  for (const [k, d] of Object.entries(CLASS_INFO)) L.push(`| \`${k}\` | ${d} | ${perClass[k] ?? 0} |`);
  L.push('');
  L.push(`NZCV changed (case-runs per VL): ${Object.entries(nzcvChanged).map(([k, v]) => `${k}: ${v}`).join(', ')}. ` +
    `FPSR non-zero afterwards: ${Object.entries(fpsrSet).map(([k, v]) => `${k}: ${v}`).join(', ')}. ` +
    `Cases whose X registers or NZCV differ between VL 128 and VL 2048: ${vlDiff.any}.`, '');
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
}
