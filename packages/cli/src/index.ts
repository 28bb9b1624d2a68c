/** @hypsim/cli — the hypsim command, also usable as a library. */
export { runCli, type CliIo } from './program.js';
export { runCliCaptured, type CapturedRun } from './capture.js';
export {
  runBareMetal,
  prepareBareMetal,
  maxCpuFeatures,
  statusOf,
  STATUS,
  RAM_BASE,
  DEFAULT_BARE_METAL_SVE_VL,
  deviceTreeFor,
  isRawImage,
  type BareMetalOptions,
  type BareMetalResult,
} from './bare-metal.js';
export {
  loadGuestManifest,
  loadSveManifest,
  guestsDir,
  type GuestEntry,
  type SveGuestEntry,
} from './guests.js';
