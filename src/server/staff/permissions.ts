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
  /** Export one's windows' inquiries (also needs fresh authentication). */
  | 'inquiry.export'
  | 'audit.read'
  | 'accounts.manage'
  /** Anonymised counts (issue 16). */
  | 'counts.read';

/** What each role grants. Window-scoped actions apply only to the windows of that membership. */
export const grants: Record<StaffRole, readonly StaffAction[]> = {
  staff: ['inbox.read', 'inquiry.read', 'inquiry.change', 'inquiry.export'],
  coordinator: ['inbox.read', 'inquiry.read', 'inquiry.change', 'inquiry.export'],
  admin: ['audit.read', 'accounts.manage'],
  planner: ['counts.read'],
};

export interface Actor {
  memberships: readonly Membership[];
}

/**
 * Whether the actor may do `action`; for an inquiry, pass the windows that may see it now.
 * A window-scoped grant counts only when one of its windows is among the target's.
 */
export function can(actor: Actor | undefined, action: StaffAction, target?: { windows: readonly string[] }): boolean {
  if (!actor) return false;
  return actor.memberships.some((m) => {
    if (!grants[m.role].includes(action)) return false;
    if (!target || !windowRoles.includes(m.role)) return true;
    return target.windows.includes(m.window);
  });
}

/** The windows whose inquiries the actor may list: those where a membership grants `inbox.read`. */
export function inboxWindows(actor: Actor | undefined): string[] {
  if (!actor) return [];
  return [...new Set(actor.memberships.filter((m) => windowRoles.includes(m.role) && grants[m.role].includes('inbox.read')).map((m) => m.window))].sort();
}
