import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { endOfDushanbeDay } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkExtension } from '../domain/storage.ts';
import { storageExtensions, storageRecords } from '../infrastructure/storage.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import type { ExtensionView } from './storage-extension-request.ts';
import { storageByNumber } from './storage-store.ts';

export type ExtensionDecision =
  | { readonly decision: 'grant'; readonly until?: string; readonly reason?: string }
  | { readonly decision: 'refuse'; readonly reason: string };

/**
 * TS-4 (CUS-TS-07): a customs officer grants the pending extension (to the day asked, or an
 * earlier one) or refuses it with reasons. A grant moves the end of the period and re-arms its
 * warning.
 */
export async function decideStorageExtension(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  number: string,
  input: ExtensionDecision,
): Promise<Result<ExtensionView, Failure<ArrivalErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const record = await storageByNumber(tx, number, true);
    if (!record) return fail('STORAGE_NOT_FOUND', 'params.number');
    const [pending] = await tx
      .select()
      .from(storageExtensions)
      .where(and(eq(storageExtensions.storageId, record.id), eq(storageExtensions.status, 'requested')))
      .for('update');
    if (!pending) return fail('STORAGE_EXTENSION_NOT_PENDING', 'params.number');
    let grantedUntil: Date | null = null;
    if (input.decision === 'grant') {
      const until = checkExtension(record, endOfDushanbeDay(input.until ?? pending.requestedUntil));
      if (!until.ok) return until;
      grantedUntil = until.value;
      await tx.update(storageRecords).set({ extendedUntil: grantedUntil, periodWarnedAt: null }).where(eq(storageRecords.id, record.id));
    }
    const [decided] = await tx
      .update(storageExtensions)
      .set({
        status: input.decision === 'grant' ? 'granted' : 'refused',
        decidedAt: now,
        decidedBy: actorOf(officer),
        decisionReason: input.reason ?? null,
        grantedUntil,
      })
      .where(eq(storageExtensions.id, pending.id))
      .returning();
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: input.decision === 'grant' ? 'customs.storage_extension_granted' : 'customs.storage_extension_refused',
      entity: 'customs.storage_records',
      entityId: record.id,
      before: { extendedUntil: record.extendedUntil?.toISOString() ?? null },
      after: { extendedUntil: grantedUntil?.toISOString() ?? record.extendedUntil?.toISOString() ?? null, reason: input.reason ?? null },
    });
    return ok(decided as ExtensionView);
  });
}
