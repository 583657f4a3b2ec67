// Staff accounts (issue 15).
//   npm run staff -- add <login> --name 佐藤 --role staff --windows <window id>,<window id>
//       prints a one-time enrolment link, valid for 24 hours. With --role admin or planner, --windows
//       makes the account also a member (staff) of those windows: roles and memberships are independent.
//   npm run staff -- add <login> --name … --role admin --password-stdin --totp-secret <BASE32>
//       a fully enrolled account, no link (the first admin; automated checks)
//   npm run staff -- list | disable <login> | enable <login> | reset <login> | remove <login> | unlock <login>
//   npm run staff -- audit [--limit 50]
//   npm run staff -- code <BASE32>      the current TOTP code for a secret (scripts signing in)
//   --as <admin login>: account changes made as that admin (needs accounts.manage); without it, as the
//   local operator. The audit names who either way.
// Uses INQUIRY_DB_PATH, or ./data/inquiries.sqlite. SITE_URL sets the link's address.
// Every value printed goes through `shown`: control characters (a login holding a newline and tabs, a
// terminal escape) print as visible escapes, so no value can forge a line or drive the terminal.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { contentPath, profileDir, profileId } from '@/lib/profile';
import { staffLoginSchema, staffRoles, windowRoles, ANY_WINDOW, type StaffRole } from '@/schemas/staff';
import { hashPassword, MIN_PASSWORD_LENGTH, newTotpSecret, openEnrolment, totpNow, unlockLogin } from '@/server/staff/auth';
import { openStore } from '@/server/store';
import { cliActor } from '@/server/staff/cli-actor';

const usage = `usage: npm run staff -- add <login> --name <name> --role <${staffRoles.join('|')}> [--windows id,id] [--password-stdin --totp-secret <BASE32>]
       npm run staff -- list | disable <login> | enable <login> | reset <login> | remove <login> | unlock <login> | audit [--limit N] | code <BASE32>
--windows with --role admin or planner: also a member (staff) of those windows
       account changes: --as <admin login> (needs accounts.manage), else made as the local operator`;
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, role: { type: 'string' }, windows: { type: 'string' }, 'password-stdin': { type: 'boolean' }, 'totp-secret': { type: 'string' }, limit: { type: 'string' }, as: { type: 'string' } },
});
const [command, arg] = positionals;
const site = (process.env.SITE_URL || 'http://localhost:4321').replace(/\/$/, '');
const link = (token: string) => `${site}/staff/enrol/${token}/`;
/** The project root, so the command works from any folder. */
const root = fileURLToPath(new URL('../../', import.meta.url));
/** The window files of the selected profile (PORTAL_PROFILE, else the default). */
const windowsDir = () => contentPath('windows', profileDir(profileId(process.env, root), root), root);
const windowIds = () => readdirSync(join(root, windowsDir())).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));

/** A value as the terminal may print it: C0/C1 controls, DEL and line/paragraph separators escaped. */
const shown = (v: unknown): string =>
  String(v).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
/** One line of tab-separated values, each escaped. */
const line = (values: readonly unknown[]) => values.map(shown).join('\t');

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<number> {
  const store = openStore();
  const who = await cliActor(store.staff, values.as);
  if ('refused' in who) fail(who.refused);
  const actor = who;
  const find = async () => (arg && (await store.staff.byLogin(arg))) || fail(`no staff account ${shown(arg ?? '')}\n${usage}`);
  try {
    switch (command) {
      case 'add': {
        if (!arg || !z.safeParse(staffLoginSchema, arg).success) fail(`login: lower-case letters, digits, . _ -\n${usage}`);
        if (await store.staff.byLogin(arg)) fail(`${shown(arg)} already exists`);
        const role = values.role as StaffRole;
        if (!staffRoles.includes(role) || !values.name) fail(usage);
        const windows = (values.windows ?? '').split(',').filter(Boolean);
        if (windowRoles.includes(role) && windows.length === 0) fail(`--windows is required for ${role}`);
        const unknown = windows.filter((w) => !windowIds().includes(w));
        if (unknown.length) fail(`unknown window: ${shown(unknown.join(', '))} (see ${windowsDir()}/)`);
        // A window role is held in its windows; admin and planner are held on their own, plus staff membership of any windows given.
        const memberships = windowRoles.includes(role) ? windows.map((window) => ({ role, window })) : [{ role, window: ANY_WINDOW }, ...windows.map((window) => ({ role: 'staff' as const, window }))];
        const account = await store.staff.create({ login: arg, name: values.name, memberships });
        await store.staff.audit({ ...actor, action: 'account.add', target: arg, detail: { role, windows } });
        if (values['password-stdin']) {
          const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
          if (password.length < MIN_PASSWORD_LENGTH) fail(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
          const secret = values['totp-secret'] ?? newTotpSecret();
          if (!/^[A-Z2-7]{32,}=*$/.test(secret)) fail('--totp-secret must be base32 (A-Z, 2-7), at least 32 characters (20 bytes)');
          await store.staff.completeEnrolment(account.id, await hashPassword(password), secret);
          console.log(`${shown(arg)}: enrolled (password + TOTP)${values['totp-secret'] ? '' : `\nTOTP secret: ${shown(secret)}`}`);
        } else {
          console.log(`${shown(arg)}: enrolment link (valid 24 hours, once):\n${shown(link(await openEnrolment(store, account.id)))}`);
        }
        return 0;
      }
      case 'list': {
        for (const a of await store.staff.list()) {
          const c = await store.staff.credentials(a.id);
          const how = [c.passwordHash && 'password+totp', (await store.staff.passkeysOf(a.id)).length && 'passkey', c.enrolmentOpen && 'enrolment-open'].filter(Boolean).join(',');
          console.log(line([a.login, a.name, a.state, a.memberships.map((m) => (m.window === ANY_WINDOW ? m.role : `${m.role}@${m.window}`)).join(' '), how || '-']));
        }
        return 0;
      }
      case 'disable':
      case 'enable':
      case 'remove': {
        const a = await find();
        await store.staff.setState(a.id, command === 'disable' ? 'disabled' : command === 'enable' ? 'active' : 'removed');
        await store.staff.audit({ ...actor, action: `account.${command}`, target: a.login });
        console.log(`${shown(a.login)}: ${command}d`);
        return 0;
      }
      case 'reset': {
        const a = await find();
        const token = await openEnrolment(store, a.id);
        await store.staff.audit({ ...actor, action: 'account.reset', target: a.login });
        console.log(`${shown(a.login)}: sign-in methods cleared; new enrolment link (valid 24 hours, once):\n${shown(link(token))}`);
        return 0;
      }
      case 'unlock': {
        const a = await find();
        const lifted = await unlockLogin(store, a.login);
        await store.staff.audit({ ...actor, action: 'account.unlock', target: a.login, detail: { lifted } });
        console.log(`${shown(a.login)}: ${lifted} sign-in lock(s) lifted`);
        return 0;
      }
      case 'audit': {
        const { rows } = await store.staff.auditLog({ limit: Number(values.limit ?? 50), offset: 0 });
        for (const r of rows.reverse()) console.log(line([r.at, r.login ?? '-', r.action, r.target ?? '-', JSON.stringify(r.detail), r.ip ?? '-']));
        return 0;
      }
      case 'code': {
        if (!arg) fail(usage);
        console.log(shown(totpNow(arg)));
        return 0;
      }
    }
    console.error(usage);
    return 2;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
