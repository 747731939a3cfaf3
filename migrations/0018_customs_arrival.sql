-- Electronic customs (issue #5): preliminary information (art.11-1), arrival and temporary storage
-- (art.77 p.2, art.101-121) and the register of temporary storage warehouses (art.106-112).
-- docs/customs-arrival.md describes the model; src/contexts/customs/infrastructure/{preliminary,
-- storage,warehouse}.schema.ts mirror these tables.

-- The parameters the authorised customs body sets (art.11-1 p.5, p.9; art.103 p.1, A-02, A-20).
-- One row; changes are audited.
CREATE TABLE customs.arrival_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  pi_registration text NOT NULL CHECK (pi_registration IN ('automatic', 'manual')),
  pi_kept_days integer NOT NULL CHECK (pi_kept_days BETWEEN 1 AND 366),
  storage_ordinary_days integer NOT NULL CHECK (storage_ordinary_days BETWEEN 1 AND 366),
  storage_maximum_days integer NOT NULL CHECK (storage_maximum_days BETWEEN 1 AND 366),
  storage_warning_days integer NOT NULL CHECK (storage_warning_days BETWEEN 0 AND 30),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  CHECK (storage_ordinary_days <= storage_maximum_days)
);
INSERT INTO customs.arrival_settings (pi_registration, pi_kept_days, storage_ordinary_days, storage_maximum_days, storage_warning_days, updated_at, updated_by)
VALUES ('automatic', 30, 15, 90, 3, '2025-01-01T00:00:00Z', 'migration 0018');

-- Outages of the customs information system (art.11-1 p.2, art.124 p.3): the only time paper is allowed.
CREATE TABLE customs.outages (
  id uuid PRIMARY KEY,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  cause text NOT NULL CHECK (cause IN ('technical_fault', 'communication_outage', 'no_electricity', 'other_unforeseen')),
  description text NOT NULL,
  office_codes text[] NOT NULL CHECK (cardinality(office_codes) > 0),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX outages_started ON customs.outages (started_at);

-- Preliminary information (art.10 p.1 i.41, art.11-1): the five data groups; kept 30 calendar days
-- from the day of registration, then EXPIRED and archived, never deleted (A-03).
CREATE SEQUENCE customs.preliminary_number_seq;
CREATE TABLE customs.preliminary_information (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('SUBMITTED', 'REGISTERED', 'REFUSED', 'USED', 'EXPIRED')),
  channel text NOT NULL CHECK (channel IN ('electronic', 'paper')),
  outage_id uuid REFERENCES customs.outages (id),
  keyed_by text,
  transport_mode text NOT NULL CHECK (transport_mode IN ('road', 'river', 'air', 'rail')),
  submitter_role text NOT NULL CHECK (submitter_role IN ('declarant', 'carrier')),
  submitter_tin text NOT NULL,
  declarant_tin text,
  arrival_office text NOT NULL,
  expected_arrival_at timestamptz NOT NULL,
  carrier jsonb NOT NULL,
  vehicles jsonb NOT NULL,
  goods jsonb NOT NULL,
  passengers jsonb NOT NULL,
  submitted_at timestamptz NOT NULL,
  registered_at timestamptz,
  expires_at timestamptz,
  refused_at timestamptz,
  refusal_reason text,
  decided_by text,
  expired_at timestamptz,
  CHECK ((channel = 'paper') = (outage_id IS NOT NULL AND keyed_by IS NOT NULL)),
  CHECK (status <> 'REFUSED' OR (refused_at IS NOT NULL AND refusal_reason IS NOT NULL)),
  CHECK (status NOT IN ('REGISTERED', 'USED', 'EXPIRED') OR (registered_at IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX preliminary_information_expiry ON customs.preliminary_information (expires_at) WHERE status IN ('REGISTERED', 'USED');
CREATE INDEX preliminary_information_submitter ON customs.preliminary_information (submitter_tin);
CREATE INDEX preliminary_information_arrival ON customs.preliminary_information (arrival_office, expected_arrival_at);

-- Each reuse of registered preliminary information (art.11-1 p.3, CUS-PI-05).
CREATE TABLE customs.preliminary_uses (
  id uuid PRIMARY KEY,
  preliminary_id uuid NOT NULL REFERENCES customs.preliminary_information (id),
  use text NOT NULL CHECK (use IN ('arrival', 'storage', 'declaration', 'transit')),
  used_at timestamptz NOT NULL,
  reference text
);
CREATE INDEX preliminary_uses_preliminary ON customs.preliminary_uses (preliminary_id);

-- Temporary storage warehouses: applications and the register (art.106-111).
CREATE TABLE customs.warehouse_applications (
  id uuid PRIMARY KEY,
  applicant_tin text NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('open', 'closed')),
  purposes text[] NOT NULL,
  office_code text NOT NULL,
  address text NOT NULL,
  area_sqm integer NOT NULL CHECK (area_sqm > 0),
  insurance jsonb,
  insurance_policy_document text,
  status text NOT NULL CHECK (status IN ('submitted', 'approved', 'refused')),
  submitted_at timestamptz NOT NULL,
  submitted_by text NOT NULL,
  decided_at timestamptz,
  decided_by text,
  decision_reason text,
  warehouse_id uuid,
  -- CUS-TS-09: a closed-type warehouse never stores "special goods" for others.
  CHECK (type = 'open' OR NOT ('special_goods' = ANY (purposes))),
  -- CUS-TS-10..12: insurance data and the policy are required only for an open-type warehouse.
  CHECK (type = 'closed' OR (insurance IS NOT NULL AND insurance_policy_document IS NOT NULL))
);
CREATE INDEX warehouse_applications_applicant ON customs.warehouse_applications (applicant_tin);

CREATE SEQUENCE customs.warehouse_number_seq;
CREATE TABLE customs.warehouses (
  id uuid PRIMARY KEY,
  register_number text NOT NULL UNIQUE,
  application_id uuid NOT NULL UNIQUE REFERENCES customs.warehouse_applications (id),
  owner_tin text NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('open', 'closed')),
  purposes text[] NOT NULL,
  office_code text NOT NULL,
  region text NOT NULL,
  address text NOT NULL,
  area_sqm integer NOT NULL,
  insurance jsonb,
  status text NOT NULL CHECK (status IN ('active', 'excluded')),
  registered_at timestamptz NOT NULL,
  registered_by text NOT NULL
);
CREATE INDEX warehouses_owner ON customs.warehouses (owner_tin);

-- Goods in temporary storage from presentation at the place of arrival (art.77 p.2) or from the
-- completion of internal transit (art.92 p.13, art.102 p.2), until release (art.121) or disposal
-- under Chapter 57.
CREATE SEQUENCE customs.storage_number_seq;
CREATE TABLE customs.storage_records (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('IN_TEMPORARY_STORAGE', 'SHORT_DECLARED', 'RELEASED', 'TO_DISPOSAL')),
  trigger text NOT NULL CHECK (trigger IN ('arrival', 'internal_transit_completed')),
  transit_reference text,
  preliminary_id uuid REFERENCES customs.preliminary_information (id),
  preliminary_number text,
  office_code text NOT NULL,
  calendar_office text NOT NULL,
  region text NOT NULL,
  declarant_tin text NOT NULL,
  transport_mode text,
  goods jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  short_declaration_due_at timestamptz NOT NULL,
  short_declaration_overdue_at timestamptz,
  short_declared_at timestamptz,
  short_declaration_number text UNIQUE,
  short_declared_by text,
  acted_as text CHECK (acted_as IN ('declarant', 'representative')),
  representative_tin text,
  place_kind text CHECK (place_kind IN ('warehouse', 'control_zone', 'recipient_warehouse')),
  warehouse_id uuid REFERENCES customs.warehouses (id),
  place_description text,
  guarantee_reference text,
  guarantee_dirams bigint CHECK (guarantee_dirams > 0),
  ordinary_ends_at timestamptz NOT NULL,
  maximum_ends_at timestamptz NOT NULL,
  extended_until timestamptz,
  period_warned_at timestamptz,
  maximum_warned_at timestamptz,
  released_at timestamptz,
  release_basis text CHECK (release_basis IN ('declaration', 'periodic_notice')),
  release_document text,
  disposal_at timestamptz,
  CHECK (status <> 'RELEASED' OR (released_at IS NOT NULL AND release_basis IS NOT NULL AND release_document IS NOT NULL)),
  CHECK (place_kind <> 'recipient_warehouse' OR guarantee_reference IS NOT NULL)
);
CREATE UNIQUE INDEX storage_records_one_per_preliminary ON customs.storage_records (preliminary_id) WHERE trigger = 'arrival';
CREATE INDEX storage_records_due ON customs.storage_records (short_declaration_due_at) WHERE status = 'IN_TEMPORARY_STORAGE';
CREATE INDEX storage_records_maximum ON customs.storage_records (maximum_ends_at) WHERE status IN ('IN_TEMPORARY_STORAGE', 'SHORT_DECLARED');
CREATE INDEX storage_records_declarant ON customs.storage_records (declarant_tin);
CREATE INDEX storage_records_warehouse ON customs.storage_records (warehouse_id);

-- Reasoned requests to extend the ordinary storage period up to the maximum (art.103 p.1, A-20).
CREATE TABLE customs.storage_extensions (
  id uuid PRIMARY KEY,
  storage_id uuid NOT NULL REFERENCES customs.storage_records (id),
  requested_at timestamptz NOT NULL,
  requested_by text NOT NULL,
  reason text NOT NULL,
  requested_until date NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'granted', 'refused')),
  decided_at timestamptz,
  decided_by text,
  decision_reason text,
  granted_until timestamptz
);
CREATE UNIQUE INDEX storage_extensions_one_pending ON customs.storage_extensions (storage_id) WHERE status = 'requested';

-- Goods handed to the Chapter 57 process when the maximum period ends (art.77 p.2).
CREATE TABLE customs.storage_disposals (
  storage_id uuid PRIMARY KEY REFERENCES customs.storage_records (id),
  office_code text NOT NULL,
  maximum_ended_at timestamptz NOT NULL,
  handed_at timestamptz NOT NULL
);

-- The warehouse owner's electronic goods record kept through the system (art.112 p.1 i.2):
-- goods in against the short declaration, goods out against the release document.
CREATE TABLE customs.warehouse_entries (
  id uuid PRIMARY KEY,
  warehouse_id uuid NOT NULL REFERENCES customs.warehouses (id),
  storage_id uuid NOT NULL REFERENCES customs.storage_records (id),
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  document_kind text NOT NULL CHECK (document_kind IN ('short_declaration', 'declaration', 'periodic_notice')),
  document_number text NOT NULL,
  line_no integer NOT NULL CHECK (line_no > 0),
  commodity_code text NOT NULL,
  unit text NOT NULL,
  quantity_milli bigint NOT NULL CHECK (quantity_milli > 0),
  channel text NOT NULL CHECK (channel IN ('portal', 'owner_software')),
  external_id text,
  posted_at timestamptz NOT NULL,
  posted_by text NOT NULL,
  CHECK ((direction = 'in') = (document_kind = 'short_declaration'))
);
CREATE INDEX warehouse_entries_warehouse ON customs.warehouse_entries (warehouse_id, storage_id);
CREATE UNIQUE INDEX warehouse_entries_external ON customs.warehouse_entries (warehouse_id, external_id) WHERE external_id IS NOT NULL;
