// The POST side of the accounts pages: CSRF, a fresh password + code from the admin, then one action from
// the table (account-actions.ts). The pages only render what this returns.
import { accountActionNames, runAccountAction, type AccountActionName, type ActionResult } from './account-actions';
import { clientAddressOf, formAllowed, readForm, type PageContext, type StaffRequest } from './http';
import { hashToken, signInWithPassword } from './auth';

/** What the form sent (without the password and code), so a refused form is shown again as it was typed. */
type Sent = Record<string, unknown>;
export type AccountPost = { kind: 'forbidden' } | { kind: 'unconfirmed'; action: AccountActionName; sent: Sent } | { kind: 'done'; action: AccountActionName; sent: Sent; result: ActionResult };

/** The site address an enrolment link starts with (SITE_URL, else this request's origin). */
export const enrolmentLink = (url: URL, token: string) => `${(process.env.SITE_URL || url.origin).replace(/\/$/, '')}/staff/enrol/${token}/`;

export async function handleAccountPost(ctx: PageContext, staff: StaffRequest, windowIds: readonly string[]): Promise<AccountPost> {
  const form = await readForm(ctx.request);
  if (!form || !formAllowed(ctx, form, staff.session.csrfToken)) return { kind: 'forbidden' };
  const name = String(form.get('do') ?? '') as AccountActionName;
  if (!accountActionNames.includes(name)) return { kind: 'forbidden' };
  const ip = clientAddressOf(ctx);
  const sent: Sent = {};
  for (const key of new Set(form.keys())) {
    if (['csrf', 'password', 'code', 'do'].includes(key)) continue;
    const values = form.getAll(key).map(String);
    sent[key] = ['roles', 'windows'].includes(key) ? values : values[0];
  }
  // Fresh authentication for every change: the admin's own password and a new code, throttled as a sign-in.
  const again = await signInWithPassword(staff.store, { login: staff.account.login, password: String(form.get('password') ?? ''), code: String(form.get('code') ?? ''), ip });
  if (!again.ok || again.account.id !== staff.account.id) return { kind: 'unconfirmed', action: name, sent };
  await staff.store.staff.markAuthenticated(hashToken(staff.token), Date.now());
  return { kind: 'done', action: name, sent, result: await runAccountAction(name, { store: staff.store, actor: staff.account, windowIds, ip }, sent) };
}
