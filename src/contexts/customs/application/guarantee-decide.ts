import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { guaranteeByReference, updateGuarantee } from '../infrastructure/guarantee.repository.ts';
import type { GuaranteeRow } from '../infrastructure/guarantee.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type GuaranteeDecision = {
  readonly decision: 'accept' | 'refuse';
  /** Art.388 p.6 (CUS-GUA-14): the decision or notice may be electronic or written. */
  readonly form: 'electronic' | 'written';
  readonly reason?: string;
};

/**
 * A customs officer accepts or refuses an applied guarantee (art.388 p.6). Accepting a guarantee
 * whose validity has ended by now is refused; a decision is final.
 */
export async function decideGuarantee(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  reference: string,
  input: GuaranteeDecision,
): Promise<Result<GuaranteeRow, Failure<FinanceErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await guaranteeByReference(tx, reference, true);
    if (!found) return fail('GUARANTEE_NOT_FOUND', 'params.reference');
    if (found.status !== 'applied') return fail('GUARANTEE_ALREADY_DECIDED', 'params.reference', { status: found.status });
    if (input.decision === 'accept' && found.validTo < dushanbeDate(now))
      return fail('GUARANTEE_DATES_INVALID', 'params.reference', { validTo: found.validTo });
    const set = {
      status: input.decision === 'accept' ? ('accepted' as const) : ('refused' as const),
      decidedBy: actorOf(actor),
      decidedAt: now,
      decisionForm: input.form,
      decisionReason: input.reason ?? null,
    };
    await updateGuarantee(tx, found.id, set);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: input.decision === 'accept' ? 'customs.guarantee_accepted' : 'customs.guarantee_refused',
      entity: 'customs.guarantees',
      entityId: reference,
      before: { status: found.status },
      after: { ...set, decidedAt: now.toISOString() },
    });
    return ok({ ...found, ...set });
  });
}
