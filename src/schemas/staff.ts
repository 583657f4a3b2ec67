// The staff side's vocabulary (issue 15): roles, inquiry statuses and what a staff form sends.
// One source for the store, the permission rule, the pages, the CLI and the tests.
import * as z from 'zod/mini';

/** staff: works its windows' inquiries. coordinator: the same, for the 多機関協働 window. admin: accounts and the
 *  audit log (no inquiry content unless also a window member). planner: anonymised counts only.
 *  editor: reviews windows' confirmations and proposed changes and residents' reports (issue 30). */
export const staffRoles = ['staff', 'coordinator', 'admin', 'planner', 'editor'] as const;
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

// ---- つなぎ (issue 16) ----

/** How a window came to see an inquiry. */
export const shareKinds = ['routed', 'handedTo', 'joined', 'escalated'] as const;
export type ShareKind = (typeof shareKinds)[number];
/**
 * The two tiers of sharing with another window (seed 001, 社会福祉法 106条の6): the person agreed, or the
 * case is discussed under a 支援会議, whose members carry a duty of confidentiality.
 */
export const shareBases = ['consent', 'supportMeeting'] as const;
export type ShareBasis = (typeof shareBases)[number];
export const REASON_MAX = 500;

const reasonText = (required: string) => z.string().check(z.overwrite((s) => s.normalize('NFC').trim()), z.minLength(1, required), z.maxLength(REASON_MAX, 'staff.error.reasonTooLong'));

/** つなぐ (move to another window) or 一緒に対応する (add a window), as the detail page's form sends it. */
export const shareSchema = z.object({
  mode: z.enum(['handOver', 'join']),
  to: z.string().check(z.minLength(1, 'staff.error.toRequired'), z.maxLength(60)),
  reason: reasonText('staff.error.reasonRequired'),
  basis: z.enum(shareBases, 'staff.error.basisRequired'),
  version: z.coerce.number().check(z.int(), z.positive()),
});

/** 多機関協働に相談する: the coordinator is added with a short summary written by the sender. */
export const escalateSchema = z.object({
  summary: reasonText('staff.error.summaryRequired'),
  basis: z.enum(shareBases, 'staff.error.basisRequired'),
  version: z.coerce.number().check(z.int(), z.positive()),
});

/** A 支援会議 the coordinator held about the inquiry (its content stays under the meeting's confidentiality). */
export const meetingSchema = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'staff.error.dateRequired')),
  summary: reasonText('staff.error.summaryRequired'),
});
