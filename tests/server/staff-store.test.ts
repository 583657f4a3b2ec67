import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { openTestStore } from '../support/store';
import { familyInquiry } from '../fixtures/inquiries';
import { staffWindows } from '../staff/support';

// The staff side of the store (issue 15): upgrades keep every inquiry; changes are versioned events.
const inquiry = familyInquiry as unknown as Inquiry;
/** A window of the selected profile (any will do: the store treats them alike). */
const MINE = staffWindows.mine;
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'staff-store-')), 'store.sqlite');

describe('upgrading a database made by the code before the staff inbox', () => {
  it('keeps every inquiry, its receipt, body and events, and puts each in its routed windows as 未対応', async () => {
    const path = freshPath();
    // tests/staff/fixtures/db-v1.sqlite was written by main's store (schema version 1) with 3 inquiries.
    copyFileSync(new URL('../staff/fixtures/db-v1.sqlite', import.meta.url), path);
    const raw = new DatabaseSync(path, { readOnly: true });
    const before = raw.prepare('SELECT receipt, body, routing FROM inquiries ORDER BY id').all();
    expect((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(1);
    raw.close();
    expect(before).toHaveLength(3);

    const store = openTestStore(path);
    expect(await store.count()).toBe(3);
    for (const row of before as { receipt: string; body: string; routing: string }[]) {
      const kept = (await store.get(row.receipt))!;
      expect(kept.inquiry).toEqual(JSON.parse(row.body));
      expect(kept.routing).toEqual(JSON.parse(row.routing));
      expect(kept.events.map((e) => e.type)).toEqual(['received', 'routed']);
    }
    // Each inquiry is in the windows its v1 routing named, and only there (the fixture's three went to
    // different windows; the ids are the fixture's own, whichever profile runs the tests).
    const v1 = before as { receipt: string; body: string; routing: string }[];
    const routed = v1.map((r) => (JSON.parse(r.routing) as { windows: string[] }).windows);
    const categories = (JSON.parse(v1[0]!.body) as { categories: string[] }).categories;
    const { rows, total } = await store.inbox.list(routed[0]!, {}, 50);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ receipt: v1[0]!.receipt, status: 'new', windows: routed[0], categories });
    expect(rows[0]!.publicId).toMatch(/^[0-9a-f]{32}$/);
    expect((await store.inbox.list(routed[1]!, {}, 50)).rows.map((r) => r.receipt)).toEqual([v1[1]!.receipt]);
    expect((await store.inbox.list(routed[2]!, { category: categories[0] }, 50)).total).toBe(1);
    await store.close();
  });
});

describe('inbox changes', () => {
  it('records status, assignment and notes as events, and refuses a change made against an older version', async () => {
    const store = openTestStore(freshPath());
    await store.create(inquiry, { windows: [MINE], coordinator: false }, 'k-staff-1');
    const a = await store.staff.create({ login: 'sato', name: '佐藤', memberships: [{ role: 'staff', window: MINE }] });
    const [row] = (await store.inbox.list([MINE], {}, 10)).rows;
    const id = row!.publicId;

    expect(await store.inbox.assign(id, { assigneeId: a.id, version: 1, staffId: a.id })).toEqual({ ok: true, version: 2 });
    expect(await store.inbox.changeStatus(id, { status: 'inProgress', version: 1, staffId: a.id })).toEqual({ ok: false, reason: 'stale' });
    expect(await store.inbox.changeStatus(id, { status: 'inProgress', version: 2, staffId: a.id })).toEqual({ ok: true, version: 3 });
    await store.inbox.addNote(id, { text: '電話した。留守。', staffId: a.id });
    expect((await store.inbox.changeStatus(id, { status: 'done', outcome: '包括につないだ', version: 3, staffId: a.id })).ok).toBe(true);

    const got = (await store.inbox.get(id))!;
    expect(got.status).toBe('done');
    expect(got.assignee).toBe('佐藤');
    expect(got.events.map((e) => [e.type, e.staff])).toEqual([
      ['received', null],
      ['routed', null],
      ['assigned', '佐藤'],
      ['status', '佐藤'],
      ['note', '佐藤'],
      ['status', '佐藤'],
    ]);
    expect(got.events.at(-1)!.detail).toEqual({ from: 'inProgress', to: 'done', outcome: '包括につないだ' });
    expect(await store.inbox.statusCounts([MINE])).toEqual({ new: 0, inProgress: 0, done: 1, unreachable: 0, notNeeded: 0 });
    expect((await store.inbox.list([MINE], { status: 'new' }, 10)).total).toBe(0);
    await store.close();
  });

  it('lists and counts an inquiry in two of my windows once, newest first across pages', async () => {
    const store = openTestStore(freshPath());
    const plan = [['a-win'], ['b-win'], ['a-win', 'b-win'], ['c-win'], ['b-win'], ['a-win', 'b-win'], ['a-win']];
    const receipts: string[] = [];
    for (const [i, windows] of plan.entries()) receipts.push((await store.create(inquiry, { windows, coordinator: false }, `k-multi-${i}`)).receipt);
    const mine = receipts.filter((_, i) => !plan[i]!.includes('c-win')).reverse();
    const page1 = await store.inbox.list(['a-win', 'b-win'], {}, 4);
    const page2 = await store.inbox.list(['a-win', 'b-win'], { page: 2 }, 4);
    expect(page1.total).toBe(6);
    expect([...page1.rows, ...page2.rows].map((r) => r.receipt)).toEqual(mine);
    expect((await store.inbox.statusCounts(['a-win', 'b-win'])).new).toBe(6);
    const both = page1.rows.find((r) => r.windows.length === 2)!;
    await store.inbox.changeStatus(both.publicId, { status: 'inProgress', version: 1, staffId: (await store.staff.create({ login: 'x1', name: 'x', memberships: [] })).id });
    expect(await store.inbox.statusCounts(['b-win', 'a-win'])).toMatchObject({ new: 5, inProgress: 1 });
    expect((await store.inbox.list(['a-win', 'b-win'], { status: 'inProgress' }, 10)).rows.map((r) => r.receipt)).toEqual([both.receipt]);
    expect((await store.inbox.list(['a-win', 'b-win'], { window: 'b-win' }, 10)).total).toBe(4);
    // Counts are kept between changes, and a new inquiry shows at once.
    await store.create(inquiry, { windows: ['b-win'], coordinator: false }, 'k-multi-late');
    expect(await store.inbox.statusCounts(['b-win', 'a-win'])).toMatchObject({ new: 6, inProgress: 1 });
    expect((await store.inbox.list(['a-win', 'b-win'], { window: 'b-win' }, 10)).total).toBe(5);
    await store.close();
  });

  it('keeps the audit log and the events append-only', async () => {
    const path = freshPath();
    const store = openTestStore(path);
    await store.staff.audit({ action: 'signIn.failed', login: 'nobody' });
    await store.create(inquiry, { windows: [MINE], coordinator: false }, 'k-staff-2');
    await store.close();
    const db = new DatabaseSync(path);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE audit_log SET action = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM inquiry_events')).toThrow(/append-only/);
    db.close();
  });
});
