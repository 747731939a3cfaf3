import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { type RetentionRow, retentionDocuments } from '../infrastructure/exit-statistics.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockRetention } from './retention-queries.ts';

export type ReturnInput = { readonly returnedTo: string; readonly method: 'in_person' | 'post' | 'electronic_notice' };

/** Art.361 p.3 (CUS-REG-09): the original went back to the declarant — once; the record stays retained. */
export async function returnOriginal(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  id: string,
  input: ReturnInput,
): Promise<Result<RetentionRow, Failure<ExitErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockRetention(tx, id);
    if (!found.ok) return found;
    const r = found.value;
    if (r.returnedAt !== null) return fail('RETENTION_ALREADY_RETURNED', 'params.id', { returnedAt: r.returnedAt.toISOString() });
    const [row] = await tx
      .update(retentionDocuments)
      .set({ returnedAt: now, returnedBy: actorOf(officer), returnedTo: input.returnedTo, returnMethod: input.method })
      .where(eq(retentionDocuments.id, r.id))
      .returning();
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.original_returned',
      entity: 'customs.retention_document',
      entityId: r.id,
      after: { returnedTo: input.returnedTo, method: input.method },
    });
    return ok(row as RetentionRow);
  });
}
