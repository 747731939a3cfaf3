import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { rows, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { sql } from 'drizzle-orm';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { checkPlace, OWNER_GUARANTEE_PURPOSE, type PlaceKind } from '../domain/regime-ledger.ts';
import { type PlaceInsurance, type RegimePlaceRow, regimePlaces } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { guaranteeCover } from './guarantee-cover.ts';
import { officeOn } from './preliminary-store.ts';

export type RegisterPlaceInput = {
  readonly kind: PlaceKind;
  readonly ownerTin: string;
  readonly name: string;
  readonly officeCode: string;
  readonly address: string;
  readonly warehouseType?: 'open' | 'closed' | null;
  readonly insurance?: PlaceInsurance | null;
  /** The owner's guarantee in the registry (Chapter 46). */
  readonly guaranteeReference: string;
};

const PREFIX: Readonly<Record<PlaceKind, string>> = { customs_warehouse: 'CW', duty_free_shop: 'DFS', free_warehouse: 'FW' };

/**
 * IMP-12: customs enters a customs warehouse, duty-free shop or free warehouse in the register of
 * places whose owner keeps the electronic stock ledger (CUS-REG-01..03). The owner's guarantee must
 * be accepted, in force and free for the place's purpose (art.227 p.1 i.2, art.260 i.2, art.273
 * p.3); a customs warehouse is of open or closed type, and only the open type states insurance
 * (CUS-GUA-06).
 */
export async function registerRegimePlace(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  input: RegisterPlaceInput,
): Promise<Result<RegimePlaceRow, Failure<RegimeErrorCode>>> {
  const now = deps.clock.now();
  const checked = checkPlace(input, dushanbeDate(now));
  if (!checked.ok) return checked;
  return transact(deps.database.db, async (tx) => {
    if (!(await officeOn(tx, input.officeCode, now))) return fail('REGIME_OFFICE_UNKNOWN', 'body.officeCode');
    const purpose = OWNER_GUARANTEE_PURPOSE[input.kind];
    const cover = await guaranteeCover(tx, { reference: input.guaranteeReference, holderTin: input.ownerTin, purpose, at: now });
    if (cover <= 0n) return fail('REGIME_GUARANTEE_NOT_IN_FORCE', 'body.guaranteeReference', { purpose });
    const [seq] = await rows<{ n: string }>(tx, sql`SELECT nextval('customs.regime_place_number_seq')::text AS n`);
    const [row] = await tx
      .insert(regimePlaces)
      .values({
        id: uuidv7(now.getTime()),
        number: `${PREFIX[input.kind]}-${dushanbeDate(now).slice(0, 4)}-${(seq?.n ?? '0').padStart(4, '0')}`,
        kind: input.kind,
        ownerTin: input.ownerTin,
        name: input.name,
        officeCode: input.officeCode,
        address: input.address,
        warehouseType: input.kind === 'customs_warehouse' ? (input.warehouseType ?? null) : null,
        insurance: input.warehouseType === 'open' ? (input.insurance ?? null) : null,
        guaranteeReference: input.guaranteeReference,
        status: 'active',
        registeredAt: now,
        registeredBy: actorOf(officer),
      })
      .returning();
    if (!row) throw new Error('place not inserted');
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.regime_place_registered',
      entity: 'customs.regime_places',
      entityId: row.id,
      after: row,
    });
    return ok(row);
  });
}
