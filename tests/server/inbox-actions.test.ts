import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyInquiry, profileWindows } from '../fixtures/inquiries';
import type { Inquiry } from '@/schemas/inquiry';
import { staffRoles, windowRoles, type StaffRole } from '@/schemas/staff';
import { dispatch, inquiryActions, permittedActions } from '@/server/inbox/actions';
import type { StaffContent } from '@/server/staff/content';
import { can, readScope } from '@/server/staff/permissions';
import { openSqliteStore } from '@/server/store/sqlite';
import type { InboxInquiry, StaffAccount, Store } from '@/server/store/types';

// Staff actions as data (issue 27): the permission each action needs, and one read scope for the list
// and the record.
const windows = profileWindows.map((w) => w.id);
let store: Store;
let ids: string[] = [];

beforeAll(async () => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'actions-')), 'db.sqlite'));
  const sharer = await store.staff.create({ login: 'sharer', name: '職員', memberships: [{ role: 'staff', window: windows[0]! }] });
  // One inquiry per window; one seen by two windows (一緒に対応する); one handed from the first window to the second (つなぐ).
  for (const [i, w] of windows.entries()) await store.create(familyInquiry as unknown as Inquiry, { windows: [w], coordinator: false }, `w${i}`);
  await store.create(familyInquiry as unknown as Inquiry, { windows: [windows[0]!], coordinator: false }, 'joined');
  await store.create(familyInquiry as unknown as Inquiry, { windows: [windows[0]!], coordinator: false }, 'handed');
  const first = (await store.inbox.list([windows[0]!], {}, 10)).rows;
  const [handed, joined] = first;
  await store.inbox.share(joined!.publicId, { mode: 'join', from: windows[0]!, to: windows[2]!, reason: '一緒に', basis: 'consent', version: 1, staffId: sharer.id });
  await store.inbox.share(handed!.publicId, { mode: 'handOver', from: windows[0]!, to: windows[1]!, reason: 'つなぐ', basis: 'consent', version: 1, staffId: sharer.id });
  ids = (await store.inbox.list(windows, {}, 1000)).rows.map((r) => r.publicId);
});
afterAll(async () => store?.close());

const account = (role: StaffRole, window: string, id = 1): StaffAccount => ({ id, login: `${role}-${window}`, name: role, state: 'active', memberships: [{ role, window: windowRoles.includes(role) ? window : '*' }] });

describe('one read scope', () => {
  it('the list shows exactly the inquiries whose record may be read, for every role and window', async () => {
    expect(ids.length).toBe(windows.length + 2);
    const records = await store.inbox.getMany(ids);
    for (const role of staffRoles)
      for (const w of windows) {
        const a = account(role, w);
        const listed = (await store.inbox.list(readScope(a), {}, 1000)).rows.map((r) => r.publicId).sort();
        const readable = records.filter((r) => can(a, 'inquiry.read', r)).map((r) => r.publicId).sort();
        expect(listed, `${role} of ${w}`).toEqual(readable);
        // Window roles see their window's inquiries; the others none.
        if (windowRoles.includes(role)) expect(listed.length, `${role} of ${w}`).toBeGreaterThan(0);
        else expect(listed, role).toEqual([]);
      }
  });
  it('a window that handed an inquiry over no longer lists or reads it', async () => {
    const handed = (await store.inbox.handedOver([windows[0]!], 10))[0]!;
    const a = account('staff', windows[0]!);
    expect((await store.inbox.list(readScope(a), {}, 1000)).rows.map((r) => r.publicId)).not.toContain(handed.publicId);
    expect(can(a, 'inquiry.read', (await store.inbox.get(handed.publicId))!)).toBe(false);
    expect(can(a, 'inquiry.trace', (await store.inbox.get(handed.publicId))!)).toBe(true);
  });
});

describe('staff actions as data', () => {
  it('name the permission each needs; hand-overs need inquiry.share', () => {
    expect(Object.fromEntries(Object.entries(inquiryActions).map(([n, a]) => [n, a.permission]))).toEqual({
      status: 'inquiry.change',
      assign: 'inquiry.change',
      note: 'inquiry.change',
      share: 'inquiry.share',
      escalate: 'inquiry.share',
      meeting: 'inquiry.meeting',
      deleteOnRequest: 'inquiry.delete',
    });
  });

  const content = { windowIds: windows } as unknown as StaffContent;
  const itemOf = async (w: string) => (await store.inbox.getMany(ids)).find((r) => r.windows.length === 1 && r.windows[0] === w && r.shares.every((s) => s.kind === 'routed')) as InboxInquiry;

  it('refuses, as not found, every action to an account outside the inquiry’s windows and to roles without the grant', async () => {
    const item = await itemOf(windows[3]!);
    for (const a of [account('staff', windows[4]!), account('admin', windows[3]!), account('planner', windows[3]!)]) {
      expect(permittedActions(a, item).size).toBe(0);
      for (const action of Object.keys(inquiryActions)) expect((await dispatch({ store, account: a, item, content, ip: null }, { action, text: 'x' })).kind, `${a.login} ${action}`).toBe('notFound');
    }
    expect((await store.inbox.get(item.publicId))!.events.filter((e) => e.type === 'note')).toEqual([]);
  });

  it('runs a permitted action: input checked, store call, audit; an older form is stale; an unknown action is a bad request', async () => {
    const staffer = await store.staff.create({ login: 'member', name: '窓口 職員', memberships: [{ role: 'staff', window: windows[4]! }] });
    const item = await itemOf(windows[4]!);
    const ctx = { store, account: staffer, item, content, ip: '192.0.2.1' };
    expect([...permittedActions(staffer, item)].sort()).toEqual(['assign', 'deleteOnRequest', 'escalate', 'note', 'share', 'status']);
    expect(await dispatch(ctx, { action: 'note', text: '   ' })).toEqual({ kind: 'invalid', errors: [{ field: 'text', key: 'staff.error.noteRequired' }] });
    expect(await dispatch(ctx, { action: 'note', text: '電話した' })).toEqual({ kind: 'done', redirect: `/staff/i/${item.publicId}/?saved=note` });
    expect(await dispatch(ctx, { action: 'status', status: 'inProgress', version: String(item.version) })).toMatchObject({ kind: 'done' });
    expect(await dispatch(ctx, { action: 'status', status: 'new', version: String(item.version) })).toEqual({ kind: 'stale' });
    expect(await dispatch(ctx, { action: 'share', mode: 'join', to: 'no-such-window', reason: 'r', basis: 'consent', version: String(item.version + 1) })).toEqual({ kind: 'badRequest' });
    expect(await dispatch(ctx, { action: 'share', mode: 'join', to: windows[4]!, reason: 'r', basis: 'consent', version: String(item.version + 1) })).toEqual({
      kind: 'invalid',
      errors: [{ field: 'share-to', key: 'staff.error.alreadyThere' }],
    });
    expect(await dispatch(ctx, { action: 'constructor' })).toEqual({ kind: 'badRequest' });
    const after = (await store.inbox.get(item.publicId))!;
    expect(after.events.map((e) => e.type)).toEqual(['received', 'routed', 'note', 'status']);
    const audited = (await store.staff.auditLog({ limit: 50, offset: 0 })).rows.filter((r) => r.login === 'member').map((r) => r.action).sort();
    expect(audited).toEqual(['inquiry.note', 'inquiry.status']);
  });
});

describe('the staff CLI’s account changes (accounts.manage)', () => {
  it('act as a named, active admin, or as the local operator; the audit names who', async () => {
    const { cliActor } = await import('@/server/staff/cli-actor');
    const admin = await store.staff.create({ login: 'cli-admin', name: '管理者', memberships: [{ role: 'admin', window: '*' }] });
    await store.staff.create({ login: 'cli-staff', name: '職員', memberships: [{ role: 'staff', window: windows[0]! }] });
    const gone = await store.staff.create({ login: 'cli-gone', name: '元管理者', memberships: [{ role: 'admin', window: '*' }] });
    await store.staff.setState(gone.id, 'disabled');
    expect(await cliActor(store.staff, 'cli-admin')).toEqual({ staffId: admin.id, login: 'cli-admin' });
    expect(await cliActor(store.staff, undefined, 'ops')).toEqual({ staffId: null, login: 'local-operator:ops' });
    for (const who of ['cli-staff', 'cli-gone', 'nobody']) expect(await cliActor(store.staff, who), who).toHaveProperty('refused');
  });
});
