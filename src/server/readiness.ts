// What /readyz checks, in order: the store opens, its migrations are current, the key in use opens the
// key canary (it is read again each time, so a key file that became unreadable shows here), and, when
// e-mail is on, the outbox is not stuck. No personal data, no counts of inquiries.
import { loadKey } from './crypto/key';
import { getStore } from './store';

export const OUTBOX_STUCK_MS = 60 * 60_000;

export type CheckName = 'store' | 'migrations' | 'key' | 'outbox';
export interface Readiness {
  status: 'ok' | 'fail';
  checks: Partial<Record<CheckName, 'ok' | 'fail' | 'skipped'>>;
  /** The first check that failed. */
  failed?: CheckName;
  /** What failed, in words naming the setting (only for the server's own start-up check). */
  detail?: string;
}

export async function readiness(now = Date.now()): Promise<Readiness> {
  const checks: Readiness['checks'] = {};
  const fail = (name: CheckName, detail: string): Readiness => ({ status: 'fail', checks: { ...checks, [name]: 'fail' }, failed: name, detail });
  let store;
  try {
    store = getStore();
    checks.store = 'ok';
  } catch (e) {
    return fail('store', (e as Error).message);
  }
  const { applied, known } = await store.health.migrations();
  if (applied !== known) return fail('migrations', `INQUIRY_DB_PATH: the database is at schema ${applied}, this version needs ${known}. Restart to migrate, or roll back to the version that wrote it.`);
  checks.migrations = 'ok';
  let key: Buffer;
  try {
    key = loadKey();
  } catch (e) {
    return fail('key', `INQUIRY_KEY / INQUIRY_KEY_FILE: ${(e as Error).message}`);
  }
  if (!(await store.health.keyOpens(key))) return fail('key', 'INQUIRY_KEY / INQUIRY_KEY_FILE: the key in use does not open the data already stored.');
  checks.key = 'ok';
  if (process.env.SMTP_URL) {
    const oldest = await store.health.oldestUnsent();
    if (oldest !== null && now - oldest > OUTBOX_STUCK_MS) return fail('outbox', 'SMTP_URL: e-mails have waited more than an hour in the outbox; check the mail server and the staff inbox.');
    checks.outbox = 'ok';
  } else checks.outbox = 'skipped';
  return { status: 'ok', checks };
}
