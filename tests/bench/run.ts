// npm run bench: one table of figures a city can trust, taken the same way every time, and the same
// figures as JSON in tests/bench/out/. Timings are reported, never asserted (byte budgets are in npm test).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_SECONDS, measureApi, WARM_UP_SECONDS } from './api';
import { measureBuildTimes } from './build-time';
import { measureLighthouse } from './lighthouse';
import { measurePageWeights } from './page-weight';
import { pageTypes } from './pages';
import { measureSearch } from './search';
import { startBuiltServer } from './server';
import { measureStaff, STAFF_SAMPLES } from './staff';

const targets = { performance: 98, otherLighthouse: 100, apiPerSecond: 1000, apiRatio: 0.5, apiP99Ms: 50, searchP95Ms: 16 };
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const only = new Set(process.argv.slice(2));
  const want = (part: string) => only.size === 0 || only.has(part);
  const results: Record<string, unknown> = { takenAt: new Date().toISOString(), node: process.version };

  if (want('build')) {
    console.error('… build times (default site, then 2,000 synthetic windows)');
    results.build = measureBuildTimes(2000);
  }

  const server = await startBuiltServer(4470, { INQUIRY_DB_PATH: join(mkdtempSync(join(tmpdir(), 'bench-pages-')), 'db.sqlite') });
  try {
    if (want('weight')) {
      console.error('… page weight');
      results.pageWeight = await measurePageWeights(server.origin, pageTypes);
    }
    if (want('lighthouse')) {
      console.error('… Lighthouse (3 runs per page type)');
      results.lighthouse = await measureLighthouse(server.origin, pageTypes.filter((p) => p.type !== 'confirmation'), 3);
    }
  } finally {
    await server.stop();
  }
  if (want('api')) {
    console.error(`… inquiry API and its baseline (${WARM_UP_SECONDS} s warm-up + ${API_SECONDS} s each)`);
    results.api = await measureApi();
  }
  if (want('staff')) {
    console.error('… staff inbox on 100,000 synthetic inquiries');
    results.staff = await measureStaff();
  }
  if (want('search')) {
    console.error('… search at 20,000 windows');
    results.search = measureSearch(20_000);
  }

  mkdirSync('tests/bench/out', { recursive: true });
  writeFileSync('tests/bench/out/results.json', `${JSON.stringify(results, null, 2)}\n`);
  print(results);
}

function print(r: Record<string, any>) {
  const lines: string[] = [];
  if (r.pageWeight) {
    lines.push('Page weight (gzipped)', '| page | HTML | CSS | JS | requests |', '|---|---|---|---|---|');
    for (const p of r.pageWeight) lines.push(`| ${p.type} ${p.path} | ${kb(p.htmlGz)} | ${kb(p.cssGz)} | ${kb(p.jsGz)} | ${p.requests} |`);
  }
  if (r.lighthouse) {
    lines.push('', `Lighthouse (mobile, median of 3; targets: Performance ≥ ${targets.performance}, others ${targets.otherLighthouse})`, '| page | Performance | Accessibility | Best Practices | SEO |', '|---|---|---|---|---|');
    for (const l of r.lighthouse)
      lines.push(`| ${l.type} | ${l.performance} ${mark(l.performance >= targets.performance)} | ${l.accessibility} ${mark(l.accessibility >= 100)} | ${l.bestPractices} ${mark(l.bestPractices >= 100)} | ${l.seo} ${mark(l.seo >= 100)} |`);
  }
  if (r.api) {
    const { api, baseline, ratio } = r.api;
    lines.push('', `Inquiry API (autocannon, 10 connections, ${API_SECONDS} s after a ${WARM_UP_SECONDS} s warm-up, distinct valid inquiries)`, '| target | requests | non-2xx | req/s | p50 ms | p99 ms |', '|---|---|---|---|---|---|');
    for (const a of [api, baseline]) lines.push(`| ${a.target} | ${a.requests} | ${a.non2xx} | ${a.perSecond} | ${a.p50} | ${a.p99} |`);
    lines.push(`API/baseline ratio ${ratio} (${mark(ratio >= targets.apiRatio)} ≥ ${targets.apiRatio}); API ${api.perSecond}/s (${mark(api.perSecond >= targets.apiPerSecond)} ≥ ${targets.apiPerSecond}); p99 ${api.p99} ms (${mark(api.p99 < targets.apiP99Ms)} < ${targets.apiP99Ms})`);
  }
  if (r.search) {
    const s = r.search;
    lines.push(
      '',
      `Search at ${s.windows} synthetic windows: index build ${s.buildMs} ms, index ${kb(s.indexGzBytes)} gzipped (the profile's own: ${kb(s.profileIndexGzBytes)}), per keystroke CPU p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms over ${s.keystrokes} keystrokes (${mark(s.p95Ms <= targets.searchP95Ms)} ≤ ${targets.searchP95Ms} ms); wall-clock p95 ${s.wallP95Ms} ms`,
    );
  }
  if (r.staff) {
    const s = r.staff;
    lines.push('', `Staff inbox: ${s.inquiries} synthetic inquiries over 7 windows, ${s.visible} in the member's 2 windows; ${STAFF_SAMPLES} sequential requests each, time at the client on loopback`, '| request | p50 ms | p95 ms | target |', '|---|---|---|---|');
    for (const f of s.figures) lines.push(`| ${f.name} | ${f.p50} | ${f.p95} | ${f.target ? `p95 < ${f.target} ${mark(f.p95 < f.target)}` : '-'} |`);
  }
  if (r.build) lines.push('', `Build time: default site ${r.build.defaultSeconds} s; with ${r.build.syntheticWindows} synthetic windows ${r.build.syntheticSeconds} s`);
  lines.push('', 'Figures also in tests/bench/out/results.json');
  console.log(lines.join('\n'));
}

await main();
