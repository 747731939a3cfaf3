/**
 * Drizzle table definitions of the `customs` schema (migrations/0016_customs_reference.sql is the
 * source of truth; test/schema-drift.integration.test.ts checks that the two agree). Property
 * names are the field names of domain/tables.ts, which the reference store relies on.
 */
import { bigint, date, integer, numeric, pgSchema, smallint, text } from 'drizzle-orm/pg-core';

export const customs = pgSchema('customs');
const history = () => ({ validFrom: date('valid_from').notNull(), validTo: date('valid_to') });
const names = () => ({ nameTg: text('name_tg').notNull(), nameRu: text('name_ru').notNull(), nameEn: text('name_en').notNull() });
const descriptions = () => ({
  descriptionTg: text('description_tg').notNull(),
  descriptionRu: text('description_ru').notNull(),
  descriptionEn: text('description_en').notNull(),
});

export const offices = customs.table('offices', {
  code: text('code').notNull(),
  ...history(),
  ...names(),
  region: text('region').notNull(),
  kind: text('kind').$type<'border' | 'inland'>().notNull(),
  calendarOffice: text('calendar_office').notNull(),
  declarationKinds: text('declaration_kinds').array().notNull(),
  regimes: text('regimes').array().notNull(),
  transportModes: text('transport_modes').array().notNull(),
  goodsAssignments: text('goods_assignments').array().notNull(),
});

export const commodityCodes = customs.table('commodity_codes', {
  code: text('code').notNull(),
  ...history(),
  ...descriptions(),
  unit: text('unit').notNull(),
  dutyAdValoremBp: integer('duty_ad_valorem_bp'),
  dutySpecificDirams: bigint('duty_specific_dirams', { mode: 'number' }),
  exciseAdValoremBp: integer('excise_ad_valorem_bp'),
  exciseSpecificDirams: bigint('excise_specific_dirams', { mode: 'number' }),
  vatBp: integer('vat_bp').notNull(),
});

export const countries = customs.table('countries', { code: text('code').notNull(), ...history(), ...names() });

export const currencies = customs.table('currencies', {
  code: text('code').notNull(),
  ...history(),
  numericCode: text('numeric_code').notNull(),
  minorUnits: smallint('minor_units').notNull(),
  ...names(),
});

export const exchangeRates = customs.table('exchange_rates', {
  currency: text('currency').notNull(),
  ...history(),
  somoniPerUnit: numeric('somoni_per_unit', { precision: 18, scale: 6 }).notNull(),
  source: text('source').notNull(),
});

export const documentTypes = customs.table('document_types', { code: text('code').notNull(), ...history(), ...names() });

export const persons = customs.table('persons', {
  code: text('code').notNull(),
  ...history(),
  name: text('name').notNull(),
  residence: text('residence').$type<'domestic' | 'foreign'>().notNull(),
  country: text('country').notNull(),
  roles: text('roles').array().notNull(),
  foreignGround: text('foreign_ground'),
});

export const calculationIndicators = customs.table('calculation_indicators', {
  ...history(),
  valueDirams: bigint('value_dirams', { mode: 'number' }).notNull(),
  legalBasis: text('legal_basis').notNull(),
});
