import { z } from 'zod';
import { kanaReading, provenance } from './common';

/**
 * A district (地区) of the municipality. Which windows serve it is derived from each
 * window's `serviceArea` (see src/lib/areas.ts) so the assignment is written only once.
 */
export const areaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameKana: kanaReading,
  /** 圏域: the sphere the district belongs to, e.g. 佐原・栗源圏域. */
  sphere: z.string().min(1),
  order: z.number().int(),
  source: provenance,
});
export type Area = z.infer<typeof areaSchema>;
