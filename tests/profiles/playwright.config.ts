import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from '../tools/chromium.mjs';

// The generic browser checks of a content profile, against its own build: `npm run build:aomori`
// (PORTAL_PROFILE=aomori astro build --outDir dist-aomori) serves it from dist-<profile>/.
// The default profile's full suite is tests/playwright.config.ts against dist/.
const profile = process.env.PORTAL_PROFILE ?? 'aomori';
const port = Number(process.env.TEST_PORT ?? 4398);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: `../../test-results/profile-${profile}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    // The production server (security headers on every response) serving the profile's build, on a throw-away database.
    command: 'node src/server/main.ts',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { HOST: '127.0.0.1', PORT: String(port), PORTAL_PROFILE: profile, PORTAL_DIST: `dist-${profile}`, INQUIRY_DB_PATH: `test-results/profile-${profile}-${port}.sqlite`, INQUIRY_RATE_LIMIT: '500' },
  },
});
