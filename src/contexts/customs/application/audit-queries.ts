import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { type AuditFilter, auditByNumber, declarationsOf, listAuditRows, listPlans, personAudits } from '../infrastructure/audit.repository.ts';
import { planView } from './audit-plan.ts';
import { type AuditView, loadAuditView, type PersonAuditView, personAuditView } from './audit-view.ts';
import { isCustoms, type ListPage } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';

export type AuditListQuery = Omit<AuditFilter, 'today' | 'limit' | 'offset'> & ListPage;

/**
 * The officers' list with filters (state, place, focus, office, person, planned, overdue); for the
 * audited person, its own audits once the order is delivered (before that an audit is internal).
 */
export async function listAudits(deps: CustomsDeps, p: AccountPrincipal, q: AuditListQuery): Promise<(AuditView | PersonAuditView)[]> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  if (!isCustoms(p)) {
    const own = await personAudits(db, p.tin ?? '', limit, offset);
    return Promise.all(
      own.map(async (a) =>
        personAuditView(
          a,
          (await declarationsOf(db, a.id)).map((d) => d.number),
        ),
      ),
    );
  }
  const found = await listAuditRows(db, { ...q, today: dushanbeDate(now), limit, offset });
  return Promise.all(found.map((a) => loadAuditView(db, a, now)));
}

/** The audit card: officers see everything with the history; the person its own delivered audits. */
export async function getAudit(deps: CustomsDeps, p: AccountPrincipal, number: string): Promise<Result<AuditView | PersonAuditView, Failure<AuditErrorCode>>> {
  const db = deps.database.db;
  const a = await auditByNumber(db, number);
  if (!a) return fail('AUDIT_NOT_FOUND', 'params.number');
  if (isCustoms(p)) return ok(await loadAuditView(db, a, deps.clock.now()));
  if (a.personCode !== p.tin || a.deliveredOn === null) return fail('AUDIT_NOT_FOUND', 'params.number');
  return ok(
    personAuditView(
      a,
      (await declarationsOf(db, a.id)).map((d) => d.number),
    ),
  );
}

/** The plans of control activity, newest period first. */
export async function listAuditPlans(deps: CustomsDeps, q: { readonly officeCode?: string; readonly limit?: number; readonly offset?: number }) {
  const plans = await listPlans(deps.database.db, { officeCode: q.officeCode, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  return plans.map((plan) => planView(plan));
}
