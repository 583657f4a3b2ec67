/**
 * A per-client fixed-window rate limit kept in memory (one server process). INQUIRY_RATE_LIMIT sets
 * the number of inquiries per client per window (default 10 per 10 minutes); "off" disables it,
 * for benchmarks on loopback only.
 */
export function createRateLimiter(limit = parseLimit(process.env.INQUIRY_RATE_LIMIT), windowMs = 10 * 60 * 1000) {
  const hits = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one attempt; false when the client is over the limit. */
    allow(client: string, now = Date.now()): boolean {
      if (limit === Infinity) return true;
      if (hits.size > 10_000) for (const [k, v] of hits) if (now - v.start > windowMs) hits.delete(k);
      const entry = hits.get(client);
      if (!entry || now - entry.start > windowMs) {
        hits.set(client, { start: now, count: 1 });
        return true;
      }
      entry.count++;
      return entry.count <= limit;
    },
    retryAfterSeconds: Math.ceil(windowMs / 1000),
  };
}

function parseLimit(value: string | undefined): number {
  if (value === 'off') return Infinity;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 10;
}
