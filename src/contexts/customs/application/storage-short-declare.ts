import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { actingCapacity, checkRegion, checkShortDeclarable, type PlaceKind } from '../domain/storage.ts';
import { type StorageRow, storageRecords } from '../infrastructure/storage.schema.ts';
import { warehouses } from '../infrastructure/warehouse.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { isCustomsBroker, officeOn } from './preliminary-store.ts';
import { recordPreliminaryUse } from './preliminary-use.ts';
import type { GuaranteeCheck } from './storage-guarantee.ts';
import { type StorageView, storageByNumber, storageView } from './storage-store.ts';

export type ShortDeclarationInput = {
  readonly placeKind: PlaceKind;
  /** A temporary storage warehouse of the register (placeKind `warehouse`). */
  readonly warehouseId?: string;
  /** The office whose customs control zone holds the goods (placeKind `control_zone`, `recipient_warehouse`). */
  readonly officeCode?: string;
  readonly placeDescription?: string;
  /** CUS-TS-04: the security for payment (Chapter 46), required at the recipient's warehouse (CUS-TS-17). */
  readonly guaranteeReference?: string;
  readonly guaranteeDirams?: string;
};

type Refusal = Failure<ArrivalErrorCode>;
type Place = { readonly warehouseId: string | null; readonly placeDescription: string | null };

/** Art.77 p.2: a registered warehouse or another customs control zone in the region of the office. */
async function checkPlace(tx: Db, record: StorageRow, input: ShortDeclarationInput): Promise<Result<Place, Refusal>> {
  if (input.placeKind === 'warehouse') {
    if (!input.warehouseId) return fail('ARRIVAL_VALUE_INVALID', 'body.warehouseId');
    const [w] = await tx.select().from(warehouses).where(eq(warehouses.id, input.warehouseId));
    if (w?.status !== 'active') return fail('WAREHOUSE_NOT_IN_REGISTER', 'body.warehouseId');
    // Art.106 p.3 as amended: a closed-type warehouse stores its owner's goods only.
    if (w.type === 'closed' && w.ownerTin !== record.declarantTin) return fail('WAREHOUSE_PURPOSE_NOT_ALLOWED', 'body.warehouseId', { type: 'closed' });
    const region = checkRegion(record.region, w.region, 'body.warehouseId');
    return region.ok ? ok({ warehouseId: w.id, placeDescription: `${w.registerNumber} ${w.address}` }) : region;
  }
  if (!input.placeDescription) return fail('ARRIVAL_VALUE_INVALID', 'body.placeDescription');
  const office = await officeOn(tx, input.officeCode ?? record.officeCode, record.startedAt);
  if (!office) return fail('ARRIVAL_OFFICE_UNKNOWN', 'body.officeCode');
  const region = checkRegion(record.region, office.region, 'body.officeCode');
  return region.ok ? ok({ warehouseId: null, placeDescription: input.placeDescription }) : region;
}

/** CUS-TS-04, CUS-TS-17: a security is checked whenever given, and required at the recipient's warehouse (art.117 p.2). */
async function checkSecurity(tx: Db, input: ShortDeclarationInput, guaranteeCheck: GuaranteeCheck, at: Date): Promise<Result<void, Refusal>> {
  const given = input.guaranteeReference !== undefined || input.guaranteeDirams !== undefined;
  if (!given) return input.placeKind === 'recipient_warehouse' ? fail('STORAGE_SECURITY_REQUIRED', 'body.guaranteeReference') : ok(undefined);
  if (!input.guaranteeReference || !input.guaranteeDirams || BigInt(input.guaranteeDirams) <= 0n)
    return fail('STORAGE_SECURITY_REQUIRED', input.guaranteeReference ? 'body.guaranteeDirams' : 'body.guaranteeReference');
  return (await guaranteeCheck(tx, input.guaranteeReference, BigInt(input.guaranteeDirams), at))
    ? ok(undefined)
    : fail('STORAGE_SECURITY_INVALID', 'body.guaranteeReference');
}

/**
 * TS-2 (art.77 p.2, art.102 p.2, CUS-TS-02): the declarant or its authorised representative
 * places the goods in a temporary storage warehouse or another customs control zone of the
 * office's region by a short declaration; the preliminary information feeds it (PI-7).
 */
export async function submitShortDeclaration(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: ShortDeclarationInput,
  guaranteeCheck: GuaranteeCheck,
): Promise<Result<StorageView, Refusal>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const record = await storageByNumber(tx, number, true);
    if (!record) return fail('STORAGE_NOT_FOUND', 'params.number');
    const tin = actor.tin ?? '';
    const capacity = actingCapacity(record.declarantTin, tin, tin !== record.declarantTin && (await isCustomsBroker(tx, tin, now)));
    if (!capacity.ok) return capacity;
    const declarable = checkShortDeclarable(record.status);
    if (!declarable.ok) return declarable;
    const place = await checkPlace(tx, record, input);
    if (!place.ok) return place;
    const security = await checkSecurity(tx, input, guaranteeCheck, now);
    if (!security.ok) return security;
    if (record.preliminaryNumber) await recordPreliminaryUse(tx, { number: record.preliminaryNumber, use: 'storage', at: now, reference: record.number });
    const [updated] = await tx
      .update(storageRecords)
      .set({
        status: 'SHORT_DECLARED',
        shortDeclaredAt: now,
        shortDeclarationNumber: `${record.number}-SD`,
        shortDeclaredBy: actorOf(actor),
        actedAs: capacity.value,
        representativeTin: capacity.value === 'representative' ? tin : null,
        placeKind: input.placeKind,
        ...place.value,
        guaranteeReference: input.guaranteeReference ?? null,
        guaranteeDirams: input.guaranteeDirams ? BigInt(input.guaranteeDirams) : null,
      })
      .where(eq(storageRecords.id, record.id))
      .returning();
    if (!updated) throw new Error('storage record not updated');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.short_declaration_submitted',
      entity: 'customs.storage_records',
      entityId: record.id,
      before: { status: record.status },
      after: {
        status: updated.status,
        placeKind: input.placeKind,
        warehouseId: place.value.warehouseId,
        actedAs: capacity.value,
        late: now > record.shortDeclarationDueAt,
      },
    });
    return ok(storageView(updated));
  });
}
