import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { caseConflict, changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';
import { ESCORT_CASE, type EscortView, tellCarrier } from './escort-view.ts';

/**
 * Catalog 3.4: a decision is cancelled before the escort begins (the ground fell away, for example a
 * sufficient guarantee was given), with the reason; the carrier is told. A fee order already issued
 * stays: its refund follows the general refund procedure (docs/customs-audits.md).
 */
export async function cancelEscort(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: { readonly reason: string },
): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  return changeCase(deps, ESCORT_CASE, actor, number, async (e, { tx, now, actor: by, record }) => {
    if (!canMoveEscort(e.state, 'cancelled')) return caseConflict(ESCORT_CASE, e);
    const saved = await record('cancelled', { state: 'CANCELLED', cancelledAt: now, cancelledBy: by, cancelReason: input.reason }, { reason: input.reason });
    await tellCarrier(tx, now, saved, {
      kind: 'escort_cancelled',
      title: {
        tg: `Мушоияти гумрукӣ № ${e.number} бекор шуд`,
        ru: `Таможенное сопровождение № ${e.number} отменено`,
        en: `Customs escort No ${e.number} cancelled`,
      },
      body: { tg: input.reason, ru: input.reason, en: input.reason },
    });
    return ok(saved);
  });
}
