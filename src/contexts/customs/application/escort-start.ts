import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { escortEventsOf } from '../infrastructure/escort.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { escortConflict, type EscortView, escortView, lockEscort, recordEscortStep } from './escort-view.ts';

/** Catalog 3.4: the escorted vehicle sets off (ORGANISED → IN_ESCORT), at the time recorded now. */
export async function startEscort(deps: CustomsDeps, actor: AccountPrincipal, number: string): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockEscort(tx, number);
    if (!found.ok) return found;
    const e = found.value;
    if (!canMoveEscort(e.state, 'started')) return escortConflict(e);
    const saved = await recordEscortStep(tx, e, { at: now, actor: actorOf(actor), action: 'started', change: { state: 'IN_ESCORT', startedAt: now } });
    return ok(escortView(saved, now, await escortEventsOf(tx, saved.id)));
  });
}
