/**
 * Drizzle tables of customs audits (migrations/0024_customs_audits.sql is the source of truth;
 * test/schema-drift.integration.test.ts checks that the two agree).
 */
import { bigint, boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AuditFocus, AuditPlace, AuditState, ControlObject } from '../domain/audit.ts';

const customs = pgSchema('customs');
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const auditPlans = customs.table('audit_plans', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  officeCode: text('office_code').notNull(),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  title: text('title').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: instant('created_at').notNull(),
});
export type AuditPlanRow = typeof auditPlans.$inferSelect;

export type DeliveryMethod = 'electronic' | 'in_person' | 'post';

export const audits = customs.table('audits', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  state: text('state').$type<AuditState>().notNull(),
  place: text('place').$type<AuditPlace>().notNull(),
  focus: text('focus').$type<AuditFocus>().notNull(),
  theme: text('theme'),
  officeCode: text('office_code').notNull(),
  personCode: text('person_code').notNull(),
  personName: text('person_name').notNull(),
  planId: uuid('plan_id'),
  plannedOn: date('planned_on'),
  ground: text('ground'),
  groundDetails: text('ground_details'),
  originAuditId: uuid('origin_audit_id'),
  controlObjects: jsonb('control_objects').$type<ControlObject[]>().notNull(),
  coveredFrom: date('covered_from'),
  coveredTo: date('covered_to'),
  registeredAt: instant('registered_at').notNull(),
  registeredBy: text('registered_by').notNull(),
  orderIssuedAt: instant('order_issued_at'),
  orderSignedBy: text('order_signed_by'),
  orderSignerRole: text('order_signer_role'),
  orderInstructions: text('order_instructions'),
  auditors: text('auditors').array(),
  deliveryMethod: text('delivery_method').$type<DeliveryMethod>(),
  deliveredOn: date('delivered_on'),
  deliveryRecordedAt: instant('delivery_recorded_at'),
  startOn: date('start_on'),
  dueOn: date('due_on'),
  originalDueOn: date('original_due_on'),
  extensionDays: integer('extension_days'),
  extensionReason: text('extension_reason'),
  extendedAt: instant('extended_at'),
  extendedBy: text('extended_by'),
  overdueNotifiedAt: instant('overdue_notified_at'),
  reportIssuedAt: instant('report_issued_at'),
  reportBy: text('report_by'),
  isViolationFound: boolean('is_violation_found'),
  isDocumentsNotSubmitted: boolean('is_documents_not_submitted'),
  findings: text('findings'),
  additionalDirams: bigint('additional_dirams', { mode: 'bigint' }),
  isReportLate: boolean('is_report_late'),
  lateReason: text('late_reason'),
  closedAt: instant('closed_at'),
  updatedAt: instant('updated_at').notNull(),
});
export type AuditRow = typeof audits.$inferSelect;

export const auditDeclarations = customs.table('audit_declarations', {
  auditId: uuid('audit_id').notNull(),
  declarationId: uuid('declaration_id').notNull(),
  number: text('number').notNull(),
});

export const auditEvents = customs.table('audit_events', {
  id: uuid('id').primaryKey(),
  auditId: uuid('audit_id').notNull(),
  at: instant('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  fromState: text('from_state').$type<AuditState>(),
  toState: text('to_state').$type<AuditState>().notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
});
export type AuditEventRow = typeof auditEvents.$inferSelect;
