// The tests that run on PostgreSQL: inside tests/tools/postgres.mjs (npm run test:postgres), which gives
// them DATABASE_URL, so tests/support/store.ts and the servers they start use the PostgreSQL engine.
// - tests/postgres/: what only several servers on one database show (migrations, receipts, claims, copy);
// - the server tests that reach the store only through its interface: the store contract, the API,
//   sign-in, つなぎ, notifications, counts, export, passkeys, the facts jobs. The files that read SQLite's own file
//   (encryption, staff-store's upgrades, staff-auth's token-in-file check, retention's raw DELETE) stay
//   SQLite's; their PostgreSQL counterparts are in tests/postgres/. The 500-cell access matrix tests
//   permissions, not storage, and runs once, on SQLite.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export const onBothEngines = [
  'api', 'counts', 'export', 'facts-jobs', 'notify', 'passkey-challenges', 'receipt-coordinator', 'referral-api', 'referral-inbox', 'sqlite-store', 'store-contract', 'totp-replay', 'tsunagi-pages', 'tsunagi-store',
].map((name) => `tests/server/${name}.test.ts`);

export default defineConfig({ ...base, test: { ...base.test, include: ['tests/postgres/**/*.test.ts', ...onBothEngines] } });
