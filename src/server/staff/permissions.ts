// Every staff permission check derives from the account's memberships (role × window) through this ONE
// function. Pages and the CLI ask `can(...)`; none of them looks at roles themselves.
import { windowRoles, type StaffRole } from '@/schemas/staff';
import type { Membership } from '@/server/store/types';

export type StaffAction =
  /** See the inbox list of one's windows. */
  | 'inbox.read'
  /** Read one inquiry (needs a membership in one of its windows). */
  | 'inquiry.read'
  /** Change status, assign, add a note (same scope as reading). */
  | 'inquiry.change'
  /** つなぐ, 一緒に対応する, 多機関協働に相談する (same scope as reading). */
  | 'inquiry.share'
  /** 本人からの削除依頼: delete the inquiry now (same scope as reading). */
  | 'inquiry.delete'
  /** Record a 支援会議 held about the inquiry (the coordinator's windows only). */
  | 'inquiry.meeting'
  /**
   * After つなぐ: see only what one's own window wrote and that it handed over. Scoped to the windows
   * that handed the inquiry over (`formerWindows`), not to those that see it now.
   */
  | 'inquiry.trace'
  /** Export one's windows' inquiries (also needs fresh authentication). */
  | 'inquiry.export'
  | 'audit.read'
  | 'accounts.manage'
  /** Anonymised counts (issue 16). */
  | 'counts.read'
  /** See one's window's public facts, confirm them (「変わりありません」) or propose changes (issue 30). */
  | 'facts.confirm'
  /** Review confirmations, proposed changes and residents' reports: approve or reject with a reason. */
  | 'facts.review';

/** What each role grants. Window-scoped actions apply only to the windows of that membership. */
export const grants: Record<StaffRole, readonly StaffAction[]> = {
  staff: ['inbox.read', 'inquiry.read', 'inquiry.change', 'inquiry.share', 'inquiry.delete', 'inquiry.trace', 'inquiry.export', 'facts.confirm'],
  coordinator: ['inbox.read', 'inquiry.read', 'inquiry.change', 'inquiry.share', 'inquiry.delete', 'inquiry.meeting', 'inquiry.trace', 'inquiry.export', 'facts.confirm'],
  admin: ['audit.read', 'accounts.manage', 'facts.review'],
  planner: ['counts.read'],
  editor: ['facts.review'],
};

export interface Actor {
  memberships: readonly Membership[];
}

/** An inquiry as the rule sees it: the windows that see it now, and those that handed it over. */
export interface Target {
  windows: readonly string[];
  formerWindows?: readonly string[];
}

/**
 * Whether the actor may do `action`; for an inquiry, pass its windows (an InboxInquiry will do).
 * A window-scoped grant counts only when one of its windows is among the target's: the current
 * windows, or for 'inquiry.trace' the former ones.
 */
export function can(actor: Actor | undefined, action: StaffAction, target?: Target): boolean {
  if (!actor) return false;
  // Reading one record follows the list's rule exactly (readScope), so the two cannot disagree.
  if (action === 'inquiry.read' && target) return readScope(actor).some((w) => target.windows.includes(w));
  const scope = target && (action === 'inquiry.trace' ? (target.formerWindows ?? []) : target.windows);
  return actor.memberships.some((m) => {
    if (!grants[m.role].includes(action)) return false;
    if (!scope || !windowRoles.includes(m.role)) return true;
    return scope.includes(m.window);
  });
}

/** The windows the actor acts for on this inquiry: its memberships among the target's current windows. */
export function actingWindows(actor: Actor, target: Target): string[] {
  return inboxWindows(actor).filter((w) => target.windows.includes(w));
}

/**
 * The one read scope (as Zammad's ReadScope): the windows whose inquiries the actor may read. The inbox
 * lists the inquiries of these windows, and one inquiry may be read when it is in one of them.
 */
export function readScope(actor: Actor | undefined): string[] {
  if (!actor) return [];
  return [...new Set(actor.memberships.filter((m) => windowRoles.includes(m.role) && grants[m.role].includes('inquiry.read')).map((m) => m.window))].sort();
}

/** The windows whose inquiries the actor may list: the read scope. */
export const inboxWindows = readScope;

/** The windows whose public facts the actor keeps true (issue 30): memberships granting `facts.confirm`. */
export function factsWindows(actor: Actor | undefined): string[] {
  if (!actor) return [];
  return [...new Set(actor.memberships.filter((m) => windowRoles.includes(m.role) && grants[m.role].includes('facts.confirm')).map((m) => m.window))].sort();
}
