// The README's settings table names every rate limit's setting with the default the code uses
// (src/server/limits.ts is the one place the limits are configured).
import { readFileSync } from 'node:fs';
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
