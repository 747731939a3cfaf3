/**
 * The reference tables as data: each field with its column, form and check. One description
 * serves the JSON body, the CSV import, the request schemas and the repository (IMP-07, F-06).
 */
import { isCommodityCode, isCountryCode, isCurrencyCode, isCurrencyNumeric, isForeignPersonCode, isPlainCode, isTin } from './codes.ts';
import type { ReferenceErrorCode } from './errors.ts';

export type FieldKind =
  | { readonly kind: 'text'; readonly max: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly min: number }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'dirams' }
  | { readonly kind: 'decimal'; readonly scale: number }
  | { readonly kind: 'code'; readonly check: (v: string) => boolean; readonly error: ReferenceErrorCode };

export type Field = FieldKind & {
  /** camelCase name in JSON. */
  readonly name: string;
  /** snake_case column in SQL and CSV. */
  readonly column: string;
  readonly required: boolean;
  readonly description: string;
};

export type FieldValue = string | number | readonly string[] | null;
export type ReferenceValues = Readonly<Record<string, FieldValue>>;
export type FieldProblem = { readonly field: string; readonly code: ReferenceErrorCode };

export type TableSpec = {
  readonly name: TableName;
  /** URL segment under /api/customs. */
  readonly path: string;
  readonly title: string;
  /** Names of the fields that identify one history (empty: one series, the calculation indicator). */
  readonly keys: readonly string[];
  readonly fields: readonly Field[];
  /** Rules between fields of one version. */
  readonly check?: (values: ReferenceValues) => FieldProblem | undefined;
};

export const TABLE_NAMES = [
  'offices',
  'commodity_codes',
  'countries',
  'currencies',
  'exchange_rates',
  'document_types',
  'persons',
  'calculation_indicators',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const f = (name: string, column: string, required: boolean, description: string, kind: FieldKind): Field => ({ name, column, required, description, ...kind });
const text = (max: number): FieldKind => ({ kind: 'text', max });
const names = (what: string) => [
  f(`${what}Tg`, `${what}_tg`, true, `${what} in Tajik`, text(500)),
  f(`${what}Ru`, `${what}_ru`, true, `${what} in Russian`, text(500)),
  f(`${what}En`, `${what}_en`, true, `${what} in English`, text(500)),
];
const plainCode = f('code', 'code', true, 'Code: capitals, digits, hyphens', { kind: 'code', check: isPlainCode, error: 'REFERENCE_VALUE_INVALID' });
const bp = (name: string, column: string, required: boolean, description: string, max: number) =>
  f(name, column, required, `${description}, basis points (1250 = 12.5 %)`, { kind: 'int', min: 0, max });

export const DECLARATION_KINDS = ['goods', 'transit', 'preliminary', 'periodic'] as const;
export const REGIMES = [
  'release_for_free_circulation',
  'export',
  'transit',
  'customs_warehouse',
  'temporary_import',
  'temporary_export',
  'processing_inside',
  'processing_outside',
  're_import',
  're_export',
  'free_zone',
  'duty_free_shop',
  'destruction',
  'abandonment',
] as const;
/** Art.125 p.2 i.2: modes of international transport. */
export const TRANSPORT_MODES = ['road', 'river', 'air', 'rail', 'pipeline', 'power_line'] as const;
/** Art.125 p.2 i.1, 3, 4: goods that only assigned offices may accept. */
export const GOODS_ASSIGNMENTS = [
  'cultural_valuables',
  'weapons',
  'military_equipment',
  'radioactive',
  'frequent_violations',
  'prohibitions_restrictions',
  'intellectual_property',
] as const;
export const PERSON_ROLES = ['declarant', 'customs_broker', 'carrier'] as const;
/** Art.126 p.2 i.1–5: when a foreign person may be a declarant. */
export const FOREIGN_GROUNDS = ['personal_use', 'customs_privileges', 'representative_office', 'carrier_transit', 'other_disposal'] as const;

/** Art.126 p.1-2: a domestic person is keyed by TIN in TJ and has no foreign ground; a foreign one needs a ground. */
function checkPerson(v: ReferenceValues): FieldProblem | undefined {
  const code = String(v.code);
  const roles = (v.roles ?? []) as readonly string[];
  if (v.residence === 'domestic') {
    if (!isTin(code) || v.country !== 'TJ') return { field: 'code', code: 'PERSON_CODE_INVALID' };
    if (v.foreignGround !== null && v.foreignGround !== undefined) return { field: 'foreignGround', code: 'FOREIGN_GROUND_INVALID' };
    return undefined;
  }
  if (!isForeignPersonCode(code) || code.slice(0, 2) !== v.country || v.country === 'TJ') return { field: 'code', code: 'PERSON_CODE_INVALID' };
  if (v.foreignGround === null || v.foreignGround === undefined) return { field: 'foreignGround', code: 'FOREIGN_GROUND_INVALID' };
  // Art.126 p.2 i.4: the carrier's ground covers a foreign carrier only (declaring customs transit).
  if (v.foreignGround === 'carrier_transit' && !roles.includes('carrier')) return { field: 'foreignGround', code: 'FOREIGN_GROUND_INVALID' };
  return undefined;
}

export const TABLES: Readonly<Record<TableName, TableSpec>> = {
  offices: {
    name: 'offices',
    path: 'offices',
    title: 'Customs offices and their powers (art.125)',
    keys: ['code'],
    fields: [
      plainCode,
      ...names('name'),
      f('region', 'region', true, 'Region (dushanbe, sughd, khatlon, gbao, rrp)', text(60)),
      f('kind', 'kind', true, 'Border post or inland office', { kind: 'enum', values: ['border', 'inland'] }),
      f('calendarOffice', 'calendar_office', true, 'Working-time calendar (platform.calendar_offices)', {
        kind: 'code',
        check: (c) => /^[a-z0-9-]{1,60}$/.test(c),
        error: 'CALENDAR_OFFICE_UNKNOWN',
      }),
      f('declarationKinds', 'declaration_kinds', true, 'Declarations the office accepts (art.125 p.1)', { kind: 'list', values: DECLARATION_KINDS, min: 1 }),
      f('regimes', 'regimes', true, 'Customs procedures the office accepts', { kind: 'list', values: REGIMES, min: 1 }),
      f('transportModes', 'transport_modes', true, 'Modes of transport the office serves (art.125 p.2 i.2)', { kind: 'list', values: TRANSPORT_MODES, min: 1 }),
      f('goodsAssignments', 'goods_assignments', true, 'Goods assigned to this office (art.125 p.2 i.1, 3, 4)', {
        kind: 'list',
        values: GOODS_ASSIGNMENTS,
        min: 0,
      }),
    ],
  },
  commodity_codes: {
    name: 'commodity_codes',
    path: 'commodity-codes',
    title: 'National commodity nomenclature (ТН ВЭД) with duty, excise and VAT rates',
    keys: ['code'],
    fields: [
      f('code', 'code', true, '10-digit national code', { kind: 'code', check: isCommodityCode, error: 'COMMODITY_CODE_INVALID' }),
      ...names('description'),
      f('unit', 'unit', true, 'Unit of measure of specific rates and supplementary quantity (kg, pcs, l, 1000 pcs …)', text(20)),
      bp('dutyAdValoremBp', 'duty_ad_valorem_bp', false, 'Import duty, ad valorem', 100_000),
      f('dutySpecificDirams', 'duty_specific_dirams', false, 'Import duty, specific: dirams per unit', { kind: 'dirams' }),
      bp('exciseAdValoremBp', 'excise_ad_valorem_bp', false, 'Excise, ad valorem', 100_000),
      f('exciseSpecificDirams', 'excise_specific_dirams', false, 'Excise, specific: dirams per unit', { kind: 'dirams' }),
      bp('vatBp', 'vat_bp', true, 'VAT on import', 10_000),
    ],
    check: (v) => (v.dutyAdValoremBp === null && v.dutySpecificDirams === null ? { field: 'dutyAdValoremBp', code: 'TARIFF_RATE_REQUIRED' } : undefined),
  },
  countries: {
    name: 'countries',
    path: 'countries',
    title: 'Countries (ISO 3166-1 alpha-2)',
    keys: ['code'],
    fields: [f('code', 'code', true, 'ISO 3166-1 alpha-2', { kind: 'code', check: isCountryCode, error: 'COUNTRY_CODE_INVALID' }), ...names('name')],
  },
  currencies: {
    name: 'currencies',
    path: 'currencies',
    title: 'Currencies (ISO 4217)',
    keys: ['code'],
    fields: [
      f('code', 'code', true, 'ISO 4217 letter code', { kind: 'code', check: isCurrencyCode, error: 'CURRENCY_CODE_INVALID' }),
      f('numericCode', 'numeric_code', true, 'ISO 4217 numeric code', { kind: 'code', check: isCurrencyNumeric, error: 'CURRENCY_CODE_INVALID' }),
      f('minorUnits', 'minor_units', true, 'Digits after the decimal point', { kind: 'int', min: 0, max: 4 }),
      ...names('name'),
    ],
  },
  exchange_rates: {
    name: 'exchange_rates',
    path: 'exchange-rates',
    title: 'Exchange rates: somoni per unit of currency, per day',
    keys: ['currency'],
    fields: [
      f('currency', 'currency', true, 'ISO 4217 letter code', { kind: 'code', check: isCurrencyCode, error: 'CURRENCY_CODE_INVALID' }),
      f('somoniPerUnit', 'somoni_per_unit', true, 'Somoni per one unit, exact decimal with up to 6 places', { kind: 'decimal', scale: 6 }),
      f('source', 'source', true, 'Where the rate comes from (National Bank of Tajikistan …)', text(200)),
    ],
  },
  document_types: {
    name: 'document_types',
    path: 'document-types',
    title: 'Kinds of documents attached to declarations',
    keys: ['code'],
    fields: [plainCode, ...names('name')],
  },
  persons: {
    name: 'persons',
    path: 'persons',
    title: 'Declarants, customs brokers and carriers, domestic and foreign (art.126)',
    keys: ['code'],
    fields: [
      f('code', 'code', true, 'TIN (9 digits) of a domestic person; COUNTRY-REGISTRATION of a foreign one', {
        kind: 'code',
        check: (c) => isTin(c) || isForeignPersonCode(c),
        error: 'PERSON_CODE_INVALID',
      }),
      f('name', 'name', true, 'Name as registered', text(500)),
      f('residence', 'residence', true, 'Domestic or foreign person', { kind: 'enum', values: ['domestic', 'foreign'] }),
      f('country', 'country', true, 'Country of registration', { kind: 'code', check: isCountryCode, error: 'COUNTRY_CODE_INVALID' }),
      f('roles', 'roles', true, 'What the person acts as', { kind: 'list', values: PERSON_ROLES, min: 1 }),
      f('foreignGround', 'foreign_ground', false, 'A foreign person’s ground to declare (art.126 p.2 i.1–5)', { kind: 'enum', values: FOREIGN_GROUNDS }),
    ],
    check: checkPerson,
  },
  calculation_indicators: {
    name: 'calculation_indicators',
    path: 'calculation-indicator',
    title: 'The calculation indicator (показатель для расчетов) per period',
    keys: [],
    fields: [
      f('valueDirams', 'value_dirams', true, 'Value of one indicator in dirams', { kind: 'dirams' }),
      f('legalBasis', 'legal_basis', true, 'The act that sets it (the state budget law of the year)', text(300)),
    ],
  },
};

/** The path segment → table. */
export const tableByPath = (path: string): TableSpec | undefined => Object.values(TABLES).find((t) => t.path === path);
