import { z } from 'zod';
import type { PluginManifest } from '../plugin/manifest.js';

const SIZE_UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** A number, a `0x…` hex string, or a size with a K/M/G suffix ('128M'). */
export const sizeOrAddress = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) {
      ctx.addIssue({ code: 'custom', message: `${v} is not a non-negative integer` });
      return z.NEVER;
    }
    return v;
  }
  const m = /^(0x[0-9a-f_]+|\d+)\s*([KMG]?)(i?B)?$/i.exec(v.trim());
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message: `'${v}' is not a number, 0x-hex address or size like 128M`,
    });
    return z.NEVER;
  }
  const n = Number(m[1]!.replace(/_/g, '')) * SIZE_UNITS[m[2]!.toUpperCase()]!;
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `'${v}' is too large` });
    return z.NEVER;
  }
  return n;
});

const u64Like = z
  .union([z.bigint(), z.number().int().nonnegative(), z.string().regex(/^(0x[0-9a-f]+|\d+)$/i)])
  .transform((v) => BigInt(v));

export const cpuSpecSchema = z
  .object({
    count: z.number().int().min(1).max(256).default(1).describe('How many CPUs of this kind'),
    features: z
      .array(z.string().regex(/^FEAT_[A-Za-z0-9_]+$/, 'features are named FEAT_*'))
      .default([])
      .describe('Arm feature names (FEAT_*) beyond the baseline'),
    midr: u64Like.optional().describe('MIDR_EL1 value (default: an Arm "max"-like CPU)'),
    options: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('Per-CPU plugin options, keyed by plugin id'),
  })
  .strict();

export const memorySpecSchema = z
  .object({
    name: z.string().default('ram'),
    base: sizeOrAddress.describe('Physical base address'),
    size: sizeOrAddress.describe('Size in bytes (or 128M, 1G, ...)'),
  })
  .strict();

const pluginRef = z.union([
  z.string(),
  z.custom<PluginManifest<unknown>>(
    (v) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string',
    'a plugin manifest object',
  ),
]);

export const pluginSpecSchema = z
  .object({
    plugin: pluginRef.describe('Plugin manifest, or its id resolved against the catalogue'),
    options: z.unknown().optional(),
  })
  .strict();

export const machineConfigSchema = z
  .object({
    name: z.string().default('machine'),
    seed: z.number().int().min(0).max(0xffffffff).default(1).describe('Seed of the machine PRNG'),
    cpus: z
      .array(cpuSpecSchema)
      .min(1)
      .default([{ count: 1, features: [], options: {} }]),
    memory: z
      .array(memorySpecSchema)
      .default([{ name: 'ram', base: 0x4000_0000, size: 128 * 1024 * 1024 }]),
    plugins: z.array(pluginSpecSchema).default([]),
    quantum: z
      .number()
      .int()
      .min(1)
      .default(1000)
      .describe('Instructions a CPU runs before the next CPU gets its turn'),
    mmuOffAlignment: z
      .enum(['fault', 'allow'])
      .default('fault')
      .describe(
        "With the MMU off data accesses are Device memory, so unaligned ones fault (Arm ARM); 'allow' reproduces QEMU 7.2, which does not check",
      ),
    tlbPolicy: z
      .enum(['walk', 'strict'])
      .default('walk')
      .describe(
        "TLB: 'walk' (changes to page tables and translation registers take effect at once) or 'strict' (translations stay cached until a TLBI covers them, as the architecture permits)",
      ),
    costModel: z
      .record(z.string(), z.number().nonnegative())
      .default({})
      .describe('Cycle-cost overrides per operation class'),
  })
  .strict();

export type MachineConfigInput = z.input<typeof machineConfigSchema>;
export type MachineConfig = z.output<typeof machineConfigSchema>;

/** Formats zod issues as "path: message" lines. */
export function formatIssues(err: z.ZodError, what: string): string {
  const lines = err.issues.map(
    (i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
  );
  return `invalid ${what}:\n${lines.join('\n')}`;
}
