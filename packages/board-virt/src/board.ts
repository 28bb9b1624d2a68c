import {
  definePlugin,
  InterruptControllerToken,
  registerValue,
  type Cpu,
  type Machine,
  type PluginManifest,
} from '@hypsim/core';
import { VirtualClock } from './clock.js';
import { ICC_SYSREGS } from './gic/cpu-interface.js';
import { Distributor } from './gic/distributor.js';
import { Gicv3 } from './gic/gic.js';
import { ICH_SYSREGS } from './gic/ich.js';
import { GICR_STRIDE, Redistributors } from './gic/redistributor.js';
import { GicToken } from './gic/token.js';
import { Pl011 } from './pl011.js';
import { installPsci } from './psci.js';
import { nextDeadlineNs, TIMER_SYSREGS, TimerState, TimerToken, updateTimers } from './timer.js';

export const BOARD_VIRT_PLUGIN_ID = '@hypsim/board-virt';

/** QEMU `virt` memory map (hw/arm/virt.c, `base_memmap`) for the devices hypsim has. */
export const VIRT_MEMMAP = {
  GIC_DIST: 0x0800_0000,
  GIC_REDIST: 0x080a_0000,
  UART: 0x0900_0000,
  MEM: 0x4000_0000,
} as const;
/** `virt` SPI numbers (INTID = 32 + n). */
export const VIRT_UART_SPI = 1;

export interface VirtBoardOptions {
  /** Bytes the guest sends to the PL011 (default: discarded). */
  uartWrite?: (byte: number) => void;
  /**
   * Host input for the PL011: the next byte, or -1 when none is available. `block` is true
   * when every CPU waits and no timer is armed, so only input can wake the machine (an
   * interactive console); otherwise it must not block. Polled every 64 rounds.
   */
  uartRead?: (block: boolean) => number;
  /** Install the PSCI firmware (default true). */
  psci?: boolean;
}

/** The board's devices of one machine, for the CLI, tests and the hypervisor packages. */
export interface VirtBoard {
  gic: Gicv3;
  uart: Pl011;
  clock: VirtualClock;
}

const boards = new WeakMap<Machine, VirtBoard>();

/** The board realised on `m` (throws when the board plugin is not installed). */
export function virtBoardOf(m: Machine): VirtBoard {
  const b = boards.get(m);
  if (!b) throw new Error(`machine ${m.config.name}: ${BOARD_VIRT_PLUGIN_ID} is not installed`);
  return b;
}

/**
 * The QEMU-`virt` board as a plugin: the GICv3 (registered as the machine's
 * `InterruptController`) with its system-register CPU interface and virtualization interface,
 * the generic timer, the PL011 and the PSCI firmware, at QEMU's addresses. Secondary CPUs start
 * powered off, waiting for PSCI CPU_ON, as on QEMU.
 */
export function createVirtBoard(opts: VirtBoardOptions = {}): PluginManifest<undefined> {
  return definePlugin<undefined>({
    id: BOARD_VIRT_PLUGIN_ID,
    features: [
      {
        name: 'FEAT_GICv3',
        description: 'GICv3 CPU interface system registers (ICC_*)',
        always: true,
        idFields: [{ reg: 'ID_AA64PFR0_EL1', field: 'GIC', lsb: 24, width: 4, value: 1 }],
      },
    ],
    sysregs: [...ICC_SYSREGS, ...ICH_SYSREGS, ...TIMER_SYSREGS],
    realize(m) {
      const gic = new Gicv3(m.cpus);
      const clock = new VirtualClock(m);
      registerValue(m.container, InterruptControllerToken, gic);
      const kctl = 2 * m.registry.require('CNTKCTL_EL1').index;
      const hctl = 2 * m.registry.require('CNTHCTL_EL2').index;
      for (const cpu of m.cpus) {
        cpu.attach(GicToken, gic);
        cpu.attach(TimerToken, {
          clock,
          gic,
          state: new TimerState(),
          cntkctlSlot: kctl,
          cnthctlSlot: hctl,
        });
      }
      m.bus.addDevice('gicd', VIRT_MEMMAP.GIC_DIST, 0x10000, new Distributor(gic));
      m.bus.addDevice(
        'gicr',
        VIRT_MEMMAP.GIC_REDIST,
        GICR_STRIDE * m.cpus.length,
        new Redistributors(gic),
      );
      const uart = new Pl011({
        write: opts.uartWrite ?? (() => undefined),
        intid: 32 + VIRT_UART_SPI,
        irq: gic,
      });
      m.bus.addDevice('pl011', VIRT_MEMMAP.UART, 0x1000, uart);
      boards.set(m, { gic, uart, clock });

      const uartRead = opts.uartRead;
      /** Moves available host bytes into the receive FIFO; true if any arrived. */
      const pollInput = (block: boolean): boolean => {
        if (!uartRead) return false;
        let got = false;
        for (let room = uart.rxRoom(); room > 0; room--) {
          const b = uartRead(block && !got);
          if (b < 0) break;
          uart.receive(b);
          got = true;
        }
        return got;
      };
      let rounds = 0;
      m.onRound(() => {
        clock.syncWaiting();
        for (const cpu of m.cpus) if (!cpu.off) updateTimers(cpu);
        if (uartRead && (++rounds & 63) === 0) pollInput(false);
      });
      m.onIdle(() => {
        // Every CPU waits: jump to the earliest timer deadline instead of spinning.
        let next = Number.POSITIVE_INFINITY;
        for (const cpu of m.cpus) if (!cpu.off) next = Math.min(next, nextDeadlineNs(cpu));
        // Nothing timed: only host input can wake a CPU now.
        if (next === Number.POSITIVE_INFINITY) return pollInput(true);
        clock.advanceTo(next);
        for (const cpu of m.cpus) if (!cpu.off) updateTimers(cpu);
        return m.cpus.some((c) => !c.off && (c.irqLine || c.fiqLine || c.virqLine || c.vfiqLine));
      });
      if (opts.psci !== false)
        installPsci(m, {
          poweredOn: (cpu: Cpu) => {
            clock.sync(cpu);
            gic.update(cpu.index);
          },
        });
    },
    reset(cpu, m) {
      const b = boards.get(m);
      if (!b) return;
      b.gic.resetCpu(cpu.index);
      cpu.get(TimerToken).state.reset();
      b.clock.sync(cpu, 0);
      if (cpu.index === 0) b.uart.reset();
      // Secondaries wait in PSCI's OFF state for CPU_ON, as QEMU starts them.
      if (cpu.index > 0) cpu.off = true;
    },
  });
}
