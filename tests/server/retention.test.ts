import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { purgeExpired, retentionDays } from '@/server/retention';
import { openTestStore, storeEnv } from '../support/store';
import { parse } from 'yaml';
import { contentPath, profileDist } from '@/lib/profile';
import { familyInquiry } from '../fixtures/inquiries';
import { staffWindows } from '../staff/support';

// Retention (issue 16): completed inquiries go a set time after 完了, leaving anonymous counts; each
// purge is audited with counts only; a resident's deletion request deletes at once.
const inquiry = familyInquiry as unknown as Inquiry;
const DAY = 86_400_000;
/** The period as the selected profile's site.yaml sets it: what the server and the privacy page must follow. */
const setting = (parse(readFileSync(contentPath('site.yaml'), 'utf8')) as { inquiryRetentionDays: number }).inquiryRetentionDays;

async function storeWithDone() {
  const path = join(mkdtempSync(join(tmpdir(), 'retention-')), 'store.sqlite');
  const store = openTestStore(path);
  const s = await store.staff.create({ login: 'ret1', name: '職員', memberships: [{ role: 'staff', window: staffWindows.mine }] });
  for (const k of ['a', 'b']) await store.create(inquiry, { windows: [staffWindows.mine], coordinator: false }, k);
  const [open, done] = (await store.inbox.list([staffWindows.mine], {}, 2)).rows;
  await store.inbox.addNote(done!.publicId, { text: '初回の連絡', staffId: s.id });
  await store.inbox.changeStatus(done!.publicId, { status: 'done', outcome: '支援につないだ', version: 1, staffId: s.id });
  return { path, store, open: open!, done: done!, staffId: s.id };
}

describe('retention', () => {
  it('reads the period from the profile\'s site.yaml, the setting the privacy page states (built pages, ja and en)', () => {
    expect(retentionDays()).toBe(setting);
    expect(readFileSync(`${profileDist()}/client/policy/index.html`, 'utf8')).toContain(`対応が完了してから ${retentionDays()} 日たつと削除し`);
    expect(readFileSync(`${profileDist()}/client/en/policy/index.html`, 'utf8')).toContain(`deleted ${retentionDays()} days after they are completed`);
  });

  it('deletes a completed inquiry only after the period, keeps anonymous counts, and audits the count only', async () => {
    const { path, store, open, done } = await storeWithDone();
    expect(await purgeExpired(store, { login: 'system' })).toBe(0);
    expect(await store.inbox.get(done.publicId)).toBeDefined();
    // The period and a day on, the completed one goes; the open one stays whatever its age.
    expect(await purgeExpired(store, { login: 'system' }, new Date(Date.now() + (setting + 1) * DAY))).toBe(1);
    expect(await store.inbox.get(done.publicId)).toBeUndefined();
    expect(await store.inbox.get(open.publicId)).toBeDefined();
    const audits = (await store.staff.auditLog({ limit: 10, offset: 0 })).rows.filter((r) => r.action === 'inquiries.purge');
    expect(audits.map((a) => a.detail)).toEqual([{ deleted: 1, retentionDays: setting }, { deleted: 0, retentionDays: setting }]);
    expect(audits.every((a) => a.target === null)).toBe(true);
    await store.close();
    const db = new DatabaseSync(path, { readOnly: true });
    const anon = db.prepare('SELECT month, area, writer, categories, window_count, first_response_minutes FROM anonymous_inquiries').all();
    expect(anon).toEqual([{ month: new Date(new Date(done.receivedAt).getTime() + 9 * 3_600_000).toISOString().slice(0, 7), area: inquiry.area, writer: inquiry.writer, categories: JSON.stringify(inquiry.categories), window_count: 1, first_response_minutes: 0 }]);
    for (const table of ['inquiry_events', 'inquiry_windows', 'inquiry_categories', 'outbox']) {
      expect((db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE inquiry_id NOT IN (SELECT id FROM inquiries)`).get() as { n: number }).n).toBe(0);
    }
    db.close();
  });

  it('keeps the event log append-only while its inquiry exists', async () => {
    const { path, store } = await storeWithDone();
    await store.close();
    const db = new DatabaseSync(path);
    expect(() => db.exec('DELETE FROM inquiry_events')).toThrow(/append-only/);
    db.close();
  });

  it('purges by hand with npm run inquiries -- purge', async () => {
    const { path, store } = await storeWithDone();
    await store.close();
    const out = execFileSync('node_modules/.bin/tsx', ['src/cli/inquiries.ts', 'purge'], { env: { ...process.env, ...storeEnv(path) }, encoding: 'utf8' });
    expect(out).toContain('deleted 0 completed inquiries');
    const again = openTestStore(path);
    expect((await again.staff.auditLog({ limit: 5, offset: 0 })).rows[0]).toMatchObject({ action: 'inquiries.purge', detail: { deleted: 0, retentionDays: setting } });
    await again.close();
  });
});
