import { describe, expect, it } from 'vitest';
import { fdtNodePaths, virtDeviceTree } from './fdt.js';

describe('device tree', () => {
  const blob = virtDeviceTree({
    ramBase: 0x4000_0000,
    ramSize: 0x800_0000,
    cpuAffinities: [0, 1],
    psciMethod: 'smc',
    el2: true,
    bootargs: 'console=ttyAMA0',
    initrd: { start: 0x4400_0000, end: 0x4400_1000 },
  }).toBlob();

  it('is a version-17 FDT', () => {
    const dv = new DataView(blob.buffer);
    expect(dv.getUint32(0)).toBe(0xd00dfeed);
    expect(dv.getUint32(4)).toBe(blob.length);
    expect(dv.getUint32(20)).toBe(17);
  });

  it('has the nodes of QEMU virt for the modelled devices', () => {
    expect(fdtNodePaths(blob)).toEqual([
      '/',
      '/psci',
      '/memory@40000000',
      '/pl011@9000000',
      '/intc@8000000',
      '/cpus',
      '/cpus/cpu-map',
      '/cpus/cpu-map/socket0',
      '/cpus/cpu-map/socket0/cluster0',
      '/cpus/cpu-map/socket0/cluster0/core0',
      '/cpus/cpu-map/socket0/cluster0/core1',
      '/cpus/cpu@0',
      '/cpus/cpu@1',
      '/timer',
      '/apb-pclk',
      '/chosen',
    ]);
  });

  it('carries bootargs and the PSCI conduit as strings', () => {
    const text = new TextDecoder('latin1').decode(blob);
    expect(text).toContain('console=ttyAMA0\0');
    expect(text).toContain('smc\0');
  });
});
