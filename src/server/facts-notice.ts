// The view-time step of the facts-age notice (src/components/FactsAgeNotice). Static pages built
// before a window's check date carry the notice in an inert <template data-facts-due="YYYY-MM-DD">;
// from that day on (Japan's calendar) this server sends those pages with the template's content in
// its place. So the notice appears on the day, with no rebuild, no job and no script in the browser.
// Chosen over a daily rebuild: a rebuild on a serving machine needs the build toolchain there, swaps
// files under running servers and, on N servers, runs N times; this is a string replace per request on
// the few pages that carry the marker. Pages rendered per request decide it themselves when rendered.
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { japanDay } from '../lib/facts-check.ts';

const marker = 'data-facts-due=';
const template = /<template data-facts-due="(\d{4}-\d{2}-\d{2})"[^>]*>([\s\S]*?)<\/template>/g;

/** The page with every notice whose day has come shown, the others left inert. */
export function revealDueNotices(html: string, today: string): string {
  return html.replace(template, (whole, due: string, inner: string) => (due <= today ? inner : whole));
}

/** URL path → built file, for every built HTML page that carries a notice waiting for its day. */
export function pagesWithDueNotices(clientDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name === 'index.html' && readFileSync(path, 'utf8').includes(marker)) {
        const folder = relative(clientDir, dir).split(sep).filter(Boolean).join('/');
        const url = folder ? `/${folder}/` : '/';
        for (const key of new Set([url, url.replace(/\/$/, '') || '/', `${url}index.html`])) out.set(key, path);
      }
    }
  };
  walk(clientDir);
  return out;
}

/**
 * A request handler for those pages (GET and HEAD): true when it answered. `now` is the clock, so tests
 * can set the day. Pages are read once and kept; the build does not change under a running server.
 */
export function factsNoticeHandler(clientDir: string, now: () => Date = () => new Date()) {
  const pages = pagesWithDueNotices(clientDir);
  const read = new Map<string, string>();
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    const file = pages.get(path);
    if (!file) return false;
    if (!read.has(file)) read.set(file, readFileSync(file, 'utf8'));
    const body = revealDueNotices(read.get(file)!, japanDay(now()));
    // no-cache: a cache may keep the page but asks again, so tomorrow's notice is not hidden by today's copy.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
