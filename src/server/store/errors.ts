// Errors every engine reports the same way, so the routes can answer them without knowing the engine.

/**
 * The database cannot be reached just now (PostgreSQL restarting, the network between). Nothing was
 * stored by the failed call; the server answers 503 and recovers by itself when the database is back.
 */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database cannot be reached: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const unavailableRetryAfterSeconds = 5;
