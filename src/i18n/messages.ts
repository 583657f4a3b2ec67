import { z } from 'zod';
import ja from './ui/ja.json';
import easy from './ui/easy.json';
import en from './ui/en.json';
import zhHans from './ui/zh-Hans.json';
import ko from './ui/ko.json';
import vi from './ui/vi.json';
import tl from './ui/tl.json';
import ne from './ui/ne.json';
import ptBR from './ui/pt-BR.json';
import id from './ui/id.json';
import type { Locale } from './locales';
import type { UiKey } from './messages-types';
import { fillProfile } from '@/lib/profile';
import { profileNames } from '@/lib/profile-names';

export type { UiKey } from './messages-types';

const uiString = z.string().min(1, { message: 'a UI string may not be empty' });

/**
 * Locale files are parsed strictly: exactly the keys of ja.json (none missing, none extra),
 * each a non-empty string. A bad file fails the build and the tests instead of showing a raw key.
 */
export const messagesSchema = z.strictObject(
  Object.fromEntries(Object.keys(ja).map((key) => [key, uiString])) as Record<UiKey, typeof uiString>,
);

const files: Record<Locale, unknown> = { ja, easy, en, 'zh-Hans': zhHans, ko, vi, tl, ne, 'pt-BR': ptBR, id };

/** Parsed UI strings of every locale, with the profile's names filled in. */
export const messages = Object.fromEntries(
  Object.entries(files).map(([locale, file]) => {
    const parsed = messagesSchema.safeParse(file);
    if (!parsed.success) throw new Error(`src/i18n/ui/${locale}.json: ${z.prettifyError(parsed.error)}`);
    return [locale, fillProfile(parsed.data, profileNames(locale))];
  }),
) as Record<Locale, Record<UiKey, string>>;
