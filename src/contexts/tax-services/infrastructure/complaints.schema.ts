/**
 * Drizzle tables of complaints, ratings, monthly notes and annual indicators
 * (migrations/0015_tax_services_complaints.sql is the source of truth).
 */
import { boolean, date, integer, jsonb, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ComplaintOutcome, ReceiptMode } from '../domain/complaint.ts';
import type { AnnualIndicators } from '../domain/indicators.ts';
import { taxServices } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const complaints = taxServices.table('complaints', {
  requestId: uuid('request_id').primaryKey(),
  conduct: text('conduct').$type<'action' | 'inaction'>(),
  officialName: text('official_name'),
  aboutUnitId: uuid('about_unit_id'),
  decisionRef: text('decision_ref'),
  declarationRef: text('declaration_ref'),
  body: text('body').notNull(),
  complainantAddress: text('complainant_address'),
  receiptMode: text('receipt_mode').$type<ReceiptMode>().notNull(),
  receiverName: text('receiver_name'),
  receiverSigned: boolean('receiver_signed'),
  receiptStamp: text('receipt_stamp'),
  incomingNumber: text('incoming_number'),
  receiptResultId: uuid('receipt_result_id'),
  secretHash: text('secret_hash').notNull(),
  outcome: text('outcome').$type<ComplaintOutcome>(),
  replyText: text('reply_text'),
  answeredAt: ts('answered_at'),
  answeredBy: text('answered_by'),
  replyResultId: uuid('reply_result_id'),
});
export type ComplaintRow = typeof complaints.$inferSelect;

export const ratings = taxServices.table('ratings', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<'request' | 'unit'>().notNull(),
  requestId: uuid('request_id'),
  unitId: uuid('unit_id').notNull(),
  region: text('region').notNull(),
  serviceKey: text('service_key'),
  channel: text('channel').notNull(),
  overall: smallint('overall').notNull(),
  courtesy: smallint('courtesy').notNull(),
  clarity: smallint('clarity').notNull(),
  timeliness: smallint('timeliness').notNull(),
  staffName: text('staff_name'),
  remark: text('remark'),
  proposal: text('proposal'),
  raterTin: text('rater_tin'),
  raterName: text('rater_name'),
  ratedBy: text('rated_by').notNull(),
  ratedAt: ts('rated_at').notNull(),
  ratedOn: date('rated_on').notNull(),
});

export const qualityNotes = taxServices.table('quality_notes', {
  year: integer('year').notNull(),
  month: integer('month').notNull(),
  requestId: uuid('request_id').notNull(),
  revision: integer('revision').notNull().default(1),
  generatedAt: ts('generated_at').notNull(),
  generatedBy: text('generated_by').notNull(),
});

export const annualIndicators = taxServices.table('annual_indicators', {
  year: integer('year').primaryKey(),
  indicators: jsonb('indicators').$type<AnnualIndicators>().notNull(),
  revision: integer('revision').notNull().default(1),
  computedAt: ts('computed_at').notNull(),
  computedBy: text('computed_by').notNull(),
  publishedAt: ts('published_at'),
  publishedBy: text('published_by'),
});
