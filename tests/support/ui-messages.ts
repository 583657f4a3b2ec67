import { readFileSync } from 'node:fs';
import { locales, type Locale } from '@/i18n/locales';
import type { UiKey } from '@/i18n/messages-types';
import { fillProfile, profileDir, profileStrings } from '@/lib/profile';

// Playwright loads specs as plain Node ESM, where JSON needs import attributes that Vite does not
// want; read the locale files directly instead (vitest and the build parse them strictly).
const root = new URL('../../src/i18n/ui/', import.meta.url);

const profile = profileStrings(profileDir());

/** Every locale's UI strings as the built site shows them (the content profile's names filled in), for browser tests. */
export const messages = Object.fromEntries(
  locales.map((l) => [l, fillProfile(JSON.parse(readFileSync(new URL(`${l}.json`, root), 'utf8')), profile[l] ?? profile.ja!)]),
) as Record<Locale, Record<UiKey, string>>;
