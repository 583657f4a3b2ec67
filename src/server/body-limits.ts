// How large a request body may be. Plain constants, read by the build (astro.config.mjs), the
// production server (main.ts) and the routes (request-guards.ts).

/** Largest inquiry body accepted (about 32 KB: 2,000 characters of text is at most ~8 KB in UTF-8). */
export const MAX_BODY_BYTES = 32 * 1024;
/** Largest staff form or passkey body. */
export const MAX_STAFF_BYTES = 16 * 1024;
/**
 * No request body anywhere is read past this, declared or chunked: the adapter's own cap
 * (astro.config.mjs) and the production server's check of Content-Length (src/server/main.ts).
 */
export const MAX_REQUEST_BYTES = 64 * 1024;
