import { gzipSync } from 'node:zlib';
import { buildSearchIndex } from '@/search/index-data';
import { createSearcher } from '@/search/query';
import { synonymsSchema } from '@/schemas/search';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { searchQueries } from '../fixtures/search-queries';
import { syntheticWindows } from './synthetic';
import { contentPath as cp } from '@/lib/profile';

export interface SearchFigures {
  windows: number;
  buildMs: number;
  indexGzBytes: number;
  p50Ms: number;
  p95Ms: number;
  queries: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Search at national scale: `count` synthetic windows plus the real ones, indexed and queried by the
 * same code the directory page runs (buildSearchIndex at build time, createSearcher in the browser).
 * The index is parsed from its JSON, as the browser receives it.
 */
export function measureSearch(count = 20_000, rounds = 5): SearchFigures {
  const synonyms = synonymsSchema.parse(parse(readFileSync(cp('search/synonyms.yaml'), 'utf8')));
  const windows = syntheticWindows(count);
  const t0 = performance.now();
  const json = JSON.stringify(buildSearchIndex(windows, synonyms));
  const buildMs = performance.now() - t0;
  const search = createSearcher(JSON.parse(json));
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const { query } of searchQueries) {
      const start = performance.now();
      search(query);
      times.push(performance.now() - start);
    }
  }
  return {
    windows: count,
    buildMs: Math.round(buildMs),
    indexGzBytes: gzipSync(json).length,
    p50Ms: Math.round(percentile(times, 50) * 10) / 10,
    p95Ms: Math.round(percentile(times, 95) * 10) / 10,
    queries: times.length,
  };
}
