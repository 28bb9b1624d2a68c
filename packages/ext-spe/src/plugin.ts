import { definePlugin } from '@hypsim/core';
import { speOptionsSchema, type SpeOptions } from './options.js';
import { PSB_CSYNC, SpeState, SpeStateToken } from './psb.js';
import { FEAT_SPE, PMSVER_SPEV1, SPE_SYSREGS } from './registers.js';

export const SPE_PLUGIN_ID = '@hypsim/ext-spe';

/**
 * Above the core's priority (0) so PSB CSYNC's exact encoding wins over the core HINT space
 * on CPUs with FEAT_SPE.
 */
export const SPE_DECODE_PRIORITY = 1;

/**
 * The Statistical Profiling Extension plugin: FEAT_SPE (ID_AA64DFR0_EL1.PMSVer = 1, per CPU,
 * so a machine can mix CPUs with and without SPE), the SPE registers with the MDCR_EL2
 * TPMS/E2PB traps and ownership, PSB CSYNC, and an SpeState on every CPU with SPE.
 */
export const spePlugin = definePlugin<SpeOptions>({
  id: SPE_PLUGIN_ID,
  options: speOptionsSchema,
  features: [
    {
      name: FEAT_SPE,
      description: 'Statistical Profiling Extension (SPEv1)',
      idFields: [
        { reg: 'ID_AA64DFR0_EL1', field: 'PMSVer', lsb: 32, width: 4, value: PMSVER_SPEV1 },
      ],
    },
  ],
  sysregs: SPE_SYSREGS,
  decode: [{ name: 'spe/psb', priority: SPE_DECODE_PRIORITY, patterns: [PSB_CSYNC] }],
  realize(machine) {
    for (const cpu of machine.cpus)
      if (cpu.hasFeature(FEAT_SPE)) cpu.attach(SpeStateToken, new SpeState());
  },
  reset(cpu) {
    cpu.tryGet(SpeStateToken)?.reset();
  },
});
