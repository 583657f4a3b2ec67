import { z } from 'zod';

/** A standalone content page (policy and the like): Markdown body with a title. */
export const pageSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  updated: z.coerce.date(),
});
export type ContentPage = z.infer<typeof pageSchema>;
