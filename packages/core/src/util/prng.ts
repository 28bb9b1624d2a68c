/**
 * The machine's one source of nondeterminism: xoshiro128** seeded through splitmix32.
 * A run is a pure function of (config, images, seed), so nothing in the model may use
 * Math.random or the wall clock.
 */
export class Prng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32 random bits as an unsigned number. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform integer in [0, n) for 0 < n <= 2^32, without modulo bias. */
  below(n: number): number {
    if (n <= 0 || n > 4294967296) throw new RangeError(`Prng.below: bound ${n} out of range`);
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const r = this.nextU32();
      if (r < limit) return r % n;
    }
  }

  /** A random 64-bit value (for seeded garbage such as UNKNOWN register bits). */
  nextU64(): bigint {
    const hi = BigInt(this.nextU32());
    return (hi << 32n) | BigInt(this.nextU32());
  }

  /** Snapshot for replay: four 32-bit words. */
  state(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
