/**
 * Shared reads of the arrival slice: the parameters, numbering, and the reference data it checks
 * against (offices in force, commodity codes, customs brokers). No use case lives here.
 */
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../../platform/db.ts';
import { publish } from '../../../platform/outbox.ts';
import { expiryOf, type PiUse } from '../domain/preliminary.ts';
import { DEFAULT_STORAGE_POLICY, type StoragePolicy } from '../domain/storage.ts';
import { arrivalSettings, type PreliminaryRow, preliminaryInformation } from '../infrastructure/preliminary.schema.ts';
import { commodityCodes, offices, persons } from '../infrastructure/schema.ts';

export type ArrivalSettings = {
  /** A-02: `automatic` registers after the format checks; `manual` waits for an officer. */
  readonly piRegistration: 'automatic' | 'manual';
  /** Art.11-1 p.6: 30 calendar days. */
  readonly piKeptDays: number;
  readonly storage: StoragePolicy;
  readonly updatedAt: Date;
  readonly updatedBy: string;
};

/** The parameters in force (migration 0018 inserts the statutory defaults). */
export async function loadArrivalSettings(db: Db): Promise<ArrivalSettings> {
  const [row] = await db.select().from(arrivalSettings).limit(1);
  if (!row) return { piRegistration: 'automatic', piKeptDays: 30, storage: DEFAULT_STORAGE_POLICY, updatedAt: new Date(0), updatedBy: 'default' };
  return {
    piRegistration: row.piRegistration,
    piKeptDays: row.piKeptDays,
    storage: { ordinaryDays: row.storageOrdinaryDays, maximumDays: row.storageMaximumDays, warningDays: row.storageWarningDays },
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** "PI-2026-0000001": prefix, year of `at` in Dushanbe, a gap-tolerant sequence. */
export async function nextNumber(db: Db, sequence: 'preliminary_number_seq' | 'storage_number_seq' | 'warehouse_number_seq', prefix: string, at: Date) {
  const [row] = await rows<{ n: string }>(db, sql`SELECT nextval(${`customs.${sequence}`}::regclass)::text AS n`);
  return `${prefix}-${dushanbeDate(at).slice(0, 4)}-${String(row?.n ?? '0').padStart(prefix === 'TSW' ? 4 : 7, '0')}`;
}

export type OfficeFacts = {
  readonly code: string;
  readonly region: string;
  readonly calendarOffice: string;
  readonly declarationKinds: readonly string[];
  readonly transportModes: readonly string[];
};

const inForce = (from: AnyPgColumn, to: AnyPgColumn, day: string) => and(lte(from, day), or(isNull(to), gte(to, day)));

/** The office as in force on the Dushanbe date of `at`, if any. */
export async function officeOn(db: Db, code: string, at: Date): Promise<OfficeFacts | undefined> {
  const [row] = await db
    .select({
      code: offices.code,
      region: offices.region,
      calendarOffice: offices.calendarOffice,
      declarationKinds: offices.declarationKinds,
      transportModes: offices.transportModes,
    })
    .from(offices)
    .where(and(eq(offices.code, code), inForce(offices.validFrom, offices.validTo, dushanbeDate(at))))
    .limit(1);
  return row;
}

/** The codes among `codes` that are not in the nomenclature on the day of `at`. */
export async function unknownCommodityCodes(db: Db, codes: readonly string[], at: Date): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .select({ code: commodityCodes.code })
    .from(commodityCodes)
    .where(and(inArray(commodityCodes.code, [...codes]), inForce(commodityCodes.validFrom, commodityCodes.validTo, dushanbeDate(at))));
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

/** A-19: whether the TIN is a customs broker in the persons register on the day (an authorised representative). */
export async function isCustomsBroker(db: Db, tin: string, at: Date): Promise<boolean> {
  const [row] = await db
    .select({ roles: persons.roles })
    .from(persons)
    .where(and(eq(persons.code, tin), inForce(persons.validFrom, persons.validTo, dushanbeDate(at))))
    .limit(1);
  return row?.roles.includes('customs_broker') ?? false;
}

/** Registration (art.11-1 p.5, PI-3): the time, who, the end of the 30 days, and the event that tells risk management (CUS-PI-02). */
export async function markRegistered(db: Db, row: PreliminaryRow, at: Date, by: string, keptDays: number): Promise<PreliminaryRow> {
  const expiresAt = expiryOf(at, keptDays);
  const [updated] = await db
    .update(preliminaryInformation)
    .set({ status: 'REGISTERED', registeredAt: at, expiresAt, decidedBy: by })
    .where(eq(preliminaryInformation.id, row.id))
    .returning();
  await publish(
    db,
    'customs.preliminary_registered',
    {
      preliminaryId: row.id,
      number: row.number,
      arrivalOfficeCode: row.arrivalOffice,
      expectedArrivalAt: row.expectedArrivalAt.toISOString(),
      transportMode: row.transportMode,
      expiresAt: expiresAt.toISOString(),
    },
    at,
  );
  return updated as PreliminaryRow;
}

/** Preliminary information as the API and other parts of customs see it. */
export type PreliminaryView = ReturnType<typeof preliminaryView>;

export function preliminaryView(row: PreliminaryRow, uses: readonly { use: PiUse; usedAt: Date; reference: string | null }[] = []) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    channel: row.channel,
    outageId: row.outageId,
    transportMode: row.transportMode,
    submitter: { role: row.submitterRole, tin: row.submitterTin },
    declarantTin: row.declarantTin,
    arrivalOfficeCode: row.arrivalOffice,
    expectedArrivalAt: row.expectedArrivalAt,
    carrier: row.carrier,
    vehicles: row.vehicles,
    goods: row.goods,
    passengers: row.passengers,
    submittedAt: row.submittedAt,
    registeredAt: row.registeredAt,
    expiresAt: row.expiresAt,
    refusedAt: row.refusedAt,
    refusalReason: row.refusalReason,
    expiredAt: row.expiredAt,
    uses: uses.map((u) => ({ use: u.use, usedAt: u.usedAt, reference: u.reference })),
  };
}

/** The row by number, locked for a state change when `lock` is set. */
export async function preliminaryByNumber(db: Db, number: string, lock = false): Promise<PreliminaryRow | undefined> {
  const q = db.select().from(preliminaryInformation).where(eq(preliminaryInformation.number, number)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
