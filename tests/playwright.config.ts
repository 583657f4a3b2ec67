import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tools/chromium.mjs';
import { profileId } from '../src/lib/profile.ts';
import { testDbPath, testPort } from './e2e/support/db.ts';

/** Port of the built server under test. Override with TEST_PORT when several runs share a machine. */
const port = testPort;
/** The content profile under test (PORTAL_PROFILE, else the default): the server serves its build, dist/ or dist-<id>/. */
const profile = profileId();

export default defineConfig({
  testDir: './e2e',
  outputDir: `../test-results/e2e-${profile}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      // CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download (see tools/chromium.mjs).
      executablePath: chromiumExecutable(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    // The real built server (static pages + on-demand API) on a throw-away database.
    command: 'node src/server/main.ts',
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every inquiry of the suite comes from one loopback address: the default limit (10 per 10 minutes)
    // would answer the later flows 429. The limit itself is tested in tests/server/api.test.ts ("rate limit").
    env: { HOST: '127.0.0.1', PORT: String(port), PORTAL_PROFILE: profile, INQUIRY_DB_PATH: testDbPath(profile, port), INQUIRY_RATE_LIMIT: '500', PAGE_RATE_LIMIT: '100000', SIGNIN_RATE_LIMIT: '100000' },
  },
});
