import { gzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildSearchIndex } from '@/search/index-data';
import { createSearcher } from '@/search/query';
import { searchQueries } from '../fixtures/search-queries';
import { searchContent, searchIndexFor } from '../support/search-index';
import { syntheticWindows } from './synthetic';

export interface SearchFigures {
  windows: number;
  buildMs: number;
  /** Gzipped bytes of the index the browser fetches, at `windows` windows. */
  indexGzBytes: number;
  /** Gzipped bytes of the profile's own index (its windows, the vocabulary and readings). */
  profileIndexGzBytes: number;
  /** Per keystroke, CPU time of the search (what it costs the phone, whatever else the machine runs). */
  p50Ms: number;
  p95Ms: number;
  /** Per keystroke, wall-clock time (includes waiting for the CPU on a shared machine). */
  wallP95Ms: number;
  /** Keystrokes measured: every prefix of every corpus query, `rounds` times. */
  keystrokes: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Search at national scale: `count` synthetic windows, indexed and queried by the same code the
 * directory page runs (buildSearchIndex at build time, createSearcher in the browser). The index is
 * parsed from its JSON, as the browser receives it. Timed per keystroke: the page searches on every
 * input event, so each prefix of each corpus query is one measurement.
 */
export function measureSearch(count = 20_000, rounds = 3): SearchFigures {
  const windows = syntheticWindows(count);
  const t0 = performance.now();
  const json = JSON.stringify(buildSearchIndex({ windows, ...searchContent() }));
  const buildMs = performance.now() - t0;
  const search = createSearcher(JSON.parse(json));
  const keystrokes = searchQueries.flatMap(({ query }) => [...query].map((_, i) => [...query].slice(0, i + 1).join('')));
  const times: number[] = [];
  const wall: number[] = [];
  // Collect the build's garbage first: a resident's phone has the index, not 20,000 windows' worth of
  // build-time strings, waiting to be collected in the middle of a keystroke.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  for (let r = 0; r < rounds; r++) {
    for (const q of keystrokes) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      search(q);
      const used = process.cpuUsage(cpu);
      wall.push(performance.now() - start);
      times.push((used.user + used.system) / 1000);
    }
  }
  return {
    windows: count,
    buildMs: Math.round(buildMs),
    indexGzBytes: gzipSync(json).length,
    profileIndexGzBytes: gzipSync(JSON.stringify(searchIndexFor())).length,
    p50Ms: Math.round(percentile(times, 50) * 100) / 100,
    p95Ms: Math.round(percentile(times, 95) * 100) / 100,
    wallP95Ms: Math.round(percentile(wall, 95) * 100) / 100,
    keystrokes: times.length,
  };
}
