// Who the staff CLI acts as, for account changes (accounts.manage). `--as <login>`: a named admin, who
// must be active and hold accounts.manage; the audit names them. Without it: the local operator (the
// person at the server's shell, who can read the database file anyway), named in the audit as such.
import type { AuditEntry, StaffStore } from '@/server/store/types';
import { can } from './permissions';

export type CliActor = Pick<AuditEntry, 'staffId' | 'login'>;

export async function cliActor(staff: StaffStore, as: string | undefined, user = process.env.USER ?? 'unknown'): Promise<CliActor | { refused: string }> {
  if (as === undefined) return { staffId: null, login: `local-operator:${user}` };
  const account = await staff.byLogin(as);
  if (!account || account.state !== 'active' || !can(account, 'accounts.manage')) return { refused: `${as} may not manage accounts (accounts.manage: an active admin)` };
  return { staffId: account.id, login: account.login };
}
