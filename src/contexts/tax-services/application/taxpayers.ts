import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { IdentityErrorCode } from '../domain/identity-errors.ts';
import { displayName, isNaturalPerson, type Passport, type TaxpayerKind, TIN_SPACE, tinFromRandom } from '../domain/identity.ts';
import { identityAccessLog, type TaxpayerRow, taxpayers } from '../infrastructure/identity.schema.ts';
import { units } from '../infrastructure/schema.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';

/** A taxpayer to enter in the register; the TIN is assigned here. */
export type NewTaxpayer = {
  readonly kind: TaxpayerKind;
  readonly surname?: string | null;
  readonly givenName?: string | null;
  readonly patronymic?: string | null;
  readonly organisationName?: string | null;
  readonly birthDate?: string | null;
  readonly passport?: Passport | null;
  readonly address: string;
  /** The tax body of registration (tax_services.units code): a city or district inspectorate or a regional department. */
  readonly unitCode: string;
  readonly isVatPayer?: boolean;
};

const REGISTERING_UNITS = new Set(['inspectorate', 'regional']);

/**
 * Serialises every registration of one passport (two tabs submitting at once): the second waits,
 * then finds the first one's TIN. Works on PGlite and PostgreSQL alike.
 */
export async function lockPassport(tx: Db, passport: Passport): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`passport:${passport.series}:${passport.number}`}))`);
}

export async function findByPassport(tx: Db, passport: Passport): Promise<TaxpayerRow | undefined> {
  const [row] = await tx
    .select()
    .from(taxpayers)
    .where(sql`${taxpayers.passportNumber} = ${passport.number} AND ${taxpayers.passportSeries} = ${passport.series}`);
  return row;
}

export async function findByTin(db: Db, tin: string): Promise<TaxpayerRow | undefined> {
  const [row] = await db.select().from(taxpayers).where(eq(taxpayers.tin, tin));
  return row;
}

/**
 * Enters a taxpayer in the register with a new TIN: nine random digits (domain `tinFromRandom`),
 * drawn again on the rare collision, so TINs do not reveal the order or the number of
 * registrations. The caller holds the passport lock and has checked that the person has no TIN.
 */
export async function registerTaxpayer(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  input: NewTaxpayer,
): Promise<Result<TaxpayerRow, Failure<IdentityErrorCode>>> {
  const at = deps.clock.now();
  const [unit] = await tx.select().from(units).where(eq(units.code, input.unitCode));
  if (!unit || !REGISTERING_UNITS.has(unit.kind)) return fail('TIN_UNIT_INVALID', 'body.unitCode', { unitCode: input.unitCode });
  const isPerson = isNaturalPerson(input.kind);
  const values = {
    kind: input.kind,
    surname: isPerson ? (input.surname ?? null) : null,
    givenName: isPerson ? (input.givenName ?? null) : null,
    patronymic: isPerson ? (input.patronymic ?? null) : null,
    organisationName: isPerson ? null : (input.organisationName ?? null),
    birthDate: isPerson ? (input.birthDate ?? null) : null,
    passportSeries: input.passport?.series ?? null,
    passportNumber: input.passport?.number ?? null,
    address: input.address,
    unitId: unit.id,
    registeredAt: at,
    isVatPayer: input.isVatPayer ?? false,
    registeredBy: actor,
  };
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const id = uuidv7(at.getTime());
    const tin = tinFromRandom(randomInt(TIN_SPACE));
    const [row] = await tx
      .insert(taxpayers)
      .values({ id, tin, ...values })
      .onConflictDoNothing({ target: taxpayers.tin })
      .returning();
    if (!row) continue;
    await appendAudit(tx, at, {
      actor,
      action: 'taxpayer.registered',
      entity: 'taxpayer',
      entityId: tin,
      after: { tin, kind: row.kind, name: displayName(row), unit: unit.code },
    });
    return ok(row);
  }
  throw new Error('no free TIN found in 20 draws');
}

export type AccessEntry = {
  readonly purpose: 'tin_lookup' | 'counterparty' | 'register_read';
  readonly channel: 'website' | 'cabinet' | 'phone_152' | 'office';
  readonly actor: string;
  readonly clientKey?: string | null;
  readonly taxpayerId: string | null;
  readonly challengeId?: string | null;
};

/** TS-52: every read of identity data leaves a line: who, when, through which channel, and whether it found someone. */
export async function logAccess(tx: Db, at: Date, entry: AccessEntry): Promise<void> {
  await tx.insert(identityAccessLog).values({
    id: uuidv7(at.getTime()),
    at,
    purpose: entry.purpose,
    channel: entry.channel,
    actor: entry.actor,
    clientKey: entry.clientKey ?? null,
    outcome: entry.taxpayerId ? 'found' : 'not_found',
    taxpayerId: entry.taxpayerId,
    challengeId: entry.challengeId ?? null,
  });
}

/** The register entry as an officer or its own cabinet sees it. */
export function taxpayerView(row: TaxpayerRow, unitCode: string) {
  return {
    tin: row.tin,
    kind: row.kind,
    name: displayName(row),
    surname: row.surname,
    givenName: row.givenName,
    patronymic: row.patronymic,
    organisationName: row.organisationName,
    birthDate: row.birthDate,
    passport: row.passportNumber ? { series: row.passportSeries ?? '', number: row.passportNumber } : null,
    address: row.address,
    unitCode,
    registeredAt: row.registeredAt.toISOString(),
    status: row.status,
    deregisteredAt: row.deregisteredAt?.toISOString() ?? null,
    isVatPayer: row.isVatPayer,
  };
}

/**
 * One register entry for an officer (TS-52: the read is logged) or for the taxpayer's own cabinet.
 * A taxpayer asking for another TIN gets the same answer as for an unknown one.
 */
export async function getTaxpayer(
  deps: TaxServicesDeps,
  principal: AccountPrincipal,
  tin: string,
): Promise<Result<ReturnType<typeof taxpayerView>, Failure<IdentityErrorCode>>> {
  const db = deps.database.db;
  const isTaxpayer = principal.role === 'taxpayer' || principal.role === 'business';
  if (isTaxpayer && principal.tin !== tin) return fail('TAXPAYER_NOT_FOUND');
  const [found] = await db
    .select({ t: taxpayers, unitCode: units.code })
    .from(taxpayers)
    .innerJoin(units, eq(units.id, taxpayers.unitId))
    .where(eq(taxpayers.tin, tin));
  // A cabinet reading its own entry is not an access to someone else's data; an officer's read is.
  if (!isTaxpayer)
    await logAccess(db, deps.clock.now(), { purpose: 'register_read', channel: 'office', actor: actorOf(principal), taxpayerId: found?.t.id ?? null });
  if (!found) return fail('TAXPAYER_NOT_FOUND');
  return ok(taxpayerView(found.t, found.unitCode));
}
