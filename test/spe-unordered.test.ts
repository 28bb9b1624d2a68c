import { describe, expect, it } from 'vitest';
import { SpeStateToken } from '@hypsim/ext-spe';
import { num, runGuest } from './spe-machine.js';

/**
 * The `unordered` write-order policy (seed 004, spe.md §2 DL): records land out of order with
 * gaps until PSB CSYNC or a management event; the outcomes come from the machine's PRNG.
 */
describe('unordered write order', () => {
  const seq = runGuest('spe_profile');
  const un = runGuest('spe_profile', { spe: { writeOrder: 'unordered' } });

  it('after PSB CSYNC the buffer holds the same records as with sequential writes', () => {
    expect(un.status, un.out).toBe(0);
    const a = seq.phases.get('el1')!;
    const b = un.phases.get('el1')!;
    expect(b.ptr).toBe(a.ptr);
    const len = num(a.ptr) - num(a.buf);
    expect(un.m.bus.readBytes(num(b.buf), len)).toEqual(seq.m.bus.readBytes(num(a.buf), len));
  });

  it('before PSB CSYNC, later records can be in memory while earlier ones are not (gaps)', () => {
    let sawGap = false;
    const r = runGuest('spe_profile', {
      spe: { writeOrder: 'unordered' },
      before: (m) => {
        const st = m.cpus[0]!.get(SpeStateToken);
        const hook = (): void => {
          if (st.pending.length === 0) return;
          const lowest = st.pending.reduce((x, p) => (p.va < x ? p.va : x), st.pending[0]!.va);
          const ptr = m.cpus[0]!.sysreg.peek('PMBPTR_EL1');
          // A gap: the lowest pending record is still unwritten (zeros) while bytes above it are not.
          const pendingBytes = m.bus.readBytes(Number(lowest), 8);
          const above = m.bus.readBytes(Number(lowest) + 8, Number(ptr - lowest) - 8);
          if (pendingBytes.every((x) => x === 0) && above.some((x) => x !== 0)) sawGap = true;
        };
        st.onRecord = hook;
      },
    });
    expect(r.status, r.out).toBe(0);
    expect(sawGap).toBe(true);
  });

  it('a fault while draining: EC 0x24, S=1; DL=0 only when PMBPTR is the end of the complete records', () => {
    for (const phase of ['s1_fault_start', 's1_fault_cross']) {
      const p = un.phases.get(phase)!;
      const sr = num(p.sr);
      expect(sr >>> 26, phase).toBe(0x24);
      expect(sr & (1 << 17)).not.toBe(0);
      if ((sr & (1 << 19)) === 0)
        expect(p.ptr, phase).toBe(phase === 's1_fault_start' ? p.buf : p.ptr);
    }
    const cross = un.phases.get('s1_fault_cross')!;
    expect(num(cross.sr) & (1 << 19)).not.toBe(0);
    expect(num(cross.ptr) % 4096).toBe(0);
  });

  it('is reproducible: the same seed gives the same memory, another seed may not', () => {
    const again = runGuest('spe_profile', { spe: { writeOrder: 'unordered' } });
    expect(again.out).toBe(un.out);
  });
});
