// How both engines' rows become the store's objects. The column names are the same in both schemas;
// each engine decodes its own booleans and JSON first, then these build the objects.
import type { AuditEntry, InboxRow, OutboxItem } from './types';

/** One line of the inbox list as the engines select it, with booleans and lists decoded. */
export interface InboxListRow {
  public_id: string; receipt: string; received_at: string; status: InboxRow['status']; urgent: boolean; writer: string; categories: string[]; windows: string[]; assignee: string | null;
  kind: string | null; agency_kind: string | null; agency_kind_other: string | null; agency_name: string | null;
}
export const toInboxRow = (r: InboxListRow): InboxRow => ({
  publicId: r.public_id,
  receipt: r.receipt,
  receivedAt: r.received_at,
  status: r.status,
  urgent: r.urgent,
  writer: r.writer,
  // The agency's kind and name are not personal (sealed fields are; inquiry-fields.ts), so the list reads them as stored.
  agency: r.kind === 'referral' ? { kind: r.agency_kind ?? 'other', kindOther: r.agency_kind_other, name: r.agency_name ?? '' } : null,
  categories: r.categories,
  windows: r.windows,
  assignee: r.assignee,
});

/** One outbox row as the engines select it (joined to its inquiry), with the urgent mark and detail decoded. */
export interface OutboxRow {
  id: number; kind: OutboxItem['kind']; window_id: string; detail: { receipts?: string[] }; attempts: number; receipt: string | null; public_id: string | null; received_at: string | null; urgent: boolean;
}
export const toOutboxItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  kind: r.kind,
  window: r.window_id,
  receipt: r.receipt,
  publicId: r.public_id,
  receivedAt: r.received_at,
  urgent: r.urgent,
  receipts: r.detail.receipts ?? [],
  attempts: r.attempts,
});

/** The audit_log columns (at, staff_id, login, action, target, detail, ip) of a new entry, written now. */
export const auditValues = (e: AuditEntry) => [new Date().toISOString(), e.staffId ?? null, e.login ?? null, e.action, e.target ?? null, JSON.stringify(e.detail ?? {}), e.ip ?? null] as const;
