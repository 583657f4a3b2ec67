// Adds lockfile entries for platform-specific optional packages that the registry mirror on the
// build machines does not carry (it serves only the linux builds of @astrojs/compiler-binding 0.5.x).
// Without these entries `npm ci` refuses the lockfile ("Missing: … from lock file"). The entries
// carry os/cpu so npm skips them on linux-x64 and fetches them from the public registry elsewhere.
// Run after any `npm install` that rewrites package-lock.json:  npm run lock:complete
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const parentKey = 'node_modules/@astrojs/compiler-binding';
const parent = lock.packages[parentKey];
if (!parent) throw new Error(`${parentKey} is not in package-lock.json`);

const platform = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'wasm32-wasi': { cpu: ['wasm32'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};

let added = 0;
for (const [name, version] of Object.entries(parent.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const suffix = name.replace('@astrojs/compiler-binding-', '');
  const fields = platform[suffix];
  if (!fields) throw new Error(`no platform data for ${name}`);
  lock.packages[key] = { version, dev: true, license: 'MIT', optional: true, ...fields };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
