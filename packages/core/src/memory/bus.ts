export type AccessSize = 1 | 2 | 4 | 8;

/**
 * A memory-mapped device. Offsets are relative to the device's base. MMIO is not the
 * instruction hot path, so values are BigInt for exactness at every size.
 */
export interface MmioDevice {
  read(offset: number, size: AccessSize): bigint;
  write(offset: number, size: AccessSize, value: bigint): void;
}

/** An access the bus cannot satisfy: the CPU turns it into a synchronous external abort. */
export class BusError extends Error {
  constructor(
    readonly pa: number,
    readonly size: number,
    readonly isWrite: boolean,
  ) {
    super(
      `${isWrite ? 'write' : 'read'} of ${size} byte(s) at PA 0x${pa.toString(16)}: no memory or device there`,
    );
    this.name = 'BusError';
  }
}

export class RamRegion {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** One byte per 4 KB page: 1 when decoded instructions are cached for it. */
  readonly codeMarks: Uint8Array;
  readonly end: number;

  constructor(
    readonly name: string,
    readonly base: number,
    readonly size: number,
  ) {
    const buf = new ArrayBuffer(size);
    this.bytes = new Uint8Array(buf);
    this.view = new DataView(buf);
    this.codeMarks = new Uint8Array(Math.ceil(size / 4096));
    this.end = base + size;
  }
}

interface DeviceRange {
  name: string;
  base: number;
  size: number;
  end: number;
  device: MmioDevice;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/**
 * The physical address space: RAM regions on ArrayBuffers and MMIO devices in an interval map.
 * Overlaps are rejected when a region is added. Physical addresses are numbers (exact below
 * 2^53; the model's PA size is 48 bits). All accesses are little-endian.
 */
export class Bus {
  readonly rams: RamRegion[] = [];
  private readonly devices: DeviceRange[] = [];
  private last: RamRegion | undefined;
  private readonly codeWriteListeners: Array<(pa: number, size: number) => void> = [];
  /** High half of the last `read64`. */
  hi = 0;

  addRam(name: string, base: number, size: number): RamRegion {
    this.checkFree(name, base, size);
    const r = new RamRegion(name, base, size);
    this.rams.push(r);
    this.rams.sort((a, b) => a.base - b.base);
    return r;
  }

  addDevice(name: string, base: number, size: number, device: MmioDevice): void {
    this.checkFree(name, base, size);
    this.devices.push({ name, base, size, end: base + size, device });
    this.devices.sort((a, b) => a.base - b.base);
  }

  private checkFree(name: string, base: number, size: number): void {
    if (!Number.isSafeInteger(base) || !Number.isSafeInteger(size) || base < 0 || size <= 0)
      throw new Error(`${name}: bad region base ${base} / size ${size}`);
    if (base + size > 2 ** 48)
      throw new Error(
        `${name}: ${hex(base)}+${hex(size)} is beyond the 48-bit physical address space`,
      );
    const end = base + size;
    for (const r of [...this.rams, ...this.devices])
      if (base < r.end && r.base < end)
        throw new Error(
          `${name} [${hex(base)}, ${hex(end)}) overlaps ${r.name} [${hex(r.base)}, ${hex(r.end)})`,
        );
  }

  ramAt(pa: number): RamRegion | undefined {
    const l = this.last;
    if (l && pa >= l.base && pa < l.end) return l;
    for (const r of this.rams)
      if (pa >= r.base && pa < r.end) {
        this.last = r;
        return r;
      }
    return undefined;
  }

  deviceAt(pa: number): DeviceRange | undefined {
    const d = this.devices;
    let lo = 0,
      hi = d.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = d[mid]!;
      if (pa < r.base) hi = mid - 1;
      else if (pa >= r.end) lo = mid + 1;
      else return r;
    }
    return undefined;
  }

  onCodeWrite(fn: (pa: number, size: number) => void): void {
    this.codeWriteListeners.push(fn);
  }

  /** Marks the page at `pageBase` as holding decoded code; false if it is not RAM. */
  markCode(pageBase: number): boolean {
    const r = this.ramAt(pageBase);
    if (!r) return false;
    r.codeMarks[Math.floor((pageBase - r.base) / 4096)] = 1;
    return true;
  }

  /** Called after every RAM write: invalidates decoded code on the written pages. */
  private wrote(r: RamRegion, off: number, size: number): void {
    const first = Math.floor(off / 4096);
    const last = Math.floor((off + size - 1) / 4096);
    if (r.codeMarks[first] === 0 && r.codeMarks[last] === 0) return;
    for (const fn of this.codeWriteListeners) fn(r.base + off, size);
  }

  // ---- numeric accessors (size <= 4 as unsigned numbers; 8 as halves) -------------------

  read8(pa: number): number {
    const r = this.ramAt(pa);
    if (r) return r.bytes[pa - r.base]!;
    return Number(this.mmioRead(pa, 1));
  }

  read16(pa: number): number {
    const r = this.ramAt(pa);
    if (r && pa + 2 <= r.end) return r.view.getUint16(pa - r.base, true);
    return Number(this.slowRead(pa, 2));
  }

  read32(pa: number): number {
    const r = this.ramAt(pa);
    if (r && pa + 4 <= r.end) return r.view.getUint32(pa - r.base, true);
    return Number(this.slowRead(pa, 4));
  }

  /** Returns the low half (unsigned); the high half is left in `bus.hi`. */
  read64(pa: number): number {
    const r = this.ramAt(pa);
    if (r && pa + 8 <= r.end) {
      const off = pa - r.base;
      this.hi = r.view.getInt32(off + 4, true);
      return r.view.getUint32(off, true);
    }
    const v = this.slowRead(pa, 8);
    this.hi = Number(BigInt.asIntN(32, v >> 32n));
    return Number(v & 0xffffffffn);
  }

  write8(pa: number, v: number): void {
    const r = this.ramAt(pa);
    if (r) {
      r.bytes[pa - r.base] = v;
      this.wrote(r, pa - r.base, 1);
    } else this.mmioWrite(pa, 1, BigInt(v & 0xff));
  }

  write16(pa: number, v: number): void {
    const r = this.ramAt(pa);
    if (r && pa + 2 <= r.end) {
      r.view.setUint16(pa - r.base, v, true);
      this.wrote(r, pa - r.base, 2);
    } else this.slowWrite(pa, 2, BigInt(v & 0xffff));
  }

  write32(pa: number, v: number): void {
    const r = this.ramAt(pa);
    if (r && pa + 4 <= r.end) {
      r.view.setInt32(pa - r.base, v | 0, true);
      this.wrote(r, pa - r.base, 4);
    } else this.slowWrite(pa, 4, BigInt(v >>> 0));
  }

  write64(pa: number, lo: number, hi: number): void {
    const r = this.ramAt(pa);
    if (r && pa + 8 <= r.end) {
      const off = pa - r.base;
      r.view.setInt32(off, lo | 0, true);
      r.view.setInt32(off + 4, hi | 0, true);
      this.wrote(r, off, 8);
    } else this.slowWrite(pa, 8, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
  }

  // ---- BigInt accessors (API edges, devices, loaders) --------------------------------------

  read(pa: number, size: AccessSize): bigint {
    switch (size) {
      case 1:
        return BigInt(this.read8(pa));
      case 2:
        return BigInt(this.read16(pa));
      case 4:
        return BigInt(this.read32(pa));
      case 8: {
        const lo = this.read64(pa);
        return (BigInt(this.hi >>> 0) << 32n) | BigInt(lo);
      }
    }
  }

  write(pa: number, size: AccessSize, value: bigint): void {
    const v = BigInt.asUintN(64, value);
    switch (size) {
      case 1:
        return this.write8(pa, Number(v & 0xffn));
      case 2:
        return this.write16(pa, Number(v & 0xffffn));
      case 4:
        return this.write32(pa, Number(v & 0xffffffffn));
      case 8:
        return this.write64(pa, Number(v & 0xffffffffn), Number(v >> 32n));
    }
  }

  /** Copies bytes out of RAM (MMIO is not read this way). Throws BusError on a hole. */
  readBytes(pa: number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    let done = 0;
    while (done < len) {
      const r = this.ramAt(pa + done);
      if (!r) throw new BusError(pa + done, len - done, false);
      const n = Math.min(len - done, r.end - (pa + done));
      out.set(r.bytes.subarray(pa + done - r.base, pa + done - r.base + n), done);
      done += n;
    }
    return out;
  }

  /** Copies bytes into RAM (loaders, DMA); decoded code on those pages is invalidated. */
  writeBytes(pa: number, data: Uint8Array): void {
    let done = 0;
    while (done < data.length) {
      const r = this.ramAt(pa + done);
      if (!r) throw new BusError(pa + done, data.length - done, true);
      const n = Math.min(data.length - done, r.end - (pa + done));
      r.bytes.set(data.subarray(done, done + n), pa + done - r.base);
      this.wrote(r, pa + done - r.base, n);
      done += n;
    }
  }

  /** True when every byte of [pa, pa+len) is RAM. */
  isRam(pa: number, len: number): boolean {
    let a = pa;
    const end = pa + len;
    while (a < end) {
      const r = this.ramAt(a);
      if (!r) return false;
      a = r.end;
    }
    return true;
  }

  // ---- slow paths -----------------------------------------------------------------------

  private slowRead(pa: number, size: AccessSize): bigint {
    if (this.ramAt(pa)) {
      // Straddles the end of a RAM region: byte by byte.
      let v = 0n;
      for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.read8(pa + i));
      return v;
    }
    return this.mmioRead(pa, size);
  }

  private slowWrite(pa: number, size: AccessSize, v: bigint): void {
    if (this.ramAt(pa)) {
      for (let i = 0; i < size; i++) this.write8(pa + i, Number((v >> BigInt(8 * i)) & 0xffn));
      return;
    }
    this.mmioWrite(pa, size, v);
  }

  private mmioRead(pa: number, size: AccessSize): bigint {
    const d = this.deviceAt(pa);
    if (!d || pa + size > d.end) throw new BusError(pa, size, false);
    return BigInt.asUintN(size * 8, d.device.read(pa - d.base, size));
  }

  private mmioWrite(pa: number, size: AccessSize, v: bigint): void {
    const d = this.deviceAt(pa);
    if (!d || pa + size > d.end) throw new BusError(pa, size, true);
    d.device.write(pa - d.base, size, v);
  }
}
