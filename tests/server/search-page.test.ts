// The search corpus through the no-JS answer page (/madoguchi/kensaku/, POST): the built server runs
// the same search code as the page script, and what a resident without JavaScript sees is scored by
// the same rule as tests/unit/search-corpus.test.ts. Also: the page's title and headings never repeat
// the query (a title lands in the browser's history), and a hotline is never followed by 「見つかりませんでした」.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchQueries } from '../fixtures/search-queries';
import { profileId } from '@/lib/profile';
import { describeFailures, scoreCorpus } from '../support/search-corpus';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server?.stop());

const answerPage = async (query: string) => {
  const res = await fetch(`${server.origin}/madoguchi/kensaku/`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ q: query }),
    redirect: 'manual',
  });
  expect(res.status, query).toBe(200);
  return res.text();
};
/** The attributes of each opening tag carrying `attr`, in document order. */
const tagsWith = (html: string, attr: string) => [...html.matchAll(new RegExp(`<[a-z]+\\b[^>]*\\b${attr}="([^"]+)"[^>]*>`, 'g'))].map((m) => ({ value: m[1]!, hidden: /\shidden\b/.test(m[0]) }));
const shown = (html: string) => ({
  windows: tagsWith(html, 'data-window-id').filter((t) => !t.hidden).map((t) => t.value),
  hotlineTopics: tagsWith(html, 'data-hotline-topic').filter((t) => !t.hidden).map((t) => t.value),
});

describe(`the no-JS answer page (${profileId()})`, () => {
  it('finds the right windows for at least 97% of the corpus, as the page script does', async () => {
    const result = await scoreCorpus(searchQueries, async (q) => shown(await answerPage(q)));
    console.log(`no-JS answer page, ${profileId()}, ${searchQueries.length} queries\n${result.table}\n${describeFailures(result)}`);
    expect(result.rate).toBeGreaterThanOrEqual(0.97);
  }, 600_000);

  it('never repeats the query in the title or a heading, and never says 見つかりませんでした under a number', async () => {
    const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)![1]!;
    const headings = (html: string) => [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => m[1]!);
    // The headings every answer page has, whatever was searched: a hotline section's own title
    // (「死にたい」と思うほどつらいときの相談電話) is on every page, shown or not. Only the others could reveal a query.
    const plain = await answerPage('宇宙旅行');
    const fixed = new Set(headings(plain));
    for (const q of searchQueries.filter((q) => q.kind === 'danger' || q.kind === 'foreign').map((q) => q.query)) {
      const html = await answerPage(q);
      expect(titleOf(html), q).toBe(titleOf(plain));
      expect(titleOf(html), q).not.toContain(q);
      for (const h of headings(html)) if (!fixed.has(h)) expect(h, q).not.toContain(q);
      const { windows, hotlineTopics } = shown(html);
      if (hotlineTopics.length) expect(windows.length, `${q}: windows under the hotlines`).toBeGreaterThan(0);
      expect(tagsWith(html, 'data-search-none')[0]?.hidden ?? true, q).toBe(true);
    }
  }, 120_000);
});
