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
  /** 圏域: the sphere the district belongs to, e.g. ○○・△△圏域. */
  sphere: z.string().min(1),
  /**
   * The region the district belongs to when the service is organised by region (青森県社協: 東地域,
   * 中南地域). Shown to residents; which windows serve it is still read from each window's serviceArea.
   */
  region: z.string().min(1).optional(),
  /**
   * The region's id (with `region`): a resident who knows only the region can answer it in the wizard
   * (option `region-<regionId>`), and gets the windows serving the region's towns (src/triage/districts.ts).
   */
  regionId: z.string().regex(/^[a-z0-9]+$/).optional(),
  order: z.number().int(),
  source: provenance,
});
export type Area = z.infer<typeof areaSchema>;
