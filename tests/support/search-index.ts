// The directory search's index for tests and the benchmark, built from the selected profile's content
// files with the same builder the page uses (src/search/index-data.ts, via src/lib/collections.ts at
// build time), and round-tripped through JSON as the browser receives it.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { areaSchema } from '@/schemas/area';
import { flowSchema } from '@/schemas/flow';
import { routingSchema } from '@/schemas/routing';
import { readingsSchema, vocabularySchema } from '@/schemas/search-vocabulary';
import { windowSchema } from '@/schemas/window';
import { buildSearchIndex, type SearchIndexData, type SearchSources } from '@/search/index-data';
import { contentPath as cp } from '@/lib/profile';

const yaml = (rel: string) => parse(readFileSync(cp(rel), 'utf8')) as unknown;

/** The profile's windows, as the build reads them. */
export const profileWindows = () => readdirSync(cp('windows')).map((f) => ({ id: f.replace(/\.yaml$/, ''), ...windowSchema.parse(yaml(`windows/${f}`)) })).sort((a, b) => a.order - b.order);

/** Everything but the windows: the vocabulary, readings, flow, routing and districts. */
export function searchContent(): Omit<SearchSources, 'windows'> {
  return {
    vocabulary: vocabularySchema.parse(yaml('search/vocabulary.yaml')),
    readings: readingsSchema.parse(yaml('search/readings.yaml')).words,
    flow: flowSchema.parse(yaml('triage/flow.yaml')),
    routing: routingSchema.parse(yaml('triage/routing.yaml')),
    areas: (yaml('areas.yaml') as unknown[]).map((a) => areaSchema.parse(a)),
  };
}

/** The index for `windows` (the profile's own by default), as the browser parses it. */
export function searchIndexFor(windows: SearchSources['windows'] = profileWindows()): SearchIndexData {
  return JSON.parse(JSON.stringify(buildSearchIndex({ windows, ...searchContent() }))) as SearchIndexData;
}
