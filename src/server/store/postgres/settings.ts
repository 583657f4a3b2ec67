// PostgreSQL settings: deployment configuration from the environment, each with a default that suits
// one city's server. Every server of one database needs the same DATABASE_URL (and the same key).
//   DATABASE_URL                 postgres://user:password@host:5432/dbname selects the PostgreSQL engine
//   DATABASE_SCHEMA              the schema the portal's tables live in (default public); one database
//                                can hold several portals (a prefecture hosting its towns), one schema each
//   DATABASE_POOL_SIZE           connections one server keeps at most (default 10)
//   DATABASE_CONNECT_TIMEOUT_MS  how long to wait for a connection, new or from the pool (default 5000)
//   DATABASE_STATEMENT_TIMEOUT_MS  a statement running longer is cancelled (default 15000)
//   DATABASE_IDLE_TIMEOUT_MS     an unused connection is closed after this long (default 30000)
//   DATABASE_LEASE_MS            how long a claimed e-mail stays claimed by a server that stopped answering (default 300000)
import { z } from 'zod';

const whole = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

export const postgresSettingsSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA: lower-case letters, digits and _ only')
    .default('public'),
  DATABASE_POOL_SIZE: whole(10),
  DATABASE_CONNECT_TIMEOUT_MS: whole(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: whole(15_000),
  DATABASE_IDLE_TIMEOUT_MS: whole(30_000),
  DATABASE_LEASE_MS: whole(300_000),
});

export interface PostgresSettings {
  url: string;
  schema: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleTimeoutMs: number;
  leaseMs: number;
}

/** Whether the environment selects PostgreSQL (getStore() and the CLI ask this). */
export const selectsPostgres = (env: NodeJS.ProcessEnv = process.env) => /^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? '');

export function postgresSettings(env: NodeJS.ProcessEnv = process.env): PostgresSettings {
  const parsed = postgresSettingsSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('DATABASE_') && v !== '')));
  if (!parsed.success) throw new Error(`PostgreSQL settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'DATABASE_URL'}: ${i.message}`).join('; ')}`);
  const s = parsed.data;
  return {
    url: s.DATABASE_URL,
    schema: s.DATABASE_SCHEMA,
    poolSize: s.DATABASE_POOL_SIZE,
    connectTimeoutMs: s.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: s.DATABASE_STATEMENT_TIMEOUT_MS,
    idleTimeoutMs: s.DATABASE_IDLE_TIMEOUT_MS,
    leaseMs: s.DATABASE_LEASE_MS,
  };
}
