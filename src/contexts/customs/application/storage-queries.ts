import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import type { StorageState } from '../domain/storage.ts';
import { storageExtensions, storageRecords } from '../infrastructure/storage.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { type StorageSummary, type StorageView, storageByNumber, storageSummary, storageView } from './storage-store.ts';

const seesAll = (p: AccountPrincipal) => p.role === 'customs_officer' || p.role === 'risk_analyst';

/** The facts other parts of customs need about goods in temporary storage; undefined when there is no such record. */
export async function storageFor(tx: Db, storageNumber: string): Promise<StorageSummary | undefined> {
  const row = await storageByNumber(tx, storageNumber);
  return row ? storageSummary(row) : undefined;
}

/** One record with its extension requests; a declarant sees its own goods only. */
export async function getStorage(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  number: string,
): Promise<Result<StorageView & { extensions: (typeof storageExtensions.$inferSelect)[] }, Failure<ArrivalErrorCode>>> {
  const db = deps.database.db;
  const row = await storageByNumber(db, number);
  if (!row || !(seesAll(viewer) || viewer.tin === row.declarantTin || viewer.tin === row.representativeTin)) return fail('STORAGE_NOT_FOUND', 'params.number');
  const extensions = await db.select().from(storageExtensions).where(eq(storageExtensions.storageId, row.id)).orderBy(asc(storageExtensions.requestedAt));
  return ok({ ...storageView(row), extensions });
}

export type StorageListQuery = {
  readonly status?: StorageState;
  readonly officeCode?: string;
  readonly overdue?: boolean;
  readonly limit?: number;
  readonly offset?: number;
};

/** A page of records by office and state; `overdue=true` lists flagged missing short declarations (CUS-TS-02). */
export async function listStorage(deps: CustomsDeps, viewer: AccountPrincipal, q: StorageListQuery): Promise<StorageView[]> {
  const where: (SQL | undefined)[] = [
    q.status ? eq(storageRecords.status, q.status) : undefined,
    q.officeCode ? eq(storageRecords.officeCode, q.officeCode) : undefined,
    q.overdue === undefined ? undefined : q.overdue ? isNotNull(storageRecords.shortDeclarationOverdueAt) : isNull(storageRecords.shortDeclarationOverdueAt),
  ];
  if (!seesAll(viewer)) where.push(eq(storageRecords.declarantTin, viewer.tin ?? ''));
  const found = await deps.database.db
    .select()
    .from(storageRecords)
    .where(and(...where))
    .orderBy(asc(storageRecords.startedAt), asc(storageRecords.number))
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0);
  return found.map(storageView);
}
