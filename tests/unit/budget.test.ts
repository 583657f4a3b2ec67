import { describe, expect, it } from 'vitest';
import { delocalizePath } from '@/i18n/locales';
import { builtPages, pageWeight } from '../support/dist-weight';

/**
 * Byte budgets, checked on the built site (npm test builds before vitest). Bytes are deterministic,
 * so these are asserted; timings are only reported by `npm run bench`.
 */
const pages = builtPages();
const KB = 1024;

/** Pages that are allowed to ship JavaScript, and how much (gzipped). */
const jsBudget = (localizedPath: string): number => {
  const { path } = delocalizePath(localizedPath);
  if (path.startsWith('/sagasu/')) return 100 * KB; // the triage wizard island (React)
  if (path.startsWith('/soudan/')) return 100 * KB; // the inquiry form island (React)
  if (path === '/madoguchi/' || /^\/madoguchi\/(bunya|chiku|houhou)\//.test(path)) return 25 * KB; // directory search
  return 0; // content pages ship no JavaScript
};
const isContentPage = (path: string) => jsBudget(path) === 0;

describe('page budgets on dist/', () => {
  it('finds the built pages', () => expect(pages.length).toBeGreaterThan(10));

  it.each(pages.map((p) => [p.path, p.file] as const))('%s stays within its JavaScript budget', (path, file) => {
    const { jsGz, jsFiles } = pageWeight(file);
    expect(jsGz, `${path} loads ${jsFiles.join(', ') || 'inline script'}`).toBeLessThanOrEqual(jsBudget(path));
  });

  it.each(pages.filter((p) => isContentPage(p.path)).map((p) => [p.path, p.file] as const))(
    '%s: HTML with inline CSS is at most 14 KB gzipped',
    (_path, file) => expect(pageWeight(file).htmlGz).toBeLessThanOrEqual(14 * KB),
  );

  it('prints the measured weights', () => {
    const rows = pages.map((p) => ({ page: p.path, ...pageWeight(p.file) })).map((r) => `${r.page.padEnd(40)} html ${(r.htmlGz / KB).toFixed(1)} KB  js ${(r.jsGz / KB).toFixed(1)} KB`);
    console.log(`gzipped page weights\n${rows.join('\n')}`);
    expect(rows.length).toBe(pages.length);
  });
});
