import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { endOfDushanbeDay } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { actingCapacity, checkExtension } from '../domain/storage.ts';
import { storageExtensions } from '../infrastructure/storage.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { isCustomsBroker } from './preliminary-store.ts';
import { storageByNumber } from './storage-store.ts';

export type ExtensionRequest = { readonly until: string; readonly reason: string };
export type ExtensionView = typeof storageExtensions.$inferSelect;

/**
 * TS-4 (art.103 p.1, CUS-TS-07, A-20): the declarant or its representative asks, with reasons,
 * to keep the goods past the ordinary period, to the end of a day no later than the maximum.
 */
export async function requestStorageExtension(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: ExtensionRequest,
): Promise<Result<ExtensionView, Failure<ArrivalErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const record = await storageByNumber(tx, number, true);
    if (!record) return fail('STORAGE_NOT_FOUND', 'params.number');
    const tin = actor.tin ?? '';
    const capacity = actingCapacity(record.declarantTin, tin, tin !== record.declarantTin && (await isCustomsBroker(tx, tin, now)));
    if (!capacity.ok) return capacity;
    const until = checkExtension(record, endOfDushanbeDay(input.until));
    if (!until.ok) return until;
    const [pending] = await tx
      .select({ id: storageExtensions.id })
      .from(storageExtensions)
      .where(and(eq(storageExtensions.storageId, record.id), eq(storageExtensions.status, 'requested')));
    if (pending) return fail('STORAGE_EXTENSION_PENDING', 'params.number', { extensionId: pending.id });
    const [row] = await tx
      .insert(storageExtensions)
      .values({
        id: uuidv7(now.getTime()),
        storageId: record.id,
        requestedAt: now,
        requestedBy: actorOf(actor),
        reason: input.reason,
        requestedUntil: input.until,
        status: 'requested',
      })
      .returning();
    if (!row) throw new Error('extension not inserted');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.storage_extension_requested',
      entity: 'customs.storage_records',
      entityId: record.id,
      after: row,
    });
    return ok(row);
  });
}
