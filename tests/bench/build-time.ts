import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticWindows } from './synthetic';

/** Runs `astro build` in `cwd` and returns wall-clock seconds. Throws when the build fails. */
function timedBuild(cwd: string): number {
  const started = performance.now();
  const astro = resolve('node_modules/.bin/astro');
  const r = spawnSync(astro, ['build', '--silent'], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`astro build failed in ${cwd}`);
  return Math.round((performance.now() - started) / 100) / 10;
}

/**
 * Build time of the default site (in place) and of a synthetic site with `syntheticCount` extra
 * windows: a temporary copy of the project (node_modules linked) with generated content/windows.
 */
export function measureBuildTimes(syntheticCount = 2000): { defaultSeconds: number; syntheticSeconds: number; syntheticWindows: number } {
  const defaultSeconds = timedBuild(process.cwd());
  const tmp = mkdtempSync(join(tmpdir(), 'bench-build-'));
  try {
    for (const entry of readdirSync('.')) {
      if (['node_modules', 'dist', 'data', '.git', 'test-results', '.astro'].includes(entry)) continue;
      cpSync(entry, join(tmp, entry), { recursive: true });
    }
    symlinkSync(resolve('node_modules'), join(tmp, 'node_modules'), 'dir');
    writeSyntheticWindows(tmp, syntheticCount);
    const syntheticSeconds = timedBuild(tmp);
    return { defaultSeconds, syntheticSeconds, syntheticWindows: syntheticCount };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
