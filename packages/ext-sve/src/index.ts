/** @hypsim/ext-sve — the Scalable Vector Extension for hypsim. */
export { svePlugin, SVE_PLUGIN_ID, maxVlOf } from './plugin.js';
export {
  sveCpuOptionsSchema,
  sveOptionsSchema,
  DEFAULT_MAX_VL,
  type SveCpuOptions,
  type SveOptions,
  type VlPolicy,
} from './options.js';
export { SveState, SveStateToken, sveState, FFR } from './state.js';
export { sveTrapEl, checkSveAccess, zcrTrap } from './traps.js';
export { effectiveVl, vqForEl, syncVq } from './vl.js';
export { SVE_SYSREGS, ZCR_LEN_MASK } from './sysregs.js';
export { saveSve, restoreSve, sveStateBytes, sveZOffset, svePOffset } from './layout.js';
export { svePatterns } from './insns.js';
export { ffrPatterns, predTestFlags } from './ffr.js';
