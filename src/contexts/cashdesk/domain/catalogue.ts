import { checkGtin } from '../../../platform/gs1.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { err, fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import type { FieldProblem } from './errors.ts';
import type { TaxKind, TaxRate } from './receipt-data.ts';
import { TAX_KINDS } from './receipt-data.ts';

/**
 * The register's product list (p.5 "пешбурди номгӯи мол"; p.65 item 6 and p.68 item 5: the product
 * list and product codes are made and updated through GS1). Pure: a catalogue is a value, and every
 * change returns a new one.
 */

/** Units of measure. `isWhole` units are sold in whole units only (quantity a multiple of 1000). */
export const UNITS = {
  piece: { isWhole: true, label: { tg: 'дона', ru: 'шт', en: 'pc' } },
  pack: { isWhole: true, label: { tg: 'баста', ru: 'упак', en: 'pack' } },
  service: { isWhole: true, label: { tg: 'хизмат', ru: 'услуга', en: 'service' } },
  kg: { isWhole: false, label: { tg: 'кг', ru: 'кг', en: 'kg' } },
  litre: { isWhole: false, label: { tg: 'л', ru: 'л', en: 'l' } },
  metre: { isWhole: false, label: { tg: 'м', ru: 'м', en: 'm' } },
  m2: { isWhole: false, label: { tg: 'м²', ru: 'м²', en: 'm²' } },
  m3: { isWhole: false, label: { tg: 'м³', ru: 'м³', en: 'm³' } },
} as const satisfies Record<string, { isWhole: boolean; label: Localised }>;
export type UnitCode = keyof typeof UNITS;
export const isUnitCode = (v: string): v is UnitCode => Object.hasOwn(UNITS, v);

/** A name mostly in the state language (p.65, p.68): Tajik is required, Russian and English optional. */
export type ProductName = { readonly tg: string; readonly ru?: string; readonly en?: string };

export type Product = {
  /** The business's own article code, unique in the catalogue. */
  readonly code: string;
  /** The GS1 commercial code (p.2) as printed on the pack: 8, 12, 13 or 14 digits with a valid check digit. */
  readonly gtin?: string;
  readonly name: ProductName;
  readonly unit: UnitCode;
  /** Price per unit in dirams, tax included. */
  readonly price: number;
  readonly tax: TaxRate;
  /** Marked goods: each sold item needs its marking code on the receipt (p.9 field 7, catalog ambiguity 12). */
  readonly requiresMarkingCode: boolean;
};

/** What a user enters for a product; checked by `validateProduct`. */
export type ProductInput = {
  readonly code?: string;
  readonly gtin?: string;
  readonly name: ProductName;
  readonly unit: string;
  readonly price: number;
  readonly tax: { readonly kind: string; readonly rateBp: number };
  readonly requiresMarkingCode?: boolean;
};

/** 100 million somoni: far above any price, and it keeps quantity × price an exact integer. */
export const MAX_PRICE = 10_000_000_000;
export const MAX_NAME_LENGTH = 128;
const CODE_PATTERN = /^[\p{L}\p{N}._\-/]{1,32}$/u;

export type Catalogue = {
  readonly byCode: ReadonlyMap<string, Product>;
  /** GTIN padded to 14 digits → product code. */
  readonly byGtin: ReadonlyMap<string, string>;
};

export const emptyCatalogue = (): Catalogue => ({ byCode: new Map(), byGtin: new Map() });

const gtin14 = (gtin: string): string | undefined => {
  const c = checkGtin(gtin);
  return c.isValid ? c.gtin14 : undefined;
};

/** Every problem of a product as entered; a product with none is returned normalised. */
export function validateProduct(input: ProductInput): Result<Product, readonly FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const gtin = input.gtin?.trim() || undefined;
  if (gtin !== undefined) {
    const check = checkGtin(gtin);
    if (!check.isValid) problems.push({ field: 'gtin', code: check.reason === 'FORMAT' ? 'GTIN_FORMAT_INVALID' : 'GTIN_CHECK_DIGIT_WRONG' });
  }
  const code = input.code?.trim() || gtin;
  if (code === undefined) problems.push({ field: 'code', code: 'PRODUCT_CODE_MISSING' });
  else if (!CODE_PATTERN.test(code)) problems.push({ field: 'code', code: 'PRODUCT_CODE_INVALID' });
  const name = normaliseName(input.name);
  if (name.tg === '') problems.push({ field: 'name.tg', code: 'PRODUCT_NAME_MISSING' });
  for (const lang of ['tg', 'ru', 'en'] as const) {
    if ((name[lang]?.length ?? 0) > MAX_NAME_LENGTH) problems.push({ field: `name.${lang}`, code: 'PRODUCT_NAME_TOO_LONG' });
  }
  if (!isUnitCode(input.unit)) problems.push({ field: 'unit', code: 'UNIT_UNKNOWN' });
  if (!Number.isInteger(input.price) || input.price <= 0 || input.price > MAX_PRICE) problems.push({ field: 'price', code: 'PRICE_INVALID' });
  problems.push(...taxProblems(input.tax));
  if (problems.length > 0 || code === undefined || !isUnitCode(input.unit)) return err(problems);
  return ok({
    code,
    ...(gtin ? { gtin } : {}),
    name,
    unit: input.unit,
    price: input.price,
    tax: { kind: input.tax.kind as TaxKind, rateBp: input.tax.rateBp },
    requiresMarkingCode: input.requiresMarkingCode ?? false,
  });
}

function normaliseName(n: ProductName): ProductName {
  const ru = n.ru?.trim();
  const en = n.en?.trim();
  return { tg: n.tg.trim(), ...(ru ? { ru } : {}), ...(en ? { en } : {}) };
}

/** p.9 fields 10-11: VAT and the simplified regime have a positive rate; "no tax" has rate 0 (the operator refuses a rate without tax). */
function taxProblems(tax: { readonly kind: string; readonly rateBp: number }): FieldProblem[] {
  if (!(TAX_KINDS as readonly string[]).includes(tax.kind)) return [{ field: 'tax.kind', code: 'TAX_KIND_UNKNOWN' }];
  const isValidRate = Number.isInteger(tax.rateBp) && (tax.kind === 'none' ? tax.rateBp === 0 : tax.rateBp > 0 && tax.rateBp <= 10_000);
  return isValidRate ? [] : [{ field: 'tax.rateBp', code: 'TAX_RATE_INVALID' }];
}

/** Adds a new product; its code and GTIN must be free. */
export function addProduct(catalogue: Catalogue, input: ProductInput): Result<Catalogue, Failure<'PRODUCT_INVALID' | 'PRODUCT_CODE_TAKEN' | 'GTIN_TAKEN'>> {
  const valid = validateProduct(input);
  if (!valid.ok) return fail('PRODUCT_INVALID', valid.error[0]?.field, { problems: valid.error });
  if (catalogue.byCode.has(valid.value.code)) return fail('PRODUCT_CODE_TAKEN', 'code');
  return place(catalogue, valid.value);
}

/** Replaces a product under its code with what the user entered; the code itself does not change. */
export function editProduct(
  catalogue: Catalogue,
  code: string,
  input: Omit<ProductInput, 'code'>,
): Result<Catalogue, Failure<'PRODUCT_NOT_FOUND' | 'PRODUCT_INVALID' | 'GTIN_TAKEN'>> {
  if (!catalogue.byCode.has(code)) return fail('PRODUCT_NOT_FOUND', 'code');
  const valid = validateProduct({ ...input, code });
  if (!valid.ok) return fail('PRODUCT_INVALID', valid.error[0]?.field, { problems: valid.error });
  return place(catalogue, valid.value);
}

/** Puts a valid product in the catalogue (new or replacing the one with its code). */
function place(catalogue: Catalogue, product: Product): Result<Catalogue, Failure<'GTIN_TAKEN'>> {
  const key = product.gtin ? gtin14(product.gtin) : undefined;
  const holder = key ? catalogue.byGtin.get(key) : undefined;
  if (holder !== undefined && holder !== product.code) return fail('GTIN_TAKEN', 'gtin', { code: holder });
  const byCode = new Map(catalogue.byCode);
  const byGtin = new Map(catalogue.byGtin);
  const before = byCode.get(product.code);
  const oldKey = before?.gtin ? gtin14(before.gtin) : undefined;
  if (oldKey) byGtin.delete(oldKey);
  byCode.set(product.code, product);
  if (key) byGtin.set(key, product.code);
  return ok({ byCode, byGtin });
}

/** Puts many valid products at once (an import): all of them, or none when a GTIN belongs to another product. */
export function placeProducts(catalogue: Catalogue, products: readonly Product[]): Result<Catalogue, Failure<'GTIN_TAKEN'>> {
  let next = catalogue;
  for (const p of products) {
    const placed = place(next, p);
    if (!placed.ok) return placed;
    next = placed.value;
  }
  return ok(next);
}

/**
 * Lookup by the article code, or by a scanned or typed GTIN in any of its lengths (an EAN-13 finds
 * the product stored with its GTIN-14 form and the other way round).
 */
export function findProduct(catalogue: Catalogue, code: string): Product | undefined {
  const exact = catalogue.byCode.get(code);
  if (exact) return exact;
  const key = gtin14(code);
  const holder = key ? catalogue.byGtin.get(key) : undefined;
  return holder === undefined ? undefined : catalogue.byCode.get(holder);
}

export function getProduct(catalogue: Catalogue, code: string): Result<Product, Failure<'PRODUCT_NOT_FOUND'>> {
  const p = findProduct(catalogue, code);
  return p ? ok(p) : fail('PRODUCT_NOT_FOUND', 'code', { code });
}

/** The product list in a stable order (by name in Tajik, then by code). */
export function listProducts(catalogue: Catalogue): Product[] {
  return [...catalogue.byCode.values()].sort((a, b) => a.name.tg.localeCompare(b.name.tg, 'tg') || a.code.localeCompare(b.code));
}

/** The unit as a receipt line carries it: the Tajik short name (receipts are mostly in the state language, p.65, p.68). */
export const unitOnReceipt = (unit: UnitCode): string => UNITS[unit].label.tg;

/**
 * Import of a product list from a spreadsheet (p.5, p.65 item 6, p.68 item 5). The rows are already
 * split from CSV (platform/csv.ts parseCsv: one record per row, keyed by the header, empty cells left
 * out). Every problem of every row is reported with its line; if any row is bad, nothing is accepted.
 *
 * Columns (header row, any order): `code`, `gtin`, `name_tg` (required), `name_ru`, `name_en`,
 * `unit` (piece, pack, service, kg, litre, metre, m2, m3), `price` in somoni with up to two decimals
 * (`12.50` or `12,50`), `tax_kind` (vat, simplified, none), `tax_rate` in per cent with up to two
 * decimals (`14`, `0`), `marking` (yes/no, 1/0, true/false, ҳа/не, да/нет).
 */
export const CATALOGUE_COLUMNS = ['code', 'gtin', 'name_tg', 'name_ru', 'name_en', 'unit', 'price', 'tax_kind', 'tax_rate', 'marking'] as const;

/** Parses "12.50" or "12,50" somoni into dirams; undefined when it is not such a number. */
export function parseSomoni(text: string): number | undefined {
  const m = /^(\d{1,8})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Parses a rate in per cent ("14", "12.5") into basis points; undefined when it is not such a number. */
export function parsePercent(text: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const YES = new Set(['yes', 'true', '1', 'ҳа', 'да']);
const NO = new Set(['no', 'false', '0', 'не', 'нет', '']);

/**
 * Validates the rows of a product-list file. `firstLine` is the file line of the first data row
 * (2 when the header is line 1). Nothing is accepted while any row has a problem.
 */
export function parseCatalogueRows(rows: readonly Readonly<Record<string, string>>[], firstLine = 2): Result<Product[], Failure<'CATALOGUE_IMPORT_INVALID'>> {
  const problems: FieldProblem[] = [];
  const products: Product[] = [];
  const seenCodes = new Map<string, number>();
  const seenGtins = new Map<string, number>();
  const unknownColumns = new Set<string>();
  rows.forEach((row, i) => {
    const line = firstLine + i;
    for (const column of Object.keys(row)) {
      if (!(CATALOGUE_COLUMNS as readonly string[]).includes(column) && !unknownColumns.has(column)) {
        unknownColumns.add(column);
        problems.push({ line, field: column, code: 'COLUMN_UNKNOWN' });
      }
    }
    const parsed = parseRow(row);
    problems.push(...parsed.problems.map((p) => ({ ...p, line })));
    if (!parsed.product) return;
    const p = parsed.product;
    if (seenCodes.has(p.code)) problems.push({ line, field: 'code', code: 'PRODUCT_CODE_REPEATED', details: { firstLine: seenCodes.get(p.code) } });
    else seenCodes.set(p.code, line);
    const check = p.gtin ? checkGtin(p.gtin) : undefined;
    if (check?.isValid) {
      if (seenGtins.has(check.gtin14)) problems.push({ line, field: 'gtin', code: 'GTIN_REPEATED', details: { firstLine: seenGtins.get(check.gtin14) } });
      else seenGtins.set(check.gtin14, line);
    }
    products.push(p);
  });
  if (problems.length > 0) return fail('CATALOGUE_IMPORT_INVALID', undefined, { problems });
  return ok(products);
}

function parseRow(row: Readonly<Record<string, string>>): { product?: Product; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const price = parseSomoni(row.price ?? '');
  if (price === undefined) problems.push({ field: 'price', code: 'PRICE_INVALID' });
  const kind = (row.tax_kind ?? '').trim().toLowerCase();
  const rateBp = parsePercent(row.tax_rate ?? (kind === 'none' ? '0' : ''));
  if (rateBp === undefined) problems.push({ field: 'tax_rate', code: 'TAX_RATE_INVALID' });
  const marking = (row.marking ?? '').trim().toLowerCase();
  if (!YES.has(marking) && !NO.has(marking)) problems.push({ field: 'marking', code: 'MARKING_FLAG_INVALID' });
  const valid = validateProduct({
    ...(row.code !== undefined ? { code: row.code } : {}),
    ...(row.gtin !== undefined ? { gtin: row.gtin } : {}),
    name: { tg: row.name_tg ?? '', ...(row.name_ru !== undefined ? { ru: row.name_ru } : {}), ...(row.name_en !== undefined ? { en: row.name_en } : {}) },
    unit: (row.unit ?? '').trim(),
    price: price ?? 1,
    tax: { kind, rateBp: rateBp ?? 0 },
    requiresMarkingCode: YES.has(marking),
  });
  // Column names of the file, not the fields of the product, so that a user finds the cell.
  const column: Record<string, string> = { 'name.tg': 'name_tg', 'name.ru': 'name_ru', 'name.en': 'name_en', 'tax.kind': 'tax_kind', 'tax.rateBp': 'tax_rate' };
  if (!valid.ok) {
    for (const p of valid.error) {
      if (p.field === 'tax.rateBp' && rateBp === undefined) continue;
      problems.push({ ...p, field: column[p.field] ?? p.field });
    }
  }
  return problems.length > 0 || !valid.ok ? { problems } : { product: valid.value, problems };
}
