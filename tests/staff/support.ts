// Shared by the staff tests: accounts made directly in a fresh database before the server opens it,
// and sign-in over HTTP the way a script does it (README, "How a script signs in").
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inquiry } from '@/schemas/inquiry';
import { windowRoles, type StaffRole } from '@/schemas/staff';
import { setTimeout as delay } from 'node:timers/promises';
import { generateSync } from 'otplib';
import { hashPassword } from '@/server/staff/auth';
import { openTestStore } from '../support/store';
import { coordinatorWindows, familyInquiry, profileWindows } from '../fixtures/inquiries';

export const PASSWORD = 'correct horse battery staple';

const others = profileWindows.map((w) => w.id).filter((id) => !coordinatorWindows.includes(id));
if (others.length < 3) throw new Error('the staff tests need three windows besides the coordinator');
/**
 * Windows of the selected profile for the staff tests, found in its content: the inbox, つなぐ and the
 * access rules treat every window alike, so any three distinct windows serve, and the 多機関協働
 * coordinator window is the first the routing names.
 */
export const staffWindows = { coordinator: coordinatorWindows[0]!, mine: others[0]!, other: others[1]!, third: others[2]! };

export interface SeededAccount {
  login: string;
  name: string;
  role: StaffRole;
  windows: string[];
  secret: string;
}

/** A database with the given accounts (password + TOTP) and one inquiry per window listed. */
export async function seedDatabase(accounts: Omit<SeededAccount, 'secret'>[], inquiryWindows: string[]) {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'staff-test-')), 'db.sqlite');
  const store = openTestStore(dbPath);
  const hash = await hashPassword(PASSWORD);
  const seeded: SeededAccount[] = [];
  for (const a of accounts) {
    const secret = randomSecret();
    // As the CLI does: a window role in its windows; admin or planner on its own, plus staff in any windows given.
    const memberships = windowRoles.includes(a.role) ? a.windows.map((window) => ({ role: a.role, window })) : [{ role: a.role, window: '*' }, ...a.windows.map((window) => ({ role: 'staff' as const, window }))];
    const account = await store.staff.create({ login: a.login, name: a.name, memberships });
    await store.staff.completeEnrolment(account.id, hash, secret);
    seeded.push({ ...a, secret });
  }
  const inquiries: Record<string, { receipt: string; publicId: string }> = {};
  for (const [i, w] of inquiryWindows.entries()) {
    const { receipt } = await store.create({ ...(familyInquiry as unknown as Inquiry), details: `窓口 ${w} あての相談` }, { windows: [w], coordinator: false }, `seed-${i}-${w}`);
    inquiries[w] = { receipt, publicId: (await store.inbox.list([w], {}, 1)).rows[0]!.publicId };
  }
  await store.close();
  return { dbPath, accounts: seeded, inquiries };
}

/** Base32 secret of 20 random bytes, as authenticator apps expect. */
export function randomSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(32)].map((b) => alphabet[b % 32]).join('');
}

const usedSteps = new Map<string, number>();
/**
 * A TOTP code of a time step this test run has not used yet for the secret: the server takes each code
 * once (RFC 6238, 5.2), and tests sign one account in more than once within 30 s (sign-in, then the
 * export's fresh sign-in). The server accepts the step either side of its clock, so the next step is
 * used while the current one is spent; with both spent this waits for the clock.
 */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, (usedSteps.get(secret) ?? -1) + 1);
    if (step <= now + 1) {
      usedSteps.set(secret, step);
      return generateSync({ secret, epoch: step * 30 });
    }
    await delay(1000);
  }
}

/** Cookies of one browser-like client, with same-origin form posts. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly origin: string) {}
  async request(path: string, init: { method?: string; form?: Record<string, string>; origin?: string | null } = {}) {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (init.origin !== null) headers.origin = init.origin ?? this.origin;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(`${this.origin}${path}`, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || v === '') this.cookies.delete(k!);
      else this.cookies.set(k!, v!);
    }
    return res;
  }
  /** The CSRF token of the page's first staff form. */
  async csrf(path: string): Promise<string> {
    const html = await (await this.request(path)).text();
    const m = /name="csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no csrf token on ${path}`);
    return m[1]!;
  }
  async signIn(a: Pick<SeededAccount, 'login' | 'secret'>, password = PASSWORD) {
    const csrf = await this.csrf('/staff/signin/');
    return this.request('/staff/signin/', { form: { csrf, login: a.login, password, code: await freshTotp(a.secret) } });
  }
}

export const randomLogin = () => `nobody-${randomBytes(6).toString('hex')}`;
