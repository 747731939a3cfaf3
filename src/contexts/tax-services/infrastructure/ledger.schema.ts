/**
 * Drizzle tables of the tax account ledger, the filing register, filing obligations and the
 * property register (migrations/0014_tax_services_ledger.sql is the source of truth).
 */
import { bigint, bigserial, date, integer, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EntryKind, PropertyKind } from '../domain/ledger.ts';
import { taxServices } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const taxTypes = taxServices.table('tax_types', {
  code: text('code').primaryKey(),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  sort: smallint('sort').notNull(),
});

export type LedgerSource = 'officer' | 'import' | 'property_register' | 'demo';

export const ledgerEntries = taxServices.table('ledger_entries', {
  id: uuid('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  tin: text('tin').notNull(),
  taxType: text('tax_type').notNull(),
  kind: text('kind').$type<EntryKind>().notNull(),
  period: text('period').notNull(),
  amount: money('amount').notNull(),
  valueDate: date('value_date').notNull(),
  documentRef: text('document_ref').notNull(),
  note: text('note'),
  reverses: uuid('reverses'),
  source: text('source').$type<LedgerSource>().notNull(),
  batchId: uuid('batch_id'),
  postedAt: ts('posted_at').notNull(),
  postedBy: text('posted_by').notNull(),
});
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;

export type IssuedDocumentKind = 'no_debt_certificate' | 'payments_certificate' | 'reconciliation_act' | 'refusal_letter' | 'property_notice';

export const issuedDocuments = taxServices.table('issued_documents', {
  number: text('number').primaryKey(),
  kind: text('kind').$type<IssuedDocumentKind>().notNull(),
  tin: text('tin').notNull(),
  requestId: uuid('request_id').notNull(),
  resultId: uuid('result_id').notNull(),
  sha256: text('sha256').notNull(),
  asOf: date('as_of'),
  periodFrom: date('period_from'),
  periodTo: date('period_to'),
  issuedAt: ts('issued_at').notNull(),
});

export const declarationForms = taxServices.table('declaration_forms', {
  code: text('code').primaryKey(),
  taxType: text('tax_type').notNull(),
  periodicity: text('periodicity').$type<'month' | 'quarter' | 'year'>().notNull(),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
});

export type FilingChannel = 'cabinet' | 'office' | 'terminal';

export const filings = taxServices.table('filings', {
  id: uuid('id').primaryKey(),
  receiptNumber: text('receipt_number').notNull(),
  tin: text('tin').notNull(),
  formCode: text('form_code').notNull(),
  period: text('period').notNull(),
  channel: text('channel').$type<FilingChannel>().notNull(),
  filedAt: ts('filed_at').notNull(),
  requestId: uuid('request_id').notNull(),
  phone: text('phone'),
  filedBy: text('filed_by').notNull(),
});

export const filingObligations = taxServices.table('filing_obligations', {
  id: uuid('id').primaryKey(),
  tin: text('tin').notNull(),
  formCode: text('form_code').notNull(),
  period: text('period').notNull(),
  windowFrom: date('window_from').notNull(),
  windowTo: date('window_to').notNull(),
  email: text('email'),
  noticeRequestId: uuid('notice_request_id'),
  noticedAt: ts('noticed_at'),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

export const propertyObjects = taxServices.table('property_objects', {
  id: uuid('id').primaryKey(),
  ownerTin: text('owner_tin').notNull(),
  ownerName: text('owner_name').notNull(),
  ownerEmail: text('owner_email'),
  kind: text('kind').$type<PropertyKind>().notNull(),
  registryRef: text('registry_ref').notNull(),
  description: text('description').notNull(),
  annualTax: money('annual_tax').notNull(),
  ownedFrom: date('owned_from').notNull(),
  ownedTo: date('owned_to'),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

export const propertyNotices = taxServices.table('property_notices', {
  ownerTin: text('owner_tin').notNull(),
  year: integer('year').notNull(),
  requestId: uuid('request_id').notNull(),
  total: money('total').notNull(),
  sentAt: ts('sent_at').notNull(),
});
