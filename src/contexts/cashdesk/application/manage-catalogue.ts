import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { parseCsv } from '../../../platform/csv.ts';
import { type Db, sqlState, transact, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { checkGtin } from '../../../platform/gs1.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import {
  addProduct as addToCatalogue,
  type Catalogue,
  editProduct as editInCatalogue,
  emptyCatalogue,
  findProduct,
  parseCatalogueRows,
  placeProducts,
  type Product,
  type ProductInput,
  type UnitCode,
} from '../domain/catalogue.ts';
import { products } from '../infrastructure/schema.ts';
import { actorOf, type CashdeskDeps } from './deps.ts';

/**
 * The product list of a business (p.5 "пешбурди номгӯи мол"; p.65 item 6 and p.68 item 5: product
 * codes made and kept through GS1), shared by its registers. The rules are domain/catalogue.ts;
 * here they run over the few stored products an operation touches, and the database's unique
 * indexes back them against a concurrent change.
 */

type Row = typeof products.$inferSelect;
type CatalogueRefusal = Failure<'NOT_FOUND' | 'PRODUCT_INVALID' | 'PRODUCT_CODE_TAKEN' | 'GTIN_TAKEN' | 'PRODUCT_NOT_FOUND' | 'CATALOGUE_IMPORT_INVALID'>;

const gtin14Of = (gtin: string | undefined): string | null => {
  const c = gtin ? checkGtin(gtin) : undefined;
  return c?.isValid ? c.gtin14 : null;
};

export const toProduct = (r: Row): Product => ({
  code: r.code,
  ...(r.gtin ? { gtin: r.gtin } : {}),
  name: r.name,
  unit: r.unit as UnitCode,
  price: r.price,
  tax: { kind: r.taxKind, rateBp: r.taxRateBp },
  requiresMarkingCode: r.requiresMarkingCode,
});

const toRow = (tin: string, p: Product, now: Date): typeof products.$inferInsert => ({
  businessTin: tin,
  code: p.code,
  gtin: p.gtin ?? null,
  gtin14: gtin14Of(p.gtin),
  name: p.name,
  nameTg: p.name.tg,
  unit: p.unit,
  price: p.price,
  taxKind: p.tax.kind,
  taxRateBp: p.tax.rateBp,
  requiresMarkingCode: p.requiresMarkingCode,
  createdAt: now,
  updatedAt: now,
});

/** The stored products a set of codes can name: by article code, or by GTIN in any length. */
export async function catalogueOf(db: Db, tin: string, codes: readonly string[]): Promise<Catalogue> {
  if (codes.length === 0) return emptyCatalogue();
  const gtins = codes.map((c) => gtin14Of(c)).filter((g): g is string => g !== null);
  const match: SQL[] = [inArray(products.code, [...codes])];
  if (gtins.length > 0) match.push(inArray(products.gtin14, gtins));
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.businessTin, tin), or(...match)));
  const placed = placeProducts(emptyCatalogue(), rows.map(toProduct));
  if (!placed.ok) throw new Error(`stored catalogue of ${tin} holds one GTIN twice`);
  return placed.value;
}

const tinOf = (actor: AccountPrincipal): string | undefined => (actor.role === 'business' ? (actor.tin ?? undefined) : undefined);

export async function addProduct(deps: CashdeskDeps, actor: AccountPrincipal, input: ProductInput): Promise<Result<Product, CatalogueRefusal>> {
  const tin = tinOf(actor);
  if (!tin) return fail('NOT_FOUND');
  const db = deps.database.db;
  const code = input.code?.trim() || input.gtin?.trim() || '';
  const placed = addToCatalogue(await catalogueOf(db, tin, [code, ...(input.gtin ? [input.gtin] : [])]), input);
  if (!placed.ok) return prefixed(placed.error);
  return save(deps, actor, tin, placed.value.byCode.get(code) as Product, 'cashdesk.product_added');
}

export async function editProduct(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  code: string,
  input: Omit<ProductInput, 'code'>,
): Promise<Result<Product, CatalogueRefusal>> {
  const tin = tinOf(actor);
  if (!tin) return fail('NOT_FOUND');
  const db = deps.database.db;
  const placed = editInCatalogue(await catalogueOf(db, tin, [code, ...(input.gtin ? [input.gtin] : [])]), code, input);
  if (!placed.ok) return prefixed(placed.error);
  return save(deps, actor, tin, placed.value.byCode.get(code) as Product, 'cashdesk.product_changed');
}

/** Field paths of the domain ("gtin") as the request names them ("body.gtin"). */
function prefixed<C extends string>(e: Failure<C>): Result<never, Failure<C>> {
  return fail(e.code, e.field ? `body.${e.field}` : undefined, e.details);
}

async function save(deps: CashdeskDeps, actor: AccountPrincipal, tin: string, product: Product, action: string): Promise<Result<Product, CatalogueRefusal>> {
  const now = deps.clock.now();
  const row = toRow(tin, product, now);
  try {
    return await transact(deps.database.db, async (tx) => {
      const [before] = await tx
        .select()
        .from(products)
        .where(and(eq(products.businessTin, tin), eq(products.code, product.code)));
      if (action === 'cashdesk.product_added' && before) return fail('PRODUCT_CODE_TAKEN', 'body.code');
      if (before)
        await tx
          .update(products)
          .set({ ...row, createdAt: before.createdAt })
          .where(and(eq(products.businessTin, tin), eq(products.code, product.code)));
      else await tx.insert(products).values(row);
      await appendAudit(tx, now, { actor: actorOf(actor), action, entity: 'cashdesk.product', entityId: `${tin}/${product.code}`, before, after: row });
      return ok(product);
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('GTIN_TAKEN', 'body.gtin');
    throw error;
  }
}

/**
 * Import from a spreadsheet saved as CSV (p.5, p.65 item 6, p.68 item 5): every row is checked and
 * nothing is imported while any row is bad; a product whose code is in the file is replaced.
 */
export async function importCatalogue(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  csv: string,
): Promise<Result<{ readonly imported: number; readonly created: number; readonly replaced: number }, CatalogueRefusal>> {
  const tin = tinOf(actor);
  if (!tin) return fail('NOT_FOUND');
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(csv);
  } catch {
    return fail('CATALOGUE_IMPORT_INVALID', 'body.csv', { problems: [{ field: 'csv', code: 'CATALOGUE_IMPORT_INVALID' }] });
  }
  const parsed = parseCatalogueRows(rows);
  if (!parsed.ok) return fail('CATALOGUE_IMPORT_INVALID', 'body.csv', parsed.error.details);
  const db = deps.database.db;
  const existing = await catalogueOf(
    db,
    tin,
    parsed.value.flatMap((p) => [p.code, ...(p.gtin ? [p.gtin] : [])]),
  );
  const placed = placeProducts(existing, parsed.value);
  if (!placed.ok) return fail('GTIN_TAKEN', 'body.csv', placed.error.details);
  const now = deps.clock.now();
  const replaced = parsed.value.filter((p) => existing.byCode.has(p.code)).length;
  try {
    return await transact(db, async (tx) => {
      for (let i = 0; i < parsed.value.length; i += 500) {
        const chunk = parsed.value.slice(i, i + 500).map((p) => toRow(tin, p, now));
        await tx
          .insert(products)
          .values(chunk)
          .onConflictDoUpdate({
            target: [products.businessTin, products.code],
            set: {
              gtin: sql`excluded.gtin`,
              gtin14: sql`excluded.gtin14`,
              name: sql`excluded.name`,
              nameTg: sql`excluded.name_tg`,
              unit: sql`excluded.unit`,
              price: sql`excluded.price`,
              taxKind: sql`excluded.tax_kind`,
              taxRateBp: sql`excluded.tax_rate_bp`,
              requiresMarkingCode: sql`excluded.requires_marking_code`,
              updatedAt: now,
            },
          });
      }
      const summary = { imported: parsed.value.length, created: parsed.value.length - replaced, replaced };
      await appendAudit(tx, now, { actor: actorOf(actor), action: 'cashdesk.catalogue_imported', entity: 'cashdesk.catalogue', entityId: tin, after: summary });
      return ok(summary);
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('GTIN_TAKEN', 'body.csv');
    throw error;
  }
}

/** The product list, by Tajik name then code, filtered by a part of the name, the code or the GTIN. */
export async function listProducts(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  query: { readonly q?: string; readonly offset?: number; readonly limit?: number },
): Promise<Product[]> {
  const tin = tinOf(actor);
  if (!tin) return [];
  const q = query.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await deps.database.db
    .select()
    .from(products)
    .where(
      and(
        eq(products.businessTin, tin),
        pattern ? or(ilike(products.nameTg, pattern), ilike(products.code, pattern), ilike(products.gtin, pattern)) : undefined,
      ),
    )
    .orderBy(asc(products.nameTg), asc(products.code))
    .offset(query.offset ?? 0)
    .limit(query.limit ?? 100);
  return rows.map(toProduct);
}

/** A product by its article code or a GTIN in any length, as a scanner reads it. */
export async function lookupProduct(deps: CashdeskDeps, actor: AccountPrincipal, code: string): Promise<Result<Product, Failure<'PRODUCT_NOT_FOUND'>>> {
  const tin = tinOf(actor);
  const found = tin ? findProduct(await catalogueOf(deps.database.db, tin, [code]), code) : undefined;
  return found ? ok(found) : fail('PRODUCT_NOT_FOUND', 'querystring.code', { code });
}
