import { z } from 'zod';
import { japanesePhoneNumber, provenance } from './common';

/** The municipality profile: who runs the portal and how to reach the responsible section. */
export const siteSchema = z.object({
  municipality: z.string().min(1),
  municipalityKana: z.string().min(1),
  department: z.string().min(1),
  postalCode: z.string().regex(/^\d{3}-\d{4}$/),
  address: z.string().min(1),
  phone: japanesePhoneNumber,
  fax: japanesePhoneNumber,
  email: z.email(),
  officialPage: z.string().min(1),
  /** Days after 完了 before an inquiry is deleted, keeping only anonymous counts (README, "Retention"). */
  inquiryRetentionDays: z.number().int().positive(),
  source: provenance,
});
export type Site = z.infer<typeof siteSchema>;
