#!/usr/bin/env node
// First step of `npm test`: is there a Chromium for the browser tests? Answers in seconds, before the
// build, and says in one line what to do. When it can, it sets the browser up itself (root with apt).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumExecutable, debianChromium, isExecutable } from './chromium.mjs';

const advice =
  'Install it with `apt-get install -y chromium`, or `npx playwright install chromium` where downloads work, or set CHROMIUM_PATH to a Chromium binary; then run npm test again.';

/** Fails with the one line a person needs. */
function fail(what) {
  console.error(`npm test needs Chromium for the browser tests: ${what}. ${advice}`);
  process.exit(1);
}

/** Playwright's own download, if `npx playwright install chromium` has been run. */
async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Root on a Debian-like machine: install the package, as .ci/run does. Quiet unless it fails. */
function installWithApt() {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get') || process.env.CHROMIUM_NO_INSTALL) return false;
  console.error('Chromium is missing: installing it with apt-get (root) ...');
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  return run(['update']) && run(['install', '-y', 'chromium']) && isExecutable(debianChromium);
}

/** Whether `path` runs and says it is Chromium or Chrome (a stale link or a wrong file does not). */
function runsAsChromium(path) {
  const { stdout, status } = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  return status === 0 && /chrom/i.test(stdout ?? '');
}

const chosen = chromiumExecutable();
if (process.env.CHROMIUM_PATH) {
  // Pointed at explicitly: use exactly that, never something else.
  if (!isExecutable(chosen)) fail(`CHROMIUM_PATH=${chosen} is not an executable file`);
  if (!runsAsChromium(chosen)) fail(`CHROMIUM_PATH=${chosen} does not run as Chromium (\`${chosen} --version\`)`);
} else if (chosen && !runsAsChromium(chosen)) {
  fail(`${chosen} is there but does not run (\`${chosen} --version\`)`);
} else if (!chosen && !(await playwrightChromium()) && !installWithApt()) {
  fail(`none at ${debianChromium} and no Playwright download`);
}
