/**
 * Flattened device tree (DTSpec v0.4, version 17) writer, and the tree QEMU 7.2 builds for
 * `-M virt,gic-version=3` restricted to the devices hypsim models.
 */

type PropValue = string | readonly string[] | readonly number[] | Uint8Array | null;

interface Node {
  name: string;
  props: Array<[string, PropValue]>;
  children: Node[];
}

const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_END = 9;

/** A small tree builder; `toBlob` serialises it. */
export class FdtTree {
  readonly root: Node = { name: '', props: [], children: [] };

  node(path: string): Node {
    let n = this.root;
    for (const part of path.split('/').filter((p) => p.length > 0)) {
      let c = n.children.find((x) => x.name === part);
      if (!c) {
        c = { name: part, props: [], children: [] };
        n.children.push(c);
      }
      n = c;
    }
    return n;
  }

  prop(path: string, name: string, value: PropValue): this {
    this.node(path).props.push([name, value]);
    return this;
  }

  /** Serialises to a DTB with no memory reservations, padded to `minSize` bytes. */
  toBlob(minSize = 0): Uint8Array {
    const strings: number[] = [];
    const stringOff = new Map<string, number>();
    const struct: number[] = [];
    const enc = new TextEncoder();
    const u32 = (v: number): void => {
      struct.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    };
    const pad = (): void => {
      while (struct.length % 4) struct.push(0);
    };
    const bytesOf = (v: PropValue): Uint8Array => {
      if (v === null) return new Uint8Array(0);
      if (v instanceof Uint8Array) return v;
      if (typeof v === 'string') return enc.encode(`${v}\0`);
      if (v.length > 0 && typeof v[0] === 'string')
        return enc.encode((v as readonly string[]).map((s) => `${s}\0`).join(''));
      const out = new Uint8Array(4 * v.length);
      const dv = new DataView(out.buffer);
      (v as readonly number[]).forEach((x, i) => dv.setUint32(4 * i, x >>> 0));
      return out;
    };
    const walk = (n: Node): void => {
      u32(FDT_BEGIN_NODE);
      struct.push(...enc.encode(n.name), 0);
      pad();
      for (const [name, value] of n.props) {
        let off = stringOff.get(name);
        if (off === undefined) {
          off = strings.length;
          stringOff.set(name, off);
          strings.push(...enc.encode(name), 0);
        }
        const b = bytesOf(value);
        u32(FDT_PROP);
        u32(b.length);
        u32(off);
        struct.push(...b);
        pad();
      }
      for (const c of n.children) walk(c);
      u32(FDT_END_NODE);
    };
    walk(this.root);
    u32(FDT_END);

    const header = 40;
    const rsvOff = header;
    const structOff = rsvOff + 16; // one terminating reservation entry
    const stringsOff = structOff + struct.length;
    const total = Math.max(minSize, stringsOff + strings.length);
    const blob = new Uint8Array(total);
    const dv = new DataView(blob.buffer);
    dv.setUint32(0, FDT_MAGIC);
    dv.setUint32(4, total);
    dv.setUint32(8, structOff);
    dv.setUint32(12, stringsOff);
    dv.setUint32(16, rsvOff);
    dv.setUint32(20, 17);
    dv.setUint32(24, 16);
    dv.setUint32(28, 0); // boot_cpuid_phys
    dv.setUint32(32, strings.length);
    dv.setUint32(36, struct.length);
    blob.set(struct, structOff);
    blob.set(strings, stringsOff);
    return blob;
  }
}

export interface VirtFdtOptions {
  /** RAM base and size in bytes. */
  ramBase: number;
  ramSize: number;
  /** MPIDR affinity (Aff0 | Aff1 << 8 …) of each CPU, in order. */
  cpuAffinities: readonly number[];
  /** PSCI conduit: 'hvc' at EL1 without EL2, 'smc' when the guest owns EL2. */
  psciMethod: 'hvc' | 'smc';
  /** Whether the guest owns EL2 (the GIC node then names the maintenance interrupt). */
  el2: boolean;
  bootargs?: string;
  initrd?: { start: number; end: number };
  /**
   * INTID of the SPE buffer management interrupt when the CPUs have SPE: adds the
   * `arm,statistical-profiling-extension-v1` node Linux's arm_spe_pmu driver probes (QEMU has
   * no SPE and no such node; FVP and Juno trees have it, with PPI 5 = INTID 21).
   */
  speIrq?: number;
}

const hi = (v: number): number => Math.floor(v / 0x1_0000_0000);
const lo = (v: number): number => v >>> 0;

/** GIC interrupt specifier cells: type (0 SPI, 1 PPI), number, flags (4 = level high). */
const PPI = 1;
const SPI = 0;
const LEVEL_HI = 4;

/**
 * The device tree QEMU 7.2 generates for `-M virt,gic-version=3 -cpu max` (node names, order,
 * properties and phandle numbering as QEMU's), for the devices the hypsim board has: memory,
 * CPUs with enable-method psci, the GICv3 (no ITS), the timer, the PL011 with its clock, /psci
 * and /chosen; plus, beyond QEMU, the SPE node when `speIrq` is given.
 */
export function virtDeviceTree(o: VirtFdtOptions): FdtTree {
  const t = new FdtTree();
  const n = o.cpuAffinities.length;
  const clk = 0x8000;
  const cpuPh = (i: number): number => 0x8000 + n - i; // QEMU numbers the CPUs downwards
  const gicPh = 0x8000 + n + 1;

  t.prop('/', 'interrupt-parent', [gicPh])
    .prop('/', 'model', 'linux,dummy-virt')
    .prop('/', '#size-cells', [2])
    .prop('/', '#address-cells', [2])
    .prop('/', 'compatible', 'linux,dummy-virt');

  t.prop('/psci', 'migrate', [0xc4000005])
    .prop('/psci', 'cpu_on', [0xc4000003])
    .prop('/psci', 'cpu_off', [0x84000002])
    .prop('/psci', 'cpu_suspend', [0xc4000001])
    .prop('/psci', 'method', o.psciMethod)
    .prop('/psci', 'compatible', ['arm,psci-1.0', 'arm,psci-0.2', 'arm,psci']);

  const mem = `/memory@${o.ramBase.toString(16)}`;
  t.prop(mem, 'reg', [hi(o.ramBase), lo(o.ramBase), hi(o.ramSize), lo(o.ramSize)]).prop(
    mem,
    'device_type',
    'memory',
  );

  const uart = '/pl011@9000000';
  t.prop(uart, 'clock-names', ['uartclk', 'apb_pclk'])
    .prop(uart, 'clocks', [clk, clk])
    .prop(uart, 'interrupts', [SPI, 1, LEVEL_HI])
    .prop(uart, 'reg', [0, 0x9000000, 0, 0x1000])
    .prop(uart, 'compatible', ['arm,pl011', 'arm,primecell']);

  const gic = '/intc@8000000';
  t.prop(gic, 'phandle', [gicPh]);
  if (o.el2) t.prop(gic, 'interrupts', [PPI, 9, LEVEL_HI]);
  t.prop(gic, 'reg', [0, 0x8000000, 0, 0x10000, 0, 0x80a0000, 0, 0xf60000])
    .prop(gic, '#redistributor-regions', [1])
    .prop(gic, 'compatible', 'arm,gic-v3')
    .prop(gic, 'ranges', null)
    .prop(gic, '#size-cells', [2])
    .prop(gic, '#address-cells', [2])
    .prop(gic, 'interrupt-controller', null)
    .prop(gic, '#interrupt-cells', [3]);

  t.prop('/cpus', '#size-cells', [0]).prop('/cpus', '#address-cells', [1]);
  for (let i = 0; i < n; i++) t.prop(`/cpus/cpu-map/socket0/cluster0/core${i}`, 'cpu', [cpuPh(i)]);
  for (let i = 0; i < n; i++) {
    const p = `/cpus/cpu@${o.cpuAffinities[i]!.toString(16)}`;
    t.prop(p, 'phandle', [cpuPh(i)])
      .prop(p, 'reg', [o.cpuAffinities[i]!])
      .prop(p, 'enable-method', 'psci')
      .prop(p, 'compatible', 'arm,cortex-a57')
      .prop(p, 'device_type', 'cpu');
  }

  // Secure physical (PPI 13), non-secure physical (14), virtual (11), hypervisor (10).
  t.prop('/timer', 'interrupts', [
    PPI,
    13,
    LEVEL_HI,
    PPI,
    14,
    LEVEL_HI,
    PPI,
    11,
    LEVEL_HI,
    PPI,
    10,
    LEVEL_HI,
  ])
    .prop('/timer', 'always-on', null)
    .prop('/timer', 'compatible', ['arm,armv8-timer', 'arm,armv7-timer']);

  if (o.speIrq !== undefined)
    t.prop('/spe-pmu', 'interrupts', [PPI, o.speIrq - 16, LEVEL_HI]).prop(
      '/spe-pmu',
      'compatible',
      'arm,statistical-profiling-extension-v1',
    );

  t.prop('/apb-pclk', 'phandle', [clk])
    .prop('/apb-pclk', 'clock-output-names', 'clk24mhz')
    .prop('/apb-pclk', 'clock-frequency', [24_000_000])
    .prop('/apb-pclk', '#clock-cells', [0])
    .prop('/apb-pclk', 'compatible', 'fixed-clock');

  if (o.initrd) {
    t.prop('/chosen', 'linux,initrd-end', [lo(o.initrd.end)]).prop(
      '/chosen',
      'linux,initrd-start',
      [lo(o.initrd.start)],
    );
  }
  if (o.bootargs !== undefined) t.prop('/chosen', 'bootargs', o.bootargs);
  t.prop('/chosen', 'stdout-path', uart);
  return t;
}

/** Node paths of a DTB, in order (for comparing with QEMU's tree). */
export function fdtNodePaths(blob: Uint8Array): string[] {
  const dv = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (dv.getUint32(0) !== FDT_MAGIC) throw new Error('not a flattened device tree');
  let p = dv.getUint32(8);
  const path: string[] = [];
  const out: string[] = [];
  for (;;) {
    const tok = dv.getUint32(p);
    p += 4;
    if (tok === FDT_BEGIN_NODE) {
      let e = p;
      while (blob[e] !== 0) e++;
      path.push(new TextDecoder().decode(blob.subarray(p, e)));
      out.push(path.length === 1 ? '/' : path.join('/'));
      p = (e + 4) & ~3;
    } else if (tok === FDT_END_NODE) path.pop();
    else if (tok === FDT_PROP) {
      const len = dv.getUint32(p);
      p = (p + 8 + len + 3) & ~3;
    } else if (tok === FDT_END) break;
    else if (tok !== 4) throw new Error(`bad FDT token ${tok}`);
  }
  return out;
}
