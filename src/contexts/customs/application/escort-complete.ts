import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { escortEventsOf } from '../infrastructure/escort.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { escortConflict, type EscortView, escortView, lockEscort, recordEscortStep, tellCarrier } from './escort-view.ts';

/** Catalog 3.4: the vehicle reached the destination office under escort (IN_ESCORT → COMPLETED). */
export async function completeEscort(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: { readonly note?: string },
): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockEscort(tx, number);
    if (!found.ok) return found;
    const e = found.value;
    if (!canMoveEscort(e.state, 'completed')) return escortConflict(e);
    const saved = await recordEscortStep(tx, e, {
      at: now,
      actor: actorOf(actor),
      action: 'completed',
      change: { state: 'COMPLETED', completedAt: now, completionNote: input.note ?? null },
      details: { note: input.note },
    });
    await tellCarrier(tx, now, saved, {
      kind: 'escort_completed',
      title: {
        tg: `Мушоияти гумрукӣ № ${e.number} анҷом ёфт`,
        ru: `Таможенное сопровождение № ${e.number} завершено`,
        en: `Customs escort No ${e.number} completed`,
      },
      body: { tg: e.toOffice, ru: e.toOffice, en: e.toOffice },
    });
    return ok(escortView(saved, now, await escortEventsOf(tx, saved.id)));
  });
}
