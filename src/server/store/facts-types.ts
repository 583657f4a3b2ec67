// The facts store's interface (issue 30): engine-neutral, every method async.
import type { FactField } from '@/schemas/facts';

export type FactItemKind = 'confirmation' | 'change' | 'report';
export type FactItemState = 'pending' | 'approved' | 'rejected' | 'applied';

/** One item waiting for, or past, an editor's decision. */
export interface FactItem {
  id: number;
  kind: FactItemKind;
  window: string;
  /** For a change: the field and its proposed value (checked by the content schema when proposed). */
  field: FactField | null;
  value: unknown;
  /** For a report: what the resident wrote. */
  text: string | null;
  /** Who confirmed or proposed (null for a resident's report). */
  staffId: number | null;
  staffName: string | null;
  createdAt: string;
  state: FactItemState;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface FactsStore {
  /** A resident's report of a wrong fact: lands with editors only. */
  report(r: { window: string; text: string; at: Date }): Promise<number>;
  /** 「変わりありません」: who and when. */
  confirm(c: { window: string; staffId: number; at: Date }): Promise<number>;
  /** 「ここがちがう」: one field's new value. */
  propose(p: { window: string; staffId: number; field: FactField; value: unknown; at: Date }): Promise<number>;
  /** Items in these states, oldest first (the editor's page lists pending ones). */
  list(states: readonly FactItemState[], limit?: number): Promise<FactItem[]>;
  /** The window's latest items of each kind, newest first (the window's own page). */
  ofWindow(window: string, limit?: number): Promise<FactItem[]>;
  /** Approve or reject a pending item; false when it is not pending (decided already, or missing). */
  decide(id: number, d: { approve: boolean; reason: string; staffId: number; at: Date }): Promise<boolean>;
  /** When the window last confirmed or proposed anything (ISO time), or null. */
  lastStatement(window: string): Promise<string | null>;
  /**
   * Queues the e-mail asking the window to check its facts, at most once a week: false when it was
   * reminded after `notAfter` (a day, YYYY-MM-DD). Claimed in the database, so N servers send it once.
   */
  queueReminder(window: string, day: string, notAfter: string, due: string): Promise<boolean>;
  /** Queues the e-mail telling the editors which sources changed (`npm run sources -- check`). */
  queueSourcesChanged(titles: readonly string[], at: Date): Promise<void>;
  /** Marks approved items written into content (`npm run content -- apply`). */
  markApplied(ids: readonly number[], at: Date): Promise<void>;
}
