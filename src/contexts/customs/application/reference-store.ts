/**
 * Reads and writes versions of any reference table through its drizzle definition; the columns
 * are looked up by the field names of domain/tables.ts. Dates travel as ISO strings (`date`
 * columns in string mode), never as JavaScript Dates.
 */
import { and, asc, eq, gte, ilike, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../../platform/db.ts';
import { normaliseDecimal } from '../domain/codes.ts';
import type { IsoDate, Span } from '../domain/history.ts';
import type { ParsedVersion } from '../domain/parse.ts';
import type { FieldValue, TableName, TableSpec } from '../domain/tables.ts';
import * as schema from '../infrastructure/schema.ts';

const DRIZZLE: Readonly<Record<TableName, PgTable>> = {
  offices: schema.offices,
  commodity_codes: schema.commodityCodes,
  countries: schema.countries,
  currencies: schema.currencies,
  exchange_rates: schema.exchangeRates,
  document_types: schema.documentTypes,
  persons: schema.persons,
  calculation_indicators: schema.calculationIndicators,
};

/** One stored version as the API shows it. */
export type ReferenceVersion = Readonly<Record<string, FieldValue>> & Span;

const columns = (spec: TableSpec) => getTableColumns(DRIZZLE[spec.name]) as Record<string, PgColumn>;
const col = (spec: TableSpec, name: string): PgColumn => {
  const c = columns(spec)[name];
  if (!c) throw new Error(`customs.${spec.name} has no column for ${name}`);
  return c;
};

function keyWhere(spec: TableSpec, key: readonly string[]): SQL | undefined {
  return and(...spec.keys.map((k, i) => eq(col(spec, k), key[i] as string)));
}

const inForceOn = (spec: TableSpec, date: IsoDate) => and(lte(col(spec, 'validFrom'), date), or(isNull(col(spec, 'validTo')), gte(col(spec, 'validTo'), date)));

function toVersion(spec: TableSpec, row: Record<string, unknown>): ReferenceVersion {
  const out: Record<string, FieldValue> = { validFrom: String(row.validFrom), validTo: row.validTo === null ? null : String(row.validTo) };
  for (const field of spec.fields) {
    const v = row[field.name];
    out[field.name] = field.kind === 'decimal' && typeof v === 'string' ? normaliseDecimal(v) : (v as FieldValue);
  }
  return out as ReferenceVersion;
}

/** Every version of one key, oldest first. */
export async function versionsOf(db: Db, spec: TableSpec, key: readonly string[]): Promise<ReferenceVersion[]> {
  const found = await db
    .select()
    .from(DRIZZLE[spec.name])
    .where(keyWhere(spec, key))
    .orderBy(asc(col(spec, 'validFrom')));
  return found.map((r) => toVersion(spec, r as Record<string, unknown>));
}

export type ListFilter = { readonly date: IsoDate; readonly q?: string; readonly prefix?: string; readonly limit: number; readonly offset: number };

/** The versions in force on a day, by key, filtered by a part of the code or of a name. */
export async function listInForce(db: Db, spec: TableSpec, filter: ListFilter): Promise<ReferenceVersion[]> {
  const searchable = spec.fields.filter((f) => f.kind === 'text' || f.kind === 'code').map((f) => col(spec, f.name));
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    inForceOn(spec, filter.date),
    pattern ? or(...searchable.map((c) => ilike(c, pattern))) : undefined,
    filter.prefix && spec.keys[0] ? ilike(col(spec, spec.keys[0]), `${filter.prefix}%`) : undefined,
  );
  const order = spec.keys.length > 0 ? spec.keys.map((k) => asc(col(spec, k))) : [asc(col(spec, 'validFrom'))];
  const found = await db
    .select()
    .from(DRIZZLE[spec.name])
    .where(where)
    .orderBy(...order)
    .limit(filter.limit)
    .offset(filter.offset);
  return found.map((r) => toVersion(spec, r as Record<string, unknown>));
}

/** Serialises writers of one table for the length of the transaction: the overlap check then holds. */
export async function lockTable(tx: Db, spec: TableSpec): Promise<void> {
  await rows(tx, sql`SELECT pg_advisory_xact_lock(hashtext(${`customs.${spec.name}`}))::text AS locked`);
}

export async function closeVersion(tx: Db, spec: TableSpec, key: readonly string[], validFrom: IsoDate, validTo: IsoDate): Promise<void> {
  await tx
    .update(DRIZZLE[spec.name])
    .set({ validTo } as never)
    .where(and(keyWhere(spec, key), eq(col(spec, 'validFrom'), validFrom)));
}

export async function insertVersion(tx: Db, spec: TableSpec, version: ParsedVersion): Promise<void> {
  await tx.insert(DRIZZLE[spec.name]).values({ ...version.values, ...version.span } as never);
}

/** The working-time calendars that exist (platform.calendar_offices), for an office's `calendarOffice`. */
export async function calendarOfficeCodes(db: Db): Promise<Set<string>> {
  const found = await rows<{ code: string }>(db, sql`SELECT code FROM platform.calendar_offices`);
  return new Set(found.map((r) => r.code));
}
