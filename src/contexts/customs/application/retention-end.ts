import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { isRetentionOver } from '../domain/retention.ts';
import { type RetentionRow, retentionDocuments } from '../infrastructure/exit-statistics.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockRetention } from './retention-queries.ts';

/**
 * CUS-REG-09: a record leaves retention only after its five years (the day after `retainUntil`);
 * before that the request is refused. The record itself is kept, marked ended: the API has no
 * delete, and the database refuses to delete a record (or its copy) still in its five years.
 */
export async function endRetention(deps: CustomsDeps, officer: AccountPrincipal, id: string): Promise<Result<RetentionRow, Failure<ExitErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockRetention(tx, id);
    if (!found.ok) return found;
    const r = found.value;
    if (r.endedAt !== null) return fail('RETENTION_ALREADY_ENDED', 'params.id');
    if (!isRetentionOver(r.retainUntil, dushanbeDate(now))) return fail('RETENTION_PERIOD_NOT_OVER', 'params.id', { retainUntil: r.retainUntil });
    const [row] = await tx
      .update(retentionDocuments)
      .set({ endedAt: now, endedBy: actorOf(officer) })
      .where(eq(retentionDocuments.id, r.id))
      .returning();
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.retention_ended',
      entity: 'customs.retention_document',
      entityId: r.id,
      after: { retainUntil: r.retainUntil },
    });
    return ok(row as RetentionRow);
  });
}
