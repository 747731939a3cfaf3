/**
 * Drizzle tables of sample permissions (art.127 p.1 i.2, CUS-DEC-18) and of the results of tests of
 * samples (art.127 p.1 i.4, CUS-DEC-20); migrations/0026_customs_samples_currency.sql is the source
 * of truth (test/schema-drift.integration.test.ts checks that the two agree).
 */
import { date, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LabConclusion, SampleLine, SamplePermissionState } from '../domain/sample-permissions.ts';
import { customs } from './schema.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const samplePermissions = customs.table('sample_permissions', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  declarationId: uuid('declaration_id').notNull(),
  declarantCode: text('declarant_code').notNull(),
  officeCode: text('office_code').notNull(),
  lines: jsonb('lines').$type<SampleLine[]>().notNull(),
  purpose: text('purpose').notNull(),
  state: text('state').$type<SamplePermissionState>().notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: instant('requested_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: instant('decided_at'),
  decisionReason: text('decision_reason'),
});
export type SamplePermissionRow = typeof samplePermissions.$inferSelect;

export const labResults = customs.table('lab_results', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  controlEventId: uuid('control_event_id').notNull(),
  laboratory: text('laboratory').notNull(),
  reportNumber: text('report_number').notNull(),
  reportedOn: date('reported_on', { mode: 'string' }).notNull(),
  items: integer('items').array().notNull(),
  conclusion: text('conclusion').$type<LabConclusion>().notNull(),
  findings: text('findings').notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: instant('recorded_at').notNull(),
});
export type LabResultRow = typeof labResults.$inferSelect;
