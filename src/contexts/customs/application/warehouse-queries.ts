import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { fromMilli } from '../domain/preliminary.ts';
import { storageRecords } from '../infrastructure/storage.schema.ts';
import { warehouseApplications, warehouseEntries, warehouses } from '../infrastructure/warehouse.schema.ts';
import type { CustomsDeps } from './deps.ts';

const isCustoms = (p: AccountPrincipal) => p.role === 'customs_officer' || p.role === 'risk_analyst';

/** The register of temporary storage warehouses and their owners (art.106-111), active entries first. */
export async function listWarehouses(deps: CustomsDeps, q: { readonly officeCode?: string; readonly ownerTin?: string }) {
  return deps.database.db
    .select()
    .from(warehouses)
    .where(and(q.officeCode ? eq(warehouses.officeCode, q.officeCode) : undefined, q.ownerTin ? eq(warehouses.ownerTin, q.ownerTin) : undefined))
    .orderBy(asc(warehouses.status), asc(warehouses.registerNumber));
}

/** Applications: customs sees all, an applicant its own. */
export async function listWarehouseApplications(deps: CustomsDeps, viewer: AccountPrincipal, q: { readonly status?: 'submitted' | 'approved' | 'refused' }) {
  const where: (SQL | undefined)[] = [q.status ? eq(warehouseApplications.status, q.status) : undefined];
  if (!isCustoms(viewer)) where.push(eq(warehouseApplications.applicantTin, viewer.tin ?? ''));
  return deps.database.db
    .select()
    .from(warehouseApplications)
    .where(and(...where))
    .orderBy(asc(warehouseApplications.submittedAt));
}

export type BalanceLine = {
  readonly storageNumber: string;
  readonly lineNo: number;
  readonly commodityCode: string;
  readonly unit: string;
  readonly quantityIn: string;
  readonly quantityOut: string;
  readonly onHand: string;
};

/** CUS-TS-15: goods on hand per storage record and goods line, for the owner and for customs. */
export async function warehouseBalances(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  warehouseId: string,
): Promise<Result<BalanceLine[], Failure<ArrivalErrorCode>>> {
  const db = deps.database.db;
  const [w] = await db.select().from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!w) return fail('WAREHOUSE_NOT_FOUND', 'params.id');
  if (!isCustoms(viewer) && viewer.tin !== w.ownerTin) return fail('WAREHOUSE_NOT_YOURS', 'params.id');
  const e = warehouseEntries;
  const found = await db
    .select({
      storageNumber: storageRecords.number,
      lineNo: e.lineNo,
      commodityCode: e.commodityCode,
      unit: e.unit,
      quantityIn: sql<string>`sum(CASE WHEN ${e.direction} = 'in' THEN ${e.quantityMilli} ELSE 0 END)::text`,
      quantityOut: sql<string>`sum(CASE WHEN ${e.direction} = 'out' THEN ${e.quantityMilli} ELSE 0 END)::text`,
    })
    .from(e)
    .innerJoin(storageRecords, eq(storageRecords.id, e.storageId))
    .where(eq(e.warehouseId, w.id))
    .groupBy(storageRecords.number, e.lineNo, e.commodityCode, e.unit)
    .orderBy(asc(storageRecords.number), asc(e.lineNo));
  return ok(
    found.map((r) => ({
      ...r,
      quantityIn: fromMilli(BigInt(r.quantityIn)),
      quantityOut: fromMilli(BigInt(r.quantityOut)),
      onHand: fromMilli(BigInt(r.quantityIn) - BigInt(r.quantityOut)),
    })),
  );
}

/** Every posting of a warehouse, oldest first (owner and customs). */
export async function warehouseEntriesOf(deps: CustomsDeps, viewer: AccountPrincipal, warehouseId: string) {
  const db = deps.database.db;
  const [w] = await db.select().from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!w) return fail('WAREHOUSE_NOT_FOUND', 'params.id');
  if (!isCustoms(viewer) && viewer.tin !== w.ownerTin) return fail('WAREHOUSE_NOT_YOURS', 'params.id');
  return ok(await db.select().from(warehouseEntries).where(eq(warehouseEntries.warehouseId, w.id)).orderBy(asc(warehouseEntries.postedAt)));
}
