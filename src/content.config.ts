// Wires the selected content profile (src/lib/profile.ts: PORTAL_PROFILE, else the default) to the
// zod schemas in src/schemas. Nothing else lives here.
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { basename } from 'node:path';
import { contentPath, profileDir, sharedContent } from './lib/profile';
import { areaSchema } from './schemas/area';
import { flowSchema } from './schemas/flow';
import { hotlineSchema } from './schemas/hotline';
import { pageSchema } from './schemas/page';
import { placeSchema } from './schemas/place';
import { programSchema } from './schemas/program';
import { contentTranslationSchema, pageTranslationSchema, programTranslationSchema } from './schemas/translation';
import { routingSchema } from './schemas/routing';
import { readingsSchema, vocabularySchema } from './schemas/search-vocabulary';
import { siteSchema } from './schemas/site';
import { sourceSchema } from './schemas/source';
import { verifiedHotlineListSchema } from './schemas/verified-hotline';
import { windowSchema } from './schemas/window';

const windows = defineCollection({
  loader: glob({ pattern: '*.yaml', base: contentPath('windows') }),
  schema: windowSchema,
});
const areas = defineCollection({ loader: file(contentPath('areas.yaml')), schema: areaSchema });
const hotlines = defineCollection({ loader: file(contentPath('hotlines.yaml')), schema: hotlineSchema });
/**
 * sources/<id>.md: the documents the facts were checked against (front matter + the text as published).
 * The profile's own documents and the shared ones (national hotlines' sources) form one collection,
 * keyed by file name, so an entry cites a document by id wherever it sits.
 */
const sources = defineCollection({
  loader: glob({
    pattern: [...new Set([`${profileDir()}/sources/*.md`, `${sharedContent}/sources/*.md`])],
    base: '.',
    generateId: ({ entry }) => basename(entry, '.md'),
  }),
  schema: sourceSchema,
});
const places = defineCollection({ loader: file(contentPath('places.yaml')), schema: placeSchema });
const programs = defineCollection({
  loader: glob({ pattern: 'ja/*.md', base: contentPath('programs') }),
  schema: programSchema,
});
/** Program pages in the other locales (id "en/about"); order, sources and links come from ja. */
const programTranslations = defineCollection({
  loader: glob({ pattern: ['*/*.md', '!ja/*.md'], base: contentPath('programs') }),
  schema: programTranslationSchema,
});
const pages = defineCollection({
  loader: glob({ pattern: 'ja/*.md', base: contentPath('pages') }),
  schema: pageSchema,
});
const pageTranslations = defineCollection({
  loader: glob({ pattern: ['*/*.md', '!ja/*.md'], base: contentPath('pages') }),
  schema: pageTranslationSchema,
});
/** content/translations/<locale>.yaml: window, district, hotline, place and site texts per locale. */
const translations = defineCollection({
  loader: glob({ pattern: '*.yaml', base: contentPath('translations') }),
  schema: contentTranslationSchema,
});

/**
 * A collection with one entry read from one YAML file. An object loader, so the entry id is not
 * mixed into the data and strict schemas still reject unknown keys.
 */
function singleYaml(path: string, id: string): Loader {
  return {
    name: `single-yaml:${path}`,
    load: async ({ store, parseData, watcher }) => {
      const { readFile } = await import('node:fs/promises');
      const { parse } = await import('yaml');
      const data = await parseData({ id, data: parse(await readFile(path, 'utf8')), filePath: path });
      store.set({ id, data, filePath: path });
      watcher?.add(path);
    },
  };
}
const site = defineCollection({ loader: singleYaml(contentPath('site.yaml'), 'site'), schema: siteSchema });
const routing = defineCollection({ loader: singleYaml(contentPath('triage/routing.yaml'), 'routing'), schema: routingSchema });

/** Validated at build so a malformed list stops it; read by the facts test. */
const verifiedHotlines = defineCollection({
  loader: singleYaml(contentPath('sources/national-hotlines.yaml'), 'national-hotlines'),
  schema: verifiedHotlineListSchema,
});

const flow = defineCollection({ loader: singleYaml(contentPath('triage/flow.yaml'), 'flow'), schema: flowSchema });
// The one vocabulary of everyday words (keyed by the flow's troubles) and the readings of its kanji words.
const vocabulary = defineCollection({ loader: singleYaml(contentPath('search/vocabulary.yaml'), 'vocabulary'), schema: vocabularySchema });
const readings = defineCollection({ loader: singleYaml(contentPath('search/readings.yaml'), 'readings'), schema: readingsSchema });

export const collections = { windows, areas, hotlines, sources, verifiedHotlines, places, programs, programTranslations, site, routing, vocabulary, readings, pages, pageTranslations, translations, flow };
