-- Fiscal data operator (seed 004, Res. 432): the registries of section 2-4, 8 and 10 and the
-- registration workflows. Nothing here is ever deleted: records change status, and every change
-- is in platform.audit_log.
CREATE SCHEMA IF NOT EXISTS fiscal;

-- Local tax inspectorates (FIS-IMP-16): they confirm registrations and sign the card (A2).
CREATE TABLE fiscal.inspectorates (
  code text PRIMARY KEY,
  name jsonb NOT NULL,
  region text NOT NULL,
  district text NOT NULL,
  address text NOT NULL,
  head_name text NOT NULL,
  registration_inspector_name text NOT NULL,
  office_code text NOT NULL DEFAULT 'default'
);

-- Taxpayers known to the operator (FIS-IMP-15), with the p.4 exemption when one applies.
CREATE TABLE fiscal.businesses (
  tin text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('legal_entity', 'individual_entrepreneur')),
  legal_address text NOT NULL,
  phone text,
  inspectorate_code text NOT NULL REFERENCES fiscal.inspectorates (code),
  tax_regime text NOT NULL CHECK (tax_regime IN ('general', 'simplified', 'patent', 'certificate', 'agricultural_single_tax')),
  is_vat_payer boolean NOT NULL,
  exemption text CHECK (exemption IN ('strict_accountability_documents', 'household_produce', 'agricultural_single_tax', 'patent', 'certificate_non_stationary')),
  exemption_basis text,
  data_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX businesses_name_idx ON fiscal.businesses (lower(name) text_pattern_ops);

-- State registry of online cash-register models and virtual-register programs (p.2, p.3, p.57),
-- each with its information-security conformity certificate (p.65, FIS-OPR-10).
CREATE TABLE fiscal.models (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('online', 'virtual')),
  name text NOT NULL,
  manufacturer text NOT NULL,
  version text NOT NULL,
  certificate_number text NOT NULL,
  certificate_issuer text NOT NULL,
  certificate_valid_from date NOT NULL,
  certificate_valid_to date NOT NULL,
  status text NOT NULL CHECK (status IN ('included', 'excluded')),
  included_on date NOT NULL,
  excluded_on date,
  exclusion_reason text,
  created_at timestamptz NOT NULL,
  UNIQUE (kind, name, version)
);

-- Applications for inclusion in the state registry of TSCs (p.99-105).
CREATE TABLE fiscal.tsc_applications (
  id uuid PRIMARY KEY,
  applicant_tin text NOT NULL,
  name text NOT NULL,
  head_name text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  website text,
  call_centre_phone text,
  status text NOT NULL CHECK (status IN ('received', 'site_check', 'included', 'refused')),
  inconsistencies text,
  received_at timestamptz NOT NULL,
  decision_due_at timestamptz NOT NULL,
  site_check_due_at timestamptz,
  decided_at timestamptz,
  decided_by text,
  decision_number text,
  refusal_grounds jsonb,
  tsc_id uuid,
  previous_application_id uuid REFERENCES fiscal.tsc_applications (id),
  created_by text NOT NULL
);
CREATE INDEX tsc_applications_tin_idx ON fiscal.tsc_applications (applicant_tin);

-- The state registry of TSCs (p.83-111), published (p.84).
CREATE TABLE fiscal.tscs (
  id uuid PRIMARY KEY,
  tin text NOT NULL,
  name text NOT NULL,
  head_name text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  website text,
  call_centre_phone text,
  status text NOT NULL CHECK (status IN ('included', 'removed')),
  access text NOT NULL CHECK (access IN ('active', 'suspended')),
  access_decision text,
  included_at timestamptz NOT NULL,
  decision_number text NOT NULL,
  application_id uuid NOT NULL REFERENCES fiscal.tsc_applications (id),
  removed_at timestamptz,
  removal_ground text CHECK (removal_ground IN ('liquidation_or_bankruptcy', 'legal_requirements_changed', 'unauthorised_parameter_change')),
  removal_decision text
);
CREATE UNIQUE INDEX tscs_active_tin_idx ON fiscal.tscs (tin) WHERE status = 'included';
CREATE INDEX tscs_tin_idx ON fiscal.tscs (tin);

-- Regional branches of TSCs, each registered separately with the operator (p.85, p.112-120).
CREATE TABLE fiscal.branches (
  id uuid PRIMARY KEY,
  tsc_id uuid NOT NULL REFERENCES fiscal.tscs (id),
  name text NOT NULL,
  region text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'registered', 'refused', 'deregistered')),
  received_at timestamptz NOT NULL,
  reply_due_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text,
  refusal_grounds jsonb,
  deregistered_at timestamptz,
  deregistration_ground text CHECK (deregistration_ground IN ('tsc_request', 'tsc_removed')),
  previous_branch_id uuid REFERENCES fiscal.branches (id)
);
CREATE INDEX branches_tsc_idx ON fiscal.branches (tsc_id);

-- Qualified (certified) specialists registered by the operator on the TSC's application (p.53, p.100, p.112).
CREATE TABLE fiscal.specialists (
  id uuid PRIMARY KEY,
  tsc_id uuid NOT NULL REFERENCES fiscal.tscs (id),
  branch_id uuid REFERENCES fiscal.branches (id),
  full_name text NOT NULL,
  certificate_number text NOT NULL,
  certificate_issuer text NOT NULL,
  login text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'registered', 'refused', 'revoked')),
  account_id uuid,
  applied_at timestamptz NOT NULL,
  decided_at timestamptz,
  refusal_reason text
);
CREATE INDEX specialists_tsc_idx ON fiscal.specialists (tsc_id);

-- Registered online cash registers and virtual registers (p.17): the registry behind card A2.
CREATE SEQUENCE fiscal.registry_number_seq;
CREATE TABLE fiscal.registers (
  id uuid PRIMARY KEY,
  registry_number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('online', 'virtual')),
  model_id uuid NOT NULL REFERENCES fiscal.models (id),
  manufacturer_number text NOT NULL,
  software_version text NOT NULL,
  fiscal_module_number text NOT NULL,
  business_tin text NOT NULL REFERENCES fiscal.businesses (tin),
  business_data_version integer NOT NULL,
  place_of_activity text NOT NULL,
  inspectorate_code text NOT NULL REFERENCES fiscal.inspectorates (code),
  tsc_id uuid NOT NULL REFERENCES fiscal.tscs (id),
  branch_id uuid REFERENCES fiscal.branches (id),
  status text NOT NULL CHECK (status IN ('registered', 'deregistered')),
  is_lost boolean NOT NULL DEFAULT false,
  registered_at timestamptz NOT NULL,
  deregistered_at timestamptz,
  next_inspection_due_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX registers_active_device_idx ON fiscal.registers (model_id, manufacturer_number) WHERE status = 'registered';
CREATE UNIQUE INDEX registers_active_module_idx ON fiscal.registers (fiscal_module_number) WHERE status = 'registered';
CREATE INDEX registers_business_idx ON fiscal.registers (business_tin, registered_at DESC);
CREATE INDEX registers_tsc_idx ON fiscal.registers (tsc_id, registered_at DESC);
CREATE INDEX registers_branch_idx ON fiscal.registers (branch_id) WHERE branch_id IS NOT NULL;
CREATE INDEX registers_inspectorate_idx ON fiscal.registers (inspectorate_code, registered_at DESC);
CREATE INDEX registers_manufacturer_number_idx ON fiscal.registers (manufacturer_number);
CREATE INDEX registers_place_idx ON fiscal.registers (lower(place_of_activity) text_pattern_ops);

-- Every line of card A2: registration, re-registration, address change, deregistration (FIS-AX2-09).
CREATE TABLE fiscal.register_events (
  id uuid PRIMARY KEY,
  register_id uuid NOT NULL REFERENCES fiscal.registers (id),
  kind text NOT NULL CHECK (kind IN ('registered', 're_registered', 'address_changed', 'deregistered', 'lost', 'inspected')),
  at timestamptz NOT NULL,
  application_id uuid,
  place_of_activity text NOT NULL,
  software_version text NOT NULL,
  fiscal_module_number text NOT NULL,
  note text
);
CREATE INDEX register_events_register_idx ON fiscal.register_events (register_id, at);

-- The registry of fiscal modules and their custody chain (p.53 item 12, p.56, p.98, p.110).
CREATE TABLE fiscal.fiscal_modules (
  number text PRIMARY KEY,
  manufacturer_number text NOT NULL,
  status text NOT NULL CHECK (status IN ('supplied', 'registered', 'installed', 'awaiting_return', 'returned')),
  tsc_id uuid NOT NULL REFERENCES fiscal.tscs (id),
  register_id uuid REFERENCES fiscal.registers (id),
  supplied_at timestamptz NOT NULL,
  registered_at timestamptz,
  return_reason text,
  return_due_at timestamptz,
  returned_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX fiscal_modules_register_idx ON fiscal.fiscal_modules (register_id) WHERE register_id IS NOT NULL;
CREATE INDEX fiscal_modules_tsc_idx ON fiscal.fiscal_modules (tsc_id, status);

-- Applications of Annex 1 (registration, re-registration, address change) and Annex 3
-- (deregistration), entered by the TSC (p.19-33). `form` holds every field of the annex.
CREATE TABLE fiscal.applications (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('registration', 're_registration', 'address_change', 'deregistration')),
  status text NOT NULL CHECK (status IN ('received', 'under_study', 'completed', 'refused')),
  business_tin text NOT NULL REFERENCES fiscal.businesses (tin),
  tsc_id uuid NOT NULL REFERENCES fiscal.tscs (id),
  branch_id uuid REFERENCES fiscal.branches (id),
  entered_by text NOT NULL,
  register_id uuid REFERENCES fiscal.registers (id),
  model_id uuid REFERENCES fiscal.models (id),
  form jsonb NOT NULL,
  findings jsonb NOT NULL DEFAULT '[]',
  signature jsonb,
  received_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  study_due_at timestamptz,
  study_note text,
  decided_at timestamptz,
  decided_by text,
  refusal_grounds jsonb,
  is_late boolean NOT NULL DEFAULT false,
  previous_application_id uuid REFERENCES fiscal.applications (id)
);
CREATE INDEX applications_business_idx ON fiscal.applications (business_tin, received_at DESC);
CREATE INDEX applications_tsc_idx ON fiscal.applications (tsc_id, received_at DESC);
CREATE INDEX applications_status_idx ON fiscal.applications (status, due_at);

-- Attachments of applications (p.20, p.100, A3): content kept with its SHA-256.
CREATE TABLE fiscal.attachments (
  id uuid PRIMARY KEY,
  owner_type text NOT NULL CHECK (owner_type IN ('application', 'tsc_application', 'branch', 'specialist')),
  owner_id uuid NOT NULL,
  kind text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  sheets integer,
  content_base64 text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX attachments_owner_idx ON fiscal.attachments (owner_type, owner_id);

-- Loss (p.16) and breakdown (p.37) reports.
CREATE TABLE fiscal.incidents (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('loss', 'breakdown')),
  register_id uuid NOT NULL REFERENCES fiscal.registers (id),
  business_tin text NOT NULL,
  tsc_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('cabinet', 'call_centre', 'in_person')),
  description text NOT NULL,
  occurred_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL,
  reported_by text NOT NULL,
  report_due_at timestamptz NOT NULL,
  is_late boolean NOT NULL,
  tax_notice_due_at timestamptz,
  tax_notified_at timestamptz
);
CREATE INDEX incidents_register_idx ON fiscal.incidents (register_id, reported_at DESC);
CREATE INDEX incidents_tsc_idx ON fiscal.incidents (tsc_id, reported_at DESC);

-- The yearly technical and software inspection by the TSC (p.89).
CREATE TABLE fiscal.inspections (
  id uuid PRIMARY KEY,
  register_id uuid NOT NULL REFERENCES fiscal.registers (id),
  tsc_id uuid NOT NULL,
  inspected_on date NOT NULL,
  result text NOT NULL CHECK (result IN ('passed', 'failed')),
  notes text NOT NULL,
  recorded_at timestamptz NOT NULL,
  record_due_at timestamptz NOT NULL,
  is_late boolean NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX inspections_register_idx ON fiscal.inspections (register_id, inspected_on DESC);

-- Every legal deadline as a stored due time (DESIGN.md "Legal deadlines are data").
CREATE TABLE fiscal.deadlines (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  legal_ref text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  responsible_kind text NOT NULL CHECK (responsible_kind IN ('org', 'unit', 'inspectorate', 'operator', 'authorised_body', 'business')),
  responsible_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  met_at timestamptz,
  overdue_at timestamptz
);
CREATE INDEX deadlines_open_idx ON fiscal.deadlines (due_at) WHERE met_at IS NULL;
CREATE INDEX deadlines_subject_idx ON fiscal.deadlines (subject_type, subject_id);
CREATE INDEX deadlines_responsible_idx ON fiscal.deadlines (responsible_kind, responsible_id, due_at);
