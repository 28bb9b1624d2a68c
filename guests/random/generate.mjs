#!/usr/bin/env node
// generate.mjs - random A64 base-ISA instruction test case generator.
//
// Plain Node >= 20 ESM, no dependencies.  Everything random comes from a
// seeded xoshiro128** PRNG (never Math.random), so the same seed always
// produces byte-identical output.
//
//   node generate.mjs [--seed S] [--batches N] [--cases N] [--out DIR]
//
// For every batch NNN it writes into DIR (default ./build):
//   batch-NNN.gen.json  the cases without results (init state, code, asm)
//   batch-NNN.S         the case data + code for the bare-metal harness
//   verify-NNN.S        the asm text of every case at the same addresses,
//                       used to cross-check the hand encoder against GNU as
//
// Instruction words are encoded here, by hand.  The "asm" text is produced by
// the same encoder in GNU as syntax; PC-relative operands are written as
// ".+off"/".-off" relative to the instruction itself, so the text
// re-assembles to the same words when placed at codeAddr.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------- layout --
export const LAYOUT = {
  codeBase: 0x40100000n, // case i of a batch lives in slot codeBase + 64*i
  slotBytes: 64,
  maxInstrs: 12, // + the harness's "b save_state" = 13 words <= 16
  windowAddr: 0x4017ff80n, // the memory window (straddles a 64 KiB boundary)
  windowSize: 256,
};
const WIN = LAYOUT.windowAddr;
const WSIZE = BigInt(LAYOUT.windowSize);
const WEND = WIN + WSIZE;

const M64 = (1n << 64n) - 1n;
const M32 = 0xffffffffn;

// ------------------------------------------------------------------ PRNG --
function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  constructor(seed) {
    this.s = cyrb128(String(seed));
    if (this.s.every((v) => v === 0)) this.s[0] = 1;
  }
  next() {
    // xoshiro128**
    const s = this.s;
    const result = Math.imul(rotl32(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0;
    s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0;
    s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl32(s[3], 11);
    return result;
  }
  int(n) {
    return Math.floor((this.next() * n) / 4294967296);
  }
  range(a, b) {
    return a + this.int(b - a + 1);
  }
  chance(p) {
    return this.next() < p * 4294967296;
  }
  pick(arr) {
    return arr[this.int(arr.length)];
  }
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let r = (this.next() / 4294967296) * total;
    for (const [w, v] of pairs) {
      if (r < w) return v;
      r -= w;
    }
    return pairs[pairs.length - 1][1];
  }
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  u32n() {
    return BigInt(this.next());
  }
  u64() {
    return (BigInt(this.next()) << 32n) | BigInt(this.next());
  }
}
function rotl32(x, k) {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

// ------------------------------------------------------------ values ------
const EDGE64 = [
  0n, 1n, 2n, 3n, M64, M64 - 1n, 0x7fffffffffffffffn, 0x8000000000000000n,
  0x8000000000000001n, 0xffffffffn, 0x7fffffffn, 0x80000000n, 0x80000001n,
  0xfffffffen, 0x100000000n, 0xffffffff00000000n, 0xffffffff80000000n,
  0xffffffff7fffffffn, 0x5555555555555555n, 0xaaaaaaaaaaaaaaaan,
  0x0123456789abcdefn, 0xfedcba9876543210n, 0xffn, 0x80n, 0x7fn, 0xffffn,
  0x8000n, 0x7fffn, 0xffffffffffffff80n, 0xffffffffffff8000n,
  0xff00ff00ff00ff00n, 0x00ff00ff00ff00ffn, 0x8000000080000000n,
  0x7fffffff7fffffffn, 0x3fn, 0x40n, 0x1fn, 0x20n,
];
const EDGE32 = [
  0n, 1n, 2n, 0xffffffffn, 0xfffffffen, 0x7fffffffn, 0x80000000n, 0x80000001n,
  0xffn, 0x80n, 0xffffn, 0x8000n, 0x55555555n, 0xaaaaaaaan, 0x1fn, 0x20n,
  0x3fn, 0x40n,
];

function randValue(rng) {
  const r = rng.int(100);
  if (r < 30) return rng.pick(EDGE64);
  if (r < 42) {
    const hi = rng.weighted([
      [2, () => rng.u32n() << 32n],
      [1, () => 0n],
      [1, () => 0xffffffff00000000n],
    ])();
    return hi | rng.pick(EDGE32);
  }
  if (r < 50) {
    const v = 1n << BigInt(rng.int(64));
    return rng.pick([v, v - 1n, -v & M64, v ^ M64]);
  }
  if (r < 58) return BigInt(rng.range(-32, 32)) & M64;
  if (r < 66) return rng.u64() & ((1n << BigInt(rng.range(1, 63))) - 1n);
  return rng.u64();
}

// ---------------------------------------------------------- formatting ----
const X = (r) => (r === 31 ? 'xzr' : `x${r}`);
const Wr = (r) => (r === 31 ? 'wzr' : `w${r}`);
const R = (sf, r) => (sf ? X(r) : Wr(r));
const hx = (v) => `0x${BigInt(v).toString(16)}`;
const rel = (bytes) => (bytes >= 0 ? `.+${bytes}` : `.-${-bytes}`);
const hex64 = (v) => `0x${(BigInt(v) & M64).toString(16).padStart(16, '0')}`;
const CONDS = ['eq', 'ne', 'hs', 'lo', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];
const u32 = (x) => x >>> 0;
const sext = (v, bits) => {
  const b = BigInt(bits);
  v &= (1n << b) - 1n;
  return v & (1n << (b - 1n)) ? v - (1n << b) : v;
};

// Logical (bitmask) immediates: DecodeBitMasks for a valid (N, immr, imms).
function decodeBitMask(sf, N, immr, imms) {
  const len = N ? 6 : 31 - Math.clz32(~imms & 0x3f);
  const esize = 1 << len;
  const levels = esize - 1;
  const s = imms & levels;
  const r = immr & levels;
  const eb = BigInt(esize);
  const emask = (1n << eb) - 1n;
  const welem = (1n << BigInt(s + 1)) - 1n;
  const rot = BigInt(r);
  const elem = ((welem >> rot) | (welem << (eb - rot))) & emask;
  const width = sf ? 64 : 32;
  let v = 0n;
  for (let i = 0; i < width; i += esize) v |= elem << BigInt(i);
  return v & (sf ? M64 : M32);
}

function randBitMask(rng, sf) {
  const sizes = sf ? [2, 4, 8, 16, 32, 64] : [2, 4, 8, 16, 32];
  const e = rng.pick(sizes);
  // s = number of ones (1..e-1); bias toward the ends.
  const ones = rng.weighted([
    [3, () => rng.range(1, e - 1)],
    [1, () => 1],
    [1, () => e - 1],
  ])();
  const r = rng.weighted([
    [3, () => rng.int(e)],
    [1, () => 0],
    [1, () => e - 1],
  ])();
  let N, imms;
  if (e === 64) {
    N = 1;
    imms = ones - 1;
  } else {
    N = 0;
    imms = ((~(2 * e - 1) & 0x3f) | (ones - 1)) & 0x3f;
  }
  return { N, immr: r, imms, value: decodeBitMask(sf, N, r, imms) };
}

// MOVZ/MOVN that materialises v (width sf) in one instruction, or null.
function movImm(sf, rd, v) {
  const m = sf ? M64 : M32;
  v &= m;
  const hws = sf ? 4 : 2;
  for (const [opc, val, mn] of [
    [2, v, 'movz'],
    [0, ~v & m, 'movn'],
  ]) {
    for (let hw = 0; hw < hws; hw++) {
      const sh = BigInt(16 * hw);
      if ((val & ~(0xffffn << sh)) === 0n) {
        const imm16 = Number((val >> sh) & 0xffffn);
        return {
          word: u32((sf << 31) | (opc << 29) | (0b100101 << 23) | (hw << 21) | (imm16 << 5) | rd),
          asm: `${mn} ${R(sf, rd)}, #${hx(imm16)}${hw ? `, lsl #${16 * hw}` : ''}`,
          cls: 'movewide',
        };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------- load/store ----
// Load/store register variants: size, opc, base mnemonic, Rt width, bytes.
const LS = [
  { size: 0, opc: 0, mn: 'strb', sf: 0, n: 1, st: 1 },
  { size: 0, opc: 1, mn: 'ldrb', sf: 0, n: 1 },
  { size: 0, opc: 2, mn: 'ldrsb', sf: 1, n: 1 },
  { size: 0, opc: 3, mn: 'ldrsb', sf: 0, n: 1 },
  { size: 1, opc: 0, mn: 'strh', sf: 0, n: 2, st: 1 },
  { size: 1, opc: 1, mn: 'ldrh', sf: 0, n: 2 },
  { size: 1, opc: 2, mn: 'ldrsh', sf: 1, n: 2 },
  { size: 1, opc: 3, mn: 'ldrsh', sf: 0, n: 2 },
  { size: 2, opc: 0, mn: 'str', sf: 0, n: 4, st: 1 },
  { size: 2, opc: 1, mn: 'ldr', sf: 0, n: 4 },
  { size: 2, opc: 2, mn: 'ldrsw', sf: 1, n: 4 },
  { size: 3, opc: 0, mn: 'str', sf: 1, n: 8, st: 1 },
  { size: 3, opc: 1, mn: 'ldr', sf: 1, n: 8 },
];
const lsMn = (v, kind) => {
  // kind: '' (ldr/str), 'u' (ldur/stur), 't' (ldtr/sttr)
  if (!kind) return v.mn;
  return v.mn.replace(/^(ld|st)r/, `$1${kind === 'u' ? 'ur' : 'tr'}`);
};
const log2 = (n) => 31 - Math.clz32(n);

const inWin = (v) => v !== null && v >= WIN && v < WEND;
const okAccess = (ea, bytes, align) =>
  ea >= WIN && ea + BigInt(bytes) <= WEND && ea % BigInt(align) === 0n;

// ------------------------------------------------------------- classes ----
// class name -> weight in the random mix (GEN below maps it to a method)
const CLASS_WEIGHTS = {
  'addsub-imm': 5,
  'addsub-shift': 5,
  'addsub-ext': 4,
  'adc-sbc': 4,
  'logical-imm': 5,
  'logical-shift': 5,
  movewide: 3,
  pcrel: 2,
  bitfield: 5,
  extr: 2,
  'shift-reg': 3,
  mul: 3,
  'mul-long': 3,
  mulh: 2,
  div: 4,
  'bit-1src': 4,
  csel: 4,
  ccmp: 4,
  'ldst-uimm': 4,
  'ldst-unscaled': 3,
  'ldst-pre': 3,
  'ldst-post': 3,
  'ldst-regoff': 4,
  'ldst-unpriv': 1,
  'ldst-literal': 1.5,
  'ldst-pair': 4,
  'ldst-pair-nt': 1.5,
  'ldar-stlr': 2,
  ldapr: 1,
  rcpc2: 1,
  exclusive: 2,
  'lse-atomic': 3,
  swp: 1.5,
  cas: 2,
  casp: 1,
  'b-cond': 3,
  cbz: 2,
  tbz: 2,
  'b-bl': 1,
  'br-reg': 1,
  nop: 0.5,
};
export const CLASS_NAMES = Object.keys(CLASS_WEIGHTS);

// --------------------------------------------------------- case builder ---
class CaseGen {
  constructor(rng, codeAddr) {
    this.rng = rng;
    this.codeAddr = codeAddr;
    this.instrs = [];
    this.reserved = new Set();
    this.protect = new Set();
  }

  // ---- state tracking
  pc() {
    return this.codeAddr + 4n * BigInt(this.instrs.length);
  }
  clob(r) {
    if (r !== 31) this.known[r] = null;
  }
  setv(r, v) {
    if (r !== 31) this.known[r] = v === null ? null : v & M64;
  }
  val(r) {
    return r === 31 ? 0n : this.known[r];
  }
  isPtr(r) {
    return r !== 31 && inWin(this.known[r]);
  }
  emit(ins) {
    this.instrs.push(ins);
    this.unitLen++;
  }
  room() {
    return this.budget - this.unitLen;
  }

  // ---- register choice
  dst({ zr = false, avoid = [], setup = false } = {}) {
    const rng = this.rng;
    if (zr && rng.chance(0.06)) return 31;
    const ok = (r) => !this.reserved.has(r) && !avoid.includes(r) && !(setup && this.protect.has(r));
    const free = [];
    for (let r = 0; r < 31; r++) if (ok(r) && !this.isPtr(r)) free.push(r);
    if (free.length && rng.chance(0.9)) return rng.pick(free);
    const any = [];
    for (let r = 0; r < 31; r++) if (ok(r)) any.push(r);
    return rng.pick(any);
  }
  src({ zr = true } = {}) {
    if (zr && this.rng.chance(0.05)) return 31;
    return this.rng.int(31);
  }
  // A register holding v (low 32 bits if !sf), materialised with MOVZ/MOVN if
  // needed and there is room.  Returns the register or null.
  regWithValue(sf, v, { reserveSlot = 1 } = {}) {
    const m = sf ? M64 : M32;
    v &= m;
    const cands = [];
    if (v === 0n) cands.push(31);
    for (let r = 0; r < 31; r++) {
      const k = this.known[r];
      if (k !== null && (k & m) === v) cands.push(r);
    }
    if (cands.length && this.rng.chance(0.6)) return this.rng.pick(cands);
    if (this.room() > reserveSlot) {
      const rd = this.dst({ setup: true });
      const ins = movImm(sf, rd, v);
      if (ins) {
        this.emit(ins);
        this.setv(rd, v);
        return rd;
      }
    }
    return cands.length ? this.rng.pick(cands) : null;
  }
  // Source register, sometimes steered toward an interesting value.
  edgeSrc(sf, p = 0.3) {
    if (this.rng.chance(p)) {
      const v = sf
        ? this.rng.pick([0n, 1n, M64, 0x8000000000000000n, 0x7fffffffffffffffn, 1n << BigInt(this.rng.int(64))])
        : this.rng.pick([0n, 1n, M32, 0x80000000n, 0x7fffffffn, 1n << BigInt(this.rng.int(32))]);
      const r = this.regWithValue(sf, v);
      if (r !== null) return r;
    }
    return this.src();
  }

  // ---- pointers
  ptrs(align = 1) {
    const out = [];
    for (let r = 0; r < 31; r++) if (this.isPtr(r) && this.known[r] % BigInt(align) === 0n) out.push(r);
    return this.rng.shuffle(out);
  }
  // Emit one or two instructions making a new window pointer t in a fresh
  // register.  Returns the register, or null if there is no room.
  makePtr(t, need = 1, avoid = []) {
    const rng = this.rng;
    if (this.room() < need + 1) return null;
    const rd = this.dst({ avoid, setup: true });
    const src = this.ptrs();
    const how = rng.weighted([
      [src.length ? 5 : 0, 'add'],
      [3, 'adr'],
      [this.room() >= need + 2 ? 1 : 0, 'movzk'],
    ]);
    if (how === 'add') {
      const q = src[0];
      const d = t - this.known[q];
      const sf = rng.chance(0.8) ? 1 : 0; // 32-bit form works too: addresses < 4 GiB
      const op = d < 0n ? 1 : 0;
      const imm = Number(d < 0n ? -d : d);
      this.emit({
        word: u32((sf << 31) | (op << 30) | (0b100010 << 23) | (imm << 10) | (q << 5) | rd),
        asm: `${op ? 'sub' : 'add'} ${R(sf, rd)}, ${R(sf, q)}, #${imm}`,
        cls: 'addsub-imm',
      });
    } else if (how === 'adr') {
      const imm = Number(t - this.pc());
      this.emit(encAdr(0, rd, imm, this.pc()));
    } else {
      const lo = Number(t & 0xffffn);
      const hi = Number((t >> 16n) & 0xffffn);
      const sf = rng.chance(0.5) ? 1 : 0;
      this.emit({
        word: u32((sf << 31) | (2 << 29) | (0b100101 << 23) | (lo << 5) | rd),
        asm: `movz ${R(sf, rd)}, #${hx(lo)}`,
        cls: 'movewide',
      });
      this.emit({
        word: u32((sf << 31) | (3 << 29) | (0b100101 << 23) | (1 << 21) | (hi << 5) | rd),
        asm: `movk ${R(sf, rd)}, #${hx(hi)}, lsl #16`,
        cls: 'movewide',
      });
    }
    this.setv(rd, t);
    return rd;
  }
  randWinAddr(align, bytes) {
    const slots = Number((WSIZE - BigInt(bytes)) / BigInt(align)) + 1;
    return WIN + BigInt(this.rng.int(slots) * align);
  }
  // Choose a base register whose value p admits some immediate: immsFor(p)
  // returns the list of usable immediates.  Makes a new pointer when needed.
  pickBase(align, immsFor, { avoid = [], need = 1 } = {}) {
    const have = [];
    for (const r of this.ptrs()) {
      if (avoid.includes(r) || this.reserved.has(r)) continue;
      const imms = immsFor(this.known[r]);
      if (imms.length) have.push({ r, p: this.known[r], imm: this.rng.pick(imms) });
    }
    const canMake = this.room() >= need + 1;
    let res = null;
    if (have.length && (this.rng.chance(0.85) || !canMake)) res = have[0];
    else if (canMake) {
      for (let tries = 0; tries < 8; tries++) {
        const t = this.rng.chance(0.7) ? this.randWinAddr(align, align) : this.randWinAddr(1, 1);
        const imms = immsFor(t);
        if (!imms.length) continue;
        const r = this.makePtr(t, need, avoid);
        if (r === null) break;
        res = { r, p: t, imm: this.rng.pick(imms) };
        break;
      }
    }
    if (!res && have.length) res = have[0];
    if (res) this.protect.add(res.r); // later setup instructions must not clobber it
    return res;
  }

  // ================================================= ALU generators ======
  g_addsub_imm() {
    const rng = this.rng;
    const sf = rng.int(2), op = rng.int(2), S = rng.int(2);
    const sh = rng.chance(0.25) ? 1 : 0;
    const imm = rng.pick([0, 1, 4095, 4094, 2048, rng.int(4096), rng.int(16)]);
    let rn = rng.int(31);
    // pointer arithmetic: steer a fresh register into the window now and then
    const ptrs = this.ptrs();
    if (!sh && ptrs.length && rng.chance(0.3)) {
      rn = ptrs[0];
    }
    const rd = S ? this.dst({ zr: true }) : this.dst();
    this.emit({
      word: u32((sf << 31) | (op << 30) | (S << 29) | (0b100010 << 23) | (sh << 22) | (imm << 10) | (rn << 5) | rd),
      asm: `${['add', 'adds', 'sub', 'subs'][op * 2 + S]} ${R(sf, rd)}, ${R(sf, rn)}, #${imm}${sh ? ', lsl #12' : ''}`,
      cls: 'addsub-imm',
    });
    const a = this.val(rn);
    if (a === null) this.clob(rd);
    else {
      const b = BigInt(imm) << BigInt(sh * 12);
      const m = sf ? M64 : M32;
      this.setv(rd, ((a & m) + (op ? -b : b)) & m);
    }
    return true;
  }

  g_addsub_shift() {
    const rng = this.rng;
    const sf = rng.int(2), op = rng.int(2), S = rng.int(2);
    const shift = rng.int(3);
    const size = sf ? 64 : 32;
    const imm6 = rng.pick([0, 0, 1, size - 1, rng.int(size)]);
    const rm = this.edgeSrc(sf, 0.2), rn = this.edgeSrc(sf, 0.2);
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (op << 30) | (S << 29) | (0b01011 << 24) | (shift << 22) | (rm << 16) | (imm6 << 10) | (rn << 5) | rd),
      asm: `${['add', 'adds', 'sub', 'subs'][op * 2 + S]} ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}, ${['lsl', 'lsr', 'asr'][shift]} #${imm6}`,
      cls: 'addsub-shift',
    });
    this.clob(rd);
    return true;
  }

  g_addsub_ext() {
    const rng = this.rng;
    const sf = rng.int(2), op = rng.int(2), S = rng.int(2);
    const option = rng.int(8);
    const imm3 = rng.int(5);
    const rm = this.src();
    const rn = rng.int(31); // 31 would be SP
    const rd = S ? this.dst({ zr: true }) : this.dst();
    const ext = ['uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth', 'sxtw', 'sxtx'][option];
    const rmName = sf && (option & 3) === 3 ? X(rm) : Wr(rm);
    this.emit({
      word: u32((sf << 31) | (op << 30) | (S << 29) | (0b01011 << 24) | (1 << 21) | (rm << 16) | (option << 13) | (imm3 << 10) | (rn << 5) | rd),
      asm: `${['add', 'adds', 'sub', 'subs'][op * 2 + S]} ${R(sf, rd)}, ${R(sf, rn)}, ${rmName}, ${ext}${imm3 ? ` #${imm3}` : ''}`,
      cls: 'addsub-ext',
    });
    this.clob(rd);
    return true;
  }

  g_adc_sbc() {
    const rng = this.rng;
    const sf = rng.int(2), op = rng.int(2), S = rng.int(2);
    const rm = this.edgeSrc(sf), rn = this.edgeSrc(sf);
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (op << 30) | (S << 29) | (0b11010000 << 21) | (rm << 16) | (rn << 5) | rd),
      asm: `${['adc', 'adcs', 'sbc', 'sbcs'][op * 2 + S]} ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}`,
      cls: 'adc-sbc',
    });
    this.clob(rd);
    return true;
  }

  g_logical_imm() {
    const rng = this.rng;
    const sf = rng.int(2), opc = rng.int(4);
    const { N, immr, imms, value } = randBitMask(rng, sf);
    const rn = this.src();
    const rd = opc === 3 ? this.dst({ zr: true }) : this.dst();
    this.emit({
      word: u32((sf << 31) | (opc << 29) | (0b100100 << 23) | (N << 22) | (immr << 16) | (imms << 10) | (rn << 5) | rd),
      asm: `${['and', 'orr', 'eor', 'ands'][opc]} ${R(sf, rd)}, ${R(sf, rn)}, #${hx(value)}`,
      cls: 'logical-imm',
    });
    this.clob(rd);
    return true;
  }

  g_logical_shift() {
    const rng = this.rng;
    const sf = rng.int(2), opc = rng.int(4), N = rng.int(2);
    const shift = rng.int(4);
    const size = sf ? 64 : 32;
    const imm6 = rng.pick([0, 0, 1, size - 1, rng.int(size)]);
    const rm = this.src(), rn = this.src();
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (opc << 29) | (0b01010 << 24) | (shift << 22) | (N << 21) | (rm << 16) | (imm6 << 10) | (rn << 5) | rd),
      asm: `${['and', 'bic', 'orr', 'orn', 'eor', 'eon', 'ands', 'bics'][opc * 2 + N]} ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}, ${['lsl', 'lsr', 'asr', 'ror'][shift]} #${imm6}`,
      cls: 'logical-shift',
    });
    this.clob(rd);
    return true;
  }

  g_movewide() {
    const rng = this.rng;
    const sf = rng.int(2);
    const opc = rng.pick([0, 2, 3]);
    const hw = rng.int(sf ? 4 : 2);
    const imm16 = rng.pick([0, 0xffff, 0x8000, 0x7fff, 1, rng.int(0x10000), rng.int(0x10000)]);
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (opc << 29) | (0b100101 << 23) | (hw << 21) | (imm16 << 5) | rd),
      asm: `${['movn', '', 'movz', 'movk'][opc]} ${R(sf, rd)}, #${hx(imm16)}${hw ? `, lsl #${16 * hw}` : ''}`,
      cls: 'movewide',
    });
    const m = sf ? M64 : M32;
    const sh = BigInt(16 * hw);
    const part = BigInt(imm16) << sh;
    if (opc === 2) this.setv(rd, part);
    else if (opc === 0) this.setv(rd, ~part & m);
    else {
      const k = this.val(rd);
      this.setv(rd, k === null ? null : ((k & ~(0xffffn << sh)) | part) & m);
    }
    return true;
  }

  g_pcrel() {
    const rng = this.rng;
    const op = rng.int(2);
    const rd = this.dst({ zr: true });
    const pc = this.pc();
    let imm;
    if (!op && rng.chance(0.3)) {
      // point straight into the memory window: the result is a usable base
      imm = Number(this.randWinAddr(1, 1) - pc);
    } else {
      imm = rng.weighted([
        [3, () => rng.range(-(1 << 20), (1 << 20) - 1)],
        [2, () => rng.range(-64, 64)],
        [1, () => rng.pick([0, -(1 << 20), (1 << 20) - 1, 1, -1])],
      ])();
    }
    const ins = encAdr(op, rd, imm, pc);
    this.emit(ins);
    this.setv(rd, op ? (pc & ~0xfffn) + (BigInt(imm) << 12n) : pc + BigInt(imm));
    return true;
  }

  g_bitfield() {
    const rng = this.rng;
    const sf = rng.int(2), opc = rng.int(3);
    const size = sf ? 64 : 32;
    let immr, imms;
    const shape = rng.int(6);
    const sh = rng.int(size);
    if (shape === 0) {
      // lsl #sh (ubfm) / sbfiz-like
      immr = (size - sh) % size;
      imms = size - 1 - sh;
    } else if (shape === 1) {
      // lsr/asr #sh
      immr = sh;
      imms = size - 1;
    } else if (shape === 2) {
      // sxtb/sxth/sxtw / uxtb / uxth
      immr = 0;
      imms = rng.pick(sf ? [7, 15, 31] : [7, 15]);
    } else {
      immr = rng.int(size);
      imms = rng.pick([0, size - 1, rng.int(size), rng.int(size)]);
    }
    const rn = this.src();
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (opc << 29) | (0b100110 << 23) | (sf << 22) | (immr << 16) | (imms << 10) | (rn << 5) | rd),
      asm: `${['sbfm', 'bfm', 'ubfm'][opc]} ${R(sf, rd)}, ${R(sf, rn)}, #${immr}, #${imms}`,
      cls: 'bitfield',
    });
    this.clob(rd);
    return true;
  }

  g_extr() {
    const rng = this.rng;
    const sf = rng.int(2);
    const size = sf ? 64 : 32;
    const lsb = rng.pick([0, 1, size - 1, size / 2, rng.int(size), rng.int(size)]);
    const rn = this.src();
    const rm = rng.chance(0.3) ? rn : this.src();
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (0b00100111 << 23) | (sf << 22) | (rm << 16) | (lsb << 10) | (rn << 5) | rd),
      asm: `extr ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}, #${lsb}`,
      cls: 'extr',
    });
    this.clob(rd);
    return true;
  }

  g_shift_reg() {
    const rng = this.rng;
    const sf = rng.int(2);
    const k = rng.int(4);
    let rm;
    if (rng.chance(0.4)) {
      const amt = BigInt(rng.pick([0, 1, 31, 32, 33, 63, 64, 65, 127, -1]));
      rm = this.regWithValue(1, amt & M64);
      if (rm === null) rm = this.src();
    } else rm = this.src();
    const rn = this.edgeSrc(sf, 0.2);
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (0b0011010110 << 21) | (rm << 16) | ((8 + k) << 10) | (rn << 5) | rd),
      asm: `${['lslv', 'lsrv', 'asrv', 'rorv'][k]} ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}`,
      cls: 'shift-reg',
    });
    this.clob(rd);
    return true;
  }

  g_mul() {
    const rng = this.rng;
    const sf = rng.int(2), o0 = rng.int(2);
    const rm = this.edgeSrc(sf), rn = this.edgeSrc(sf);
    const ra = rng.chance(0.25) ? 31 : this.src();
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (0b0011011 << 24) | (rm << 16) | (o0 << 15) | (ra << 10) | (rn << 5) | rd),
      asm: `${o0 ? 'msub' : 'madd'} ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}, ${R(sf, ra)}`,
      cls: 'mul',
    });
    this.clob(rd);
    return true;
  }

  g_mul_long() {
    const rng = this.rng;
    const u = rng.int(2), o0 = rng.int(2);
    const op31 = u ? 5 : 1;
    const rm = this.edgeSrc(0), rn = this.edgeSrc(0);
    const ra = rng.chance(0.25) ? 31 : this.edgeSrc(1, 0.2);
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((1 << 31) | (0b0011011 << 24) | (op31 << 21) | (rm << 16) | (o0 << 15) | (ra << 10) | (rn << 5) | rd),
      asm: `${u ? 'u' : 's'}${o0 ? 'msubl' : 'maddl'} ${X(rd)}, ${Wr(rn)}, ${Wr(rm)}, ${X(ra)}`,
      cls: 'mul-long',
    });
    this.clob(rd);
    return true;
  }

  g_mulh() {
    const rng = this.rng;
    const u = rng.int(2);
    const rm = this.edgeSrc(1, 0.4), rn = this.edgeSrc(1, 0.4);
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((1 << 31) | (0b0011011 << 24) | ((u ? 6 : 2) << 21) | (rm << 16) | (31 << 10) | (rn << 5) | rd),
      asm: `${u ? 'umulh' : 'smulh'} ${X(rd)}, ${X(rn)}, ${X(rm)}`,
      cls: 'mulh',
    });
    this.clob(rd);
    return true;
  }

  g_div() {
    const rng = this.rng;
    const sf = rng.int(2), signed = rng.int(2);
    const m = sf ? M64 : M32;
    const MIN = sf ? 0x8000000000000000n : 0x80000000n;
    const MAX = MIN - 1n;
    let rn, rm;
    if (rng.chance(0.6)) {
      const pow2 = () => 1n << BigInt(rng.int(sf ? 64 : 32));
      const pat = signed && rng.chance(0.3) ? [MIN, m] : rng.pick([
        [MIN, m], // INT_MIN / -1
        [MIN, m],
        [null, 0n], // x / 0
        [null, 0n],
        [0n, null],
        [MIN, 1n],
        [MAX, m],
        [m, MIN],
        [null, m],
        [null, 1n],
        [pow2(), pow2()],
        [MAX, MIN],
        [m, m],
        [null, pow2()],
      ]);
      rn = pat[0] === null ? this.src() : this.regWithValue(sf, pat[0], { reserveSlot: 2 });
      rm = pat[1] === null ? this.src() : this.regWithValue(sf, pat[1]);
      if (rn === null) rn = this.src();
      if (rm === null) rm = this.src();
    } else {
      rn = this.src();
      rm = this.src();
    }
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (0b0011010110 << 21) | (rm << 16) | ((signed ? 3 : 2) << 10) | (rn << 5) | rd),
      asm: `${signed ? 'sdiv' : 'udiv'} ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}`,
      cls: 'div',
    });
    this.clob(rd);
    return true;
  }

  g_bit_1src() {
    const rng = this.rng;
    const sf = rng.int(2);
    const ops = sf
      ? [[0, 'rbit'], [1, 'rev16'], [2, 'rev32'], [3, 'rev'], [4, 'clz'], [5, 'cls']]
      : [[0, 'rbit'], [1, 'rev16'], [2, 'rev'], [4, 'clz'], [5, 'cls']];
    const [opcode, mn] = rng.pick(ops);
    const rn = this.edgeSrc(sf, 0.35);
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (1 << 30) | (0b011010110 << 21) | (opcode << 10) | (rn << 5) | rd),
      asm: `${mn} ${R(sf, rd)}, ${R(sf, rn)}`,
      cls: 'bit-1src',
    });
    this.clob(rd);
    return true;
  }

  g_csel() {
    const rng = this.rng;
    const sf = rng.int(2), k = rng.int(4);
    const op = k >> 1, op2 = k & 1;
    const cond = rng.int(16);
    const rm = this.src(), rn = this.src();
    const rd = this.dst({ zr: true });
    this.emit({
      word: u32((sf << 31) | (op << 30) | (0b11010100 << 21) | (rm << 16) | (cond << 12) | (op2 << 10) | (rn << 5) | rd),
      asm: `${['csel', 'csinc', 'csinv', 'csneg'][k]} ${R(sf, rd)}, ${R(sf, rn)}, ${R(sf, rm)}, ${CONDS[cond]}`,
      cls: 'csel',
    });
    this.clob(rd);
    return true;
  }

  g_ccmp() {
    const rng = this.rng;
    const sf = rng.int(2), op = rng.int(2), isImm = rng.int(2);
    const cond = rng.int(16), nzcv = rng.int(16);
    const rn = this.edgeSrc(sf, 0.2);
    const rm = isImm ? rng.pick([0, 1, 31, rng.int(32)]) : this.edgeSrc(sf, 0.2);
    this.emit({
      word: u32((sf << 31) | (op << 30) | (1 << 29) | (0b11010010 << 21) | (rm << 16) | (cond << 12) | (isImm << 11) | (rn << 5) | nzcv),
      asm: `${op ? 'ccmp' : 'ccmn'} ${R(sf, rn)}, ${isImm ? `#${rm}` : R(sf, rm)}, #${nzcv}, ${CONDS[cond]}`,
      cls: 'ccmp',
    });
    return true;
  }

  g_nop() {
    this.emit({ word: 0xd503201f, asm: 'nop', cls: 'nop' });
    return true;
  }

  // ================================================= memory generators ===
  pickLS(filter = () => true) {
    return this.rng.pick(LS.filter(filter));
  }
  // Destination/source register for a load/store.  Loads prefer not to
  // clobber pointers.
  lsRt(v, avoid = []) {
    if (v.st) {
      if (this.rng.chance(0.08)) return 31;
      let r;
      do r = this.rng.int(31);
      while (avoid.includes(r));
      return r;
    }
    return this.dst({ zr: true, avoid });
  }
  afterLoad(v, rt) {
    if (!v.st) this.clob(rt);
  }

  g_ldst_uimm() {
    const v = this.pickLS();
    const b = this.pickBase(v.n, (p) => {
      if (p % BigInt(v.n)) return [];
      const out = [];
      for (let k = 0; k <= 4095; k++) {
        const ea = p + BigInt(k * v.n);
        if (!okAccess(ea, v.n, v.n)) break;
        out.push(k);
      }
      return out;
    });
    if (!b) return false;
    const rt = this.lsRt(v);
    this.emit({
      word: u32((v.size << 30) | (0b111001 << 24) | (v.opc << 22) | (b.imm << 10) | (b.r << 5) | rt),
      asm: `${v.mn} ${R(v.sf, rt)}, [${X(b.r)}${b.imm ? `, #${b.imm * v.n}` : ''}]`,
      cls: 'ldst-uimm',
    });
    this.afterLoad(v, rt);
    return true;
  }

  imm9For(v) {
    return (p) => {
      const out = [];
      for (let i = -256; i <= 255; i++) if (okAccess(p + BigInt(i), v.n, v.n)) out.push(i);
      return out;
    };
  }

  g_ldst_unscaled(kind = 'u') {
    const v = this.pickLS();
    const b = this.pickBase(v.n, this.imm9For(v));
    if (!b) return false;
    const rt = this.lsRt(v);
    const bits = kind === 'u' ? 0b00 : 0b10;
    this.emit({
      word: u32((v.size << 30) | (0b111000 << 24) | (v.opc << 22) | ((b.imm & 0x1ff) << 12) | (bits << 10) | (b.r << 5) | rt),
      asm: `${lsMn(v, kind)} ${R(v.sf, rt)}, [${X(b.r)}${b.imm ? `, #${b.imm}` : ''}]`,
      cls: kind === 'u' ? 'ldst-unscaled' : 'ldst-unpriv',
    });
    this.afterLoad(v, rt);
    return true;
  }
  g_ldst_unpriv() {
    return this.g_ldst_unscaled('t');
  }

  g_ldst_pre() {
    const v = this.pickLS();
    const b = this.pickBase(v.n, this.imm9For(v));
    if (!b) return false;
    const rt = this.lsRt(v, [b.r]);
    this.emit({
      word: u32((v.size << 30) | (0b111000 << 24) | (v.opc << 22) | ((b.imm & 0x1ff) << 12) | (0b11 << 10) | (b.r << 5) | rt),
      asm: `${v.mn} ${R(v.sf, rt)}, [${X(b.r)}, #${b.imm}]!`,
      cls: 'ldst-pre',
    });
    this.afterLoad(v, rt);
    this.setv(b.r, b.p + BigInt(b.imm));
    return true;
  }

  g_ldst_post() {
    const v = this.pickLS();
    const rng = this.rng;
    const b = this.pickBase(v.n, (p) => {
      if (!okAccess(p, v.n, v.n)) return [];
      const out = [];
      for (let i = -256; i <= 255; i++) if (inWin(p + BigInt(i))) out.push(i);
      if (rng.chance(0.1)) out.push(rng.range(-256, 255)); // may leave the window
      return out;
    });
    if (!b) return false;
    const rt = this.lsRt(v, [b.r]);
    this.emit({
      word: u32((v.size << 30) | (0b111000 << 24) | (v.opc << 22) | ((b.imm & 0x1ff) << 12) | (0b01 << 10) | (b.r << 5) | rt),
      asm: `${v.mn} ${R(v.sf, rt)}, [${X(b.r)}], #${b.imm}`,
      cls: 'ldst-post',
    });
    this.afterLoad(v, rt);
    this.setv(b.r, b.p + BigInt(b.imm));
    return true;
  }

  g_ldst_regoff() {
    const rng = this.rng;
    const v = this.pickLS();
    const sh = log2(v.n);
    const ext = (x, option) => {
      if (option === 2) return x & M32;
      if (option === 6) return sext(x, 32);
      return sext(x, 64); // 3 (LSL/UXTX) or 7 (SXTX): 64-bit, wraps
    };
    // Existing (base, index) combinations that work.
    const combos = [];
    for (const r of this.ptrs()) {
      if (this.reserved.has(r)) continue;
      const p = this.known[r];
      for (let m = 0; m < 32; m++) {
        const x = this.val(m);
        if (x === null || m === r) continue;
        for (const option of [2, 3, 6, 7]) {
          for (const S of [0, 1]) {
            const ea = (p + (ext(x, option) << BigInt(S ? sh : 0))) & M64;
            if (okAccess(ea, v.n, v.n)) combos.push({ r, m, option, S });
          }
        }
      }
    }
    let c;
    const nonZr = combos.filter((k) => k.m !== 31);
    if (nonZr.length && rng.chance(0.6)) c = rng.pick(nonZr);
    else if (combos.length && rng.chance(0.3)) c = rng.pick(combos);
    else {
      // set up an index register with MOVZ/MOVN (X or W form)
      if (this.room() < 2) {
        if (!combos.length) return false;
        c = rng.pick(combos);
      } else {
        const bases = this.ptrs().filter((r) => !this.reserved.has(r));
        let r, p;
        if (bases.length) {
          r = bases[0];
          p = this.known[r];
        } else {
          if (this.room() < 3) return false;
          p = this.randWinAddr(v.n, v.n);
          r = this.makePtr(p);
        }
        let S = rng.int(2);
        // target aligned address t with (t - p) divisible by the scale
        const targets = (scale) => {
          const out = [];
          for (let t = WIN; t + BigInt(v.n) <= WEND; t += BigInt(v.n)) if ((t - p) % scale === 0n) out.push(t);
          return out;
        };
        let cands = targets(BigInt(S ? v.n : 1));
        if (!cands.length) {
          S = 0;
          cands = targets(1n);
        }
        const scale = BigInt(S ? v.n : 1);
        const t = rng.pick(cands);
        const idx = (t - p) / scale;
        const option = idx < 0n ? rng.pick([6, 7, 3]) : rng.pick([2, 3, 6, 7]);
        // option 3 with a negative index relies on 64-bit wrap-around: fine.
        const wform = option === 2 || option === 6 ? rng.int(2) : 1;
        const m = this.dst({ avoid: [r] });
        const ins = movImm(wform, m, idx & (wform ? M64 : M32));
        if (!ins) throw new Error('index not encodable');
        this.emit(ins);
        this.setv(m, idx & (wform ? M64 : M32));
        c = { r, m, option, S };
      }
    }
    const rt = this.lsRt(v);
    const { r, m, option, S } = c;
    const mName = option & 1 ? X(m) : Wr(m);
    let tail;
    if (option === 3) tail = S ? `, lsl #${sh}` : '';
    else tail = `, ${['', '', 'uxtw', '', '', '', 'sxtw', 'sxtx'][option]}${S ? ` #${sh}` : ''}`;
    this.emit({
      word: u32((v.size << 30) | (0b111000 << 24) | (v.opc << 22) | (1 << 21) | (m << 16) | (option << 13) | (S << 12) | (0b10 << 10) | (r << 5) | rt),
      asm: `${v.mn} ${R(v.sf, rt)}, [${X(r)}, ${mName}${tail}]`,
      cls: 'ldst-regoff',
    });
    this.afterLoad(v, rt);
    return true;
  }

  g_ldst_literal() {
    const rng = this.rng;
    const opc = rng.int(3);
    const n = opc === 1 ? 8 : 4;
    const t = this.randWinAddr(n, n);
    const off = Number(t - this.pc());
    const rt = this.dst({ zr: true });
    this.emit({
      word: u32((opc << 30) | (0b011000 << 24) | (((off >> 2) & 0x7ffff) << 5) | rt),
      asm: `${opc === 2 ? 'ldrsw' : 'ldr'} ${opc === 0 ? Wr(rt) : X(rt)}, ${rel(off)}`,
      cls: 'ldst-literal',
    });
    this.clob(rt);
    return true;
  }

  g_ldst_pair(nt = false) {
    const rng = this.rng;
    // opc 0: W, 1: LDPSW (loads only), 2: X
    const kinds = nt
      ? [[0, 0], [0, 1], [2, 0], [2, 1]]
      : [[0, 0], [0, 1], [1, 1], [2, 0], [2, 1]];
    const [opc, L] = rng.pick(kinds);
    const type = nt ? 0 : rng.pick([1, 2, 3]); // post, offset, pre
    const es = opc === 2 ? 8 : 4;
    const tot = 2 * es;
    const wb = type === 1 || type === 3;
    const b = this.pickBase(tot, (p) => {
      const out = [];
      if (type === 1) {
        if (!okAccess(p, tot, tot)) return out;
        for (let k = -64; k <= 63; k++) if (inWin(p + BigInt(k * es))) out.push(k);
        if (rng.chance(0.1)) out.push(rng.range(-64, 63));
        return out;
      }
      for (let k = -64; k <= 63; k++) if (okAccess(p + BigInt(k * es), tot, tot)) out.push(k);
      return out;
    });
    if (!b) return false;
    const avoid = wb ? [b.r] : [];
    let rt, rt2;
    if (L) {
      rt = this.dst({ zr: true, avoid });
      rt2 = this.dst({ zr: rt !== 31, avoid: [...avoid, rt] });
      if (rt === rt2) throw new Error('ldp rt == rt2');
    } else {
      const pickSt = () => {
        if (rng.chance(0.08)) return 31;
        let r;
        do r = rng.int(31);
        while (avoid.includes(r));
        return r;
      };
      rt = pickSt();
      rt2 = pickSt();
    }
    const sfRt = opc === 0 ? 0 : 1;
    const mn = nt ? (L ? 'ldnp' : 'stnp') : opc === 1 ? 'ldpsw' : L ? 'ldp' : 'stp';
    const off = b.imm * es;
    let addr;
    if (type === 1) addr = `[${X(b.r)}], #${off}`;
    else if (type === 3) addr = `[${X(b.r)}, #${off}]!`;
    else addr = `[${X(b.r)}${off ? `, #${off}` : ''}]`;
    this.emit({
      word: u32((opc << 30) | (0b101 << 27) | (type << 23) | (L << 22) | ((b.imm & 0x7f) << 15) | (rt2 << 10) | (b.r << 5) | rt),
      asm: `${mn} ${R(sfRt, rt)}, ${R(sfRt, rt2)}, ${addr}`,
      cls: nt ? 'ldst-pair-nt' : 'ldst-pair',
    });
    if (L) {
      this.clob(rt);
      this.clob(rt2);
    }
    if (wb) this.setv(b.r, b.p + BigInt(off));
    return true;
  }
  g_ldst_pair_nt() {
    return this.g_ldst_pair(true);
  }

  // [Xn]-only addressing with natural alignment.
  plainBase(n, { avoid = [], need = 1 } = {}) {
    return this.pickBase(n, (p) => (okAccess(p, n, n) ? [0] : []), { avoid, need });
  }

  g_ldar_stlr() {
    const rng = this.rng;
    const size = rng.int(4), n = 1 << size, L = rng.int(2);
    const b = this.plainBase(n);
    if (!b) return false;
    const sf = size === 3 ? 1 : 0;
    const rt = L ? this.dst({ zr: true }) : this.src();
    const sfx = ['b', 'h', '', ''][size];
    this.emit({
      word: u32((size << 30) | (0b001000 << 24) | (1 << 23) | (L << 22) | (31 << 16) | (1 << 15) | (31 << 10) | (b.r << 5) | rt),
      asm: `${L ? 'ldar' : 'stlr'}${sfx} ${R(sf, rt)}, [${X(b.r)}]`,
      cls: 'ldar-stlr',
    });
    if (L) this.clob(rt);
    return true;
  }

  g_ldapr() {
    const rng = this.rng;
    const size = rng.int(4), n = 1 << size;
    const b = this.plainBase(n);
    if (!b) return false;
    const rt = this.dst({ zr: true });
    this.emit({
      word: u32((size << 30) | (0b111000 << 24) | (1 << 23) | (1 << 21) | (31 << 16) | (1 << 15) | (0b100 << 12) | (b.r << 5) | rt),
      asm: `ldapr${['b', 'h', '', ''][size]} ${R(size === 3 ? 1 : 0, rt)}, [${X(b.r)}]`,
      cls: 'ldapr',
    });
    this.clob(rt);
    return true;
  }

  g_rcpc2() {
    const rng = this.rng;
    const variants = [
      [0, 0, 'stlurb', 0], [0, 1, 'ldapurb', 0], [0, 2, 'ldapursb', 1], [0, 3, 'ldapursb', 0],
      [1, 0, 'stlurh', 0], [1, 1, 'ldapurh', 0], [1, 2, 'ldapursh', 1], [1, 3, 'ldapursh', 0],
      [2, 0, 'stlur', 0], [2, 1, 'ldapur', 0], [2, 2, 'ldapursw', 1],
      [3, 0, 'stlur', 1], [3, 1, 'ldapur', 1],
    ];
    const [size, opc, mn, sf] = rng.pick(variants);
    const n = 1 << size;
    const b = this.pickBase(n, this.imm9For({ n }));
    if (!b) return false;
    const st = opc === 0;
    const rt = st ? this.src() : this.dst({ zr: true });
    this.emit({
      word: u32((size << 30) | (0b011001 << 24) | (opc << 22) | ((b.imm & 0x1ff) << 12) | (b.r << 5) | rt),
      asm: `${mn} ${R(sf, rt)}, [${X(b.r)}${b.imm ? `, #${b.imm}` : ''}]`,
      cls: 'rcpc2',
    });
    if (!st) this.clob(rt);
    return true;
  }

  // LDXR/LDAXR ... STXR/STLXR to the same address and size, or the pair
  // forms LDXP/STXP; 0-2 ALU instructions in between, no other memory access.
  g_exclusive() {
    const rng = this.rng;
    const pair = rng.chance(0.3);
    const size = pair ? rng.pick([2, 3]) : rng.int(4);
    const n = pair ? 2 << size : 1 << size;
    const sf = size === 3 ? 1 : 0;
    const filler = rng.int(3);
    const needed = 2 + filler;
    if (this.room() < needed) return false;
    const base = this.plainBase(n, { need: needed });
    if (!base) return false;
    const rn = base.r;
    this.reserved.add(rn);
    const sfx = ['b', 'h', '', ''][size];
    const acq = rng.int(2), rel_ = rng.int(2);
    // load
    const lt = this.dst({ zr: true, avoid: [rn] });
    if (pair) {
      const lt2 = this.dst({ zr: lt !== 31, avoid: [rn, lt] });
      if (lt === lt2 || lt2 === rn) throw new Error('ldxp register clash');
      this.emit({
        word: u32((1 << 31) | (sf << 30) | (0b001000 << 24) | (1 << 22) | (1 << 21) | (31 << 16) | (acq << 15) | (lt2 << 10) | (rn << 5) | lt),
        asm: `${acq ? 'ldaxp' : 'ldxp'} ${R(sf, lt)}, ${R(sf, lt2)}, [${X(rn)}]`,
        cls: 'exclusive',
      });
      this.clob(lt);
      this.clob(lt2);
    } else {
      this.emit({
        word: u32((size << 30) | (0b001000 << 24) | (1 << 22) | (31 << 16) | (acq << 15) | (31 << 10) | (rn << 5) | lt),
        asm: `${acq ? 'ldaxr' : 'ldxr'}${sfx} ${R(sf, lt)}, [${X(rn)}]`,
        cls: 'exclusive',
      });
      this.clob(lt);
    }
    // filler: plain ALU, never touching rn
    const fillers = ['g_addsub_shift', 'g_logical_shift', 'g_bitfield', 'g_csel', 'g_movewide', 'g_adc_sbc', 'g_extr'];
    for (let i = 0; i < filler; i++) {
      const saveRoom = this.budget;
      this.budget = this.unitLen + 1; // exactly one instruction
      this[rng.pick(fillers)]();
      this.budget = saveRoom;
    }
    // store: status register distinct from data registers and base
    const st = this.src();
    const st2 = pair ? this.src() : 31;
    const ws = this.dst({ avoid: [rn, st, st2] });
    if (ws === rn || ws === st || (pair && ws === st2)) {
      // extremely unlikely; dst() honours avoid
      throw new Error('status register clash');
    }
    if (pair) {
      this.emit({
        word: u32((1 << 31) | (sf << 30) | (0b001000 << 24) | (1 << 21) | (ws << 16) | (rel_ << 15) | (st2 << 10) | (rn << 5) | st),
        asm: `${rel_ ? 'stlxp' : 'stxp'} ${Wr(ws)}, ${R(sf, st)}, ${R(sf, st2)}, [${X(rn)}]`,
        cls: 'exclusive',
      });
    } else {
      this.emit({
        word: u32((size << 30) | (0b001000 << 24) | (ws << 16) | (rel_ << 15) | (31 << 10) | (rn << 5) | st),
        asm: `${rel_ ? 'stlxr' : 'stxr'}${sfx} ${Wr(ws)}, ${R(sf, st)}, [${X(rn)}]`,
        cls: 'exclusive',
      });
    }
    this.clob(ws);
    this.reserved.delete(rn);
    return true;
  }

  g_lse_atomic(swp = false) {
    const rng = this.rng;
    const size = rng.int(4), n = 1 << size, sf = size === 3 ? 1 : 0;
    const A = rng.int(2), Rl = rng.int(2);
    const b = this.plainBase(n);
    if (!b) return false;
    const ops = ['ldadd', 'ldclr', 'ldeor', 'ldset', 'ldsmax', 'ldsmin', 'ldumax', 'ldumin'];
    const opc = swp ? 0 : rng.int(8);
    const o3 = swp ? 1 : 0;
    const rs = this.edgeSrc(sf, 0.3);
    const rt = rng.chance(0.15) ? 31 : this.dst({ zr: true, avoid: [b.r] });
    const mn = (swp ? 'swp' : ops[opc]) + ['', 'l', 'a', 'al'][A * 2 + Rl] + ['b', 'h', '', ''][size];
    this.emit({
      word: u32((size << 30) | (0b111000 << 24) | (A << 23) | (Rl << 22) | (1 << 21) | (rs << 16) | (o3 << 15) | (opc << 12) | (b.r << 5) | rt),
      asm: `${mn} ${R(sf, rs)}, ${R(sf, rt)}, [${X(b.r)}]`,
      cls: swp ? 'swp' : 'lse-atomic',
    });
    this.clob(rt);
    return true;
  }
  g_swp() {
    return this.g_lse_atomic(true);
  }

  // CAS: half of the time preceded by a load of the current memory value
  // into Rs so the compare succeeds.
  g_cas() {
    const rng = this.rng;
    const size = rng.int(4), n = 1 << size, sf = size === 3 ? 1 : 0;
    const L = rng.int(2), o0 = rng.int(2);
    const b = this.plainBase(n);
    if (!b) return false;
    let rs;
    if (rng.chance(0.5) && this.room() >= 2) {
      rs = this.dst({ avoid: [b.r] });
      const v = LS.find((x) => x.size === size && x.opc === 1);
      this.emit({
        word: u32((v.size << 30) | (0b111001 << 24) | (v.opc << 22) | (b.r << 5) | rs),
        asm: `${v.mn} ${R(v.sf, rs)}, [${X(b.r)}]`,
        cls: 'ldst-uimm',
      });
    } else rs = this.dst({ zr: true, avoid: [b.r] });
    const rt = this.src();
    const mn = 'cas' + ['', 'l', 'a', 'al'][L * 2 + o0] + ['b', 'h', '', ''][size];
    this.emit({
      word: u32((size << 30) | (0b0010001 << 23) | (L << 22) | (1 << 21) | (rs << 16) | (o0 << 15) | (31 << 10) | (b.r << 5) | rt),
      asm: `${mn} ${R(sf, rs)}, ${R(sf, rt)}, [${X(b.r)}]`,
      cls: 'cas',
    });
    this.clob(rs);
    return true;
  }

  g_casp() {
    const rng = this.rng;
    const sz = rng.int(2), sf = sz, n = sz ? 16 : 8;
    const L = rng.int(2), o0 = rng.int(2);
    const b = this.plainBase(n);
    if (!b) return false;
    const evens = [];
    for (let r = 0; r < 30; r += 2) if (r !== b.r && r + 1 !== b.r) evens.push(r);
    // prefer a pair that holds no pointer
    const freeEvens = evens.filter((r) => !this.isPtr(r) && !this.isPtr(r + 1));
    const rs = freeEvens.length && rng.chance(0.9) ? rng.pick(freeEvens) : rng.pick(evens);
    const rt = rng.pick(evens.concat([b.r & ~1].filter((r) => r < 30)));
    if (rng.chance(0.5) && this.room() >= 2) {
      // LDP the current value into Rs:Rs+1 so the compare succeeds
      const opc = sz ? 2 : 0;
      this.emit({
        word: u32((opc << 30) | (0b101 << 27) | (2 << 23) | (1 << 22) | ((rs + 1) << 10) | (b.r << 5) | rs),
        asm: `ldp ${R(sf, rs)}, ${R(sf, rs + 1)}, [${X(b.r)}]`,
        cls: 'ldst-pair',
      });
    }
    const mn = 'casp' + ['', 'l', 'a', 'al'][L * 2 + o0];
    this.emit({
      word: u32((sz << 30) | (0b0010000 << 23) | (L << 22) | (1 << 21) | (rs << 16) | (o0 << 15) | (31 << 10) | (b.r << 5) | rt),
      asm: `${mn} ${R(sf, rs)}, ${R(sf, rs + 1)}, ${R(sf, rt)}, ${R(sf, rt + 1)}, [${X(b.r)}]`,
      cls: 'casp',
    });
    this.clob(rs);
    this.clob(rs + 1);
    return true;
  }

  // ================================================= branches ============
  // Branch targets are unit indices (resolved after the whole case exists).
  branchTarget() {
    const left = this.U - this.u; // >= 1; target in (u, U]
    const d = this.rng.weighted([
      [3, () => 1],
      [2, () => Math.min(2, left)],
      [2, () => 1 + this.rng.int(left)],
    ])();
    return this.u + d;
  }
  g_b_cond() {
    const cond = this.rng.int(16);
    this.emit({ fix: { kind: 'bcond', cond, target: this.branchTarget() }, cls: 'b-cond' });
    return true;
  }
  g_cbz() {
    const rng = this.rng;
    const sf = rng.int(2), op = rng.int(2);
    let rt;
    if (rng.chance(0.3)) {
      const zeros = [31];
      for (let r = 0; r < 31; r++) {
        const k = this.known[r];
        if (k !== null && (k & (sf ? M64 : M32)) === 0n) zeros.push(r);
      }
      rt = rng.pick(zeros);
    } else rt = rng.int(31);
    this.emit({ fix: { kind: 'cbz', sf, op, rt, target: this.branchTarget() }, cls: 'cbz' });
    return true;
  }
  g_tbz() {
    const rng = this.rng;
    const op = rng.int(2);
    const bit = rng.pick([0, 31, 63, 32, 1, rng.int(64), rng.int(64)]);
    const rt = this.src();
    this.emit({ fix: { kind: 'tbz', op, bit, rt, target: this.branchTarget() }, cls: 'tbz' });
    return true;
  }
  g_b_bl() {
    const link = this.rng.int(2);
    this.emit({ fix: { kind: 'b', link, target: this.branchTarget() }, cls: 'b-bl' });
    if (link) this.setv(30, this.pc());
    return true;
  }
  g_br_reg() {
    if (this.room() < 2) return false;
    const rng = this.rng;
    const k = rng.int(3); // br, blr, ret
    const rn = this.dst();
    this.emit({ fix: { kind: 'adr', rd: rn, target: this.branchTarget() }, cls: 'pcrel' });
    this.emit({
      word: u32([0xd61f0000, 0xd63f0000, 0xd65f0000][k] | (rn << 5)),
      asm: `${['br', 'blr', 'ret'][k]} ${X(rn)}`,
      cls: 'br-reg',
    });
    this.clob(rn);
    if (k === 1) this.setv(30, this.pc());
    return true;
  }
}

function encAdr(op, rd, imm) {
  const immlo = imm & 3;
  const immhi = (imm >> 2) & 0x7ffff;
  return {
    word: u32((op << 31) | (immlo << 29) | (0b10000 << 24) | (immhi << 5) | rd),
    asm: op ? `adrp ${X(rd)}, ${rel(imm * 4096)}` : `adr ${X(rd)}, ${rel(imm)}`,
    cls: 'pcrel',
  };
}
// ADRP text: Page(. + off) must equal Page(.) + imm*4096 for GNU as; writing
// the offset relative to the page base keeps that exact.
function adrpText(rd, imm, pc) {
  const target = (pc & ~0xfffn) + (BigInt(imm) << 12n);
  return `adrp ${X(rd)}, ${rel(Number(target - pc))}`;
}

const GEN = {
  'addsub-imm': 'g_addsub_imm',
  'addsub-shift': 'g_addsub_shift',
  'addsub-ext': 'g_addsub_ext',
  'adc-sbc': 'g_adc_sbc',
  'logical-imm': 'g_logical_imm',
  'logical-shift': 'g_logical_shift',
  movewide: 'g_movewide',
  pcrel: 'g_pcrel',
  bitfield: 'g_bitfield',
  extr: 'g_extr',
  'shift-reg': 'g_shift_reg',
  mul: 'g_mul',
  'mul-long': 'g_mul_long',
  mulh: 'g_mulh',
  div: 'g_div',
  'bit-1src': 'g_bit_1src',
  csel: 'g_csel',
  ccmp: 'g_ccmp',
  'ldst-uimm': 'g_ldst_uimm',
  'ldst-unscaled': 'g_ldst_unscaled',
  'ldst-pre': 'g_ldst_pre',
  'ldst-post': 'g_ldst_post',
  'ldst-regoff': 'g_ldst_regoff',
  'ldst-unpriv': 'g_ldst_unpriv',
  'ldst-literal': 'g_ldst_literal',
  'ldst-pair': 'g_ldst_pair',
  'ldst-pair-nt': 'g_ldst_pair_nt',
  'ldar-stlr': 'g_ldar_stlr',
  ldapr: 'g_ldapr',
  rcpc2: 'g_rcpc2',
  exclusive: 'g_exclusive',
  'lse-atomic': 'g_lse_atomic',
  swp: 'g_swp',
  cas: 'g_cas',
  casp: 'g_casp',
  'b-cond': 'g_b_cond',
  cbz: 'g_cbz',
  tbz: 'g_tbz',
  'b-bl': 'g_b_bl',
  'br-reg': 'g_br_reg',
  nop: 'g_nop',
};

// ------------------------------------------------------------ one case ---
export function generateCase(rng, codeAddr) {
  const g = new CaseGen(rng, codeAddr);

  // initial state
  const x = [];
  for (let r = 0; r < 31; r++) x.push(randValue(rng));
  const nPtr = rng.range(2, 5);
  const regs = rng.shuffle([...Array(31).keys()]);
  for (let i = 0; i < nPtr; i++) {
    const align = rng.weighted([[6, 16], [2, 8], [1, 4], [1, 1]]);
    x[regs[i]] = WIN + BigInt(rng.int(LAYOUT.windowSize / align) * align);
  }
  const nIdx = rng.range(0, 2);
  for (let i = nPtr; i < nPtr + nIdx; i++) {
    const lo = BigInt(rng.range(-32, 32) * rng.pick([1, 2, 4, 8])) & M32;
    x[regs[i]] = rng.chance(0.5) ? sext(lo, 32) & M64 : (rng.u32n() << 32n) | lo;
  }
  const nzcv = BigInt(rng.int(16)) << 28n;
  const mem = new Uint8Array(LAYOUT.windowSize);
  for (let i = 0; i < mem.length; i += 8) {
    if (rng.chance(0.5)) {
      let v = randValue(rng);
      for (let j = 0; j < 8; j++, v >>= 8n) mem[i + j] = Number(v & 0xffn);
    } else for (let j = 0; j < 8; j++) mem[i + j] = rng.int(256);
  }
  g.known = x.slice();

  // class weights for this case; sometimes focus on one class
  const weights = CLASS_NAMES.map((c) => [CLASS_WEIGHTS[c], c]);
  if (rng.chance(0.4)) {
    const focus = rng.pick(CLASS_NAMES);
    for (const w of weights) if (w[1] === focus) w[0] *= 25;
  }
  // Number of units; each unit is >= 1 instruction.
  const U = rng.weighted([[1, 1], [2, 2], [3, 3], [4, 4], [4, 5], [4, 6], [3, 7], [3, 8], [2, 9], [2, 10]]);
  g.U = U;
  const pending = new Map();
  const unitStart = [];
  for (let u = 0; u < U; u++) {
    // merge the states of branches that land here
    for (const snap of pending.get(u) ?? []) {
      for (let r = 0; r < 31; r++) if (g.known[r] !== snap[r]) g.known[r] = null;
    }
    g.u = u;
    unitStart.push(g.instrs.length);
    g.unitLen = 0;
    g.protect.clear();
    g.budget = LAYOUT.maxInstrs - g.instrs.length - (U - u - 1);
    let ok = false;
    for (let tries = 0; tries < 20 && !ok; tries++) {
      const cls = rng.weighted(weights);
      const before = g.instrs.length;
      ok = g[GEN[cls]]();
      if (!ok && g.instrs.length !== before) throw new Error(`${cls}: partial unit`);
    }
    if (!ok) g.g_addsub_shift();
    if (g.unitLen > g.budget) throw new Error('unit over budget');
    // record the state that a branch in this unit carries to its target
    // (a branch is always the last instruction of its unit; for ADR+BR/BLR/RET
    // the fix sits on the ADR and the transfer happens with the post-unit state)
    for (let i = unitStart[u]; i < g.instrs.length; i++) {
      const f = g.instrs[i].fix;
      if (!f) continue;
      if (!pending.has(f.target)) pending.set(f.target, []);
      pending.get(f.target).push(g.known.slice());
    }
  }
  unitStart.push(g.instrs.length); // unit U = end of the sequence

  // resolve branches
  const code = [];
  const asm = [];
  const classes = new Set();
  g.instrs.forEach((ins, i) => {
    let { word, asm: text } = ins;
    if (ins.fix) {
      const f = ins.fix;
      const off = unitStart[f.target] - i; // in instructions, >= 1
      if (off < 1) throw new Error('backward branch');
      const b = off * 4;
      if (f.kind === 'bcond') {
        word = u32(0x54000000 | ((off & 0x7ffff) << 5) | f.cond);
        text = `b.${CONDS[f.cond]} ${rel(b)}`;
      } else if (f.kind === 'cbz') {
        word = u32((f.sf << 31) | (0b011010 << 25) | (f.op << 24) | ((off & 0x7ffff) << 5) | f.rt);
        text = `${f.op ? 'cbnz' : 'cbz'} ${R(f.sf, f.rt)}, ${rel(b)}`;
      } else if (f.kind === 'tbz') {
        const b5 = f.bit >> 5;
        word = u32((b5 << 31) | (0b011011 << 25) | (f.op << 24) | ((f.bit & 31) << 19) | ((off & 0x3fff) << 5) | f.rt);
        text = `${f.op ? 'tbnz' : 'tbz'} ${R(b5, f.rt)}, #${f.bit}, ${rel(b)}`;
      } else if (f.kind === 'b') {
        word = u32((f.link ? 0x94000000 : 0x14000000) | (off & 0x3ffffff));
        text = `${f.link ? 'bl' : 'b'} ${rel(b)}`;
      } else if (f.kind === 'adr') {
        const e = encAdr(0, f.rd, b);
        word = e.word;
        text = e.asm;
      }
    }
    code.push(word);
    asm.push(text);
    classes.add(ins.cls);
  });
  // ADRP text needs the PC; fix it up here.
  g.instrs.forEach((ins, i) => {
    if (!ins.fix && ins.asm.startsWith('adrp ')) {
      const w = ins.word;
      const rd = w & 31;
      let imm = ((w >>> 5) & 0x7ffff) * 4 + ((w >>> 29) & 3);
      if (imm & (1 << 20)) imm -= 1 << 21;
      asm[i] = adrpText(rd, imm, codeAddr + 4n * BigInt(i));
    }
  });
  if (code.length < 1 || code.length > LAYOUT.maxInstrs) throw new Error(`bad length ${code.length}`);
  return {
    codeAddr,
    code,
    asm,
    classes: CLASS_NAMES.filter((c) => classes.has(c)),
    init: { x, nzcv, mem },
  };
}

// ------------------------------------------------------------ batches ----
export function generateBatch(seed, batch, count) {
  const rng = new Rng(`${seed}/batch-${batch}`);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const slack = rng.int(4); // start 0..3 words into the 64-byte slot
    const codeAddr = LAYOUT.codeBase + BigInt(i * LAYOUT.slotBytes + 4 * slack);
    const c = generateCase(rng, codeAddr);
    c.id = `b${String(batch).padStart(3, '0')}-c${String(i).padStart(4, '0')}`;
    cases.push(c);
  }
  return cases;
}

const memHex = (m) => Buffer.from(m).toString('hex');
export function caseToJson(c) {
  return {
    id: c.id,
    codeAddr: hex64(c.codeAddr),
    code: c.code.map((w) => `0x${w.toString(16).padStart(8, '0')}`),
    asm: c.asm,
    classes: c.classes,
    init: {
      x: c.init.x.map(hex64),
      nzcv: hex64(c.init.nzcv),
      mem: { addr: hex64(WIN), hex: memHex(c.init.mem) },
    },
  };
}

function batchAsm(cases) {
  const L = [];
  L.push('// generated by generate.mjs - do not edit');
  L.push('\t.section .rodata.cases, "a"');
  L.push('\t.balign 16');
  L.push('\t.global case_count, case_blocks');
  L.push(`case_count:\n\t.word ${cases.length}`);
  L.push('\t.balign 16');
  L.push('case_blocks:');
  cases.forEach((c, i) => {
    L.push(`// ${c.id}`);
    for (let r = 0; r < 31; r += 4) L.push(`\t.quad ${c.init.x.slice(r, r + 4).map(hex64).join(', ')}`);
    L.push(`\t.quad ${hex64(c.init.nzcv)}, c${i}, 0`);
    for (let j = 0; j < c.init.mem.length; j += 16)
      L.push(`\t.byte ${Array.from(c.init.mem.slice(j, j + 16)).map((b) => `0x${b.toString(16)}`).join(', ')}`);
  });
  L.push('\t.section .cases, "ax"');
  cases.forEach((c, i) => {
    const off = c.codeAddr - LAYOUT.codeBase;
    L.push(`\t.org ${hx(off)}`);
    L.push(`c${i}:`);
    for (const w of c.code) L.push(`\t.inst 0x${w.toString(16).padStart(8, '0')}`);
    L.push('\tb save_state');
  });
  return L.join('\n') + '\n';
}

function verifyAsm(cases) {
  const L = ['// generated by generate.mjs: asm text of each case at its address', '\t.section .cases, "ax"'];
  for (const c of cases) {
    L.push(`\t.org ${hx(c.codeAddr - LAYOUT.codeBase)}`);
    L.push(`// ${c.id}`);
    for (const a of c.asm) L.push(`\t${a}`);
  }
  return L.join('\n') + '\n';
}

// ---------------------------------------------------------------- main ----
function parseArgs(argv) {
  const o = { seed: 'hypsim-random-1', batches: 20, cases: 256, out: 'build' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--seed') (o.seed = v), i++;
    else if (a === '--batches') (o.batches = Number(v)), i++;
    else if (a === '--cases') (o.cases = Number(v)), i++;
    else if (a === '--out') (o.out = v), i++;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(o.out, { recursive: true });
  for (let b = 0; b < o.batches; b++) {
    const nnn = String(b).padStart(3, '0');
    const cases = generateBatch(o.seed, b, o.cases);
    const meta = {
      version: 1,
      seed: o.seed,
      batch: b,
      window: { addr: hex64(WIN), size: LAYOUT.windowSize },
      cases: cases.map(caseToJson),
    };
    writeFileSync(join(o.out, `batch-${nnn}.gen.json`), JSON.stringify(meta) + '\n');
    writeFileSync(join(o.out, `batch-${nnn}.S`), batchAsm(cases));
    writeFileSync(join(o.out, `verify-${nnn}.S`), verifyAsm(cases));
  }
  console.log(`generated ${o.batches} batches x ${o.cases} cases (seed ${JSON.stringify(o.seed)}) in ${o.out}`);
}
