#!/usr/bin/env node
// Runs a command with a PostgreSQL database to test against:
//
//   node tests/tools/postgres.mjs <command> [args...]
//
// With DATABASE_URL already set, the command runs against that database as it is. Otherwise a
// throwaway PostgreSQL cluster is made in a temporary folder (initdb + pg_ctl, on a free loopback
// port), DATABASE_URL points the command at it, and the cluster is stopped and removed afterwards,
// whatever the command's outcome. The exit code is the command's.
//
// The cluster: an application role `portal` (not a superuser, so the audit log's missing UPDATE and
// DELETE rights are real) owning the database `portal`. initdb refuses to run as root, so as root the
// cluster belongs to the `postgres` user. For tests that stop PostgreSQL under load, PORTAL_TEST_PGCTL
// holds the pg_ctl command line of this cluster.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const advice =
  'Install it with `apt-get install -y postgresql` (Debian), or set DATABASE_URL to a database the tests may use (postgres://user@host:port/db), or POSTGRES_BIN to the folder holding initdb and pg_ctl; then run npm test again.';

/** Fails with the one line a person needs. */
function fail(what) {
  console.error(`npm test needs PostgreSQL for the server tests on PostgreSQL: ${what}. ${advice}`);
  process.exit(1);
}

/** Where initdb and pg_ctl are: POSTGRES_BIN, or Debian's newest /usr/lib/postgresql/<version>/bin. */
function binaries() {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => join(base, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb'))) ?? join(base, '15', 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** As root, PostgreSQL's own tools run as the `postgres` user (initdb refuses root). */
function owner() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid <= 0) fail('running as root, and there is no `postgres` user to own a test cluster');
  return { uid, gid: id('-g') };
}

const command = process.argv.slice(2);
if (command[0] === '--') command.shift();
if (command.length === 0) {
  console.error('usage: node tests/tools/postgres.mjs <command> [args...]');
  process.exit(2);
}

/** Runs the command with `env`; resolves with its exit code. Ctrl-C stops the command, then the cluster. */
function run(env) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', (e) => (console.error(`${command[0]}: ${e.message}`), resolve(127)));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.env.DATABASE_URL) process.exit(await run(process.env));

const bin = binaries();
for (const tool of ['initdb', 'pg_ctl', 'psql']) if (!existsSync(join(bin, tool))) fail(`no ${tool} in ${bin}`);

const user = owner();
const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
if (user.uid) chownSync(dir, user.uid, user.gid);
const data = join(dir, 'data');
const port = await freePort();
const as = (tool, args) => spawnSync(join(bin, tool), args, { encoding: 'utf8', cwd: dir, ...user });
const check = (r, what) => {
  if (r.status !== 0) {
    cleanUp();
    fail(`${what} failed: ${(r.stderr || r.stdout || r.error?.message || '').trim().split('\n').slice(-1)[0]}`);
  }
};
function cleanUp() {
  if (existsSync(join(data, 'postmaster.pid'))) as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  rmSync(dir, { recursive: true, force: true });
}

// A test cluster: no fsync (it is thrown away), loopback only, its socket in its own folder.
const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB`;
check(as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']), 'initdb');
check(as('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']), 'pg_ctl start');
check(
  as('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', 'CREATE ROLE portal LOGIN', '-c', 'CREATE DATABASE portal OWNER portal']),
  'creating the test database',
);

const env = {
  ...process.env,
  DATABASE_URL: `postgres://portal@127.0.0.1:${port}/portal`,
  PORTAL_TEST_PGCTL: JSON.stringify({ pgCtl: join(bin, 'pg_ctl'), data, options, log: join(dir, 'log'), ...user }),
};
let code = 1;
try {
  code = await run(env);
} finally {
  cleanUp();
}
process.exit(code);
