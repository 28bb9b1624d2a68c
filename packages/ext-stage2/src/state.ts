import { token, type Cpu } from '@hypsim/core';

/** Register storage slots of the stage-2 registers, and the configuration generation. */
export class Stage2Regs {
  /** Bumped on every VTTBR_EL2 / VTCR_EL2 write: the `walk` TLB policy compares it. */
  generation = 0;

  constructor(
    readonly vttbr: number,
    readonly vtcr: number,
    readonly hpfar: number,
    readonly hcr: number,
  ) {}

  static of(cpu: Cpu): Stage2Regs {
    const s = (n: string): number => 2 * cpu.registry.require(n).index;
    return new Stage2Regs(s('VTTBR_EL2'), s('VTCR_EL2'), s('HPFAR_EL2'), s('HCR_EL2'));
  }
}

export const Stage2RegsToken = token<Stage2Regs>('ext-stage2/Stage2Regs');

export function stage2Regs(cpu: Cpu): Stage2Regs {
  let r = cpu.tryGet(Stage2RegsToken);
  if (r === undefined) {
    r = Stage2Regs.of(cpu);
    cpu.attach(Stage2RegsToken, r);
  }
  return r;
}
