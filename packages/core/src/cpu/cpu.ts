import type { EventBus } from '../events/bus.js';
import type { Bus } from '../memory/bus.js';
import type { ExclusiveMonitors } from './monitor.js';
import type { SysReg, SysRegRegistry } from '../sysreg/registry.js';
import { SysRegAccessError } from '../sysreg/types.js';
import type { Token } from '../di/token.js';
import { hi32, join64, lo32 } from '../util/u64.js';
import { packSpsr, type PstateFields } from './pstate.js';
import type { AddressTranslator } from './translate.js';
import type { InsnSampler } from '../run/sampler.js';
import type { SysOpHandler } from '../isa/sys-ops.js';
import { Mmu, type TlbPolicy } from '../mmu/mmu.js';
import { MmuSysOps } from '../mmu/maintenance.js';

/**
 * General-purpose register slots in `cpu.gpr` (each slot is two int32 halves, low first):
 * 0–30 are X0–X30, 31 is the current stack pointer, 32 reads as zero (XZR), 33 swallows
 * writes to XZR. Decoders map register number 31 to SLOT_SP, SLOT_ZR or SLOT_SINK once,
 * so handlers never branch on it.
 */
export const SLOT_SP = 31;
export const SLOT_ZR = 32;
export const SLOT_SINK = 33;

/** Storage slots (index into `cpu.sys`, low half) of the registers exception entry uses. */
export interface CoreSlots {
  HCR_EL2: number;
  SCTLR_EL1: number;
  SCTLR_EL2: number;
  ELR: readonly [number, number, number];
  SPSR: readonly [number, number, number];
  ESR: readonly [number, number, number];
  FAR: readonly [number, number, number];
  VBAR: readonly [number, number, number];
}

export interface CpuInit {
  index: number;
  features: ReadonlySet<string>;
  registry: SysRegRegistry;
  events: EventBus;
  bus: Bus;
  monitors: ExclusiveMonitors;
  /** Per-CPU options given in the machine config, keyed by plugin id. */
  options: Readonly<Record<string, unknown>>;
  mpidr: bigint;
  midr: bigint;
  /** ID register values composed from the CPU's features. */
  idRegs: ReadonlyMap<string, bigint>;
  /** Unaligned data accesses fault with the MMU off (config `mmuOffAlignment`). */
  mmuOffAlignFault: boolean;
  /** TLB policy of the MMU (config `tlbPolicy`; default `walk`). */
  tlbPolicy?: TlbPolicy;
}

/** The TypeScript view of the system registers: the same rules as MRS/MSR at the CPU's EL. */
export interface SysRegApi {
  /** Reads as code at the current EL would (UNDEF/trap throw `SysRegAccessError`). Counted. */
  read(name: string): bigint;
  /** Writes as code at the current EL would. Counted. */
  write(name: string, value: bigint): void;
  /** Raw storage read: no access checks, no redirection, not counted (tests, oracles). */
  peek(name: string): bigint;
  /** Raw storage write: no checks, no write mask, not counted (loaders, tests). */
  poke(name: string, value: bigint): void;
}

/** One processing element: the architectural state and nothing about how it is scheduled. */
export class Cpu {
  readonly index: number;
  readonly features: ReadonlySet<string>;
  readonly hasEL2: boolean;
  readonly hasVHE: boolean;
  readonly registry: SysRegRegistry;
  readonly events: EventBus;
  readonly bus: Bus;
  readonly monitors: ExclusiveMonitors;
  readonly options: Readonly<Record<string, unknown>>;
  readonly mpidr: bigint;
  readonly midr: bigint;
  readonly idRegs: ReadonlyMap<string, bigint>;
  readonly mmuOffAlignFault: boolean;

  /** X0–X30, SP, XZR, sink: see SLOT_*. Halves as int32, low first. */
  readonly gpr = new Int32Array(68);
  /** PC low half (unsigned, 0..2^32-1) and high half (int32). */
  pcLo = 0;
  pcHi = 0;

  // PSTATE
  nzcv = 0;
  daif = 0xf;
  el = 1;
  spsel = 1;
  ss = 0;
  il = 0;

  /** Banked SP_EL0/SP_EL1/SP_EL2 (lo, hi); the live one is in gpr slot 31. */
  readonly spBank = new Int32Array(6);
  private spLive = 1;

  /** System-register storage: two int32 per registry entry. */
  readonly sys: Int32Array;
  /** 1 where the register exists on this CPU (its feature is present). */
  readonly present: Uint8Array;
  readonly slots: CoreSlots;
  /** Scratch for 64-bit reads without allocation. */
  readonly scratch = new Int32Array(2);
  /** High half of the last 64-bit data load (see cpu/memory.ts). */
  memHi = 0;
  /** The WFE event register (set by SEV/SEVL, exception return, monitor clears). */
  eventRegister = false;
  /** Claims `HLT #imm` (semihosting); returns true when handled, else the HLT is UNDEFINED. */
  hltHandler: ((cpu: Cpu, imm16: number) => boolean) | undefined;
  /**
   * Firmware reached through a call instruction (the PSCI conduit of a board): `SMC` at EL1
   * (not trapped by HCR_EL2.TSC) or EL2, and `HVC` at EL1 on a CPU without EL2. Returns true
   * when the call was handled; otherwise the instruction behaves architecturally.
   */
  firmwareCall: ((cpu: Cpu, conduit: 'hvc' | 'smc', imm16: number) => boolean) | undefined;
  /** Physical address of the granule the local exclusive monitor holds, or -1 (open). */
  exclusivePa = -1;

  /** Set by anything that invalidates what the run loop's inner loop assumes. */
  exitInner = false;
  /** Set by a handler that wrote the PC (branches, exception entry and return). */
  jumped = false;
  /** Stage 1 (EL1&0, EL2, EL2&0), the stage-2 hook and the TLB (see mmu/mmu.ts). */
  readonly mmu: Mmu;
  /** VA → PA for fetches and data accesses: the MMU (the flat map while it is off). */
  translator: AddressTranslator;
  /** TLBI and AT, implemented by the MMU. */
  sysOps: SysOpHandler;
  /** Bumped when translation/context state may have changed (sysreg writes, EL changes). */
  ctxEpoch = 0;
  /**
   * Instruction sampler (run/sampler.ts; installed by ext-spe on CPUs with FEAT_SPE). Undefined
   * elsewhere, so sampling costs nothing on CPUs without it.
   */
  sampler: InsnSampler | undefined = undefined;
  /** Instructions executed (retired or faulted): the basis of virtual time. */
  instret = 0;
  /** In WFI/WFE (or powered off when `off`): skipped by the scheduler until woken. */
  halted = false;
  off = false;

  // Interrupt inputs, driven by the interrupt controller (see InterruptController).
  irqLine = false;
  fiqLine = false;
  virqLine = false;
  vfiqLine = false;

  readonly sysreg: SysRegApi;
  private readonly ext = new Map<symbol, unknown>();

  constructor(init: CpuInit) {
    this.index = init.index;
    this.features = init.features;
    this.hasEL2 = init.features.has('FEAT_AA64EL2');
    this.hasVHE = init.features.has('FEAT_VHE');
    this.registry = init.registry;
    this.events = init.events;
    this.bus = init.bus;
    this.monitors = init.monitors;
    init.monitors.cpus.push(this);
    this.options = init.options;
    this.mpidr = init.mpidr;
    this.midr = init.midr;
    this.idRegs = init.idRegs;
    this.mmuOffAlignFault = init.mmuOffAlignFault;
    const r = init.registry;
    this.sys = new Int32Array(2 * r.size);
    this.present = new Uint8Array(r.size);
    for (const reg of r.regs) {
      const f = reg.def.feature;
      this.present[reg.index] = f === undefined || init.features.has(f) ? 1 : 0;
    }
    const slot = (n: string): number => 2 * r.require(n).index;
    const per = (base: string): readonly [number, number, number] => [
      -1,
      slot(`${base}_EL1`),
      slot(`${base}_EL2`),
    ];
    this.slots = {
      HCR_EL2: slot('HCR_EL2'),
      SCTLR_EL1: slot('SCTLR_EL1'),
      SCTLR_EL2: slot('SCTLR_EL2'),
      ELR: per('ELR'),
      SPSR: per('SPSR'),
      ESR: per('ESR'),
      FAR: per('FAR'),
      VBAR: per('VBAR'),
    };
    this.sysreg = makeSysRegApi(this);
    this.mmu = new Mmu(this);
    if (init.tlbPolicy) this.mmu.policy = init.tlbPolicy;
    this.translator = this.mmu;
    this.sysOps = new MmuSysOps(this.mmu);
  }

  // ---- feature and control-bit queries -------------------------------------------------

  hasFeature(name: string): boolean {
    return this.features.has(name);
  }

  /** HCR_EL2.E2H (bit 34). Zero when EL2 is not implemented (HCR_EL2 then reads as 0). */
  get e2h(): boolean {
    return (this.sys[this.slots.HCR_EL2 + 1]! & 4) !== 0;
  }

  /** HCR_EL2.TGE (bit 27). */
  get tge(): boolean {
    return (this.sys[this.slots.HCR_EL2]! & (1 << 27)) !== 0;
  }

  /** HCR_EL2 low word, for routing checks (IMO bit 4, FMO bit 3, VI 7, VF 6, TGE 27). */
  get hcrLo(): number {
    return this.sys[this.slots.HCR_EL2]!;
  }

  /** {E2H, TGE} = {1, 1}: EL0 runs in the EL2&0 regime (the VHE host's user space). */
  get inHost(): boolean {
    return this.e2h && this.tge;
  }

  /**
   * Whether an unaligned data access faults: always with the MMU off (data accesses are
   * Device-nGnRnE), else when SCTLR_ELx.A is set for the current translation regime.
   */
  strictAlignment(): boolean {
    const sctlr =
      this.sys[
        this.el === 2 || (this.el === 0 && this.hasEL2 && this.inHost)
          ? this.slots.SCTLR_EL2
          : this.slots.SCTLR_EL1
      ]!;
    return (sctlr & 1) === 0 || (sctlr & 2) !== 0;
  }

  /** Called after every store this CPU makes: clears reservations on the written granules. */
  monitorWrite(pa: number, size: number): void {
    if (this.monitors.active !== 0) this.monitors.noteStore(pa, size);
  }

  // ---- registers (API edge: BigInt) -------------------------------------------------------

  x(n: number): bigint {
    checkReg(n);
    return join64(this.gpr[2 * n]!, this.gpr[2 * n + 1]!);
  }

  setX(n: number, v: bigint): void {
    checkReg(n);
    this.gpr[2 * n] = lo32(v);
    this.gpr[2 * n + 1] = hi32(v);
  }

  get sp(): bigint {
    return join64(this.gpr[62]!, this.gpr[63]!);
  }

  set sp(v: bigint) {
    this.gpr[62] = lo32(v);
    this.gpr[63] = hi32(v);
  }

  get pc(): bigint {
    return join64(this.pcLo, this.pcHi);
  }

  set pc(v: bigint) {
    this.pcLo = lo32(v) >>> 0;
    this.pcHi = hi32(v);
    this.exitInner = true;
    this.jumped = true;
  }

  /** SP_ELn whether or not it is the live stack pointer. */
  spEl(el: number): bigint {
    this.spElInto(el, this.scratch);
    return join64(this.scratch[0]!, this.scratch[1]!);
  }

  setSpEl(el: number, v: bigint): void {
    this.setSpElHalves(el, lo32(v), hi32(v));
  }

  /** SP_ELn halves into `out` (no allocation; used by the MRS path). */
  spElInto(el: number, out: Int32Array): void {
    if (el === this.spLive) {
      out[0] = this.gpr[62]!;
      out[1] = this.gpr[63]!;
    } else {
      out[0] = this.spBank[2 * el]!;
      out[1] = this.spBank[2 * el + 1]!;
    }
  }

  setSpElHalves(el: number, lo: number, hi: number): void {
    if (el === this.spLive) {
      this.gpr[62] = lo;
      this.gpr[63] = hi;
    } else {
      this.spBank[2 * el] = lo;
      this.spBank[2 * el + 1] = hi;
    }
  }

  private syncSpBank(): void {
    this.spBank[2 * this.spLive] = this.gpr[62]!;
    this.spBank[2 * this.spLive + 1] = this.gpr[63]!;
  }

  /**
   * Changes PSTATE.EL/SPSel, banking the stack pointer. Every EL change in the model goes
   * through here.
   */
  setMode(el: number, spsel: number): void {
    const bank = el === 0 || spsel === 0 ? 0 : el;
    if (bank !== this.spLive) {
      this.syncSpBank();
      this.gpr[62] = this.spBank[2 * bank]!;
      this.gpr[63] = this.spBank[2 * bank + 1]!;
      this.spLive = bank;
    }
    this.el = el;
    this.spsel = spsel;
    this.exitInner = true;
    this.ctxEpoch++;
  }

  pstate(): PstateFields {
    return {
      nzcv: this.nzcv,
      daif: this.daif,
      el: this.el,
      spsel: this.spsel,
      ss: this.ss,
      il: this.il,
    };
  }

  /** PSTATE in SPSR format. */
  get spsrValue(): number {
    return packSpsr(this);
  }

  // ---- plugin state -----------------------------------------------------------------------

  attach<T>(tok: Token<T>, value: T): void {
    if (this.ext.has(tok)) throw new Error(`cpu${this.index}: state ${String(tok)} attached twice`);
    this.ext.set(tok, value);
  }

  get<T>(tok: Token<T>): T {
    const v = this.ext.get(tok);
    if (v === undefined) throw new Error(`cpu${this.index}: no state ${String(tok)} attached`);
    return v as T;
  }

  tryGet<T>(tok: Token<T>): T | undefined {
    return this.ext.get(tok) as T | undefined;
  }

  /** Copies gpr/PSTATE-independent reset state; called by the machine on reset. */
  resetCore(): void {
    this.gpr.fill(0);
    this.spBank.fill(0);
    this.spLive = 1;
    this.pcLo = 0;
    this.pcHi = 0;
    this.nzcv = 0;
    this.daif = 0xf;
    this.ss = 0;
    this.il = 0;
    this.el = this.hasEL2 ? 2 : 1;
    this.spsel = 1;
    this.spLive = this.el;
    this.halted = false;
    this.off = false;
    this.irqLine = this.fiqLine = this.virqLine = this.vfiqLine = false;
    this.instret = 0;
    this.monitors.clear(this);
    this.mmu.flush();
    this.exitInner = true;
    this.ctxEpoch++;
    this.registry.reset(this);
  }
}

function checkReg(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 30)
    throw new RangeError(`X${n}: general-purpose registers are X0–X30 (use cpu.sp for SP)`);
}

function makeSysRegApi(cpu: Cpu): SysRegApi {
  const r = cpu.registry;
  const access = (name: string, dir: 'read' | 'write'): { reg: SysReg; target: SysReg } => {
    const reg = r.require(name);
    const target = r.check(cpu, reg, dir);
    if (!target) {
      const t = r.lastTrap;
      throw new SysRegAccessError(
        t
          ? `${dir} of ${name} at EL${cpu.el} traps to EL${t.to}`
          : `${dir} of ${name} at EL${cpu.el} is UNDEFINED on cpu${cpu.index}`,
        t ? 'trap' : 'undefined',
      );
    }
    return { reg, target };
  };
  const note = (reg: SysReg, target: SysReg, op: 'read' | 'write'): void => {
    if (cpu.events.has('sysreg'))
      cpu.events.emit('sysreg', {
        cpu,
        name: target.name,
        via: reg.name,
        op,
        el: cpu.el,
        group: target.group,
        source: 'api',
      });
  };
  return {
    read(name) {
      const { reg, target } = access(name, 'read');
      r.readInto(cpu, target, cpu.scratch);
      const v = join64(cpu.scratch[0]!, cpu.scratch[1]!);
      note(reg, target, 'read');
      return v;
    },
    write(name, value) {
      const { reg, target } = access(name, 'write');
      r.writeFrom(cpu, target, lo32(value), hi32(value));
      note(reg, target, 'write');
    },
    peek(name) {
      const reg = r.require(name);
      const t = reg.aliasOf ?? reg;
      r.readInto(cpu, t, cpu.scratch);
      return join64(cpu.scratch[0]!, cpu.scratch[1]!);
    },
    poke(name, value) {
      const reg = r.require(name);
      const t = reg.aliasOf ?? reg;
      if (t.def.write) t.def.write(cpu, lo32(value), hi32(value));
      else {
        cpu.sys[2 * t.index] = lo32(value);
        cpu.sys[2 * t.index + 1] = hi32(value);
      }
      cpu.exitInner = true;
      cpu.ctxEpoch++;
    },
  };
}
