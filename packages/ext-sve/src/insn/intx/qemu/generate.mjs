// Generates SVE integer test cases, runs them on qemu-aarch64 (user mode) at VL 128/256/384/512/2048
// and writes cases.txt: per case the instruction words and, per VL, a hash of the final state
// (Z0-Z7, P0-P15, X0-X7, NZCV). The initial state comes from a PRNG seeded per case, the same
// one intx/qemu.test.ts uses. Usage: node generate.mjs [count] (needs aarch64-linux-gnu-as/ld
// and qemu-aarch64 7.2).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const COUNT = Number(process.argv[2] ?? 400);
/** VL 384 checks a length that is not a power of two. */
const VLS = [128, 256, 384, 512, 2048];

/** xorshift32, as in qemu.test.ts */
function prng(seed) {
  let s = (seed * 2654435761 + 1) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

const r = prng(12345);
const int = (n) => r() % n;
const pick = (a) => a[int(a.length)];
const range = (lo, hi) => lo + int(hi - lo + 1);
const Z = () => int(8);
const P = () => int(16);
const G = () => int(8);
const X = () => int(8);
const T = () => pick(['b', 'h', 's', 'd']);
const EB = { b: 8, h: 16, s: 32, d: 64 };
const RS = (t, n) => (t === 'd' ? `x${n}` : `w${n}`);
const VS = (t, n) => `${t === 'b' ? 'b' : t === 'h' ? 'h' : t === 's' ? 's' : 'd'}${n}`;
const MASKS = {
  b: ['0x1', '0x7e', '0xf0', '0x55', '0x3'],
  h: ['0xff', '0x00ff', '0xff00', '0x7ffe', '0x5555', '0x8001'],
  s: ['0xffff', '0xff0000ff', '0x7fffffff', '0x80000000', '0x33333333'],
  d: ['0xffffffff', '0xff00ff00ff00ff00', '0x7ffffffffffffffe', '0x8000000000000001', '0xfffff'],
};

const gens = [
  () => {
    const t = T();
    const d = Z();
    return `asrd z${d}.${t}, p${G()}/m, z${d}.${t}, #${range(1, EB[t])}`;
  },
  () => {
    const t = pick(['b', 'h', 's']);
    const d = Z();
    const op = pick(['asr', 'lsr', 'lsl']);
    return r() & 1
      ? `${op} z${d}.${t}, p${G()}/m, z${d}.${t}, z${Z()}.d`
      : `${op} z${d}.${t}, z${Z()}.${t}, z${Z()}.d`;
  },
  () => {
    const t = T();
    const d = Z();
    return `${pick(['asrr', 'lsrr', 'lslr', 'asr', 'lsr', 'lsl'])} z${d}.${t}, p${G()}/m, z${d}.${t}, z${Z()}.${t}`;
  },
  () => {
    const t = T();
    const op = pick(['asr', 'lsr', 'lsl']);
    const imm = op === 'lsl' ? range(0, EB[t] - 1) : range(1, EB[t]);
    const d = Z();
    return r() & 1
      ? `${op} z${d}.${t}, z${Z()}.${t}, #${imm}`
      : `${op} z${d}.${t}, p${G()}/m, z${d}.${t}, #${imm}`;
  },
  () => {
    const t = T();
    const ok = ['cls', 'clz', 'cnt', 'cnot', 'not', 'abs', 'neg', 'rbit'];
    if (t !== 'b') ok.push('sxtb', 'uxtb', 'revb');
    if (t === 's' || t === 'd') ok.push('sxth', 'uxth', 'revh');
    if (t === 'd') ok.push('sxtw', 'uxtw', 'revw');
    return `${pick(ok)} z${Z()}.${t}, p${G()}/m, z${Z()}.${t}`;
  },
  () => {
    const t = T();
    const d = Z();
    const ops = ['smulh', 'umulh', 'sabd', 'uabd', 'smax', 'smin', 'umax', 'umin'];
    if (t === 's' || t === 'd') ops.push('sdiv', 'udiv', 'sdivr', 'udivr');
    return `${pick(ops)} z${d}.${t}, p${G()}/m, z${d}.${t}, z${Z()}.${t}`;
  },
  () => {
    const t = T();
    return `${pick(['mla', 'mls', 'mad', 'msb'])} z${Z()}.${t}, p${G()}/m, z${Z()}.${t}, z${Z()}.${t}`;
  },
  () => {
    const t = T();
    const d = Z();
    const sh = t !== 'b' && r() & 1 ? ', lsl #8' : '';
    return `${pick(['sqadd', 'uqadd', 'sqsub', 'uqsub'])} z${d}.${t}, z${d}.${t}, #${range(0, 255)}${sh}`;
  },
  () => {
    const t = T();
    return `${pick(['sqadd', 'uqadd', 'sqsub', 'uqsub'])} z${Z()}.${t}, z${Z()}.${t}, z${Z()}.${t}`;
  },
  () => {
    const t = T();
    const d = Z();
    const op = pick(['smax', 'smin', 'umax', 'umin']);
    return `${op} z${d}.${t}, z${d}.${t}, #${op[0] === 's' ? range(-128, 127) : range(0, 255)}`;
  },
  () => {
    const t = T();
    const d = Z();
    const op = pick(['and', 'orr', 'eor', 'dupm']);
    return op === 'dupm'
      ? `dupm z${d}.${t}, #${pick(MASKS[t])}`
      : `${op} z${d}.${t}, z${d}.${t}, #${pick(MASKS[t])}`;
  },
  () => {
    const t = T();
    const d = Z();
    return `${pick(['and', 'orr', 'eor', 'bic'])} z${d}.${t}, p${G()}/m, z${d}.${t}, z${Z()}.${t}`;
  },
  () => {
    const t = T();
    const op = pick([
      'cmpeq',
      'cmpne',
      'cmpgt',
      'cmpge',
      'cmphi',
      'cmphs',
      'cmplt',
      'cmple',
      'cmplo',
      'cmpls',
    ]);
    const u = r() % 3;
    if (u === 0) return `${op} p${P()}.${t}, p${G()}/z, z${Z()}.${t}, z${Z()}.${t}`;
    if (u === 1 && t !== 'd') return `${op} p${P()}.${t}, p${G()}/z, z${Z()}.${t}, z${Z()}.d`;
    const imm = /hi|hs|lo|ls/.test(op) ? range(0, 127) : range(-16, 15);
    return `${op} p${P()}.${t}, p${G()}/z, z${Z()}.${t}, #${imm}`;
  },
  () => {
    const t = T();
    const u = r() % 8;
    if (u === 0) return `tbl z${Z()}.${t}, {z${Z()}.${t}}, z${Z()}.${t}`;
    if (u === 1) {
      const d = Z();
      return `splice z${d}.${t}, p${G()}, z${d}.${t}, z${Z()}.${t}`;
    }
    if (u === 2) {
      const tt = pick(['h', 's', 'd']);
      const src = { h: 'b', s: 'h', d: 's' }[tt];
      return `${pick(['sunpklo', 'sunpkhi', 'uunpklo', 'uunpkhi'])} z${Z()}.${tt}, z${Z()}.${src}`;
    }
    if (u === 3) {
      const tt = pick(['s', 'd']);
      return `compact z${Z()}.${tt}, p${G()}, z${Z()}.${tt}`;
    }
    if (u === 4)
      return r() & 1 ? `insr z${Z()}.${t}, ${RS(t, X())}` : `insr z${Z()}.${t}, ${VS(t, Z())}`;
    if (u === 5) return `rev z${Z()}.${t}, z${Z()}.${t}`;
    if (u === 6)
      return `dup z${Z()}.${t}, z${Z()}.${t}[${range(0, 64 / EB[t] - 1 + (r() & 1) * 8)}]`;
    const d = Z();
    return `ext z${d}.b, z${d}.b, z${Z()}.b, #${range(0, 255)}`;
  },
  () => {
    const t = T();
    const u = r() % 5;
    const ab = pick(['a', 'b']);
    if (u === 0) return `last${ab} ${RS(t, X())}, p${G()}, z${Z()}.${t}`;
    if (u === 1) return `last${ab} ${VS(t, Z())}, p${G()}, z${Z()}.${t}`;
    if (u === 2) return `clast${ab} ${RS(t, X())}, p${G()}, ${RS(t, '$')}, z${Z()}.${t}`;
    if (u === 3) {
      const v = Z();
      return `clast${ab} ${VS(t, v)}, p${G()}, ${VS(t, v)}, z${Z()}.${t}`;
    }
    const d = Z();
    return `clast${ab} z${d}.${t}, p${G()}, z${d}.${t}, z${Z()}.${t}`;
  },
  () => {
    const t = T();
    const u = r() % 3;
    if (u === 0) return `${pick(['punpklo', 'punpkhi'])} p${P()}.h, p${P()}.b`;
    if (u === 1) return `rev p${P()}.${t}, p${P()}.${t}`;
    return `${pick(['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2'])} p${P()}.${t}, p${P()}.${t}, p${P()}.${t}`;
  },
  () => {
    const t = T();
    const op = pick(['saddv', 'uaddv', 'smaxv', 'sminv', 'umaxv', 'uminv', 'andv', 'orv', 'eorv']);
    const tt = op === 'saddv' && t === 'd' ? 's' : t;
    return `${op} ${op.endsWith('addv') ? 'd' : tt}${Z()}, p${G()}, z${Z()}.${tt}`;
  },
  () => {
    const u = r() % 3;
    const sh = range(0, 3);
    const s = sh ? `, lsl #${sh}` : '';
    if (u === 0) return `adr z${Z()}.s, [z${Z()}.s, z${Z()}.s${s}]`;
    if (u === 1) return `adr z${Z()}.d, [z${Z()}.d, z${Z()}.d${s}]`;
    return `adr z${Z()}.d, [z${Z()}.d, z${Z()}.d, ${pick(['sxtw', 'uxtw'])}${sh ? ` #${sh}` : ''}]`;
  },
  () => {
    const u = r() % 6;
    const t = T();
    if (u === 0) {
      const d = P();
      return `pfirst p${d}.b, p${P()}, p${d}.b`;
    }
    if (u === 1) {
      const d = P();
      return `pnext p${d}.${t}, p${P()}, p${d}.${t}`;
    }
    if (u === 2) {
      const op = pick(['brka', 'brkb', 'brkas', 'brkbs']);
      const m = op.endsWith('s') ? 'z' : pick(['z', 'm']);
      return `${op} p${P()}.b, p${P()}/${m}, p${P()}.b`;
    }
    if (u === 3) {
      const d = P();
      return `${pick(['brkn', 'brkns'])} p${d}.b, p${P()}/z, p${P()}.b, p${d}.b`;
    }
    if (u === 4)
      return `${pick(['brkpa', 'brkpb', 'brkpas', 'brkpbs'])} p${P()}.b, p${P()}/z, p${P()}.b, p${P()}.b`;
    const w = pick(['w', 'x']);
    const a = X();
    return `${pick(['ctermeq', 'ctermne'])} ${w}${a}, ${w}${r() & 3 ? X() : a}`;
  },
  () => {
    const u = r() % 5;
    const t = T();
    const op = pick(['sqincp', 'uqincp', 'sqdecp', 'uqdecp']);
    const x = X();
    if (u === 0) return `${pick(['incp', 'decp'])} x${x}, p${P()}.${t}`;
    if (u === 1)
      return `${pick(['incp', 'decp'])} z${Z()}.${t === 'b' ? 'h' : t}, p${P()}.${t === 'b' ? 'h' : t}`;
    if (u === 2)
      return op[0] === 's' ? `${op} x${x}, p${P()}.${t}, w${x}` : `${op} w${x}, p${P()}.${t}`;
    if (u === 3) return `${op} x${x}, p${P()}.${t}`;
    const tt = t === 'b' ? 's' : t;
    return `${op} z${Z()}.${tt}, p${P()}.${tt}`;
  },
  () => {
    const t = pick(['h', 's', 'd']);
    const sz = { h: 'h', s: 'w', d: 'd' }[t];
    const pat = pick(['', ', pow2', ', vl7', ', vl64', ', mul3', ', all', ', #14']);
    const mul = pat && r() & 1 ? `, mul #${range(1, 16)}` : '';
    return `${pick(['sqinc', 'uqinc', 'sqdec', 'uqdec'])}${sz} z${Z()}.${t}${pat}${mul}`;
  },
  () => {
    const op = pick(['sdot', 'udot']);
    const u = r() % 4;
    if (u === 0) return `${op} z${Z()}.s, z${Z()}.b, z${Z()}.b`;
    if (u === 1) return `${op} z${Z()}.d, z${Z()}.h, z${Z()}.h`;
    if (u === 2) return `${op} z${Z()}.s, z${Z()}.b, z${Z()}.b[${range(0, 3)}]`;
    return `${op} z${Z()}.d, z${Z()}.h, z${Z()}.h[${range(0, 1)}]`;
  },
];

const cases = [];
for (let i = 0; i < COUNT; i++) {
  let asm = pick(gens)();
  if (asm.includes('$')) {
    const m = /clast[ab] ([wx])(\d)/.exec(asm);
    asm = asm.replace(/[wx]\$/, `${m[1]}${m[2]}`);
  }
  cases.push({ asm, seed: 1000 + i });
}

const tmp = mkdtempSync(join(tmpdir(), 'sve-intx-'));
// 1. the words
writeFileSync(join(tmp, 'w.s'), cases.map((c) => `  ${c.asm}\n`).join(''));
execFileSync('aarch64-linux-gnu-as', [
  '-march=armv8-a+sve',
  '-o',
  join(tmp, 'w.o'),
  join(tmp, 'w.s'),
]);
const dump = execFileSync('aarch64-linux-gnu-objdump', ['-d', join(tmp, 'w.o')], {
  encoding: 'utf8',
});
const words = [...dump.matchAll(/^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s/gm)].map((m) =>
  parseInt(m[1], 16),
);
if (words.length !== cases.length)
  throw new Error(`${words.length} words for ${cases.length} cases`);
cases.forEach((c, i) => (c.word = words[i]));

// 2. the initial state blocks: per case Z0-Z7 (256 bytes each), P0-P15 (32 bytes each), X0-X7, NZCV
const EDGE = [0, 0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 2, 0xfffffffe];

function initState(seed) {
  const g = prng(seed);
  const z = new Uint8Array(8 * 256);
  // Every fourth case draws its words from edge values only (zero divisors, INT_MIN, -1, ...).
  const edge = seed % 4 === 0;
  for (let i = 0; i < z.length; i += 4) {
    const v = g();
    // some small and extreme values
    const k = v & 7;
    const w = edge
      ? EDGE[v % 8]
      : k === 0
        ? v >>> 28
        : k === 1
          ? 0xffffffff - (v >>> 29)
          : k === 2
            ? 0x80000000
            : g();
    z[i] = w & 0xff;
    z[i + 1] = (w >>> 8) & 0xff;
    z[i + 2] = (w >>> 16) & 0xff;
    z[i + 3] = w >>> 24;
  }
  const p = new Uint8Array(16 * 32);
  for (let i = 0; i < p.length; i++) p[i] = g() & (g() & 1 ? 0x55 : 0xff);
  const x = new Uint8Array(64);
  for (let i = 0; i < 64; i++) x[i] = g() & 0xff;
  const nzcv = (g() & 0xf) << 28;
  return { z, p, x, nzcv };
}
export { initState };

let data = '';
let code = '';
const per = 8 * 256 + 16 * 32 + 64 + 8;
cases.forEach((c, i) => {
  const s = initState(c.seed);
  const bytes = [...s.z, ...s.p, ...s.x];
  data += `init${i}: .byte ${bytes.join(',')}\n .quad ${s.nzcv}\n`;
  code += `
  adrp x20, init${i}
  add x20, x20, :lo12:init${i}
  ${[...Array(8).keys()].map((k) => `ldr z${k}, [x20]\n  add x20, x20, #256`).join('\n  ')}
  ${[...Array(16).keys()].map((k) => `ldr p${k}, [x20]\n  add x20, x20, #32`).join('\n  ')}
  ldp x0, x1, [x20]
  ldp x2, x3, [x20, #16]
  ldp x4, x5, [x20, #32]
  ldp x6, x7, [x20, #48]
  ldr x9, [x20, #64]
  msr nzcv, x9
  .inst 0x${c.word.toString(16)}
  mrs x9, nzcv
  ${[...Array(8).keys()].map((k) => `str z${k}, [x22]\n  add x22, x22, x23`).join('\n  ')}
  ${[...Array(16).keys()].map((k) => `str p${k}, [x22]\n  add x22, x22, x24`).join('\n  ')}
  stp x0, x1, [x22]
  stp x2, x3, [x22, #16]
  stp x4, x5, [x22, #32]
  stp x6, x7, [x22, #48]
  str x9, [x22, #64]
  add x22, x22, #72
`;
});
const prog = `
  .arch armv8-a+sve
  .text
  .global _start
_start:
  setffr
  adrp x22, out
  add x22, x22, :lo12:out
  mov x25, x22
  rdvl x23, #1
  lsr x24, x23, #3
${code}
  mov x0, #1
  mov x1, x25
  sub x2, x22, x25
  mov x8, #64
  svc #0
  mov x0, #0
  mov x8, #93
  svc #0
  .data
  .balign 16
${data}
  .bss
  .balign 16
out: .skip ${per * cases.length}
`;
writeFileSync(join(tmp, 'p.s'), prog);
execFileSync('aarch64-linux-gnu-as', [
  '-march=armv8-a+sve',
  '-o',
  join(tmp, 'p.o'),
  join(tmp, 'p.s'),
]);
execFileSync('aarch64-linux-gnu-ld', ['-static', '-o', join(tmp, 'p'), join(tmp, 'p.o')]);

/** FNV-1a, 32-bit, two seeds: as in qemu.test.ts */
function hash(bytes) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const v of bytes) {
    a = Math.imul(a ^ v, 0x01000193) >>> 0;
    b = Math.imul(b ^ v, 0x0100019b) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const full = {};
for (const vl of VLS) {
  const out = execFileSync(
    'qemu-aarch64',
    ['-cpu', `max,sve-max-vq=${vl / 128},sve-default-vector-length=${vl / 8}`, join(tmp, 'p')],
    { maxBuffer: 1 << 26 },
  );
  const size = 8 * (vl / 8) + 16 * (vl / 64) + 72;
  if (out.length !== size * cases.length) throw new Error(`VL ${vl}: ${out.length} bytes`);
  full[vl] = [];
  cases.forEach((c, i) => {
    const b = out.subarray(i * size, (i + 1) * size);
    (c.final ??= {})[vl] = hash(b);
    full[vl].push(Buffer.from(b).toString('hex'));
  });
}
writeFileSync(
  join(here, 'cases.txt'),
  '# word seed hash@128 hash@256 hash@384 hash@512 hash@2048 asm (generated by generate.mjs, qemu-aarch64 7.2)\n' +
    cases
      .map((c) =>
        [
          `0x${c.word.toString(16).padStart(8, '0')}`,
          c.seed,
          ...VLS.map((v) => c.final[v]),
          c.asm,
        ].join(' '),
      )
      .join('\n') +
    '\n',
);
writeFileSync(join(tmp, 'full.json'), JSON.stringify(full));
console.log(`${cases.length} cases; full dumps in ${join(tmp, 'full.json')}`);
