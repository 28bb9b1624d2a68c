/** @hypsim/ext-stage2 — stage-2 translation and a stage-2 manager for hypsim. */
export {
  stage2Plugin,
  STAGE2_PLUGIN_ID,
  stage2OptionsSchema,
  type Stage2Options,
} from './plugin.js';
export { STAGE2_SYSREGS } from './regs.js';
export { Stage2Translator } from './stage2.js';
export { Stage2Regs, Stage2RegsToken, stage2Regs } from './state.js';
export {
  Stage2Manager,
  type Stage2ManagerOptions,
  type S2Perms,
  type S2MemType,
} from './manager.js';
