import { z } from 'zod';

/**
 * How a translated content entry relates to the Japanese original. An entry nobody has reviewed
 * shows a notice that the Japanese text is authoritative.
 */
export const translationStatus = z.strictObject({
  /** `full`: the whole text; `summary`: a faithful summary (the full text is in ja and en). */
  kind: z.enum(['full', 'summary']),
  reviewed: z.boolean(),
});
export type TranslationStatus = z.infer<typeof translationStatus>;

const text = z.string().min(1);

/** A window's texts in one locale. The name itself stays Japanese: it is what is on the door. */
const windowText = z.strictObject({
  /** The Japanese name with ruby notation (やさしい日本語 only). */
  name: text.optional(),
  /** How to say the name: romanised, or kana for やさしい日本語. */
  reading: text,
  description: text,
  /** The window's one-line lead (what it does) in this locale. */
  lead: text,
  /**
   * What the Japanese name means, for readers of other scripts: shown beside the name, which stays
   * Japanese because it is what a resident says on the phone. Not used for やさしい日本語.
   */
  meaning: text.optional(),
  callScript: z.array(text),
  /** One entry per channel of the window, in the same order; null where the channel has no note. */
  channelNotes: z.array(text.nullable()),
  operator: text.optional(),
  department: text.optional(),
  /** The street address as this locale writes it (やさしい日本語: with readings); else the Japanese one. */
  address: text.optional(),
});

/**
 * content/translations/<locale>.yaml: the resident-facing texts of the YAML collections in one
 * locale, keyed by entry id. `npx tsx tests/tools/translation-skeleton.mjs` prints the Japanese.
 */
export const contentTranslationSchema = z.strictObject({
  /** Whether a person has reviewed this file's translations. */
  reviewed: z.boolean(),
  windows: z.record(z.string(), windowText),
  areas: z.record(z.string(), z.strictObject({ name: text, sphere: text })),
  hotlines: z.record(z.string(), z.strictObject({ name: text, when: text, notes: z.array(text).optional() })),
  places: z.record(
    z.string(),
    z.strictObject({ name: text, location: text.optional(), count: text.optional(), department: text.optional(), operator: text.optional(), description: text }),
  ),
  /** `localName`, `localGov` and `operator` are filled into UI strings (see src/schemas/site.ts). */
  site: z.strictObject({ municipality: text, localName: text, localGov: text, operator: text, department: text, address: text }),
  /**
   * A cited source's title or publisher as this locale writes it, keyed by the Japanese text in
   * content/sources/. They are cited as published, so most locales leave them out; やさしい日本語 adds readings.
   */
  sourceTitles: z.record(text, text).optional(),
});
export type ContentTranslation = z.infer<typeof contentTranslationSchema>;

/** Frontmatter of a translated program page; order, related windows and sources come from ja. */
export const programTranslationSchema = z.strictObject({ title: text, summary: text, translation: translationStatus });

/** Frontmatter of a translated standalone page (policy). */
export const pageTranslationSchema = z.strictObject({ title: text, description: text, translation: translationStatus });
