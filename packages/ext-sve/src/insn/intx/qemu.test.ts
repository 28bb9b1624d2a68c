import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cpu } from '@hypsim/core';
import { fpState } from '@hypsim/ext-fpsimd';
import { FFR, sveState } from '../../state.js';
import { runWords, sveMachine } from '../testutil.js';

/**
 * Single instructions of the SVE integer classes in this folder, each from a random initial
 * state, against qemu-aarch64 7.2 at VL 128/256/384/512/2048 (qemu/cases.txt, written by
 * qemu/generate.mjs: per case the word and a hash of Z0-Z7, P0-P15, X0-X7 and NZCV afterwards).
 */

interface Case {
  asm: string;
  word: number;
  seed: number;
  final: Record<string, string>;
}

/** One case a line: word, seed, the state hash at VL 128/256/384/512/2048, the instruction text. */
const cases: Case[] = readFileSync(new URL('./qemu/cases.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => {
    const [word, seed, h128, h256, h384, h512, h2048, ...asm] = l.split(' ');
    return {
      asm: asm.join(' '),
      word: Number(word),
      seed: Number(seed),
      final: { 128: h128!, 256: h256!, 384: h384!, 512: h512!, 2048: h2048! },
    };
  });

/** xorshift32, as in generate.mjs */
function prng(seed: number): () => number {
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

const EDGE = [0, 0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 2, 0xfffffffe];

function initState(seed: number): { z: Uint8Array; p: Uint8Array; x: Uint8Array; nzcv: number } {
  const g = prng(seed);
  const z = new Uint8Array(8 * 256);
  // Every fourth case draws its words from edge values only (zero divisors, INT_MIN, -1, ...).
  const edge = seed % 4 === 0;
  for (let i = 0; i < z.length; i += 4) {
    const v = g();
    const k = v & 7;
    const w = edge
      ? EDGE[v % 8]!
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

function hash(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const v of bytes) {
    a = Math.imul(a ^ v, 0x01000193) >>> 0;
    b = Math.imul(b ^ v, 0x0100019b) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function load(cpu: Cpu, seed: number, vl: number): void {
  const s = initState(seed);
  const fp = fpState(cpu);
  const st = sveState(cpu);
  fp.z.fill(0);
  st.p.fill(0);
  const dv = new DataView(s.z.buffer);
  for (let n = 0; n < 8; n++)
    for (let w = 0; w < vl / 32; w++) fp.z[n * fp.stride + w] = dv.getInt32(256 * n + 4 * w, true);
  for (let n = 0; n < 16; n++)
    for (let g = 0; g < vl / 128; g++)
      st.p[n * st.maxVq + g] = s.p[32 * n + 2 * g]! | (s.p[32 * n + 2 * g + 1]! << 8);
  for (let g = 0; g < vl / 128; g++) st.p[FFR * st.maxVq + g] = 0xffff;
  const xv = new DataView(s.x.buffer);
  for (let i = 0; i < 8; i++) cpu.setX(i, xv.getBigUint64(8 * i, true));
  cpu.nzcv = s.nzcv >>> 28;
}

function dump(cpu: Cpu, vl: number): Uint8Array {
  const fp = fpState(cpu);
  const st = sveState(cpu);
  const out = new Uint8Array(8 * (vl / 8) + 16 * (vl / 64) + 72);
  const dv = new DataView(out.buffer);
  let o = 0;
  for (let n = 0; n < 8; n++)
    for (let w = 0; w < vl / 32; w++, o += 4) dv.setInt32(o, fp.z[n * fp.stride + w]!, true);
  for (let n = 0; n < 16; n++)
    for (let g = 0; g < vl / 128; g++, o += 2) dv.setUint16(o, st.p[n * st.maxVq + g]!, true);
  for (let i = 0; i < 8; i++, o += 8) dv.setBigUint64(o, cpu.x(i), true);
  dv.setBigUint64(o, BigInt(cpu.nzcv) << 28n, true);
  return out;
}

describe('SVE integer instructions match qemu-aarch64 (qemu/cases.txt)', () => {
  for (const vl of [128, 256, 384, 512, 2048]) {
    it(`VL ${vl}`, () => {
      const m = sveMachine(vl);
      const cpu = m.cpus[0]!;
      const bad: string[] = [];
      for (const c of cases) {
        load(cpu, c.seed, vl);
        let got: string;
        try {
          runWords(m, [c.word]);
          got = hash(dump(cpu, vl));
        } catch (e) {
          got = String(e);
        }
        if (got !== c.final[String(vl)]) bad.push(`${c.asm} (seed ${c.seed}): ${got}`);
      }
      expect(bad.slice(0, 40).join('\n'), `${bad.length} of ${cases.length} differ`).toBe('');
      expect(cases.length).toBeGreaterThan(100);
    });
  }
});
