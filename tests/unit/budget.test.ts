import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delocalizePath, localizePath, locales } from '@/i18n/locales';
import { builtPages, distClient, htmlWeight, pageWeight } from '../support/dist-weight';
import { startServer, type TestServer } from '../support/server';

/**
 * Byte budgets, checked on the built site (npm test builds before vitest). Bytes are deterministic,
 * so these are asserted; timings are only reported by `npm run bench`. Budgets are in bytes: a test
 * in KiB let 103,418 B pass a "100 KB" budget.
 */
const pages = builtPages();
const KB = 1024;

/** The two React pages (the wizard, the inquiry form): gzipped bytes of every chunk the page can load (issue 13). */
const ISLAND_PAGE_JS_BYTES = 90_000;
/** The quick exit, the only script on content pages that carry it (issue 19). */
const QUICK_EXIT_JS_BYTES = 2_000;

/** Pages that are allowed to ship JavaScript, and how much (gzipped bytes). */
const jsBudget = (localizedPath: string, html: string): number => {
  const { path } = delocalizePath(localizedPath);
  if (path === '/sagasu/' || path.startsWith('/soudan/')) return ISLAND_PAGE_JS_BYTES;
  if (path === '/madoguchi/' || /^\/madoguchi\/(bunya|chiku|houhou)\//.test(path)) return 25 * KB; // directory search
  if (html.includes('data-quick-exit')) return QUICK_EXIT_JS_BYTES;
  return 0; // content pages ship no JavaScript
};
const readHtml = (file: string) => readFileSync(file, 'utf8');
const isContentPage = (path: string) => jsBudget(path, '') === 0;

describe('page budgets on dist/', () => {
  it('finds the built pages', () => expect(pages.length).toBeGreaterThan(10));

  it.each(pages.map((p) => [p.path, p.file] as const))('%s stays within its JavaScript budget', (path, file) => {
    const { jsGz, jsFiles, html } = { ...pageWeight(file), html: readHtml(file) };
    expect(jsGz, `${path} loads ${jsFiles.join(', ') || 'inline script'}`).toBeLessThanOrEqual(jsBudget(path, html));
  });

  it('the directory page loads at most 25 KB gzipped for its search, the index and vocabulary included', () => {
    // The index (windows, the vocabulary and its readings) is fetched when the box is first used.
    const page = pages.find((p) => p.path === '/madoguchi/')!;
    const indexGz = gzipSync(readFileSync(join(distClient, 'madoguchi', 'search-index.json')), { level: 9 }).length;
    const { jsGz } = pageWeight(page.file);
    console.log(`directory search: ${jsGz} B script + ${indexGz} B index (gzipped)`);
    expect(jsGz + indexGz).toBeLessThanOrEqual(25 * KB);
  });

  it.each(locales.map((l) => [localizePath(l, '/sagasu/')] as const))('the wizard %s loads at most 90,000 B of gzipped JavaScript', (path) => {
    const page = pages.find((p) => p.path === path);
    expect(page, path).toBeDefined();
    const { jsGz, jsFiles } = pageWeight(page!.file);
    expect(jsFiles.length, 'the wizard loads its island').toBeGreaterThan(0);
    expect(jsGz, `${path} loads ${jsFiles.join(', ')}`).toBeLessThanOrEqual(ISLAND_PAGE_JS_BYTES);
  });

  it('the quick exit script (the only JS on content pages that carry it) is at most 2,000 B gzipped', () => {
    const html = readHtml(pages.find((p) => p.path === '/sagasu/')!.file);
    const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((js) => js.includes('data-quick-exit'));
    expect(scripts).toHaveLength(1);
    expect(gzipSync(scripts[0]!, { level: 9 }).length).toBeLessThanOrEqual(QUICK_EXIT_JS_BYTES);
  });

  it.each(pages.filter((p) => isContentPage(p.path)).map((p) => [p.path, p.file] as const))(
    '%s: HTML with inline CSS is at most 14 KB gzipped',
    (_path, file) => expect(pageWeight(file).htmlGz).toBeLessThanOrEqual(14 * KB),
  );

  it('prints the measured weights', () => {
    const rows = pages.map((p) => ({ page: p.path, ...pageWeight(p.file) })).map((r) => `${r.page.padEnd(40)} html ${r.htmlGz} B  js ${r.jsGz} B`);
    console.log(`gzipped page weights\n${rows.join('\n')}`);
    expect(rows.length).toBe(pages.length);
  });
});

/** The inquiry form is rendered per request, so it is measured as the server sends it. */
describe('the inquiry form page budget (rendered by the built server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it.each(locales.map((l) => [localizePath(l, '/soudan/')] as const))('%s loads at most 90,000 B of gzipped JavaScript', async (path) => {
    const res = await fetch(server.origin + path);
    expect(res.status).toBe(200);
    const { jsGz, jsFiles } = htmlWeight(await res.text());
    expect(jsFiles.length, 'the form loads its island').toBeGreaterThan(0);
    console.log(`${path} js ${jsGz} B`);
    expect(jsGz, `${path} loads ${jsFiles.join(', ')}`).toBeLessThanOrEqual(ISLAND_PAGE_JS_BYTES);
  });
});
