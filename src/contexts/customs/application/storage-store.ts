/** Shared reads of temporary storage records and how the API shows them. No use case lives here. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { periodEndOf } from '../domain/storage.ts';
import { type StorageRow, storageRecords } from '../infrastructure/storage.schema.ts';

/** The row by number, locked for a state change when `lock` is set. */
export async function storageByNumber(db: Db, number: string, lock = false): Promise<StorageRow | undefined> {
  const q = db.select().from(storageRecords).where(eq(storageRecords.number, number)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The record opened on arrival from this preliminary information, if any. */
export async function storageByPreliminary(db: Db, preliminaryNumber: string): Promise<StorageRow | undefined> {
  const [row] = await db
    .select()
    .from(storageRecords)
    .where(and(eq(storageRecords.preliminaryNumber, preliminaryNumber), eq(storageRecords.trigger, 'arrival')))
    .limit(1);
  return row;
}

export type StorageView = ReturnType<typeof storageView>;

export function storageView(r: StorageRow) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    trigger: r.trigger,
    transitReference: r.transitReference,
    preliminaryNumber: r.preliminaryNumber,
    officeCode: r.officeCode,
    region: r.region,
    declarantTin: r.declarantTin,
    transportMode: r.transportMode,
    goods: r.goods,
    startedAt: r.startedAt,
    recordedAt: r.recordedAt,
    shortDeclarationDueAt: r.shortDeclarationDueAt,
    shortDeclarationOverdueAt: r.shortDeclarationOverdueAt,
    shortDeclaration: r.shortDeclaredAt
      ? {
          number: r.shortDeclarationNumber,
          declaredAt: r.shortDeclaredAt,
          actedAs: r.actedAs,
          representativeTin: r.representativeTin,
          placeKind: r.placeKind,
          warehouseId: r.warehouseId,
          placeDescription: r.placeDescription,
        }
      : null,
    guarantee: r.guaranteeReference ? { reference: r.guaranteeReference, amountDirams: String(r.guaranteeDirams ?? '') } : null,
    ordinaryEndsAt: r.ordinaryEndsAt,
    extendedUntil: r.extendedUntil,
    periodEndsAt: periodEndOf(r),
    maximumEndsAt: r.maximumEndsAt,
    release: r.releasedAt ? { releasedAt: r.releasedAt, basis: r.releaseBasis, documentNumber: r.releaseDocument } : null,
    disposalAt: r.disposalAt,
  };
}

/** What other parts of customs ask about goods in temporary storage (index.ts `storageFor`). */
export function storageSummary(r: StorageRow) {
  return {
    number: r.number,
    status: r.status,
    officeCode: r.officeCode,
    declarantTin: r.declarantTin,
    presentedAt: r.startedAt,
    shortDeclarationDueAt: r.shortDeclarationDueAt,
    ordinaryEndsAt: periodEndOf(r),
    maximumEndsAt: r.maximumEndsAt,
    goods: r.goods,
    warehouseId: r.warehouseId,
    release: r.releasedAt ? { releasedAt: r.releasedAt, basis: r.releaseBasis, documentNumber: r.releaseDocument } : null,
  };
}
export type StorageSummary = ReturnType<typeof storageSummary>;
