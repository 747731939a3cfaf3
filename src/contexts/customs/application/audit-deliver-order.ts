import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { auditDueOn, canMove, checkDeliveryDay } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import type { DeliveryMethod } from '../infrastructure/audit.schema.ts';
import { AUDIT_CASE, type AuditView, tellPerson } from './audit-view.ts';
import { caseConflict, changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';

export type DeliveryInput = {
  /** `electronic`: the copy goes to the person's cabinet now, and today is the delivery day. */
  readonly method: DeliveryMethod;
  /** The day the copy was handed over or received by post; required unless electronic. */
  readonly deliveredOn?: string;
};

const PLACE = { desk: ['камералӣ', 'камеральной', 'desk'], field: ['сайёр', 'выездной', 'field'] } as const;

/**
 * A4: the copy of the order is delivered to the audited person; that day is the start of the audit
 * (CUS-AUD-07, art.417(1) p.4; CUS-AUD-14, art.417(2) p.3) and the 30 calendar days run from it
 * (CUS-AUD-08, CUS-AUD-15). For a desk audit the person is notified of its start (CUS-AUD-06,
 * art.417(1) p.3); a field audit's person is told the same in its cabinet (IMP-22).
 */
export async function deliverAuditOrder(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: DeliveryInput,
): Promise<Result<AuditView, Failure<AuditErrorCode>>> {
  return changeCase(deps, AUDIT_CASE, actor, number, async (a, { tx, now, record }) => {
    const today = dushanbeDate(now);
    const deliveredOn = input.method === 'electronic' ? today : input.deliveredOn;
    if (!canMove(a.state, 'A4_delivered') || !a.orderIssuedAt) return caseConflict(AUDIT_CASE, a);
    if (!deliveredOn) return fail('AUDIT_DELIVERY_DATE_INVALID', 'body.deliveredOn', { method: input.method });
    const day = checkDeliveryDay(deliveredOn, dushanbeDate(a.orderIssuedAt), today);
    if (!day.ok) return day;
    const dueOn = auditDueOn(deliveredOn);
    const saved = await record(
      'started',
      { state: 'IN_PROGRESS', deliveryMethod: input.method, deliveredOn, deliveryRecordedAt: now, startOn: deliveredOn, dueOn, originalDueOn: dueOn },
      { method: input.method, startOn: deliveredOn, dueOn },
    );
    const [tg, ru, en] = PLACE[a.place];
    await tellPerson(tx, now, saved, {
      kind: a.place === 'desk' ? 'audit_desk_start_notice' : 'audit_field_started',
      title: {
        tg: `Оғози санҷиши гумрукии ${tg} № ${a.number}`,
        ru: `О начале ${ru} таможенной проверки № ${a.number}`,
        en: `Start of ${en} customs audit No ${a.number}`,
      },
      body: {
        tg: `Санаи оғоз: ${deliveredOn}. Мӯҳлат то ${dueOn} (30 рӯзи тақвимӣ). Мақоми гумрук: ${a.officeCode}.`,
        ru: `Дата начала: ${deliveredOn}. Срок до ${dueOn} (30 календарных дней). Таможенный орган: ${a.officeCode}.`,
        en: `Start date: ${deliveredOn}. Due by ${dueOn} (30 calendar days). Customs office: ${a.officeCode}.`,
      },
    });
    return ok(saved);
  });
}
