-- Electronic customs: periodic declaring (art.136-138, catalog 3.2; docs/customs-periodic.md).
-- Legal dates are `date`, instants `timestamptz`; every deadline is stored on the row it governs.

-- AMB-07, AMB-10: the numbers the text leaves open, changeable without a release.
CREATE TABLE customs.periodic_parameters (
  code text PRIMARY KEY CHECK (code IN ('withdrawal_grace_days', 'decision_escalation_day')),
  days integer NOT NULL CHECK (days > 0),
  legal_basis text NOT NULL
);
INSERT INTO customs.periodic_parameters (code, days, legal_basis) VALUES
  ('withdrawal_grace_days', 10, 'AMB-07: "in the set time" of art.136 p.15 and art.138 p.7 is not set; by analogy with art.136 p.9'),
  ('decision_escalation_day', 8, 'AMB-10: escalate an undecided application on day 8 of the 10 of art.136 p.2');

CREATE SEQUENCE customs.periodic_number_seq;

-- The application (art.136 p.1, 6-7) and its life (catalog 3.2).
CREATE TABLE customs.periodic_applications (
  id uuid PRIMARY KEY,
  -- PD-<year>-<6 digits>.
  number text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('SUBMITTED', 'PERMITTED', 'REFUSED', 'ACTIVE', 'DECLARATION_DUE', 'DECLARED', 'WITHDRAWAL_DUE', 'WITHDRAWN',
    'PERMISSION_ANNULLED', 'EXPORT_OVERDUE', 'DECLARATION_WITHDRAWN', 'RELEASE_ANNULLED', 'CLOSED')),
  direction text NOT NULL CHECK (direction IN ('import', 'export')),
  form text NOT NULL CHECK (form IN ('electronic', 'written')),
  office_code text NOT NULL,
  border_point_code text NOT NULL,
  declarant_code text NOT NULL,
  applicant_account uuid NOT NULL,
  applicant text NOT NULL,
  contract_number text NOT NULL,
  contract_date date NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  -- [{commodityCode, plannedQuantity, isRestricted, hasExportDuty}]
  lines jsonb NOT NULL,
  is_restricted boolean NOT NULL,
  has_payments_due boolean NOT NULL,
  guarantee_reference text,
  submitted_at timestamptz NOT NULL,
  decision_due_at timestamptz NOT NULL,
  escalate_at timestamptz NOT NULL,
  escalated_at timestamptz,
  overdue_notified_at timestamptz,
  refusal_notice_due_at timestamptz,
  decided_at timestamptz,
  decided_by text,
  decision_form text CHECK (decision_form IN ('electronic', 'written')),
  decision_reason text,
  refusal_conditions text,
  is_decision_late boolean,
  activated_at timestamptz,
  period_closed_at timestamptz,
  declaration_due_at timestamptz,
  declaration_overdue_at timestamptz,
  original_declaration_due_at timestamptz,
  extension_reason text,
  whole_lot_exited_on date,
  export_due_at timestamptz,
  withdrawal_due_at timestamptz,
  withdrawal_escalated_at timestamptz,
  withdrawn_at timestamptz,
  withdrawal_form text CHECK (withdrawal_form IN ('electronic', 'written')),
  withdrawal_reason text,
  annulled_at timestamptz,
  annulled_by text,
  annulment_reason text,
  declaration_number text,
  declared_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL,
  CHECK (period_end >= period_start)
);
CREATE INDEX periodic_applications_declarant ON customs.periodic_applications (declarant_code, submitted_at DESC);
CREATE INDEX periodic_applications_queue ON customs.periodic_applications (state, office_code, submitted_at);

-- Art.136 p.8: the notice before each delivery, with quantities and the delivery day (the day whose
-- prohibitions and restrictions apply, art.136 p.12); for export, the actual exit (art.138 p.2-3).
-- Temporary storage releases goods on it (art.121 p.1, CUS-TS-18).
CREATE TABLE customs.periodic_notices (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES customs.periodic_applications (id),
  -- <application number>/<seq, 2 digits or more>.
  number text NOT NULL UNIQUE,
  seq integer NOT NULL,
  delivery_on date NOT NULL,
  -- [{commodityCode, quantity}]
  lines jsonb NOT NULL,
  vehicles text[] NOT NULL,
  form text NOT NULL CHECK (form IN ('electronic', 'written')),
  notified_at timestamptz NOT NULL,
  notified_by text NOT NULL,
  exited_on date,
  exit_lines jsonb,
  exit_recorded_at timestamptz,
  exit_recorded_by text,
  UNIQUE (application_id, seq)
);
CREATE INDEX periodic_notices_delivery ON customs.periodic_notices (delivery_on);
