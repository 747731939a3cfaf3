-- Electronic customs, second slice (issue #5): the goods declaration of chapter 14 and the people
-- who file and move goods. Two more roles: the carrier, who submits preliminary information for
-- air, rail and river transport (art.11-1 p.4), and the owner of a temporary storage warehouse,
-- who keeps its electronic record through the system (art.112 p.1 i.2). Both act by TIN.
ALTER TABLE platform.accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE platform.accounts ADD CONSTRAINT accounts_role_check
  CHECK (role IN ('operator_admin', 'tax_officer', 'tsc_specialist', 'business', 'customs_officer', 'risk_analyst', 'declarant', 'taxpayer',
                  'service_officer', 'carrier', 'warehouse_owner'));

-- Audit entries of busy paths wait here and are chained into platform.audit_log by the worker, in
-- the order they were written (created_seq): a writer no longer holds the chain's single tip until
-- it commits (docs/decisions.md "Audit entries chained by the worker").
CREATE TABLE platform.audit_pending (
  created_seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb
);

-- The goods declaration (chapter 14). `data` is the declaration as filed and, after acceptance, as
-- last amended with permission; every version is kept unchanged in declaration_versions (art.132
-- p.7: from acceptance the declaration is a legally significant document).
CREATE TABLE customs.declarations (
  id uuid PRIMARY KEY,
  -- Art.132 p.2: registration = acceptance; the number is given at registration.
  number text UNIQUE,
  state text NOT NULL CHECK (state IN ('DRAFT', 'PRELIMINARY_REGISTERED', 'WITHDRAWAL_DUE', 'REGISTERED', 'UNDER_CONTROL', 'AMENDMENT_REQUESTED',
    'AMENDMENT_DEMANDED', 'WITHDRAWAL_REQUESTED', 'RELEASE_SUSPENDED', 'RELEASED', 'CONDITIONALLY_RELEASED', 'RELEASE_REFUSED', 'WITHDRAWN',
    'RELEASE_ANNULLED', 'NOT_ACCEPTED')),
  -- The state a pending request returns to (catalog 3.1 D10, D14, D16).
  resume_state text,
  form text NOT NULL CHECK (form IN ('standard', 'preliminary', 'incomplete', 'periodic')),
  channel text NOT NULL CHECK (channel IN ('electronic', 'paper')),
  direction text NOT NULL CHECK (direction IN ('import', 'export')),
  regime text NOT NULL,
  office_code text NOT NULL,
  declarant_code text NOT NULL,
  broker_tin text,
  filer_tin text NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  registered_at timestamptz,
  accepted_on date,
  -- Art.129 p.1-2: an import declaration is due before the temporary storage period ends (moved to
  -- the office's next working day when it ends on a day off); a later filing is accepted and marked.
  filing_due_at timestamptz,
  is_filed_late boolean NOT NULL DEFAULT false,
  -- Assessment at the rates of the day of acceptance (art.136 p.13), in dirams.
  customs_value_dirams bigint,
  duty_dirams bigint,
  excise_dirams bigint,
  vat_dirams bigint,
  payable_dirams bigint,
  to_secure_dirams bigint,
  guarantee_reference text,
  -- Risk management's answer (CUS-RMS via the outbox): null until it comes.
  risk_lane text,
  risk_decided_at timestamptz,
  -- Deadlines: release (art.152), preliminary 15 days (art.130 p.4), incomplete 45 days (art.135 p.2).
  release_due_at timestamptz,
  preliminary_due_at timestamptz,
  -- Art.135 p.1: customs' permission to file an incomplete declaration, asked on the draft.
  incomplete_permitted_at timestamptz,
  incomplete_permitted_by text,
  incomplete_due_at timestamptz,
  incomplete_completed_at timestamptz,
  incomplete_overdue_at timestamptz,
  released_at timestamptz,
  -- Exported goods actually left the customs territory (art.134 p.3: withdrawal possible until then).
  exited_at timestamptz,
  refused_at timestamptz,
  refusal_grounds jsonb,
  withdrawn_at timestamptz,
  annulled_at timestamptz,
  outage_id uuid,
  -- Art.132 p.4-5: refusal of a paper declaration, with every reason, notified by the next day.
  not_accepted_reasons jsonb
);
CREATE INDEX declarations_filer ON customs.declarations (filer_tin, created_at DESC);
CREATE INDEX declarations_declarant ON customs.declarations (declarant_code, created_at DESC);
CREATE INDEX declarations_queue ON customs.declarations (office_code, state, registered_at);

-- Art.132 p.7, IMP-03: each registered version, signed, with its reason; never changed.
CREATE TABLE customs.declaration_versions (
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  version integer NOT NULL,
  data jsonb NOT NULL,
  sha256 text NOT NULL,
  signature text,
  certificate_pem text,
  signer_tin text,
  reason text NOT NULL,
  actor text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (declaration_id, version)
);
CREATE FUNCTION customs.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'customs.% is append-only', TG_TABLE_NAME USING ERRCODE = '55000';
END $$;
CREATE TRIGGER declaration_versions_append_only BEFORE UPDATE OR DELETE ON customs.declaration_versions
  FOR EACH ROW EXECUTE FUNCTION customs.refuse_change();

-- Art.63 p.9: electronic copies of documents, by their hash; the bytes are kept with the declaration.
CREATE TABLE customs.document_files (
  sha256 text PRIMARY KEY,
  content bytea NOT NULL,
  media_type text NOT NULL,
  file_name text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL
);

-- Art.63 p.12-13 (CUS-DOC-13, 14): originals asked on risk grounds, only of three kinds, and seen.
CREATE TABLE customs.original_requests (
  id uuid PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  document_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('customs_value', 'origin_for_preference', 'payment_relief')),
  requested_at timestamptz NOT NULL,
  requested_by text NOT NULL,
  risk_basis text NOT NULL,
  seen_at timestamptz,
  seen_by text
);

-- Art.133, art.134: the declarant's motivated requests and customs' demands, decided by customs.
CREATE TABLE customs.declaration_requests (
  id uuid PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  kind text NOT NULL CHECK (kind IN ('amendment', 'withdrawal', 'amendment_demand')),
  status text NOT NULL CHECK (status IN ('open', 'permitted', 'refused', 'done')),
  reason text NOT NULL,
  changes jsonb,
  signature text,
  certificate_pem text,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  due_at timestamptz,
  decided_by text,
  decided_at timestamptz,
  decision_reasons jsonb
);
CREATE INDEX declaration_requests_open ON customs.declaration_requests (declaration_id) WHERE status = 'open';

-- IMP-18: the events of customs control that decide whether a change or a withdrawal is allowed
-- (art.133 p.1, art.134 p.7-8): a request for documents (art.404), the notice of the place and time
-- of examination, an inspection decision, an expertise order, a finding and whether it carries liability.
CREATE TABLE customs.control_events (
  id uuid PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  kind text NOT NULL CHECK (kind IN ('documents_requested', 'examination_notified', 'inspection_decided', 'expertise_ordered', 'violation_found',
    'no_violation_found', 'control_completed', 'release_suspended', 'suspension_cancelled')),
  carries_liability boolean,
  is_remedied boolean,
  note text NOT NULL DEFAULT '',
  -- Where and when, for an examination (art.127 p.1 i.3, CUS-DEC-19).
  place text,
  scheduled_at timestamptz,
  at timestamptz NOT NULL,
  actor text NOT NULL
);
CREATE INDEX control_events_declaration ON customs.control_events (declaration_id, at);

-- Registration numbers: office / date of registration (DDMMYY) / a serial from one sequence. A
-- sequence takes no lock, so registrations at one office do not queue behind each other (a counter
-- row per office and day would be held until each registering transaction commits).
CREATE SEQUENCE customs.declaration_serial;

-- Art.63 p.3-4 (CUS-DOC-03, 04): the documents needed, keyed by the factors of p.3 and by commodity
-- code for permits, with history. A null key matches any value.
CREATE TABLE customs.document_requirements (
  id uuid PRIMARY KEY,
  document_type text NOT NULL,
  basis text NOT NULL CHECK (basis IN ('procedure', 'permit')),
  direction text,
  regime text,
  transport_mode text,
  commodity_prefix text,
  channel text,
  -- Customs obtains it from information systems: its details suffice (art.63 p.15).
  is_obtainable boolean NOT NULL DEFAULT false,
  legal_basis text NOT NULL,
  valid_from date NOT NULL,
  valid_to date
);

-- Art.124 p.8 (CUS-DEC-08): certificate authorities whose certificates sign declarations, besides
-- the platform's own authority.
CREATE TABLE customs.trusted_issuers (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  certificate_pem text NOT NULL,
  sha256 text NOT NULL UNIQUE,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL,
  removed_at timestamptz
);

INSERT INTO customs.document_requirements (id, document_type, basis, direction, regime, transport_mode, commodity_prefix, is_obtainable, legal_basis, valid_from) VALUES
  ('01930000-0000-7000-8000-000000000001', 'INVOICE', 'procedure', NULL, NULL, NULL, NULL, false, 'art.63 p.3 (demo list: verify with the authorised body)', '2025-01-01'),
  ('01930000-0000-7000-8000-000000000002', 'CONTRACT', 'procedure', NULL, 'release_for_free_circulation', NULL, NULL, false, 'art.63 p.3 (demo list)', '2025-01-01'),
  ('01930000-0000-7000-8000-000000000003', 'CONTRACT', 'procedure', NULL, 'export', NULL, NULL, false, 'art.63 p.3 (demo list)', '2025-01-01'),
  ('01930000-0000-7000-8000-000000000004', 'CMR', 'procedure', NULL, NULL, 'road', NULL, false, 'art.63 p.3 (demo list)', '2025-01-01'),
  ('01930000-0000-7000-8000-000000000005', 'PHYTO', 'permit', 'import', NULL, NULL, '10', true, 'art.63 p.4 (demo list: Government list of permits)', '2025-01-01'),
  ('01930000-0000-7000-8000-000000000006', 'PHYTO', 'permit', 'import', NULL, NULL, '11', true, 'art.63 p.4 (demo list: Government list of permits)', '2025-01-01');
