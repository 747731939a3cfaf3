import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkDecidable } from '../domain/preliminary.ts';
import { preliminaryInformation } from '../infrastructure/preliminary.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { loadArrivalSettings, markRegistered, type PreliminaryView, preliminaryByNumber, preliminaryView } from './preliminary-store.ts';

export type PreliminaryDecision = { readonly decision: 'register' } | { readonly decision: 'refuse'; readonly reason: string };

/**
 * PI-3 / PI-4 (art.11-1 p.5, CUS-PI-08): a customs officer registers submitted preliminary
 * information or refuses it with a reason; the decision and its time are recorded.
 */
export async function decidePreliminaryInformation(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  number: string,
  input: PreliminaryDecision,
): Promise<Result<PreliminaryView, Failure<ArrivalErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const row = await preliminaryByNumber(tx, number, true);
    if (!row) return fail('PI_NOT_FOUND', 'params.number');
    const decidable = checkDecidable(row.status);
    if (!decidable.ok) return decidable;
    const settings = await loadArrivalSettings(tx);
    const decided =
      input.decision === 'register'
        ? await markRegistered(tx, row, now, actorOf(officer), settings.piKeptDays)
        : (
            await tx
              .update(preliminaryInformation)
              .set({ status: 'REFUSED', refusedAt: now, refusalReason: input.reason, decidedBy: actorOf(officer) })
              .where(eq(preliminaryInformation.id, row.id))
              .returning()
          )[0];
    if (!decided) throw new Error('preliminary information not updated');
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: input.decision === 'register' ? 'customs.preliminary_registered' : 'customs.preliminary_refused',
      entity: 'customs.preliminary_information',
      entityId: row.id,
      before: { status: row.status },
      after: { status: decided.status, reason: input.decision === 'refuse' ? input.reason : undefined },
    });
    return ok(preliminaryView(decided));
  });
}
