import { getCollection, getEntry } from 'astro:content';
import { defaultLocale, localeInfo, type Locale } from '@/i18n/locales';
import type { ConsultationWindow } from '@/schemas/window';
import type { ContentTranslation, TranslationStatus } from '@/schemas/translation';
import { factsAge, type FactsAge } from './facts-check';
import { regionGroups, withDistricts } from '@/triage/districts';
import { toTriageWindow, type TriageData } from '@/triage/engine';
import { buildSearchIndex, type SearchIndexData } from '@/search/index-data';

/**
 * Content loaders. Each takes the page's locale and returns the same shapes as the Japanese content,
 * with the resident-facing texts swapped for content/translations/<locale>.yaml. Components never
 * need to know about translation files. Window names stay Japanese (they are on the door); for
 * やさしい日本語 they carry ruby notation.
 */

/** Content entry ids are lower-cased by the glob loader (zh-Hans.yaml → "zh-hans"). */
const entryId = (locale: Locale) => locale.toLowerCase();

async function contentTranslation(locale: Locale): Promise<ContentTranslation | undefined> {
  if (locale === defaultLocale) return undefined;
  const entry = await getEntry('translations', entryId(locale));
  if (!entry) throw new Error(`content/translations/${locale}.yaml is missing`);
  return entry.data;
}

/** Whether the locale's YAML translations have been reviewed (null for Japanese, the original). */
export async function contentReviewed(locale: Locale): Promise<boolean | null> {
  return (await contentTranslation(locale))?.reviewed ?? null;
}

/**
 * A window plus how to say its name in the reader's script and what the name means in the reader's
 * language (both absent in Japanese).
 */
export type LocalizedWindow = ConsultationWindow & {
  nameReading?: string;
  nameMeaning?: string;
  /**
   * やさしい日本語 shows kanji only with readings. An address whose place names have no reading in the
   * sources (大字・字 names) is not given with guessed readings: the page points to the Japanese page.
   */
  addressWithoutReadings?: boolean;
  /** When the facts were checked and when they fall due again (site.yaml factsCheckDays). */
  factsAge: FactsAge;
};

/** All windows in display order, flattened to `{ id, ...data }`. Build-time only. */
export async function loadWindows(locale: Locale = defaultLocale): Promise<LocalizedWindow[]> {
  const tr = await contentTranslation(locale);
  const entries = await getCollection('windows');
  const { factsCheckDays } = await loadSite();
  return entries
    .map((e): LocalizedWindow => {
      const w: LocalizedWindow = { id: e.id, ...e.data, factsAge: factsAge(e.data.source.verified, factsCheckDays) };
      const x = tr?.windows[e.id];
      const addressWithoutReadings = localeInfo[locale].ruby && Boolean(w.address) && !x?.address;
      if (!x) return addressWithoutReadings ? { ...w, addressWithoutReadings } : w;
      return {
        ...w,
        name: x.name ?? w.name,
        nameReading: localeInfo[locale].ruby ? undefined : x.reading,
        nameMeaning: x.meaning,
        summary: x.description,
        lead: x.lead,
        callScript: x.callScript,
        channels: w.channels.map((c, i) => ({ ...c, note: x.channelNotes[i] ?? c.note })),
        operation: { ...w.operation, department: x.department ?? w.operation.department, operator: x.operator ?? w.operation.operator },
        address: w.address && x.address ? { ...w.address, text: x.address } : w.address,
        ...(addressWithoutReadings ? { addressWithoutReadings } : {}),
      };
    })
    .sort((a, b) => a.order - b.order);
}

/** A cited source as the site shows it: title, publisher, date and address, never a file name. */
export interface CitedSource {
  title: string;
  publisher?: string;
  /** The date the document prints, and whether it is the publication or the last update. */
  date?: { kind: 'published' | 'updated' | 'declared'; value: string };
  url?: string;
}

/**
 * The sources an entry names (ids in content/sources/), in the order named. Titles and publishers
 * stay as published unless the locale writes them otherwise (やさしい日本語 adds readings).
 */
export async function loadSources(ids: readonly string[], locale: Locale): Promise<CitedSource[]> {
  const texts = (await contentTranslation(locale))?.sourceTitles ?? {};
  const say = (text: string) => texts[text] ?? text;
  return Promise.all(
    ids.map(async (id) => {
      const entry = await getEntry('sources', id);
      if (!entry) throw new Error(`source "${id}" is missing: no sources/${id}.md in the profile or in content/sources/`);
      const s = entry.data;
      const dated =
        s.kind === 'document' ? (s.updated ? { kind: 'updated' as const, value: s.updated } : s.published ? { kind: 'published' as const, value: s.published } : undefined)
        : s.kind === 'window-declared' ? { kind: 'declared' as const, value: s.declared }
        : undefined;
      return { title: say(s.title), publisher: s.publisher && say(s.publisher), date: dated, url: s.url };
    }),
  );
}

/** Districts in display order. */
export async function loadAreas(locale: Locale = defaultLocale) {
  const tr = await contentTranslation(locale);
  return (await getCollection('areas'))
    .map((e) => ({ ...e.data, ...tr?.areas[e.data.id] }))
    .sort((a, b) => a.order - b.order);
}

/** National hotlines in display order. */
export async function loadHotlines(locale: Locale = defaultLocale) {
  const tr = await contentTranslation(locale);
  return (await getCollection('hotlines'))
    .map((e) => ({ ...e.data, ...tr?.hotlines[e.data.id] }))
    .sort((a, b) => a.order - b.order);
}

/** The municipality profile's site settings (content/profiles/<id>/site.yaml). */
export async function loadSite(locale: Locale = defaultLocale) {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('content/site.yaml is missing');
  return { ...entry.data, ...(await contentTranslation(locale))?.site };
}

/**
 * The directory search's index (src/search/index-data.ts): the Japanese windows (which hold the
 * keywords in every locale), the one vocabulary and its readings, the flow's troubles, the routing
 * and the districts. The same for every locale; built once per build.
 */
let searchIndex: Promise<SearchIndexData> | undefined;
export function loadSearchIndex(): Promise<SearchIndexData> {
  return (searchIndex ??= (async () => {
    const [vocabulary, readings, flow, routing] = await Promise.all([getEntry('vocabulary', 'vocabulary'), getEntry('readings', 'readings'), getEntry('flow', 'flow'), getEntry('routing', 'routing')]);
    if (!vocabulary || !readings || !flow || !routing) throw new Error('content/search/vocabulary.yaml, readings.yaml, triage/flow.yaml or routing.yaml is missing');
    return buildSearchIndex({ windows: await loadWindows(), vocabulary: vocabulary.data, readings: readings.data.words, flow: flow.data, routing: routing.data, areas: await loadAreas() });
  })());
}

/**
 * Program explanations of one locale, in reading order, with the slug used in URLs. Translated
 * pages inherit order, related windows and sources from the Japanese page of the same slug.
 */
export async function loadPrograms(locale: Locale = defaultLocale) {
  const originals = (await getCollection('programs')).map((e) => ({ entry: e, slug: e.id.slice('ja/'.length) }));
  const translated = locale === defaultLocale ? [] : await getCollection('programTranslations', (e) => e.id.startsWith(`${entryId(locale)}/`));
  return originals
    .map(({ entry, slug }) => {
      const t = translated.find((e) => e.id === `${entryId(locale)}/${slug}`);
      if (locale !== defaultLocale && !t) throw new Error(`content/programs/${locale}/${slug}.md is missing`);
      return {
        slug,
        data: { ...entry.data, ...(t ? { title: t.data.title, summary: t.data.summary } : {}) },
        /** The Markdown entry to render: the translation when there is one. */
        body: t ?? entry,
        translation: (t?.data.translation ?? null) as TranslationStatus | null,
      };
    })
    .sort((a, b) => a.data.order - b.data.order);
}

/** A standalone page (e.g. policy) in one locale, with the Japanese page's metadata. */
export async function loadPage(locale: Locale, slug: string) {
  const original = await getEntry('pages', `ja/${slug}`);
  if (!original) throw new Error(`content/pages/ja/${slug}.md is missing`);
  if (locale === defaultLocale) return { data: original.data, body: original, translation: null };
  const t = await getEntry('pageTranslations', `${entryId(locale)}/${slug}`);
  if (!t) throw new Error(`content/pages/${locale}/${slug}.md is missing`);
  return { data: { ...original.data, title: t.data.title, description: t.data.description }, body: t, translation: t.data.translation as TranslationStatus };
}

/** 居場所 and 地域づくり拠点 in display order. */
export async function loadPlaces(locale: Locale = defaultLocale) {
  const tr = await contentTranslation(locale);
  return (await getCollection('places'))
    .map((e) => ({ ...e.data, ...tr?.places[e.data.id] }))
    .sort((a, b) => a.order - b.order);
}

/** Everything the triage engine reads, from the content collections (build time and on-demand routes). */
export async function loadTriageContent(locale: Locale = defaultLocale): Promise<TriageData> {
  const [flow, routing] = [await getEntry('flow', 'flow'), await getEntry('routing', 'routing')];
  if (!flow || !routing) throw new Error('content/triage/flow.yaml or routing.yaml is missing');
  const areas = await loadAreas();
  const regions = regionGroups(areas);
  return { flow: withDistricts(flow.data, areas.map((a) => a.id), Object.keys(regions)), regions, routing: routing.data, windows: (await loadWindows(locale)).map(toTriageWindow), hotlines: await loadHotlines(locale) };
}
