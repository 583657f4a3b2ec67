import { z } from 'zod';
import { provenance } from './common';
import { fieldId, operationForm } from './taxonomy';

/**
 * Kinds of 居場所 and 地域づくり拠点 in the plan (seed 001):
 * childcareHub = 地域子育て支援拠点, salon = 地域サロン, activityCentre = 地域活動支援センター,
 * lifeSupport = 生活支援体制整備事業, poverty = 生活困窮者等のための地域づくり事業,
 * preventionSupporter = 介護予防サポーター養成講座.
 */
export const placeKinds = ['childcareHub', 'salon', 'activityCentre', 'lifeSupport', 'poverty', 'preventionSupporter'] as const;

export const placeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(placeKinds),
  name: z.string().min(1),
  /** Where it is held, as the source says (e.g. 大倉保育所内). */
  location: z.string().optional(),
  field: fieldId,
  operation: z.union([operationForm, z.literal('residents')]).optional(),
  operator: z.string().optional(),
  department: z.string().optional(),
  description: z.string().min(1),
  count: z.string().optional(),
  order: z.number().int(),
  source: provenance,
});
export type Place = z.infer<typeof placeSchema>;
