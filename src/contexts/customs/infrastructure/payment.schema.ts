/**
 * Drizzle definitions of the payment tables (migrations/0019_customs_payments.sql is the source of
 * truth). Money is bigint dirams in bigint mode; legal dates are ISO strings.
 */
import { bigint, date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PaymentKind, UnmatchedReason } from '../domain/payments.ts';
import { customs } from './schema.ts';

const dirams = (name: string) => bigint(name, { mode: 'bigint' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const paymentOrders = customs.table('payment_orders', {
  id: uuid('id').primaryKey(),
  reference: text('reference').notNull(),
  version: integer('version').notNull(),
  payerTin: text('payer_tin').notNull(),
  status: text('status').$type<'issued' | 'superseded'>().notNull(),
  totalDirams: dirams('total_dirams').notNull(),
  issuedAt: instant('issued_at').notNull(),
  supersededAt: instant('superseded_at'),
});

export const paymentOrderLines = customs.table('payment_order_lines', {
  orderId: uuid('order_id').notNull(),
  kind: text('kind').$type<PaymentKind>().notNull(),
  budgetCode: text('budget_code').notNull(),
  amountDirams: dirams('amount_dirams').notNull(),
});

export const paymentConfirmations = customs.table('payment_confirmations', {
  id: uuid('id').primaryKey(),
  paymentOrderNumber: text('payment_order_number').notNull(),
  paymentOrderDate: date('payment_order_date', { mode: 'string' }).notNull(),
  payerTin: text('payer_tin').notNull(),
  reference: text('reference').notNull(),
  budgetCode: text('budget_code').notNull(),
  amountDirams: dirams('amount_dirams').notNull(),
  financeReceiptId: text('finance_receipt_id').notNull(),
  receivedAt: instant('received_at').notNull(),
  recordedAt: instant('recorded_at').notNull(),
  source: text('source').$type<'push' | 'reconciliation'>().notNull(),
  status: text('status').$type<'matched' | 'unmatched'>().notNull(),
  unmatchedReason: text('unmatched_reason').$type<UnmatchedReason>(),
  orderId: uuid('order_id'),
  matchedAt: instant('matched_at'),
});
export type PaymentConfirmationRow = typeof paymentConfirmations.$inferSelect;
