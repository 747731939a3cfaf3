import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAuditLater } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isInPeriod } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { auditsOfPlan, nextPlanNumber, planByNumber } from '../infrastructure/audit.repository.ts';
import { type AuditPlanRow, auditPlans } from '../infrastructure/audit.schema.ts';
import { type AuditSubjectInput, checkSubject, createAudit } from './audit-subject.ts';
import { type AuditView, loadAuditView, personAuditView } from './audit-view.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { officeOn } from './preliminary-store.ts';

export type PlanInput = { readonly officeCode: string; readonly periodFrom: string; readonly periodTo: string; readonly title: string };

/** The plan with its entries (each entry is a planned audit). */
export function planView(p: AuditPlanRow, entries: readonly ReturnType<typeof personAuditView>[] = []) {
  return {
    number: p.number,
    officeCode: p.officeCode,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    title: p.title,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    entries: [...entries],
  };
}
export type PlanView = ReturnType<typeof planView>;

/** Art.417 p.4, CUS-AUD-02: the customs authority's periodic plan of control activity for a period. */
export async function createAuditPlan(deps: CustomsDeps, actor: AccountPrincipal, input: PlanInput): Promise<Result<PlanView, Failure<AuditErrorCode>>> {
  const now = deps.clock.now();
  if (input.periodTo < input.periodFrom) return fail('AUDIT_PLAN_PERIOD_INVALID', 'body.periodTo');
  return transact(deps.database.db, async (tx) => {
    if (!(await officeOn(tx, input.officeCode, now))) return fail('AUDIT_OFFICE_UNKNOWN', 'body.officeCode');
    const row = {
      id: uuidv7(now.getTime()),
      number: await nextPlanNumber(tx, dushanbeDate(now).slice(0, 4)),
      ...input,
      createdBy: actorOf(actor),
      createdAt: now,
    };
    await tx.insert(auditPlans).values(row);
    await appendAuditLater(tx, now, {
      actor: actorOf(actor),
      action: 'customs.audit_plan_created',
      entity: 'customs.audit_plans',
      entityId: row.number,
      after: input,
    });
    return ok(planView(row));
  });
}

/** An entry is audited by the plan's office. */
export type PlanEntryInput = Omit<AuditSubjectInput, 'officeCode'> & { readonly plannedOn: string };

/** A1: an audit included in the plan: PLANNED, on a day inside the plan's period. */
export async function addPlanEntry(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  planNumber: string,
  input: PlanEntryInput,
): Promise<Result<AuditView, Failure<AuditErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const plan = await planByNumber(tx, planNumber);
    if (!plan) return fail('AUDIT_PLAN_NOT_FOUND', 'params.number');
    if (!isInPeriod(input.plannedOn, plan.periodFrom, plan.periodTo))
      return fail('AUDIT_PLANNED_OUTSIDE_PERIOD', 'body.plannedOn', { periodFrom: plan.periodFrom, periodTo: plan.periodTo });
    const subject = { ...input, officeCode: plan.officeCode };
    const linked = await checkSubject(tx, subject, now);
    if (!linked.ok) return linked;
    const audit = await createAudit(tx, subject, linked.value, { kind: 'plan', planId: plan.id, plannedOn: input.plannedOn }, actorOf(actor), now);
    return ok(await loadAuditView(tx, audit, now, plan.number));
  });
}

/** One plan with its entries, or AUDIT_PLAN_NOT_FOUND. */
export async function getAuditPlan(deps: CustomsDeps, number: string): Promise<Result<PlanView, Failure<AuditErrorCode>>> {
  const db = deps.database.db;
  const plan = await planByNumber(db, number);
  if (!plan) return fail('AUDIT_PLAN_NOT_FOUND', 'params.number');
  const entries = await auditsOfPlan(db, plan.id);
  return ok(
    planView(
      plan,
      entries.map((a) => personAuditView(a, [])),
    ),
  );
}
