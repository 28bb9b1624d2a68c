/** @hypsim/ext-fpsimd — FP and Advanced SIMD for hypsim. */
export {
  fpsimdPlugin,
  FPSIMD_PLUGIN_ID,
  fpsimdOptionsSchema,
  FPCR_WRITE_MASK,
  FPSR_WRITE_MASK,
  type FpsimdOptions,
} from './plugin.js';
export { FpState, FpStateToken, fpState } from './state.js';
export { fpTrapEl, checkFpAccess, fpSysregTrap } from './traps.js';
export { saveFpsimd, restoreFpsimd, FPSIMD_STATE_BYTES } from './layout.js';
export { v, setV, vBytes, setVBytes, vLanes, type LaneType } from './accessors.js';
