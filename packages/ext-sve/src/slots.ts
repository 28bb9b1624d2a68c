import type { Cpu, SysRegRegistry } from '@hypsim/core';

/** Storage slots (index into `cpu.sys`, low word) of the registers SVE consults. */
export interface SveSlots {
  cpacr: number;
  cptr: number;
  zcr1: number;
  zcr2: number;
}

const byRegistry = new WeakMap<SysRegRegistry, SveSlots>();

/** Resolved once per registry, never per access. */
export function sveSlots(cpu: Cpu): SveSlots {
  let s = byRegistry.get(cpu.registry);
  if (!s) {
    const r = cpu.registry;
    s = {
      cpacr: 2 * r.require('CPACR_EL1').index,
      cptr: 2 * r.require('CPTR_EL2').index,
      zcr1: 2 * r.require('ZCR_EL1').index,
      zcr2: 2 * r.require('ZCR_EL2').index,
    };
    byRegistry.set(r, s);
  }
  return s;
}
