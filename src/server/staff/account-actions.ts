// What an admin may do to staff accounts, as data: each action names its permission, the schema of its
// form, the store call and the audit name (the shape of the inbox's action table, so these can join it).
// The accounts pages (/staff/accounts/) and nothing else run them; every one needs `accounts.manage`, a
// fresh password + code (checked by the page before `runAccountAction`) and is audited. No action may
// leave the portal without an active admin: an admin cannot take away their own last admin rights.
import * as z from 'zod/mini';
import { ANY_WINDOW, staffLoginSchema, windowRoles, type StaffRole } from '@/schemas/staff';
import type { Membership, StaffAccount, Store } from '@/server/store/types';
import { openEnrolment, unlockLogin } from './auth';
import { can, type StaffAction } from './permissions';

/** Roles that belong to no window, granted on their own. */
export const accountRoles = ['admin', 'planner'] as const satisfies readonly StaffRole[];
/** How a member works in their windows. */
export const memberRoles = ['staff', 'coordinator'] as const satisfies readonly StaffRole[];

const list = (max: number) => z.pipe(z.union([z.string(), z.array(z.string())]), z.transform((v) => (Array.isArray(v) ? v : [v]).filter(Boolean).slice(0, max)));
const accessShape = {
  roles: z.optional(list(accountRoles.length)),
  memberRole: z.optional(z.enum(memberRoles)),
  windows: z.optional(list(200)),
};
const target = { id: z.coerce.number().check(z.int(), z.positive()) };

export const addAccountSchema = z.object({
  login: staffLoginSchema,
  name: z.string().check(z.overwrite((s) => s.normalize('NFC').trim()), z.minLength(1, 'staff.accounts.error.name'), z.maxLength(60, 'staff.accounts.error.name')),
  ...accessShape,
});
export const accessSchema = z.object({ ...target, ...accessShape });
export const targetSchema = z.object(target);

export interface ActionContext {
  store: Store;
  actor: StaffAccount;
  /** Window ids of the profile (a membership names one of these). */
  windowIds: readonly string[];
}
export type ActionResult = { ok: true; target: string; link?: string; detail?: Record<string, unknown> } | { ok: false; error: string };

interface AccountAction<S extends z.ZodMiniType> {
  permission: StaffAction;
  schema: S;
  /** The audit log's action name. */
  audit: string;
  run(ctx: ActionContext, input: z.output<S>): Promise<ActionResult>;
}
const action = <S extends z.ZodMiniType>(a: AccountAction<S>) => a;

/** The memberships an access form asks for, or an error key. */
function memberships(input: { roles?: string[]; memberRole?: string; windows?: string[] }, windowIds: readonly string[]): Membership[] | string {
  const roles = (input.roles ?? []).filter((r): r is (typeof accountRoles)[number] => (accountRoles as readonly string[]).includes(r));
  const windows = [...new Set(input.windows ?? [])];
  if (windows.some((w) => !windowIds.includes(w))) return 'staff.accounts.error.window';
  const role = input.memberRole ?? 'staff';
  const out: Membership[] = [...roles.map((r) => ({ role: r as StaffRole, window: ANY_WINDOW })), ...windows.map((window) => ({ role: role as StaffRole, window }))];
  return out.length ? out : 'staff.accounts.error.noAccess';
}

const isActiveAdmin = (a: StaffAccount) => a.state === 'active' && a.memberships.some((m) => m.role === 'admin');
/** Whether, after `change` to account `id`, some active admin would remain. */
async function adminRemains(store: Store, id: number, after: (a: StaffAccount) => StaffAccount | undefined): Promise<boolean> {
  return (await store.staff.list()).some((a) => {
    const next = a.id === id ? after(a) : a;
    return next !== undefined && isActiveAdmin(next);
  });
}

async function find(store: Store, id: number): Promise<StaffAccount | undefined> {
  const a = await store.staff.byId(id);
  return a && a.state !== 'removed' ? a : undefined;
}

export const accountActions = {
  add: action({
    permission: 'accounts.manage',
    schema: addAccountSchema,
    audit: 'account.add',
    async run({ store, windowIds }, input) {
      if (await store.staff.byLogin(input.login)) return { ok: false, error: 'staff.accounts.error.exists' };
      const ms = memberships(input, windowIds);
      if (typeof ms === 'string') return { ok: false, error: ms };
      const account = await store.staff.create({ login: input.login, name: input.name, memberships: ms });
      return { ok: true, target: account.login, link: await openEnrolment(store, account.id), detail: { memberships: ms } };
    },
  }),
  access: action({
    permission: 'accounts.manage',
    schema: accessSchema,
    audit: 'account.access',
    async run({ store, windowIds }, input) {
      const a = await find(store, input.id);
      if (!a) return { ok: false, error: 'staff.accounts.error.missing' };
      const ms = memberships(input, windowIds);
      if (typeof ms === 'string') return { ok: false, error: ms };
      if (!(await adminRemains(store, a.id, (x) => ({ ...x, memberships: ms })))) return { ok: false, error: 'staff.accounts.error.lastAdmin' };
      await store.staff.setWindows(a.id, ms.filter((m) => windowRoles.includes(m.role)));
      for (const role of accountRoles) await store.staff.setRole(a.id, role, ms.some((m) => m.role === role));
      return { ok: true, target: a.login, detail: { before: a.memberships, after: ms } };
    },
  }),
  disable: action({
    permission: 'accounts.manage',
    schema: targetSchema,
    audit: 'account.disable',
    async run({ store }, { id }) {
      const a = await find(store, id);
      if (!a) return { ok: false, error: 'staff.accounts.error.missing' };
      if (!(await adminRemains(store, a.id, (x) => ({ ...x, state: 'disabled' })))) return { ok: false, error: 'staff.accounts.error.lastAdmin' };
      await store.staff.setState(a.id, 'disabled');
      return { ok: true, target: a.login };
    },
  }),
  enable: action({
    permission: 'accounts.manage',
    schema: targetSchema,
    audit: 'account.enable',
    async run({ store }, { id }) {
      const a = await find(store, id);
      if (!a) return { ok: false, error: 'staff.accounts.error.missing' };
      await store.staff.setState(a.id, 'active');
      return { ok: true, target: a.login };
    },
  }),
  reset: action({
    permission: 'accounts.manage',
    schema: targetSchema,
    audit: 'account.reset',
    async run({ store }, { id }) {
      const a = await find(store, id);
      if (!a) return { ok: false, error: 'staff.accounts.error.missing' };
      // Resetting the last admin would leave nobody able to sign in and manage accounts until the link is used.
      if (!(await adminRemains(store, a.id, () => undefined))) return { ok: false, error: 'staff.accounts.error.lastAdmin' };
      return { ok: true, target: a.login, link: await openEnrolment(store, a.id) };
    },
  }),
  unlock: action({
    permission: 'accounts.manage',
    schema: targetSchema,
    audit: 'account.unlock',
    async run({ store }, { id }) {
      const a = await find(store, id);
      if (!a) return { ok: false, error: 'staff.accounts.error.missing' };
      return { ok: true, target: a.login, detail: { lifted: await unlockLogin(store, a.login) } };
    },
  }),
  remove: action({
    permission: 'accounts.manage',
    schema: targetSchema,
    audit: 'account.remove',
    async run({ store }, { id }) {
      const a = await find(store, id);
      if (!a) return { ok: false, error: 'staff.accounts.error.missing' };
      if (!(await adminRemains(store, a.id, () => undefined))) return { ok: false, error: 'staff.accounts.error.lastAdmin' };
      await store.staff.setState(a.id, 'removed');
      return { ok: true, target: a.login };
    },
  }),
} as const;
export type AccountActionName = keyof typeof accountActions;
export const accountActionNames = Object.keys(accountActions) as AccountActionName[];

/**
 * Runs one action for the actor: permission, schema, store call, audit. `raw` is the form's fields
 * (multi-valued ones as arrays). Refusals are audited too, so a probing admin leaves a trace.
 */
export async function runAccountAction(name: AccountActionName, ctx: ActionContext & { ip: string | null }, raw: Record<string, unknown>): Promise<ActionResult> {
  const a = accountActions[name] as AccountAction<z.ZodMiniType>;
  if (!can(ctx.actor, a.permission)) return { ok: false, error: 'forbidden' };
  const parsed = z.safeParse(a.schema, raw);
  const result: ActionResult = parsed.success ? await a.run(ctx, parsed.data) : { ok: false, error: parsed.error.issues[0]?.message.startsWith('staff.') ? parsed.error.issues[0].message : 'staff.accounts.error.input' };
  await ctx.store.staff.audit({
    action: result.ok ? a.audit : `${a.audit}.refused`,
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    target: result.ok ? result.target : typeof raw.login === 'string' ? raw.login : raw.id !== undefined ? `#${String(raw.id)}` : null,
    ip: ctx.ip,
    detail: result.ok ? (result.detail ?? {}) : { error: result.error },
  });
  return result;
}
