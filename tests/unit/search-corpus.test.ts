// The residents' corpus (expectations/search.yaml of the selected profile), answered by the same
// search code the directory page runs in the browser. Prints the pass rate per kind of query and
// every failure; a failure stays in the corpus. Run for both profiles:
//   npx vitest run --config tests/vitest.config.ts tests/unit/search-corpus.test.ts
//   PORTAL_PROFILE=aomori npx vitest run --config tests/vitest.config.ts tests/unit/search-corpus.test.ts
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { synonymsSchema } from '@/schemas/search';
import { windowSchema } from '@/schemas/window';
import { buildSearchIndex } from '@/search/index-data';
import { createSearcher, hotlineTopicsFor } from '@/search/query';
import { searchQueries } from '../fixtures/search-queries';
import { contentPath as cp, profileId } from '@/lib/profile';
import { describeFailures, scoreCorpus } from '../support/search-corpus';

const windows = readdirSync(cp('windows')).map((f) => ({ id: f.replace(/\.yaml$/, ''), ...windowSchema.parse(parse(readFileSync(cp(`windows/${f}`), 'utf8'))) }));
const synonyms = synonymsSchema.parse(parse(readFileSync(cp('search/synonyms.yaml'), 'utf8')));
const index = JSON.parse(JSON.stringify(buildSearchIndex(windows, synonyms)));
const search = createSearcher(index);

describe(`search corpus (${profileId()})`, () => {
  it('every expected window exists', () => {
    const ids = new Set(windows.map((w) => w.id));
    for (const q of searchQueries) for (const id of [q.expect].flat()) expect(ids, `${q.query} → ${id}`).toContain(id);
  });
  it('finds the right windows for at least 97% of the corpus', async () => {
    const result = await scoreCorpus(searchQueries, (q) => ({ windows: search(q).map((h) => h.id), hotlineTopics: hotlineTopicsFor(q, index.synonyms) }));
    console.log(`search corpus, ${profileId()}, ${searchQueries.length} queries\n${result.table}\n${describeFailures(result)}`);
    expect(result.rate).toBeGreaterThanOrEqual(0.97);
  });
});
