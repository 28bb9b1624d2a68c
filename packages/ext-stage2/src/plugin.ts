import { definePlugin } from '@hypsim/core';
import { z } from 'zod';
import { STAGE2_SYSREGS } from './regs.js';
import { Stage2Translator } from './stage2.js';
import { stage2Regs } from './state.js';

export const STAGE2_PLUGIN_ID = '@hypsim/ext-stage2';

export const stage2OptionsSchema = z
  .object({
    tlbPolicy: z
      .enum(['walk', 'strict'])
      .optional()
      .describe("Overrides the machine's tlbPolicy for every CPU"),
  })
  .strict();
export type Stage2Options = z.infer<typeof stage2OptionsSchema>;

/**
 * Stage 2 for the EL1&0 regime: VTTBR_EL2, VTCR_EL2, HPFAR_EL2, and on every CPU with EL2 a
 * `Stage2Translator` installed as the core MMU's stage-2 hook (active while HCR_EL2.VM=1).
 */
export const stage2Plugin = definePlugin<Stage2Options>({
  id: STAGE2_PLUGIN_ID,
  options: stage2OptionsSchema,
  sysregs: STAGE2_SYSREGS,
  realize(machine, options) {
    const policy = options?.tlbPolicy ?? machine.config.tlbPolicy;
    for (const cpu of machine.cpus) {
      cpu.mmu.setPolicy(policy);
      if (!cpu.hasEL2) continue;
      stage2Regs(cpu);
      cpu.mmu.setStage2(new Stage2Translator());
    }
  },
});
