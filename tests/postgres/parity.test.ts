// The same story told to both engines, step by step, must get the same answers: the store methods
// added on SQLite first (sign-in throttles, single-use enrolment, accounts, facts, facts e-mails, the
// counts of 連絡票s) behave on PostgreSQL as they do on node:sqlite. Each step's answer from both is
// compared, so a difference names the step where the engines part.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { openPostgresStore } from '@/server/store/postgres';
import { openSqliteStore } from '@/server/store/sqlite';
import type { Store, StoredBody } from '@/server/store/types';
import { familyInquiry, familyInquiryRoute } from '../fixtures/inquiries';
import { referral, referralRoute } from '../fixtures/referrals';
import { freshPostgresSettings } from '../support/postgres';

type Step = [name: string, run: (s: Store) => Promise<unknown>];

/** Runs every step on both engines in turn and returns each step's two answers. */
async function onBoth(steps: Step[]): Promise<{ name: string; sqlite: unknown; postgres: unknown }[]> {
  const sqlite = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parity-')), 'db.sqlite'));
  const postgres = openPostgresStore(freshPostgresSettings());
  const plain = (v: unknown) => v === undefined ? 'undefined' : JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? Object.fromEntries([...x].sort()) : x instanceof Uint8Array ? [...x] : x))) as unknown;
  const out = [];
  try {
    for (const [name, run] of steps) {
      const answer = async (s: Store) => plain(await run(s).catch((e: unknown) => ({ threw: (e as Error).message })));
      out.push({ name, sqlite: await answer(sqlite), postgres: await answer(postgres) });
    }
  } finally {
    await Promise.all([sqlite.close(), postgres.close()]);
  }
  return out;
}

const expectSame = (answers: Awaited<ReturnType<typeof onBoth>>) => {
  for (const a of answers) expect({ step: a.name, answer: a.postgres }).toEqual({ step: a.name, answer: a.sqlite });
};

const t0 = 1_800_000_000_000;
const rule = { windowMs: 15 * 60_000, lockAfter: 3, lockMs: 30 * 60_000 };
const keys = ['login:tanaka|203.0.113.7', 'address:203.0.113.7'];
const window = familyInquiryRoute.windows[0]!;

describe('PostgreSQL answers as node:sqlite does', () => {
  it('sign-in throttles: counting, locking, a lock that failures do not renew, a new window, clearing', async () => {
    const steps: Step[] = [];
    const at = [0, 1_000, 2_000, 3_000, 10 * 60_000, 31 * 60_000, 32 * 60_000, 60 * 60_000];
    for (const ms of at) {
      steps.push([`failure at +${ms}`, (s) => s.staff.recordFailure(keys, t0 + ms, rule)]);
      steps.push([`throttles after +${ms}`, (s) => s.staff.throttles([...keys, 'login:nobody|x'])]);
    }
    steps.push(['clear one prefix', (s) => s.staff.clearThrottles('login:tanaka|')]);
    steps.push(['after clearing', (s) => s.staff.throttles(keys)]);
    steps.push(['clear nothing', (s) => s.staff.clearThrottles('login:%')]);
    expectSame(await onBoth(steps));
  });

  it('accounts and enrolment: one link spent once, passkey or password; windows and roles; a fresh authentication', async () => {
    const future = new Date(t0 + 86_400_000);
    const now = new Date(t0);
    const passkey = (id: string) => ({ id, staffId: 1, publicKey: new Uint8Array([1, 2, 3]), counter: 0, transports: ['usb'] });
    expectSame(
      await onBoth([
        ['create', (s) => s.staff.create({ login: 'tanaka', name: '田中', memberships: [{ role: 'staff', window }] })],
        ['open enrolment', (s) => s.staff.openEnrolment(1, 'link-1', future)],
        ['enrol with password', (s) => s.staff.enrolWithPassword('link-1', now, 'hash', 'secret')],
        ['the link again', (s) => s.staff.enrolWithPassword('link-1', now, 'hash2', 'secret2')],
        ['the link by passkey after', (s) => s.staff.enrolWithPasskey('link-1', now, passkey('pk-0'))],
        ['credentials', (s) => s.staff.credentials(1)],
        ['open again', (s) => s.staff.openEnrolment(1, 'link-2', future)],
        ['expired link', (s) => s.staff.enrolWithPasskey('link-2', new Date(future.getTime() + 1), passkey('pk-1'))],
        ['enrol with passkey', (s) => s.staff.enrolWithPasskey('link-2', now, passkey('pk-2'))],
        ['passkey link again', (s) => s.staff.enrolWithPassword('link-2', now, 'hash3', 'secret3')],
        ['passkeys', (s) => s.staff.passkeysOf(1)],
        ['credentials after passkey', (s) => s.staff.credentials(1)],
        ['set windows', (s) => s.staff.setWindows(1, [{ role: 'coordinator', window }, { role: 'staff', window: 'another-window' }, { role: 'admin', window: '*' }])],
        ['grant planner', (s) => s.staff.setRole(1, 'planner', true)],
        ['grant editor', (s) => s.staff.setRole(1, 'editor', true)],
        ['window role by setRole', (s) => s.staff.setRole(1, 'staff', true)],
        ['account', (s) => s.staff.byId(1)],
        ['withdraw planner', (s) => s.staff.setRole(1, 'planner', false)],
        ['windows again', (s) => s.staff.setWindows(1, [])],
        ['account after', (s) => s.staff.byId(1)],
        ['session', (s) => s.staff.createSession('session-1', { staffId: 1, csrfToken: 'c', createdAt: t0, seenAt: t0, authenticatedAt: t0 })],
        ['fresh authentication', (s) => s.staff.markAuthenticated('session-1', t0 + 5_000)],
        ['session after', (s) => s.staff.session('session-1')],
      ]),
    );
  });

  it('facts: reports, confirmations, proposals, decisions, reminders once a week, the editors\' e-mail', async () => {
    const at = (d: string) => new Date(`${d}T09:00:00+09:00`);
    expectSame(
      await onBoth([
        ['editor', (s) => s.staff.create({ login: 'editor', name: '編集 花子', memberships: [{ role: 'editor', window: '*' }] })],
        ['staff', (s) => s.staff.create({ login: 'window', name: '窓口 太郎', memberships: [{ role: 'staff', window }] })],
        ['report', (s) => s.facts.report({ window, text: '電話番号が違います', at: at('2026-12-01') })],
        ['confirm', (s) => s.facts.confirm({ window, staffId: 2, at: at('2026-12-02') })],
        ['propose', (s) => s.facts.propose({ window, staffId: 2, field: 'hours', value: { text: '平日 9:00–17:00' }, at: at('2026-12-03') })],
        ['pending', (s) => s.facts.list(['pending'])],
        ['decide', (s) => s.facts.decide(3, { approve: true, reason: '確認済み', staffId: 1, at: at('2026-12-04') })],
        ['decide again', (s) => s.facts.decide(3, { approve: false, reason: 'x', staffId: 1, at: at('2026-12-05') })],
        ['reject report', (s) => s.facts.decide(1, { approve: false, reason: '番号は正しい', staffId: 1, at: at('2026-12-05') })],
        ['apply', (s) => s.facts.markApplied([3, 1, 99], at('2026-12-06'))],
        ['all', (s) => s.facts.list(['pending', 'approved', 'rejected', 'applied'])],
        ['of window', (s) => s.facts.ofWindow(window)],
        ['last statement', (s) => s.facts.lastStatement(window)],
        ['no statement', (s) => s.facts.lastStatement('nowhere')],
        ['remind', (s) => s.facts.queueReminder(window, '2026-12-07', '2026-11-30', '2026-12-21')],
        ['remind again that week', (s) => s.facts.queueReminder(window, '2026-12-09', '2026-12-02', '2026-12-21')],
        ['remind next week', (s) => s.facts.queueReminder(window, '2026-12-14', '2026-12-07', '2026-12-21')],
        ['sources changed', (s) => s.facts.queueSourcesChanged(['広報 12月号'], at('2026-12-08'))],
        ['e-mails', async (s) => (await s.outbox.due(new Date('2100-01-01'), 50)).map(({ id: _id, ...rest }) => rest)],
      ]),
    );
  });

  it('the planners\' counts: a 連絡票 under the person\'s district and the agency as writer, an inquiry as before', async () => {
    expectSame(
      await onBoth([
        ['inquiry', async (s) => (await s.create(familyInquiry as unknown as Inquiry, { windows: [...familyInquiryRoute.windows], coordinator: familyInquiryRoute.coordinator }, randomUUID())).created],
        ['連絡票', async (s) => (await s.create({ kind: 'referral', ...referral } as unknown as StoredBody, { windows: [...referralRoute.windows], coordinator: referralRoute.coordinator }, randomUUID())).created],
        ['records', async (s) => (await s.stats.records()).map((r) => JSON.stringify(r)).sort()],
      ]),
    );
  });
});
