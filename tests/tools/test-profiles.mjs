// Runs the suite once per content profile: build, vitest, Playwright, each with PORTAL_PROFILE=<id>.
// `npm test` runs it for every folder under content/profiles/, so a new municipality is tested by
// adding its folder, with no line in package.json.
//
// The default profile runs everything. Every other profile runs the unit, content, flow and profile
// tests in full, the server tests whose outcome depends on its data (profileServerTests), and the
// browser tests that read its own data (tagged @profile: its expectations/journeys.yaml, scenarios,
// search and inquiry samples, its windows' pages): the rest checks code and shared content, which the
// default profile's run has covered. FULL_SUITE=1 runs everything for every profile.
//
//   node tests/tools/test-profiles.mjs            every profile
//   node tests/tools/test-profiles.mjs aomori     only the named ones
//
// Every profile is run even when an earlier one failed, so one run shows everything that is broken;
// the exit code is non-zero if any step of any profile failed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const base = join(root, 'content', 'profiles');
const all = readdirSync(base, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'site.yaml')))
  .map((d) => d.name);
// The default profile first: it is what `npm start` serves.
const defaultId = /^default:\s*(\S+)/m.exec(readFileSync(join(base, 'profiles.yaml'), 'utf8'))?.[1];
all.sort((a, b) => (a === defaultId ? -1 : b === defaultId ? 1 : a.localeCompare(b)));

const asked = process.argv.slice(2);
const unknown = asked.filter((id) => !all.includes(id));
if (unknown.length) {
  console.error(`test-profiles: no profile ${unknown.join(', ')} (there are: ${all.join(', ')})`);
  process.exit(2);
}
const ids = asked.length ? asked : all;

/**
 * The server tests whose outcome depends on the profile's own data (its routing, samples, search words,
 * check dates); the other server tests exercise code on the profile's windows only as fixtures, which the
 * default profile's run covers.
 */
const profileServerTests = ['tests/server/inquiry-expectations', 'tests/server/receipt-coordinator', 'tests/server/referral-inbox', 'tests/server/search-page', 'tests/server/facts-age'];
const full = (id) => id === defaultId || process.env.FULL_SUITE === '1';
/** The npm script and its extra arguments for each step of one profile. */
const stepsFor = (id) => [
  ['build'],
  full(id) ? ['test:unit'] : ['test:unit', 'tests/unit', 'tests/content', 'tests/flows', 'tests/profiles', ...profileServerTests],
  full(id) ? ['test:e2e'] : ['test:e2e', '--grep', '@profile'],
];
const failed = [];
/** How long each step took, printed at the end: CI runs every profile, so the time per profile matters. */
const took = [];
for (const id of ids) {
  for (const [step, ...args] of stepsFor(id)) {
    const shown = [step, ...args].join(' ');
    console.log(`\n── profile ${id}: npm run ${shown}`);
    const start = Date.now();
    const run = spawnSync('npm', ['run', '-s', step, ...(args.length ? ['--', ...args] : [])], { cwd: root, stdio: 'inherit', env: { ...process.env, PORTAL_PROFILE: id } });
    took.push(`${id} ${shown}: ${((Date.now() - start) / 60_000).toFixed(1)} min`);
    if (run.status !== 0) {
      failed.push(`${id}: npm run ${shown} (exit ${run.status ?? run.signal})`);
      // Nothing to test without a build of this profile.
      if (step === 'build') break;
    }
  }
}
console.log(`\n── profiles tested: ${ids.join(', ')}\n  ${took.join('\n  ')}`);
if (failed.length) {
  console.error(`failed:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
console.log('all passed');
