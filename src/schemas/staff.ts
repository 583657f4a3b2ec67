// The staff side's vocabulary (issue 15): roles, inquiry statuses and what a staff form sends.
// One source for the store, the permission rule, the pages, the CLI and the tests.
import * as z from 'zod/mini';

/** staff: works its windows' inquiries. coordinator: the same, for the 多機関協働 window. admin: accounts and the
 *  audit log (no inquiry content unless also a window member). planner: anonymised counts only. */
export const staffRoles = ['staff', 'coordinator', 'admin', 'planner'] as const;
export type StaffRole = (typeof staffRoles)[number];
/** Roles that belong to no window are stored with this window id. */
export const ANY_WINDOW = '*';
/** Roles whose membership is per window (the others use ANY_WINDOW). */
export const windowRoles: readonly StaffRole[] = ['staff', 'coordinator'];

/** 未対応 → 対応中 → 完了, plus 連絡がつかない and 対応不要 (いたずら・重複). */
export const inquiryStatuses = ['new', 'inProgress', 'done', 'unreachable', 'notNeeded'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];
/** Statuses that need a short outcome note. */
export const statusesNeedingNote: readonly InquiryStatus[] = ['done'];

export const OUTCOME_MAX = 500;
export const NOTE_MAX = 2000;

export const staffLoginSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'staff.error.login'));

/** A status change as the detail page's form sends it. */
export const statusChangeSchema = z
  .object({
    status: z.enum(inquiryStatuses),
    version: z.coerce.number().check(z.int(), z.positive()),
    outcome: z.optional(z.string().check(z.overwrite((s) => s.normalize('NFC').trim()), z.maxLength(OUTCOME_MAX))),
  })
  .check(
    z.refine((d) => !statusesNeedingNote.includes(d.status) || Boolean(d.outcome), { message: 'staff.error.outcomeRequired', path: ['outcome'] }),
  );

export const assignSchema = z.object({
  assignee: z.string().check(z.regex(/^(\d+|none)$/)),
  version: z.coerce.number().check(z.int(), z.positive()),
});

export const noteSchema = z.object({
  text: z.string().check(z.overwrite((s) => s.normalize('NFC').trim()), z.minLength(1, 'staff.error.noteRequired'), z.maxLength(NOTE_MAX, 'staff.error.noteTooLong')),
});

/** Inbox filters, from the list page's query string. */
export const inboxFilterSchema = z.object({
  status: z.optional(z.enum(inquiryStatuses)),
  window: z.optional(z.string().check(z.maxLength(60))),
  category: z.optional(z.string().check(z.maxLength(40))),
  urgent: z.optional(z.literal('1')),
  from: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  to: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  page: z.optional(z.coerce.number().check(z.int(), z.positive(), z.maximum(100_000))),
});
export type InboxFilter = z.output<typeof inboxFilterSchema>;
