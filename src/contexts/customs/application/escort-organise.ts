import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort, isOrganisedLate } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { caseConflict, changeCase, somoni } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';
import { ESCORT_CASE, type EscortView, tellCarrier } from './escort-view.ts';
import { issuePaymentOrder } from './payment-issue-order.ts';

export type OrganiseInput = {
  /** The escort team (officials, and the vehicle's crew if any). */
  readonly team: readonly string[];
  /** When the escorted vehicle sets off. */
  readonly startsAt: Date;
  readonly lateReason?: string;
};

/**
 * CUS-CTL-10 (art.402(1) p.3): the escort is organised no later than 24 hours after the decision:
 * team assigned and start set by then; later, it is recorded as late with the reason. CUS-CTL-11
 * (art.402(1) p.4): the fee fixed at the decision is charged as a payment order with the escort's
 * number as reference (kind `customs_fee`), payable through the finance authority like any other.
 */
export async function organiseEscort(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: OrganiseInput,
): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  return changeCase(deps, ESCORT_CASE, actor, number, async (e, { tx, now, actor: by, record }) => {
    if (!canMoveEscort(e.state, 'organised')) return caseConflict(ESCORT_CASE, e);
    if (input.startsAt < e.decidedAt) return fail('ESCORT_START_INVALID', 'body.startsAt', { decidedAt: e.decidedAt.toISOString() });
    const isLate = isOrganisedLate(now, input.startsAt, e.dueAt);
    if (isLate && !input.lateReason) return fail('ESCORT_LATE_REASON_REQUIRED', 'body.lateReason', { dueAt: e.dueAt.toISOString() });
    const order = await issuePaymentOrder(tx, {
      reference: e.number,
      payerTin: e.payerTin,
      lines: [{ kind: 'customs_fee', amountDirams: e.feeDirams }],
      at: now,
      actor: by,
    });
    // The payer TIN and the amount were checked when the escort was decided; a refusal here is a bug.
    if (!order.ok) throw new Error(`escort fee order refused: ${order.error.code}`);
    const saved = await record(
      'organised',
      {
        state: 'ORGANISED',
        organisedAt: now,
        organisedBy: by,
        team: [...input.team],
        startsAt: input.startsAt,
        isOrganisedLate: isLate,
        paymentOrderVersion: order.value.version,
        ...(isLate ? { lateReason: input.lateReason ?? null } : {}),
      },
      { team: input.team, startsAt: input.startsAt.toISOString(), isLate, feeDirams: e.feeDirams.toString() },
    );
    const fee = somoni(e.feeDirams);
    await tellCarrier(tx, now, saved, {
      kind: 'escort_organised',
      title: {
        tg: `Мушоияти гумрукӣ № ${e.number} ташкил шуд`,
        ru: `Таможенное сопровождение № ${e.number} организовано`,
        en: `Customs escort No ${e.number} organised`,
      },
      body: {
        tg: `Оғоз: ${input.startsAt.toISOString()}. Хироҷ ${fee} сомонӣ, супориши пардохт № ${e.number}.`,
        ru: `Начало: ${input.startsAt.toISOString()}. Сбор ${fee} сомони, платёжное поручение № ${e.number}.`,
        en: `Start: ${input.startsAt.toISOString()}. Fee ${fee} somoni, payment order No ${e.number}.`,
      },
    });
    return ok(saved);
  });
}
