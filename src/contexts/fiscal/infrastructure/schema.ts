/**
 * Drizzle table definitions of the `fiscal` schema (migrations/0003_fiscal.sql is the source of
 * truth; test/schema-drift.integration.test.ts checks that the two agree).
 */
import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localised } from '../../../platform/i18n.ts';
import type { ConclusionFinding } from '../domain/tsc-conclusion.ts';
import type {
  ApplicationForm,
  ApplicationKind,
  ApplicationStatus,
  BranchStatus,
  BusinessKind,
  DeadlineKind,
  Exemption,
  Finding,
  FiscalModuleStatus,
  Ground,
  IncidentChannel,
  IncidentKind,
  RegisterEventKind,
  RegisterKind,
  ResponsibleKind,
  SignatureRecord,
  SpecialistStatus,
  TaxRegime,
  TscApplicationStatus,
  TscRemovalGround,
} from '../domain/types.ts';

export const fiscal = pgSchema('fiscal');
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const inspectorates = fiscal.table('inspectorates', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<Localised>().notNull(),
  region: text('region').notNull(),
  district: text('district').notNull(),
  address: text('address').notNull(),
  headName: text('head_name').notNull(),
  registrationInspectorName: text('registration_inspector_name').notNull(),
  officeCode: text('office_code').notNull().default('default'),
});

export const businesses = fiscal.table('businesses', {
  tin: text('tin').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<BusinessKind>().notNull(),
  legalAddress: text('legal_address').notNull(),
  phone: text('phone'),
  inspectorateCode: text('inspectorate_code').notNull(),
  taxRegime: text('tax_regime').$type<TaxRegime>().notNull(),
  isVatPayer: boolean('is_vat_payer').notNull(),
  exemption: text('exemption').$type<Exemption>(),
  exemptionBasis: text('exemption_basis'),
  dataVersion: integer('data_version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const models = fiscal.table('models', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<RegisterKind>().notNull(),
  name: text('name').notNull(),
  manufacturer: text('manufacturer').notNull(),
  version: text('version').notNull(),
  certificateNumber: text('certificate_number').notNull(),
  certificateIssuer: text('certificate_issuer').notNull(),
  certificateValidFrom: date('certificate_valid_from', { mode: 'string' }).notNull(),
  certificateValidTo: date('certificate_valid_to', { mode: 'string' }).notNull(),
  status: text('status').$type<'included' | 'excluded'>().notNull(),
  includedOn: date('included_on', { mode: 'string' }).notNull(),
  excludedOn: date('excluded_on', { mode: 'string' }),
  exclusionReason: text('exclusion_reason'),
  createdAt: ts('created_at').notNull(),
});

export const tscApplications = fiscal.table('tsc_applications', {
  id: uuid('id').primaryKey(),
  applicantTin: text('applicant_tin').notNull(),
  name: text('name').notNull(),
  headName: text('head_name').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  website: text('website'),
  callCentrePhone: text('call_centre_phone'),
  status: text('status').$type<TscApplicationStatus>().notNull(),
  inconsistencies: text('inconsistencies'),
  receivedAt: ts('received_at').notNull(),
  decisionDueAt: ts('decision_due_at').notNull(),
  siteCheckDueAt: ts('site_check_due_at'),
  decidedAt: ts('decided_at'),
  decidedBy: text('decided_by'),
  decisionNumber: text('decision_number'),
  refusalGrounds: jsonb('refusal_grounds').$type<Ground[]>(),
  tscId: uuid('tsc_id'),
  previousApplicationId: uuid('previous_application_id'),
  createdBy: text('created_by').notNull(),
});

export const tscs = fiscal.table('tscs', {
  id: uuid('id').primaryKey(),
  tin: text('tin').notNull(),
  name: text('name').notNull(),
  headName: text('head_name').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  website: text('website'),
  callCentrePhone: text('call_centre_phone'),
  status: text('status').$type<'included' | 'removed'>().notNull(),
  access: text('access').$type<'active' | 'suspended'>().notNull(),
  accessDecision: text('access_decision'),
  includedAt: ts('included_at').notNull(),
  decisionNumber: text('decision_number').notNull(),
  applicationId: uuid('application_id').notNull(),
  removedAt: ts('removed_at'),
  removalGround: text('removal_ground').$type<TscRemovalGround>(),
  removalDecision: text('removal_decision'),
});

export const branches = fiscal.table('branches', {
  id: uuid('id').primaryKey(),
  tscId: uuid('tsc_id').notNull(),
  name: text('name').notNull(),
  region: text('region').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  status: text('status').$type<BranchStatus>().notNull(),
  receivedAt: ts('received_at').notNull(),
  replyDueAt: ts('reply_due_at').notNull(),
  decidedAt: ts('decided_at'),
  decidedBy: text('decided_by'),
  refusalGrounds: jsonb('refusal_grounds').$type<Ground[]>(),
  deregisteredAt: ts('deregistered_at'),
  deregistrationGround: text('deregistration_ground').$type<'tsc_request' | 'tsc_removed'>(),
  previousBranchId: uuid('previous_branch_id'),
});

export const specialists = fiscal.table('specialists', {
  id: uuid('id').primaryKey(),
  tscId: uuid('tsc_id').notNull(),
  branchId: uuid('branch_id'),
  fullName: text('full_name').notNull(),
  certificateNumber: text('certificate_number').notNull(),
  certificateIssuer: text('certificate_issuer').notNull(),
  login: text('login').notNull(),
  status: text('status').$type<SpecialistStatus>().notNull(),
  accountId: uuid('account_id'),
  appliedAt: ts('applied_at').notNull(),
  decidedAt: ts('decided_at'),
  refusalReason: text('refusal_reason'),
});

export const registers = fiscal.table('registers', {
  id: uuid('id').primaryKey(),
  registryNumber: text('registry_number').notNull(),
  kind: text('kind').$type<RegisterKind>().notNull(),
  modelId: uuid('model_id').notNull(),
  manufacturerNumber: text('manufacturer_number').notNull(),
  softwareVersion: text('software_version').notNull(),
  fiscalModuleNumber: text('fiscal_module_number').notNull(),
  businessTin: text('business_tin').notNull(),
  businessDataVersion: integer('business_data_version').notNull(),
  placeOfActivity: text('place_of_activity').notNull(),
  inspectorateCode: text('inspectorate_code').notNull(),
  tscId: uuid('tsc_id').notNull(),
  branchId: uuid('branch_id'),
  status: text('status').$type<'registered' | 'deregistered'>().notNull(),
  isLost: boolean('is_lost').notNull().default(false),
  registeredAt: ts('registered_at').notNull(),
  deregisteredAt: ts('deregistered_at'),
  nextInspectionDueAt: ts('next_inspection_due_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const registerEvents = fiscal.table('register_events', {
  id: uuid('id').primaryKey(),
  registerId: uuid('register_id').notNull(),
  kind: text('kind').$type<RegisterEventKind>().notNull(),
  at: ts('at').notNull(),
  applicationId: uuid('application_id'),
  placeOfActivity: text('place_of_activity').notNull(),
  softwareVersion: text('software_version').notNull(),
  fiscalModuleNumber: text('fiscal_module_number').notNull(),
  note: text('note'),
});

export const fiscalModules = fiscal.table('fiscal_modules', {
  number: text('number').primaryKey(),
  manufacturerNumber: text('manufacturer_number').notNull(),
  status: text('status').$type<FiscalModuleStatus>().notNull(),
  tscId: uuid('tsc_id').notNull(),
  registerId: uuid('register_id'),
  suppliedAt: ts('supplied_at').notNull(),
  registeredAt: ts('registered_at'),
  returnReason: text('return_reason'),
  returnDueAt: ts('return_due_at'),
  returnedAt: ts('returned_at'),
  updatedAt: ts('updated_at').notNull(),
  /** p.81: the module's public key (hex), handed over at initialisation. */
  publicKey: text('public_key'),
  initialisedAt: ts('initialised_at'),
  /** The derived module keys, sealed (application/module-key-store.ts). */
  sealedKeys: text('sealed_keys'),
});

export const applications = fiscal.table('applications', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<ApplicationKind>().notNull(),
  status: text('status').$type<ApplicationStatus>().notNull(),
  businessTin: text('business_tin').notNull(),
  tscId: uuid('tsc_id').notNull(),
  branchId: uuid('branch_id'),
  enteredBy: text('entered_by').notNull(),
  registerId: uuid('register_id'),
  modelId: uuid('model_id'),
  form: jsonb('form').$type<ApplicationForm>().notNull(),
  findings: jsonb('findings').$type<Finding[]>().notNull().default(sql`'[]'::jsonb`),
  signature: jsonb('signature').$type<SignatureRecord>(),
  receivedAt: ts('received_at').notNull(),
  dueAt: ts('due_at').notNull(),
  studyDueAt: ts('study_due_at'),
  studyNote: text('study_note'),
  decidedAt: ts('decided_at'),
  decidedBy: text('decided_by'),
  refusalGrounds: jsonb('refusal_grounds').$type<Ground[]>(),
  isLate: boolean('is_late').notNull().default(false),
  previousApplicationId: uuid('previous_application_id'),
});

export const attachments = fiscal.table('attachments', {
  id: uuid('id').primaryKey(),
  ownerType: text('owner_type').$type<'application' | 'tsc_application' | 'branch' | 'specialist'>().notNull(),
  ownerId: uuid('owner_id').notNull(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  sheets: integer('sheets'),
  contentBase64: text('content_base64').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const incidents = fiscal.table('incidents', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<IncidentKind>().notNull(),
  registerId: uuid('register_id').notNull(),
  businessTin: text('business_tin').notNull(),
  tscId: uuid('tsc_id').notNull(),
  channel: text('channel').$type<IncidentChannel>().notNull(),
  description: text('description').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  reportedAt: ts('reported_at').notNull(),
  reportedBy: text('reported_by').notNull(),
  reportDueAt: ts('report_due_at').notNull(),
  isLate: boolean('is_late').notNull(),
  taxNoticeDueAt: ts('tax_notice_due_at'),
  taxNotifiedAt: ts('tax_notified_at'),
});

export const inspections = fiscal.table('inspections', {
  id: uuid('id').primaryKey(),
  registerId: uuid('register_id').notNull(),
  tscId: uuid('tsc_id').notNull(),
  inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
  result: text('result').$type<'passed' | 'failed'>().notNull(),
  notes: text('notes').notNull(),
  recordedAt: ts('recorded_at').notNull(),
  recordDueAt: ts('record_due_at').notNull(),
  isLate: boolean('is_late').notNull(),
  recordedBy: text('recorded_by').notNull(),
});

export const deadlines = fiscal.table('deadlines', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<DeadlineKind>().notNull(),
  legalRef: text('legal_ref').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  responsibleKind: text('responsible_kind').$type<ResponsibleKind>().notNull(),
  responsibleId: text('responsible_id').notNull(),
  startsAt: ts('starts_at').notNull(),
  dueAt: ts('due_at').notNull(),
  metAt: ts('met_at'),
  overdueAt: ts('overdue_at'),
});

/** p.59 (FIS-OPR-14): the operator's conclusions on TSCs, each on an instruction of the authorised body. */
export const tscConclusions = fiscal.table('tsc_conclusions', {
  id: uuid('id').primaryKey(),
  tscId: uuid('tsc_id').notNull(),
  instructionReference: text('instruction_reference').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  instructedAt: ts('instructed_at').notNull(),
  instructedBy: text('instructed_by').notNull(),
  status: text('status').$type<'instructed' | 'given'>().notNull(),
  fullyPerforms: boolean('fully_performs'),
  recommendation: text('recommendation').$type<'none' | 'remove'>(),
  findings: jsonb('findings').$type<readonly ConclusionFinding[]>(),
  deadlinesStudied: integer('deadlines_studied'),
  deadlinesKept: integer('deadlines_kept'),
  operatorComment: text('operator_comment'),
  givenAt: ts('given_at'),
  givenBy: text('given_by'),
});
