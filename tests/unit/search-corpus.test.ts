// The residents' corpus (expectations/search.yaml of the selected profile), answered by the same
// search code the directory page runs in the browser. Prints the pass rate per kind of query and
// every failure; a failure stays in the corpus. Run for both profiles:
//   npx vitest run --config tests/vitest.config.ts tests/unit/search-corpus.test.ts
//   PORTAL_PROFILE=aomori npx vitest run --config tests/vitest.config.ts tests/unit/search-corpus.test.ts
// tests/server/search-page.test.ts scores the same corpus through the no-JS answer page.
import { describe, expect, it } from 'vitest';
import { createSearcher } from '@/search/query';
import { searchQueries } from '../fixtures/search-queries';
import { profileId } from '@/lib/profile';
import { describeFailures, scoreCorpus } from '../support/search-corpus';
import { profileWindows, searchIndexFor } from '../support/search-index';

const windows = profileWindows();
const search = createSearcher(searchIndexFor(windows));

describe(`search corpus (${profileId()})`, () => {
  it('every expected window exists', () => {
    const ids = new Set(windows.map((w) => w.id));
    for (const q of searchQueries) for (const id of [q.expect].flat()) expect(ids, `${q.query} → ${id}`).toContain(id);
  });
  it('finds the right windows for at least 97% of the corpus', async () => {
    const result = await scoreCorpus(searchQueries, (q) => {
      const a = search(q);
      return { windows: a.hits.map((h) => h.id), hotlineTopics: a.hotlineTopics };
    });
    console.log(`search corpus, ${profileId()}, ${searchQueries.length} queries\n${result.table}\n${describeFailures(result)}`);
    expect(result.rate).toBeGreaterThanOrEqual(0.97);
  });
});
