import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

import { profileDist } from '@/lib/profile';

/**
 * The static output of the selected profile's `astro build` (the node adapter writes pages to
 * <out>/client; <out> is dist/ for the default profile, dist-<id>/ for another).
 */
export const distClient = join(profileDist(), 'client');

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** Every built HTML page, as its URL path (/madoguchi/ …) and file. */
export function builtPages(): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.html')) out.push({ path: `/${relative(distClient, file).replace(/index\.html$/, '').replace(/\.html$/, '')}`, file });
    }
  };
  if (existsSync(distClient)) walk(distClient);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Follows a JS module's static imports inside dist/client (Astro splits shared chunks). */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  // Static imports, and dynamic ones (Vite writes `import(\`./chunk.js\`)` with backticks: a pattern that
  // only knew quotes missed the wizard's whole island and counted 1.6 KB for it).
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"`]*?from\s*)?["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]|import\(["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]\)/g)) {
    const spec = (m[1] ?? m[2])!;
    const target = spec.startsWith('/') ? join(distClient, spec) : join(entry, '..', spec);
    moduleGraph(target, seen);
  }
  return seen;
}

/**
 * Gzipped weight of one built page: its HTML (which includes inline CSS, as Astro inlines all CSS here)
 * and all the JavaScript it can load: inline scripts, external scripts, island components and renderers,
 * and everything those import.
 */
export function pageWeight(file: string): { htmlGz: number; jsGz: number; jsFiles: string[] } {
  return htmlWeight(readFileSync(file, 'utf8'));
}

/** The same for HTML a page rendered on request returned (the inquiry form): its JS still comes from dist/client. */
export function htmlWeight(html: string): { htmlGz: number; jsGz: number; jsFiles: string[] } {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  const refs = [
    ...[...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ].filter((u) => u.startsWith('/'));
  const files = new Set<string>();
  for (const ref of refs) for (const f of moduleGraph(join(distClient, ref))) files.add(f);
  const jsGz = (inline ? gz(inline) : 0) + [...files].reduce((n, f) => n + gz(readFileSync(f)), 0);
  return { htmlGz: gz(html), jsGz, jsFiles: [...files].map((f) => relative(distClient, f)) };
}
