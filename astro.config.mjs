// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import node from '@astrojs/node';
import { profileDir, profileDist, profileId, profileStrings } from './src/lib/profile.ts';
import { entryGuard } from './src/server/entry-guard.ts';
import { MAX_REQUEST_BYTES } from './src/server/body-limits.ts';

// Static pages by default; only routes that opt out with `prerender = false`
// (src/pages/api/*) are rendered per request by the standalone node server.
export default defineConfig({
  // The public address. hreflang alternates must be absolute URLs (search engines ignore relative
  // ones), so a deployment builds with SITE_URL=https://<its address>; the default is `npm start`'s.
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  // dist/ for the default profile, dist-<id>/ for another (src/lib/profile.ts): the server picks the same folder.
  outDir: profileDist(),
  // The per-request pages (the form, its confirmation) are small and wait on nothing: sent whole, the
  // browser lays them out once instead of once per streamed chunk after the first paint (Lighthouse
  // mobile TBT on /soudan/ 277-295 ms -> 154-233 ms).
  // bodySizeLimit: no request body, declared or chunked, is read past this (routes cap their own lower).
  adapter: node({ mode: 'standalone', experimentalDisableStreaming: true, bodySizeLimit: MAX_REQUEST_BYTES }),
  // entryGuard: dist/server/entry.mjs run on its own refuses and names `npm run serve` (src/server/main.ts).
  integrations: [react(), entryGuard()],
  server: { port: 4321, host: true },
  // Inline all CSS: one round trip per content page (the 14 KB budget), no render-blocking request.
  build: { inlineStylesheets: 'always', format: 'directory' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  // One content cache per profile: a build of one profile after another would otherwise start from the
  // other's entries (same ids, other files) and warn of duplicates.
  cacheDir: `./node_modules/.astro/profile-${profileId()}`,
  // The content profile (PORTAL_PROFILE, default in content/profiles/profiles.yaml): its names are
  // filled into the UI strings (src/i18n/messages.ts); its content is read by src/content.config.ts.
  vite: { define: { __PORTAL_PROFILE_STRINGS__: JSON.stringify(profileStrings(profileDir())) } },
  // No code blocks on this site; Shiki's inline styles would also clash with the CSP.
  markdown: { syntaxHighlight: false },
  security: {
    // Origin checks for POSTs are done by src/server/request-guards.ts for every route (JSON too),
    // with the same rule and error format everywhere.
    checkOrigin: false,
    // Hashes every inline script and style into a per-page CSP: no 'unsafe-inline' for scripts.
    csp: true,
  },
});
