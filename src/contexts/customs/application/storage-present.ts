import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Calendar } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkGoodsLines, type PiGoodsLine } from '../domain/preliminary.ts';
import { storageDeadlines, type StorageTrigger } from '../domain/storage.ts';
import { type StorageRow, storageRecords } from '../infrastructure/storage.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { loadArrivalSettings, nextNumber, officeOn, unknownCommodityCodes } from './preliminary-store.ts';
import { recordPreliminaryUse } from './preliminary-use.ts';
import { type StorageView, storageByPreliminary, storageView } from './storage-store.ts';

type GoodsInput = Omit<PiGoodsLine, 'lineNo'>;

export type OpenStorageInput = {
  readonly trigger: StorageTrigger;
  /** The preliminary information the goods came with: its data are reused, nothing is re-entered (CUS-PI-05). */
  readonly preliminaryNumber?: string;
  /** Internal transit: the transit record and the moment it was completed (art.92 p.13). */
  readonly transitReference?: string;
  readonly completedAt?: string;
  /** Where the goods are presented; defaults to the office of arrival of the preliminary information. */
  readonly officeCode?: string;
  /** Whose goods; defaults to the declarant of the preliminary information. */
  readonly declarantTin?: string;
  /** Only without preliminary information (internal transit of goods declared otherwise). */
  readonly goods?: readonly GoodsInput[];
};

type Refusal = Failure<ArrivalErrorCode>;

/**
 * TS-1 (art.77 p.2, CUS-TS-01, CUS-TS-06): the goods are in temporary storage from the moment of
 * presentation at the place of arrival, or from the completion of internal transit; the short
 * declaration falls due at the end of the office's next working day; the 15- and 90-day periods
 * start. Runs in the caller's transaction (transit calls it on completion).
 */
export async function openTemporaryStorage(
  tx: Db,
  calendar: Calendar,
  input: OpenStorageInput,
  actor: string,
  now: Date,
): Promise<Result<StorageRow, Refusal>> {
  const start = input.trigger === 'internal_transit_completed' ? new Date(input.completedAt ?? '') : now;
  if (input.trigger === 'internal_transit_completed') {
    if (!input.transitReference) return fail('ARRIVAL_VALUE_INVALID', 'body.transitReference');
    if (Number.isNaN(start.getTime()) || start.getTime() > now.getTime()) return fail('ARRIVAL_VALUE_INVALID', 'body.completedAt');
  } else if (!input.preliminaryNumber) return fail('ARRIVAL_VALUE_INVALID', 'body.preliminaryNumber');
  let goods: PiGoodsLine[];
  let declarantTin = input.declarantTin ?? null;
  let officeCode = input.officeCode ?? null;
  let transportMode: string | null = null;
  let preliminaryId: string | null = null;
  if (input.preliminaryNumber) {
    const use = input.trigger === 'arrival' ? 'arrival' : 'storage';
    const pi = await recordPreliminaryUse(tx, { number: input.preliminaryNumber, use, at: now, reference: input.transitReference });
    if (!pi.ok) return fail(pi.error.code, 'body.preliminaryNumber', pi.error.details);
    goods = [...pi.value.goods];
    declarantTin ??= pi.value.declarantTin;
    officeCode ??= pi.value.arrivalOfficeCode;
    transportMode = pi.value.transportMode;
    preliminaryId = pi.value.id;
  } else {
    if (!input.goods || input.goods.length === 0) return fail('ARRIVAL_VALUE_INVALID', 'body.goods');
    const checked = checkGoodsLines(input.goods);
    if (!checked.ok) return checked;
    goods = checked.value;
    const unknown = await unknownCommodityCodes(tx, [...new Set(goods.map((g) => g.commodityCode))], start);
    const bad = goods.findIndex((g) => unknown.includes(g.commodityCode));
    if (bad >= 0) return fail('PI_COMMODITY_CODE_UNKNOWN', `body.goods[${bad}].commodityCode`);
  }
  if (!declarantTin) return fail('ARRIVAL_VALUE_INVALID', 'body.declarantTin');
  if (!officeCode) return fail('ARRIVAL_VALUE_INVALID', 'body.officeCode');
  const office = await officeOn(tx, officeCode, start);
  if (!office) return fail('ARRIVAL_OFFICE_UNKNOWN', 'body.officeCode');
  const settings = await loadArrivalSettings(tx);
  const deadlines = storageDeadlines(start, office.calendarOffice, calendar, settings.storage);
  const [row] = await tx
    .insert(storageRecords)
    .values({
      id: uuidv7(now.getTime()),
      number: await nextNumber(tx, 'storage_number_seq', 'TS', now),
      status: 'IN_TEMPORARY_STORAGE',
      trigger: input.trigger,
      transitReference: input.transitReference ?? null,
      preliminaryId,
      preliminaryNumber: input.preliminaryNumber ?? null,
      officeCode: office.code,
      calendarOffice: office.calendarOffice,
      region: office.region,
      declarantTin,
      transportMode,
      goods,
      startedAt: start,
      recordedAt: now,
      recordedBy: actor,
      ...deadlines,
    })
    .returning();
  if (!row) throw new Error('storage record not inserted');
  await appendAudit(tx, now, {
    actor,
    action: 'customs.goods_in_temporary_storage',
    entity: 'customs.storage_records',
    entityId: row.id,
    after: { number: row.number, trigger: row.trigger, startedAt: start.toISOString(), shortDeclarationDueAt: deadlines.shortDeclarationDueAt.toISOString() },
  });
  return ok(row);
}

/** The officer records the presentation (or the completion of internal transit) at the office. */
export async function presentGoods(deps: CustomsDeps, officer: AccountPrincipal, input: OpenStorageInput): Promise<Result<StorageView, Refusal>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    if (input.trigger === 'arrival' && input.preliminaryNumber) {
      // One presentation per preliminary information: a second would put the same goods in storage twice.
      if (await storageByPreliminary(tx, input.preliminaryNumber)) return fail('STORAGE_ALREADY_PRESENTED', 'body.preliminaryNumber');
    }
    const opened = await openTemporaryStorage(tx, deps.calendar(), input, actorOf(officer), now);
    return opened.ok ? ok(storageView(opened.value)) : opened;
  });
}
