/**
 * Element access shared by the SVE instruction files: byte/halfword/word views of the Z file
 * (host little-endian, as the Z word layout already assumes; 64-bit elements are word pairs)
 * the predicate bit of an element, and one element of a Z register as a (lo, hi) pair.
 */

export interface Views {
  u8: Uint8Array;
  u16: Uint16Array;
  i32: Int32Array;
}

const viewCache = new WeakMap<Int32Array, Views>();

/** Byte/halfword/word views of the Z file (created once per backing array). */
let lastZ: Int32Array | null = null;
let lastViews: Views | null = null;

export function views(z: Int32Array): Views {
  if (z === lastZ) return lastViews!;
  let v = viewCache.get(z);
  if (!v) {
    v = {
      u8: new Uint8Array(z.buffer, z.byteOffset, z.length * 4),
      u16: new Uint16Array(z.buffer, z.byteOffset, z.length * 2),
      i32: z,
    };
    viewCache.set(z, v);
  }
  lastZ = z;
  lastViews = v;
  return v;
}

export type Arr = Uint8Array | Uint16Array | Int32Array;

export function arr(v: Views, esz: number): Arr {
  return esz === 0 ? v.u8 : esz === 1 ? v.u16 : v.i32;
}

/** Predicate bit of element e (size 2^esz bytes) of the predicate at halfword offset pb. */
export function active(p: Uint16Array, pb: number, e: number, esz: number): boolean {
  const bi = e << esz;
  return ((p[pb + (bi >> 4)]! >>> (bi & 15)) & 1) !== 0;
}

/** Element e of Zr as (lo, ZH[0]). */
export const ZH = new Int32Array(1);
export function zElem(z: Int32Array, zb: number, e: number, esz: number): number {
  if (esz === 3) {
    ZH[0] = z[zb + 2 * e + 1]!;
    return z[zb + 2 * e]!;
  }
  ZH[0] = 0;
  const byte = e << esz;
  const w = z[zb + (byte >> 2)]! >>> (8 * (byte & 3));
  return esz === 2 ? w | 0 : esz === 1 ? w & 0xffff : w & 0xff;
}
