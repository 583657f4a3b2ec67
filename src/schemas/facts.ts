// Keeping a window's facts true (issue 30): what a window may propose, and what residents report.
// Each proposed value is checked by the content's own schema (src/schemas/window.ts), so what an editor
// approves is exactly what `npm run content -- apply` may write into the window's YAML.
import { z } from 'zod';
import { channel, windowSchema } from './window';

/** The facts a window states itself (「ここがちがう」), in the order the staff page shows them. */
export const factFields = ['phone', 'fax', 'email', 'address', 'hours', 'languages', 'accessibility', 'summary'] as const;
export type FactField = (typeof factFields)[number];

/** The content schema for each field's value. Phone, FAX and e-mail are the window's contact channels. */
export const factValueSchemas = {
  phone: channel.options[0].shape.number,
  fax: channel.options[1].shape.number,
  email: z.email(),
  address: windowSchema.shape.address.unwrap(),
  hours: windowSchema.shape.hours.unwrap(),
  languages: windowSchema.shape.languages.unwrap(),
  accessibility: windowSchema.shape.accessibility.unwrap().min(1),
  summary: windowSchema.shape.summary,
} satisfies Record<FactField, z.ZodType>;

/** A proposed value, checked with the field's content schema. */
export const parseFactValue = (field: FactField, value: unknown) => factValueSchemas[field].safeParse(value);

/** What a resident writes: one field, nothing personal asked. */
export const REPORT_MAX = 500;
export const factReportSchema = z.object({
  text: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1, { message: 'report.error.required' }).max(REPORT_MAX, { message: 'report.error.tooLong' })),
});

/** A decision on an item; the reason is required, so every approval and rejection says why. */
export const factDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1, { message: 'staff.facts.error.reason' }).max(500)),
});
