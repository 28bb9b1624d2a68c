/**
 * @hypsim/core — the microkernel of hypsim. This file is the package's public API.
 */
import 'reflect-metadata';

export {
  createMachine,
  Machine,
  MachineConfigError,
  type CreateMachineOptions,
} from './machine/machine.js';
export {
  machineConfigSchema,
  cpuSpecSchema,
  memorySpecSchema,
  pluginSpecSchema,
  sizeOrAddress,
  formatIssues,
  type MachineConfig,
  type MachineConfigInput,
} from './config/schema.js';
export { definePlugin, type PluginManifest } from './plugin/manifest.js';
export type { InstalledPlugin } from './plugin/install.js';
export type { FeatureDef, IdFieldValue } from './features/feature.js';
export { coreFeatures } from './features/core-features.js';

export { token, resolve, registerValue, type Token } from './di/token.js';
export * from './di/tokens.js';

export { EventBus, type EventName, type Listener } from './events/bus.js';
export type {
  CoreEvents,
  ExceptionEvent,
  ExceptionKind,
  EretEvent,
  SysregEvent,
  InsnEvent,
  CostEvent,
} from './events/events.js';

export { Cpu, SLOT_SP, SLOT_ZR, SLOT_SINK, type SysRegApi, type CoreSlots } from './cpu/cpu.js';
export {
  takeException,
  raiseSync,
  raiseCall,
  routeSync,
  undefinedInstruction,
  exceptionReturn,
  pendingInterrupt,
  takeInterrupt,
  wakeupPending,
  EXCEPTION_TAKEN,
  isExceptionTaken,
} from './cpu/exception.js';
export { EC, esr, syndrome, FSC, type ExceptionClass } from './cpu/syndrome.js';
export * from './cpu/pstate.js';
export { AccessKind, flatTranslator, type AddressTranslator } from './cpu/translate.js';
export { load, load64, store, store64, dataAddress } from './cpu/memory.js';
export { ExclusiveMonitors, ERG_BYTES } from './cpu/monitor.js';
export type { InterruptController } from './cpu/interrupts.js';

export { SysRegRegistry, SysReg, aliasName } from './sysreg/registry.js';
export {
  SysRegAccessError,
  encodingKey,
  formatEncoding,
  type SysRegDef,
  type SysRegField,
  type TrapRule,
  type TrapTarget,
  type Encoding,
  type AccessDir,
} from './sysreg/types.js';
export { BASE_SYSREGS, ID_REGISTERS } from './sysreg/base.js';

export {
  pattern,
  parsePattern,
  type InsnPattern,
  type DecodeTable,
  type Exec,
  type Fields,
} from './decode/pattern.js';
export { Decoder, compileTables, checkOverlaps, type CompiledPattern } from './decode/decoder.js';
export { DecodeCache, DecodedPage, PAGE_SIZE } from './decode/cache.js';
export { coreDecodeTables, CORE_PRIORITY } from './isa/tables.js';
export { rz, wz, rsp, sext } from './isa/operands.js';

export { Bus, BusError, RamRegion, type MmioDevice, type AccessSize } from './memory/bus.js';

export { runMachine, runCpu, type RunOptions } from './run/runner.js';
export type { StopReason } from './run/stop.js';
export type { InsnSampler } from './run/sampler.js';

export { CostAccounting, type CostCounters } from './cost/accounting.js';
export { DEFAULT_COST_MODEL, makeCostModel, type CostModel } from './cost/model.js';

export { Prng } from './util/prng.js';
export * from './util/u64.js';

export {
  loadElf,
  loadRaw,
  ImageError,
  type LoadedImage,
  type LoadedSegment,
} from './loader/elf.js';
export {
  installSemihosting,
  SEMIHOSTING_HLT,
  SYS,
  TICK_HZ,
  ADP_Stopped_ApplicationExit,
  type SemihostingIo,
} from './semihost/semihosting.js';
export { machineWithCode, runToEnd, TEST_CODE_BASE } from './testing.js';
export { Mmu, NG_FLAG, type TlbPolicy } from './mmu/mmu.js';
export { MmuSysOps } from './mmu/maintenance.js';
export { Tlb, Perm, Regime, TLB_SIZE, tlbIndex } from './mmu/tlb.js';
export {
  WalkResult,
  walkTables,
  readDescriptor,
  descAddress,
  type WalkParams,
  type TableAddressHook,
} from './mmu/walk.js';
export { Stage2Result, type Stage2Hook } from './mmu/stage2-hook.js';
export { SYS_OPS, type SysOpDef, type SysOpHandler } from './isa/sys-ops.js';
