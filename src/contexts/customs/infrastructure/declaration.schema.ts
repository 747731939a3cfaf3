/**
 * Drizzle tables of the goods declaration (migrations/0017_customs_declarations.sql is the source of
 * truth; test/schema-drift.integration.test.ts checks that the two agree).
 */
import { bigint, boolean, customType, date, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DeclarationData, DeclarationForm, DeclarationState, Direction } from '../domain/declaration.ts';
import type { Reason } from '../domain/declaration-checks.ts';
import { customs } from './schema.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const declarations = customs.table('declarations', {
  id: uuid('id').primaryKey(),
  number: text('number'),
  state: text('state').$type<DeclarationState>().notNull(),
  resumeState: text('resume_state').$type<DeclarationState>(),
  form: text('form').$type<DeclarationForm>().notNull(),
  channel: text('channel').$type<'electronic' | 'paper'>().notNull(),
  direction: text('direction').$type<Direction>().notNull(),
  regime: text('regime').notNull(),
  officeCode: text('office_code').notNull(),
  declarantCode: text('declarant_code').notNull(),
  brokerTin: text('broker_tin'),
  filerTin: text('filer_tin').notNull(),
  data: jsonb('data').$type<DeclarationData>().notNull(),
  version: integer('version').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  registeredAt: instant('registered_at'),
  acceptedOn: date('accepted_on'),
  filingDueAt: instant('filing_due_at'),
  isFiledLate: boolean('is_filed_late').notNull().default(false),
  customsValueDirams: bigint('customs_value_dirams', { mode: 'bigint' }),
  dutyDirams: bigint('duty_dirams', { mode: 'bigint' }),
  exciseDirams: bigint('excise_dirams', { mode: 'bigint' }),
  vatDirams: bigint('vat_dirams', { mode: 'bigint' }),
  payableDirams: bigint('payable_dirams', { mode: 'bigint' }),
  toSecureDirams: bigint('to_secure_dirams', { mode: 'bigint' }),
  guaranteeReference: text('guarantee_reference'),
  riskLane: text('risk_lane'),
  riskDecidedAt: instant('risk_decided_at'),
  /** The risk management system's decision in force and its measures (art.399 p.3, CUS-CTL-03; migrations/0022_risk.sql). */
  riskDecisionId: uuid('risk_decision_id'),
  riskMeasures: jsonb('risk_measures').$type<string[]>(),
  releaseDueAt: instant('release_due_at'),
  preliminaryDueAt: instant('preliminary_due_at'),
  incompletePermittedAt: instant('incomplete_permitted_at'),
  incompletePermittedBy: text('incomplete_permitted_by'),
  incompleteDueAt: instant('incomplete_due_at'),
  incompleteCompletedAt: instant('incomplete_completed_at'),
  incompleteOverdueAt: instant('incomplete_overdue_at'),
  releasedAt: instant('released_at'),
  exitedAt: instant('exited_at'),
  refusedAt: instant('refused_at'),
  refusalGrounds: jsonb('refusal_grounds').$type<number[]>(),
  withdrawnAt: instant('withdrawn_at'),
  annulledAt: instant('annulled_at'),
  outageId: uuid('outage_id'),
  notAcceptedReasons: jsonb('not_accepted_reasons').$type<Reason[]>(),
});
export type DeclarationRow = typeof declarations.$inferSelect;

export const declarationVersions = customs.table('declaration_versions', {
  declarationId: uuid('declaration_id').notNull(),
  version: integer('version').notNull(),
  data: jsonb('data').$type<DeclarationData>().notNull(),
  sha256: text('sha256').notNull(),
  signature: text('signature'),
  certificatePem: text('certificate_pem'),
  signerTin: text('signer_tin'),
  reason: text('reason').notNull(),
  actor: text('actor').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const documentFiles = customs.table('document_files', {
  sha256: text('sha256').primaryKey(),
  content: bytea('content').notNull(),
  mediaType: text('media_type').notNull(),
  fileName: text('file_name').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: instant('uploaded_at').notNull(),
});

export const originalRequests = customs.table('original_requests', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  documentType: text('document_type').notNull(),
  kind: text('kind').$type<'customs_value' | 'origin_for_preference' | 'payment_relief'>().notNull(),
  requestedAt: instant('requested_at').notNull(),
  requestedBy: text('requested_by').notNull(),
  riskBasis: text('risk_basis').notNull(),
  seenAt: instant('seen_at'),
  seenBy: text('seen_by'),
});

export type RequestKind = 'amendment' | 'withdrawal' | 'amendment_demand';
export type RequestStatus = 'open' | 'permitted' | 'refused' | 'done';
export const declarationRequests = customs.table('declaration_requests', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  kind: text('kind').$type<RequestKind>().notNull(),
  status: text('status').$type<RequestStatus>().notNull(),
  reason: text('reason').notNull(),
  changes: jsonb('changes').$type<Record<string, unknown>>(),
  signature: text('signature'),
  certificatePem: text('certificate_pem'),
  requestedBy: text('requested_by').notNull(),
  requestedAt: instant('requested_at').notNull(),
  dueAt: instant('due_at'),
  decidedBy: text('decided_by'),
  decidedAt: instant('decided_at'),
  decisionReasons: jsonb('decision_reasons').$type<string[]>(),
});
export type DeclarationRequestRow = typeof declarationRequests.$inferSelect;

export const CONTROL_EVENT_KINDS = [
  'documents_requested',
  'examination_notified',
  'inspection_decided',
  'expertise_ordered',
  'violation_found',
  'no_violation_found',
  'control_completed',
  'release_suspended',
  'suspension_cancelled',
] as const;
export type ControlEventKind = (typeof CONTROL_EVENT_KINDS)[number];
export const controlEvents = customs.table('control_events', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  kind: text('kind').$type<ControlEventKind>().notNull(),
  carriesLiability: boolean('carries_liability'),
  isRemedied: boolean('is_remedied'),
  note: text('note').notNull(),
  place: text('place'),
  scheduledAt: instant('scheduled_at'),
  at: instant('at').notNull(),
  actor: text('actor').notNull(),
  /** CUS-CTL-03: the risk decision that is the legal basis of a pre-release control act. */
  riskDecisionId: uuid('risk_decision_id'),
});
export type ControlEventRow = typeof controlEvents.$inferSelect;

export const documentRequirements = customs.table('document_requirements', {
  id: uuid('id').primaryKey(),
  documentType: text('document_type').notNull(),
  basis: text('basis').$type<'procedure' | 'permit'>().notNull(),
  direction: text('direction'),
  regime: text('regime'),
  transportMode: text('transport_mode'),
  commodityPrefix: text('commodity_prefix'),
  channel: text('channel'),
  isObtainable: boolean('is_obtainable').notNull(),
  legalBasis: text('legal_basis').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
});

export const trustedIssuers = customs.table('trusted_issuers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  certificatePem: text('certificate_pem').notNull(),
  sha256: text('sha256').notNull(),
  addedBy: text('added_by').notNull(),
  addedAt: instant('added_at').notNull(),
  removedAt: instant('removed_at'),
});
