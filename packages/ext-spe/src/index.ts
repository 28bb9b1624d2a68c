/** @hypsim/ext-spe — the Statistical Profiling Extension for hypsim. */
export { spePlugin, SPE_PLUGIN_ID, SPE_DECODE_PRIORITY } from './plugin.js';
export { speOptionsSchema, SPE_DEFAULT_IRQ, type SpeOptions } from './options.js';
export * from './registers.js';
export {
  owningEl,
  programmingNotAllowed,
  e2pb,
  tpmsTrap,
  e2pbTrap,
  MDCR_EL2_E2PB_SHIFT,
  MDCR_EL2_TPMS,
} from './ownership.js';
export { psbCsync, SpeState, SpeStateToken, PSB_CSYNC, PSB_CSYNC_WORD } from './psb.js';
export type { SampledOp, PendingRecord, SpeSlots } from './state.js';
export { SpeSampler, profilingEnabled, passesFilters, buildRecord } from './unit/sampler.js';
export { emitRecord, drain, updateIrq } from './unit/buffer.js';
export { classify, type InsnClass, type InsnGroup, type LatencyClass } from './unit/classify.js';
export { latencies, executionCycles, ISSUE_CYCLES, WALK_CYCLES } from './unit/latency.js';
export * from './packets/types.js';
export * from './packets/encode.js';
export {
  decodeSpeBuffer,
  decodePacket,
  decodeOpType,
  type DecodeOptions,
  type DecodedPacket,
} from './packets/decode.js';
export {
  formatRecord,
  formatSpeBuffer,
  formatPacket,
  formatOpType,
  eventNames,
  recordToJson,
} from './packets/format.js';
