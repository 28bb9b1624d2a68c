/**
 * Cycle costs per operation class. The defaults are round figures of the order reported for
 * Arm server cores (system-register moves tens of cycles, exception entry/return about a
 * hundred, a TLB invalidation with its barrier a few hundred); they are a model to compare
 * strategies with, not a timing claim, and every figure can be overridden in the machine
 * config (`costModel`). docs/decisions records where they came from.
 */
export const DEFAULT_COST_MODEL: Readonly<Record<string, number>> = {
  insn: 1,
  'sysreg.read.el0': 1,
  'sysreg.write.el0': 1,
  'sysreg.read.el1': 10,
  'sysreg.write.el1': 20,
  'sysreg.read.el12': 10,
  'sysreg.write.el12': 20,
  'sysreg.read.el2': 10,
  'sysreg.write.el2': 25,
  'sysreg.read.id': 5,
  'sysreg.write.id': 5,
  'sysreg.read.special': 2,
  'sysreg.write.special': 4,
  'exception.entry': 60,
  'exception.return': 40,
  isb: 20,
  dsb: 40,
  tlbi: 200,
  'bytes.saved': 0.25,
  'bytes.restored': 0.25,
};

export interface CostModel {
  /** Cycles per unit of an operation class; unknown classes cost the `fallback`. */
  cost(op: string): number;
  readonly table: Readonly<Record<string, number>>;
}

export function makeCostModel(
  overrides: Readonly<Record<string, number>> = {},
  fallback = 1,
): CostModel {
  const table = { ...DEFAULT_COST_MODEL, ...overrides };
  return {
    table,
    cost: (op) => table[op] ?? fallback,
  };
}
