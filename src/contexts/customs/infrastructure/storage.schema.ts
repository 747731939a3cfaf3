/** Drizzle tables of temporary storage (migrations/0018_customs_arrival.sql is the source of truth). */
import { bigint, date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PiGoodsLine } from '../domain/preliminary.ts';
import type { PlaceKind, ReleaseBasis, StorageState, StorageTrigger } from '../domain/storage.ts';
import { customs } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const storageRecords = customs.table('storage_records', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  status: text('status').$type<StorageState>().notNull(),
  trigger: text('trigger').$type<StorageTrigger>().notNull(),
  transitReference: text('transit_reference'),
  preliminaryId: uuid('preliminary_id'),
  preliminaryNumber: text('preliminary_number'),
  officeCode: text('office_code').notNull(),
  calendarOffice: text('calendar_office').notNull(),
  region: text('region').notNull(),
  declarantTin: text('declarant_tin').notNull(),
  transportMode: text('transport_mode'),
  goods: jsonb('goods').$type<PiGoodsLine[]>().notNull(),
  startedAt: ts('started_at').notNull(),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
  shortDeclarationDueAt: ts('short_declaration_due_at').notNull(),
  shortDeclarationOverdueAt: ts('short_declaration_overdue_at'),
  shortDeclaredAt: ts('short_declared_at'),
  shortDeclarationNumber: text('short_declaration_number'),
  shortDeclaredBy: text('short_declared_by'),
  actedAs: text('acted_as').$type<'declarant' | 'representative'>(),
  representativeTin: text('representative_tin'),
  placeKind: text('place_kind').$type<PlaceKind>(),
  warehouseId: uuid('warehouse_id'),
  placeDescription: text('place_description'),
  guaranteeReference: text('guarantee_reference'),
  guaranteeDirams: bigint('guarantee_dirams', { mode: 'bigint' }),
  ordinaryEndsAt: ts('ordinary_ends_at').notNull(),
  maximumEndsAt: ts('maximum_ends_at').notNull(),
  extendedUntil: ts('extended_until'),
  periodWarnedAt: ts('period_warned_at'),
  maximumWarnedAt: ts('maximum_warned_at'),
  releasedAt: ts('released_at'),
  releaseBasis: text('release_basis').$type<ReleaseBasis>(),
  releaseDocument: text('release_document'),
  disposalAt: ts('disposal_at'),
});
export type StorageRow = typeof storageRecords.$inferSelect;

export const storageExtensions = customs.table('storage_extensions', {
  id: uuid('id').primaryKey(),
  storageId: uuid('storage_id').notNull(),
  requestedAt: ts('requested_at').notNull(),
  requestedBy: text('requested_by').notNull(),
  reason: text('reason').notNull(),
  requestedUntil: date('requested_until').notNull(),
  status: text('status').$type<'requested' | 'granted' | 'refused'>().notNull(),
  decidedAt: ts('decided_at'),
  decidedBy: text('decided_by'),
  decisionReason: text('decision_reason'),
  grantedUntil: ts('granted_until'),
});

export const storageDisposals = customs.table('storage_disposals', {
  storageId: uuid('storage_id').primaryKey(),
  officeCode: text('office_code').notNull(),
  maximumEndedAt: ts('maximum_ended_at').notNull(),
  handedAt: ts('handed_at').notNull(),
});
