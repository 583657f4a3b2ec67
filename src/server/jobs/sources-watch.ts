// Weekly job (issue 30), when SOURCES_CHECK=weekly: the sources check of `npm run sources -- check`;
// if a source changed, one e-mail to the editors. Claimed per week in the database (N servers: once).
import { join } from 'node:path';
import { japanDay } from '@/lib/facts-check';
import { profileDir, sharedContent } from '@/lib/profile';
import { checkSources, watchedSources } from '@/lib/sources-check';
import type { Store } from '@/server/store/types';

/** The Monday of the week `now` falls in (Japan's calendar), the job's claim key. */
export function weekOf(now: Date): string {
  const day = new Date(`${japanDay(now)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export const sourcesWatchEnabled = (env: NodeJS.ProcessEnv = process.env) => env.SOURCES_CHECK === 'weekly';

export async function watchSources(store: Store, now: Date, folders = [join(profileDir(), 'sources'), join(sharedContent, 'sources')], fetchPage: typeof fetch = fetch): Promise<string[]> {
  if (!(await store.outbox.claimDaily('sources-check', weekOf(now)))) return [];
  const changed = (await checkSources(watchedSources([...new Set(folders)]), fetchPage)).filter((r) => r.status === 'changed');
  if (changed.length) await store.facts.queueSourcesChanged(changed.map((r) => r.title), now);
  return changed.map((r) => r.id);
}
