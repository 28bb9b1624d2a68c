import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import {
  machineConfigSchema,
  formatIssues,
  type MachineConfig,
  type MachineConfigInput,
} from '../config/schema.js';
import { CostAccounting } from '../cost/accounting.js';
import { makeCostModel } from '../cost/model.js';
import { Cpu } from '../cpu/cpu.js';
import { ExclusiveMonitors } from '../cpu/monitor.js';
import { DecodeCache } from '../decode/cache.js';
import {
  Decoder,
  compileTables,
  type CompiledPattern,
  type TableSource,
} from '../decode/decoder.js';
import { registerValue, resolve, type Token } from '../di/token.js';
import {
  BusToken,
  ConfigToken,
  CostAccountingToken,
  CostModelToken,
  EventsToken,
  MachineToken,
  PrngToken,
  SysRegsToken,
} from '../di/tokens.js';
import { EventBus } from '../events/bus.js';
import { coreFeatures } from '../features/core-features.js';
import type { FeatureDef } from '../features/feature.js';
import { coreDecodeTables } from '../isa/tables.js';
import { Bus } from '../memory/bus.js';
import { orderPlugins, type InstalledPlugin } from '../plugin/install.js';
import type { PluginManifest } from '../plugin/manifest.js';
import { runMachine, type RunOptions } from '../run/runner.js';
import type { StopReason } from '../run/stop.js';
import { BASE_SYSREGS } from '../sysreg/base.js';
import { SysRegRegistry } from '../sysreg/registry.js';
import { Prng } from '../util/prng.js';
import { field, withField } from '../util/u64.js';

export interface CreateMachineOptions {
  /** Plugins the config may name by id (the CLI's JSON configs do). */
  catalog?: readonly PluginManifest<unknown>[];
}

/** Raised for anything wrong with a machine config: the message names what and where. */
export class MachineConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MachineConfigError';
  }
}

/** QEMU's `-cpu max` MIDR (implementer 0, architecture 0xf, part 0x051). */
const DEFAULT_MIDR = 0x000f0510n;

/** MPIDR as QEMU's virt board assigns it with GICv3: 16 CPUs per cluster, bit 31 RES1. */
function defaultMpidr(index: number): bigint {
  return BigInt((0x8000_0000 | (Math.floor(index / 16) << 8) | (index % 16)) >>> 0);
}

/**
 * The composition root of one emulated machine. Everything it owns lives in its own child
 * container; two machines in one process share nothing but immutable tables.
 */
export class Machine {
  readonly cpus: Cpu[] = [];
  readonly breakpoints = new Set<bigint>();
  private readonly caches: DecodeCache[] = [];
  private readonly cacheOfCpu: DecodeCache[] = [];
  private stop: StopReason | undefined;
  private readonly idleHooks: Array<() => boolean> = [];
  private readonly roundHooks: Array<() => void> = [];
  /** Per CPU: the breakpoint it stopped at, skipped once when it resumes from exactly there. */
  private readonly resumeFrom = new Map<number, { pc: bigint; instret: number }>();

  constructor(
    readonly config: MachineConfig,
    readonly container: DependencyContainer,
    readonly plugins: readonly InstalledPlugin[],
    readonly features: ReadonlyMap<string, FeatureDef & { owner: string }>,
    readonly patterns: readonly CompiledPattern[],
  ) {}

  get events(): EventBus {
    return resolve(this.container, EventsToken);
  }
  get bus(): Bus {
    return resolve(this.container, BusToken);
  }
  get registry(): SysRegRegistry {
    return resolve(this.container, SysRegsToken);
  }
  get prng(): Prng {
    return resolve(this.container, PrngToken);
  }
  get cost(): CostAccounting {
    return resolve(this.container, CostAccountingToken);
  }

  /** Resolves a service from this machine's container. */
  get<T>(tok: Token<T>): T {
    return resolve(this.container, tok);
  }

  /** @internal Called once by createMachine. */
  addCpu(cpu: Cpu, cache: DecodeCache): void {
    this.cpus.push(cpu);
    this.cacheOfCpu[cpu.index] = cache;
    if (!this.caches.includes(cache)) this.caches.push(cache);
  }

  decodeCacheOf(cpu: Cpu): DecodeCache {
    return this.cacheOfCpu[cpu.index]!;
  }

  /** Resets every CPU (core state, then each plugin in dependency order) and the PRNG. */
  reset(): void {
    this.prng.reseed(this.config.seed);
    this.stop = undefined;
    for (const cpu of this.cpus) {
      cpu.resetCore();
      for (const p of this.plugins) p.manifest.reset?.(cpu, this, p.options);
      this.events.emit('reset', { cpu });
    }
  }

  run(opts: RunOptions = {}): StopReason {
    return runMachine(this, opts);
  }

  /** Asks the run loop to stop after the current instruction (e.g. semihosting exit). */
  requestStop(reason: StopReason): void {
    this.stop ??= reason;
    for (const c of this.cpus) c.exitInner = true;
  }

  get stopPending(): boolean {
    return this.stop !== undefined;
  }

  /** @internal The pending stop reason, consumed. */
  takeStop(): StopReason | undefined {
    const s = this.stop;
    this.stop = undefined;
    return s;
  }

  /**
   * Registers something that can make progress when every CPU is halted (a timer advancing
   * virtual time to its next deadline). Returns true from the hook if it woke a CPU.
   */
  onIdle(hook: () => boolean): void {
    this.idleHooks.push(hook);
  }

  /**
   * Registers something to run after every round of quanta (all CPUs had their turn): devices
   * that keep time, such as the generic timer, check their deadlines here.
   */
  onRound(hook: () => void): void {
    this.roundHooks.push(hook);
  }

  /** @internal */
  round(): void {
    for (const h of this.roundHooks) h();
  }

  /** @internal */
  idle(): boolean {
    let woke = false;
    for (const h of this.idleHooks) woke = h() || woke;
    return woke;
  }

  addBreakpoint(pc: bigint): void {
    this.breakpoints.add(BigInt.asUintN(64, pc));
  }

  removeBreakpoint(pc: bigint): void {
    this.breakpoints.delete(BigInt.asUintN(64, pc));
  }

  /** @internal True (and a stop requested) when the CPU is about to execute a breakpoint. */
  hitBreakpoint(cpu: Cpu, retired: number): boolean {
    const pc = cpu.pc;
    if (!this.breakpoints.has(pc)) return false;
    const resume = this.resumeFrom.get(cpu.index);
    this.resumeFrom.delete(cpu.index);
    // Resuming from the breakpoint we stopped at (nothing executed since): run past it.
    if (resume && resume.pc === pc && resume.instret === retired) return false;
    this.resumeFrom.set(cpu.index, { pc, instret: retired });
    this.requestStop({ kind: 'breakpoint', cpu: cpu.index, pc });
    return true;
  }
}

/**
 * The ID register values of a CPU with these features: baseline (`always`) fields first, then
 * every other feature's fields over them; where several features set one field (FEAT_LRCPC = 1,
 * FEAT_LRCPC2 = 2) the highest value wins.
 */
export function composeIdRegisters(
  set: ReadonlySet<string>,
  features: ReadonlyMap<string, FeatureDef>,
): Map<string, bigint> {
  const regs = new Map<string, bigint>();
  const setByFeature = new Set<string>();
  const ordered = [...set].sort(
    (a, b) => Number(!!features.get(b)!.always) - Number(!!features.get(a)!.always),
  );
  for (const name of ordered) {
    const f = features.get(name)!;
    for (const idf of f.idFields ?? []) {
      const cur = regs.get(idf.reg) ?? 0n;
      const v = BigInt(idf.value);
      const key = `${idf.reg}.${idf.lsb}`;
      const keep = !f.always && setByFeature.has(key) && field(cur, idf.lsb, idf.width) >= v;
      if (!keep) regs.set(idf.reg, withField(cur, idf.lsb, idf.width, v));
      if (!f.always) setByFeature.add(key);
    }
  }
  return regs;
}

/**
 * Builds a machine from a config: validates it, resolves and orders plugins, checks features,
 * system registers and decode tables for conflicts, creates a child DI container, realises
 * CPUs and plugins, and resets.
 */
export function createMachine(input: MachineConfigInput, opts: CreateMachineOptions = {}): Machine {
  const parsed = machineConfigSchema.safeParse(input);
  if (!parsed.success) throw new MachineConfigError(formatIssues(parsed.error, 'machine config'));
  const config = parsed.data;

  // ---- plugins ---------------------------------------------------------------------------
  const catalog = new Map((opts.catalog ?? []).map((p) => [p.id, p]));
  const requested: InstalledPlugin[] = config.plugins.map((spec, i) => {
    let manifest: PluginManifest<unknown>;
    if (typeof spec.plugin === 'string') {
      const found = catalog.get(spec.plugin);
      if (!found)
        throw new MachineConfigError(
          `plugins[${i}]: plugin ${spec.plugin} is not in the catalogue (known: ${[...catalog.keys()].join(', ') || 'none'})`,
        );
      manifest = found;
    } else manifest = spec.plugin;
    let options: unknown = spec.options;
    if (manifest.options) {
      const r = manifest.options.safeParse(spec.options ?? {});
      if (!r.success)
        throw new MachineConfigError(formatIssues(r.error, `options of plugin ${manifest.id}`));
      options = r.data;
    } else if (spec.options !== undefined)
      throw new MachineConfigError(`plugins[${i}]: plugin ${manifest.id} takes no options`);
    return { manifest, options };
  });
  let plugins: InstalledPlugin[];
  try {
    plugins = orderPlugins(requested);
  } catch (e) {
    throw new MachineConfigError((e as Error).message);
  }

  // ---- features --------------------------------------------------------------------------
  const features = new Map<string, FeatureDef & { owner: string }>();
  const addFeatures = (defs: readonly FeatureDef[], owner: string): void => {
    for (const d of defs) {
      const prev = features.get(d.name);
      if (prev)
        throw new MachineConfigError(
          `feature ${d.name} is defined twice: by ${prev.owner} and by ${owner}`,
        );
      features.set(d.name, { ...d, owner });
    }
  };
  addFeatures(coreFeatures, 'core');
  for (const p of plugins) addFeatures(p.manifest.features ?? [], p.manifest.id);

  // ---- system registers and decode tables --------------------------------------------------
  let registry: SysRegRegistry;
  let patterns: readonly CompiledPattern[];
  try {
    registry = new SysRegRegistry([
      { owner: 'core', defs: BASE_SYSREGS },
      ...plugins.map((p) => ({ owner: p.manifest.id, defs: p.manifest.sysregs ?? [] })),
    ]);
    const tables: TableSource[] = [
      ...coreDecodeTables.map((table) => ({ owner: 'core', table })),
      ...plugins.flatMap((p) =>
        (p.manifest.decode ?? []).map((table) => ({ owner: p.manifest.id, table })),
      ),
    ];
    patterns = compileTables(tables);
  } catch (e) {
    throw new MachineConfigError((e as Error).message);
  }
  for (const f of features.values())
    for (const idf of f.idFields ?? [])
      if (!registry.get(idf.reg))
        throw new MachineConfigError(
          `feature ${f.name} (by ${f.owner}) sets ${idf.reg}.${idf.field}, but no plugin defines ${idf.reg}`,
        );

  // ---- per-CPU feature sets ------------------------------------------------------------------
  const cpuSpecs: Array<{
    features: Set<string>;
    spec: MachineConfig['cpus'][number];
    specIndex: number;
  }> = [];
  config.cpus.forEach((spec, specIndex) => {
    for (let k = 0; k < spec.count; k++) {
      const set = new Set<string>();
      for (const f of features.values()) if (f.always) set.add(f.name);
      for (const name of spec.features) {
        if (!features.has(name))
          throw new MachineConfigError(
            `cpus[${specIndex}] asks for ${name}, which neither the core nor any installed plugin provides (installed: ${plugins.map((p) => p.manifest.id).join(', ') || 'none'})`,
          );
        set.add(name);
      }
      for (const name of set)
        for (const req of features.get(name)!.requires ?? [])
          if (!set.has(req))
            throw new MachineConfigError(
              `cpus[${specIndex}]: ${name} requires ${req}, which this CPU does not have`,
            );
      for (const key of Object.keys(spec.options)) {
        const p = plugins.find((x) => x.manifest.id === key);
        if (!p)
          throw new MachineConfigError(
            `cpus[${specIndex}].options: ${key} is not an installed plugin`,
          );
        if (!p.manifest.cpuOptions)
          throw new MachineConfigError(
            `cpus[${specIndex}].options: plugin ${key} takes no per-CPU options`,
          );
      }
      cpuSpecs.push({ features: set, spec, specIndex });
    }
  });

  // ---- container and services ----------------------------------------------------------------
  const container = rootContainer.createChildContainer();
  const events = new EventBus();
  const bus = new Bus();
  for (const r of config.memory) {
    try {
      bus.addRam(r.name, r.base, r.size);
    } catch (e) {
      throw new MachineConfigError(`memory: ${(e as Error).message}`);
    }
  }
  registerValue(container, ConfigToken, config);
  registerValue(container, EventsToken, events);
  registerValue(container, BusToken, bus);
  registerValue(container, SysRegsToken, registry);
  registerValue(container, PrngToken, new Prng(config.seed));
  registerValue(container, CostModelToken, makeCostModel(config.costModel));
  // One instance per machine, built by the container from its explicit @inject tokens.
  registerValue(container, CostAccountingToken, container.resolve(CostAccounting));

  const machine = new Machine(config, container, plugins, features, patterns);
  registerValue(container, MachineToken, machine);
  for (const p of plugins) p.manifest.register?.(container, p.options);

  // ---- CPUs ----------------------------------------------------------------------------------
  const cacheByFeatures = new Map<string, DecodeCache>();
  const monitors = new ExclusiveMonitors();
  cpuSpecs.forEach(({ features: set, spec, specIndex }, index) => {
    const cpuOptions: Record<string, unknown> = {};
    for (const p of plugins) {
      if (!p.manifest.cpuOptions) continue;
      const r = p.manifest.cpuOptions.safeParse(spec.options[p.manifest.id] ?? {});
      if (!r.success)
        throw new MachineConfigError(
          formatIssues(r.error, `cpus[${specIndex}].options of plugin ${p.manifest.id}`),
        );
      cpuOptions[p.manifest.id] = r.data;
    }
    const idRegs = composeIdRegisters(set, features);
    const cpu = new Cpu({
      index,
      features: set,
      registry,
      events,
      bus,
      monitors,
      options: cpuOptions,
      mpidr: defaultMpidr(index),
      midr: spec.midr ?? DEFAULT_MIDR,
      idRegs,
      mmuOffAlignFault: config.mmuOffAlignment === 'fault',
      tlbPolicy: config.tlbPolicy,
    });
    const key = [...set].sort().join(',');
    let cache = cacheByFeatures.get(key);
    if (!cache) {
      cache = new DecodeCache(new Decoder(patterns, set), bus);
      cacheByFeatures.set(key, cache);
    }
    machine.addCpu(cpu, cache);
  });

  for (const p of plugins) p.manifest.realize?.(machine, p.options);
  machine.reset();
  return machine;
}
