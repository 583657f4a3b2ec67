import type { FactsStore } from './facts-types';
import type { Inquiry } from '@/schemas/inquiry';
import type { Referral } from '@/schemas/referral';

/**
 * What the store keeps: a resident's inquiry, or a support agency's 連絡票 (kind 'referral'). Both are
 * one JSON body in the same table, with the same receipt numbers, idempotency and durability; an
 * inquiry stored before kinds existed has no `kind` and is an inquiry.
 */
export type RecordKind = 'inquiry' | 'referral';
export type StoredBody = Inquiry | ({ kind: 'referral' } & Referral);
import type { InboxFilter, InquiryStatus, ShareBasis, ShareKind, StaffRole } from '@/schemas/staff';

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
  events: { type: InquiryEvent['type']; at: string; detail: string }[];
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
  get(receipt: string): Promise<StoredInquiry | undefined>;
  list(limit?: number): Promise<StoredInquiry[]>;
  /** Every record, oldest first, for an export: a row that cannot be opened is counted, not thrown. */
  readAll(): Promise<{ items: StoredInquiry[]; unreadable: number }>;
  count(): Promise<number>;
  /** A consistent copy of the whole store, taken while it keeps serving. */
  backup(path: string): Promise<void>;
  close(): Promise<void>;
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

export interface Throttle {
  count: number;
  windowStart: number;
  lockedUntil: number | null;
}
export interface ThrottleRule {
  windowMs: number;
  lockAfter: number;
  lockMs: number;
}

/** Accounts, credentials, sessions, sign-in failures and the audit log. */
export interface StaffStore {
  create(account: { login: string; name: string; memberships: Membership[] }): Promise<StaffAccount>;
  byId(id: number): Promise<StaffAccount | undefined>;
  byLogin(login: string): Promise<StaffAccount | undefined>;
  list(): Promise<StaffAccount[]>;
  setState(id: number, state: StaffAccount['state']): Promise<void>;
  /** Members of a window (active accounts with a staff or coordinator role there). */
  membersOf(window: string): Promise<StaffAccount[]>;

  credentials(id: number): Promise<StaffCredentials>;
  /** Opens an enrolment: stores the token's hash; the old password, TOTP and passkeys stop working. */
  openEnrolment(id: number, tokenHash: string, expiresAt: Date): Promise<void>;
  byEnrolmentToken(tokenHash: string, now: Date): Promise<StaffAccount | undefined>;
  /** Sets the password and TOTP secret and closes the enrolment link. */
  completeEnrolment(id: number, passwordHash: string, totpSecret: string): Promise<void>;
  /**
   * Uses up a TOTP time step for the account: true when no code of this step or a later one was
   * accepted before (then it is recorded, atomically), false for a code used already (a replay).
   */
  useTotpStep(id: number, step: number): Promise<boolean>;

  addPasskey(p: Passkey): Promise<void>;
  passkey(id: string): Promise<Passkey | undefined>;
  passkeysOf(staffId: number): Promise<Passkey[]>;
  updatePasskeyCounter(id: string, counter: number): Promise<void>;
  /** Keeps the one open passkey challenge of a browser (by its key's hash), replacing an older one; drops expired ones. */
  rememberChallenge(keyHash: string, c: { purpose: string; challenge: string; expiresAt: number }, now: number): Promise<void>;
  /** The browser's challenge for this purpose if still valid, removed in the same step, so it is used once. */
  takeChallenge(keyHash: string, purpose: string, now: number): Promise<string | undefined>;

  createSession(tokenHash: string, s: StaffSession): Promise<void>;
  session(tokenHash: string): Promise<StaffSession | undefined>;
  touchSession(tokenHash: string, seenAt: number): Promise<void>;
  endSession(tokenHash: string): Promise<void>;
  endSessionsOf(staffId: number): Promise<void>;

  /** Throttle rows for these keys (see auth.ts: per login and address, per address). */
  throttles(keys: readonly string[]): Promise<Map<string, Throttle>>;
  /**
   * Counts one failure against each key, atomically: within the window the count grows; reaching
   * `lockAfter` locks the key for `lockMs` from now; failures while locked change nothing (a lock never
   * renews itself); after the window the count starts again.
   */
  recordFailure(keys: readonly string[], now: number, rule: ThrottleRule): Promise<void>;
  /** Forgets every throttle row whose key starts with this prefix (a success, or an admin's unlock); how many. */
  clearThrottles(prefix: string): Promise<number>;

  /**
   * The first completed enrolment spends the link, whatever the method: sets the password and TOTP
   * secret, or adds the passkey, only if the link (token hash) is still open and unexpired, in one step.
   * False when it was spent or has expired.
   */
  enrolWithPassword(tokenHash: string, now: Date, passwordHash: string, totpSecret: string): Promise<boolean>;
  enrolWithPasskey(tokenHash: string, now: Date, passkey: Passkey): Promise<boolean>;
  /** Records a fresh authentication (password + code again) on the session. */
  markAuthenticated(tokenHash: string, at: number): Promise<void>;
  /** Replaces the account's window memberships (roles without a window are kept). */
  setWindows(id: number, memberships: readonly Membership[]): Promise<void>;
  /** Grants or withdraws a role without a window (admin, planner). */
  setRole(id: number, role: StaffRole, granted: boolean): Promise<void>;

  audit(entry: AuditEntry): Promise<void>;
  auditLog(opts: { limit: number; offset: number }): Promise<{ rows: AuditRecord[]; total: number }>;
}

/** One line of the inbox list. */
export interface InboxRow {
  publicId: string;
  receipt: string;
  receivedAt: string;
  windows: string[];
  categories: string[];
  urgent: boolean;
  /** Who wrote an inquiry (form.writer.*); a 連絡票 has no writer, its agency says who sent it. */
  writer: string;
  /** For a 連絡票 (kind 'referral'): the sending agency as the 連絡票 names it; null for an inquiry. */
  agency: { kind: string; kindOther: string | null; name: string } | null;
  status: InquiryStatus;
  assignee: string | null;
}

export const inquiryEventTypes = ['received', 'routed', 'status', 'assigned', 'note', 'handedOver', 'joined', 'escalated', 'meeting'] as const;
export interface InquiryEvent {
  type: (typeof inquiryEventTypes)[number];
  at: string;
  detail: Record<string, unknown>;
  staff: string | null;
  /** The window the staff member acted for (null for the system's events and older rows). */
  window: string | null;
}

/** One window's access to an inquiry: how it came, on what basis, and whether it still has it. */
export interface WindowShare {
  window: string;
  kind: ShareKind;
  basis: ShareBasis | null;
  ended: boolean;
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
  /** Windows that handed it over and no longer see its content (they keep what they wrote). */
  formerWindows: string[];
  shares: WindowShare[];
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
  changed(): Promise<void>;
  list(windows: readonly string[], filter: InboxFilter, limit: number): Promise<{ rows: InboxRow[]; total: number }>;
  /** Counts per status over my windows (other filters ignored, so the counts stay a stable overview). */
  statusCounts(windows: readonly string[]): Promise<Record<InquiryStatus, number>>;
  get(publicId: string): Promise<InboxInquiry | undefined>;
  /** Several inquiries in one read (the export), in the order asked; ids that do not exist are left out. */
  getMany(publicIds: readonly string[]): Promise<InboxInquiry[]>;
  changeStatus(publicId: string, change: { status: InquiryStatus; outcome?: string; version: number; staffId: number; window?: string }): Promise<ChangeResult>;
  assign(publicId: string, change: { assigneeId: number | null; version: number; staffId: number; window?: string }): Promise<ChangeResult>;
  addNote(publicId: string, note: { text: string; staffId: number; window?: string }): Promise<ChangeResult>;
  /**
   * つなぐ ('handOver': `from` stops seeing the content; `to` sees it as new) or 一緒に対応する ('join': `to`
   * is added). Refused as 'same' when `to` already sees it.
   */
  share(publicId: string, s: { mode: 'handOver' | 'join' | 'escalate'; from: string; to: string; reason: string; basis: ShareBasis; version: number; staffId: number }): Promise<ShareResult>;
  /** A 支援会議 recorded by the coordinator, as an event. */
  recordMeeting(publicId: string, m: { date: string; summary: string; staffId: number; window: string }): Promise<ChangeResult>;
  /** Inquiries these windows handed over and no longer see, latest hand-over first (the trace list). */
  handedOver(windows: readonly string[], limit: number): Promise<{ publicId: string; receipt: string; endedAt: string; window: string }[]>;
}

export type ShareResult = ChangeResult | { ok: false; reason: 'same' };

/** Everything the server keeps. */
export interface Store extends InquiryStore {
  staff: StaffStore;
  inbox: InboxStore;
  outbox: OutboxStore;
  jobs: JobStore;
  retention: RetentionStore;
  stats: StatsStore;
  limits: LimitStore;
  /** Facts that stay true (issue 30): src/server/store/facts-types.ts. */
  facts: FactsStore;
  /** Checks for /readyz and the start: schema version, and whether `sealer` opens the key canary. */
  health: HealthStore;
}

/** Rate-limit counters shared by every process on the store (src/server/limits.ts). */
export interface LimitStore {
  /** Counts one request of `key` in `bucket`'s fixed window; the count so far and when the window ends (epoch ms). */
  hit(bucket: string, key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
}

export interface HealthStore {
  /** Applied and known migrations. */
  migrations(): Promise<{ applied: number; known: number }>;
  /** Opens the key canary with the given key; false when it does not open. */
  keyOpens(key: Buffer): Promise<boolean>;
  /** Epoch ms of the oldest e-mail not yet sent, or null. */
  oldestUnsent(): Promise<number | null>;
}

/** One inquiry as the planners' counts see it: no id, no receipt, nothing personal. */
export interface StatRecord {
  /** JST month, YYYY-MM. */
  month: string;
  area: string;
  writer: string;
  categories: string[];
  windowCount: number;
  firstResponseMinutes: number | null;
}
export interface StatsStore {
  records(): Promise<StatRecord[]>;
}

/** The life of the data: deletion after the retention period, or on the resident's request. */
export interface RetentionStore {
  /** Deletes inquiries 完了 before `before`, keeping anonymous counts. */
  purgeCompleted(before: Date): Promise<{ deleted: number }>;
  /** 本人からの削除依頼: deletes one inquiry now (anonymous counts kept). False when it does not exist. */
  deleteOne(publicId: string): Promise<boolean>;
}

// ---- Notifications (issue 16) ----

/** One e-mail waiting in the outbox. Nothing personal: what the message says is made from these. */
export interface OutboxItem {
  id: number;
  kind: 'arrived' | 'handedTo' | 'reminder' | 'factsCheck' | 'sourcesChanged';
  window: string;
  /** For arrivals and hand-offs. */
  receipt: string | null;
  publicId: string | null;
  receivedAt: string | null;
  urgent: boolean;
  /** For reminders: receipt numbers still 未対応. */
  receipts: string[];
  /** For factsCheck: the day the window's facts fall due (issue 30). For sourcesChanged: the sources that changed. */
  due?: string;
  sources?: string[];
  attempts: number;
}

export interface OutboxStore {
  /** Items whose time has come, oldest first (claimed or not: a view for staff and tests). */
  due(now: Date, limit: number): Promise<OutboxItem[]>;
  /**
   * Claims up to `limit` items whose time has come and that no live lease holds, for `workerId`, for
   * `leaseMs`: no other worker gets them until they are marked sent or failed, or the lease ends (the
   * claimer died). Oldest first.
   */
  claim(workerId: string, leaseMs: number, limit: number, now?: Date): Promise<OutboxItem[]>;
  /** Marks an item sent (and releases its claim); an item already sent stays as it was. */
  sent(id: number, at: Date): Promise<void>;
  /** Records a failed try, releases the claim and sets the next try. */
  failed(id: number, error: string, nextAt: Date): Promise<void>;
  /** Unsent items that failed at least `minAttempts` times, for these windows. */
  failing(windows: readonly string[], minAttempts: number): Promise<number>;
  /**
   * Once per calendar day (`day`): queues a reminder for each window with inquiries still 未対応
   * received before `olderThan`. Returns how many were queued (0 when it already ran that day).
   */
  queueReminders(day: string, olderThan: Date): Promise<number>;
  /** Claims a daily job for `day`; false when it already ran that day. (Without a lease: see JobStore.) */
  claimDaily(name: string, day: string): Promise<boolean>;
}

/** Background jobs across processes (issue 27). */
export interface JobStore {
  /**
   * Claims the daily job `name` for `day` for `workerId`, with a lease of `leaseMs`. True when this
   * worker may run it now: nobody had it, or the last claimer's lease ended before it was done (it
   * died), or this worker holds it already. False while another worker's lease runs, or once done.
   */
  claimDaily(name: string, day: string, workerId: string, leaseMs: number, now?: Date): Promise<boolean>;
  /** Marks the day's job done (only by the worker holding it); no worker claims that day again. */
  finishDaily(name: string, day: string, workerId: string, at?: Date): Promise<boolean>;
  /** Who holds the day's job, until when, and whether it is done. */
  daily(name: string, day: string): Promise<{ worker: string; leaseUntil: number; doneAt: string | null } | undefined>;
}
