/** Drizzle tables of the warehouse register and goods record (migrations/0018_customs_arrival.sql is the source of truth). */
import { bigint, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Insurance, WarehousePurpose, WarehouseType } from '../domain/warehouses.ts';
import { customs } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const warehouseApplications = customs.table('warehouse_applications', {
  id: uuid('id').primaryKey(),
  applicantTin: text('applicant_tin').notNull(),
  name: text('name').notNull(),
  type: text('type').$type<WarehouseType>().notNull(),
  purposes: text('purposes').array().$type<WarehousePurpose[]>().notNull(),
  officeCode: text('office_code').notNull(),
  address: text('address').notNull(),
  areaSqm: integer('area_sqm').notNull(),
  insurance: jsonb('insurance').$type<Insurance>(),
  insurancePolicyDocument: text('insurance_policy_document'),
  status: text('status').$type<'submitted' | 'approved' | 'refused'>().notNull(),
  submittedAt: ts('submitted_at').notNull(),
  submittedBy: text('submitted_by').notNull(),
  decidedAt: ts('decided_at'),
  decidedBy: text('decided_by'),
  decisionReason: text('decision_reason'),
  warehouseId: uuid('warehouse_id'),
});
export type WarehouseApplicationRow = typeof warehouseApplications.$inferSelect;

export const warehouses = customs.table('warehouses', {
  id: uuid('id').primaryKey(),
  registerNumber: text('register_number').notNull(),
  applicationId: uuid('application_id').notNull(),
  ownerTin: text('owner_tin').notNull(),
  name: text('name').notNull(),
  type: text('type').$type<WarehouseType>().notNull(),
  purposes: text('purposes').array().$type<WarehousePurpose[]>().notNull(),
  officeCode: text('office_code').notNull(),
  region: text('region').notNull(),
  address: text('address').notNull(),
  areaSqm: integer('area_sqm').notNull(),
  insurance: jsonb('insurance').$type<Insurance>(),
  status: text('status').$type<'active' | 'excluded'>().notNull(),
  registeredAt: ts('registered_at').notNull(),
  registeredBy: text('registered_by').notNull(),
});
export type WarehouseRow = typeof warehouses.$inferSelect;

export const warehouseEntries = customs.table('warehouse_entries', {
  id: uuid('id').primaryKey(),
  warehouseId: uuid('warehouse_id').notNull(),
  storageId: uuid('storage_id').notNull(),
  direction: text('direction').$type<'in' | 'out'>().notNull(),
  documentKind: text('document_kind').$type<'short_declaration' | 'declaration' | 'periodic_notice'>().notNull(),
  documentNumber: text('document_number').notNull(),
  lineNo: integer('line_no').notNull(),
  commodityCode: text('commodity_code').notNull(),
  unit: text('unit').notNull(),
  quantityMilli: bigint('quantity_milli', { mode: 'bigint' }).notNull(),
  channel: text('channel').$type<'portal' | 'owner_software'>().notNull(),
  externalId: text('external_id'),
  postedAt: ts('posted_at').notNull(),
  postedBy: text('posted_by').notNull(),
});
