/**
 * Drizzle tables of currency control by customs (art.124 p.12, CUS-DEC-11): the authorised body's
 * rules with history and the data given with a declaration. migrations/0026_customs_samples_currency.sql
 * is the source of truth (test/schema-drift.integration.test.ts checks that the two agree).
 */
import { date, integer, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Direction } from '../domain/declaration.ts';
import type { CurrencyControlField } from '../domain/currency-control.ts';
import { customs } from './schema.ts';

export const currencyControlRules = customs.table('currency_control_rules', {
  code: text('code').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  direction: text('direction').$type<Direction>(),
  regimes: text('regimes').array().notNull(),
  thresholdIndicators: integer('threshold_indicators').notNull(),
  requiredFields: text('required_fields').array().$type<CurrencyControlField[]>().notNull(),
  legalBasis: text('legal_basis').notNull(),
});
export type CurrencyControlRuleRow = typeof currencyControlRules.$inferSelect;

export const currencyControlData = customs.table('currency_control_data', {
  declarationId: uuid('declaration_id').primaryKey(),
  contractNumber: text('contract_number'),
  contractDate: date('contract_date', { mode: 'string' }),
  contractCurrency: text('contract_currency'),
  contractAmount: numeric('contract_amount', { precision: 20, scale: 2 }),
  bankCode: text('bank_code'),
  bankName: text('bank_name'),
  dealPassportNumber: text('deal_passport_number'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
export type CurrencyControlDataRow = typeof currencyControlData.$inferSelect;
