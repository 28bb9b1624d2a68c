/** @hypsim/ext-spe — the Statistical Profiling Extension for hypsim. */
export { spePlugin, SPE_PLUGIN_ID, SPE_DECODE_PRIORITY } from './plugin.js';
export { speOptionsSchema, type SpeOptions } from './options.js';
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
