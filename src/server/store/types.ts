import type { Inquiry } from '@/schemas/inquiry';
import type { Referral } from '@/schemas/referral';

/**
 * What the store keeps: a resident's inquiry, or a support agency's 連絡票 (kind 'referral'). Both are
 * one JSON body in the same table, with the same receipt numbers, idempotency and durability; an
 * inquiry stored before kinds existed has no `kind` and is an inquiry.
 */
export type RecordKind = 'inquiry' | 'referral';
export type StoredBody = Inquiry | ({ kind: 'referral' } & Referral);
import type { InboxFilter, InquiryStatus, StaffRole } from '@/schemas/staff';

/** What the router decided for an inquiry. */
export interface RoutingDecision {
  /** Window ids, first = the one that answers. */
  windows: string[];
  coordinator: boolean;
}

/** One stored inquiry as staff see it. */
export interface StoredInquiry {
  kind: RecordKind;
  receipt: string;
  receivedAt: string;
  /** The answers (for kind 'referral', the 連絡票's fields; staff views read them by kind). */
  inquiry: Inquiry;
  routing: RoutingDecision;
  events: { type: 'received' | 'routed' | 'status' | 'assigned' | 'note'; at: string; detail: string }[];
}

export interface CreateResult {
  receipt: string;
  /** False when the idempotency key was seen before: nothing new was stored. */
  created: boolean;
}

/**
 * The storage the routes and the staff CLI use. node:sqlite implements it today; another engine
 * (PostgreSQL, say) can be added behind the same interface without touching the routes.
 */
export interface InquiryStore {
  /** Stores the inquiry and its events in one durable transaction; resolves only after commit. */
  create(inquiry: StoredBody, routing: RoutingDecision, idempotencyKey: string): Promise<CreateResult>;
  get(receipt: string): StoredInquiry | undefined;
  list(limit?: number): StoredInquiry[];
  count(): number;
  /** A consistent copy of the whole store, taken while it keeps serving. */
  backup(path: string): Promise<void>;
  close(): void;
}

// ---- Staff side (issue 15). Engine-neutral: a PostgreSQL store implements the same interfaces. ----

export interface Membership {
  role: StaffRole;
  /** content/windows id, or '*' for roles without a window. */
  window: string;
}

export interface StaffAccount {
  id: number;
  login: string;
  name: string;
  /** 0 active, 1 disabled, 2 removed. */
  state: 'active' | 'disabled' | 'removed';
  memberships: Membership[];
}

export interface StaffCredentials {
  passwordHash: string | null;
  totpSecret: string | null;
  /** Whether a one-time enrolment link is still open. */
  enrolmentOpen: boolean;
}

export interface Passkey {
  id: string;
  staffId: number;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

export interface StaffSession {
  staffId: number;
  csrfToken: string;
  /** Epoch milliseconds. */
  createdAt: number;
  seenAt: number;
  authenticatedAt: number;
}

export interface AuditEntry {
  staffId?: number | null;
  login?: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}
export interface AuditRecord extends Required<Omit<AuditEntry, 'detail'>> {
  id: number;
  at: string;
  detail: Record<string, unknown>;
}

/** Accounts, credentials, sessions, sign-in failures and the audit log. */
export interface StaffStore {
  create(account: { login: string; name: string; memberships: Membership[] }): StaffAccount;
  byId(id: number): StaffAccount | undefined;
  byLogin(login: string): StaffAccount | undefined;
  list(): StaffAccount[];
  setState(id: number, state: StaffAccount['state']): void;
  /** Members of a window (active accounts with a staff or coordinator role there). */
  membersOf(window: string): StaffAccount[];

  credentials(id: number): StaffCredentials;
  /** Opens an enrolment: stores the token's hash; the old password, TOTP and passkeys stop working. */
  openEnrolment(id: number, tokenHash: string, expiresAt: Date): void;
  byEnrolmentToken(tokenHash: string, now: Date): StaffAccount | undefined;
  /** Sets the password and TOTP secret and closes the enrolment link. */
  completeEnrolment(id: number, passwordHash: string, totpSecret: string): void;

  addPasskey(p: Passkey): void;
  passkey(id: string): Passkey | undefined;
  passkeysOf(staffId: number): Passkey[];
  updatePasskeyCounter(id: string, counter: number): void;

  createSession(tokenHash: string, s: StaffSession): void;
  session(tokenHash: string): StaffSession | undefined;
  touchSession(tokenHash: string, seenAt: number): void;
  endSession(tokenHash: string): void;
  endSessionsOf(staffId: number): void;

  failures(login: string): { count: number; lastAt: number } | undefined;
  recordFailure(login: string, at: number): void;
  clearFailures(login: string): void;

  audit(entry: AuditEntry): void;
  auditLog(opts: { limit: number; offset: number }): { rows: AuditRecord[]; total: number };
}

/** One line of the inbox list. */
export interface InboxRow {
  publicId: string;
  receipt: string;
  receivedAt: string;
  windows: string[];
  categories: string[];
  urgent: boolean;
  writer: string;
  status: InquiryStatus;
  assignee: string | null;
}

export interface InquiryEvent {
  type: 'received' | 'routed' | 'status' | 'assigned' | 'note';
  at: string;
  detail: Record<string, unknown>;
  staff: string | null;
}

/** One inquiry as the detail page shows it. */
export interface InboxInquiry {
  publicId: string;
  receipt: string;
  receivedAt: string;
  inquiry: Inquiry;
  routing: RoutingDecision;
  /** Windows that may see it now. */
  windows: string[];
  status: InquiryStatus;
  urgent: boolean;
  assigneeId: number | null;
  assignee: string | null;
  version: number;
  events: InquiryEvent[];
}

export type ChangeResult = { ok: true; version: number } | { ok: false; reason: 'stale' | 'missing' };

/** The staff's view of inquiries. Every change writes an event in the same transaction. */
export interface InboxStore {
  /** Tells the inbox that inquiries were added or changed outside it (drops cached counts). */
  changed(): void;
  list(windows: readonly string[], filter: InboxFilter, limit: number): { rows: InboxRow[]; total: number };
  /** Counts per status over my windows (other filters ignored, so the counts stay a stable overview). */
  statusCounts(windows: readonly string[]): Record<InquiryStatus, number>;
  get(publicId: string): InboxInquiry | undefined;
  changeStatus(publicId: string, change: { status: InquiryStatus; outcome?: string; version: number; staffId: number }): ChangeResult;
  assign(publicId: string, change: { assigneeId: number | null; version: number; staffId: number }): ChangeResult;
  addNote(publicId: string, note: { text: string; staffId: number }): ChangeResult;
}

/** Everything the server keeps. */
export interface Store extends InquiryStore {
  staff: StaffStore;
  inbox: InboxStore;
}
