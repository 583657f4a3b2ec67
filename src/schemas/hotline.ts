import { z } from 'zod';
import { provenance } from './common';

/** Topics a hotline answers, used by the urgent block and the wizard's danger check. */
export const hotlineTopics = ['emergency', 'police', 'childAbuse', 'violence', 'suicide', 'mentalHealth', 'childHealth', 'anyTrouble'] as const;

/** As dialled: 110, 189, #8008, 0120-279-338. */
export const hotlineNumber = z.string().regex(/^(\d{3}|#\d{4}|0\d{1,4}-\d{1,4}-\d{3,4})$/, { message: 'must be a 3-digit, #NNNN or hyphenated number' });

/**
 * A national emergency or 24-hour number. Only numbers on the verified list
 * (content/sources/national-hotlines.yaml) may be entered, naming the source the list gives.
 */
export const hotlineSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  number: hotlineNumber,
  name: z.string().min(1),
  when: z.string().min(1),
  notes: z.array(z.string()).default([]),
  topics: z.array(z.enum(hotlineTopics)).min(1),
  /** Shown first in the urgent block on every page. */
  urgent: z.boolean().default(false),
  /** Takes calls in other languages than Japanese: only where the verified list (content/sources/national-hotlines.yaml) says so. */
  languages: z.boolean().default(false),
  order: z.number().int(),
  source: provenance,
});
export type Hotline = z.infer<typeof hotlineSchema>;
