import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the PostgreSQL step of `npm test` as a machine would meet it. */
const harness = (env: Record<string, string | undefined>, command: string[]) => {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['tests/tools/postgres.mjs', ...command], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`.trim(), ms: Date.now() - started };
};

describe('npm test makes its own PostgreSQL', () => {
  it('without PostgreSQL: fails within seconds with one line saying how to install it', () => {
    const r = harness({ DATABASE_URL: '', POSTGRES_BIN: '/nonexistent/postgresql/bin' }, ['true']);
    expect(r.status).not.toBe(0);
    expect(r.ms).toBeLessThan(5_000);
    expect(r.out.split('\n')).toHaveLength(1);
    for (const remedy of ['apt-get install -y postgresql', 'DATABASE_URL', '/nonexistent/postgresql/bin']) expect(r.out).toContain(remedy);
  });
  it('with DATABASE_URL set: runs the command against that database, makes no cluster, and passes on its exit code', () => {
    const url = 'postgres://someone@db.example:5432/portal';
    const r = harness({ DATABASE_URL: url, POSTGRES_BIN: '/nonexistent/postgresql/bin' }, ['sh', '-c', 'echo "$DATABASE_URL"; exit 3']);
    expect(r).toMatchObject({ status: 3, out: url });
  });
  it('is a step of npm test, after the profiles', async () => {
    const { scripts } = (await import('../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    expect(scripts.test).toMatch(/npm run test:profiles && npm run test:postgres$/);
    expect(scripts['test:postgres']).toMatch(/^node tests\/tools\/postgres\.mjs /);
  });
});
