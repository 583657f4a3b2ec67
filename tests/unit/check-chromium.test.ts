import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the first step of `npm test` as a fresh machine would meet it. */
const check = (env: Record<string, string>) => {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['tests/tools/check-chromium.mjs'], { encoding: 'utf8', env: { ...process.env, CHROMIUM_NO_INSTALL: '1', ...env }, timeout: 30_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`.trim(), ms: Date.now() - started };
};
const fake = (script: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'chromium-check-')), 'chromium');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
};

describe('npm test checks for Chromium first', () => {
  it('CHROMIUM_PATH at a missing file: exits non-zero within seconds, with one line saying what to do', () => {
    const r = check({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.status).not.toBe(0);
    expect(r.ms).toBeLessThan(5_000);
    expect(r.out.split('\n')).toHaveLength(1);
    for (const remedy of ['/nonexistent/chromium', 'apt-get install -y chromium', 'npx playwright install chromium', 'CHROMIUM_PATH']) expect(r.out).toContain(remedy);
  });
  it('CHROMIUM_PATH at a file that is not Chromium fails the same way', () => {
    const r = check({ CHROMIUM_PATH: fake('exit 0') });
    expect(r.status).not.toBe(0);
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.out).toContain('apt-get install -y chromium');
  });
  it('a Chromium that runs passes silently', () => {
    const r = check({ CHROMIUM_PATH: fake('echo "Chromium 140.0.0.0 built on Debian"') });
    expect(r).toMatchObject({ status: 0, out: '' });
  });
  it('is the first step of npm test', async () => {
    const { scripts } = (await import('../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    expect(scripts.test!.startsWith('node tests/tools/check-chromium.mjs && ')).toBe(true);
  });
});
