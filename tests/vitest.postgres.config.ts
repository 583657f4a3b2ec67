// The tests that need PostgreSQL: run inside tests/tools/postgres.mjs (npm run test:postgres), which
// gives them DATABASE_URL.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({ ...base, test: { ...base.test, include: ['tests/postgres/**/*.test.ts'] } });
