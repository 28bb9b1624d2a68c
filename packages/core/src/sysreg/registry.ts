import type { Cpu } from '../cpu/cpu.js';
import { hi32, lo32 } from '../util/u64.js';
import {
  encodingKey,
  formatEncoding,
  type AccessDir,
  type SysRegDef,
  type TrapRule,
  type TrapTarget,
} from './types.js';

type CompiledTrap = (cpu: Cpu, dir: AccessDir) => TrapTarget | undefined;

/** One register as the registry resolved it: storage slot, aliases, compiled traps. */
export class SysReg {
  /** Set for generated `_EL12`/`_EL02` aliases: the register they reach. */
  aliasOf: SysReg | undefined;
  /** Set for E2H-redirected EL1/EL0 names: the EL2 register reached at EL2 with E2H=1. */
  redirect: SysReg | undefined;
  traps: CompiledTrap[] = [];
  readonly maskLo: number;
  readonly maskHi: number;
  readonly canRead: boolean;
  readonly canWrite: boolean;

  constructor(
    /** Dense index; storage slot is `2*index` in `cpu.sys`. */
    readonly index: number,
    readonly name: string,
    readonly def: SysRegDef,
    /** Plugin id (or 'core') that defined it. */
    readonly owner: string,
    readonly group: string,
  ) {
    const mask = def.writeMask ?? -1n;
    this.maskLo = lo32(mask);
    this.maskHi = hi32(mask);
    this.canRead = def.access !== 'wo';
    this.canWrite = def.access !== 'ro';
  }

  get key(): number {
    const e = this.def.encoding;
    return encodingKey(e[0], e[1], e[2], e[3], e[4]);
  }
}

export interface SysRegSource {
  owner: string;
  defs: readonly SysRegDef[];
}

export function aliasName(name: string): string {
  if (name.endsWith('_EL1')) return `${name}2`;
  if (name.endsWith('_EL0')) return `${name.slice(0, -1)}02`;
  throw new Error(`system register ${name}: only _EL1 and _EL0 registers can have an E2H alias`);
}

function defaultGroup(name: string): string {
  if (
    name.startsWith('ID_') ||
    name === 'MIDR_EL1' ||
    name === 'REVIDR_EL1' ||
    name === 'MPIDR_EL1'
  )
    return 'id';
  if (name.endsWith('_EL12') || name.endsWith('_EL02')) return 'el12';
  const m = /_EL([0-2])$/.exec(name);
  return m ? `el${m[1]}` : 'special';
}

/**
 * The system-register registry: the single place that knows encodings, access rules, traps
 * and E2H redirection. MRS/MSR and the TypeScript API (`cpu.sysreg`) both go through
 * `check` + `readInto`/`writeFrom`, so TypeScript code sees what code at its EL would see.
 */
export class SysRegRegistry {
  readonly regs: SysReg[] = [];
  private readonly byName = new Map<string, SysReg>();
  private readonly byKey = new Map<number, SysReg>();
  /** Set by `check` when it returns null: a trap target, or undefined for UNDEFINED. */
  lastTrap: TrapTarget | undefined;

  constructor(sources: readonly SysRegSource[]) {
    for (const src of sources) for (const def of src.defs) this.add(def, src.owner);
    for (const reg of [...this.regs]) this.link(reg);
    for (const reg of this.regs)
      reg.traps = (reg.def.traps ?? []).map((t) => this.compileTrap(reg, t));
  }

  private add(def: SysRegDef, owner: string, aliasOf?: SysReg): SysReg {
    const clash = this.byName.get(def.name);
    if (clash)
      throw new Error(
        `system register ${def.name} is defined twice: by ${clash.owner} and by ${owner}`,
      );
    const e = def.encoding;
    const key = encodingKey(e[0], e[1], e[2], e[3], e[4]);
    const other = this.byKey.get(key);
    if (other)
      throw new Error(
        `system register encoding ${formatEncoding(e)} is claimed twice: ${other.name} (by ${other.owner}) and ${def.name} (by ${owner})`,
      );
    const reg = new SysReg(
      this.regs.length,
      def.name,
      def,
      owner,
      def.group ?? defaultGroup(def.name),
    );
    reg.aliasOf = aliasOf;
    this.regs.push(reg);
    this.byName.set(def.name, reg);
    this.byKey.set(key, reg);
    return reg;
  }

  private link(reg: SysReg): void {
    const target = reg.def.e2hRedirect;
    if (target === undefined) return;
    const redirect = this.byName.get(target);
    if (!redirect)
      throw new Error(
        `system register ${reg.name} (by ${reg.owner}) redirects under E2H to ${target}, which no plugin defines`,
      );
    reg.redirect = redirect;
    const e = reg.def.encoding;
    this.add(
      {
        name: aliasName(reg.name),
        encoding: [e[0], 5, e[2], e[3], e[4]],
        minEL: 2,
        access: reg.def.access ?? 'rw',
        feature: 'FEAT_VHE',
        group: 'el12',
      },
      reg.owner,
      reg,
    );
  }

  private compileTrap(reg: SysReg, rule: TrapRule): CompiledTrap {
    if ('check' in rule) return rule.check;
    const dot = rule.control.indexOf('.');
    const ctlName = rule.control.slice(0, dot);
    const fieldName = rule.control.slice(dot + 1);
    const ctl = this.byName.get(ctlName);
    const f = ctl?.def.fields?.find((x) => x.name === fieldName);
    if (!ctl || !f || f.width !== 1)
      throw new Error(
        `system register ${reg.name} (by ${reg.owner}): trap control ${rule.control} is not a one-bit field of a defined register`,
      );
    const slot = 2 * ctl.index + (f.lsb >= 32 ? 1 : 0);
    const bit = 1 << (f.lsb & 31);
    const from = rule.from ?? [0, 1];
    const fromMask = from.reduce((m, el) => m | (1 << el), 0);
    const onRead = rule.on !== 'write';
    const onWrite = rule.on !== 'read';
    const whenSet = rule.whenClear !== true;
    const target: TrapTarget = { to: rule.to };
    const needsEL2 = ctlName.endsWith('_EL2');
    return (cpu, dir) => {
      if (((1 << cpu.el) & fromMask) === 0) return undefined;
      if (dir === 'read' ? !onRead : !onWrite) return undefined;
      if (needsEL2 && !cpu.hasEL2) return undefined;
      return ((cpu.sys[slot]! & bit) !== 0) === whenSet ? target : undefined;
    };
  }

  get size(): number {
    return this.regs.length;
  }

  get(name: string): SysReg | undefined {
    return this.byName.get(name);
  }

  /** Looks a register up by name, with an error that says what exists. */
  require(name: string): SysReg {
    const r = this.byName.get(name);
    if (!r) throw new Error(`unknown system register ${name}`);
    return r;
  }

  byEncoding(op0: number, op1: number, crn: number, crm: number, op2: number): SysReg | undefined {
    return this.byKey.get(encodingKey(op0, op1, crn, crm, op2));
  }

  /**
   * Applies the access rules at the CPU's current EL. Returns the register actually reached
   * (after alias/E2H resolution), or null when the access is UNDEFINED (`lastTrap` undefined)
   * or traps (`lastTrap` says where).
   */
  check(cpu: Cpu, reg: SysReg, dir: AccessDir): SysReg | null {
    if (cpu.present[reg.index] === 0 || cpu.el < reg.def.minEL) return this.undef();
    if (dir === 'read' ? !reg.canRead : !reg.canWrite) return this.undef();
    const accessible = reg.def.accessible;
    if (accessible && !accessible(cpu, dir)) return this.undef();
    let target = reg;
    if (reg.aliasOf) {
      // The alias exists only where VHE does (its own feature) and its register does.
      if (!cpu.e2h || cpu.present[reg.aliasOf.index] === 0) return this.undef();
      target = reg.aliasOf;
    } else if (reg.redirect && cpu.el === 2 && cpu.e2h) {
      target = reg.redirect;
    }
    const traps = reg.traps;
    for (let i = 0; i < traps.length; i++) {
      const t = traps[i]!(cpu, dir);
      if (t) {
        this.lastTrap = t;
        return null;
      }
    }
    return target;
  }

  private undef(): null {
    this.lastTrap = undefined;
    return null;
  }

  readInto(cpu: Cpu, reg: SysReg, out: Int32Array): void {
    const custom = reg.def.read;
    if (custom) {
      custom(cpu, out);
      return;
    }
    out[0] = cpu.sys[2 * reg.index]!;
    out[1] = cpu.sys[2 * reg.index + 1]!;
  }

  writeFrom(cpu: Cpu, reg: SysReg, lo: number, hi: number): void {
    const s = cpu.sys;
    const i = 2 * reg.index;
    const nlo = (s[i]! & ~reg.maskLo) | (lo & reg.maskLo);
    const nhi = (s[i + 1]! & ~reg.maskHi) | (hi & reg.maskHi);
    const custom = reg.def.write;
    if (custom) custom(cpu, nlo, nhi);
    else {
      s[i] = nlo;
      s[i + 1] = nhi;
    }
    // Writes may change routing, translation or masking: leave the fast loop.
    cpu.exitInner = true;
    cpu.ctxEpoch++;
  }

  /** Every register's reset value into the CPU's storage. */
  reset(cpu: Cpu): void {
    for (const reg of this.regs) {
      if (reg.aliasOf) continue;
      const r = reg.def.reset;
      const v = r === undefined ? 0n : typeof r === 'function' ? r(cpu) : r;
      cpu.sys[2 * reg.index] = lo32(v);
      cpu.sys[2 * reg.index + 1] = hi32(v);
    }
  }
}
