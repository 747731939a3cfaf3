/**
 * Reference prices: imported from CSV into a named table, read as the prices in force on a day.
 * The `below_reference` indicator compares an item's value per unit with them (CUS-RMS-14: deviation).
 */
import { and, eq, isNull, gte, lte, or, sql } from 'drizzle-orm';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ReferencePrices } from '../domain/model.ts';
import type { PriceErrorCode } from '../domain/price-errors.ts';
import { pgTextArray } from '../domain/sql-compile.ts';
import { isPriceTableName, parsePriceFile, planPrices, type PriceVersion } from '../domain/price-references.ts';
import { priceReferences } from '../infrastructure/facts.schema.ts';

export type PriceImport = { readonly imported: number; readonly unchanged: number; readonly closed: number };

/**
 * Imports a CSV file of reference prices into `tableName`, in the caller's transaction: every line is
 * checked first and the whole file is refused when any line is wrong (RISK_PRICE_IMPORT_INVALID,
 * `details.problems` = [{ line, field, code }]); nothing is written then. With `today`, a code that
 * has stored prices changes only from today on.
 */
export async function importPriceReferences(
  tx: Db,
  csvText: string,
  tableName: string,
  options: { readonly today?: IsoDate } = {},
): Promise<Result<PriceImport, Failure<PriceErrorCode>>> {
  if (!isPriceTableName(tableName)) return fail('RISK_PRICE_TABLE_INVALID', 'tableName');
  const parsed = parsePriceFile(csvText);
  if (parsed.problems.length > 0) return fail('RISK_PRICE_IMPORT_INVALID', 'csv', { problems: parsed.problems });
  // One import of a table at a time: the plan is made on the versions it has read.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`risk.price_references:${tableName}`}))::text AS locked`);
  const codes = [...new Set(parsed.lines.map((l) => l.commodityCode))];
  const stored: PriceVersion[] = [];
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    const found = await tx
      .select()
      .from(priceReferences)
      .where(and(eq(priceReferences.tableName, tableName), sql`${priceReferences.commodityCode} = ANY (${pgTextArray(chunk)}::text[])`));
    stored.push(...found.map(({ tableName: _t, ...v }) => v));
  }
  const { plan, problems } = planPrices(stored, parsed.lines, options.today);
  if (problems.length > 0) return fail('RISK_PRICE_IMPORT_INVALID', 'csv', { problems });
  for (const close of plan.closes) {
    await tx
      .update(priceReferences)
      .set({ validTo: close.validTo })
      .where(
        and(eq(priceReferences.tableName, tableName), eq(priceReferences.commodityCode, close.commodityCode), eq(priceReferences.validFrom, close.validFrom)),
      );
  }
  for (let i = 0; i < plan.inserts.length; i += 1000) {
    await tx.insert(priceReferences).values(plan.inserts.slice(i, i + 1000).map((v) => ({ tableName, ...v })));
  }
  return ok({ imported: plan.inserts.length, unchanged: plan.unchanged, closed: plan.closes.length });
}

/** The reference prices in force on `day`, by table and commodity code (what the evaluator is given). */
export async function pricesOn(db: Db, day: IsoDate): Promise<ReferencePrices> {
  const found = await db
    .select({ table: priceReferences.tableName, code: priceReferences.commodityCode, price: priceReferences.price })
    .from(priceReferences)
    .where(and(lte(priceReferences.validFrom, day), or(isNull(priceReferences.validTo), gte(priceReferences.validTo, day))));
  const tables = new Map<string, Map<string, number>>();
  for (const { table, code, price } of found) {
    let prices = tables.get(table);
    if (!prices) tables.set(table, (prices = new Map()));
    prices.set(code, price);
  }
  return tables;
}

/** The names of the price tables imported so far, with how many prices each holds (a below-reference indicator names one of them). */
export async function priceTables(db: Db): Promise<{ readonly name: string; readonly prices: number }[]> {
  const rows = await db
    .select({ name: priceReferences.tableName, prices: sql<number>`count(*)::int` })
    .from(priceReferences)
    .groupBy(priceReferences.tableName)
    .orderBy(priceReferences.tableName);
  return rows.map((r) => ({ name: r.name, prices: Number(r.prices) }));
}
