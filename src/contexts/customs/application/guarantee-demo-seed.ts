import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { ok } from '../../../platform/result.ts';
import { fromHundredths, GENERAL_COVERAGE, indicatorsToDirams, statutoryMinimum } from '../domain/guarantees.ts';
import { indicatorOn, insertGuarantee, nextGuaranteeReference, parametersOn } from '../infrastructure/guarantee.repository.ts';
import { issuePaymentOrder } from './payment-issue-order.ts';

/** The demo broker (customs.persons) and the reference of the demo payment order. */
export const DEMO_BROKER_TIN = '010000101';
export const DEMO_PAYMENT_REFERENCE = 'DEMO-0001';

/**
 * Demo data of payments and guarantees: the demo broker's accepted general guarantee of 3000
 * indicators (art.140 i.3, art.382 p.1 i.4) for a year, and a payment order for DEMO-0001 that a
 * payment at the finance authority's simulator settles (docs/customs-payments.md "Demo").
 */
export async function seedCustomsFinanceDemo(db: Db, now: Date): Promise<void> {
  const today = dushanbeDate(now);
  await transact(db, async (tx) => {
    const indicator = await indicatorOn(tx, today);
    const minimum = statutoryMinimum('customs_broker', await parametersOn(tx, today));
    if (indicator === undefined || !minimum.ok || minimum.hundredths === undefined) return ok(undefined);
    const reference = await nextGuaranteeReference(tx, today.slice(0, 4));
    const validTo = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28');
    await insertGuarantee(tx, {
      id: uuidv7(now.getTime()),
      reference,
      holderTin: DEMO_BROKER_TIN,
      scope: 'general',
      activity: 'customs_broker',
      purposes: [...GENERAL_COVERAGE.customs_broker],
      form: 'bank_guarantee',
      amountIndicators: fromHundredths(minimum.hundredths),
      requiredIndicators: fromHundredths(minimum.hundredths),
      indicatorValueDirams: indicator,
      indicatorDate: today,
      amountDirams: indicatorsToDirams(minimum.hundredths, indicator),
      validFrom: today,
      validTo,
      status: 'accepted',
      documents: [],
      appliedBy: 'system:demo',
      appliedAt: now,
      decidedBy: 'system:demo',
      decidedAt: now,
      decisionForm: 'electronic',
    });
    await appendAudit(tx, now, { actor: 'system:demo', action: 'customs.guarantee_accepted', entity: 'customs.guarantees', entityId: reference });
    return issuePaymentOrder(tx, {
      reference: DEMO_PAYMENT_REFERENCE,
      payerTin: DEMO_BROKER_TIN,
      lines: [
        { kind: 'duty', amountDirams: 150_000n },
        { kind: 'vat', amountDirams: 231_000n },
        { kind: 'customs_fee', amountDirams: 7_500n },
      ],
      at: now,
      actor: 'system:demo',
    });
  });
}
