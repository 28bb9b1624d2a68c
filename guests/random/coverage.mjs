#!/usr/bin/env node
// coverage.mjs - summarise the corpus in cases/ (class and mnemonic counts).
//
//   node coverage.mjs              print the Markdown summary
//   node coverage.mjs README.md    also replace the block between
//                                  <!-- coverage:begin --> and <!-- coverage:end -->

import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'cases');
const files = readdirSync(dir).filter((f) => /^batch-\d+\.json$/.test(f)).sort();

const DESC = {
  'addsub-imm': 'ADD/ADDS/SUB/SUBS (immediate, incl. LSL #12, CMP/CMN)',
  'addsub-shift': 'ADD/ADDS/SUB/SUBS (shifted register, NEG/CMP aliases)',
  'addsub-ext': 'ADD/ADDS/SUB/SUBS (extended register, UXTB..SXTX #0-4)',
  'adc-sbc': 'ADC/ADCS/SBC/SBCS',
  'logical-imm': 'AND/ORR/EOR/ANDS (bitmask immediate)',
  'logical-shift': 'AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register, incl. ROR)',
  movewide: 'MOVZ/MOVN/MOVK',
  pcrel: 'ADR/ADRP',
  bitfield: 'SBFM/BFM/UBFM',
  extr: 'EXTR (incl. ROR alias)',
  'shift-reg': 'LSLV/LSRV/ASRV/RORV',
  mul: 'MADD/MSUB',
  'mul-long': 'SMADDL/SMSUBL/UMADDL/UMSUBL',
  mulh: 'SMULH/UMULH',
  div: 'UDIV/SDIV (incl. /0 and INT_MIN/-1)',
  'bit-1src': 'CLZ/CLS/RBIT/REV/REV16/REV32',
  csel: 'CSEL/CSINC/CSINV/CSNEG',
  ccmp: 'CCMP/CCMN (register and immediate)',
  'ldst-uimm': 'LDR/STR* unsigned offset (all sizes, sign-extending)',
  'ldst-unscaled': 'LDUR/STUR*',
  'ldst-pre': 'LDR/STR* pre-index',
  'ldst-post': 'LDR/STR* post-index',
  'ldst-regoff': 'LDR/STR* register offset (UXTW/SXTW/LSL/SXTX, scaled or not)',
  'ldst-unpriv': 'LDTR/STTR* (EL1, MMU off)',
  'ldst-literal': 'LDR/LDRSW (literal)',
  'ldst-pair': 'LDP/STP/LDPSW (offset, pre-, post-index)',
  'ldst-pair-nt': 'LDNP/STNP',
  'ldar-stlr': 'LDAR/STLR (B/H/W/X)',
  ldapr: 'LDAPR (FEAT_LRCPC)',
  rcpc2: 'LDAPUR/STLUR* (FEAT_LRCPC2)',
  exclusive: 'LDXR/LDAXR/STXR/STLXR, LDXP/LDAXP/STXP/STLXP (paired)',
  'lse-atomic': 'LDADD/LDCLR/LDEOR/LDSET/LD{S,U}{MAX,MIN} (+A/L/AL, B/H/W/X, ST* aliases)',
  swp: 'SWP (+A/L/AL, B/H/W/X)',
  cas: 'CAS (+A/L/AL, B/H/W/X)',
  casp: 'CASP (+A/L/AL, W/X)',
  'b-cond': 'B.cond (forward, all 16 conditions)',
  cbz: 'CBZ/CBNZ (forward)',
  tbz: 'TBZ/TBNZ (forward)',
  'b-bl': 'B/BL (forward)',
  'br-reg': 'BR/BLR/RET Xn (after ADR, forward)',
  nop: 'NOP',
};

let total = 0;
let insns = 0;
let bytes = 0;
const perClass = new Map();
const perMn = new Map();
const lens = new Map();
for (const f of files) {
  bytes += statSync(join(dir, f)).size;
  const j = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  for (const c of j.cases) {
    total++;
    insns += c.code.length;
    lens.set(c.code.length, (lens.get(c.code.length) ?? 0) + 1);
    for (const k of c.classes) perClass.set(k, (perClass.get(k) ?? 0) + 1);
    for (const a of c.asm) {
      const mn = a.split(' ')[0];
      perMn.set(mn, (perMn.get(mn) ?? 0) + 1);
    }
  }
}

const L = [];
L.push(`${total} cases in ${files.length} files (${(bytes / 1e6).toFixed(1)} MB), ${insns} instructions, ${perMn.size} distinct mnemonics.`);
L.push('');
L.push('| class | instructions in the class | cases containing it |');
L.push('| --- | --- | ---: |');
for (const k of Object.keys(DESC)) L.push(`| \`${k}\` | ${DESC[k]} | ${perClass.get(k) ?? 0} |`);
L.push('');
L.push('Sequence length (instructions) : cases — ' +
  [...lens.keys()].sort((a, b) => a - b).map((k) => `${k}: ${lens.get(k)}`).join(', '));
L.push('');
L.push('<details><summary>Instructions per mnemonic (as written in <code>asm</code>)</summary>');
L.push('');
L.push([...perMn.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([m, n]) => `\`${m}\` ${n}`).join(', '));
L.push('');
L.push('</details>');
const md = L.join('\n');

const readme = process.argv[2];
if (readme) {
  const text = readFileSync(readme, 'utf8');
  const re = /(<!-- coverage:begin -->)[\s\S]*?(<!-- coverage:end -->)/;
  if (!re.test(text)) throw new Error(`${readme}: no coverage markers`);
  writeFileSync(readme, text.replace(re, (_, a, b) => `${a}\n${md}\n${b}`));
}
console.log(md);
