/** @hypsim/board-virt — a QEMU-virt-compatible board. */
export { installPsci, PSCI, PSCI_RET, PSCI_VERSION_1_1 } from './psci.js';
