import { z } from 'zod';
import ja from './ui/ja.json';
import type { Locale } from './locales';
import type { UiKey } from './messages-types';

export type { UiKey } from './messages-types';

/**
 * Locale files are parsed strictly: flat dotted keys, non-empty strings, nothing else.
 * A bad file fails the build (and the tests) instead of showing a raw key to a resident.
 */
export const messagesSchema = z.record(
  z.string().regex(/^[a-zA-Z0-9]+(\.[a-zA-Z0-9_-]+)+$/, { message: 'keys are flat and dotted, e.g. "nav.home"' }),
  z.string().min(1, { message: 'a UI string may not be empty' }),
);

/** Parsed UI strings of every locale. */
export const messages: Record<Locale, Record<UiKey, string>> = {
  ja: messagesSchema.parse(ja) as Record<UiKey, string>,
};
