// `npm run sources -- check` (issue 30): fetch each source document's public address and compare its
// text with the copy in sources/<id>.md. A line of the copy that the page no longer has means the page
// changed where the facts came from; lines only the page has are counted (menus and news come and go,
// so they alone are not called a change). Node only; `fetch` is given, so tests use a local server.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface WatchedSource { id: string; title: string; url: string; text: string }
export type SourceStatus =
  | { id: string; title: string; url: string; status: 'same'; added: number }
  | { id: string; title: string; url: string; status: 'changed'; missing: string[]; added: number }
  | { id: string; title: string; url: string; status: 'unreachable'; error: string };

/** The documents with a public address in these folders (sources/<id>.md; references carry no text to compare). */
export function watchedSources(folders: readonly string[]): WatchedSource[] {
  const out: WatchedSource[] = [];
  for (const folder of folders.filter((f) => existsSync(f))) {
    for (const f of readdirSync(folder).filter((n) => n.endsWith('.md')).sort()) {
      const raw = readFileSync(join(folder, f), 'utf8');
      const end = raw.indexOf('\n---\n', 4);
      const front = parse(raw.slice(4, end)) as { kind?: string; title?: string; url?: string };
      if (front.kind !== 'document' || !front.url) continue;
      out.push({ id: f.replace(/\.md$/, ''), title: String(front.title ?? f), url: front.url, text: raw.slice(end + 5) });
    }
  }
  return out;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** A page's or a copy's text as comparable lines: tags and scripts gone, NFKC, spaces collapsed, empty lines dropped. */
export function textLines(htmlOrText: string): string[] {
  const text = htmlOrText
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d|\/td|\/th|\/dt|\/dd)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e.toLowerCase()] ?? m)));
  return text
    .normalize('NFKC')
    .split(/\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 1);
}

/** Compares one fetched page with its copy. */
export function compareText(copy: string, page: string): { missing: string[]; added: number } {
  // Table rows in the copy are written with | separators; the page has them as cells: compare the words.
  const squash = (l: string) => l.replace(/[|\s]+/g, '');
  const pageAll = squash(textLines(page).join(''));
  const copyLines = textLines(copy).filter((l) => !/^[-|\s]+$/.test(l));
  const missing = copyLines.filter((l) => !pageAll.includes(squash(l)));
  const copyAll = squash(copyLines.join(''));
  const added = textLines(page).filter((l) => !copyAll.includes(squash(l))).length;
  return { missing, added };
}

/** Fetches every source (one at a time, politely) and says which changed. */
export async function checkSources(sources: readonly WatchedSource[], fetchPage: typeof fetch = fetch, timeoutMs = 20_000): Promise<SourceStatus[]> {
  const out: SourceStatus[] = [];
  for (const s of sources) {
    try {
      const res = await fetchPage(s.url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'soudan-madoguchi-portal sources check' }, redirect: 'follow' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const { missing, added } = compareText(s.text, await res.text());
      out.push(missing.length ? { id: s.id, title: s.title, url: s.url, status: 'changed', missing, added } : { id: s.id, title: s.title, url: s.url, status: 'same', added });
    } catch (e) {
      out.push({ id: s.id, title: s.title, url: s.url, status: 'unreachable', error: (e as Error).message });
    }
  }
  return out;
}
