import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fdtNodePaths } from '@hypsim/board-virt';
import { deviceTreeFor, isRawImage, runBareMetal, runCliCaptured } from '@hypsim/cli';

/**
 * The board fixtures (guests/board, recorded on QEMU 7.2 `-M virt,gic-version=3` by
 * `make -C guests/board`): semihosting output, PL011 output and exit status must match.
 */
const dir = fileURLToPath(new URL('../guests/board/', import.meta.url));
const APPEND = 'console=ttyAMA0 hypsim board_dtb test';

interface BoardProgram {
  name: string;
  el2: boolean;
  smp: number;
  kind: 'elf' | 'bin';
  status: number;
  description: string;
}

const programs: BoardProgram[] = readFileSync(`${dir}programs.txt`, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.trim().startsWith('#'))
  .map((l) => {
    const [name, el2, smp, kind, status, ...d] = l.trim().split(/\s+/);
    return {
      name: name!,
      el2: el2 === 'yes',
      smp: Number(smp),
      kind: kind as 'elf' | 'bin',
      status: Number(status),
      description: d.join(' '),
    };
  });

describe('board fixtures behave as on QEMU virt (GICv3)', () => {
  it('has the fixtures', () => {
    expect(programs.map((p) => p.name)).toEqual([
      'board_timer',
      'board_pl011',
      'board_smp',
      'board_dtb',
      'board_vgic',
    ]);
  });

  for (const p of programs) {
    it(`${p.name} (-smp ${p.smp}): ${p.description.slice(0, 70)}`, () => {
      const file = `bin/${p.name}.${p.kind}`;
      const out: Buffer[] = [];
      const serial: number[] = [];
      const r = runBareMetal(readFileSync(dir + file), file, {
        el2: p.el2,
        smp: p.smp,
        append: p.kind === 'bin' ? APPEND : undefined,
        maxInsns: 100_000_000,
        uartWrite: (b) => serial.push(b),
        write: (fd, b) => {
          if (fd === 1) out.push(Buffer.from(b));
        },
      });
      expect(Buffer.concat(out).toString('latin1')).toBe(
        readFileSync(`${dir}expected/${p.name}.stdout`, 'latin1'),
      );
      const wantSerial = `${dir}expected/${p.name}.serial`;
      expect(Buffer.from(serial).toString('latin1')).toBe(
        existsSync(wantSerial) ? readFileSync(wantSerial, 'latin1') : '',
      );
      expect(r.stop.kind).toBe('exit');
      expect(r.status).toBe(p.status);
    });
  }
});

/** QEMU nodes for devices hypsim's board does not model (yet). */
const NOT_MODELLED = [
  /^\/platform-bus@/,
  /^\/fw-cfg@/,
  /^\/virtio_mmio@/,
  /^\/gpio-keys/,
  /^\/pl061@/,
  /^\/pcie@/,
  /^\/pl031@/,
  /^\/pmu$/,
  /^\/intc@8000000\/its@/,
  /^\/flash@/,
];

describe('generated device tree vs QEMU -M virt,gic-version=3,dumpdtb=', () => {
  const cases = [
    {
      fixture: 'qemu-virt-gicv3-smp2-initrd.dtb',
      opts: { smp: 2, append: 'console=ttyAMA0 hello' },
      initrd: { start: 0x4400_0000, end: 0x4400_0001 },
    },
    { fixture: 'qemu-virt-gicv3-el2-smp2.dtb', opts: { smp: 2, el2: true }, initrd: undefined },
  ];
  for (const c of cases) {
    it(`names the same nodes as ${c.fixture}, in the same order`, () => {
      const qemu = fdtNodePaths(readFileSync(`${dir}dtb/${c.fixture}`)).filter(
        (n) => !NOT_MODELLED.some((re) => re.test(n)),
      );
      // hypsim's CPU has SPE, QEMU's has not: the SPE node is the one extra (tested below).
      const ours = fdtNodePaths(
        deviceTreeFor({ ...c.opts, write: () => undefined }, c.initrd),
      ).filter((n) => n !== '/spe-pmu');
      expect(ours).toEqual(qemu);
    });
  }

  it('describes SPE (INTID 21 = PPI 5, level high) only when the CPUs have it', () => {
    const withSpe = deviceTreeFor({ write: () => undefined });
    expect(fdtNodePaths(withSpe)).toContain('/spe-pmu');
    const text = Buffer.from(withSpe).toString('latin1');
    expect(text).toContain('arm,statistical-profiling-extension-v1');
    // interrupts = <1 5 4> as big-endian cells, right before the compatible string's offset.
    expect(
      Buffer.from(withSpe).indexOf(Buffer.from([0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 4])),
    ).toBeGreaterThan(0);
    expect(fdtNodePaths(deviceTreeFor({ spe: false, write: () => undefined }))).not.toContain(
      '/spe-pmu',
    );
  });
});

describe('hypsim run: board options', () => {
  const run = (...argv: string[]) => runCliCaptured(argv);

  it('--smp 2 runs the SMP fixture like QEMU -smp 2', () => {
    const r = run('run', `${dir}bin/board_smp.elf`, '--smp', '2');
    expect(r.out).toBe(readFileSync(`${dir}expected/board_smp.stdout`, 'latin1'));
    expect(r.status).toBe(0);
  });

  it('boots a flat binary with the Image protocol and --append', () => {
    const r = run('run', `${dir}bin/board_dtb.bin`, '--append', APPEND);
    expect(r.out).toBe(readFileSync(`${dir}expected/board_dtb.stdout`, 'latin1'));
    expect(r.status).toBe(0);
  });

  it('prints PL011 output on stdout', () => {
    const r = run('run', `${dir}bin/board_pl011.elf`);
    expect(r.out).toContain('Hello from the PL011\n');
  });

  it('--dump-dtb writes the tree and exits without running', () => {
    const f = `${mkdtempSync(`${tmpdir()}/hypsim-`)}/virt.dtb`;
    const r = run('run', 'no-such-image', '--smp', '2', '--dump-dtb', f);
    expect(r.status).toBe(0);
    expect(fdtNodePaths(readFileSync(f))).toContain('/cpus/cpu@1');
  });

  it('boots as an Image only files that look like one', () => {
    const header = new Uint8Array(64);
    header.set([0x41, 0x52, 0x4d, 0x64], 0x38);
    expect(isRawImage(header, 'kernel')).toBe(true);
    expect(isRawImage(new Uint8Array(8), 'prog.flat')).toBe(true);
    expect(isRawImage(new Uint8Array(8), 'Image')).toBe(true);
    expect(isRawImage(new Uint8Array(8), 'manifest.json')).toBe(false);
    expect(isRawImage(Uint8Array.of(0x7f, 0x45, 0x4c, 0x46), 'x.bin')).toBe(false);
  });
});
