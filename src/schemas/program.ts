import { z } from 'zod';
import { provenance, slug } from './common';

/** A plain-language program explanation (Markdown body, this frontmatter). */
export const programSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int(),
  /** Windows the page points readers to, by id. */
  relatedWindows: z.array(slug).default([]),
  source: provenance,
});
export type Program = z.infer<typeof programSchema>;
