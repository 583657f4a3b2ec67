import { z } from 'zod';

/** Lower-case slug used for every content id (file names, URLs, references). */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a lower-case slug such as "kita-houkatsu"' });

/** Hiragana reading (よみがな) of a Japanese name, spaces allowed. */
export const kanaReading = z
  .string()
  .regex(/^[\u3041-\u309f\u30fc\s・]+$/, { message: 'must be written in hiragana (e.g. "かとりし")' });

/**
 * A Japanese subscriber number written with hyphens, as printed in the seeds (e.g. 012-345-6789),
 * or a toll-free 0120 number. Short service codes (110, #8008) are a separate type in hotline.ts.
 */
export const japanesePhoneNumber = z
  .string()
  .regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, { message: 'must be a Japanese phone number with hyphens, e.g. 012-345-6789' });

/**
 * Where a fact came from and when a person last checked it (HSDS assured_date).
 * `documents` are ids of sources in content/sources/ (the file name without .md); the site shows
 * each one's title, publisher and date, and the facts test reads the facts from those files.
 */
export const provenance = z.object({
  documents: z.array(slug).min(1, { message: 'every entry needs at least one source document (an id in content/sources/)' }),
  verified: z.coerce.date({ message: 'must be the date the facts were checked (YYYY-MM-DD)' }),
});

export type Provenance = z.infer<typeof provenance>;
