/**
 * Checks an indicator a risk analyst wrote as JSON (art.428 i.12, CUS-RMS-14) before it is stored
 * or compiled, with the path of each fault (`indicator.of[1].values[3]`), and names the art.429
 * objects of analysis an indicator reads (CUS-RMS-16). The language is described in docs/risk-engine.md.
 */
import type { ProblemCatalogue } from '../../../platform/problems.ts';
import { err, ok, type Result } from '../../../platform/result.ts';
import { type Indicator, NUMBER_FIELDS, type NumberField, OBJECTS_OF_ANALYSIS, type ObjectOfAnalysis, TEXT_FIELDS, type TextField } from './model.ts';

export type IndicatorErrorCode =
  | 'RISK_INDICATOR_NOT_OBJECT'
  | 'RISK_INDICATOR_OP_UNKNOWN'
  | 'RISK_INDICATOR_PROPERTY_UNKNOWN'
  | 'RISK_INDICATOR_PROPERTY_MISSING'
  | 'RISK_INDICATOR_TYPE_INVALID'
  | 'RISK_INDICATOR_FIELD_UNKNOWN'
  | 'RISK_INDICATOR_OP_NOT_FOR_FIELD'
  | 'RISK_INDICATOR_VALUES_EMPTY'
  | 'RISK_INDICATOR_VALUES_TOO_MANY'
  | 'RISK_INDICATOR_VALUE_INVALID'
  | 'RISK_INDICATOR_CMP_UNKNOWN'
  | 'RISK_INDICATOR_RATIO_OUT_OF_RANGE'
  | 'RISK_INDICATOR_TABLE_UNKNOWN'
  | 'RISK_INDICATOR_COMBINATION_EMPTY'
  | 'RISK_INDICATOR_TOO_DEEP'
  | 'RISK_INDICATOR_TOO_LARGE';

/** One fault of an indicator: its code, the path of the part at fault and, when useful, what was expected. */
export type IndicatorProblem = { readonly code: IndicatorErrorCode; readonly field: string; readonly details?: Record<string, unknown> };

export const INDICATOR_LIMITS = { depth: 8, valuesPerList: 500, nodes: 256, values: 5000, textLength: 64, ratioMax: 10, numberAbs: 1e15 } as const;

export const indicatorProblems = {
  /** The indicator, or a part of a combination, is not a JSON object. */
  RISK_INDICATOR_NOT_OBJECT: {
    status: 422,
    title: { tg: 'Индикатор бояд объекти JSON бошад', ru: 'Индикатор должен быть объектом JSON', en: 'An indicator must be a JSON object' },
  },
  /** `op` is missing or not one of in, not_in, prefix, contains, compare, below_reference, first_time, route_deviation, missing_document, all, any, not. */
  RISK_INDICATOR_OP_UNKNOWN: {
    status: 422,
    title: { tg: 'Амали номаълуми индикатор', ru: 'Неизвестная операция индикатора', en: 'Unknown indicator operation' },
  },
  /** A property the operation does not take (a typo is an error, not ignored); `details.allowed` lists the properties. */
  RISK_INDICATOR_PROPERTY_UNKNOWN: {
    status: 422,
    title: {
      tg: 'Индикатор майдонеро дорад, ки амали он пешбинӣ намекунад',
      ru: 'Индикатор содержит поле, не предусмотренное его операцией',
      en: 'The indicator has a property its operation does not take',
    },
  },
  /** A property the operation needs is absent (`field`, `values`, `cmp`, `value`, `table`, `ratio`, `typeCode` or `of`). */
  RISK_INDICATOR_PROPERTY_MISSING: {
    status: 422,
    title: { tg: 'Майдони ҳатмии индикатор холӣ аст', ru: 'Не заполнено обязательное поле индикатора', en: 'A required property of the indicator is missing' },
  },
  /** A property has the wrong JSON type (`details.expected`: string, number, list). */
  RISK_INDICATOR_TYPE_INVALID: {
    status: 422,
    title: { tg: 'Майдони индикатор навъи нодуруст дорад', ru: 'Поле индикатора имеет неверный тип', en: 'A property of the indicator has the wrong type' },
  },
  /** `field` is not a field of analysis of the operation's kind (text or number); `details.allowed` lists them. */
  RISK_INDICATOR_FIELD_UNKNOWN: {
    status: 422,
    title: {
      tg: 'Индикатор ба майдони номаълуми таҳлил ишора мекунад',
      ru: 'Индикатор ссылается на неизвестное поле анализа',
      en: 'The indicator names an unknown field of analysis',
    },
  },
  /** The operation does not apply to the field: `compare` on a text field, a text operation on a number, `contains` outside the description, `prefix` on a country. */
  RISK_INDICATOR_OP_NOT_FOR_FIELD: {
    status: 422,
    title: { tg: 'Ин амал ба ин майдон татбиқ намешавад', ru: 'Эта операция неприменима к этому полю', en: 'This operation cannot be applied to this field' },
  },
  /** `values` is an empty list: the indicator could never match (or always, for not_in). */
  RISK_INDICATOR_VALUES_EMPTY: {
    status: 422,
    title: { tg: 'Рӯйхати қиматҳо холӣ аст', ru: 'Список значений пуст', en: 'The list of values is empty' },
  },
  /** More than 500 values in one list: split the list over several profiles. */
  RISK_INDICATOR_VALUES_TOO_MANY: {
    status: 422,
    title: { tg: 'Дар як рӯйхат зиёда аз 500 қимат', ru: 'Более 500 значений в одном списке', en: 'More than 500 values in one list' },
  },
  /** A value does not have the field's form (`details.expected`): ten digits of a code, a prefix of 2-10 digits, an ISO country, one word… */
  RISK_INDICATOR_VALUE_INVALID: {
    status: 422,
    title: { tg: 'Қимат ба майдон мувофиқ нест', ru: 'Значение не соответствует полю', en: 'A value does not fit the field' },
  },
  /** `cmp` is not one of lt, le, gt, ge, eq. */
  RISK_INDICATOR_CMP_UNKNOWN: {
    status: 422,
    title: { tg: 'Амали муқоисаи номаълум', ru: 'Неизвестный оператор сравнения', en: 'Unknown comparison' },
  },
  /** `ratio` of below_reference is not above 0 and at most 10 (0.5 means half the reference price). */
  RISK_INDICATOR_RATIO_OUT_OF_RANGE: {
    status: 422,
    title: {
      tg: 'Коэффитсиент бояд аз 0 зиёд ва на зиёда аз 10 бошад',
      ru: 'Коэффициент должен быть больше 0 и не больше 10',
      en: 'The ratio must be above 0 and at most 10',
    },
  },
  /** below_reference names a reference price table that does not exist: import the table first. */
  RISK_INDICATOR_TABLE_UNKNOWN: {
    status: 422,
    title: {
      tg: 'Ҷадвали нархҳои истинодӣ бо ин ном ёфт нашуд',
      ru: 'Таблица справочных цен с таким именем не найдена',
      en: 'No reference price table with this name',
    },
  },
  /** `all` or `any` with an empty `of`. */
  RISK_INDICATOR_COMBINATION_EMPTY: {
    status: 422,
    title: {
      tg: 'Омезиш бояд ақаллан як индикатор дошта бошад',
      ru: 'Комбинация должна содержать хотя бы один индикатор',
      en: 'A combination must hold at least one indicator',
    },
  },
  /** Combinations nested more than 8 levels deep. */
  RISK_INDICATOR_TOO_DEEP: {
    status: 422,
    title: {
      tg: 'Индикаторҳо зиёда аз 8 сатҳ дар ҳамдигар ҷойгиранд',
      ru: 'Вложенность индикаторов превышает 8 уровней',
      en: 'Indicators are nested more than 8 levels deep',
    },
  },
  /** More than 256 parts, or more than 5,000 values in all. */
  RISK_INDICATOR_TOO_LARGE: {
    status: 422,
    title: {
      tg: 'Индикатор аз ҳад калон аст (зиёда аз 256 қисм ё 5 000 қимат)',
      ru: 'Индикатор слишком велик (более 256 частей или 5 000 значений)',
      en: 'The indicator is too large (more than 256 parts or 5,000 values)',
    },
  },
} as const satisfies ProblemCatalogue<IndicatorErrorCode>;

const TEXT_OPS = ['in', 'not_in', 'prefix', 'contains'] as const;
const CMPS = ['lt', 'le', 'gt', 'ge', 'eq'] as const;
const PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  in: ['op', 'field', 'values'],
  not_in: ['op', 'field', 'values'],
  prefix: ['op', 'field', 'values'],
  contains: ['op', 'field', 'values'],
  compare: ['op', 'field', 'cmp', 'value'],
  below_reference: ['op', 'table', 'ratio'],
  first_time: ['op'],
  route_deviation: ['op'],
  missing_document: ['op', 'typeCode'],
  all: ['op', 'of'],
  any: ['op', 'of'],
  not: ['op', 'of'],
};

/** A value's form per text field; `prefix` is refused where a part of the value means nothing. */
type Form = { readonly test: (v: string) => boolean; readonly expected: string };
const code10: Form = { test: (v) => /^\d{10}$/.test(v), expected: 'ten digits of the commodity code' };
const codePrefix: Form = { test: (v) => /^\d{2,10}$/.test(v), expected: '2 to 10 digits of the commodity code' };
const country: Form = { test: (v) => /^[A-Z]{2}$/.test(v), expected: 'ISO 3166 alpha-2 country, upper case' };
const text: Form = {
  test: (v) => v.length > 0 && v.length <= INDICATOR_LIMITS.textLength && v.trim() === v && !/\p{Cc}/u.test(v),
  expected: `1 to ${INDICATOR_LIMITS.textLength} characters, no surrounding spaces`,
};
const lowerText: Form = { test: (v) => text.test(v) && v.toLowerCase() === v, expected: 'a lower-case category' };
const word: Form = { test: (v) => v.length <= INDICATOR_LIMITS.textLength && /^[\p{L}\p{N}]+$/u.test(v), expected: 'one word of letters and digits' };
const direction: Form = { test: (v) => v === 'import' || v === 'export' || v === 'transit', expected: 'import, export or transit' };

function formOf(field: TextField, op: (typeof TEXT_OPS)[number]): Form | undefined {
  if (field === 'item.description') return op === 'contains' ? word : undefined;
  if (op === 'contains') return undefined;
  switch (field) {
    case 'item.commodityCode':
      return op === 'prefix' ? codePrefix : code10;
    case 'item.originCountry':
    case 'countryOfDispatch':
    case 'countryOfDestination':
      return op === 'prefix' ? undefined : country;
    case 'direction':
      return op === 'prefix' ? undefined : direction;
    case 'item.goodsCategory':
      return op === 'prefix' ? undefined : lowerText;
    case 'transportMode':
      return op === 'prefix' ? undefined : text;
    default:
      return text;
  }
}

type Walk = { readonly problems: IndicatorProblem[]; readonly tables: ReadonlySet<string> | undefined; nodes: number; values: number };
const MAX_PROBLEMS = 100;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.hasOwn(o, k);

/**
 * Validates an indicator written as JSON. Returns a fresh copy typed as `Indicator`, or every
 * fault found (at most 100) with its path from `path` (default `indicator`).
 */
export function checkIndicator(
  indicator: unknown,
  options: { readonly path?: string; readonly tables?: ReadonlySet<string> } = {},
): Result<Indicator, IndicatorProblem[]> {
  const w: Walk = { problems: [], tables: options.tables, nodes: 0, values: 0 };
  const path = options.path ?? 'indicator';
  const checked = node(w, indicator, path, 1);
  if (w.nodes > INDICATOR_LIMITS.nodes || w.values > INDICATOR_LIMITS.values) {
    add(w, 'RISK_INDICATOR_TOO_LARGE', path, { nodes: w.nodes, values: w.values, maxNodes: INDICATOR_LIMITS.nodes, maxValues: INDICATOR_LIMITS.values });
  }
  return w.problems.length === 0 && checked ? ok(checked) : err(w.problems.slice(0, MAX_PROBLEMS));
}

function add(w: Walk, code: IndicatorErrorCode, field: string, details?: Record<string, unknown>): undefined {
  if (w.problems.length < MAX_PROBLEMS) w.problems.push(details ? { code, field, details } : { code, field });
  return undefined;
}

function node(w: Walk, v: unknown, path: string, depth: number): Indicator | undefined {
  if (!isObject(v)) return add(w, 'RISK_INDICATOR_NOT_OBJECT', path);
  if (depth > INDICATOR_LIMITS.depth) return add(w, 'RISK_INDICATOR_TOO_DEEP', path, { max: INDICATOR_LIMITS.depth });
  w.nodes++;
  const op = v.op;
  const allowed = typeof op === 'string' && has(PROPERTIES, op) ? PROPERTIES[op] : undefined;
  if (!allowed) return add(w, 'RISK_INDICATOR_OP_UNKNOWN', `${path}.op`, { allowed: Object.keys(PROPERTIES) });
  const before = w.problems.length;
  for (const key of Object.keys(v)) if (!allowed.includes(key)) add(w, 'RISK_INDICATOR_PROPERTY_UNKNOWN', `${path}.${key}`, { allowed });
  for (const key of allowed) if (!has(v, key)) add(w, 'RISK_INDICATOR_PROPERTY_MISSING', `${path}.${key}`);
  if (w.problems.length > before) return undefined;
  switch (op) {
    case 'in':
    case 'not_in':
    case 'prefix':
    case 'contains':
      return textNode(w, v, op, path);
    case 'compare':
      return compareNode(w, v, path);
    case 'below_reference':
      return belowReferenceNode(w, v, path);
    case 'first_time':
    case 'route_deviation':
      return { op };
    case 'missing_document':
      if (typeof v.typeCode !== 'string') return add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.typeCode`, { expected: 'string' });
      if (!text.test(v.typeCode)) return add(w, 'RISK_INDICATOR_VALUE_INVALID', `${path}.typeCode`, { expected: text.expected });
      return { op, typeCode: v.typeCode };
    case 'not': {
      const of = node(w, v.of, `${path}.of`, depth + 1);
      return of && { op, of };
    }
    default:
      return combinationNode(w, v.of, op as 'all' | 'any', path, depth);
  }
}

function textNode(w: Walk, v: Record<string, unknown>, op: (typeof TEXT_OPS)[number], path: string): Indicator | undefined {
  const field = v.field;
  if (typeof field !== 'string') return add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.field`, { expected: 'string' });
  if (!has(TEXT_FIELDS, field)) {
    return has(NUMBER_FIELDS, field)
      ? add(w, 'RISK_INDICATOR_OP_NOT_FOR_FIELD', `${path}.op`, { field, expected: 'compare' })
      : add(w, 'RISK_INDICATOR_FIELD_UNKNOWN', `${path}.field`, { allowed: Object.keys(TEXT_FIELDS) });
  }
  const form = formOf(field as TextField, op);
  if (!form) return add(w, 'RISK_INDICATOR_OP_NOT_FOR_FIELD', `${path}.op`, { field });
  const values = v.values;
  if (!Array.isArray(values)) return add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.values`, { expected: 'list' });
  if (values.length === 0) return add(w, 'RISK_INDICATOR_VALUES_EMPTY', `${path}.values`);
  if (values.length > INDICATOR_LIMITS.valuesPerList) {
    return add(w, 'RISK_INDICATOR_VALUES_TOO_MANY', `${path}.values`, { count: values.length, max: INDICATOR_LIMITS.valuesPerList });
  }
  w.values += values.length;
  const before = w.problems.length;
  values.forEach((value, k) => {
    if (typeof value !== 'string') add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.values[${k}]`, { expected: 'string' });
    else if (!form.test(value)) add(w, 'RISK_INDICATOR_VALUE_INVALID', `${path}.values[${k}]`, { expected: form.expected });
  });
  return w.problems.length > before ? undefined : { op, field: field as TextField, values: [...(values as string[])] };
}

function compareNode(w: Walk, v: Record<string, unknown>, path: string): Indicator | undefined {
  const { field, cmp, value } = v;
  const before = w.problems.length;
  if (typeof field !== 'string') add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.field`, { expected: 'string' });
  else if (!has(NUMBER_FIELDS, field)) {
    if (has(TEXT_FIELDS, field)) add(w, 'RISK_INDICATOR_OP_NOT_FOR_FIELD', `${path}.op`, { field, expected: 'in, not_in, prefix or contains' });
    else add(w, 'RISK_INDICATOR_FIELD_UNKNOWN', `${path}.field`, { allowed: Object.keys(NUMBER_FIELDS) });
  }
  if (typeof cmp !== 'string' || !(CMPS as readonly string[]).includes(cmp)) add(w, 'RISK_INDICATOR_CMP_UNKNOWN', `${path}.cmp`, { allowed: CMPS });
  if (typeof value !== 'number') add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.value`, { expected: 'number' });
  else if (!Number.isFinite(value) || Math.abs(value) > INDICATOR_LIMITS.numberAbs) {
    add(w, 'RISK_INDICATOR_VALUE_INVALID', `${path}.value`, { expected: `a number within ±${INDICATOR_LIMITS.numberAbs}` });
  }
  if (w.problems.length > before) return undefined;
  return { op: 'compare', field: field as NumberField, cmp: cmp as (typeof CMPS)[number], value: value as number };
}

function belowReferenceNode(w: Walk, v: Record<string, unknown>, path: string): Indicator | undefined {
  const { table, ratio } = v;
  const before = w.problems.length;
  if (typeof table !== 'string') add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.table`, { expected: 'string' });
  else if (!text.test(table)) add(w, 'RISK_INDICATOR_VALUE_INVALID', `${path}.table`, { expected: text.expected });
  else if (w.tables && !w.tables.has(table)) add(w, 'RISK_INDICATOR_TABLE_UNKNOWN', `${path}.table`, { table });
  if (typeof ratio !== 'number') add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.ratio`, { expected: 'number' });
  else if (!(ratio > 0 && ratio <= INDICATOR_LIMITS.ratioMax))
    add(w, 'RISK_INDICATOR_RATIO_OUT_OF_RANGE', `${path}.ratio`, { min: 0, max: INDICATOR_LIMITS.ratioMax });
  return w.problems.length > before ? undefined : { op: 'below_reference', table: table as string, ratio: ratio as number };
}

function combinationNode(w: Walk, of: unknown, op: 'all' | 'any', path: string, depth: number): Indicator | undefined {
  if (!Array.isArray(of)) return add(w, 'RISK_INDICATOR_TYPE_INVALID', `${path}.of`, { expected: 'list' });
  if (of.length === 0) return add(w, 'RISK_INDICATOR_COMBINATION_EMPTY', `${path}.of`);
  if (of.length > INDICATOR_LIMITS.nodes) return add(w, 'RISK_INDICATOR_TOO_LARGE', `${path}.of`, { maxNodes: INDICATOR_LIMITS.nodes });
  const parts = of.map((part, k) => node(w, part, `${path}.of[${k}]`, depth + 1));
  return parts.every((p) => p !== undefined) ? { op, of: parts as Indicator[] } : undefined;
}

/**
 * The art.429 objects of analysis an indicator reads (CUS-RMS-16), in the article's order: the
 * fields' objects, below_reference → customs value and commodity code, first_time → the trader,
 * route_deviation → the route, missing_document → the documents.
 */
export function objectsOf(indicator: Indicator): ObjectOfAnalysis[] {
  const found = new Set<ObjectOfAnalysis>();
  const visit = (i: Indicator): void => {
    switch (i.op) {
      case 'in':
      case 'not_in':
      case 'prefix':
      case 'contains':
        found.add(TEXT_FIELDS[i.field]);
        return;
      case 'compare':
        found.add(NUMBER_FIELDS[i.field]);
        return;
      case 'below_reference':
        found.add('customs_value').add('commodity_code');
        return;
      case 'first_time':
        found.add('trader');
        return;
      case 'route_deviation':
        found.add('route');
        return;
      case 'missing_document':
        found.add('documents');
        return;
      case 'not':
        visit(i.of);
        return;
      default:
        i.of.forEach(visit);
    }
  };
  visit(indicator);
  return OBJECTS_OF_ANALYSIS.filter((o) => found.has(o));
}
