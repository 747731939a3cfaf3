/**
 * Drizzle table definitions of the `cashdesk` schema (migrations/0009_cashdesk.sql is the source of
 * truth; test/schema-drift.integration.test.ts checks that the two agree).
 */
import { bigint, boolean, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FiscalDocument } from '../../fiscal/index.ts';
import type { ProductName } from '../domain/catalogue.ts';
import type { ShiftSignature } from '../domain/fiscal-module.ts';
import type { TaxKind } from '../domain/receipt-data.ts';

export const cashdesk = pgSchema('cashdesk');
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const registers = cashdesk.table('registers', {
  id: uuid('id').primaryKey(),
  fiscalRegisterId: uuid('fiscal_register_id').notNull(),
  registryNumber: text('registry_number').notNull(),
  serialNumber: text('serial_number').notNull(),
  fiscalModuleNumber: text('fiscal_module_number').notNull(),
  businessTin: text('business_tin').notNull(),
  passwordHash: text('password_hash').notNull(),
  failedUnlocks: integer('failed_unlocks').notNull().default(0),
  unlockRefusedUntil: ts('unlock_refused_until'),
  clockCheckedAt: ts('clock_checked_at'),
  clockOffsetMs: integer('clock_offset_ms'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const unlocks = cashdesk.table('unlocks', {
  registerId: uuid('register_id').notNull(),
  sessionHash: text('session_hash').notNull(),
  unlockedAt: ts('unlocked_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const products = cashdesk.table('products', {
  businessTin: text('business_tin').notNull(),
  code: text('code').notNull(),
  gtin: text('gtin'),
  gtin14: text('gtin14'),
  name: jsonb('name').$type<ProductName>().notNull(),
  nameTg: text('name_tg').notNull(),
  unit: text('unit').notNull(),
  price: money('price').notNull(),
  taxKind: text('tax_kind').$type<TaxKind>().notNull(),
  taxRateBp: integer('tax_rate_bp').notNull(),
  requiresMarkingCode: boolean('requires_marking_code').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const shifts = cashdesk.table('shifts', {
  registerId: uuid('register_id').notNull(),
  shiftNumber: integer('shift_number').notNull(),
  openedAt: ts('opened_at').notNull(),
  openingCash: money('opening_cash').notNull().default(0),
  closedAt: ts('closed_at'),
  zNumber: money('z_number'),
  shiftSignature: jsonb('shift_signature').$type<ShiftSignature>(),
  signatureVerifiedAt: ts('signature_verified_at'),
  signatureRefusal: text('signature_refusal'),
});

/** How far a document got: in the module's queue, acknowledged by the operator, or refused by it. */
export type Delivery = 'queued' | 'accepted' | 'refused';

export const documents = cashdesk.table('documents', {
  fiscalModuleNumber: text('fiscal_module_number').notNull(),
  number: money('number').notNull(),
  registerId: uuid('register_id').notNull(),
  docType: text('doc_type').$type<FiscalDocument['type']>().notNull(),
  shiftNumber: integer('shift_number').notNull(),
  operation: text('operation').$type<'sale' | 'refund'>(),
  issuedAt: ts('issued_at').notNull(),
  total: money('total').notNull().default(0),
  isOffline: boolean('is_offline').notNull(),
  refundOfNumber: money('refund_of_number'),
  body: jsonb('body').$type<FiscalDocument>().notNull(),
  change: money('change').notNull().default(0),
  buyerName: text('buyer_name'),
  eReceiptToken: text('e_receipt_token'),
  delivery: text('delivery').$type<Delivery>().notNull(),
  refusalCode: text('refusal_code'),
  violations: jsonb('violations').$type<readonly string[]>().notNull().default([]),
  acknowledgedAt: ts('acknowledged_at'),
});
