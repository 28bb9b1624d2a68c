/** @hypsim/ext-fpsimd — FP and Advanced SIMD for hypsim. */
export {
  fpsimdPlugin,
  FPSIMD_PLUGIN_ID,
  fpsimdOptionsSchema,
  FPCR_WRITE_MASK,
  FPSR_WRITE_MASK,
  type FpsimdOptions,
} from './plugin.js';
export { FpState, FpStateToken, fpState } from './state.js';
export { fpTrapEl, checkFpAccess, fpSysregTrap } from './traps.js';
export { saveFpsimd, restoreFpsimd, FPSIMD_STATE_BYTES } from './layout.js';
export { v, setV, vBytes, setVBytes, vLanes, type LaneType } from './accessors.js';
/** The IEEE library, for the SVE floating-point instructions (ext-sve) to round exactly alike. */
export {
  R as fpR,
  ctl as fpCtl,
  fpBegin,
  fpEnd,
  isNaNBits,
  isSNaNBits,
  defaultNaN,
  processNaN,
  toDouble,
  fromDouble,
  nans2,
} from './fp/bits.js';
export {
  env as fpEnv,
  FMT_H,
  FMT_S,
  FMT_D,
  IOC,
  DZC,
  OFC,
  UFC,
  IXC,
  IDC,
  RM_TIEEVEN,
  RM_POSINF,
  RM_NEGINF,
  RM_ZERO,
  RM_TIEAWAY,
  roundPack,
} from './fp/round.js';
export {
  binop,
  cmp as fpCompare,
  fmaop,
  sqrtop,
  rintop,
  cvtop,
  toIntOp,
  fromIntOp,
  OP_ADD,
  OP_SUB,
  OP_MUL,
  OP_DIV,
  OP_MAX,
  OP_MIN,
  OP_MAXNM,
  OP_MINNM,
  OP_ABD,
  OP_MULX,
  OP_RECPS,
  OP_RSQRTS,
} from './fp/ops.js';
export { recpeOp, rsqrteOp, recpxOp } from './fp/estimate.js';
export { expandImm as fpExpandImm } from './scalar/dp.js';
