import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkActive, type ReleaseBasis } from '../domain/storage.ts';
import { storageRecords } from '../infrastructure/storage.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type StorageSummary, storageByNumber, storageSummary } from './storage-store.ts';

export type ReleaseInput = {
  readonly storageNumber: string;
  readonly basis: ReleaseBasis;
  readonly documentNumber: string;
  readonly at: Date;
  readonly actor?: string;
};

/**
 * TS-3 (art.121 p.1, CUS-TS-18): goods leave temporary storage on a customs declaration or on the
 * declarant's notice under periodic declaring (art.136 p.8); the record keeps which document.
 * Runs in the caller's transaction (the goods declaration calls it on release).
 */
export async function releaseFromStorage(tx: Db, input: ReleaseInput): Promise<Result<StorageSummary, Failure<ArrivalErrorCode>>> {
  const record = await storageByNumber(tx, input.storageNumber, true);
  if (!record) return fail('STORAGE_NOT_FOUND', 'params.number');
  const active = checkActive(record.status);
  if (!active.ok) return active;
  const [updated] = await tx
    .update(storageRecords)
    .set({ status: 'RELEASED', releasedAt: input.at, releaseBasis: input.basis, releaseDocument: input.documentNumber })
    .where(eq(storageRecords.id, record.id))
    .returning();
  if (!updated) throw new Error('storage record not updated');
  await appendAudit(tx, input.at, {
    actor: input.actor ?? 'system',
    action: 'customs.goods_released_from_storage',
    entity: 'customs.storage_records',
    entityId: record.id,
    before: { status: record.status },
    after: { status: 'RELEASED', basis: input.basis, documentNumber: input.documentNumber },
  });
  return ok(storageSummary(updated));
}

/** The officer records a release over HTTP (until the declaration slice calls `releaseFromStorage` itself). */
export async function releaseStorageByOfficer(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  number: string,
  input: { readonly basis: ReleaseBasis; readonly documentNumber: string },
): Promise<Result<StorageSummary, Failure<ArrivalErrorCode>>> {
  const at = deps.clock.now();
  return transact(deps.database.db, (tx) => releaseFromStorage(tx, { storageNumber: number, ...input, at, actor: actorOf(officer) }));
}
