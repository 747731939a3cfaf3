import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isIsoDate } from '../domain/history.ts';
import {
  checkPeriod,
  decisionDueAt,
  duplicateCodes,
  endOfDate,
  escalateAt,
  irregularCodes,
  isPositiveQuantity,
  type PeriodicDirection,
  type PeriodicForm,
  type PeriodicLine,
  refusalNoticeDueAt,
  regularityWindow,
  startOf,
} from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { TABLES } from '../domain/tables.ts';
import { loadParameters, nextApplicationNumber, pastDeliveries } from '../infrastructure/periodic.repository.ts';
import { periodicApplications } from '../infrastructure/periodic.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { guaranteeCover } from './guarantee-cover.ts';
import { type ApplicationView, applicationView, auditPeriodic, same, tellOfficers } from './periodic-view.ts';
import { getReferenceOn, tariffOn } from './reference-queries.ts';

export type ApplyInput = {
  readonly direction: PeriodicDirection;
  readonly form: PeriodicForm;
  readonly officeCode: string;
  readonly borderPointCode: string;
  readonly contract: { readonly number: string; readonly date: string };
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly lines: readonly PeriodicLine[];
  readonly guaranteeReference?: string;
};

type Refusal = Failure<PeriodicErrorCode>;

/**
 * CUS-DEC-71, AMB-21: an accepted guarantee of the declarant for periodic declaring, named by its
 * reference, with free cover on the first and on the last day of the period (the registry's
 * `guaranteeCover`): the deliveries move before the declaration, so the guarantee secures them.
 */
async function guaranteeCoversPeriod(
  tx: Db,
  q: { readonly reference: string; readonly holderTin: string; readonly from: string; readonly to: string },
): Promise<boolean> {
  for (const at of [startOf(q.from), endOfDate(q.to)]) {
    if ((await guaranteeCover(tx, { reference: q.reference, holderTin: q.holderTin, purpose: 'periodic_declaring', at })) <= 0n) return false;
  }
  return true;
}

/** The reference checks: the clearing office, the border point, each code in force today; whether payments are due. */
async function checkReference(deps: CustomsDeps, input: ApplyInput, today: string): Promise<Result<{ readonly hasPaymentsDue: boolean }, Refusal>> {
  const office = await getReferenceOn(deps, TABLES.offices, [input.officeCode], today);
  const kinds = office.ok ? (office.value.declarationKinds as string[]) : [];
  if (!kinds.includes('goods') && !kinds.includes('periodic')) return fail('PERIODIC_OFFICE_NOT_COMPETENT', 'body.officeCode');
  if (!(await getReferenceOn(deps, TABLES.offices, [input.borderPointCode], today)).ok) return fail('PERIODIC_BORDER_POINT_UNKNOWN', 'body.borderPointCode');
  let hasPaymentsDue = false;
  for (const [i, line] of input.lines.entries()) {
    const tariff = await tariffOn(deps, line.commodityCode, today);
    if (!tariff.ok) return fail('PERIODIC_CODE_UNKNOWN', `body.lines.${i}.commodityCode`);
    const t = tariff.value;
    const isTaxed = [t.duty.adValoremBp, t.duty.specificDirams, t.excise?.adValoremBp, t.excise?.specificDirams, t.vatBp].some((v) => (v ?? 0) > 0);
    // Art.136 p.11: import duties and taxes from the tariff; export duty as the declarant states it.
    if (input.direction === 'import' ? isTaxed : line.hasExportDuty === true) hasPaymentsDue = true;
  }
  return ok({ hasPaymentsDue });
}

function checkShape(input: ApplyInput): Refusal | undefined {
  if (!isIsoDate(input.periodStart)) return { code: 'PERIODIC_PERIOD_INVALID', field: 'body.periodStart' };
  if (!isIsoDate(input.periodEnd)) return { code: 'PERIODIC_PERIOD_INVALID', field: 'body.periodEnd' };
  if (!isIsoDate(input.contract.date)) return { code: 'PERIODIC_PERIOD_INVALID', field: 'body.contract.date' };
  const dup = duplicateCodes(input.lines.map((l) => l.commodityCode));
  if (dup.length > 0) return { code: 'PERIODIC_CODE_DUPLICATE', field: 'body.lines', details: { codes: dup } };
  const bad = input.lines.findIndex((l) => !isPositiveQuantity(l.plannedQuantity));
  if (bad >= 0) return { code: 'PERIODIC_QUANTITY_INVALID', field: `body.lines.${bad}.plannedQuantity` };
  return undefined;
}

/**
 * P1 (art.136 p.1, 6; art.138 p.4): the declarant applies to the clearing office before the
 * delivery period, for goods it moves regularly (art.136 p.3-4), with a guarantee when payments
 * are due (art.136 p.11).
 */
export async function applyForPeriodic(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarantCode: string,
  input: ApplyInput,
): Promise<Result<ApplicationView, Refusal>> {
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  const shape = checkShape(input);
  if (shape) return fail(shape.code, shape.field, shape.details);
  const period = checkPeriod({ ...input, filedOn: today });
  if (!period.ok) return period;
  const reference = await checkReference(deps, input, today);
  if (!reference.ok) return reference;
  const { hasPaymentsDue } = reference.value;
  return transact(deps.database.db, async (tx) => {
    if (hasPaymentsDue) {
      if (!input.guaranteeReference) return fail('PERIODIC_GUARANTEE_REQUIRED', 'body.guaranteeReference');
      const covers = await guaranteeCoversPeriod(tx, {
        reference: input.guaranteeReference,
        holderTin: declarantCode,
        from: input.periodStart,
        to: input.periodEnd,
      });
      if (!covers) return fail('PERIODIC_GUARANTEE_INVALID', 'body.guaranteeReference');
    }
    const codes = input.lines.map((l) => l.commodityCode);
    const window = regularityWindow(today);
    const deliveries = await pastDeliveries(tx, { declarantCode, direction: input.direction, codes, ...window });
    const irregular = irregularCodes(codes, deliveries, today);
    if (irregular.length > 0) return fail('PERIODIC_NOT_REGULAR', 'body.lines', { codes: irregular, ...window });
    const parameters = await loadParameters(tx);
    const row = {
      id: uuidv7(now.getTime()),
      number: await nextApplicationNumber(tx, today.slice(0, 4)),
      state: 'SUBMITTED' as const,
      direction: input.direction,
      form: input.form,
      officeCode: input.officeCode,
      borderPointCode: input.borderPointCode,
      declarantCode,
      applicantAccount: actor.accountId,
      applicant: actorOf(actor),
      contractNumber: input.contract.number,
      contractDate: input.contract.date,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      lines: input.lines.map((l) => ({ ...l })),
      isRestricted: period.value.isRestricted,
      hasPaymentsDue,
      guaranteeReference: input.guaranteeReference ?? null,
      submittedAt: now,
      decisionDueAt: decisionDueAt(now),
      escalateAt: escalateAt(now, parameters),
      refusalNoticeDueAt: input.direction === 'export' ? refusalNoticeDueAt(now) : null,
      updatedAt: now,
    };
    const [inserted] = await tx.insert(periodicApplications).values(row).returning();
    if (!inserted) throw new Error('periodic application not stored');
    await auditPeriodic(tx, now, actorOf(actor), 'periodic.submitted', { ...inserted, state: 'SUBMITTED' }, { state: 'SUBMITTED' });
    await tellOfficers(tx, now, inserted, {
      kind: 'periodic_submitted',
      title: {
        tg: `Аризаи декларатсиякунии даврӣ № ${inserted.number}`,
        ru: `Заявление о периодическом декларировании № ${inserted.number}`,
        en: `Periodic declaring application No ${inserted.number}`,
      },
      body: same(`${inserted.officeCode}: ${inserted.periodStart} – ${inserted.periodEnd}`),
    });
    return ok(applicationView(inserted, [], now));
  });
}
