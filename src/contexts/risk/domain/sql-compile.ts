/**
 * Compiles an indicator (domain/model.ts) to a SQL boolean expression over one row `s` of
 * risk.subjects, so that a draft profile is tried on past declarations inside the database
 * (CUS-RMS-20 step 5; research/customs-anchors.md "any release can be replayed against profiles").
 *
 * The SQL means exactly what the in-process evaluator means:
 * - an indicator that reads an item field (or `below_reference`) holds when ONE item meets the whole
 *   indicator together with the subject's fields: `EXISTS (… risk.subject_items i …)`; any other
 *   indicator is one plain expression over `s`;
 * - multi-valued fields (vehicle, routeOffice, documentType, item.goodsCategory) match when any value
 *   does; `not_in` holds when none does; an absent broker TIN holds no value;
 * - every sub-expression is two-valued (never NULL), so `not` negates exactly as JavaScript does.
 *
 * Every value of the indicator is a bind parameter (`$n`, all sent as text and cast in SQL), never
 * part of the SQL text. Pure: the application turns `{ text, params }` into a query.
 */
import type { IsoDate } from '../../../platform/calendar/time.ts';
import { wordsOf } from './evaluate.ts';
import type { Indicator, NumberField, SubjectKind, TextField } from './model.ts';

export type CompiledIndicator = {
  /** The predicate over `s`: a plain expression, or EXISTS over the subject's items. */
  readonly predicate: string;
  /** The condition over `s` and one item `i` of `items` (equal to `predicate` when no item field is read). */
  readonly condition: string;
  /** The FROM list of the items: `risk.subject_items i`, with a LEFT JOIN of each price table `below_reference` names. */
  readonly items: string;
  readonly readsItems: boolean;
  /** The bind parameters; `$n` is params[n - 1]. */
  readonly params: string[];
};

/** Whether an indicator reads an item, so that it is evaluated per item. */
export function readsItems(indicator: Indicator): boolean {
  switch (indicator.op) {
    case 'in':
    case 'not_in':
    case 'prefix':
    case 'contains':
    case 'compare':
      return indicator.field.startsWith('item.');
    case 'below_reference':
      return true;
    case 'all':
    case 'any':
      return indicator.of.some(readsItems);
    case 'not':
      return readsItems(indicator.of);
    default:
      return false;
  }
}

/**
 * Compiles `indicator`; parameters are appended to `params` (pass the caller's own list to put the
 * indicator after parameters of its own).
 */
export function compileIndicator(indicator: Indicator, params: string[] = []): CompiledIndicator {
  const ctx: Ctx = { params, prices: new Map(), joins: [] };
  const condition = expression(indicator, ctx);
  const isItemLevel = readsItems(indicator);
  const items = ['risk.subject_items i', ...ctx.joins].join(' ');
  const predicate = isItemLevel ? `EXISTS (SELECT 1 FROM ${items} WHERE i.subject_id = s.id AND ${condition})` : condition;
  return { predicate, condition, items, readsItems: isItemLevel, params };
}

/** The parameters, and the alias of each price table joined to the items. */
type Ctx = { readonly params: string[]; readonly prices: Map<string, string>; readonly joins: string[] };

/** Which stored subjects a simulation reads: kinds, and Dushanbe days of registration (both inclusive). */
export type SimulationScope = { readonly subjects?: readonly SubjectKind[]; readonly from?: IsoDate; readonly to?: IsoDate };

/** The scope as a condition over `s` (`true` when it is the whole store); parameters appended to `params`. */
export function compileScope(scope: SimulationScope, params: string[]): string {
  const parts: string[] = [];
  if (scope.subjects) parts.push(`s.kind = ANY (${bind(params, pgTextArray(scope.subjects), 'text[]')})`);
  if (scope.from) parts.push(`s.registered_on >= ${bind(params, scope.from, 'date')}`);
  if (scope.to) parts.push(`s.registered_on <= ${bind(params, scope.to, 'date')}`);
  return parts.length === 0 ? 'true' : parts.join(' AND ');
}

type Column = { readonly sql: string; readonly isMulti: boolean; readonly isNullable?: boolean };

const TEXT_COLUMNS: Readonly<Record<TextField, Column>> = {
  'item.commodityCode': { sql: 'i.commodity_code', isMulti: false },
  'item.description': { sql: 'i.description', isMulti: false },
  'item.goodsCategory': { sql: 'i.goods_categories', isMulti: true },
  'item.originCountry': { sql: 'i.origin_country', isMulti: false },
  countryOfDispatch: { sql: 's.country_of_dispatch', isMulti: false },
  countryOfDestination: { sql: 's.country_of_destination', isMulti: false },
  vehicle: { sql: 's.vehicles', isMulti: true },
  transportMode: { sql: 's.transport_mode', isMulti: false },
  routeOffice: { sql: 's.route', isMulti: true },
  officeCode: { sql: 's.office_code', isMulti: false },
  traderCode: { sql: 's.trader_code', isMulti: false },
  brokerTin: { sql: 's.broker_tin', isMulti: false, isNullable: true },
  documentType: { sql: 's.document_types', isMulti: true },
  regime: { sql: 's.regime', isMulti: false },
  direction: { sql: 's.direction', isMulti: false },
};

/** `item.valuePerUnit` (evaluate.ts valuePerUnit): the customs value per unit of quantity; NULL (no match) unless the quantity is above 0. */
const VALUE_PER_UNIT =
  '(CASE WHEN COALESCE(i.supplementary_quantity, i.net_mass_kg) > 0 THEN i.customs_value / COALESCE(i.supplementary_quantity, i.net_mass_kg) END)';

const NUMBER_COLUMNS: Readonly<Record<NumberField, string>> = {
  'item.customsValue': 'i.customs_value',
  'item.netMassKg': 'i.net_mass_kg',
  'item.valuePerUnit': VALUE_PER_UNIT,
  totalCustomsValue: 's.total_customs_value',
  itemCount: 's.item_count',
  'trader.violations': 's.trader_violations',
  'trader.debt': 's.trader_debt',
  'trader.declarationsBefore': 's.trader_declarations_before',
};

const CMP = { lt: '<', le: '<=', gt: '>', ge: '>=', eq: '=' } as const;

/** A PostgreSQL array literal of texts, itself sent as one bind parameter. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

const likeEscape = (value: string) => value.replace(/[\\%_]/g, '\\$&');

function bind(params: string[], value: string, cast: 'text' | 'text[]' | 'float8' | 'date'): string {
  params.push(value);
  return `$${params.length}::${cast}`;
}

/**
 * The alias of a price table joined to the items: the price of the item's code in force on the
 * (Dushanbe) day of registration, or NULLs. A join rather than a subquery per item, so that
 * PostgreSQL hashes the few thousand prices once (bench/risk-simulate.ts); periods of one code do
 * not overlap (price-references.ts), so an item meets at most one price row of a table.
 */
function priceAlias(ctx: Ctx, table: string): string {
  const known = ctx.prices.get(table);
  if (known) return known;
  const p = `p${ctx.prices.size + 1}`;
  ctx.prices.set(table, p);
  ctx.joins.push(
    `LEFT JOIN risk.price_references ${p} ON ${p}.table_name = ${bind(ctx.params, table, 'text')} AND ${p}.commodity_code = i.commodity_code` +
      ` AND ${p}.valid_from <= i.registered_on AND (${p}.valid_to IS NULL OR ${p}.valid_to >= i.registered_on)`,
  );
  return p;
}

function expression(indicator: Indicator, ctx: Ctx): string {
  const params = ctx.params;
  switch (indicator.op) {
    case 'in':
    case 'not_in':
    case 'prefix':
    case 'contains':
      return textCondition(indicator.op, TEXT_COLUMNS[indicator.field], indicator.values, params);
    case 'compare': {
      const column = NUMBER_COLUMNS[indicator.field];
      const compared = `${column} ${CMP[indicator.cmp]} ${bind(params, String(indicator.value), 'float8')}`;
      return indicator.field === 'item.valuePerUnit' ? `COALESCE(${compared}, false)` : `(${compared})`;
    }
    case 'below_reference': {
      // No price (NULL) or no quantity: no match.
      const p = priceAlias(ctx, indicator.table);
      return `COALESCE(${VALUE_PER_UNIT} < ${bind(params, String(indicator.ratio), 'float8')} * ${p}.price, false)`;
    }
    case 'first_time':
      return '(s.trader_declarations_before = 0)';
    case 'route_deviation':
      return '(s.planned_route IS NOT NULL AND NOT (s.route <@ s.planned_route))';
    case 'missing_document':
      return `(NOT (${bind(params, indicator.typeCode, 'text')} = ANY (s.document_types)))`;
    case 'all':
      return indicator.of.length === 0 ? 'true' : `(${indicator.of.map((x) => expression(x, ctx)).join(' AND ')})`;
    case 'any':
      return indicator.of.length === 0 ? 'false' : `(${indicator.of.map((x) => expression(x, ctx)).join(' OR ')})`;
    case 'not':
      return `(NOT ${expression(indicator.of, ctx)})`;
  }
}

function textCondition(op: 'in' | 'not_in' | 'prefix' | 'contains', column: Column, values: readonly string[], params: string[]): string {
  if (op === 'in' || op === 'not_in') {
    const list = bind(params, pgTextArray(values), 'text[]');
    const hasAny = column.isMulti ? `(${column.sql} && ${list})` : orFalse(column, `${column.sql} = ANY (${list})`);
    return op === 'in' ? hasAny : `(NOT ${hasAny})`;
  }
  if (op === 'prefix') {
    const patterns = bind(params, pgTextArray(values.map((v) => `${likeEscape(v)}%`)), 'text[]');
    return column.isMulti
      ? `EXISTS (SELECT 1 FROM unnest(${column.sql}) AS v(x) WHERE v.x LIKE ANY (${patterns}))`
      : orFalse(column, `${column.sql} LIKE ANY (${patterns})`);
  }
  // contains (evaluate.ts): the value, lower-cased, is one of the field's words. A value that is not
  // one run of letters and digits can never be a word.
  const words = values.map((v) => v.toLowerCase()).filter((v) => /^[\p{L}\p{N}]+$/u.test(v));
  if (words.length === 0) return 'false';
  const patterns = bind(params, pgTextArray(words.map((w) => `% ${w} %`)), 'text[]');
  if (column.sql === 'i.description') return `(i.description_words LIKE ANY (${patterns}))`;
  // The indicator check allows `contains` on the description only. Other fields hold codes; their
  // words are cut in SQL, which agrees with wordsOf on ASCII text on every server and, on a server
  // with a UTF-8 ctype, on other letters too.
  const wordsSql = (x: string) => `(' ' || array_to_string(regexp_split_to_array(lower(${x}), '[^[:alnum:]]+'), ' ') || ' ')`;
  return column.isMulti
    ? `EXISTS (SELECT 1 FROM unnest(${column.sql}) AS v(x) WHERE ${wordsSql('v.x')} LIKE ANY (${patterns}))`
    : orFalse(column, `${wordsSql(column.sql)} LIKE ANY (${patterns})`);
}

/** A comparison with a nullable column (the broker's TIN) is false, never NULL, when the column is NULL. */
function orFalse(column: Column, condition: string): string {
  return column.isNullable ? `COALESCE(${condition}, false)` : `(${condition})`;
}

/** The stored form of a description's words (evaluate.ts wordsOf), one space apart and around: ' w1 w2 … '. */
export function storedWords(description: string): string {
  const words = [...wordsOf(description)];
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}
