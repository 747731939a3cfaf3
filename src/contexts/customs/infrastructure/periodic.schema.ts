/**
 * Drizzle tables of periodic declaring (migrations/0020_customs_periodic.sql is the source of truth).
 */
import { boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PeriodicDirection, PeriodicForm, PeriodicLine, PeriodicState, QuantityLine } from '../domain/periodic.ts';

const customs = pgSchema('customs');
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const periodicParameters = customs.table('periodic_parameters', {
  code: text('code').notNull(),
  days: integer('days').notNull(),
  legalBasis: text('legal_basis').notNull(),
});

export const periodicApplications = customs.table('periodic_applications', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  state: text('state').$type<PeriodicState>().notNull(),
  direction: text('direction').$type<PeriodicDirection>().notNull(),
  form: text('form').$type<PeriodicForm>().notNull(),
  officeCode: text('office_code').notNull(),
  borderPointCode: text('border_point_code').notNull(),
  declarantCode: text('declarant_code').notNull(),
  applicantAccount: uuid('applicant_account').notNull(),
  applicant: text('applicant').notNull(),
  contractNumber: text('contract_number').notNull(),
  contractDate: date('contract_date').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  lines: jsonb('lines').$type<PeriodicLine[]>().notNull(),
  isRestricted: boolean('is_restricted').notNull(),
  hasPaymentsDue: boolean('has_payments_due').notNull(),
  guaranteeReference: text('guarantee_reference'),
  submittedAt: instant('submitted_at').notNull(),
  decisionDueAt: instant('decision_due_at').notNull(),
  escalateAt: instant('escalate_at').notNull(),
  escalatedAt: instant('escalated_at'),
  overdueNotifiedAt: instant('overdue_notified_at'),
  refusalNoticeDueAt: instant('refusal_notice_due_at'),
  decidedAt: instant('decided_at'),
  decidedBy: text('decided_by'),
  decisionForm: text('decision_form').$type<PeriodicForm>(),
  decisionReason: text('decision_reason'),
  refusalConditions: text('refusal_conditions'),
  isDecisionLate: boolean('is_decision_late'),
  activatedAt: instant('activated_at'),
  periodClosedAt: instant('period_closed_at'),
  declarationDueAt: instant('declaration_due_at'),
  declarationOverdueAt: instant('declaration_overdue_at'),
  originalDeclarationDueAt: instant('original_declaration_due_at'),
  extensionReason: text('extension_reason'),
  wholeLotExitedOn: date('whole_lot_exited_on'),
  exportDueAt: instant('export_due_at'),
  withdrawalDueAt: instant('withdrawal_due_at'),
  withdrawalEscalatedAt: instant('withdrawal_escalated_at'),
  withdrawnAt: instant('withdrawn_at'),
  withdrawalForm: text('withdrawal_form').$type<PeriodicForm>(),
  withdrawalReason: text('withdrawal_reason'),
  annulledAt: instant('annulled_at'),
  annulledBy: text('annulled_by'),
  annulmentReason: text('annulment_reason'),
  declarationNumber: text('declaration_number'),
  declaredAt: instant('declared_at'),
  closedAt: instant('closed_at'),
  updatedAt: instant('updated_at').notNull(),
});

export const periodicNotices = customs.table('periodic_notices', {
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id').notNull(),
  number: text('number').notNull(),
  seq: integer('seq').notNull(),
  deliveryOn: date('delivery_on').notNull(),
  lines: jsonb('lines').$type<QuantityLine[]>().notNull(),
  vehicles: text('vehicles').array().notNull(),
  form: text('form').$type<PeriodicForm>().notNull(),
  notifiedAt: instant('notified_at').notNull(),
  notifiedBy: text('notified_by').notNull(),
  exitedOn: date('exited_on'),
  exitLines: jsonb('exit_lines').$type<QuantityLine[]>(),
  exitRecordedAt: instant('exit_recorded_at'),
  exitRecordedBy: text('exit_recorded_by'),
});

export type ApplicationRow = typeof periodicApplications.$inferSelect;
export type NoticeRow = typeof periodicNotices.$inferSelect;
