import type { AccessSize, InterruptController, MmioDevice } from '@hypsim/core';

/** PrimeCell peripheral and cell ID bytes at 0xFE0–0xFFC, as QEMU's `pl011` (Arm variant). */
export const PL011_ID = [0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

/** Interrupt bits (RIS/MIS/IMSC/ICR). */
const INT_RX = 1 << 4;
const INT_TX = 1 << 5;

/** FR bits. */
const FR_RXFE = 1 << 4;
const FR_TXFE = 1 << 7;
const FR_RXFF = 1 << 6;

export interface Pl011Options {
  /** Bytes the guest transmits (the host's stdout for `hypsim run`). */
  write: (byte: number) => void;
  /** INTID of the UART's SPI (33 on `virt`). */
  intid: number;
  irq: InterruptController;
}

/**
 * An Arm PL011 UART as QEMU models it: transmission is instantaneous (TXFE always set), a
 * 16-entry receive FIFO fed by `receive`, the baud-rate and line-control registers are stored
 * and otherwise ignored. The interrupt is the OR of the unmasked raw interrupts, as an SPI.
 */
export class Pl011 implements MmioDevice {
  private readonly rx: number[] = [];
  private ris = 0;
  private imsc = 0;
  private cr = 0x300;
  private lcr = 0;
  private ibrd = 0;
  private fbrd = 0;
  private ifls = 0x12;
  private ilpr = 0;
  private dmacr = 0;
  private level = false;

  constructor(private readonly o: Pl011Options) {}

  reset(): void {
    this.rx.length = 0;
    this.ris = this.imsc = this.lcr = this.ibrd = this.fbrd = this.ilpr = this.dmacr = 0;
    this.cr = 0x300;
    this.ifls = 0x12;
    this.update();
  }

  /** Free entries in the receive FIFO. */
  rxRoom(): number {
    return 16 - this.rx.length;
  }

  /** Host input: queue a received byte (dropped when the FIFO is full, like an overrun). */
  receive(byte: number): void {
    if (this.rx.length >= 16) return;
    this.rx.push(byte & 0xff);
    this.ris |= INT_RX;
    this.update();
  }

  private update(): void {
    const l = (this.ris & this.imsc) !== 0;
    if (l !== this.level) {
      this.level = l;
      this.o.irq.setSpi(this.o.intid, l);
    }
  }

  read(off: number, _size: AccessSize): bigint {
    if (off >= 0xfe0 && off < 0x1000) return BigInt(PL011_ID[(off - 0xfe0) >> 2]!);
    switch (off) {
      case 0x000: {
        const c = this.rx.shift() ?? 0;
        if (this.rx.length === 0) this.ris &= ~INT_RX;
        this.update();
        return BigInt(c);
      }
      case 0x004: // RSR/ECR: no receive errors
        return 0n;
      case 0x018: {
        let fr = FR_TXFE;
        if (this.rx.length === 0) fr |= FR_RXFE;
        if (this.rx.length >= 16) fr |= FR_RXFF;
        return BigInt(fr);
      }
      case 0x020:
        return BigInt(this.ilpr);
      case 0x024:
        return BigInt(this.ibrd);
      case 0x028:
        return BigInt(this.fbrd);
      case 0x02c:
        return BigInt(this.lcr);
      case 0x030:
        return BigInt(this.cr);
      case 0x034:
        return BigInt(this.ifls);
      case 0x038:
        return BigInt(this.imsc);
      case 0x03c:
        return BigInt(this.ris);
      case 0x040:
        return BigInt(this.ris & this.imsc);
      case 0x048:
        return BigInt(this.dmacr);
      default:
        return 0n;
    }
  }

  write(off: number, _size: AccessSize, value: bigint): void {
    const v = Number(value & 0xffffffffn) >>> 0;
    switch (off) {
      case 0x000:
        this.o.write(v & 0xff);
        // Transmission completes at once: the TX interrupt is raised, as QEMU does.
        this.ris |= INT_TX;
        break;
      case 0x004:
        break;
      case 0x020:
        this.ilpr = v & 0xff;
        break;
      case 0x024:
        this.ibrd = v & 0xffff;
        break;
      case 0x028:
        this.fbrd = v & 0x3f;
        break;
      case 0x02c:
        // Disabling the FIFOs (FEN 0) keeps QEMU's 1-entry behaviour; hypsim keeps 16.
        this.lcr = v & 0xff;
        break;
      case 0x030:
        this.cr = v & 0xffff;
        break;
      case 0x034:
        this.ifls = v & 0x3f;
        break;
      case 0x038:
        this.imsc = v & 0x7ff;
        break;
      case 0x044:
        this.ris &= ~v;
        break;
      case 0x048:
        this.dmacr = v & 7;
        break;
    }
    this.update();
  }
}
