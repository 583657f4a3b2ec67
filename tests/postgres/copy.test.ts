// npm run store -- copy --to postgres://…: a city's SQLite file moved to PostgreSQL in one pass.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { createSealer } from '@/server/crypto/seal';
import { openPostgresStore } from '@/server/store/postgres';
import { openSqliteStore } from '@/server/store/sqlite';
import { familyInquiry, familyInquiryRoute } from '../fixtures/inquiries';
import { databaseUrl, freshPostgresSettings } from '../support/postgres';

const inquiry = familyInquiry as unknown as Inquiry;
const routing = { windows: [...familyInquiryRoute.windows], coordinator: familyInquiryRoute.coordinator };

describe('npm run store -- copy --to postgres://…', () => {
  it('copies everything, checks it, refuses a database that holds data without --force, and numbering goes on', async () => {
    const key = randomBytes(32);
    const sealer = createSealer(key);
    const dbPath = join(mkdtempSync(join(tmpdir(), 'copy-')), 'inquiries.sqlite');
    const sqlite = openSqliteStore(dbPath, { sealer });
    const receipts = [];
    for (let i = 0; i < 12; i++) receipts.push((await sqlite.create(inquiry, routing, `copy-${i}`)).receipt);
    const staff = await sqlite.staff.create({ login: 'Suzuki', name: '鈴木 花子', memberships: [{ role: 'staff', window: routing.windows[0]! }] });
    await sqlite.staff.openEnrolment(staff.id, 'a'.repeat(64), new Date(Date.now() + 86_400_000));
    await sqlite.staff.createSession('b'.repeat(64), { staffId: staff.id, csrfToken: 'csrf', createdAt: 1, seenAt: 2, authenticatedAt: 1 });
    await sqlite.staff.audit({ action: 'staff.create', login: 'admin', target: 'Suzuki' });
    const { rows } = await sqlite.inbox.list(routing.windows, {}, 50);
    const noted = rows[3]!;
    await sqlite.inbox.addNote(noted.publicId, { text: '夕方に電話する', staffId: staff.id, window: routing.windows[0]! });
    const expectedDetail = await sqlite.inbox.get(noted.publicId);
    await sqlite.close();

    const settings = freshPostgresSettings();
    const copy = (...extra: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/store.ts', 'copy', '--to', databaseUrl(), ...extra], {
        encoding: 'utf8',
        env: { ...process.env, INQUIRY_DB_PATH: dbPath, INQUIRY_KEY: key.toString('base64'), DATABASE_SCHEMA: settings.schema },
        timeout: 120_000,
      });
    const first = copy();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/every table's count matches; 12 inquiries opened with the key read the same/);

    const pg = openPostgresStore(settings, { sealer });
    expect(await pg.count()).toBe(12);
    expect((await pg.get(receipts[5]!))!.inquiry).toEqual(inquiry);
    expect(await pg.inbox.get(noted.publicId)).toEqual(expectedDetail);
    expect((await pg.staff.byLogin('suzuki'))!.name).toBe('鈴木 花子');
    expect(await pg.staff.session('b'.repeat(64))).toMatchObject({ staffId: staff.id, csrfToken: 'csrf' });
    expect((await pg.staff.auditLog({ limit: 10, offset: 0 })).rows.map((r) => r.action)).toEqual(['staff.create']);
    expect((await pg.outbox.due(new Date(Date.now() + 1000), 100)).length).toBe(12 * routing.windows.length);
    // The next receipt follows the last one the SQLite file gave.
    const next = await pg.create(inquiry, routing, 'after-copy');
    expect(Number(next.receipt.slice(-5))).toBe(Number(receipts.at(-1)!.slice(-5)) + 1);
    await pg.staff.audit({ action: 'after.copy' });
    await pg.close();

    const again = copy();
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^Refused: the target already holds data .*add --force\.\n$/);
    const reopened = openPostgresStore(settings, { sealer });
    expect(await reopened.count()).toBe(13);
    await reopened.close();

    const forced = copy('--force');
    expect(forced.status).toBe(0);
    const replaced = openPostgresStore(settings, { sealer });
    expect(await replaced.count()).toBe(12);
    expect((await replaced.staff.auditLog({ limit: 10, offset: 0 })).rows.map((r) => r.action)).toEqual(['staff.create']);
    await replaced.close();
  });
});
