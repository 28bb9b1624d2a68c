import type { DependencyContainer } from 'tsyringe';
import type { z } from 'zod';
import type { Cpu } from '../cpu/cpu.js';
import type { DecodeTable } from '../decode/pattern.js';
import type { FeatureDef } from '../features/feature.js';
import type { Machine } from '../machine/machine.js';
import type { SysRegDef } from '../sysreg/types.js';

/**
 * What a plugin package contributes. Everything declarative is checked at machine creation
 * (duplicate ids, missing dependencies, sysreg encoding clashes, overlapping decode patterns,
 * unknown features); the hooks run in dependency order.
 */
export interface PluginManifest<Options = unknown> {
  /** npm-style id, e.g. '@hypsim/ext-sve'. */
  id: string;
  /** Plugin ids that must be installed (they are installed first). */
  requires?: readonly string[];
  /** Features (and the ID-register fields they set) this plugin implements. */
  features?: readonly FeatureDef[];
  sysregs?: readonly SysRegDef[];
  decode?: readonly DecodeTable[];
  /** Names of the events this plugin emits (declared on CoreEvents by declaration merging). */
  events?: readonly string[];
  /** Machine-wide options, validated when the machine is created. */
  options?: z.ZodType<Options>;
  /** Per-CPU options (e.g. SVE maximum VL), validated per CPU. */
  cpuOptions?: z.ZodType;
  /** Register services in the machine's container (a child container, never the global one). */
  register?(container: DependencyContainer, options: Options): void;
  /** After CPUs exist: attach per-CPU state, map devices, subscribe to events. */
  realize?(machine: Machine, options: Options): void;
  /** On every CPU reset, after the core reset. */
  reset?(cpu: Cpu, machine: Machine, options: Options): void;
}

/** Typed helper for writing a manifest: `definePlugin<MyOptions>({ ... })`. */
export function definePlugin<Options>(m: PluginManifest<Options>): PluginManifest<Options> {
  return m;
}
