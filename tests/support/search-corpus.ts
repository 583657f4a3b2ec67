// The search corpus (content/profiles/<id>/expectations/search.yaml) scored against any way of
// answering a query: the search code directly (tests/unit/search-corpus.test.ts) or the no-JS answer
// page. Prints the pass rate per kind of query, and every failure, so a failure stays visible.
import type { SearchQuery } from '@/schemas/expectations/search';
import { searchQueryKinds } from '@/schemas/expectations/search';

/** What an answer shows, in order: the windows, and the hotline topics whose numbers come first. */
export interface CorpusAnswer {
  windows: string[];
  hotlineTopics: readonly string[];
}

export interface CorpusResult {
  rate: number;
  failures: { query: SearchQuery; got: CorpusAnswer }[];
  table: string;
}

/** True when every expected window is within the query's rank, and a danger word's topic is shown. */
export function passes(q: SearchQuery, got: CorpusAnswer): boolean {
  const top = got.windows.slice(0, q.rank);
  const windowsOk = [q.expect].flat().every((id) => top.includes(id));
  return windowsOk && (!q.hotline || got.hotlineTopics.includes(q.hotline));
}

export async function scoreCorpus(queries: readonly SearchQuery[], answer: (query: string) => CorpusAnswer | Promise<CorpusAnswer>): Promise<CorpusResult> {
  const failures: CorpusResult['failures'] = [];
  const perKind = new Map<string, { pass: number; all: number }>();
  for (const q of queries) {
    const got = await answer(q.query);
    const ok = passes(q, got);
    const k = perKind.get(q.kind) ?? { pass: 0, all: 0 };
    k.all++;
    if (ok) k.pass++;
    else failures.push({ query: q, got });
    perKind.set(q.kind, k);
  }
  const pct = (p: number, a: number) => `${((100 * p) / a).toFixed(1)}%`.padStart(7);
  const rows = searchQueryKinds.filter((k) => perKind.has(k)).map((k) => `${k.padEnd(11)} ${String(perKind.get(k)!.pass).padStart(4)}/${String(perKind.get(k)!.all).padEnd(4)} ${pct(perKind.get(k)!.pass, perKind.get(k)!.all)}`);
  const pass = queries.length - failures.length;
  rows.push(`${'all'.padEnd(11)} ${String(pass).padStart(4)}/${String(queries.length).padEnd(4)} ${pct(pass, queries.length)}`);
  const table = `kind        pass/all   rate\n${rows.join('\n')}`;
  return { rate: pass / queries.length, failures, table };
}

/** One line per failure: the query, what it expected, what came first. */
export const describeFailures = (r: CorpusResult) =>
  r.failures.map(({ query: q, got }) => `  ✗ [${q.kind}] "${q.query}" expected ${[q.expect].flat().join('+')}${q.hotline ? ` after ${q.hotline}` : ''} in top ${q.rank}; got ${got.windows.slice(0, 3).join(', ') || '(nothing)'}${got.hotlineTopics.length ? ` / ${got.hotlineTopics.join(',')}` : ''}`).join('\n');
