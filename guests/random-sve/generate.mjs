#!/usr/bin/env node
// generate.mjs - seeded generator of random short SVE instruction sequences.
//
//   node generate.mjs --seed S --batches N --cases M --out DIR
//
// Plain Node ESM, no dependencies, never Math.random: xoshiro128** seeded
// (via splitmix32 over an FNV-1a hash) from "<seed>/batch-<n>".  Writes per
// batch DIR/batch-NNN.gen.json (cases: id, codeAddr, asm, classes, init) and
// DIR/batch-NNN.S (case blocks + the case code in section .cases).
//
// Register discipline (documented in README.md): cases name only Z0-Z7
// (Z8-Z31 are zero and untouched), P0-P15, X0-X30 (never SP/XZR), no memory
// access, no FFR instruction.  Initial Z values are 2048 bits (a VL-v run
// loads the low v bits), P values 256 bits (low v/8 bits loaded).
import { writeFileSync, mkdirSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, arr) => (i % 2 ? a : [...a, [v.replace(/^--/, ''), arr[i + 1]]]), []));
const SEED = args.seed ?? 'hypsim-random-sve-1';
const BATCHES = Number(args.batches ?? 4);
const CASES = Number(args.cases ?? 200);
const OUT = args.out ?? 'build';

function fnv(s) { let h = 0x811c9dc5; for (const c of Buffer.from(s)) { h ^= c; h = Math.imul(h, 0x01000193) >>> 0; } return h; }
function makeRng(str) {
  let x = fnv(str);
  const sm = () => { x = (x + 0x9e3779b9) >>> 0; let z = x; z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0; z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0; return (z ^ (z >>> 16)) >>> 0; };
  const s = [sm(), sm(), sm(), sm()];
  const rotl = (v, k) => ((v << k) | (v >>> (32 - k))) >>> 0;
  const next = () => {
    const r = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
    return r;
  };
  const int = (n) => Number((BigInt(next()) * BigInt(n)) >> 32n);   // 0..n-1
  return { next, int, range: (a, b) => a + int(b - a + 1), pick: (arr) => arr[int(arr.length)], chance: (p) => next() < p * 4294967296 };
}

const hex = (v, digits) => '0x' + (BigInt.asUintN(digits * 4, BigInt(v))).toString(16).padStart(digits, '0');
const SIZES = ['b', 'h', 's', 'd'];
const EBITS = { b: 8, h: 16, s: 32, d: 64 };
const PATTERNS = ['pow2', 'vl1', 'vl2', 'vl3', 'vl4', 'vl5', 'vl6', 'vl7', 'vl8', 'vl16', 'vl32', 'vl64', 'vl128', 'vl256', 'mul4', 'mul3', 'all', '#14', '#20', '#29'];
const BITMASK = { b: ['0x0f', '0x80', '0x7e', '0x1'], h: ['0xff00', '0xff', '0x7fff', '0x8001'], s: ['0xffff', '0xff00ff00', '0x80000000', '0x7ffffffe'], d: ['0xffffffff', '0x5555555555555555', '0x8000000000000000', '0xff'] };

function genCase(r) {
  const Z = () => r.int(8);
  const Pg = () => r.int(8);           // governing predicates for data ops: P0-P7
  const P = () => r.int(16);
  const X = () => r.int(31);
  const T = () => r.pick(SIZES);
  const FT = () => r.pick(['h', 's', 'd']);
  const rs = (t, n) => (t === 'd' ? `x${n}` : `w${n}`);
  const pat = () => { const u = r.int(4); if (u === 0) return ''; const p = r.pick(PATTERNS); if (u === 1) return `, ${p}`; return `, ${p}, mul #${r.range(1, 16)}`; };
  const pat1 = () => (r.chance(0.5) ? `, ${r.pick(PATTERNS)}` : '');
  const sh = (t, lo, hi) => `#${r.range(lo, hi)}` + (t !== 'b' && r.chance(0.2) ? ', lsl #8' : '');
  const gens = {
    'ptrue': () => { const t = T(); return [`${r.pick(['ptrue', 'ptrues'])} p${P()}.${t}${pat1()}`]; },
    'pfalse': () => [`pfalse p${P()}.b`],
    'while': () => { const t = T(); const op = r.pick(['whilelt', 'whilelo', 'whilele', 'whilels']); const w = r.chance(0.5); return [`${op} p${P()}.${t}, ${w ? 'w' : 'x'}${X()}, ${w ? 'w' : 'x'}${X()}`]; },
    'plogic': () => { const op = r.pick(['and', 'orr', 'eor', 'bic', 'nand', 'nor', 'orn', 'ands', 'orrs', 'eors', 'bics', 'nands', 'nors', 'orns']); return [`${op} p${P()}.b, p${P()}/z, p${P()}.b, p${P()}.b`]; },
    'psel': () => [`sel p${P()}.b, p${P()}, p${P()}.b, p${P()}.b`],
    'ptest': () => [`ptest p${P()}, p${P()}.b`],
    'cnt': () => [`${r.pick(['cntb', 'cnth', 'cntw', 'cntd'])} x${X()}${pat()}`],
    'incdec-x': () => [`${r.pick(['incb', 'decb', 'inch', 'dech', 'incw', 'decw', 'incd', 'decd'])} x${X()}${pat()}`],
    'incdec-z': () => { const t = r.pick(['h', 's', 'd']); const sz = { h: 'h', s: 'w', d: 'd' }[t]; return [`${r.pick(['inc', 'dec'])}${sz} z${Z()}.${t}${pat()}`]; },
    'dup': () => { const t = T(); return r.chance(0.5) ? [`dup z${Z()}.${t}, ${rs(t, X())}`] : [`dup z${Z()}.${t}, ${sh(t, -128, 127)}`]; },
    'index': () => { const t = T(); const a = r.chance(0.5) ? `#${r.range(-16, 15)}` : rs(t, X()); const b = r.chance(0.5) ? `#${r.range(-16, 15)}` : rs(t, X()); return [`index z${Z()}.${t}, ${a}, ${b}`]; },
    'int-arith': () => {
      const t = T(); const d = Z(); const u = r.int(5);
      if (u === 0) return [`${r.pick(['add', 'sub'])} z${d}.${t}, z${Z()}.${t}, z${Z()}.${t}`];
      if (u === 1) return [`${r.pick(['add', 'sub', 'mul', 'subr'])} z${d}.${t}, p${Pg()}/m, z${d}.${t}, z${Z()}.${t}`];
      if (u === 2) return [`${r.pick(['add', 'sub', 'subr'])} z${d}.${t}, z${d}.${t}, ${sh(t, 0, 255)}`];
      if (u === 3) return [`mul z${d}.${t}, z${d}.${t}, #${r.range(-128, 127)}`];
      return [`${r.pick(['sqadd', 'uqadd', 'sqsub', 'uqsub'])} z${d}.${t}, z${Z()}.${t}, z${Z()}.${t}`];
    },
    'logic': () => {
      const t = T(); const d = Z(); const u = r.int(3);
      if (u === 0) return [`${r.pick(['and', 'orr', 'eor', 'bic'])} z${d}.d, z${Z()}.d, z${Z()}.d`];
      if (u === 1) return [`${r.pick(['and', 'orr', 'eor', 'bic'])} z${d}.${t}, p${Pg()}/m, z${d}.${t}, z${Z()}.${t}`];
      return [`${r.pick(['and', 'orr', 'eor'])} z${d}.${t}, z${d}.${t}, #${r.pick(BITMASK[t])}`];
    },
    'shift': () => {
      const t = T(); const d = Z(); const op = r.pick(['lsl', 'lsr', 'asr']); const u = r.int(3);
      const imm = op === 'lsl' ? r.range(0, EBITS[t] - 1) : r.range(1, EBITS[t]);
      if (u === 0) return [`${op} z${d}.${t}, p${Pg()}/m, z${d}.${t}, #${imm}`];
      if (u === 1) return [`${op} z${d}.${t}, z${Z()}.${t}, #${imm}`];
      return [`${op} z${d}.${t}, p${Pg()}/m, z${d}.${t}, z${Z()}.${t}`];
    },
    'minmax': () => {
      const t = T(); const d = Z(); const op = r.pick(['smax', 'smin', 'umax', 'umin']);
      if (r.chance(0.6)) return [`${op} z${d}.${t}, p${Pg()}/m, z${d}.${t}, z${Z()}.${t}`];
      return [`${op} z${d}.${t}, z${d}.${t}, #${op[0] === 's' ? r.range(-128, 127) : r.range(0, 255)}`];
    },
    'absneg': () => { const t = T(); return [`${r.pick(['abs', 'neg', 'not', 'cnt', 'clz', 'sxtb', 'uxtb'].filter((o) => !(t === 'b' && /xt/.test(o))))} z${Z()}.${t}, p${Pg()}/m, z${Z()}.${t}`]; },
    'cpy': () => {
      const t = T(); const u = r.int(4);
      if (u === 0) return [`cpy z${Z()}.${t}, p${Pg()}/m, ${rs(t, X())}`];
      if (u === 1) return [`cpy z${Z()}.${t}, p${P()}/z, ${sh(t, -128, 127)}`];
      if (u === 2) return [`cpy z${Z()}.${t}, p${P()}/m, ${sh(t, -128, 127)}`];
      return [`cpy z${Z()}.${t}, p${Pg()}/m, ${t}${Z()}`];
    },
    'sel': () => { const t = T(); return [`sel z${Z()}.${t}, p${P()}, z${Z()}.${t}, z${Z()}.${t}`]; },
    'movprfx': () => {
      const t = T(); const d = Z(); let n = Z(); let m = Z(); while (m === d) m = Z();
      const g = Pg();
      const op = r.pick(['add', 'sub', 'mul', 'smax', 'umin', 'lsl', 'asr', 'orr', 'eor']);
      if (r.chance(0.5)) return [`movprfx z${d}, z${n}`, `${op} z${d}.${t}, p${g}/m, z${d}.${t}, z${m}.${t}`];
      return [`movprfx z${d}.${t}, p${g}/${r.pick(['m', 'z'])}, z${n}.${t}`, `${op} z${d}.${t}, p${g}/m, z${d}.${t}, z${m}.${t}`];
    },
    'reduce': () => {
      const op = r.pick(['uaddv', 'saddv', 'smaxv', 'sminv', 'umaxv', 'uminv', 'andv', 'orv', 'eorv']);
      const t = op === 'saddv' ? r.pick(['b', 'h', 's']) : T();
      const dst = op.endsWith('addv') ? 'd' : t;
      return [`${op} ${dst}${Z()}, p${Pg()}, z${Z()}.${t}`];
    },
    'cmp': () => {
      const t = T(); const op = r.pick(['cmpeq', 'cmpne', 'cmpgt', 'cmpge', 'cmphi', 'cmphs', 'cmplt', 'cmple', 'cmplo', 'cmpls']);
      if (r.chance(0.5)) return [`${op} p${P()}.${t}, p${Pg()}/z, z${Z()}.${t}, z${Z()}.${t}`];
      const imm = /hi|hs|lo|ls/.test(op) ? r.range(0, 127) : r.range(-16, 15);
      return [`${op} p${P()}.${t}, p${Pg()}/z, z${Z()}.${t}, #${imm}`];
    },
    'permute': () => {
      const t = T(); const op = r.pick(['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2', 'rev']);
      if (r.chance(0.7)) return op === 'rev' ? [`rev z${Z()}.${t}, z${Z()}.${t}`] : [`${op} z${Z()}.${t}, z${Z()}.${t}, z${Z()}.${t}`];
      return op === 'rev' ? [`rev p${P()}.${t}, p${P()}.${t}`] : [`${op} p${P()}.${t}, p${P()}.${t}, p${P()}.${t}`];
    },
    'ext': () => { const d = Z(); return [`ext z${d}.b, z${d}.b, z${Z()}.b, #${r.range(0, 255)}`]; },
    'fp': () => {
      const t = FT(); const d = Z(); const u = r.int(4);
      if (u === 0) return [`${r.pick(['fadd', 'fmul'])} z${d}.${t}, p${Pg()}/m, z${d}.${t}, z${Z()}.${t}`];
      if (u === 1) return [`${r.pick(['fadd', 'fmul', 'fsub'])} z${d}.${t}, z${Z()}.${t}, z${Z()}.${t}`];
      return [`${r.pick(['fmla', 'fmls'])} z${d}.${t}, p${Pg()}/m, z${Z()}.${t}, z${Z()}.${t}`];
    },
    'vl': () => { const op = r.pick(['rdvl', 'addvl', 'addpl']); return op === 'rdvl' ? [`rdvl x${X()}, #${r.range(-32, 31)}`] : [`${op} x${X()}, x${X()}, #${r.range(-32, 31)}`]; },
  };
  const names = Object.keys(gens);
  const want = r.range(1, 6);
  const asm = []; const classes = new Set();
  while (asm.length < want) { const c = r.pick(names); const ins = gens[c](); if (asm.length + ins.length > 6 && asm.length > 0) break; asm.push(...ins); classes.add(c); }
  return { asm, classes: [...classes].sort() };
}

const F32 = [0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0x00000001, 0x007fffff, 0x7f7fffff, 0x40490fdb, 0x3dcccccd];
const F16 = [0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0x0001, 0x03ff, 0x7bff, 0x4248, 0x2e66];
const F64 = [0n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n, 0x7ff0000000000000n, 0x7ff8000000000000n, 0x7ff0000000000001n, 1n, 0x000fffffffffffffn, 0x7fefffffffffffffn, 0x400921fb54442d18n, 0x3fb999999999999an];

function genZ(r) {   // 2048 bits as 256 bytes (byte 0 = lowest)
  const kind = r.int(7);
  const bytes = new Uint8Array(256);
  const put = (esz, fn) => { for (let e = 0; e < 256 / esz; e++) { let v = BigInt(fn(e)); for (let i = 0; i < esz; i++) { bytes[e * esz + i] = Number(v & 0xffn); v >>= 8n; } } };
  if (kind === 0) for (let i = 0; i < 256; i++) bytes[i] = r.int(256);
  else if (kind === 1) put(1 << r.int(4), () => BigInt(r.range(-20, 20)));
  else if (kind === 2) put(4, () => (r.chance(0.7) ? r.pick(F32) : r.next()));
  else if (kind === 3) put(2, () => (r.chance(0.7) ? r.pick(F16) : r.int(65536)));
  else if (kind === 4) put(8, () => (r.chance(0.7) ? r.pick(F64) : (BigInt(r.next()) << 32n) | BigInt(r.next())));
  else if (kind === 5) { const esz = 1 << r.int(4); put(esz, () => r.pick([0n, -1n, 1n, 1n << BigInt(esz * 8 - 1), (1n << BigInt(esz * 8 - 1)) - 1n, BigInt(r.int(256))])); }
  else put(1 << r.int(4), (e) => BigInt(e * 3 + 1));
  return bytes;
}
function genP(r) {   // 256 bits
  const bytes = new Uint8Array(32); const kind = r.int(5);
  for (let i = 0; i < 32; i++) bytes[i] = kind === 0 ? 0xff : kind === 1 ? 0 : kind === 2 ? r.pick([0x55, 0x11, 0x01, 0xff]) : kind === 3 ? (i < r.int(6) ? 0xff : 0) : r.int(256);
  return bytes;
}
const bytesHex = (b) => '0x' + [...b].reverse().map((x) => x.toString(16).padStart(2, '0')).join('');
function genX(r) {
  const u = r.int(6);
  if (u === 0) return BigInt(r.range(-300, 300));
  if (u === 1) return BigInt(r.range(0, 70));
  if (u === 2) return r.pick([0x7fffffffn, 0x80000000n, 0xffffffffn, 0x7fffffffffffffffn, -0x8000000000000000n, -1n, 0n]) + BigInt(r.range(-3, 3));
  if (u === 3) return BigInt.asIntN(32, BigInt(r.next()));
  return (BigInt(r.next()) << 32n) | BigInt(r.next());
}

mkdirSync(OUT, { recursive: true });
for (let b = 0; b < BATCHES; b++) {
  const r = makeRng(`${SEED}/batch-${b}`);
  const cases = []; const S = [];
  S.push('/* generated by generate.mjs - do not edit */', '\t.arch armv8.2-a+sve', '\t.section .data', '\t.balign 256', '\t.global case_count', 'case_count:', `\t.word ${CASES}`, '\t.balign 256', '\t.global case_blocks', 'case_blocks:');
  const code = ['\t.section .cases, "ax"'];
  for (let i = 0; i < CASES; i++) {
    const { asm, classes } = genCase(r);
    const codeAddr = 0x40100000 + 64 * i;
    const x = Array.from({ length: 31 }, () => genX(r));
    const nzcv = BigInt(r.int(16)) << 28n;
    const z = Array.from({ length: 8 }, () => genZ(r));
    const p = Array.from({ length: 16 }, () => genP(r));
    const id = `b${String(b).padStart(3, '0')}-c${String(i).padStart(4, '0')}`;
    cases.push({ id, codeAddr: hex(codeAddr, 16), asm, classes, init: { x: x.map((v) => hex(v, 16)), nzcv: hex(nzcv, 16), z: z.map(bytesHex), p: p.map(bytesHex) } });
    S.push(`/* ${id} */`);
    S.push(`\t.quad ${x.map((v) => hex(v, 16)).join(', ')}`);
    S.push(`\t.quad ${hex(nzcv, 16)}, ${hex(codeAddr, 16)}`);
    S.push(`\t.skip ${512 - 264}`);
    for (const pb of p) S.push(`\t.byte ${[...pb].join(',')}`);
    for (const zb of z) S.push(`\t.byte ${[...zb].join(',')}`);
    code.push(`\t.org 0x${(codeAddr - 0x40100000).toString(16)}`, ...asm.map((a) => `\t${a}`), '\tb save_state');
  }
  const nn = String(b).padStart(3, '0');
  writeFileSync(`${OUT}/batch-${nn}.S`, [...S, ...code, ''].join('\n'));
  writeFileSync(`${OUT}/batch-${nn}.gen.json`, JSON.stringify({ version: 1, seed: SEED, batch: b, cases }) + '\n');
}
console.log(`generated ${BATCHES} batches x ${CASES} cases (seed ${SEED}) in ${OUT}`);
