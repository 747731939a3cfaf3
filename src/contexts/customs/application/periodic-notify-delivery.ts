import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isIsoDate } from '../domain/history.ts';
import { isPositiveQuantity, type PeriodicForm, type QuantityLine } from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { noticesOf } from '../infrastructure/periodic.repository.ts';
import { type ApplicationRow, periodicNotices } from '../infrastructure/periodic.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { auditPeriodic, lockApplication, type NoticeView, noticeView, saveApplication, stateConflict } from './periodic-view.ts';

export type NoticeInput = {
  readonly deliveryOn: string;
  readonly form: PeriodicForm;
  readonly lines: readonly QuantityLine[];
  readonly vehicles?: readonly string[];
  /** When given, must be the application's (art.136 p.5: one crossing point, one contract). */
  readonly borderPointCode?: string;
  readonly contractNumber?: string;
};

type Refusal = Failure<PeriodicErrorCode>;

export function checkLines(a: Pick<ApplicationRow, 'lines'>, lines: readonly QuantityLine[], path: string): Refusal | undefined {
  const codes = new Set(a.lines.map((l) => l.commodityCode));
  for (const [i, l] of lines.entries()) {
    if (!codes.has(l.commodityCode)) return { code: 'PERIODIC_CODE_NOT_IN_APPLICATION', field: `${path}.${i}.commodityCode` };
    if (!isPositiveQuantity(l.quantity)) return { code: 'PERIODIC_QUANTITY_INVALID', field: `${path}.${i}.quantity` };
  }
  return undefined;
}

function checkNotice(a: ApplicationRow, input: NoticeInput, today: string): Refusal | undefined {
  if (!isIsoDate(input.deliveryOn) || input.deliveryOn < a.periodStart || input.deliveryOn > a.periodEnd)
    return { code: 'PERIODIC_NOTICE_OUTSIDE_PERIOD', field: 'body.deliveryOn', details: { periodStart: a.periodStart, periodEnd: a.periodEnd } };
  if (input.deliveryOn < today) return { code: 'PERIODIC_NOTICE_LATE', field: 'body.deliveryOn' };
  if (input.borderPointCode !== undefined && input.borderPointCode !== a.borderPointCode)
    return { code: 'PERIODIC_NOT_ONE_CONSIGNMENT', field: 'body.borderPointCode' };
  if (input.contractNumber !== undefined && input.contractNumber !== a.contractNumber)
    return { code: 'PERIODIC_NOT_ONE_CONSIGNMENT', field: 'body.contractNumber' };
  return checkLines(a, input.lines, 'body.lines');
}

/**
 * P4 (art.136 p.8, CUS-DEC-68): before each delivery the declarant notifies the office that
 * permitted periodic declaring, with the quantities and the delivery day (the day whose
 * prohibitions and restrictions apply, art.136 p.12). Temporary storage releases goods on the
 * notice (art.121 p.1, CUS-TS-18): the event tells it a notice exists.
 */
export async function notifyDelivery(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarantCode: string,
  number: string,
  input: NoticeInput,
): Promise<Result<NoticeView, Refusal>> {
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  return transact(deps.database.db, async (tx) => {
    const found = await lockApplication(tx, number, declarantCode);
    if (!found.ok) return found;
    let a = found.value;
    // P3 as soon as the period has begun, even before the checker's next pass.
    if (a.state === 'PERMITTED' && today >= a.periodStart && today <= a.periodEnd) {
      await auditPeriodic(tx, now, 'system', 'periodic.activated', a, { state: 'ACTIVE' });
      a = await saveApplication(tx, a, { state: 'ACTIVE', activatedAt: now }, now);
    }
    if (a.state !== 'ACTIVE') return stateConflict(a);
    const bad = checkNotice(a, input, today);
    if (bad) return fail(bad.code, bad.field, bad.details);
    const seq = (await noticesOf(tx, a.id)).length + 1;
    const [notice] = await tx
      .insert(periodicNotices)
      .values({
        id: uuidv7(now.getTime()),
        applicationId: a.id,
        number: `${a.number}/${String(seq).padStart(2, '0')}`,
        seq,
        deliveryOn: input.deliveryOn,
        lines: input.lines.map((l) => ({ commodityCode: l.commodityCode, quantity: l.quantity })),
        vehicles: [...(input.vehicles ?? [])],
        form: input.form,
        notifiedAt: now,
        notifiedBy: actorOf(actor),
      })
      .returning();
    if (!notice) throw new Error('notice not stored');
    await auditPeriodic(tx, now, actorOf(actor), 'periodic.delivery_notified', a, {
      state: a.state,
      notice: notice.number,
      deliveryOn: notice.deliveryOn,
      lines: notice.lines,
    });
    await publish(
      tx,
      'customs.periodic_delivery_notified',
      { noticeNumber: notice.number, applicationNumber: a.number, officeCode: a.officeCode, direction: a.direction, deliveryOn: notice.deliveryOn },
      now,
    );
    return ok(noticeView(notice));
  });
}
