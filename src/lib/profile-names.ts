import { profileDir, profileStrings, type ProfileStrings } from './profile';

/** The content profile's names per locale, read at build time by astro.config.mjs (and tests/vitest.config.ts). */
declare const __PORTAL_PROFILE_STRINGS__: Record<string, ProfileStrings>;

/** Outside Vite (tsx scripts such as the bench) nothing is defined: read the selected profile then. */
const names: Record<string, ProfileStrings> = typeof __PORTAL_PROFILE_STRINGS__ === 'undefined' ? profileStrings(profileDir()) : __PORTAL_PROFILE_STRINGS__;

/** The profile's names for a locale (file names such as zh-Hans, or ids such as zh-hans), else Japanese. */
export function profileNames(locale: string): ProfileStrings {
  return names[locale] ?? names[locale.toLowerCase()] ?? names.ja!;
}

/**
 * A district id of the profile for documentation examples (the last in display order). The wizard's
 * region answers (`region-<id>`, named with the districts) are not districts an inquiry can name.
 */
export const exampleDistrict: string = Object.keys(profileNames('ja').districts).filter((id) => !id.startsWith('region-')).at(-1)!;
