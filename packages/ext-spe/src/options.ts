import { z } from 'zod';

/** The buffer management interrupt's default INTID: PPI 5, as SPE device trees give it. */
export const SPE_DEFAULT_IRQ = 21;

/**
 * Machine-wide options of the SPE plugin. `writeOrder` (unit/buffer.ts):
 * - `sequential`: records reach memory in the order the unit completes them;
 * - `unordered`: records may land out of order, with gaps, before a buffer management event,
 *   as the architecture permits (seed 004); the outcomes are drawn from the machine's PRNG.
 */
export const speOptionsSchema = z
  .object({
    writeOrder: z.enum(['sequential', 'unordered']).default('sequential'),
    /**
     * INTID of the buffer management interrupt (a PPI): 21 (PPI 5), what device trees for
     * SPE use (spe.md §7; the BSA number is unconfirmed there).
     */
    irq: z.number().int().min(16).max(31).default(SPE_DEFAULT_IRQ),
  })
  .strict();

export type SpeOptions = z.infer<typeof speOptionsSchema>;
