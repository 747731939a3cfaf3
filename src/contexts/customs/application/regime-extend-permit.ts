import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { checkExtension, DECISION_WORKING_DAYS, WARNING_WORKING_DAYS } from '../domain/regime-permits.ts';
import { type ProcessingPermitRow, processingPermits } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { extensionAllowance } from './regime-permit-store.ts';

/**
 * CUS-REG-06 (AMB-18): the decision period is extended only as the law on the permit system allows
 * — a dated parameter, none by default — once, with reasons; the clock moves by the working days
 * granted and the warning and overdue flags start again.
 */
export async function extendProcessingPermitPeriod(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  id: string,
  input: { readonly workingDays: number; readonly reason: string },
): Promise<Result<ProcessingPermitRow, Failure<RegimeErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [p] = await tx.select().from(processingPermits).where(eq(processingPermits.id, id)).for('update');
    if (!p) return fail('REGIME_PERMIT_NOT_FOUND', 'params.id');
    const checked = checkExtension(p, input.workingDays, await extensionAllowance(tx, p.submittedAt));
    if (!checked.ok) return checked;
    const calendar = deps.calendar();
    const [extended] = await tx
      .update(processingPermits)
      .set({
        extendedAt: now,
        extensionWorkingDays: input.workingDays,
        extensionReason: input.reason,
        warnAt: calendar.addWorkingDays(p.submittedAt, WARNING_WORKING_DAYS + input.workingDays, p.calendarOffice),
        decisionDueAt: calendar.addWorkingDays(p.submittedAt, DECISION_WORKING_DAYS + input.workingDays, p.calendarOffice),
        warnedAt: null,
        overdueAt: null,
      })
      .where(eq(processingPermits.id, p.id))
      .returning();
    if (!extended) throw new Error('permit not updated');
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.processing_permit_period_extended',
      entity: 'customs.processing_permits',
      entityId: p.id,
      before: { decisionDueAt: p.decisionDueAt },
      after: { decisionDueAt: extended.decisionDueAt, workingDays: input.workingDays, reason: input.reason },
    });
    return ok(extended);
  });
}
