import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkOutagePeriod, type OutageCause } from '../domain/preliminary.ts';
import { type OutageRow, outages } from '../infrastructure/preliminary.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { officeOn } from './preliminary-store.ts';

export type OutageInput = {
  readonly startedAt: string;
  readonly endedAt?: string | null;
  readonly cause: OutageCause;
  readonly description: string;
  readonly officeCodes: readonly string[];
};

/**
 * F-05 (art.11-1 p.2, art.124 p.3): a customs officer records a failure of the information system
 * (technical fault, communication outage, no electricity, other unforeseen event) and the offices
 * it affects; paper submissions are accepted only inside such a period.
 */
export async function recordOutage(deps: CustomsDeps, officer: AccountPrincipal, input: OutageInput): Promise<Result<OutageRow, Failure<ArrivalErrorCode>>> {
  const now = deps.clock.now();
  const startedAt = new Date(input.startedAt);
  const endedAt = input.endedAt ? new Date(input.endedAt) : null;
  const period = checkOutagePeriod(startedAt, endedAt, now);
  if (!period.ok) return period;
  return transact(deps.database.db, async (tx) => {
    for (const [i, code] of input.officeCodes.entries())
      if (!(await officeOn(tx, code, startedAt))) return fail('ARRIVAL_OFFICE_UNKNOWN', `body.officeCodes[${i}]`);
    const [row] = await tx
      .insert(outages)
      .values({
        id: uuidv7(now.getTime()),
        startedAt,
        endedAt,
        cause: input.cause,
        description: input.description,
        officeCodes: [...new Set(input.officeCodes)],
        recordedBy: actorOf(officer),
        recordedAt: now,
      })
      .returning();
    if (!row) throw new Error('outage not inserted');
    await appendAudit(tx, now, { actor: actorOf(officer), action: 'customs.outage_recorded', entity: 'customs.outages', entityId: row.id, after: row });
    return ok(row);
  });
}
