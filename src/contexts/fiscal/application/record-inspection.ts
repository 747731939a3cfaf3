import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate, startOfDushanbeDay } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { inspections, registers } from '../infrastructure/schema.ts';
import { addRegisterEvent } from './register-events.ts';
import { actorOf, dueAt, type FiscalDeps, meetDeadlines, openDeadline } from './deps.ts';

export type Inspection = typeof inspections.$inferSelect;

/**
 * p.89 (FIS-TSO-03): the TSC's yearly technical and software inspection, recorded in the TIS
 * within 3 days of the inspection (calendar days, catalog ambiguity 29). Recording it meets this
 * year's inspection and schedules the next one 12 months on.
 */
export async function recordInspection(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  registerId: string,
  input: { readonly inspectedOn: string; readonly result: 'passed' | 'failed'; readonly notes: string },
): Promise<Result<Inspection, Failure<'REGISTER_NOT_FOUND' | 'REGISTER_NOT_ACTIVE' | 'DATE_IN_FUTURE'>>> {
  const now = deps.clock.now();
  if (input.inspectedOn > dushanbeDate(now)) return fail('DATE_IN_FUTURE', 'body.inspectedOn');
  return transact(deps.database.db, async (tx) => {
    const [r] = await tx.select().from(registers).where(eq(registers.id, registerId)).for('update');
    if (!r || r.tscId !== actor.orgId) return fail('REGISTER_NOT_FOUND');
    if (r.status !== 'registered') return fail('REGISTER_NOT_ACTIVE');
    const calendar = deps.calendar();
    // The 3 days run from the day of the inspection: the day itself is not counted.
    const inspectedAt = startOfDushanbeDay(input.inspectedOn);
    const recordDue = calendar.addCalendarDays(inspectedAt, 3);
    const inspection: Inspection = {
      id: uuidv7(now.getTime()),
      registerId,
      tscId: r.tscId,
      inspectedOn: input.inspectedOn,
      result: input.result,
      notes: input.notes,
      recordedAt: now,
      recordDueAt: recordDue,
      isLate: now > recordDue,
      recordedBy: actorOf(actor),
    };
    await tx.insert(inspections).values(inspection);
    const subject = { type: 'register', id: registerId };
    await openDeadline(tx, {
      kind: 'INSPECTION_RECORD',
      subject: { type: 'inspection', id: inspection.id },
      responsible: { kind: 'org', id: r.tscId },
      startsAt: inspectedAt,
      dueAt: recordDue,
      metAt: now,
    });
    await meetDeadlines(tx, subject, ['ANNUAL_INSPECTION'], now);
    const next = dueAt(calendar, 'ANNUAL_INSPECTION', inspectedAt);
    await openDeadline(tx, { kind: 'ANNUAL_INSPECTION', subject, responsible: { kind: 'org', id: r.tscId }, startsAt: inspectedAt, dueAt: next });
    await tx.update(registers).set({ nextInspectionDueAt: next, updatedAt: now }).where(eq(registers.id, registerId));
    await addRegisterEvent(tx, r, 'inspected', now, { note: `${input.inspectedOn}: ${input.result}. ${input.notes}` });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'register.inspected',
      entity: 'fiscal.inspection',
      entityId: inspection.id,
      after: inspection,
    });
    return ok(inspection);
  });
}
