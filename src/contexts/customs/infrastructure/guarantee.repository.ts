/** Reads and writes of the guarantee registry (customs schema, 0019). Dates travel as ISO strings. */
import { and, asc, desc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../../platform/db.ts';
import { PARAMETER_CODES, type ParameterCode, type Parameters, toHundredths } from '../domain/guarantees.ts';
import { guaranteeParameters, type GuaranteeRow, guarantees, guaranteeUses } from './guarantee.schema.ts';
import { calculationIndicators } from './schema.ts';

const inForce = (from: PgColumn, to: PgColumn, day: string) => and(lte(from, day), or(isNull(to), gte(to, day)));

/** The statutory amounts in force on a day, in hundredths of an indicator (AMB-18). */
export async function parametersOn(db: Db, day: string): Promise<Parameters> {
  const found = await db
    .select()
    .from(guaranteeParameters)
    .where(inForce(guaranteeParameters.validFrom, guaranteeParameters.validTo, day));
  const out: Partial<Record<ParameterCode, bigint>> = {};
  for (const row of found) {
    const h = toHundredths(row.indicators);
    if (h !== undefined) out[row.code] = h;
  }
  return out;
}

export type ParameterVersion = typeof guaranteeParameters.$inferSelect;

export const parameterVersions = (db: Db, code: ParameterCode): Promise<ParameterVersion[]> =>
  db.select().from(guaranteeParameters).where(eq(guaranteeParameters.code, code)).orderBy(asc(guaranteeParameters.validFrom));

export async function insertParameterVersion(db: Db, v: ParameterVersion, closeOpenOn: string | undefined): Promise<void> {
  if (closeOpenOn) {
    await db
      .update(guaranteeParameters)
      .set({ validTo: closeOpenOn })
      .where(and(eq(guaranteeParameters.code, v.code), isNull(guaranteeParameters.validTo)));
  }
  await db.insert(guaranteeParameters).values(v);
}

export async function lockParameters(db: Db): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('customs.guarantee_parameters', 0))`);
}

/** Every parameter in force on a day, as stored. */
export const parametersInForce = (db: Db, day: string): Promise<ParameterVersion[]> =>
  db
    .select()
    .from(guaranteeParameters)
    .where(inForce(guaranteeParameters.validFrom, guaranteeParameters.validTo, day))
    .orderBy(asc(guaranteeParameters.code));

export const isParameterCode = (s: string): s is ParameterCode => (PARAMETER_CODES as readonly string[]).includes(s);

/** AMB-17: the value of one calculation indicator in dirams on a day. */
export async function indicatorOn(db: Db, day: string): Promise<bigint | undefined> {
  const [row] = await db
    .select({ value: calculationIndicators.valueDirams })
    .from(calculationIndicators)
    .where(inForce(calculationIndicators.validFrom, calculationIndicators.validTo, day))
    .limit(1);
  return row ? BigInt(row.value) : undefined;
}

/** GUA-<year>-<6-digit sequence>: the guarantee's number, unique for good. */
export async function nextGuaranteeReference(db: Db, year: string): Promise<string> {
  const [row] = await rows<{ n: string }>(db, sql`SELECT nextval('customs.guarantee_number_seq')::text AS n`);
  return `GUA-${year}-${String(row?.n ?? '0').padStart(6, '0')}`;
}

export async function insertGuarantee(db: Db, row: typeof guarantees.$inferInsert): Promise<void> {
  await db.insert(guarantees).values(row);
}

export async function guaranteeByReference(db: Db, reference: string, lock = false): Promise<GuaranteeRow | undefined> {
  const query = db.select().from(guarantees).where(eq(guarantees.reference, reference));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateGuarantee(db: Db, id: string, set: Partial<typeof guarantees.$inferInsert>): Promise<void> {
  await db.update(guarantees).set(set).where(eq(guarantees.id, id));
}

export type GuaranteeFilter = { readonly holderTin?: string; readonly status?: GuaranteeRow['status']; readonly limit: number; readonly offset: number };

export function listGuaranteeRows(db: Db, filter: GuaranteeFilter): Promise<GuaranteeRow[]> {
  const where: SQL[] = [];
  if (filter.holderTin) where.push(eq(guarantees.holderTin, filter.holderTin));
  if (filter.status) where.push(eq(guarantees.status, filter.status));
  return db
    .select()
    .from(guarantees)
    .where(and(...where))
    .orderBy(desc(guarantees.appliedAt))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** Accepted guarantees of a holder whose validity contains the day. */
export const acceptedOn = (db: Db, holderTin: string, day: string): Promise<GuaranteeRow[]> =>
  db
    .select()
    .from(guarantees)
    .where(and(eq(guarantees.holderTin, holderTin), eq(guarantees.status, 'accepted'), lte(guarantees.validFrom, day), gte(guarantees.validTo, day)))
    .orderBy(asc(guarantees.validTo));

/** What the uses not yet released hold of a guarantee. */
export async function drawnTotal(db: Db, guaranteeId: string): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${guaranteeUses.amountDirams}), 0)::text` })
    .from(guaranteeUses)
    .where(and(eq(guaranteeUses.guaranteeId, guaranteeId), isNull(guaranteeUses.releasedAt)));
  return BigInt(row?.total ?? '0');
}

export type GuaranteeUseRow = typeof guaranteeUses.$inferSelect;

export async function findUse(db: Db, guaranteeId: string, useReference: string): Promise<GuaranteeUseRow | undefined> {
  const [row] = await db
    .select()
    .from(guaranteeUses)
    .where(and(eq(guaranteeUses.guaranteeId, guaranteeId), eq(guaranteeUses.useReference, useReference)));
  return row;
}

export const usesOf = (db: Db, guaranteeId: string): Promise<GuaranteeUseRow[]> =>
  db.select().from(guaranteeUses).where(eq(guaranteeUses.guaranteeId, guaranteeId)).orderBy(asc(guaranteeUses.drawnAt));

export async function insertUse(db: Db, row: typeof guaranteeUses.$inferInsert): Promise<void> {
  await db.insert(guaranteeUses).values(row);
}

export async function markUseReleased(db: Db, id: string, at: Date): Promise<void> {
  await db.update(guaranteeUses).set({ releasedAt: at }).where(eq(guaranteeUses.id, id));
}
