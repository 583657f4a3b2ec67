// Wires the top-level content/ folder to the zod schemas in src/schemas. Nothing else lives here.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { areaSchema } from './schemas/area';
import { hotlineSchema } from './schemas/hotline';
import { pageSchema } from './schemas/page';
import { placeSchema } from './schemas/place';
import { programSchema } from './schemas/program';
import { routingSchema } from './schemas/routing';
import { synonymSchema } from './schemas/search';
import { siteSchema } from './schemas/site';
import { windowSchema } from './schemas/window';

const windows = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/windows' }),
  schema: windowSchema,
});
const areas = defineCollection({ loader: file('content/areas.yaml'), schema: areaSchema });
const hotlines = defineCollection({ loader: file('content/hotlines.yaml'), schema: hotlineSchema });
const places = defineCollection({ loader: file('content/places.yaml'), schema: placeSchema });
const programs = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/programs' }),
  schema: programSchema,
});
const pages = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/pages' }),
  schema: pageSchema,
});

/** A collection with one entry read from one YAML file (id = the file's base name). */
function singleYaml(path: string, id: string) {
  return async () => {
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    return [{ id, ...parse(await readFile(path, 'utf8')) }];
  };
}
/** A collection whose entries are the items of one YAML list without ids (id = position). */
function yamlList(path: string) {
  return async () => {
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    return (parse(await readFile(path, 'utf8')) as object[]).map((item, i) => ({ id: String(i), ...item }));
  };
}
const site = defineCollection({ loader: singleYaml('content/site.yaml', 'site'), schema: siteSchema });
const routing = defineCollection({ loader: singleYaml('content/triage/routing.yaml', 'routing'), schema: routingSchema });

const synonyms = defineCollection({ loader: yamlList('content/search/synonyms.yaml'), schema: synonymSchema });

export const collections = { windows, areas, hotlines, places, programs, site, routing, synonyms, pages };
