import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import type { PermitStatus } from '../domain/regime-permits.ts';
import { type ProcessingPermitRow, processingPermitParameters, processingPermits } from '../infrastructure/regime.schema.ts';
import type { CustomsDeps } from './deps.ts';

const isCustoms = (p: AccountPrincipal) => p.role === 'customs_officer' || p.role === 'risk_analyst';

/** Applications and permits by decision deadline: customs sees all, an applicant its own. */
export async function listProcessingPermits(deps: CustomsDeps, viewer: AccountPrincipal, q: { readonly status?: PermitStatus }) {
  const where: (SQL | undefined)[] = [q.status ? eq(processingPermits.status, q.status) : undefined];
  if (!isCustoms(viewer)) where.push(eq(processingPermits.applicantTin, viewer.tin ?? ''));
  return deps.database.db
    .select()
    .from(processingPermits)
    .where(and(...where))
    .orderBy(asc(processingPermits.decisionDueAt));
}

export async function getProcessingPermit(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  id: string,
): Promise<Result<ProcessingPermitRow, Failure<RegimeErrorCode>>> {
  const [p] = await deps.database.db.select().from(processingPermits).where(eq(processingPermits.id, id));
  if (!p || (!isCustoms(viewer) && p.applicantTin !== viewer.tin)) return fail('REGIME_PERMIT_NOT_FOUND', 'params.id');
  return ok(p);
}

/** AMB-18: every recorded extension parameter, newest first. */
export const listPermitParameters = (deps: CustomsDeps) =>
  deps.database.db.select().from(processingPermitParameters).orderBy(desc(processingPermitParameters.validFrom));
