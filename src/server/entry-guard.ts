// Astro's docs say to run dist/server/entry.mjs; this project's server is src/server/main.ts, which adds
// the security headers, the key and store checks, the logs and the graceful stop. This integration
// writes a first line into the built entry that refuses to serve when it is started on its own, and
// names the command to use instead.
import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

export const ENTRY_GUARD = `if (!globalThis[Symbol.for('soudan-portal.server')]) { console.error('This is the built app, not the server. Start the portal with \`npm run serve\` (node src/server/main.ts), which adds the security headers and checks the key, the data folder and the database.'); process.exit(1); }\n`;

export function entryGuard(): AstroIntegration {
  let outDir: URL;
  return {
    name: 'soudan-portal:entry-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': () => {
        const entry = new URL('server/entry.mjs', outDir);
        const text = readFileSync(entry, 'utf8');
        if (!text.includes("Symbol.for('soudan-portal.server')")) writeFileSync(entry, ENTRY_GUARD + text);
      },
    },
  };
}
