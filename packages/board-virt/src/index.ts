/** @hypsim/board-virt — a QEMU-virt-compatible board. */
export { installPsci, PSCI, PSCI_RET, PSCI_VERSION_1_1, type PsciHooks } from './psci.js';
export {
  createVirtBoard,
  virtBoardOf,
  BOARD_VIRT_PLUGIN_ID,
  VIRT_MEMMAP,
  VIRT_UART_SPI,
  type VirtBoard,
  type VirtBoardOptions,
} from './board.js';
export { VirtualClock, CNTFRQ_HZ, NS_PER_TICK } from './clock.js';
export { Gicv3, NUM_IRQ, SPURIOUS, MAINTENANCE_INTID, GICD_CTLR } from './gic/gic.js';
export {
  VirtualInterface,
  ICH_HCR,
  ICH_VMCR,
  ICH_VTR_EL2,
  LR_STATE,
  NUM_LRS,
} from './gic/virtual.js';
export { TIMER, TIMER_INTID, TimerToken, updateTimers } from './timer.js';
export { Pl011, PL011_ID } from './pl011.js';
export { FdtTree, virtDeviceTree, fdtNodePaths, type VirtFdtOptions } from './fdt.js';
export { bootLinuxImage, type LinuxBootOptions, type LinuxBootLayout } from './boot.js';
