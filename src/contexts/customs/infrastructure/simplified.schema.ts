/**
 * Drizzle table of requests for simplified declaring of exported domestic goods (art.137,
 * CUS-DEC-75); migrations/0026_customs_samples_currency.sql is the source of truth
 * (test/schema-drift.integration.test.ts checks that the two agree).
 */
import { boolean, date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SimplifiedFacts, SimplifiedProcedure, SimplifiedSource, SimplifiedState } from '../domain/simplified.ts';
import { customs } from './schema.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const simplifiedRequests = customs.table('simplified_requests', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  procedure: text('procedure').$type<SimplifiedProcedure>().notNull(),
  source: text('source').$type<SimplifiedSource>().notNull(),
  periodicApplicationNumber: text('periodic_application_number'),
  declarantCode: text('declarant_code').notNull(),
  officeCode: text('office_code').notNull(),
  commodityCodes: text('commodity_codes').array().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  state: text('state').$type<SimplifiedState>().notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: instant('requested_at').notNull(),
  refusalNoticeDueAt: instant('refusal_notice_due_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: instant('decided_at'),
  decisionReason: text('decision_reason'),
  refusalConditions: text('refusal_conditions'),
  isDecisionLate: boolean('is_decision_late'),
  facts: jsonb('facts').$type<SimplifiedFacts>(),
});
export type SimplifiedRequestRow = typeof simplifiedRequests.$inferSelect;
