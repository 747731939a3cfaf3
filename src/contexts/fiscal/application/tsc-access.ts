import { and, eq, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { tscAccess } from '../domain/tsc-registry.ts';
import { branches, specialists, tscs } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';

/**
 * The access gate of the fiscal context, run on every authenticated request (FIS-ACC-03 to 06):
 * a TSC specialist passes only while the TSC is in the registry with access not suspended, the
 * branch he is bound to is registered (p.113, p.119), and his own record is registered (p.53).
 * Other roles are not concerned. One query over primary keys and specialists_account_idx.
 */
export async function isTscAccessAllowed(deps: FiscalDeps, principal: AccountPrincipal): Promise<boolean> {
  if (principal.role !== 'tsc_specialist') return true;
  if (!principal.orgId) return false;
  const unitId = principal.unitId;
  const [row] = await deps.database.db
    .select({ status: tscs.status, access: tscs.access, branchStatus: branches.status, specialistStatus: specialists.status })
    .from(tscs)
    .leftJoin(branches, unitId ? and(eq(branches.id, unitId), eq(branches.tscId, tscs.id)) : sql`false`)
    .leftJoin(specialists, eq(specialists.accountId, principal.accountId))
    .where(eq(tscs.id, principal.orgId))
    .limit(1);
  return tscAccess({
    tsc: row ? { status: row.status, access: row.access } : undefined,
    isBranchBound: unitId !== null,
    branchStatus: row?.branchStatus ?? undefined,
    specialistStatus: row?.specialistStatus ?? undefined,
  }).isAllowed;
}
