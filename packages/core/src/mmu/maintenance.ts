import type { Cpu } from '../cpu/cpu.js';
import { AccessKind } from '../cpu/translate.js';
import type { SysOpDef, SysOpHandler } from '../isa/sys-ops.js';
import type { Mmu } from './mmu.js';
import { Regime } from './tlb.js';

/**
 * TLBI and AT for a CPU with an MMU (Arm ARM C5.5 TLB maintenance, C5.4 address translation).
 * TLBI removes the matching entries of this CPU's TLB; the Inner Shareable forms also reach
 * every CPU of the machine (the CPUs sharing this CPU's exclusive monitors).
 */
export class MmuSysOps implements SysOpHandler {
  constructor(private readonly mmu: Mmu) {}

  tlbi(cpu: Cpu, op: SysOpDef, lo: number, hi: number): void {
    const name = op.name.slice(5);
    const is = name.endsWith('IS');
    const base = is ? name.slice(0, -2) : name;
    const targets = is ? cpu.monitors.cpus.map((c) => c.mmu) : [this.mmu];
    const host = cpu.el === 2 && cpu.e2h && cpu.tge;
    const vmid = this.mmu.currentVmid();
    // VA operand: Xt[43:0] = VA[55:12], sign-extended from VA bit 55; ASID in Xt[63:48].
    const vaLo = lo << 12;
    const vaHi = ((((hi << 12) | (lo >>> 20)) & 0xffffff) << 8) >> 8;
    const asid = this.mmu.asidOperand(hi >>> 16, host ? Regime.EL20 : Regime.EL10);
    const el10 = host ? Regime.EL20 : Regime.EL10 | (vmid << 2);
    const el2 = cpu.e2h ? Regime.EL20 : Regime.EL2;
    if (cpu.events.has('cost')) cpu.events.emit('cost', { cpu, op: 'tlbi', count: 1 });
    // Under `strict` an invalidation only completes at this CPU's next DSB (Arm ARM: TLB
    // maintenance is complete only after a DSB), so code that forgets the DSB keeps seeing
    // the stale translation; under `walk` it completes at once.
    const apply = (): void =>
      this.invalidate(targets, base, vmid, vaLo, vaHi, asid, el10, el2, lo, hi);
    if (this.mmu.policy === 'strict') this.pending.push(apply);
    else apply();
  }

  private readonly pending: Array<() => void> = [];

  dsb(_cpu: Cpu): void {
    const p = this.pending;
    if (p.length === 0) return;
    for (const apply of p) apply();
    p.length = 0;
  }

  private invalidate(
    targets: readonly Mmu[],
    base: string,
    vmid: number,
    vaLo: number,
    vaHi: number,
    asid: number,
    el10: number,
    el2: number,
    lo: number,
    hi: number,
  ): void {
    for (const m of targets) {
      const t = m.tlb;
      switch (base) {
        case 'VMALLE1':
          t.invalidate(-1, el10, -2, true, 0, undefined);
          break;
        case 'VAE1':
        case 'VALE1':
          t.invalidate(-1, el10, asid, true, vaLo, vaHi);
          break;
        case 'ASIDE1':
          t.invalidate(-1, el10, asid, false, 0, undefined);
          break;
        case 'VAAE1':
        case 'VAALE1':
          t.invalidate(-1, el10, -2, true, vaLo, vaHi);
          break;
        case 'ALLE2':
          t.invalidate(3, Regime.EL2, -2, true, 0, undefined);
          t.invalidate(3, Regime.EL20, -2, true, 0, undefined);
          break;
        case 'VAE2':
        case 'VALE2':
          t.invalidate(
            -1,
            el2,
            el2 === Regime.EL20 ? m.asidOperand(hi >>> 16, Regime.EL20) : -2,
            true,
            vaLo,
            vaHi,
          );
          break;
        case 'ALLE1':
          t.invalidate(3, Regime.EL10, -2, true, 0, undefined);
          break;
        case 'VMALLS12E1':
          t.invalidate(-1, Regime.EL10 | (vmid << 2), -2, true, 0, undefined);
          break;
        case 'IPAS2E1':
        case 'IPAS2LE1': {
          // Xt[35:0] = IPA[47:12]. Only stage-2-only entries must go (Arm ARM: combined
          // stage 1+2 entries need a stage-1 invalidation); the `walk` policy drops all.
          const ipa = ((hi & 0xf) * 0x1_0000_0000 + (lo >>> 0)) * 4096;
          t.invalidate(
            -1,
            Regime.EL10 | (vmid << 2),
            -2,
            true,
            0,
            undefined,
            ipa,
            m.policy === 'strict',
          );
          break;
        }
        default:
          break;
      }
    }
  }

  at(_cpu: Cpu, op: SysOpDef, lo: number, hi: number): void {
    const n = op.name.slice(3);
    const write = n.endsWith('W');
    const el = n.startsWith('S1E2') ? 2 : n.includes('E0') ? 0 : 1;
    const both = n.startsWith('S12');
    this.mmu.addressTranslate(lo, hi, el, write ? AccessKind.Write : AccessKind.Read, !both);
  }
}
