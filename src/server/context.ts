import { loadAreas, loadTriageContent } from '@/lib/collections';
import type { SubmitContext } from './inquiry-service';
import { getStore } from './store';

let content: Promise<Omit<SubmitContext, 'store' | 'now'>> | undefined;

/** Content and store the inquiry routes need; content is read once per process. */
export async function submitContext(): Promise<SubmitContext> {
  content ??= (async () => ({ triage: await loadTriageContent(), districts: (await loadAreas()).map((a) => a.id) }))();
  return { ...(await content), store: getStore() };
}
