import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { profileDir, profileStrings } from '../src/lib/profile';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // The same profile names the build fills into UI strings (astro.config.mjs).
  define: { __PORTAL_PROFILE_STRINGS__: JSON.stringify(profileStrings(profileDir())) },
  resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
  test: {
    include: ['tests/{unit,content,flows,server,profiles}/**/*.test.ts'],
    environment: 'node',
    // Most server test files wait on the servers, CLIs and clocks they start, not on the CPU: three files
    // at once on the 2-core machines (vitest's default is one fewer worker than cores, so one here).
    maxWorkers: 3,
    testTimeout: 30_000,
    // A server under test checks its store, key and migrations before it opens its port (a few seconds on a busy machine).
    hookTimeout: 60_000,
  },
});
