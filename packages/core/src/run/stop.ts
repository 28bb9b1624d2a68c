/** Why `machine.run()` returned. Always explicit: a run never just "ends". */
export type StopReason =
  | { kind: 'exit'; code: number; cpu: number }
  | { kind: 'budget'; executed: number }
  | { kind: 'halted' }
  | { kind: 'breakpoint'; cpu: number; pc: bigint }
  | { kind: 'requested'; why: string }
  | { kind: 'listenerError'; event: string; error: unknown };
