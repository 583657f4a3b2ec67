import { z } from 'zod';
import { slug } from './common';
import { hotlineNumber } from './hotline';

/**
 * content/sources/national-hotlines.yaml: the national numbers a person has checked, each with the
 * source (an id in content/sources/) it was checked against. content/hotlines.yaml may show no other.
 */
export const verifiedHotlineListSchema = z.strictObject({
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be the date the list was checked, YYYY-MM-DD (quote it)' }),
  numbers: z
    .array(z.strictObject({ number: hotlineNumber, name: z.string().min(1), notes: z.string().min(1), source: slug }))
    .min(1),
  /** Numbers left off on purpose, and why, so nobody adds them without checking first. */
  notListed: z.array(z.strictObject({ name: z.string().min(1), reason: z.string().min(1) })).default([]),
});
export type VerifiedHotlineList = z.infer<typeof verifiedHotlineListSchema>;
