// What every engine writes the same way for a new record, whatever its SQL: the receipt number, the
// urgent mark a record arrives with, and the detail of its 'received' event.
import type { StoredBody } from './types';

/**
 * Whether a record arrives with the inbox's urgent mark: a 連絡票 whose agency answered the urgency
 * question with its most urgent choice (緊急). A resident's inquiry asks no such question; staff mark it.
 */
export function arrivesUrgent(body: StoredBody): boolean {
  return 'kind' in body && body.kind === 'referral' && body.urgency === 'urgent';
}

/**
 * A receipt number residents can read out on the phone: date and a sequence, e.g. 20261122-00042.
 * `id` comes from the engine's counter, taken inside the transaction that stores the record, so
 * numbers are unique, in order, and never skipped or reused.
 */
export function receiptFor(id: number, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${day}-${String(id).padStart(5, '0')}`;
}

/** The 'received' event's detail: who wrote it and in which language, nothing personal. */
export function receivedDetail(body: StoredBody): Record<string, unknown> {
  return 'kind' in body ? { kind: body.kind, agencyKind: body.agencyKind, locale: body.locale } : { writer: body.writer, locale: body.locale };
}
