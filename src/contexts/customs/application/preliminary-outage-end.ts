import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkOutagePeriod } from '../domain/preliminary.ts';
import { type OutageRow, outages } from '../infrastructure/preliminary.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

/** F-05: the end of an outage is recorded once; paper received after it is refused. */
export async function endOutage(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  id: string,
  endedAtText?: string,
): Promise<Result<OutageRow, Failure<ArrivalErrorCode>>> {
  const now = deps.clock.now();
  const endedAt = endedAtText ? new Date(endedAtText) : now;
  return transact(deps.database.db, async (tx) => {
    const [row] = await tx.select().from(outages).where(eq(outages.id, id)).for('update');
    if (!row) return fail('OUTAGE_NOT_FOUND', 'params.id');
    if (row.endedAt) return fail('OUTAGE_ALREADY_ENDED', 'params.id');
    const period = checkOutagePeriod(row.startedAt, endedAt, now);
    if (!period.ok) return period;
    const [ended] = await tx.update(outages).set({ endedAt }).where(eq(outages.id, id)).returning();
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.outage_ended',
      entity: 'customs.outages',
      entityId: id,
      before: { endedAt: null },
      after: { endedAt: endedAt.toISOString() },
    });
    return ok(ended as OutageRow);
  });
}
