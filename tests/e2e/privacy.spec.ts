import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { locales, localizePath } from '@/i18n/locales';
import { expect, test } from './support/fixtures';
import { districts } from './support/profile';

/** A district of the profile (its content); which one does not matter to what is kept out of addresses. */
const district = districts.at(-2)?.id ?? districts[0]!.id;
import { contentPath as cp } from '@/lib/profile';

/**
 * Issue 19: no trouble, category or answer in any URL the site produces. Walks every page (by
 * following links from every locale's home) and every wizard path (each trouble, with and without
 * JavaScript), and checks every URL seen: the page address, links, form actions.
 */
type Flow = { troubles: { id: string; category: string; sensitive?: boolean }[]; nodes: { id: string; kind: string; options?: string[]; urgentWhen?: string[] }[] };
const flow = parse(readFileSync(cp('triage/flow.yaml'), 'utf8')) as Flow;
const routing = parse(readFileSync(cp('triage/routing.yaml'), 'utf8')) as { categories: { id: string }[] };
const troubleIds = new Set(flow.troubles.map((t) => t.id));
const sensitiveIds = new Set(flow.troubles.filter((t) => t.sensitive).map((t) => t.id));
const categoryIds = new Set(routing.categories.map((c) => c.id));
/** Query keys that would carry an answer: every question, and the hand-off's fields. */
const answerKeys = new Set([...flow.nodes.map((n) => n.id), 'categories', 'category', 'window', 'writer', 'district', 'a']);

/**
 * Problems with one URL. A share link (/sagasu/kekka/?…) is the one URL that may carry answers, and
 * only when none is sensitive: it may not carry a sensitive trouble, nor a category.
 */
function urlProblems(raw: string, base: string): string[] {
  if (/^(tel|mailto|data|javascript):/.test(raw)) return [];
  const url = new URL(raw, base);
  if (url.origin !== new URL(base).origin) return [];
  const out: string[] = [];
  const isShareLink = /\/sagasu\/kekka\/$/.test(url.pathname) && url.search !== '';
  for (const [key, value] of url.searchParams) {
    if (isShareLink) {
      if (sensitiveIds.has(value)) out.push(`share link carries sensitive trouble ${value}: ${raw}`);
      if (key === 'categories' || categoryIds.has(value)) out.push(`share link carries a category: ${raw}`);
      continue;
    }
    if (answerKeys.has(key)) out.push(`answer key "${key}" in ${raw}`);
    if (troubleIds.has(value) || categoryIds.has(value)) out.push(`trouble or category "${value}" in ${raw}`);
  }
  for (const id of [...troubleIds, ...categoryIds]) if (url.hash.slice(1).split(/[^a-zA-Z0-9]/).includes(id)) out.push(`"${id}" in the fragment of ${raw}`);
  return out;
}

/** Every URL a page's HTML produces: links, form actions and form submit targets, and the page itself. */
const urlsIn = (html: string) => [...html.matchAll(/\b(?:href|action|formaction|src)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

test('every page reachable from every home page produces no URL with a trouble, category or answer', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const seen = new Set<string>();
  const queue = locales.map((l) => localizePath(l, '/'));
  const problems: string[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await request.get(path);
    if (!(res.headers()['content-type'] ?? '').includes('text/html')) continue;
    for (const u of urlsIn(await res.text())) {
      problems.push(...urlProblems(u, baseURL! + path));
      const url = new URL(u, baseURL! + path);
      if (url.origin === new URL(baseURL!).origin && !url.pathname.startsWith('/_astro/') && !url.pathname.startsWith('/api/') && !seen.has(url.pathname)) queue.push(url.pathname);
    }
  }
  expect(seen.size, 'pages walked').toBeGreaterThan(100);
  expect(problems).toEqual([]);
});

/** Answers one step of the island by its input ids (`<node>-<value>`), choosing what keeps the path going. */
async function answerStep(page: Page, trouble: string): Promise<'next' | 'summary' | 'result'> {
  const heading = page.locator('.triage-wizard h2:focus');
  await expect(heading).toBeVisible();
  const id = (await page.locator('.triage-wizard input').first().getAttribute('id'))!;
  const node = flow.nodes.find((n) => id.startsWith(`${n.id}-`))!;
  // An adult living alone: an answer about a minor would make every result sensitive (no share link).
  const value = node.kind === 'troubles' ? trouble : node.id === 'who' ? 'family' : node.id === 'district' ? district : node.id === 'age' ? 'middle' : node.id === 'household' ? 'none' : node.options!.find((o) => !(node.urgentWhen ?? []).includes(o))!;
  await page.locator(`#${node.id}-${value}`).check();
  await page.locator('.triage-wizard button[type="submit"]').click();
  if (await page.locator('#summary-heading').isVisible()) return 'summary';
  if (await page.locator('#result-heading').isVisible()) return 'result';
  return 'next';
}

test('every wizard path with JavaScript: the address stays /sagasu/, and the result links carry nothing of the answers', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const addresses = new Set<string>();
  page.on('framenavigated', (f) => f === page.mainFrame() && addresses.add(f.url()));
  for (const trouble of flow.troubles.map((t) => t.id)) {
    await page.goto('/sagasu/');
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    let state: string = 'next';
    for (let i = 0; i < 12 && state === 'next'; i++) {
      state = await answerStep(page, trouble);
      addresses.add(page.url());
    }
    if (state === 'summary') await page.getByRole('button', { name: '結果を見る' }).click();
    await expect(page.locator('#result-heading'), trouble).toBeFocused();
    addresses.add(page.url());
    for (const u of urlsIn(await page.content())) problems.push(...urlProblems(u, page.url()).map((p) => `${trouble}: ${p}`));
    const share = page.getByRole('link', { name: 'この結果のリンク' });
    if (sensitiveIds.has(trouble)) await expect(share, `${trouble} is sensitive: no share link`).toHaveCount(0);
    else await expect(share, `${trouble} is not sensitive: a share link`).toHaveCount(1);
    // 相談を送る is the plain form address; the hand-off waits in sessionStorage.
    await expect(page.getByRole('link', { name: 'この内容で相談を送る' })).toHaveAttribute('href', '/soudan/');
  }
  expect([...addresses].filter((a) => a !== `${baseURL}/sagasu/`)).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every trouble: the result comes by POST, its address and every link on it carry nothing of the answers', async ({ page }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    for (const trouble of flow.troubles) {
      await page.goto('/sagasu/');
      await page.locator('#nojs-who-family').check();
      await page.locator(`#nojs-district-${district}`).check();
      await page.locator(`#nojs-troubles-${trouble.id}`).check();
      // The questions every path asks (no askWhen) must be answered, or the form comes back with errors.
      await page.locator('#nojs-age-middle').check();
      await page.locator('#nojs-household-none').check();
      await page.getByRole('button', { name: '結果を見る' }).click();
      await expect(page.getByRole('heading', { level: 1 }), trouble.id).toHaveText('相談先さがしの結果');
      expect(new URL(page.url()).search, trouble.id).toBe('');
      for (const u of urlsIn(await page.content())) problems.push(...urlProblems(u, page.url()).map((p) => `${trouble.id}: ${p}`));
      const share = page.getByRole('link', { name: 'この結果のリンク' });
      await expect(share).toHaveCount(trouble.sensitive ? 0 : 1);
    }
    expect(problems).toEqual([]);
  });
});

test('a sensitive result cannot be opened from a URL, even a crafted one (no-JS result is POST only)', async ({ request }) => {
  for (const t of flow.troubles.filter((x) => x.sensitive)) {
    const res = await request.get(`/sagasu/kekka/?who=self&district=unknown&troubles=${t.id}&dangerNow=no&age=middle&elderlyInHome=no&childCaring=no&usesCare=no&refuses=no`, { maxRedirects: 0 });
    expect(res.status(), t.id).toBe(303);
    expect(res.headers().location).toBe('/sagasu/');
  }
});

test('the emergency-numbers page and the directory with its search carry the quick exit (they show violence, abuse and suicide numbers)', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/kinkyu/');
    await expect(page.getByRole('link', { name: 'すぐにこのページを離れる' })).toHaveAttribute('href', 'https://www.google.co.jp/');
    await page.goto('/madoguchi/');
    await expect(page.getByRole('link', { name: 'すぐにこのページを離れる' })).toBeVisible();
    await page.getByRole('searchbox').first().fill('DV');
    await page.getByRole('searchbox').first().press('Enter');
    await expect(page.getByRole('link', { name: 'すぐにこのページを離れる' })).toBeVisible();
    await context.close();
  }
});

// Issue 24: every window the urgent result links to carries the quick exit, with and without JavaScript.
test('every window page an urgent (danger) result links to carries the quick exit', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/sagasu/');
    if (javaScriptEnabled) {
      for (const id of ['who-self', `district-${district}`, 'troubles-violence', 'age-middle', 'household-child', 'dangerNow-yes']) {
        await page.locator(`#${id}`).check();
        await page.locator('.triage-wizard button[type="submit"]').click();
      }
    } else {
      for (const id of ['who-self', `district-${district}`, 'troubles-violence', 'age-middle', 'household-child', 'dangerNow-yes']) await page.locator(`#nojs-${id}`).check();
      await page.getByRole('button', { name: '結果を見る' }).click();
    }
    await expect(page.locator('.result-urgent')).toBeVisible();
    const hrefs = await page.locator('.result-window h4 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      await page.goto(href);
      await expect(page.getByRole('link', { name: 'すぐにこのページを離れる' }), `${href} (JavaScript ${javaScriptEnabled})`).toBeVisible();
    }
    await context.close();
  }
});

test('the wizard says truly where answers go: in the browser with JavaScript, to the server without it', async ({ browser }) => {
  const js = await (await browser.newContext()).newPage();
  await js.goto('/sagasu/');
  await expect(js.locator('.triage-wizard h2')).toBeVisible();
  await expect(js.getByText('答えはこのブラウザの中だけで使い')).toBeVisible();
  await expect(js.getByText('サーバーに送られ')).toBeHidden();
  const nojs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await nojs.goto('/sagasu/');
  await expect(nojs.getByText('答えはこのブラウザの中だけで使い')).toBeHidden();
  await expect(nojs.getByText(/サーバーに送られ、結果を作るためだけに使われます/)).toBeVisible();
});

test('a share link never opens for an answer about a minor, even crafted by hand', async ({ request }) => {
  const res = await request.get('/sagasu/kekka/?who=self&district=unknown&troubles=noOneToAsk&age=child&household=none', { maxRedirects: 0 });
  expect(res.status()).toBe(303);
});
