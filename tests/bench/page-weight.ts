import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { inquiryBody } from './api-body';
import { chromiumArgs, chromiumPath } from './chromium';

export interface PageWeight {
  type: string;
  path: string;
  requests: number;
  htmlGz: number;
  cssGz: number;
  jsGz: number;
}

/**
 * Loads each page in Chromium and sums the gzipped size of every response by kind.
 * Inline <style> counts as CSS and inline <script> as JS, so the figures do not depend on
 * whether Astro inlined an asset. Bytes are deterministic; the number of requests includes the page itself.
 */
export async function measurePageWeights(origin: string, pages: readonly { type: string; path: string }[]): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const out: PageWeight[] = [];
  try {
    for (const p of pages) {
      const page = await browser.newPage();
      const bodies: { kind: string; bytes: Buffer }[] = [];
      page.on('response', async (res) => {
        const kind = res.request().resourceType();
        try {
          bodies.push({ kind, bytes: await res.body() });
        } catch {
          /* redirects have no body */
        }
      });
      if (p.type === 'confirmation') {
        // The confirmation is the answer to a POST: send a valid inquiry form-encoded, as the no-JS form would.
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries(inquiryBody(Date.now()))) for (const x of [v].flat()) form.append(k, x === true ? 'on' : String(x));
        await page.route(origin + p.path, (route) => route.continue({ method: 'POST', postData: form.toString(), headers: { ...route.request().headers(), 'content-type': 'application/x-www-form-urlencoded', origin } }), { times: 1 });
      }
      await page.goto(origin + p.path, { waitUntil: 'networkidle' });
      const inline = await page.evaluate(() => ({
        css: [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join(''),
        js: [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map((s) => s.textContent ?? '').join(''),
      }));
      await page.close();
      const gz = (kinds: string[]) => bodies.filter((b) => kinds.includes(b.kind)).reduce((n, b) => n + gzipSync(b.bytes).length, 0);
      out.push({
        type: p.type,
        path: p.path,
        requests: bodies.length,
        // The HTML figure includes its inline CSS and JS; they are also reported under CSS/JS.
        htmlGz: gz(['document']),
        cssGz: gz(['stylesheet']) + (inline.css ? gzipSync(inline.css).length : 0),
        jsGz: gz(['script']) + (inline.js ? gzipSync(inline.js).length : 0),
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}
