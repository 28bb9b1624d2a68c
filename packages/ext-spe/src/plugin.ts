import {
  CostModelToken,
  InterruptControllerToken,
  PrngToken,
  resolve,
  definePlugin,
  type InterruptController,
} from '@hypsim/core';
import { speOptionsSchema, type SpeOptions } from './options.js';
import { PSB_CSYNC } from './psb.js';
import { FEAT_SPE, PMSVER_SPEV1, SPE_SYSREGS } from './registers.js';
import { SpeState, SpeStateToken, speSlots } from './state.js';
import { drain } from './unit/buffer.js';
import { SpeSampler } from './unit/sampler.js';

export const SPE_PLUGIN_ID = '@hypsim/ext-spe';

/**
 * Above the core's priority (0) so PSB CSYNC's exact encoding wins over the core HINT space
 * on CPUs with FEAT_SPE.
 */
export const SPE_DECODE_PRIORITY = 1;

/**
 * The Statistical Profiling Extension plugin: FEAT_SPE (ID_AA64DFR0_EL1.PMSVer = 1, per CPU,
 * so a machine can mix CPUs with and without SPE), the SPE registers with the MDCR_EL2
 * TPMS/E2PB traps and ownership, PSB CSYNC, and on every CPU with SPE the sampler (installed
 * in core's `cpu.sampler` seam) and the profiling buffer. The buffer management interrupt goes
 * through the board's interrupt controller (`InterruptControllerToken`) when there is one.
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
  realize(machine, options) {
    const c = machine.container;
    const irq = (): InterruptController | undefined =>
      c.isRegistered(InterruptControllerToken, true)
        ? resolve<InterruptController>(c, InterruptControllerToken)
        : undefined;
    const costs = c.isRegistered(CostModelToken, true) ? resolve(c, CostModelToken) : undefined;
    const prng = resolve(c, PrngToken);
    const opts = speOptionsSchema.parse(options ?? {});
    for (const cpu of machine.cpus) {
      if (!cpu.hasFeature(FEAT_SPE)) continue;
      const present = (n: string) => {
        const r = cpu.registry.get(n);
        return r !== undefined && cpu.present[r.index] === 1 ? r : undefined;
      };
      const st = new SpeState(
        speSlots(cpu),
        opts,
        prng,
        costs,
        irq,
        present('CNTPCT_EL0'),
        present('CNTVCT_EL0'),
      );
      st.flush = (cpu) => drain(cpu, st);
      cpu.attach(SpeStateToken, st);
      st.sampler = new SpeSampler(st);
      // Installed in cpu.sampler while PMBLIMITR_EL1.E = 1 (the register's write hook).
      if ((cpu.sys[st.slots.PMBLIMITR_EL1]! & 1) !== 0) cpu.sampler = st.sampler;
    }
  },
  reset(cpu) {
    const st = cpu.tryGet(SpeStateToken);
    if (st === undefined) return;
    st.reset();
    cpu.sampler = undefined; // PMBLIMITR_EL1 resets to 0: the buffer is disabled
  },
});
