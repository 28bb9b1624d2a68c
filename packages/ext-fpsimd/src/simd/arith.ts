import { pattern, type Fields, type InsnPattern } from '@hypsim/core';
import { execElem, FAST_OK, Fn, WIDE_OK, type ElemOp } from './elem.js';

/**
 * Decoders of the integer AdvSIMD groups that run on the element engine (elem.ts): every
 * (U, opcode) of a group is its own pattern with all opcode bits fixed, so the FP opcodes of
 * the same groups (decoded elsewhere) never overlap these.
 */

type P = InsnPattern<unknown>;

const bits = (v: number, n: number): string => v.toString(2).padStart(n, '0');

function op(o: Partial<ElemOp> & { fn: Fn; d: number; n: number; m: number }): ElemOp | null {
  const r: ElemOp = {
    q: true,
    lanes: 1,
    esA: 0,
    esB: 0,
    esD: 0,
    sA: false,
    sB: false,
    sD: false,
    offA: 0,
    offB: 0,
    offD: 0,
    acc: false,
    stepB: 1,
    pair: false,
    pairM: true,
    imm: 0,
    bits: 8,
    wide: false,
    scalar: false,
    fast: false,
    ...o,
  };
  r.wide = r.esA === 3 || r.esB === 3 || r.esD === 3;
  if (r.wide && !WIDE_OK.has(r.fn)) return null;
  r.fast =
    !r.wide &&
    !r.pair &&
    !r.scalar &&
    r.stepB === 1 &&
    r.esA === r.esD &&
    r.esB === r.esD &&
    r.offA === 0 &&
    r.offB === 0 &&
    r.offD === 0 &&
    FAST_OK.has(r.fn);
  return r;
}

function add(out: P[], name: string, pat: string, decode: (f: Fields) => ElemOp | null): void {
  out.push(
    pattern<ElemOp>({ name, pattern: pat, decode, exec: execElem, feature: 'FEAT_AdvSIMD' }) as P,
  );
}

/** Size masks: which size values are allocated. */
const S012 = 0b0111;
const S0123 = 0b1111;
const S12 = 0b0110;
const S3 = 0b1000;
const S0 = 0b0001;

// ---- three same ------------------------------------------------------------------------------------

/** [U, opcode, name, fn, vector sizes, scalar sizes, accumulate, pairwise, signed] */
type Same = readonly [number, number, string, Fn, number, number, boolean?, boolean?, boolean?];

const SAME: readonly Same[] = [
  [0, 0b00000, 'SHADD', Fn.HADD, S012, 0],
  [1, 0b00000, 'UHADD', Fn.HADD, S012, 0],
  [0, 0b00001, 'SQADD', Fn.QADD, S0123, S0123],
  [1, 0b00001, 'UQADD', Fn.QADD, S0123, S0123],
  [0, 0b00010, 'SRHADD', Fn.RHADD, S012, 0],
  [1, 0b00010, 'URHADD', Fn.RHADD, S012, 0],
  [0, 0b00100, 'SHSUB', Fn.HSUB, S012, 0],
  [1, 0b00100, 'UHSUB', Fn.HSUB, S012, 0],
  [0, 0b00101, 'SQSUB', Fn.QSUB, S0123, S0123],
  [1, 0b00101, 'UQSUB', Fn.QSUB, S0123, S0123],
  [0, 0b00110, 'CMGT', Fn.CMGT, S0123, S3],
  [1, 0b00110, 'CMHI', Fn.CMGT, S0123, S3],
  [0, 0b00111, 'CMGE', Fn.CMGE, S0123, S3],
  [1, 0b00111, 'CMHS', Fn.CMGE, S0123, S3],
  [0, 0b01000, 'SSHL', Fn.SHLV, S0123, S3],
  [1, 0b01000, 'USHL', Fn.SHLV, S0123, S3],
  [0, 0b01001, 'SQSHL', Fn.QSHLV, S0123, S0123],
  [1, 0b01001, 'UQSHL', Fn.QSHLV, S0123, S0123],
  [0, 0b01010, 'SRSHL', Fn.RSHLV, S0123, S3],
  [1, 0b01010, 'URSHL', Fn.RSHLV, S0123, S3],
  [0, 0b01011, 'SQRSHL', Fn.QRSHLV, S0123, S0123],
  [1, 0b01011, 'UQRSHL', Fn.QRSHLV, S0123, S0123],
  [0, 0b01100, 'SMAX', Fn.MAX, S012, 0],
  [1, 0b01100, 'UMAX', Fn.MAX, S012, 0],
  [0, 0b01101, 'SMIN', Fn.MIN, S012, 0],
  [1, 0b01101, 'UMIN', Fn.MIN, S012, 0],
  [0, 0b01110, 'SABD', Fn.ABD, S012, 0],
  [1, 0b01110, 'UABD', Fn.ABD, S012, 0],
  [0, 0b01111, 'SABA', Fn.ABA, S012, 0, true],
  [1, 0b01111, 'UABA', Fn.ABA, S012, 0, true],
  [0, 0b10000, 'ADD', Fn.ADD, S0123, S3],
  [1, 0b10000, 'SUB', Fn.SUB, S0123, S3],
  [0, 0b10001, 'CMTST', Fn.CMTST, S0123, S3],
  [1, 0b10001, 'CMEQ', Fn.CMEQ, S0123, S3],
  [0, 0b10010, 'MLA', Fn.MLA, S012, 0, true],
  [1, 0b10010, 'MLS', Fn.MLS, S012, 0, true],
  [0, 0b10011, 'MUL', Fn.MUL, S012, 0],
  [1, 0b10011, 'PMUL', Fn.PMUL, S0, 0],
  [0, 0b10100, 'SMAXP', Fn.MAX, S012, 0, false, true],
  [1, 0b10100, 'UMAXP', Fn.MAX, S012, 0, false, true],
  [0, 0b10101, 'SMINP', Fn.MIN, S012, 0, false, true],
  [1, 0b10101, 'UMINP', Fn.MIN, S012, 0, false, true],
  [0, 0b10110, 'SQDMULH', Fn.QDMULH, S12, S12, false, false, true],
  [1, 0b10110, 'SQRDMULH', Fn.QRDMULH, S12, S12, false, false, true],
  [0, 0b10111, 'ADDP', Fn.ADD, S0123, 0, false, true],
];

/** Signedness of the inputs: U=0 is signed, except where the operation is sign-agnostic. */
function signedOf(u: number, forced?: boolean): boolean {
  if (forced) return true;
  return u === 0;
}

function sameDecoder(e: Same, scalar: boolean) {
  const [u, , , fn, vsizes, ssizes, acc, pair, forced] = e;
  return (f: Fields): ElemOp | null => {
    const size = f.size!;
    const q = scalar ? false : f.Q === 1;
    if (!(((scalar ? ssizes : vsizes) >> size) & 1)) return null;
    if (!scalar && size === 3 && !q) return null;
    const sg = signedOf(u, forced);
    return op({
      fn,
      d: f.Rd!,
      n: f.Rn!,
      m: f.Rm!,
      q,
      lanes: scalar ? 1 : pair ? (q ? 16 : 8) >> size : (q ? 16 : 8) >> size,
      scalar,
      esA: size,
      esB: size,
      esD: size,
      sA: sg,
      sB: sg,
      sD: sg,
      acc: acc === true,
      pair: pair === true,
      bits: 8 << size,
    });
  };
}

function threeSame(out: P[]): void {
  for (const e of SAME) {
    const [u, opc, name, , , ssizes] = e;
    add(
      out,
      `${name}_v`,
      `0 Q:1 ${u} 01110 size:2 1 Rm:5 ${bits(opc, 5)} 1 Rn:5 Rd:5`,
      sameDecoder(e, false),
    );
    if (ssizes !== 0)
      add(
        out,
        `${name}_s`,
        `01 ${u} 11110 size:2 1 Rm:5 ${bits(opc, 5)} 1 Rn:5 Rd:5`,
        sameDecoder(e, true),
      );
  }
  // Logical (opcode 00011): the size field selects the operation.
  const LOGIC: readonly [number, number, string, Fn][] = [
    [0, 0, 'AND', Fn.AND],
    [0, 1, 'BIC', Fn.BIC],
    [0, 2, 'ORR', Fn.ORR],
    [0, 3, 'ORN', Fn.ORN],
    [1, 0, 'EOR', Fn.EOR],
    [1, 1, 'BSL', Fn.BSL],
    [1, 2, 'BIT', Fn.BIT],
    [1, 3, 'BIF', Fn.BIF],
  ];
  for (const [u, sz, name, fn] of LOGIC)
    add(out, `${name}_v`, `0 Q:1 ${u} 01110 ${bits(sz, 2)} 1 Rm:5 00011 1 Rn:5 Rd:5`, (f) =>
      op({
        fn,
        d: f.Rd!,
        n: f.Rn!,
        m: f.Rm!,
        q: f.Q === 1,
        lanes: f.Q ? 4 : 2,
        esA: 2,
        esB: 2,
        esD: 2,
        acc: fn === Fn.BSL || fn === Fn.BIT || fn === Fn.BIF,
        bits: 32,
      }),
    );
}

// ---- three different -------------------------------------------------------------------------------

/** [U, opcode, name, fn, kind]: L long (narrow A, B), W wide A, N narrowing, sizes */
type Diff = readonly [number, number, string, Fn, 'L' | 'W' | 'N', boolean, number];

const DIFF: readonly Diff[] = [
  [0, 0b0000, 'SADDL', Fn.ADD, 'L', false, S012],
  [1, 0b0000, 'UADDL', Fn.ADD, 'L', false, S012],
  [0, 0b0001, 'SADDW', Fn.ADD, 'W', false, S012],
  [1, 0b0001, 'UADDW', Fn.ADD, 'W', false, S012],
  [0, 0b0010, 'SSUBL', Fn.SUB, 'L', false, S012],
  [1, 0b0010, 'USUBL', Fn.SUB, 'L', false, S012],
  [0, 0b0011, 'SSUBW', Fn.SUB, 'W', false, S012],
  [1, 0b0011, 'USUBW', Fn.SUB, 'W', false, S012],
  [0, 0b0100, 'ADDHN', Fn.HN, 'N', false, S012],
  [1, 0b0100, 'RADDHN', Fn.RHN, 'N', false, S012],
  [0, 0b0101, 'SABAL', Fn.ABA, 'L', true, S012],
  [1, 0b0101, 'UABAL', Fn.ABA, 'L', true, S012],
  [0, 0b0110, 'SUBHN', Fn.SUBHN, 'N', false, S012],
  [1, 0b0110, 'RSUBHN', Fn.RSUBHN, 'N', false, S012],
  [0, 0b0111, 'SABDL', Fn.ABD, 'L', false, S012],
  [1, 0b0111, 'UABDL', Fn.ABD, 'L', false, S012],
  [0, 0b1000, 'SMLAL', Fn.MLAL, 'L', true, S012],
  [1, 0b1000, 'UMLAL', Fn.MLAL, 'L', true, S012],
  [0, 0b1001, 'SQDMLAL', Fn.QDMLAL, 'L', true, S12],
  [0, 0b1010, 'SMLSL', Fn.MLSL, 'L', true, S012],
  [1, 0b1010, 'UMLSL', Fn.MLSL, 'L', true, S012],
  [0, 0b1011, 'SQDMLSL', Fn.QDMLSL, 'L', true, S12],
  [0, 0b1100, 'SMULL', Fn.MULL, 'L', false, S012],
  [1, 0b1100, 'UMULL', Fn.MULL, 'L', false, S012],
  [0, 0b1101, 'SQDMULL', Fn.QDMULL, 'L', false, S12],
  [0, 0b1110, 'PMULL', Fn.PMUL, 'L', false, S0],
];

function diffDecoder(e: Diff, scalar: boolean) {
  const [u, , , fn, kind, acc, sizes] = e;
  return (f: Fields): ElemOp | null => {
    const size = f.size!;
    if (!((sizes >> size) & 1)) return null;
    const q = !scalar && f.Q === 1;
    const half = 8 >> size;
    const sg = u === 0 && fn !== Fn.PMUL;
    const base = { fn, d: f.Rd!, n: f.Rn!, m: f.Rm!, sA: sg, sB: sg, sD: sg };
    if (kind === 'N')
      return op({
        ...base,
        q,
        lanes: half,
        esA: size + 1,
        esB: size + 1,
        esD: size,
        sA: false,
        sB: false,
        offD: q ? half : 0,
        acc: q,
        bits: 8 << size,
      });
    return op({
      ...base,
      q: true,
      lanes: scalar ? 1 : half,
      scalar,
      esA: kind === 'W' ? size + 1 : size,
      esB: size,
      esD: size + 1,
      offA: kind === 'W' || !q ? 0 : half,
      offB: q ? half : 0,
      sD: fn === Fn.PMUL ? false : sg || fn === Fn.QDMULL || fn === Fn.QDMLAL || fn === Fn.QDMLSL,
      acc,
      bits: 16 << size,
    });
  };
}

function threeDifferent(out: P[]): void {
  for (const e of DIFF) {
    const [u, opc, name] = e;
    add(
      out,
      `${name}_v`,
      `0 Q:1 ${u} 01110 size:2 1 Rm:5 ${bits(opc, 4)} 00 Rn:5 Rd:5`,
      diffDecoder(e, false),
    );
    if (name.startsWith('SQDM'))
      add(
        out,
        `${name}_s`,
        `01 ${u} 11110 size:2 1 Rm:5 ${bits(opc, 4)} 00 Rn:5 Rd:5`,
        diffDecoder(e, true),
      );
  }
}

// ---- two-register misc -----------------------------------------------------------------------------

/** [U, opcode, name, fn, kind, vector sizes, scalar sizes, signed in, signed result] */
type Misc = readonly [
  number,
  number,
  string,
  Fn,
  'S' | 'P' | 'N' | 'L',
  number,
  number,
  boolean,
  boolean,
];

const MISC: readonly Misc[] = [
  [0, 0b00010, 'SADDLP', Fn.ADDLP, 'P', S012, 0, true, true],
  [1, 0b00010, 'UADDLP', Fn.ADDLP, 'P', S012, 0, false, false],
  [0, 0b00011, 'SUQADD', Fn.SUQADD, 'S', S0123, S0123, false, true],
  [1, 0b00011, 'USQADD', Fn.USQADD, 'S', S0123, S0123, true, false],
  [0, 0b00100, 'CLS', Fn.CLS, 'S', S012, 0, true, true],
  [1, 0b00100, 'CLZ', Fn.CLZ, 'S', S012, 0, false, false],
  [0, 0b00110, 'SADALP', Fn.ADALP, 'P', S012, 0, true, true],
  [1, 0b00110, 'UADALP', Fn.ADALP, 'P', S012, 0, false, false],
  [0, 0b00111, 'SQABS', Fn.QABS, 'S', S0123, S0123, true, true],
  [1, 0b00111, 'SQNEG', Fn.QNEG, 'S', S0123, S0123, true, true],
  [0, 0b01000, 'CMGT_z', Fn.CMGT0, 'S', S0123, S3, true, true],
  [1, 0b01000, 'CMGE_z', Fn.CMGE0, 'S', S0123, S3, true, true],
  [0, 0b01001, 'CMEQ_z', Fn.CMEQ0, 'S', S0123, S3, true, true],
  [1, 0b01001, 'CMLE_z', Fn.CMLE0, 'S', S0123, S3, true, true],
  [0, 0b01010, 'CMLT_z', Fn.CMLT0, 'S', S0123, S3, true, true],
  [0, 0b01011, 'ABS', Fn.ABS, 'S', S0123, S3, true, true],
  [1, 0b01011, 'NEG', Fn.NEG, 'S', S0123, S3, true, true],
  [0, 0b10010, 'XTN', Fn.XTN, 'N', S012, 0, false, false],
  [1, 0b10010, 'SQXTUN', Fn.QXTN, 'N', S012, S012, true, false],
  [1, 0b10011, 'SHLL', Fn.SHLL, 'L', S012, 0, false, false],
  [0, 0b10100, 'SQXTN', Fn.QXTN, 'N', S012, S012, true, true],
  [1, 0b10100, 'UQXTN', Fn.QXTN, 'N', S012, S012, false, false],
];

function miscDecoder(e: Misc, scalar: boolean) {
  const [, , , fn, kind, vsizes, ssizes, sA, sD] = e;
  return (f: Fields): ElemOp | null => {
    const size = f.size!;
    if (!(((scalar ? ssizes : vsizes) >> size) & 1)) return null;
    const q = !scalar && f.Q === 1;
    if (!scalar && size === 3 && !q) return null;
    const base = { fn, d: f.Rd!, n: f.Rn!, m: f.Rn!, sA, sB: sA, sD };
    const vl = (q ? 16 : 8) >> size;
    switch (kind) {
      case 'S':
        return op({
          ...base,
          q,
          lanes: scalar ? 1 : vl,
          scalar,
          esA: size,
          esB: size,
          esD: size,
          acc: fn === Fn.SUQADD || fn === Fn.USQADD,
          bits: 8 << size,
        });
      case 'P':
        return op({
          ...base,
          q,
          lanes: vl >> 1,
          esA: size,
          esB: size,
          esD: size + 1,
          pair: true,
          pairM: false,
          acc: fn === Fn.ADALP,
          bits: 16 << size,
        });
      case 'N': {
        const half = 8 >> size;
        return op({
          ...base,
          q,
          lanes: scalar ? 1 : half,
          scalar,
          esA: size + 1,
          esB: size + 1,
          esD: size,
          offD: q ? half : 0,
          acc: q,
          bits: 8 << size,
        });
      }
      case 'L': {
        const half = 8 >> size;
        return op({
          ...base,
          q: true,
          lanes: half,
          esA: size,
          esB: size,
          esD: size + 1,
          offA: q ? half : 0,
          imm: 8 << size,
          bits: 16 << size,
        });
      }
    }
  };
}

function twoRegMisc(out: P[]): void {
  for (const e of MISC) {
    const [u, opc, name, , , , ssizes] = e;
    add(
      out,
      `${name}_v`,
      `0 Q:1 ${u} 01110 size:2 10000 ${bits(opc, 5)} 10 Rn:5 Rd:5`,
      miscDecoder(e, false),
    );
    if (ssizes !== 0)
      add(
        out,
        `${name}_s`,
        `01 ${u} 11110 size:2 10000 ${bits(opc, 5)} 10 Rn:5 Rd:5`,
        miscDecoder(e, true),
      );
  }
  // CNT (U=0, size 00), NOT (U=1, size 00), RBIT (U=1, size 01): opcode 00101, bytes.
  for (const [u, sz, name, fn] of [
    [0, 0, 'CNT', Fn.CNT],
    [1, 0, 'NOT', Fn.NOT],
    [1, 1, 'RBIT', Fn.RBIT],
  ] as const)
    add(out, `${name}_v`, `0 Q:1 ${u} 01110 ${bits(sz, 2)} 10000 00101 10 Rn:5 Rd:5`, (f) =>
      op({ fn, d: f.Rd!, n: f.Rn!, m: f.Rn!, q: f.Q === 1, lanes: f.Q ? 16 : 8 }),
    );
  // Scalar pairwise ADDP (D): the two 64-bit lanes of Vn.
  add(out, 'ADDP_s', '01 0 11110 11 11000 11011 10 Rn:5 Rd:5', (f) =>
    op({
      fn: Fn.ADD,
      d: f.Rd!,
      n: f.Rn!,
      m: f.Rn!,
      q: false,
      lanes: 1,
      esA: 3,
      esB: 3,
      esD: 3,
      pair: true,
      pairM: false,
      bits: 64,
    }),
  );
}

// ---- shift by immediate ----------------------------------------------------------------------------

/** [U, opcode, name, fn, kind, scalar allowed (es mask), signed in, signed result] */
type Shift = readonly [number, number, string, Fn, 'R' | 'L' | 'N' | 'W', number, boolean, boolean];

const SHIFT: readonly Shift[] = [
  [0, 0b00000, 'SSHR', Fn.SHR, 'R', S3, true, true],
  [1, 0b00000, 'USHR', Fn.SHR, 'R', S3, false, false],
  [0, 0b00010, 'SSRA', Fn.SRA, 'R', S3, true, true],
  [1, 0b00010, 'USRA', Fn.SRA, 'R', S3, false, false],
  [0, 0b00100, 'SRSHR', Fn.RSHR, 'R', S3, true, true],
  [1, 0b00100, 'URSHR', Fn.RSHR, 'R', S3, false, false],
  [0, 0b00110, 'SRSRA', Fn.RSRA, 'R', S3, true, true],
  [1, 0b00110, 'URSRA', Fn.RSRA, 'R', S3, false, false],
  [1, 0b01000, 'SRI', Fn.SRI, 'R', S3, false, false],
  [0, 0b01010, 'SHL', Fn.SHL, 'L', S3, false, false],
  [1, 0b01010, 'SLI', Fn.SLI, 'L', S3, false, false],
  [1, 0b01100, 'SQSHLU', Fn.QSHL, 'L', S0123, true, false],
  [0, 0b01110, 'SQSHL', Fn.QSHL, 'L', S0123, true, true],
  [1, 0b01110, 'UQSHL', Fn.QSHL, 'L', S0123, false, false],
  [0, 0b10000, 'SHRN', Fn.QSHRN, 'N', 0, false, false],
  [1, 0b10000, 'SQSHRUN', Fn.QSHRN, 'N', S012, true, false],
  [0, 0b10001, 'RSHRN', Fn.QRSHRN, 'N', 0, false, false],
  [1, 0b10001, 'SQRSHRUN', Fn.QRSHRN, 'N', S012, true, false],
  [0, 0b10010, 'SQSHRN', Fn.QSHRN, 'N', S012, true, true],
  [1, 0b10010, 'UQSHRN', Fn.QSHRN, 'N', S012, false, false],
  [0, 0b10011, 'SQRSHRN', Fn.QRSHRN, 'N', S012, true, true],
  [1, 0b10011, 'UQRSHRN', Fn.QRSHRN, 'N', S012, false, false],
  [0, 0b10100, 'SSHLL', Fn.SHLL, 'W', 0, true, true],
  [1, 0b10100, 'USHLL', Fn.SHLL, 'W', 0, false, false],
];

/** immh classes: es → the immh:immb prefix and the width of the rest. */
const IMMH: readonly [string, number][] = [
  ['0001', 3],
  ['001', 4],
  ['01', 5],
  ['1', 6],
];

function shiftDecoder(e: Shift, es: number, scalar: boolean) {
  const [, , name, fn0, kind, , sA, sD] = e;
  // SHRN/RSHRN truncate: same kernels as the saturating ones without saturation.
  const truncating = name === 'SHRN' || name === 'RSHRN';
  return (f: Fields): ElemOp | null => {
    const q = !scalar && f.Q === 1;
    const esize = 8 << es;
    const imm = f.imm!;
    const right = esize - imm; // 2*esize - immh:immb
    const base = { d: f.Rd!, n: f.Rn!, m: f.Rn!, sA, sB: sA, sD };
    if (kind === 'R' || kind === 'L') {
      if (!scalar && es === 3 && !q) return null;
      return op({
        ...base,
        fn: fn0,
        q,
        lanes: scalar ? 1 : (q ? 16 : 8) >> es,
        scalar,
        esA: es,
        esB: es,
        esD: es,
        acc: fn0 === Fn.SRA || fn0 === Fn.RSRA || fn0 === Fn.SLI || fn0 === Fn.SRI,
        imm: kind === 'R' ? right : imm,
        bits: esize,
      });
    }
    if (es === 3) return null;
    const half = 8 >> es;
    if (kind === 'N') {
      let fn = fn0;
      if (truncating) fn = fn0 === Fn.QSHRN ? Fn.SHR : Fn.RSHR;
      return op({
        ...base,
        fn,
        q,
        lanes: scalar ? 1 : half,
        scalar,
        esA: es + 1,
        esB: es + 1,
        esD: es,
        offD: q ? half : 0,
        acc: q,
        imm: right,
        bits: esize,
      });
    }
    return op({
      ...base,
      fn: fn0,
      q: true,
      lanes: half,
      esA: es,
      esB: es,
      esD: es + 1,
      offA: q ? half : 0,
      imm,
      bits: 2 * esize,
    });
  };
}

function shiftImm(out: P[]): void {
  for (const e of SHIFT) {
    const [u, opc, name, , , smask] = e;
    IMMH.forEach(([prefix, w], es) => {
      const tail = `${prefix} imm:${w} ${bits(opc, 5)} 1 Rn:5 Rd:5`;
      add(out, `${name}_v${8 << es}`, `0 Q:1 ${u} 011110 ${tail}`, shiftDecoder(e, es, false));
      if ((smask >> es) & 1)
        add(out, `${name}_s${8 << es}`, `01 ${u} 111110 ${tail}`, shiftDecoder(e, es, true));
    });
  }
}

// ---- by element ----------------------------------------------------------------------------------

/** [U, opcode, name, fn, long, accumulate, scalar] */
type ByElem = readonly [number, number, string, Fn, boolean, boolean, boolean];

const BYELEM: readonly ByElem[] = [
  [1, 0b0000, 'MLA', Fn.MLA, false, true, false],
  [1, 0b0100, 'MLS', Fn.MLS, false, true, false],
  [0, 0b1000, 'MUL', Fn.MUL, false, false, false],
  [0, 0b0010, 'SMLAL', Fn.MLAL, true, true, false],
  [1, 0b0010, 'UMLAL', Fn.MLAL, true, true, false],
  [0, 0b0110, 'SMLSL', Fn.MLSL, true, true, false],
  [1, 0b0110, 'UMLSL', Fn.MLSL, true, true, false],
  [0, 0b1010, 'SMULL', Fn.MULL, true, false, false],
  [1, 0b1010, 'UMULL', Fn.MULL, true, false, false],
  [0, 0b0011, 'SQDMLAL', Fn.QDMLAL, true, true, true],
  [0, 0b0111, 'SQDMLSL', Fn.QDMLSL, true, true, true],
  [0, 0b1011, 'SQDMULL', Fn.QDMULL, true, false, true],
  [0, 0b1100, 'SQDMULH', Fn.QDMULH, false, false, true],
  [0, 0b1101, 'SQRDMULH', Fn.QRDMULH, false, false, true],
];

function byElemDecoder(e: ByElem, size: number, scalar: boolean) {
  const [u, , , fn, long, acc] = e;
  const sat =
    fn === Fn.QDMLAL ||
    fn === Fn.QDMLSL ||
    fn === Fn.QDMULL ||
    fn === Fn.QDMULH ||
    fn === Fn.QRDMULH;
  return (f: Fields): ElemOp | null => {
    const q = !scalar && f.Q === 1;
    const index = size === 1 ? (f.H! << 2) | (f.L! << 1) | f.M! : (f.H! << 1) | f.L!;
    const m = size === 1 ? f.Rm! : (f.M! << 4) | f.Rm!;
    const sg = u === 0 || sat;
    const base = { fn, d: f.Rd!, n: f.Rn!, m, sA: sg, sB: sg, sD: sg, stepB: 0, offB: index, acc };
    if (!long)
      return op({
        ...base,
        q,
        lanes: scalar ? 1 : (q ? 16 : 8) >> size,
        scalar,
        esA: size,
        esB: size,
        esD: size,
        bits: 8 << size,
      });
    const half = 8 >> size;
    return op({
      ...base,
      q: true,
      lanes: scalar ? 1 : half,
      scalar,
      esA: size,
      esB: size,
      esD: size + 1,
      offA: q ? half : 0,
      bits: 16 << size,
    });
  };
}

function byElement(out: P[]): void {
  for (const e of BYELEM) {
    const [u, opc, name, , , , scalar] = e;
    const o = bits(opc, 4);
    const h = `01 L:1 M:1 Rm:4 ${o} H:1 0 Rn:5 Rd:5`;
    const s = `10 L:1 M:1 Rm:4 ${o} H:1 0 Rn:5 Rd:5`;
    add(out, `${name}_elem_v16`, `0 Q:1 ${u} 01111 ${h}`, byElemDecoder(e, 1, false));
    add(out, `${name}_elem_v32`, `0 Q:1 ${u} 01111 ${s}`, byElemDecoder(e, 2, false));
    if (scalar) {
      add(out, `${name}_elem_s16`, `01 ${u} 11111 ${h}`, byElemDecoder(e, 1, true));
      add(out, `${name}_elem_s32`, `01 ${u} 11111 ${s}`, byElemDecoder(e, 2, true));
    }
  }
}

export function elemPatterns(): P[] {
  const out: P[] = [];
  threeSame(out);
  threeDifferent(out);
  twoRegMisc(out);
  shiftImm(out);
  byElement(out);
  return out;
}
