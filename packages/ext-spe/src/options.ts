import { z } from 'zod';

/**
 * Machine-wide options of the SPE plugin. `writeOrder` is declared now so machine files can
 * name it; the profiling buffer (next slice) consumes it:
 * - `sequential`: records reach memory in the order the unit completes them;
 * - `unordered`: records may land out of order, with gaps, before a buffer management event,
 *   as the architecture permits (seed 004); the outcomes are drawn from the machine's PRNG.
 */
export const speOptionsSchema = z
  .object({
    writeOrder: z.enum(['sequential', 'unordered']).default('sequential'),
  })
  .strict();

export type SpeOptions = z.infer<typeof speOptionsSchema>;
