/** Drizzle tables of the regime places, their stock ledgers and processing permits (migrations/0021_customs_regimes.sql is the source of truth). */
import { bigint, boolean, date, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EntryKind, PlaceKind } from '../domain/regime-ledger.ts';
import type { PermitStatus, ProcessingKind } from '../domain/regime-permits.ts';
import { customs } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type PlaceInsurance = { readonly insurer: string; readonly policyNumber: string; readonly validTo: string };

export const regimePlaces = customs.table('regime_places', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  kind: text('kind').$type<PlaceKind>().notNull(),
  ownerTin: text('owner_tin').notNull(),
  name: text('name').notNull(),
  officeCode: text('office_code').notNull(),
  address: text('address').notNull(),
  warehouseType: text('warehouse_type').$type<'open' | 'closed'>(),
  insurance: jsonb('insurance').$type<PlaceInsurance>(),
  guaranteeReference: text('guarantee_reference').notNull(),
  status: text('status').$type<'active'>().notNull(),
  registeredAt: ts('registered_at').notNull(),
  registeredBy: text('registered_by').notNull(),
});
export type RegimePlaceRow = typeof regimePlaces.$inferSelect;

export const regimeEntries = customs.table('regime_entries', {
  id: uuid('id').primaryKey(),
  placeId: uuid('place_id').notNull(),
  ownerTin: text('owner_tin').notNull(),
  kind: text('kind').$type<EntryKind>().notNull(),
  lotDeclarationNumber: text('lot_declaration_number').notNull(),
  itemNo: integer('item_no').notNull(),
  commodityCode: text('commodity_code').notNull(),
  unit: text('unit').notNull(),
  deltaMilli: bigint('delta_milli', { mode: 'bigint' }).notNull(),
  documentKind: text('document_kind').$type<'placing_declaration' | 'declaration' | 'sale' | 'transfer' | 'reversal'>().notNull(),
  documentNumber: text('document_number').notNull(),
  transferId: uuid('transfer_id'),
  reversesEntryId: uuid('reverses_entry_id'),
  channel: text('channel').$type<'portal' | 'owner_software'>().notNull(),
  idempotencyKey: text('idempotency_key'),
  requestHash: text('request_hash'),
  postedAt: ts('posted_at').notNull(),
  postedBy: text('posted_by').notNull(),
});
export type RegimeEntryRow = typeof regimeEntries.$inferSelect;

export type StoredStocktakeLine = {
  readonly declarationNumber: string;
  readonly itemNo: number;
  readonly book: string;
  readonly counted: string;
  readonly difference: string;
};

export const regimeStocktakes = customs.table('regime_stocktakes', {
  id: uuid('id').primaryKey(),
  placeId: uuid('place_id').notNull(),
  takenOn: date('taken_on').notNull(),
  lines: jsonb('lines').$type<StoredStocktakeLine[]>().notNull(),
  hasDifferences: boolean('has_differences').notNull(),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
});
export type RegimeStocktakeRow = typeof regimeStocktakes.$inferSelect;

export type PermitGoodsLine = { readonly commodityCode: string; readonly description: string; readonly quantity: string; readonly unit: string };

export const processingPermits = customs.table('processing_permits', {
  id: uuid('id').primaryKey(),
  applicationNumber: text('application_number').notNull(),
  kind: text('kind').$type<ProcessingKind>().notNull(),
  applicantTin: text('applicant_tin').notNull(),
  officeCode: text('office_code').notNull(),
  calendarOffice: text('calendar_office').notNull(),
  applicationForm: text('application_form').$type<'electronic' | 'written'>().notNull(),
  operations: text('operations').notNull(),
  goods: jsonb('goods').$type<PermitGoodsLine[]>().notNull(),
  products: jsonb('products').$type<PermitGoodsLine[]>().notNull(),
  requestedUntil: date('requested_until').notNull(),
  status: text('status').$type<PermitStatus>().notNull(),
  submittedAt: ts('submitted_at').notNull(),
  submittedBy: text('submitted_by').notNull(),
  warnAt: ts('warn_at').notNull(),
  decisionDueAt: ts('decision_due_at').notNull(),
  warnedAt: ts('warned_at'),
  overdueAt: ts('overdue_at'),
  extendedAt: ts('extended_at'),
  extensionWorkingDays: integer('extension_working_days'),
  extensionReason: text('extension_reason'),
  decidedAt: ts('decided_at'),
  decidedBy: text('decided_by'),
  decisionForm: text('decision_form').$type<'electronic' | 'written'>(),
  isDecidedLate: boolean('is_decided_late'),
  refusalReason: text('refusal_reason'),
  permitNumber: text('permit_number'),
  permitValidFrom: date('permit_valid_from'),
  permitValidTo: date('permit_valid_to'),
  permitTerms: text('permit_terms'),
  legalBasis: text('legal_basis'),
});
export type ProcessingPermitRow = typeof processingPermits.$inferSelect;

export const processingPermitParameters = customs.table('processing_permit_parameters', {
  validFrom: date('valid_from').primaryKey(),
  extensionWorkingDays: integer('extension_working_days').notNull(),
  basis: text('basis').notNull(),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
});
