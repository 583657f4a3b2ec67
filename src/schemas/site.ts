import { z } from 'zod';
import { japanesePhoneNumber, provenance } from './common';

/**
 * A content profile's site settings: whom the portal serves, who runs it and how to reach the
 * responsible section. A profile may be one 市・町・村, or a 社会福祉協議会 serving several.
 * UI strings fill in `municipality`, `localGov` and `operator` (src/i18n/messages.ts).
 */
export const siteSchema = z.object({
  /** Whom the portal serves, as sentences name it: a 市 (○○市), or the towns a 社協 serves (○○地域の9町村). */
  municipality: z.string().min(1),
  municipalityKana: z.string().min(1),
  /** The word in 市内 / 市外 / 市の: 市, 町, 村, or e.g. 9町村 for a service covering several. */
  localGov: z.string().min(1),
  /** Who runs the portal and receives what is sent: the municipality, or e.g. a 社会福祉協議会. */
  operator: z.string().min(1),
  department: z.string().min(1),
  /** Left out when the sources give none (the footer then shows the address alone). */
  postalCode: z.string().regex(/^\d{3}-\d{4}$/).optional(),
  address: z.string().min(1),
  phone: japanesePhoneNumber,
  fax: japanesePhoneNumber.optional(),
  email: z.email().optional(),
  officialPage: z.string().min(1),
  /**
   * Whom staff ask when a password, authenticator app or passkey device is lost: the section that keeps
   * the portal's staff accounts (its admins), as the operator names it. The staff sign-in page says it.
   */
  staffAccountsContact: z.string().min(1),
  /** Days after 完了 before an inquiry is deleted, keeping only anonymous counts (README, "Retention"). */
  inquiryRetentionDays: z.number().int().positive(),
  /**
   * Days after a window's `source.verified` before its page, card and the wizard's result say the facts
   * may have changed and ask the reader to phone first (README, "Keeping facts true").
   */
  factsCheckDays: z.number().int().positive().default(180),
  /**
   * The terms the directory's open data (/opendata/madoguchi.csv, .json) is published under, as the
   * operator states them in a source. `null` when no source states any: the data then says so, and no
   * licence is guessed. Required, so a profile decides it.
   */
  openDataLicence: z.object({ name: z.string().min(1), url: z.url({ protocol: /^https?$/ }).optional() }).nullable(),
  source: provenance,
});
export type Site = z.infer<typeof siteSchema>;
