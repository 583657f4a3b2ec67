// The README's settings table names every rate limit's setting with the default the code uses
// (src/server/limits.ts is the one place the limits are configured).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limitRules } from '@/server/limits';

const readme = readFileSync('README.md', 'utf8');
const rows = new Map(
  readme
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((cells) => [cells[1]!, cells[2]!]),
);

describe('README settings table', () => {
  it.each(Object.entries(limitRules))('%s: its setting and default are in the table', (_name, rule) => {
    expect(rows.get(`\`${rule.setting}\``)).toBe(String(rule.defaultCount));
  });
  it('names TRUST_PROXY and LOG_LEVEL with their defaults', () => {
    expect(rows.get('`TRUST_PROXY`')).toBe('none');
    expect(rows.get('`LOG_LEVEL`')).toBe('info');
  });
});

/** Every environment variable the server, its jobs and CLIs read (process.env.X / env.X in src/). */
function settingsReadBySrc(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|tsx|astro|mjs)$/.test(e.name)) for (const m of readFileSync(path, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g)) found.add(m[1] ?? m[2]!);
    }
  };
  walk('src');
  // Set by the server for Astro's own adapter, not read as a setting.
  for (const internal of ['ASTRO_NODE_AUTOSTART', 'ASTRO_NODE_LOGGING']) found.delete(internal);
  return [...found].sort();
}

describe('README settings table, complete', () => {
  const named = new Set([...rows.keys()].flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
  it.each(settingsReadBySrc())('%s, read by the code, has a row', (setting) => {
    expect(named.has(setting)).toBe(true);
  });
});
