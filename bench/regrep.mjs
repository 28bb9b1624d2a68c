// Prototype interpreter loop used to choose the 64-bit register representation
// (docs/decisions/0001-register-representation.md). Same program, same dispatch (pre-decoded
// ops, one handler per op kind called through a table), three representations:
//   halves  - Int32Array, low/high int32 halves (what the core uses)
//   bigarr  - BigUint64Array, BigInt arithmetic in handlers
//   bigobj  - a plain Array of BigInt values
// Program: x0 = 0; x1 = N; loop: x0 = x0 + 0x1_0000_0001 (64-bit add with carry); x2 = x0 ^ x1;
//          x1 = x1 - 1 (flags); b.ne loop
const N = Number(process.argv[2] ?? 3_000_000);
const WALL = globalThis.performance;

function makeProgram(k) {
  // op kinds: 0 addi64, 1 eor64, 2 subs64 imm, 3 bne
  return [
    { k: 0, d: 0, n: 0, ilo: 1, ihi: 1, ib: 0x1_0000_0001n },
    { k: 1, d: 2, n: 0, m: 1 },
    { k: 2, d: 1, n: 1, ilo: 1, ihi: 0, ib: 1n },
    { k: 3, target: 0 },
  ].map((o) => ({ ...o, h: k[o.k] }));
}

function runHalves() {
  const r = new Int32Array(64);
  const st = { nz: 0, pc: 0 };
  const k = [
    (o) => {
      const a = r[2 * o.n] >>> 0;
      const lo = a + o.ilo;
      r[2 * o.d] = lo | 0;
      r[2 * o.d + 1] = (r[2 * o.n + 1] + o.ihi + (lo > 0xffffffff ? 1 : 0)) | 0;
    },
    (o) => {
      r[2 * o.d] = r[2 * o.n] ^ r[2 * o.m];
      r[2 * o.d + 1] = r[2 * o.n + 1] ^ r[2 * o.m + 1];
    },
    (o) => {
      const a = r[2 * o.n] >>> 0;
      const lo = a - o.ilo;
      const borrow = lo < 0 ? 1 : 0;
      const hi = (r[2 * o.n + 1] - o.ihi - borrow) | 0;
      r[2 * o.d] = lo | 0;
      r[2 * o.d + 1] = hi;
      st.nz = lo | 0 | hi;
    },
    (o) => {
      if (st.nz !== 0) st.pc = o.target - 1;
    },
  ];
  const prog = makeProgram(k);
  r[2] = N;
  const t0 = WALL.now();
  let n = 0;
  for (st.pc = 0; st.pc < prog.length; st.pc++, n++) {
    const o = prog[st.pc];
    o.h(o);
  }
  return { n, ms: WALL.now() - t0, check: BigInt.asUintN(32, BigInt(r[0])) };
}

function runBigArr() {
  const r = new BigUint64Array(32);
  const st = { nz: 0n, pc: 0 };
  const k = [
    (o) => {
      r[o.d] = r[o.n] + o.ib;
    },
    (o) => {
      r[o.d] = r[o.n] ^ r[o.m];
    },
    (o) => {
      const v = r[o.n] - o.ib;
      r[o.d] = v;
      st.nz = r[o.d];
    },
    (o) => {
      if (st.nz !== 0n) st.pc = o.target - 1;
    },
  ];
  const prog = makeProgram(k);
  r[1] = BigInt(N);
  const t0 = WALL.now();
  let n = 0;
  for (st.pc = 0; st.pc < prog.length; st.pc++, n++) {
    const o = prog[st.pc];
    o.h(o);
  }
  return { n, ms: WALL.now() - t0, check: BigInt.asUintN(32, r[0]) };
}

function runBigObj() {
  const r = new Array(32).fill(0n);
  const st = { nz: 0n, pc: 0 };
  const M = (1n << 64n) - 1n;
  const k = [
    (o) => {
      r[o.d] = (r[o.n] + o.ib) & M;
    },
    (o) => {
      r[o.d] = r[o.n] ^ r[o.m];
    },
    (o) => {
      r[o.d] = (r[o.n] - o.ib) & M;
      st.nz = r[o.d];
    },
    (o) => {
      if (st.nz !== 0n) st.pc = o.target - 1;
    },
  ];
  const prog = makeProgram(k);
  r[1] = BigInt(N);
  const t0 = WALL.now();
  let n = 0;
  for (st.pc = 0; st.pc < prog.length; st.pc++, n++) {
    const o = prog[st.pc];
    o.h(o);
  }
  return { n, ms: WALL.now() - t0, check: BigInt.asUintN(32, r[0]) };
}

const runs = { halves: runHalves, bigarr: runBigArr, bigobj: runBigObj };
for (let rep = 0; rep < 2; rep++) {
  for (const [name, fn] of Object.entries(runs)) {
    const { n, ms, check } = fn();
    if (rep === 1)
      console.log(
        `${name.padEnd(7)} ${(n / ms / 1000).toFixed(1).padStart(7)} MIPS  (${n} ops in ${ms.toFixed(0)} ms, check ${check})`,
      );
  }
}
