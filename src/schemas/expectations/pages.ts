// content/profiles/<id>/expectations/pages.yaml: pages a profile's build must have, and words no
// page of it may contain (another profile's names: a copied string would show up here).
import { z } from 'zod';

export const pageExpectationsSchema = z.strictObject({
  pages: z.array(z.string().startsWith('/')).min(1),
  forbidden: z.array(z.string().min(1)).min(1),
});
export type PageExpectations = z.infer<typeof pageExpectationsSchema>;
