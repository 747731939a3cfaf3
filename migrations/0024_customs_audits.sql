-- Electronic customs: customs audits (art.417, 417(1), 417(2); catalog 2.6, 3.3) and customs escort
-- (art.402(1); catalog 2.5 CUS-CTL-08..11, 3.4); docs/customs-audits.md. Legal dates are `date`,
-- instants `timestamptz`, money bigint dirams; every deadline is stored on the row it governs.

-- CUS-AUD-13, A5: the head of the customs authority or an authorised deputy signs field-audit orders
-- and extends audits.
ALTER TABLE platform.accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE platform.accounts ADD CONSTRAINT accounts_role_check
  CHECK (role IN ('operator_admin', 'tax_officer', 'tsc_specialist', 'business', 'customs_officer', 'risk_analyst', 'declarant', 'taxpayer',
                  'service_officer', 'carrier', 'warehouse_owner', 'customs_head'));

CREATE SEQUENCE customs.audit_number_seq;
CREATE SEQUENCE customs.audit_plan_number_seq;
CREATE SEQUENCE customs.escort_number_seq;

-- Art.417 p.4: the customs authority's periodic plan of control activity.
CREATE TABLE customs.audit_plans (
  id uuid PRIMARY KEY,
  -- AP-<year>-<6 digits>.
  number text NOT NULL UNIQUE,
  office_code text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  title text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK (period_to >= period_from)
);

-- One audit (catalog 3.3): planned (a plan entry) or unplanned (one ground of the closed lists).
CREATE TABLE customs.audits (
  id uuid PRIMARY KEY,
  -- AUD-<year>-<6 digits>.
  number text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('PLANNED', 'GROUND_REGISTERED', 'ORDER_ISSUED', 'IN_PROGRESS', 'EXTENDED', 'REPORT_ISSUED', 'CLOSED')),
  -- Art.417 p.5.
  place text NOT NULL CHECK (place IN ('desk', 'field')),
  focus text NOT NULL CHECK (focus IN ('complex', 'thematic')),
  theme text,
  office_code text NOT NULL,
  -- AMB-12: the audited person (TIN or foreign code), with or without declarations.
  person_code text NOT NULL,
  person_name text NOT NULL,
  plan_id uuid REFERENCES customs.audit_plans (id),
  planned_on date,
  -- D1-D8 (art.417(1) p.6), F1-F15 (art.417(2) p.5).
  ground text,
  ground_details text,
  -- A7/A8: the audit whose results (or a complaint about them) ground this one.
  origin_audit_id uuid REFERENCES customs.audits (id),
  -- CUS-CTL-07: [{type, reference}] over the 8 objects of art.399(1).
  control_objects jsonb NOT NULL,
  covered_from date,
  covered_to date,
  registered_at timestamptz NOT NULL,
  registered_by text NOT NULL,
  order_issued_at timestamptz,
  order_signed_by text,
  order_signer_role text,
  order_instructions text,
  auditors text[],
  delivery_method text CHECK (delivery_method IN ('electronic', 'in_person', 'post')),
  delivered_on date,
  delivery_recorded_at timestamptz,
  -- Art.417(1) p.4-5, art.417(2) p.3-4: start = delivery day; last day = start + 30 (+ extension).
  start_on date,
  due_on date,
  original_due_on date,
  extension_days integer CHECK (extension_days BETWEEN 1 AND 30),
  extension_reason text,
  extended_at timestamptz,
  extended_by text,
  overdue_notified_at timestamptz,
  report_issued_at timestamptz,
  report_by text,
  is_violation_found boolean,
  is_documents_not_submitted boolean,
  findings text,
  additional_dirams bigint CHECK (additional_dirams >= 0),
  is_report_late boolean,
  late_reason text,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL,
  -- CUS-AUD-02: planned with its plan, unplanned with its ground.
  CHECK ((plan_id IS NULL) <> (ground IS NULL)),
  CHECK (focus <> 'thematic' OR theme IS NOT NULL),
  CHECK (covered_to IS NULL OR covered_from IS NULL OR covered_to >= covered_from)
);
CREATE INDEX audits_person ON customs.audits (person_code, registered_at DESC);
CREATE INDEX audits_queue ON customs.audits (state, office_code, registered_at);
CREATE INDEX audits_plan ON customs.audits (plan_id);

-- Declarations an audit covers (optional, AMB-12); released goods only (art.417 p.1).
CREATE TABLE customs.audit_declarations (
  audit_id uuid NOT NULL REFERENCES customs.audits (id),
  declaration_id uuid NOT NULL,
  number text NOT NULL,
  PRIMARY KEY (audit_id, declaration_id)
);

-- The audit card's history: every step with who, when, and the states before and after. Append-only.
CREATE TABLE customs.audit_events (
  id uuid PRIMARY KEY,
  audit_id uuid NOT NULL REFERENCES customs.audits (id),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  details jsonb NOT NULL
);
CREATE INDEX audit_events_audit ON customs.audit_events (audit_id, at);

-- CUS-CTL-11 (art.402(1) p.4): the escort fee table set by the Government, by distance band, from a
-- day on; a flat fee per escort is one band from 0 km with no upper bound. The rows below are
-- PLACEHOLDERS for the demo: the Government's amounts are not in the draft (AMB-18); enter the real
-- table through POST /api/customs/escort-fees before production use.
CREATE TABLE customs.escort_fees (
  valid_from date NOT NULL,
  from_km integer NOT NULL CHECK (from_km >= 0),
  to_km integer,
  amount_dirams bigint NOT NULL CHECK (amount_dirams > 0),
  legal_basis text NOT NULL,
  PRIMARY KEY (valid_from, from_km),
  CHECK (to_km IS NULL OR to_km > from_km)
);
INSERT INTO customs.escort_fees (valid_from, from_km, to_km, amount_dirams, legal_basis) VALUES
  ('2025-01-01', 0, 100, 30000, 'PLACEHOLDER (demo): art.402(1) p.4, amounts set by the Government are not in the draft'),
  ('2025-01-01', 100, 300, 60000, 'PLACEHOLDER (demo): art.402(1) p.4, amounts set by the Government are not in the draft'),
  ('2025-01-01', 300, NULL, 100000, 'PLACEHOLDER (demo): art.402(1) p.4, amounts set by the Government are not in the draft');

-- Decisions of the risk management system whose measures include escort (event risk.lane_decided):
-- the RMS signal of art.402(1) p.2 i.1, fifth indent, proposed to officers.
CREATE TABLE customs.escort_proposals (
  decision_id uuid PRIMARY KEY,
  subject_kind text NOT NULL,
  subject_id text NOT NULL,
  lane text NOT NULL,
  measures text[] NOT NULL,
  received_at timestamptz NOT NULL
);

-- One escort decision and its life (catalog 3.4).
CREATE TABLE customs.escorts (
  id uuid PRIMARY KEY,
  -- ESC-<year>-<6 digits>; also the reference of the fee's payment order.
  number text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('DECIDED', 'CARRIER_INFORMED', 'ORGANISED', 'IN_ESCORT', 'COMPLETED', 'CANCELLED')),
  carriage_kind text NOT NULL CHECK (carriage_kind IN ('transit', 'without_transit')),
  transit_number text,
  declaration_number text,
  vehicle text NOT NULL,
  carrier_code text NOT NULL,
  carrier_name text NOT NULL,
  carrier_tin text,
  payer_tin text NOT NULL,
  from_office text NOT NULL,
  to_office text NOT NULL,
  distance_km integer NOT NULL CHECK (distance_km > 0),
  -- The facts evaluated (domain/escort.ts EscortFacts, amounts as text) and the grounds that held.
  facts jsonb NOT NULL,
  grounds text[] NOT NULL CHECK (cardinality(grounds) > 0),
  guarantee_reference text,
  risk_decision_id uuid,
  decided_at timestamptz NOT NULL,
  decided_by text NOT NULL,
  -- Art.402(1) p.3: decided_at + 24 hours.
  due_at timestamptz NOT NULL,
  informed_at timestamptz,
  informed_by text,
  inform_method text CHECK (inform_method IN ('electronic', 'written', 'in_person', 'phone')),
  is_informed_late boolean,
  organised_at timestamptz,
  organised_by text,
  team text[],
  starts_at timestamptz,
  is_organised_late boolean,
  late_reason text,
  overdue_notified_at timestamptz,
  fee_dirams bigint NOT NULL CHECK (fee_dirams > 0),
  fee_valid_from date NOT NULL,
  fee_from_km integer NOT NULL,
  fee_to_km integer,
  payment_order_version integer,
  started_at timestamptz,
  completed_at timestamptz,
  completion_note text,
  cancelled_at timestamptz,
  cancelled_by text,
  cancel_reason text,
  updated_at timestamptz NOT NULL,
  CHECK (transit_number IS NOT NULL OR declaration_number IS NOT NULL),
  CHECK (from_office <> to_office)
);
CREATE INDEX escorts_queue ON customs.escorts (state, decided_at);
CREATE INDEX escorts_carrier ON customs.escorts (carrier_tin, decided_at DESC);

CREATE TABLE customs.escort_events (
  id uuid PRIMARY KEY,
  escort_id uuid NOT NULL REFERENCES customs.escorts (id),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  details jsonb NOT NULL
);
CREATE INDEX escort_events_escort ON customs.escort_events (escort_id, at);
