import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { can } from '@/server/staff/permissions';
import { openTestStore } from '../support/store';
import type { Membership } from '@/server/store/types';
import { familyInquiry } from '../fixtures/inquiries';
import { staffWindows } from '../staff/support';

// つなぎ (issue 16) in the store and the permission rule: who sees what after つなぐ, 一緒に対応する,
// 多機関協働に相談する and a 支援会議.
const inquiry = familyInquiry as unknown as Inquiry;
// Windows of the selected profile (any will do: the store treats them alike): MINE received the
// inquiry, OTHER and THIRD are two more, COORD is the 多機関協働 coordinator.
const { mine: MINE, other: OTHER, third: THIRD, coordinator: COORD } = staffWindows;
const staffOf = (window: string, role: Membership['role'] = 'staff') => ({ memberships: [{ role, window }] });

async function oneInquiry(window = MINE) {
  const store = openTestStore(join(mkdtempSync(join(tmpdir(), 'tsunagi-store-')), 'store.sqlite'));
  const a = await store.staff.create({ login: 'staff1', name: '窓口 一郎', memberships: [{ role: 'staff', window }] });
  await store.create(inquiry, { windows: [window], coordinator: false }, 'k1');
  const id = (await store.inbox.list([window], {}, 1)).rows[0]!.publicId;
  return { store, id, staffId: a.id };
}

describe('つなぐ (hand over)', () => {
  it('moves the inquiry: the receiving window lists it as new and unassigned; the sender keeps only a trace', async () => {
    const { store, id, staffId } = await oneInquiry();
    let v = (await store.inbox.get(id))!.version;
    v = (await store.inbox.changeStatus(id, { status: 'inProgress', version: v, staffId, window: MINE }) as { version: number }).version;
    v = (await store.inbox.assign(id, { assigneeId: staffId, version: v, staffId }) as { version: number }).version;
    await store.inbox.addNote(id, { text: '受付のメモ', staffId, window: MINE });
    const r = await store.inbox.share(id, { mode: 'handOver', from: MINE, to: OTHER, reason: '子育ての相談が中心のため', basis: 'consent', version: v, staffId });
    expect(r.ok).toBe(true);

    expect((await store.inbox.list([MINE], {}, 10)).total).toBe(0);
    const theirs = await store.inbox.list([OTHER], { status: 'new' }, 10);
    expect(theirs.rows.map((x) => [x.publicId, x.status, x.assignee])).toEqual([[id, 'new', null]]);

    const item = (await store.inbox.get(id))!;
    expect(item.windows).toEqual([OTHER]);
    expect(item.formerWindows).toEqual([MINE]);
    expect(can(staffOf(MINE), 'inquiry.read', item)).toBe(false);
    expect(can(staffOf(MINE), 'inquiry.trace', item)).toBe(true);
    expect(can(staffOf(OTHER), 'inquiry.read', item)).toBe(true);
    expect(can(staffOf(OTHER), 'inquiry.trace', item)).toBe(false);
    expect(can(staffOf(THIRD), 'inquiry.trace', item)).toBe(false);

    const handed = item.events.find((e) => e.type === 'handedOver')!;
    expect(handed).toMatchObject({ staff: '窓口 一郎', window: MINE, detail: { from: MINE, to: OTHER, reason: '子育ての相談が中心のため', basis: 'consent', statusBefore: 'inProgress' } });
    // What the sender wrote stays tied to it, so its trace can show it.
    expect(item.events.filter((e) => e.window === MINE).map((e) => e.type)).toEqual(['status', 'note', 'handedOver']);
    await store.close();
  });

  it('refuses a hand-over to a window that already has it, and one made against an older version', async () => {
    const { store, id, staffId } = await oneInquiry();
    const v = (await store.inbox.get(id))!.version;
    expect(await store.inbox.share(id, { mode: 'handOver', from: MINE, to: MINE, reason: 'x', basis: 'consent', version: v, staffId })).toEqual({ ok: false, reason: 'same' });
    expect(await store.inbox.share(id, { mode: 'join', from: MINE, to: THIRD, reason: 'x', basis: 'consent', version: v + 5, staffId })).toEqual({ ok: false, reason: 'stale' });
    expect((await store.inbox.get(id))!.windows).toEqual([MINE]);
    await store.close();
  });

  it('lets a window that handed over get it back as new when it is handed back', async () => {
    const { store, id, staffId } = await oneInquiry();
    let v = (await store.inbox.get(id))!.version;
    v = (await store.inbox.share(id, { mode: 'handOver', from: MINE, to: OTHER, reason: '担当外', basis: 'consent', version: v, staffId }) as { version: number }).version;
    await store.inbox.share(id, { mode: 'handOver', from: OTHER, to: MINE, reason: 'やはり高齢の相談', basis: 'consent', version: v, staffId });
    const item = (await store.inbox.get(id))!;
    expect([item.windows, item.formerWindows]).toEqual([[MINE], [OTHER]]);
    expect(can(staffOf(MINE), 'inquiry.read', item)).toBe(true);
    await store.close();
  });
});

describe('一緒に対応する, 多機関協働, 支援会議', () => {
  it('adds a window that works it together; both keep the content and the status', async () => {
    const { store, id, staffId } = await oneInquiry();
    let v = (await store.inbox.get(id))!.version;
    v = (await store.inbox.changeStatus(id, { status: 'inProgress', version: v, staffId }) as { version: number }).version;
    expect((await store.inbox.share(id, { mode: 'join', from: MINE, to: THIRD, reason: '障害のある家族がいるため', basis: 'supportMeeting', version: v, staffId })).ok).toBe(true);
    const item = (await store.inbox.get(id))!;
    expect(item.windows).toEqual([MINE, THIRD].sort()); // listed by window id
    expect(item.status).toBe('inProgress');
    expect(item.shares.find((s) => s.window === THIRD)).toEqual({ window: THIRD, kind: 'joined', basis: 'supportMeeting', ended: false });
    expect((await store.inbox.list([THIRD], { status: 'inProgress' }, 10)).total).toBe(1);
    await store.close();
  });

  it('adds the coordinator with the sender’s summary; only the coordinator can record a 支援会議, kept apart from consent', async () => {
    const { store, id, staffId } = await oneInquiry();
    const v = (await store.inbox.get(id))!.version;
    await store.inbox.share(id, { mode: 'escalate', from: MINE, to: COORD, reason: '介護と子育てが重なる世帯', basis: 'consent', version: v, staffId });
    const item = (await store.inbox.get(id))!;
    expect(item.shares.find((s) => s.window === COORD)).toMatchObject({ kind: 'escalated', basis: 'consent' });
    expect(item.events.at(-1)).toMatchObject({ type: 'escalated', detail: { from: MINE, to: COORD, summary: '介護と子育てが重なる世帯' } });
    expect(can(staffOf(COORD, 'coordinator'), 'inquiry.meeting', item)).toBe(true);
    expect(can(staffOf(MINE), 'inquiry.meeting', item)).toBe(false);
    await store.inbox.recordMeeting(id, { date: '2026-12-10', summary: '見守りの方針を確認', staffId, window: COORD });
    expect((await store.inbox.get(id))!.events.at(-1)).toMatchObject({ type: 'meeting', window: COORD, detail: { date: '2026-12-10', basis: 'supportMeeting' } });
    await store.close();
  });
});

describe('the outbox', () => {
  it('queues an arrival e-mail per routed window with the inquiry, and one for the window an inquiry is handed to', async () => {
    const { store, id, staffId } = await oneInquiry();
    const now = new Date(Date.now() + 1000);
    expect((await store.outbox.due(now, 10)).map((o) => [o.kind, o.window])).toEqual([['arrived', MINE]]);
    await store.inbox.share(id, { mode: 'handOver', from: MINE, to: OTHER, reason: '担当外', basis: 'consent', version: (await store.inbox.get(id))!.version, staffId });
    expect((await store.outbox.due(new Date(Date.now() + 1000), 10)).map((o) => [o.kind, o.window])).toEqual([['arrived', MINE], ['handedTo', OTHER]]);
    await store.close();
  });

  it('queues the daily reminder once a day, per window, listing only inquiries still 未対応 after the set days', async () => {
    const { store, id, staffId } = await oneInquiry();
    await store.create(inquiry, { windows: [MINE], coordinator: false }, 'k2');
    const [newer, older] = (await store.inbox.list([MINE], {}, 2)).rows;
    expect(older!.publicId).toBe(id);
    for (const o of await store.outbox.due(new Date(Date.now() + 1000), 10)) await store.outbox.sent(o.id, new Date());
    // Only the newer one is still 未対応 once the older is 対応中.
    await store.inbox.changeStatus(id, { status: 'inProgress', version: (await store.inbox.get(id))!.version, staffId });
    const later = new Date(Date.now() + 60_000);
    expect(await store.outbox.queueReminders('2026-12-02', later)).toBe(1);
    expect(await store.outbox.queueReminders('2026-12-02', later)).toBe(0);
    const due = await store.outbox.due(new Date(Date.now() + 1000), 10);
    expect(due.map((o) => [o.kind, o.window, o.receipts])).toEqual([['reminder', MINE, [newer!.receipt]]]);
    // A day on, none is queued when nothing is older than the set days.
    expect(await store.outbox.queueReminders('2026-12-03', new Date(0))).toBe(0);
    await store.close();
  });
});
