import { z } from 'zod';

/** Default maximum vector length in bits when a CPU's options do not give one. */
export const DEFAULT_MAX_VL = 512;

/**
 * Per-CPU options (`cpus[i].options['@hypsim/ext-sve']`): `maxVl`, the largest implemented
 * vector length in bits, any multiple of 128 from 128 to 2048 (QEMU: `sve-max-vq` × 128).
 * Every multiple of 128 up to it is an implemented length.
 */
export const sveCpuOptionsSchema = z
  .object({
    maxVl: z
      .number()
      .int()
      .min(128)
      .max(2048)
      .refine((v) => v % 128 === 0, 'maxVl must be a multiple of 128')
      .default(DEFAULT_MAX_VL)
      .describe('Maximum SVE vector length in bits (multiple of 128, 128–2048)'),
  })
  .strict();
export type SveCpuOptions = z.output<typeof sveCpuOptionsSchema>;

/**
 * Machine options. `vlPolicy`: what Z/P/FFR bits hold when they become accessible again after
 * the effective VL grew (CONSTRAINED UNPREDICTABLE, Arm ARM B1.4.2): 'zero' (QEMU: zeroed as
 * soon as the VL shrinks), 'preserve' (the values from before the VL shrank), 'unknown'
 * (values from the machine's seeded PRNG, drawn when the VL grows).
 */
export const sveOptionsSchema = z
  .object({
    vlPolicy: z
      .enum(['zero', 'preserve', 'unknown'])
      .default('zero')
      .describe('Contents of Z/P/FFR bits that become accessible again when the VL grows'),
  })
  .strict();
export type SveOptions = z.output<typeof sveOptionsSchema>;
export type VlPolicy = SveOptions['vlPolicy'];
