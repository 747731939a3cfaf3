/**
 * Drizzle table of the authorised body's list of cases in which declared data are changed after
 * release (art.133 p.8-9, CUS-DEC-50); migrations/0026_customs_samples_currency.sql is the source of
 * truth (test/schema-drift.integration.test.ts checks that the two agree).
 */
import { date, text } from 'drizzle-orm/pg-core';
import type { AfterReleaseMode } from '../domain/after-release.ts';
import { customs } from './schema.ts';

export const afterReleaseCases = customs.table('after_release_cases', {
  code: text('code').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  allowedFields: text('allowed_fields').array().notNull(),
  modes: text('modes').array().$type<AfterReleaseMode[]>().notNull(),
  legalBasis: text('legal_basis').notNull(),
});
export type AfterReleaseCaseRow = typeof afterReleaseCases.$inferSelect;
