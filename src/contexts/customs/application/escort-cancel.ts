import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { escortEventsOf } from '../infrastructure/escort.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { escortConflict, type EscortView, escortView, lockEscort, recordEscortStep, tellCarrier } from './escort-view.ts';

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
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockEscort(tx, number);
    if (!found.ok) return found;
    const e = found.value;
    if (!canMoveEscort(e.state, 'cancelled')) return escortConflict(e);
    const saved = await recordEscortStep(tx, e, {
      at: now,
      actor: actorOf(actor),
      action: 'cancelled',
      change: { state: 'CANCELLED', cancelledAt: now, cancelledBy: actorOf(actor), cancelReason: input.reason },
      details: { reason: input.reason },
    });
    await tellCarrier(tx, now, saved, {
      kind: 'escort_cancelled',
      title: {
        tg: `Мушоияти гумрукӣ № ${e.number} бекор шуд`,
        ru: `Таможенное сопровождение № ${e.number} отменено`,
        en: `Customs escort No ${e.number} cancelled`,
      },
      body: { tg: input.reason, ru: input.reason, en: input.reason },
    });
    return ok(escortView(saved, now, await escortEventsOf(tx, saved.id)));
  });
}
