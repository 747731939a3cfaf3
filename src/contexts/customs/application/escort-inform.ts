import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import type { InformMethod } from '../infrastructure/escort.schema.ts';
import { caseConflict, changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';
import { decisionNotice, ESCORT_CASE, type EscortView, tellCarrier } from './escort-view.ts';

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
  return changeCase(deps, ESCORT_CASE, actor, number, async (e, { tx, now, actor: by, record }) => {
    if (!canMoveEscort(e.state, 'informed')) return caseConflict(ESCORT_CASE, e);
    if (input.method === 'electronic' && !e.carrierTin) return fail('ESCORT_CARRIER_TIN_REQUIRED', 'body.method');
    const isLate = now > e.dueAt;
    if (isLate && !input.lateReason) return fail('ESCORT_LATE_REASON_REQUIRED', 'body.lateReason', { dueAt: e.dueAt.toISOString() });
    if (input.method === 'electronic') await tellCarrier(tx, now, e, decisionNotice(e));
    const saved = await record(
      'carrier_informed',
      {
        state: 'CARRIER_INFORMED',
        informedAt: now,
        informedBy: by,
        informMethod: input.method,
        isInformedLate: isLate,
        ...(isLate ? { lateReason: input.lateReason ?? null } : {}),
      },
      { method: input.method, isLate },
    );
    return ok(saved);
  });
}
