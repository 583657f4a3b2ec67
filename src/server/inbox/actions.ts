// Staff actions on one inquiry, as data (the application layer): for each, the permission it needs, its
// input schema, the store call, the audit name and the events it writes. The detail page renders the
// forms and hands a POST to `dispatch`; it holds no permission logic of its own.
import * as z from 'zod/mini';
import type { UiKey } from '@/i18n';
import { assignSchema, escalateSchema, meetingSchema, noteSchema, shareSchema, statusChangeSchema } from '@/schemas/staff';
import { roleWindowIds } from '@/triage/route';
import type { StaffContent } from '@/server/staff/content';
import { actingWindows, can, type StaffAction } from '@/server/staff/permissions';
import type { InboxInquiry, InquiryEvent, ShareResult, StaffAccount, Store } from '@/server/store/types';

export interface FieldError {
  field: string;
  key: UiKey;
}

/** What the page does next. */
export type ActionOutcome =
  | { kind: 'done'; redirect: string }
  | { kind: 'invalid'; errors: FieldError[] }
  /** Changed by someone else since the form was shown (409). */
  | { kind: 'stale' }
  | { kind: 'badRequest' }
  /** Not permitted: answered exactly like an inquiry that does not exist. */
  | { kind: 'notFound' };

export interface ActionContext {
  store: Store;
  account: StaffAccount;
  item: InboxInquiry;
  content: StaffContent;
  ip: string | null;
}

/** What a store call gave, or an answer the action decided itself. */
type RunResult = ShareResult | Exclude<ActionOutcome, { kind: 'stale' }>;

interface InquiryAction<S extends z.ZodMiniType> {
  permission: StaffAction;
  schema: S;
  /** The schema's input from the form's fields (default: the fields as they are). */
  input?: (fields: Record<string, string>) => unknown;
  /** The form's errors for a refused input; none means the request itself is bad (400). */
  errors: (issues: readonly z.core.$ZodIssue[]) => FieldError[];
  run: (ctx: ActionContext & { from: string }, data: z.output<S>) => Promise<RunResult>;
  /** The audit entry's action and detail (after a change that went through). */
  audit: string;
  auditDetail?: (data: z.output<S>) => Record<string, unknown>;
  /** The events the store call writes on the inquiry (the README's and the tests' list). */
  events: readonly InquiryEvent['type'][];
}

const define = <S extends z.ZodMiniType>(a: InquiryAction<S>) => a as unknown as InquiryAction<z.ZodMiniType>;
const staffMessages = (prefix: string) => (issues: readonly z.core.$ZodIssue[]) =>
  issues.filter((i) => i.message.startsWith('staff.')).map((i) => ({ field: `${prefix}-${String(i.path[0])}`, key: i.message as UiKey }));
const badRequest = () => [];

export const inquiryActions = {
  status: define({
    permission: 'inquiry.change',
    schema: statusChangeSchema,
    input: (f) => ({ status: f.status, version: f.version, outcome: f.outcome || undefined }),
    errors: (issues) => issues.map((i) => ({ field: String(i.path[0] ?? 'status'), key: (i.message.startsWith('staff.') ? i.message : 'staff.error.outcomeRequired') as UiKey })),
    run: ({ store, item, account, from }, d) => store.inbox.changeStatus(item.publicId, { ...d, staffId: account.id, window: from }),
    audit: 'inquiry.status',
    events: ['status'],
  }),
  assign: define({
    permission: 'inquiry.change',
    schema: assignSchema,
    errors: badRequest,
    run: async ({ store, item, account, from }, d) => {
      const assigneeId = d.assignee !== 'none' ? Number(d.assignee) : null;
      // Only a member of one of the inquiry's windows can be assigned.
      const members = await Promise.all(item.windows.map((w) => store.staff.membersOf(w)));
      if (assigneeId !== null && !members.some((m) => m.some((a) => a.id === assigneeId))) return { kind: 'badRequest' };
      return store.inbox.assign(item.publicId, { assigneeId, version: d.version, staffId: account.id, window: from });
    },
    audit: 'inquiry.assign',
    events: ['assigned'],
  }),
  note: define({
    permission: 'inquiry.change',
    schema: noteSchema,
    input: (f) => ({ text: f.text ?? '' }),
    errors: (issues) => [{ field: 'text', key: issues[0]!.message as UiKey }],
    run: ({ store, item, account, from }, d) => store.inbox.addNote(item.publicId, { text: d.text, staffId: account.id, window: from }),
    audit: 'inquiry.note',
    events: ['note'],
  }),
  share: define({
    permission: 'inquiry.share',
    schema: shareSchema,
    errors: staffMessages('share'),
    run: async ({ store, item, account, from, content }, d) => {
      if (!content.windowIds.includes(d.to)) return { kind: 'badRequest' };
      const r = await store.inbox.share(item.publicId, { ...d, from, staffId: account.id });
      return !r.ok && r.reason === 'same' ? { kind: 'invalid', errors: [{ field: 'share-to', key: 'staff.error.alreadyThere' }] } : r;
    },
    audit: 'inquiry.share',
    auditDetail: (d) => ({ mode: d.mode, to: d.to }),
    events: ['handedOver', 'joined'],
  }),
  escalate: define({
    permission: 'inquiry.share',
    schema: escalateSchema,
    errors: staffMessages('escalate'),
    run: async ({ store, item, account, from, content }, d) => {
      // The coordinator of the person's district (a profile may have one per region).
      const to = roleWindowIds(content.triage.routing.coordinatorWindow, content.triage.windows, item.inquiry.area === 'unknown' ? undefined : item.inquiry.area)[0]!;
      const r = await store.inbox.share(item.publicId, { mode: 'escalate', from, to, reason: d.summary, basis: d.basis, version: d.version, staffId: account.id });
      return !r.ok && r.reason === 'same' ? { kind: 'badRequest' } : r;
    },
    audit: 'inquiry.escalate',
    events: ['escalated'],
  }),
  meeting: define({
    permission: 'inquiry.meeting',
    schema: meetingSchema,
    errors: staffMessages('meeting'),
    run: ({ store, item, account, from }, d) => store.inbox.recordMeeting(item.publicId, { ...d, staffId: account.id, window: from }),
    audit: 'inquiry.meeting',
    events: ['meeting'],
  }),
  /** 本人からの削除依頼: gone now, audited with the receipt number only; anonymous counts stay. */
  deleteOnRequest: define({
    permission: 'inquiry.delete',
    schema: z.object({ confirm: z.literal('yes', 'staff.error.confirmDelete') }),
    input: (f) => ({ confirm: f.confirm ?? '' }),
    errors: () => [{ field: 'delete-confirm', key: 'staff.error.confirmDelete' }],
    run: async ({ store, item }) => {
      await store.retention.deleteOne(item.publicId);
      return { kind: 'done', redirect: '/staff/?deleted=1' };
    },
    audit: 'inquiry.deleteOnRequest',
    events: [],
  }),
} satisfies Record<string, InquiryAction<z.ZodMiniType>>;

export type InquiryActionName = keyof typeof inquiryActions;
const isActionName = (name: string | undefined): name is InquiryActionName => name !== undefined && Object.hasOwn(inquiryActions, name);

/** The actions this account may take on this inquiry (the page shows their forms). */
export function permittedActions(account: StaffAccount, item: InboxInquiry): Set<InquiryActionName> {
  return new Set((Object.keys(inquiryActions) as InquiryActionName[]).filter((n) => can(account, inquiryActions[n].permission, item)));
}

/**
 * Runs the form's action: permission (for this inquiry's windows), input, store call, audit. A change
 * that went through leads back to the inquiry (`?saved=<action>`).
 */
export async function dispatch(ctx: ActionContext, fields: Record<string, string>): Promise<ActionOutcome> {
  const name = fields.action;
  if (!isActionName(name)) return { kind: 'badRequest' };
  const action = inquiryActions[name];
  if (!can(ctx.account, action.permission, ctx.item)) return { kind: 'notFound' };
  const parsed = z.safeParse(action.schema, action.input ? action.input(fields) : fields);
  if (!parsed.success) {
    const errors = action.errors(parsed.error.issues);
    return errors.length ? { kind: 'invalid', errors } : { kind: 'badRequest' };
  }
  const from = actingWindows(ctx.account, ctx.item)[0]!;
  const result = await action.run({ ...ctx, from }, parsed.data);
  if ('kind' in result && result.kind !== 'done') return result;
  if ('ok' in result && !result.ok) return { kind: 'stale' };
  await ctx.store.staff.audit({
    action: action.audit,
    staffId: ctx.account.id,
    login: ctx.account.login,
    target: ctx.item.receipt,
    detail: action.auditDetail?.(parsed.data) ?? {},
    ip: ctx.ip,
  });
  return 'kind' in result ? result : { kind: 'done', redirect: `/staff/i/${ctx.item.publicId}/?saved=${name}` };
}
