/**
 * Drizzle table definitions of the `tax_services` schema (migrations/0012_tax_services.sql is the
 * source of truth; test/schema-drift.integration.test.ts checks that the two agree).
 */
import { bigint, boolean, date, integer, jsonb, pgSchema, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ServiceLine } from '../domain/types.ts';

export const taxServices = pgSchema('tax_services');
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const catalogueVersions = taxServices.table('catalogue_versions', {
  id: uuid('id').primaryKey(),
  label: text('label').notNull(),
  orderRef: text('order_ref').notNull(),
  orderDate: date('order_date').notNull(),
  status: text('status').$type<'proposed' | 'approved' | 'rejected' | 'repealed'>().notNull(),
  effectiveFrom: date('effective_from'),
  effectiveTo: date('effective_to'),
  proposalSource: text('proposal_source').$type<'central_office' | 'territorial_body' | 'taxpayer' | 'order'>(),
  justification: text('justification'),
  lines: jsonb('lines').$type<ServiceLine[]>().notNull(),
  proposedBy: text('proposed_by').notNull(),
  proposedAt: ts('proposed_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
});

export const units = taxServices.table('units', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  kind: text('kind').notNull(),
  region: text('region').notNull(),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  office: text('office').notNull(),
  parentId: uuid('parent_id'),
});

export const requests = taxServices.table('requests', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  catalogueVersionId: uuid('catalogue_version_id').notNull(),
  serviceKey: text('service_key').notNull(),
  serviceCode: text('service_code').notNull(),
  channel: text('channel').notNull(),
  applicantTin: text('applicant_tin'),
  applicantName: text('applicant_name'),
  applicantEmail: text('applicant_email'),
  applicantPhone: text('applicant_phone'),
  unitId: uuid('unit_id').notNull(),
  region: text('region').notNull(),
  status: text('status').$type<RequestStatus>().notNull(),
  receivedAt: ts('received_at').notNull(),
  startedAt: ts('started_at'),
  dueAt: ts('due_at'),
  warnAt: ts('warn_at'),
  targetAt: ts('target_at'),
  opensAt: ts('opens_at'),
  stageDueAt: ts('stage_due_at'),
  periodYear: integer('period_year'),
  periodMonth: integer('period_month'),
  planDate: date('plan_date'),
  hadQueue: boolean('had_queue'),
  queueWaitSeconds: integer('queue_wait_seconds'),
  suspendedAt: ts('suspended_at'),
  suspensions: integer('suspensions').notNull().default(0),
  suspendedSeconds: bigint('suspended_seconds', { mode: 'number' }).notNull().default(0),
  warnedAt: ts('warned_at'),
  escalatedAt: ts('escalated_at'),
  completedAt: ts('completed_at'),
  elapsedSeconds: bigint('elapsed_seconds', { mode: 'number' }),
  isLate: boolean('is_late'),
  outcomeNote: text('outcome_note'),
  subject: jsonb('subject').$type<Record<string, unknown>>().notNull().default({}),
  createdBy: text('created_by').notNull(),
});

export type RequestStatus = 'awaiting_documents' | 'open' | 'suspended' | 'completed' | 'rejected';
export type RequestRow = typeof requests.$inferSelect;

export const requestEvents = taxServices.table('request_events', {
  id: uuid('id').primaryKey(),
  requestId: uuid('request_id').notNull(),
  at: ts('at').notNull(),
  kind: text('kind').notNull(),
  actor: text('actor').notNull(),
  note: text('note'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
});

export const results = taxServices.table('results', {
  id: uuid('id').primaryKey(),
  requestId: uuid('request_id').notNull(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  contentBase64: text('content_base64').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const completionStats = taxServices.table('completion_stats', {
  month: date('month').notNull(),
  scope: text('scope').notNull(),
  dimension: text('dimension').notNull(),
  value: text('value').notNull(),
  bucket: smallint('bucket').notNull(),
  closed: integer('closed').notNull(),
  late: integer('late').notNull(),
  suspended: integer('suspended').notNull(),
});
