import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BASE_SYSREGS, SysRegRegistry } from '@hypsim/core';

/**
 * The E2H redirection and alias tables of ../shared/reference/el2-sysregs.md (§2.1, §2.2),
 * parsed and compared with the registry, so the declarations cannot drift from the reference.
 */
const refPath = fileURLToPath(new URL('../../shared/reference/el2-sysregs.md', import.meta.url));
const md = readFileSync(refPath, 'utf8');

function section(title: string): string[] {
  const start = md.indexOf(title);
  const end = md.indexOf('\n### ', start + title.length);
  return md
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((l) => /^\|\s*[A-Z]/.test(l) && !/^\|\s*(EL1 name|Alias)/.test(l));
}

type Enc = [number, number, number, number, number];
const parseEnc = (s: string): Enc | undefined => {
  const m = /^(\d),(\d),(\d+),(\d+),(\d)$/.exec(s.trim());
  return m ? (m.slice(1).map(Number) as Enc) : undefined;
};

/**
 * Expands "A / B" names with "x,x,x,x,a / b" encodings into pairs, and the compact
 * "CNTP_TVAL/CTL/CVAL_EL0" with "3,3,14,2,0/1/2" form likewise.
 */
function expand(names: string, encs: string): Array<[string, Enc]> {
  let ns = names.split(' / ').map((s) => s.trim());
  if (ns.length === 1 && names.includes('/')) {
    const parts = names.split('/');
    const first = parts[0]!;
    const prefix = first.slice(0, first.indexOf('_') + 1);
    const last = parts[parts.length - 1]!;
    const suffix = last.slice(last.lastIndexOf('_'));
    ns = parts.map((p, i) => `${i === 0 ? '' : prefix}${i === parts.length - 1 ? p : p + suffix}`);
  }
  const parts = encs.split('/').map((s) => s.trim());
  const first = parseEnc(parts[0]!);
  if (!first) return [];
  return ns.map((n, i) => {
    if (i === 0) return [n, first];
    const e = [...first] as Enc;
    e[4] = Number(parts[i] ?? first[4]);
    return [n, e];
  });
}

const registry = new SysRegRegistry([{ owner: 'core', defs: BASE_SYSREGS }]);

const redirects: Array<{ el1: string; el1Enc: Enc; el2: string; el2Enc: Enc }> = [];
for (const line of section('### 2.1')) {
  const cols = line.split('|').map((c) => c.trim());
  const [, names, encs, target, targetEncs] = cols;
  if (!names || !encs || !target || !targetEncs || names.includes('…')) continue;
  const lhs = expand(names, encs);
  const rhs = expand(target.replace(/\s*\(.*\)$/, ''), targetEncs);
  lhs.forEach(([n, e], i) => {
    const t = rhs[i];
    if (t) redirects.push({ el1: n, el1Enc: e, el2: t[0], el2Enc: t[1] });
  });
}

const aliases: Array<{ name: string; enc: Enc }> = [];
for (const line of section('### 2.2')) {
  const cols = line
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  for (let i = 0; i + 1 < cols.length; i += 2)
    for (const [n, e] of expand(cols[i]!, cols[i + 1]!)) aliases.push({ name: n, enc: e });
}

describe('E2H redirection matches reference/el2-sysregs.md', () => {
  it('parsed the reference tables', () => {
    expect(redirects.length).toBeGreaterThanOrEqual(18);
    expect(aliases.length).toBeGreaterThanOrEqual(20);
  });

  it('redirects every reference row whose EL1 register the core defines, to the same EL2 register', () => {
    let checked = 0;
    for (const r of redirects) {
      const reg = registry.get(r.el1);
      if (!reg) continue; // defined by a plugin (ZCR, PMSCR, timers, ...)
      checked++;
      expect(reg.def.encoding, r.el1).toEqual(r.el1Enc);
      expect(reg.redirect?.name, `${r.el1} → ${r.el2}`).toBe(r.el2);
      expect(reg.redirect!.def.encoding, r.el2).toEqual(r.el2Enc);
    }
    expect(checked).toBeGreaterThanOrEqual(16);
  });

  it('has no redirect the reference does not list', () => {
    const listed = new Set(redirects.map((r) => r.el1));
    for (const reg of registry.regs.filter((r) => r.redirect))
      expect(listed.has(reg.name), reg.name).toBe(true);
  });

  it('generates exactly the reference aliases (with their encodings) for the registers it redirects', () => {
    const generated = registry.regs.filter((r) => r.aliasOf);
    const byName = new Map(aliases.map((a) => [a.name, a.enc]));
    for (const a of generated) {
      expect(byName.has(a.name), `${a.name} is in the reference`).toBe(true);
      expect(a.def.encoding, a.name).toEqual(byName.get(a.name));
    }
    for (const a of aliases) {
      const base = a.name.replace(/_EL12$/, '_EL1').replace(/_EL02$/, '_EL0');
      if (registry.get(base)?.redirect) expect(registry.get(a.name), a.name).toBeDefined();
    }
  });
});
