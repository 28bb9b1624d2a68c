import { describe, expect, it } from 'vitest';
import { createMachine } from '@hypsim/core';
import { installPsci, PSCI } from './psci.js';

const CODE = 0x4008_0000;
const HVC0 = 0xd4000002;
const SMC0 = 0xd4000003;
const NOP = 0xd503201f;

function call(features: string[], insn: number, x0: number, x1 = 0n, x2 = 0n, x3 = 0n, cpus = 1) {
  const m = createMachine({ cpus: [{ count: cpus, features }] });
  installPsci(m);
  const cpu = m.cpus[0]!;
  for (const c of m.cpus.slice(1)) c.off = true;
  cpu.setMode(1, 1);
  m.bus.write32(CODE, insn);
  m.bus.write32(CODE + 4, NOP);
  cpu.pc = BigInt(CODE);
  cpu.setX(0, BigInt(x0));
  cpu.setX(1, x1);
  cpu.setX(2, x2);
  cpu.setX(3, x3);
  const stop = m.run({ maxInstructions: 1 });
  return { m, cpu, stop, x0: BigInt.asIntN(64, cpu.x(0)) };
}

describe('PSCI firmware (QEMU virt)', () => {
  it('answers through HVC without EL2, as QEMU -M virt does', () => {
    const r = call([], HVC0, PSCI.VERSION);
    expect(r.x0).toBe(0x10001n);
    expect(r.cpu.pc).toBe(BigInt(CODE + 4)); // no exception taken
  });

  it('answers through SMC with EL2 and leaves HVC architectural there', () => {
    expect(call(['FEAT_AA64EL2'], SMC0, PSCI.VERSION).x0).toBe(0x10001n);
    const h = call(['FEAT_AA64EL2'], HVC0, PSCI.VERSION);
    expect(h.cpu.el).toBe(2); // a real HVC exception to EL2
  });

  it('reports features and NOT_SUPPORTED for anything unknown', () => {
    expect(call([], HVC0, PSCI.FEATURES, BigInt(PSCI.SYSTEM_OFF)).x0).toBe(0n);
    expect(call([], HVC0, PSCI.FEATURES, 0x12345678n).x0).toBe(-1n);
    expect(call([], HVC0, 0x12345).x0).toBe(-1n);
    expect(call([], HVC0, PSCI.MIGRATE_INFO_TYPE).x0).toBe(2n);
  });

  it('turns a CPU on at the entry point with the context in X0, and reports affinity', () => {
    const r = call([], HVC0, PSCI.CPU_ON64, 0x80000001n, 0x4009_0000n, 0xabcdn, 2);
    expect(r.x0).toBe(0n);
    const t = r.m.cpus[1]!;
    expect(t.off).toBe(false);
    expect(t.pc).toBe(0x4009_0000n);
    expect(t.x(0)).toBe(0xabcdn);
    expect(t.el).toBe(1);
    expect(call([], HVC0, PSCI.AFFINITY_INFO64, 0x80000001n, 0n, 0n, 2).x0).toBe(1n); // off
    expect(call([], HVC0, PSCI.CPU_ON64, 0x80000000n, 0x4009_0000n, 0n, 2).x0).toBe(-4n); // ALREADY_ON
    expect(call([], HVC0, PSCI.CPU_ON64, 0x8000_0007n, 0x4009_0000n, 0n, 2).x0).toBe(-2n);
  });

  it('stops the run with exit code 0 on SYSTEM_OFF', () => {
    expect(call([], HVC0, PSCI.SYSTEM_OFF).stop).toEqual({ kind: 'exit', code: 0, cpu: 0 });
  });
});
