// Which Chromium the browser tests launch, decided in one place for the check (check-chromium.mjs)
// and for Playwright (tests/playwright.config.ts).
import { accessSync, constants, statSync } from 'node:fs';

/** Debian's package (`apt-get install -y chromium`). */
export const debianChromium = '/usr/bin/chromium';

/** True when `path` is an executable file. */
export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * CHROMIUM_PATH when set; else Debian's Chromium when installed; else undefined, which makes Playwright
 * use its own download (`npx playwright install chromium`).
 */
export function chromiumExecutable(env = process.env) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return isExecutable(debianChromium) ? debianChromium : undefined;
}
