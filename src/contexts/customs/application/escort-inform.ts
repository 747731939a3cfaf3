import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { escortEventsOf } from '../infrastructure/escort.repository.ts';
import type { InformMethod } from '../infrastructure/escort.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { decisionNotice, escortConflict, type EscortView, escortView, lockEscort, recordEscortStep, tellCarrier } from './escort-view.ts';

export type InformInput = { readonly method: InformMethod; readonly lateReason?: string };

/**
 * CUS-CTL-10 (art.402(1) p.3): the carrier is informed of the decision, within 24 hours of it. An
 * electronic notice goes to the carrier's cabinet (its TIN); a foreign carrier without one is told
 * in writing, in person or by phone, and the officer records when. After the 24 hours it is still
 * recorded, marked late, with the reason.
 */
export async function informCarrier(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: InformInput,
): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockEscort(tx, number);
    if (!found.ok) return found;
    const e = found.value;
    if (!canMoveEscort(e.state, 'informed')) return escortConflict(e);
    if (input.method === 'electronic' && !e.carrierTin) return fail('ESCORT_CARRIER_TIN_REQUIRED', 'body.method');
    const isLate = now > e.dueAt;
    if (isLate && !input.lateReason) return fail('ESCORT_LATE_REASON_REQUIRED', 'body.lateReason', { dueAt: e.dueAt.toISOString() });
    if (input.method === 'electronic') await tellCarrier(tx, now, e, decisionNotice(e));
    const saved = await recordEscortStep(tx, e, {
      at: now,
      actor: actorOf(actor),
      action: 'carrier_informed',
      change: {
        state: 'CARRIER_INFORMED',
        informedAt: now,
        informedBy: actorOf(actor),
        informMethod: input.method,
        isInformedLate: isLate,
        ...(isLate ? { lateReason: input.lateReason ?? null } : {}),
      },
      details: { method: input.method, isLate },
    });
    return ok(escortView(saved, now, await escortEventsOf(tx, saved.id)));
  });
}
