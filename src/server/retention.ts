// The retention period, from the selected profile's site.yaml (inquiryRetentionDays): the same setting
// the privacy page states. Read from the file so the CLI (no Astro) and the server agree.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { contentPath } from '@/lib/profile';
import type { Store } from '@/server/store/types';

export function retentionDays(file = contentPath('site.yaml')): number {
  const days = (parse(readFileSync(file, 'utf8')) as { inquiryRetentionDays?: unknown }).inquiryRetentionDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days <= 0) throw new Error(`${file}: inquiryRetentionDays must be a whole number of days`);
  return days;
}

/** Deletes what is past the period and audits the count only (no receipt, nothing of the content). */
export async function purgeExpired(store: Store, by: { login: string; staffId?: number }, now = new Date()): Promise<number> {
  const days = retentionDays();
  const { deleted } = await store.retention.purgeCompleted(new Date(now.getTime() - days * 86_400_000));
  await store.staff.audit({ action: 'inquiries.purge', login: by.login, staffId: by.staffId ?? null, detail: { deleted, retentionDays: days } });
  return deleted;
}
