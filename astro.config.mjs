// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import node from '@astrojs/node';

// Static pages by default; only routes that opt out with `prerender = false`
// (src/pages/api/*) are rendered per request by the standalone node server.
export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  server: { port: 4321, host: true },
  // Inline all CSS: one round trip per content page (the 14 KB budget), no render-blocking request.
  build: { inlineStylesheets: 'always', format: 'directory' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
});
