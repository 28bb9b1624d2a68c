import { SYS_OPS, exceptionReturn, type Cpu, type SysOpDef } from '@hypsim/core';

/** Stage-2 access permissions: any of r, w, x. */
export type S2Perms = '' | 'r' | 'w' | 'x' | 'rw' | 'rx' | 'wx' | 'rwx';
export type S2MemType = 'normal' | 'device';

export interface Stage2ManagerOptions {
  /** The CPU whose TLBIs maintain the TLBs (executed as at EL2, through `cpu.sysOps`). */
  cpu: Cpu;
  /** Physical memory the descriptor tables are allocated from (4 KB aligned). */
  tables: { base: number; size: number };
  /** IPA size in bits (default 40: start level 1 with two concatenated tables, like KVM). */
  ipaBits?: number;
  vmid?: number;
}

const PAGE = 4096;
const TWO32 = 0x1_0000_0000;
/** KVM's MT_S2_NORMAL (outer/inner write-back) and MT_S2_DEVICE_nGnRE. */
const MEMATTR = { normal: 0xf, device: 0x1 } as const;

const ops = new Map<string, SysOpDef>(SYS_OPS.map((o) => [o.name, o]));

function tlbiDef(name: string): SysOpDef {
  const d = ops.get(`TLBI ${name}`);
  if (!d) throw new Error(`no TLBI ${name}`);
  return d;
}

/**
 * A stage-2 page-table manager for hypervisors written in TypeScript (the KVM `kvm_pgtable`
 * job): real VMSAv8-64 stage-2 descriptors in emulated memory, 4 KB granule, 4 KB leaves,
 * map / unmap / permission changes / pinning, and dirty logging by write protection with a
 * dirty bitmap. Every change is followed by the TLB maintenance KVM issues (TLBI IPAS2E1IS
 * per page, then TLBI VMALLE1IS), executed through the CPU's architectural TLBI path, so it
 * is counted by the cost model and a missing invalidation would be visible under the
 * `strict` TLB policy.
 */
export class Stage2Manager {
  readonly cpu: Cpu;
  readonly ipaBits: number;
  readonly vmid: number;
  readonly startLevel: number;
  /** PA of the (concatenated) start-level table. */
  readonly root: number;
  private next: number;
  private readonly end: number;
  private readonly pinned = new Set<number>();
  /** Dirty logging: logged IPA pages, and the dirty bitmap (bit per logged page). */
  private readonly logged = new Set<number>();
  private readonly dirty = new Set<number>();
  private pendingTlbi: number[] = [];
  /** TLBI instructions executed (for tests and reports). */
  tlbis = 0;

  constructor(opts: Stage2ManagerOptions) {
    this.cpu = opts.cpu;
    this.ipaBits = opts.ipaBits ?? 40;
    this.vmid = opts.vmid ?? 1;
    if (this.ipaBits < 25 || this.ipaBits > 48) throw new RangeError('ipaBits must be 25..48');
    // The fewest levels with at most 16 concatenated start tables (KVM's choice).
    let level = 3;
    while (this.ipaBits - (12 + (3 - level) * 9) > 13) level--;
    if (level === 3) level = 2; // SL0=11 needs FEAT_TTST: start at level 2 at least
    this.startLevel = level;
    const rootBytes = 8 * 2 ** (this.ipaBits - (12 + (3 - level) * 9));
    const rootSize = Math.max(PAGE, rootBytes);
    const base = Math.ceil(opts.tables.base / rootSize) * rootSize;
    this.root = base;
    this.next = base + rootSize;
    this.end = opts.tables.base + opts.tables.size;
    if (this.next > this.end) throw new RangeError('stage-2 table arena too small');
    this.zero(base, rootSize);
  }

  /** VTTBR_EL2 value: VMID and BADDR. */
  get vttbr(): bigint {
    return (BigInt(this.vmid) << 48n) | BigInt(this.root);
  }

  /** VTCR_EL2 value: T0SZ, SL0, inner-shareable write-back walks, TG0 = 4 KB, PS = 48 bits. */
  get vtcr(): bigint {
    const t0sz = 64 - this.ipaBits;
    const sl0 = 2 - this.startLevel;
    return BigInt(
      (0x8000_0000 | t0sz | (sl0 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (5 << 16)) >>> 0,
    );
  }

  /** Installs the tables on the CPU (VTTBR_EL2, VTCR_EL2) and sets HCR_EL2.VM. */
  install(cpu: Cpu = this.cpu): void {
    cpu.sysreg.poke('VTTBR_EL2', this.vttbr);
    cpu.sysreg.poke('VTCR_EL2', this.vtcr);
    cpu.sysreg.poke('HCR_EL2', cpu.sysreg.peek('HCR_EL2') | 1n);
  }

  // ---- mapping ------------------------------------------------------------------------------

  /** Maps [ipa, ipa+size) to [pa, pa+size) with 4 KB pages. */
  map(
    ipa: number,
    pa: number,
    size: number,
    perms: S2Perms = 'rwx',
    type: S2MemType = 'normal',
  ): void {
    this.eachPage(ipa, size, (page, i) => {
      const slot = this.leafSlot(page, true)!;
      this.writeLeaf(slot, pa + i * PAGE, perms, type);
      this.pendingTlbi.push(page);
    });
    this.flushTlb();
  }

  /** Removes the mappings of [ipa, ipa+size). Pinned pages cannot be unmapped. */
  unmap(ipa: number, size: number): void {
    this.eachPage(ipa, size, (page) => {
      if (this.pinned.has(page)) throw new Error(`IPA 0x${page.toString(16)} is pinned`);
    });
    this.eachPage(ipa, size, (page) => {
      const slot = this.leafSlot(page, false);
      if (slot === undefined) return;
      this.cpu.bus.write64(slot, 0, 0);
      this.pendingTlbi.push(page);
      this.logged.delete(page);
      this.dirty.delete(page);
    });
    this.flushTlb();
  }

  /** Changes the permissions of the mapped pages of [ipa, ipa+size). */
  protect(ipa: number, size: number, perms: S2Perms): void {
    this.eachPage(ipa, size, (page) => {
      if (this.setPerms(page, perms)) this.pendingTlbi.push(page);
    });
    this.flushTlb();
  }

  /** Pins [ipa, ipa+size): `unmap` refuses those pages until `unpin`. */
  pin(ipa: number, size: number): void {
    this.eachPage(ipa, size, (page) => {
      if (this.translate(page) === undefined)
        throw new Error(`IPA 0x${page.toString(16)} is not mapped`);
      this.pinned.add(page);
    });
  }

  unpin(ipa: number, size: number): void {
    this.eachPage(ipa, size, (page) => this.pinned.delete(page));
  }

  /** Software walk of the manager's tables: the PA of `ipa`, or undefined. */
  translate(ipa: number): number | undefined {
    const slot = this.leafSlot(ipa - (ipa % PAGE), false);
    if (slot === undefined) return undefined;
    const lo = this.cpu.bus.read64(slot);
    const hi = this.cpu.bus.hi;
    if ((lo & 1) === 0) return undefined;
    return (hi & 0xffff) * TWO32 + (lo - (lo % PAGE)) + (ipa % PAGE);
  }

  // ---- dirty logging --------------------------------------------------------------------------

  /** Starts dirty logging on [ipa, ipa+size): write-protects the mapped pages (S2AP[1] = 0). */
  startDirtyLog(ipa: number, size: number): void {
    this.eachPage(ipa, size, (page) => {
      if (this.translate(page) === undefined) return;
      this.logged.add(page);
      if (this.clearWrite(page)) this.pendingTlbi.push(page);
    });
    this.flushTlb();
  }

  stopDirtyLog(ipa: number, size: number): void {
    this.eachPage(ipa, size, (page) => this.logged.delete(page));
  }

  /**
   * Handles the stage-2 abort the CPU has just taken to EL2, if it is the write to a logged page
   * (DFSC Permission, WnR=1): marks the page dirty, gives write permission back (with the TLB
   * maintenance), and returns to the guest with ERET. Returns false for anything else.
   */
  handleDirtyFault(cpu: Cpu = this.cpu): boolean {
    if (cpu.el !== 2) return false;
    const esr = Number(cpu.sysreg.peek('ESR_EL2') & 0xffff_ffffn);
    const ec = esr >>> 26;
    const dfsc = esr & 0x3f;
    if (ec !== 0x24 || (dfsc & 0x3c) !== 0x0c || (esr & (1 << 6)) === 0) return false;
    // HPFAR is UNKNOWN for permission faults not on a walk: find the IPA from FAR as KVM
    // would with AT; here HPFAR is always written, which this model guarantees.
    const page = Number(cpu.sysreg.peek('HPFAR_EL2') >> 4n) * PAGE;
    if (!this.logged.has(page)) return false;
    this.dirty.add(page);
    this.setWrite(page);
    this.pendingTlbi.push(page);
    this.flushTlb();
    exceptionReturn(cpu);
    return true;
  }

  /** The dirty pages since the last harvest (sorted IPAs); they are write-protected again. */
  harvestDirty(): number[] {
    const pages = [...this.dirty].sort((a, b) => a - b);
    this.dirty.clear();
    for (const p of pages) if (this.clearWrite(p)) this.pendingTlbi.push(p);
    this.flushTlb();
    return pages;
  }

  /** The dirty bitmap over [ipa, ipa+size): bit i = page i (without clearing it). */
  dirtyBitmap(ipa: number, size: number): Uint8Array {
    const n = Math.ceil(size / PAGE);
    const bm = new Uint8Array(Math.ceil(n / 8));
    for (let i = 0; i < n; i++) if (this.dirty.has(ipa + i * PAGE)) bm[i >> 3]! |= 1 << (i & 7);
    return bm;
  }

  // ---- internals ------------------------------------------------------------------------------

  private eachPage(ipa: number, size: number, fn: (page: number, i: number) => void): void {
    if (ipa % PAGE !== 0 || size % PAGE !== 0)
      throw new RangeError('IPA and size must be 4 KB aligned');
    if (ipa + size > 2 ** this.ipaBits) throw new RangeError('IPA beyond the IPA size');
    for (let i = 0; i < size / PAGE; i++) fn(ipa + i * PAGE, i);
  }

  private zero(pa: number, len: number): void {
    this.cpu.bus.writeBytes(pa, new Uint8Array(len));
  }

  private alloc(): number {
    const t = this.next;
    if (t + PAGE > this.end) throw new Error('stage-2 table arena exhausted');
    this.next += PAGE;
    this.zero(t, PAGE);
    return t;
  }

  /** PA of the level-3 descriptor of `page`, creating tables on the way when `create`. */
  private leafSlot(page: number, create: boolean): number | undefined {
    const bus = this.cpu.bus;
    let table = this.root;
    for (let level = this.startLevel; ; level++) {
      const shift = 12 + (3 - level) * 9;
      const bits = level === this.startLevel ? this.ipaBits - shift : 9;
      const slot = table + (Math.floor(page / 2 ** shift) % 2 ** bits) * 8;
      if (level === 3) return slot;
      const lo = bus.read64(slot);
      const hi = bus.hi;
      if ((lo & 3) === 3) {
        table = (hi & 0xffff) * TWO32 + (lo - (lo % PAGE));
        continue;
      }
      if (!create) return undefined;
      const t = this.alloc();
      bus.write64(slot, (t % TWO32) | 3, Math.floor(t / TWO32));
      table = t;
    }
  }

  private writeLeaf(slot: number, pa: number, perms: S2Perms, type: S2MemType): void {
    let lo = (pa % TWO32) | 3 | (MEMATTR[type] << 2) | (3 << 8) | (1 << 10);
    if (perms.includes('r')) lo |= 1 << 6;
    if (perms.includes('w')) lo |= 1 << 7;
    let hi = Math.floor(pa / TWO32);
    if (!perms.includes('x')) hi |= 1 << 22;
    this.cpu.bus.write64(slot, lo | 0, hi);
  }

  private setPerms(page: number, perms: S2Perms): boolean {
    const slot = this.leafSlot(page, false);
    if (slot === undefined) return false;
    const bus = this.cpu.bus;
    let lo = bus.read64(slot);
    let hi = bus.hi;
    if ((lo & 1) === 0) return false;
    lo = (lo & ~0xc0) | (perms.includes('r') ? 0x40 : 0) | (perms.includes('w') ? 0x80 : 0);
    hi = perms.includes('x') ? hi & ~(1 << 22) : hi | (1 << 22);
    bus.write64(slot, lo | 0, hi);
    return true;
  }

  private clearWrite(page: number): boolean {
    return this.editLeaf(page, (lo) => lo & ~0x80);
  }

  private setWrite(page: number): boolean {
    return this.editLeaf(page, (lo) => lo | 0x80);
  }

  private editLeaf(page: number, f: (lo: number) => number): boolean {
    const slot = this.leafSlot(page, false);
    if (slot === undefined) return false;
    const bus = this.cpu.bus;
    const lo = bus.read64(slot);
    const hi = bus.hi;
    if ((lo & 1) === 0) return false;
    bus.write64(slot, f(lo) | 0, hi);
    return true;
  }

  /**
   * KVM's sequence after changing live stage-2 entries: TLBI IPAS2E1IS for each page (with the
   * guest's VMID in VTTBR_EL2), then TLBI VMALLE1IS for the combined stage-1+2 entries.
   */
  private flushTlb(): void {
    const pages = this.pendingTlbi;
    if (pages.length === 0) return;
    this.pendingTlbi = [];
    const cpu = this.cpu;
    const saved = cpu.sysreg.peek('VTTBR_EL2');
    const switched = saved !== this.vttbr;
    if (switched) cpu.sysreg.poke('VTTBR_EL2', this.vttbr);
    const ipas2 = tlbiDef('IPAS2E1IS');
    for (const p of pages) {
      const x = p / PAGE;
      this.tlbi(ipas2, x % TWO32, Math.floor(x / TWO32));
    }
    this.tlbi(tlbiDef('VMALLE1IS'), 0, 0);
    // DSB ISH: the invalidations complete here (the `strict` policy waits for it).
    cpu.sysOps.dsb(cpu);
    if (switched) cpu.sysreg.poke('VTTBR_EL2', saved);
  }

  private tlbi(def: SysOpDef, lo: number, hi: number): void {
    const cpu = this.cpu;
    // Executed as EL2 would: TLBI VMALLE1IS from EL2 uses the VMID in VTTBR_EL2.
    const el = cpu.el;
    cpu.el = 2;
    try {
      cpu.sysOps.tlbi(cpu, def, lo | 0, hi | 0);
    } finally {
      cpu.el = el;
    }
    this.tlbis++;
  }
}
