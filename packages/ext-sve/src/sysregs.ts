import type { Cpu, SysRegDef } from '@hypsim/core';
import { sveSlots } from './slots.js';
import { sveState } from './state.js';
import { zcrTrap } from './traps.js';
import { syncVq } from './vl.js';

/** ZCR_ELx.LEN (bits 3:0) is the only writable field; bits 8:4 are RAZ/WI, 63:9 RES0. */
export const ZCR_LEN_MASK = 0xf;

const FIELDS = [{ name: 'LEN', lsb: 0, width: 4 }] as const;

/**
 * A ZCR write: the VL before the write is synchronised first (an EL change may not have been
 * seen yet), then the new LEN is stored and the VL re-evaluated at once, so a shrink followed
 * by a grow applies the policy even if no SVE instruction runs in between. A direct read
 * returns LEN as written (the constraint by higher ELs and the maximum applies only to the
 * effective VL).
 */
function zcrWrite(which: 'zcr1' | 'zcr2') {
  return (cpu: Cpu, lo: number): void => {
    const st = sveState(cpu);
    syncVq(cpu, st);
    const slot = sveSlots(cpu)[which];
    cpu.sys[slot] = lo & ZCR_LEN_MASK;
    cpu.sys[slot + 1] = 0;
    st.vqEpoch = -1;
    syncVq(cpu, st);
  };
}

const TRAPS = [
  {
    check: zcrTrap,
    describe: 'SVE access trap (CPACR_EL1.ZEN, CPTR_EL2.TZ/ZEN), EC 0x19',
  },
] as const;

/** ZCR_EL1 (E2H-redirected to ZCR_EL2; the registry generates ZCR_EL12) and ZCR_EL2. */
export const SVE_SYSREGS: readonly SysRegDef[] = [
  {
    name: 'ZCR_EL1',
    encoding: [3, 0, 1, 2, 0],
    minEL: 1,
    feature: 'FEAT_SVE',
    e2hRedirect: 'ZCR_EL2',
    writeMask: BigInt(ZCR_LEN_MASK),
    fields: FIELDS,
    group: 'sve',
    traps: TRAPS,
    write: zcrWrite('zcr1'),
  },
  {
    name: 'ZCR_EL2',
    encoding: [3, 4, 1, 2, 0],
    minEL: 2,
    feature: 'FEAT_SVE',
    writeMask: BigInt(ZCR_LEN_MASK),
    fields: FIELDS,
    group: 'sve',
    traps: TRAPS,
    write: zcrWrite('zcr2'),
  },
];
