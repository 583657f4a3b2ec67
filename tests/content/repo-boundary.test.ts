import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The project tests itself from its own repo: nothing in src/, tests/ or the config may read a
 * path outside it (a clone in an empty folder has no reference folder beside it). This scans the text
 * of every file for the two ways that happens:
 * - naming the reference folders the project grew up beside (the parent's `shared` tree: its seeds and reference notes);
 * - a relative path that climbs above the repo root: resolved from the file itself when it is an
 *   import or `new URL(…, import.meta.url)`, and from the repo root (where npm scripts run) when it is
 *   handed to a file-system call.
 */
const root = resolve('.');
const scanned = ['src', 'tests', '.ci'];
const configFiles = ['package.json', 'astro.config.mjs', 'tsconfig.json'];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|mts|mjs|js|astro|json|sh)$|^run$/.test(e.name) ? [join(dir, e.name)] : [],
  );

const named = /\.\.\/shared\b|\bshared\/(?:seeds|reference)\b/;
/** `from '…'`, `import('…')`, `new URL('…', import.meta.url)`: resolved from the file's folder. */
const fileRelative = /(?:\bfrom\s*|\bimport\s*\(\s*|\bnew URL\(\s*)(['"`])((?:\.\.?\/|\.\.(?=\1))[^'"`]*)\1/g;
/** A file-system call given a literal relative path: resolved from the repo root. */
const rootRelative = /\b(?:readFileSync|readFile|readdirSync|readdir|existsSync|statSync|stat|createReadStream|opendir|opendirSync|access|accessSync)\(\s*(['"`])(\.\.[^'"`]*)\1/g;

const outside = (from: string, path: string) => {
  const target = relative(root, resolve(from, path));
  return target === '..' || target.startsWith(`..${sep}`);
};

/** Every way `text` (the contents of `file`, relative to the root) reaches outside the repo. */
export function reachesOutside(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (named.test(line)) found.push(`${at} names a folder outside the repo: ${line.trim()}`);
    for (const [, , path] of line.matchAll(fileRelative)) if (outside(join(root, dirname(file)), path!)) found.push(`${at} climbs above the repo: ${path}`);
    for (const [, , path] of line.matchAll(rootRelative)) if (outside(root, path!)) found.push(`${at} reads above the repo: ${path}`);
  });
  return found;
}

describe('the repo reads only itself', () => {
  it('finds each way out in a sample, and leaves paths inside the repo alone', () => {
    // Samples built from parts, so this file does not name those folders itself.
    const [up, sh] = ['..', 'shared'];
    expect(reachesOutside('tests/content/x.test.ts', `readdirSync('${up}/${sh}/seeds')`)).toHaveLength(2);
    expect(reachesOutside('tests/content/x.test.ts', `const t = read('${sh}/reference/hotlines.md')`)).toHaveLength(1);
    expect(reachesOutside('tests/flows/x.test.ts', "readFileSync('../notes/cases.md', 'utf8')")).toHaveLength(1);
    expect(reachesOutside('tests/support/x.ts', "new URL('../../../elsewhere/', import.meta.url)")).toHaveLength(1);
    expect(reachesOutside('src/lib/x.ts', "import data from '../../../outside.json'")).toHaveLength(1);
    expect(reachesOutside('tests/vitest.config.ts', "new URL('..', import.meta.url)")).toEqual([]);
    expect(reachesOutside('tests/support/x.ts', "import { a } from '../../src/a'; new URL('../../content/', import.meta.url)")).toEqual([]);
    expect(reachesOutside('tests/content/x.test.ts', "readFileSync('tests/fixtures/triage-dev-cases.md')")).toEqual([]);
  });

  it('src/, tests/, .ci/ and the config read nothing outside the repo', () => {
    const all = [...scanned.flatMap((d) => files(d)), ...configFiles];
    expect(all.length).toBeGreaterThan(100);
    // This file holds the patterns and the samples above, so it is the one file not scanned.
    const self = join('tests', 'content', 'repo-boundary.test.ts');
    expect(all).toContain(self);
    expect(all.filter((f) => f !== self).flatMap((f) => reachesOutside(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
