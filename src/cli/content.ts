// Content command (issue 30): write what editors approved in /staff/facts/review/ into the profile.
//   npm run content -- apply [--dry-run]
// Uses INQUIRY_DB_PATH (or ./data/inquiries.sqlite) and PORTAL_PROFILE (or the default profile).
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { profileDir, profileId } from '@/lib/profile';
import { applyApproved } from '@/server/facts-apply';
import { openStore } from '@/server/store';

const help = `usage: npm run content -- apply [--dry-run]

  apply      Writes the confirmations and changes an editor approved (/staff/facts/review/) into
             content/profiles/<profile>/windows/<id>.yaml, keeping the files' comments and order,
             cites sources/<id>-declared.md (kind window-declared) and sets source.verified.
             Residents' reports are not written: the editor acts on them by hand.
  --dry-run  Lists what would be written and changes nothing.
  --dir D    The profile folder to write into (default: the selected profile's, ${profileDir()}).
  --help     Shows this.

Then rebuild (npm run build) and commit the changed files (README, "Keeping facts true").
Environment: INQUIRY_DB_PATH (the database), PORTAL_PROFILE (the profile; default ${profileId()}).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean' }, dir: { type: 'string' } } });
  if (values.help) return console.log(help), 0;
  if (positionals[0] !== 'apply') return console.error(help), 1;
  const dir = values.dir ?? profileDir();
  const names = Object.fromEntries(readdirSync(join(dir, 'windows')).filter((f) => f.endsWith('.yaml')).map((f) => [f.replace(/\.yaml$/, ''), String((parse(readFileSync(join(dir, 'windows', f), 'utf8')) as { name: string }).name)]));
  const store = openStore();
  try {
    const approved = await store.facts.list(['approved']);
    const writable = approved.filter((i) => i.kind !== 'report');
    if (writable.length === 0) return console.log('nothing approved to apply'), 0;
    if (values['dry-run']) {
      for (const i of writable) console.log(`would apply #${i.id} ${i.window} ${i.kind}${i.field ? ` ${i.field}` : ''}`);
      return 0;
    }
    const result = applyApproved(writable, dir, names);
    await store.facts.markApplied(result.applied, new Date());
    for (const f of new Set(result.files)) console.log(`wrote ${f}`);
    for (const r of result.refused) console.error(`not applied #${r.id}: ${r.reason}`);
    console.log(`applied ${result.applied.length} item(s); now rebuild (npm run build) and commit the files above`);
    return result.refused.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
