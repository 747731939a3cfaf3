import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { toMilli } from '../domain/preliminary.ts';
import { checkActive } from '../domain/storage.ts';
import { checkPosting } from '../domain/warehouses.ts';
import { warehouseEntries, warehouses } from '../infrastructure/warehouse.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { storageByNumber } from './storage-store.ts';

export type EntryInput = {
  readonly direction: 'in' | 'out';
  readonly storageNumber: string;
  readonly lineNo: number;
  readonly quantity: string;
  /** Goods in: the short declaration number; goods out: the release document (declaration or periodic notice). */
  readonly documentNumber: string;
  /** `owner_software` when the owner's own warehouse system posts through the API (CUS-TS-16). */
  readonly channel?: 'portal' | 'owner_software';
  /** The owner system's id of the posting: a repeat with the same id returns the first posting. */
  readonly externalId?: string;
};
export type EntryRow = typeof warehouseEntries.$inferSelect;

/**
 * CUS-TS-15, CUS-TS-16 (art.112 p.1 i.2): the warehouse owner keeps the electronic record of goods
 * under customs control through the system: goods in against the short declaration that placed
 * them in this warehouse, goods out against the document customs released them on (art.121 p.1).
 */
export async function postWarehouseEntry(
  deps: CustomsDeps,
  owner: AccountPrincipal,
  warehouseId: string,
  input: EntryInput,
): Promise<Result<{ entry: EntryRow; isRepeat: boolean }, Failure<ArrivalErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [w] = await tx.select().from(warehouses).where(eq(warehouses.id, warehouseId));
    if (!w) return fail('WAREHOUSE_NOT_FOUND', 'params.id');
    if (w.ownerTin !== owner.tin) return fail('WAREHOUSE_NOT_YOURS', 'params.id');
    if (input.externalId) {
      const [seen] = await tx
        .select()
        .from(warehouseEntries)
        .where(and(eq(warehouseEntries.warehouseId, w.id), eq(warehouseEntries.externalId, input.externalId)));
      if (seen) return ok({ entry: seen, isRepeat: true });
    }
    const record = await storageByNumber(tx, input.storageNumber, true);
    if (!record) return fail('STORAGE_NOT_FOUND', 'body.storageNumber');
    if (record.warehouseId !== w.id) return fail('WAREHOUSE_GOODS_NOT_DECLARED_HERE', 'body.storageNumber');
    if (input.direction === 'in') {
      const active = checkActive(record.status);
      if (!active.ok) return active;
      if (record.shortDeclarationNumber !== input.documentNumber) return fail('WAREHOUSE_GOODS_NOT_DECLARED_HERE', 'body.documentNumber');
    } else if (record.status !== 'RELEASED' || record.releaseDocument !== input.documentNumber) {
      return fail('WAREHOUSE_GOODS_NOT_RELEASED', 'body.documentNumber', { status: record.status });
    }
    const line = record.goods.find((g) => g.lineNo === input.lineNo);
    if (!line) return fail('ARRIVAL_VALUE_INVALID', 'body.lineNo');
    const quantityMilli = toMilli(input.quantity);
    if (quantityMilli <= 0n) return fail('ARRIVAL_VALUE_INVALID', 'body.quantity');
    const existing = await tx
      .select({ direction: warehouseEntries.direction, lineNo: warehouseEntries.lineNo, quantityMilli: warehouseEntries.quantityMilli })
      .from(warehouseEntries)
      .where(and(eq(warehouseEntries.warehouseId, w.id), eq(warehouseEntries.storageId, record.id)));
    const checked = checkPosting({ direction: input.direction, lineNo: input.lineNo, quantityMilli }, toMilli(line.quantity), existing);
    if (!checked.ok) return checked;
    const [entry] = await tx
      .insert(warehouseEntries)
      .values({
        id: uuidv7(now.getTime()),
        warehouseId: w.id,
        storageId: record.id,
        direction: input.direction,
        documentKind: input.direction === 'in' ? 'short_declaration' : (record.releaseBasis ?? 'declaration'),
        documentNumber: input.documentNumber,
        lineNo: input.lineNo,
        commodityCode: line.commodityCode,
        unit: line.unit,
        quantityMilli,
        channel: input.channel ?? 'portal',
        externalId: input.externalId ?? null,
        postedAt: now,
        postedBy: actorOf(owner),
      })
      .returning();
    if (!entry) throw new Error('entry not inserted');
    await appendAudit(tx, now, {
      actor: actorOf(owner),
      action: `customs.warehouse_goods_${input.direction}`,
      entity: 'customs.warehouses',
      entityId: w.id,
      after: { ...entry, quantityMilli: entry.quantityMilli.toString() },
    });
    return ok({ entry, isRepeat: false });
  });
}
