import { describe, expect, it } from 'vitest';
import { describeCase, loadCases, runCase } from './qemu-cases.js';

/**
 * Single instructions vs QEMU 7.2 (-cpu max): random instructions from every scalar FP group
 * and every AdvSIMD FP form, with operands biased to special values, under random FPCR
 * (RMode, FZ, DN); and FMADD/FMLA/FMUL/FDIV/FSQRT with addends chosen to cancel the product
 * and operands near the underflow and overflow thresholds.
 */
describe.each([
  ['scalar FP data processing', 'scalar.txt'],
  ['AdvSIMD FP forms', 'simd.txt'],
  ['fused multiply-add, cancellation and underflow', 'fused.txt'],
])('%s vs QEMU', (_name, file) => {
  const cases = loadCases(process.env.FPCASES ?? file);
  it(`matches ${cases.length} recorded cases bit for bit (incl. FPSR)`, () => {
    const bad: string[] = [];
    for (const c of cases) {
      const e = runCase(c);
      if (e.length) bad.push(`${describeCase(c)}\n  ${e.join('\n  ')}`);
    }
    expect(bad.slice(0, 15).join('\n'), `${bad.length} mismatches`).toBe('');
  });
});
