/**
 * Drizzle tables of the exit data, retained originals, statistical database, undertakings and
 * free-zone withdrawals (migrations/0027_customs_exit_statistics.sql is the source of truth;
 * test/schema-drift.integration.test.ts checks that the two agree).
 */
import { bigint, boolean, date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DeclarationForm, Direction } from '../domain/declaration.ts';
import type { FreeZoneLocation, FreeZonePlaceKind } from '../domain/free-zone-withdrawal.ts';
import type { UndertakingState } from '../domain/undertaking.ts';
import { customs } from './schema.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const exitRecords = customs.table('exit_records', {
  id: uuid('id').primaryKey(),
  officeCode: text('office_code').notNull(),
  exitedAt: instant('exited_at').notNull(),
  transportMode: text('transport_mode').notNull(),
  vehicles: text('vehicles').array().notNull(),
  declarationNumber: text('declaration_number'),
  transportDocumentType: text('transport_document_type'),
  transportDocumentNumber: text('transport_document_number'),
  exporterCode: text('exporter_code'),
  commodityCodes: text('commodity_codes').array().notNull(),
  description: text('description').notNull(),
  recordedAt: instant('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
});
export type ExitRecordRow = typeof exitRecords.$inferSelect;

export const exitFilingExceptions = customs.table('exit_filing_exceptions', {
  code: text('code').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  form: text('form').$type<DeclarationForm>(),
  transportMode: text('transport_mode'),
  needsUndertaking: boolean('needs_undertaking').notNull(),
  legalBasis: text('legal_basis').notNull(),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
});

export const retentionDocuments = customs.table('retention_documents', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  declarationNumber: text('declaration_number').notNull(),
  registeredOn: date('registered_on').notNull(),
  retainUntil: date('retain_until').notNull(),
  documentType: text('document_type').notNull(),
  documentNumber: text('document_number').notNull(),
  documentDate: date('document_date'),
  issuer: text('issuer').notNull(),
  copySha256: text('copy_sha256'),
  receivedAt: instant('received_at').notNull(),
  receivedBy: text('received_by').notNull(),
  returnedAt: instant('returned_at'),
  returnedBy: text('returned_by'),
  returnedTo: text('returned_to'),
  returnMethod: text('return_method').$type<'in_person' | 'post' | 'electronic_notice'>(),
  endedAt: instant('ended_at'),
  endedBy: text('ended_by'),
});
export type RetentionRow = typeof retentionDocuments.$inferSelect;

export const statisticsItems = customs.table('statistics_items', {
  declarationId: uuid('declaration_id').notNull(),
  /** The version of the declaration the row was built from (0028): only each declaration's latest counts. */
  declarationVersion: integer('declaration_version').notNull(),
  itemNo: integer('item_no').notNull(),
  declarationNumber: text('declaration_number').notNull(),
  periodMonth: date('period_month').notNull(),
  releasedAt: instant('released_at').notNull(),
  direction: text('direction').$type<Direction>().notNull(),
  regime: text('regime').notNull(),
  officeCode: text('office_code').notNull(),
  commodityCode: text('commodity_code').notNull(),
  originCountry: text('origin_country').notNull(),
  destinationCountry: text('destination_country').notNull(),
  partnerCountry: text('partner_country').notNull(),
  customsValueDirams: bigint('customs_value_dirams', { mode: 'bigint' }).notNull(),
  statisticalValueUsdCents: bigint('statistical_value_usd_cents', { mode: 'bigint' }),
  netMassGrams: bigint('net_mass_grams', { mode: 'bigint' }).notNull(),
  statisticalQuantityMilli: bigint('statistical_quantity_milli', { mode: 'bigint' }).notNull(),
  statisticalUnit: text('statistical_unit').notNull(),
  eventId: uuid('event_id').notNull(),
  recordedAt: instant('recorded_at').notNull(),
});
export type StatisticsItemRow = typeof statisticsItems.$inferSelect;

export const undertakingParameters = customs.table('undertaking_parameters', {
  validFrom: date('valid_from').primaryKey(),
  maxDays: integer('max_days').notNull(),
  basis: text('basis').notNull(),
  recordedAt: instant('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
});
export type UndertakingParameterRow = typeof undertakingParameters.$inferSelect;

export const undertakings = customs.table('undertakings', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  declarantCode: text('declarant_code').notNull(),
  officeCode: text('office_code').notNull(),
  direction: text('direction').$type<Direction>().notNull(),
  channel: text('channel').$type<'electronic' | 'written'>().notNull(),
  periodDays: integer('period_days').notNull(),
  maxDays: integer('max_days').notNull(),
  transportDocumentType: text('transport_document_type'),
  transportDocumentNumber: text('transport_document_number'),
  commodityCodes: text('commodity_codes').array().notNull(),
  goodsDescription: text('goods_description').notNull(),
  state: text('state').$type<UndertakingState>().notNull(),
  givenAt: instant('given_at').notNull(),
  givenBy: text('given_by').notNull(),
  decidedAt: instant('decided_at'),
  decidedBy: text('decided_by'),
  refusalReason: text('refusal_reason'),
  releasedAt: instant('released_at'),
  dueAt: instant('due_at'),
  overdueAt: instant('overdue_at'),
  declarationNumber: text('declaration_number'),
  fulfilledAt: instant('fulfilled_at'),
  isFulfilledLate: boolean('is_fulfilled_late'),
});
export type UndertakingRow = typeof undertakings.$inferSelect;

export const freeZoneWithdrawals = customs.table('free_zone_withdrawals', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  location: text('location').$type<FreeZoneLocation>().notNull(),
  placeKind: text('place_kind').$type<FreeZonePlaceKind>().notNull(),
  placeReference: text('place_reference').notNull(),
  otherDeclarationId: uuid('other_declaration_id'),
  otherDeclarationNumber: text('other_declaration_number'),
  status: text('status').$type<'stated' | 'requested' | 'replaced'>().notNull(),
  statedAt: instant('stated_at').notNull(),
  statedBy: text('stated_by').notNull(),
  requestedAt: instant('requested_at'),
});
export type FreeZoneWithdrawalRow = typeof freeZoneWithdrawals.$inferSelect;
