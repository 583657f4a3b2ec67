// Sources command (issue 30): are the public pages the facts came from still what sources/ holds?
//   npm run sources -- check [--only <id>] [--json] [--notify] [--dir <folder>]...
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { profileDir, sharedContent } from '@/lib/profile';
import { checkSources, watchedSources } from '@/lib/sources-check';

const help = `usage: npm run sources -- check [options]

  check          Fetches the public address of each source document (sources/<id>.md with a url) and
                 compares the page's text with the copy kept there. Lists each source as
                 same, changed (with the lines of the copy the page no longer has) or unreachable.
  --only <id>    Checks one source (repeatable).
  --json         Prints the result as JSON.
  --notify       Also e-mails the editors (NOTIFY_CONFIG "editor") when a source changed.
  --dir <folder> A folder of sources to check instead of the profile's and the shared ones (repeatable).
  --help         Shows this.

Exit status: 0 nothing changed, 2 a source changed, 1 a source could not be fetched (and none changed).
The server runs the same check weekly when SOURCES_CHECK=weekly (README, "Keeping facts true").`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean' }, json: { type: 'boolean' }, notify: { type: 'boolean' }, only: { type: 'string', multiple: true }, dir: { type: 'string', multiple: true } },
  });
  if (values.help) return console.log(help), 0;
  if (positionals[0] !== 'check') return console.error(help), 1;
  const folders = values.dir ?? [...new Set([join(profileDir(), 'sources'), join(sharedContent, 'sources')])];
  const sources = watchedSources(folders).filter((s) => !values.only || values.only.includes(s.id));
  if (sources.length === 0) return console.error('no source documents with a public address to check'), 1;
  const results = await checkSources(sources);
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else
    for (const r of results) {
      if (r.status === 'same') console.log(`same         ${r.id}  ${r.url}`);
      else if (r.status === 'unreachable') console.log(`unreachable  ${r.id}  ${r.url}  (${r.error})`);
      else {
        console.log(`changed      ${r.id}  ${r.url}`);
        for (const line of r.missing.slice(0, 20)) console.log(`               no longer on the page: ${line}`);
        if (r.missing.length > 20) console.log(`               … and ${r.missing.length - 20} more lines`);
      }
    }
  const changed = results.filter((r) => r.status === 'changed');
  if (changed.length && values.notify) {
    const { openStore } = await import('@/server/store');
    const store = openStore();
    try {
      await store.facts.queueSourcesChanged(changed.map((r) => r.title), new Date());
    } finally {
      await store.close();
    }
  }
  return changed.length ? 2 : results.some((r) => r.status === 'unreachable') ? 1 : 0;
}

process.exitCode = await main();
