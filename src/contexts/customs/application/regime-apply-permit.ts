import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { DECISION_WORKING_DAYS, type ProcessingKind, WARNING_WORKING_DAYS } from '../domain/regime-permits.ts';
import { type PermitGoodsLine, type ProcessingPermitRow, processingPermits } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { officeOn } from './preliminary-store.ts';
import { nextPermitNumber } from './regime-permit-store.ts';

export type PermitApplicationInput = {
  readonly kind: ProcessingKind;
  readonly officeCode: string;
  /** The processing operations and how the products will be identified. */
  readonly operations: string;
  readonly goods: readonly PermitGoodsLine[];
  readonly products: readonly PermitGoodsLine[];
  /** The day to which the applicant asks the permit to run. */
  readonly requestedUntil: string;
};

/**
 * CUS-REG-04, CUS-REG-05, IMP-13 (art.179 p.5, art.180 p.3, art.193 p.3, art.204 p.3 as amended):
 * the declarant applies electronically for a processing permit; the office must decide within 10
 * working days of its own calendar, and the checker warns customs after 8.
 */
export async function applyForProcessingPermit(
  deps: CustomsDeps,
  applicant: AccountPrincipal,
  input: PermitApplicationInput,
): Promise<Result<ProcessingPermitRow, Failure<RegimeErrorCode | 'FORBIDDEN'>>> {
  if (!applicant.tin) return fail('FORBIDDEN');
  const now = deps.clock.now();
  if (input.requestedUntil <= dushanbeDate(now)) return fail('REGIME_VALUE_INVALID', 'body.requestedUntil');
  return transact(deps.database.db, async (tx) => {
    const office = await officeOn(tx, input.officeCode, now);
    if (!office) return fail('REGIME_OFFICE_UNKNOWN', 'body.officeCode');
    const calendar = deps.calendar();
    const calendarOffice = calendar.hasOffice(office.calendarOffice) ? office.calendarOffice : 'default';
    const [row] = await tx
      .insert(processingPermits)
      .values({
        id: uuidv7(now.getTime()),
        applicationNumber: await nextPermitNumber(tx, 'processing_application_seq', 'PPA', now),
        kind: input.kind,
        applicantTin: applicant.tin as string,
        officeCode: input.officeCode,
        calendarOffice,
        applicationForm: 'electronic',
        operations: input.operations,
        goods: [...input.goods],
        products: [...input.products],
        requestedUntil: input.requestedUntil,
        status: 'submitted',
        submittedAt: now,
        submittedBy: actorOf(applicant),
        warnAt: calendar.addWorkingDays(now, WARNING_WORKING_DAYS, calendarOffice),
        decisionDueAt: calendar.addWorkingDays(now, DECISION_WORKING_DAYS, calendarOffice),
      })
      .returning();
    if (!row) throw new Error('application not inserted');
    await notify(tx, now, {
      recipient: { kind: 'role', id: 'customs_officer' },
      kind: 'processing_permit_application',
      title: {
        tg: `Аризаи иҷозат барои коркард ${row.applicationNumber}`,
        ru: `Заявление на разрешение на переработку ${row.applicationNumber}`,
        en: `Processing permit application ${row.applicationNumber}`,
      },
      body: { tg: row.decisionDueAt.toISOString(), ru: row.decisionDueAt.toISOString(), en: row.decisionDueAt.toISOString() },
      subject: { type: 'customs_processing_permit', id: row.id },
    });
    await appendAudit(tx, now, {
      actor: actorOf(applicant),
      action: 'customs.processing_permit_applied',
      entity: 'customs.processing_permits',
      entityId: row.id,
      after: row,
    });
    return ok(row);
  });
}
