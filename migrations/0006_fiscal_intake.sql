-- Fiscal data intake (seed 004 p.52-53, p.76-79): the module keys, the operator's key pair, the
-- documents received (append-only, partitioned by month of receipt), their idempotency keys and
-- acknowledgements, per-module state, shifts, refunds and alerts.

-- p.81: at initialisation the module hands its public key to the operator.
ALTER TABLE fiscal.fiscal_modules ADD COLUMN public_key text;
ALTER TABLE fiscal.fiscal_modules ADD COLUMN initialised_at timestamptz;

-- The operator's key pair for key agreement with the modules (FIS-IMP-21: an HSM in production).
CREATE TABLE fiscal.operator_keys (
  id text PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL
);

-- One row per accepted document: the exactly-once key (module, number), what the document hashed
-- to, and the acknowledgement exactly as first sent (a resubmission gets these bytes again).
CREATE TABLE fiscal.document_keys (
  fiscal_module_number text NOT NULL,
  number bigint NOT NULL,
  doc_type text NOT NULL,
  register_id uuid NOT NULL,
  content_hash text NOT NULL,
  fiscal_sign text NOT NULL,
  prev_fiscal_sign text NOT NULL,
  total bigint NOT NULL,
  issued_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  ack text NOT NULL,
  PRIMARY KEY (fiscal_module_number, number)
);

-- The documents, append-only, partitioned by the month they were received (p.53: kept five years
-- from receipt). `body` is the document as the module sent it.
CREATE TABLE fiscal.documents (
  received_at timestamptz NOT NULL,
  fiscal_module_number text NOT NULL,
  number bigint NOT NULL,
  doc_type text NOT NULL CHECK (doc_type IN ('receipt', 'shift_open', 'z_report')),
  register_id uuid NOT NULL,
  business_tin text NOT NULL,
  shift_number integer NOT NULL,
  issued_at timestamptz NOT NULL,
  operation text CHECK (operation IN ('sale', 'refund')),
  total bigint NOT NULL,
  cash bigint NOT NULL,
  non_cash bigint NOT NULL,
  tax_total bigint NOT NULL,
  is_offline boolean NOT NULL,
  offline_since timestamptz,
  fiscal_sign text NOT NULL,
  refund_of_module text,
  refund_of_number bigint,
  body jsonb NOT NULL,
  PRIMARY KEY (fiscal_module_number, number, received_at)
) PARTITION BY RANGE (received_at);
-- One secondary index only (every index costs intake speed): the officer's view and exports by
-- register and time. A shift is read through the primary key (module, number) with received_at
-- bounded below by the shift's opening; revenue goes through the business's registers.
CREATE INDEX documents_register_idx ON fiscal.documents (register_id, issued_at);
CREATE TABLE fiscal.documents_default PARTITION OF fiscal.documents DEFAULT;

-- Monthly partitions are made ahead of time; a month's rows never land in the default partition.
CREATE FUNCTION fiscal.ensure_document_partitions(first_month date, months integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  m date;
  made integer := 0;
  name text;
BEGIN
  FOR i IN 0 .. months - 1 LOOP
    m := (date_trunc('month', first_month) + make_interval(months => i))::date;
    name := 'documents_' || to_char(m, 'YYYY_MM');
    IF to_regclass('fiscal.' || name) IS NULL THEN
      EXECUTE format('CREATE TABLE fiscal.%I PARTITION OF fiscal.documents FOR VALUES FROM (%L) TO (%L)',
        name, (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
      made := made + 1;
    END IF;
  END LOOP;
  RETURN made;
END $$;

-- Fiscal data are never changed or deleted in the product (p.2, p.53; FIS-GEN-05).
CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE ON fiscal.documents
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_change();
CREATE TRIGGER document_keys_append_only BEFORE UPDATE OR DELETE ON fiscal.document_keys
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_change();

-- What the operator knows of each module's sequence: the highest number, how many documents,
-- the current shift and the current offline period.
CREATE TABLE fiscal.module_state (
  fiscal_module_number text PRIMARY KEY,
  register_id uuid NOT NULL,
  max_number bigint NOT NULL,
  received_count bigint NOT NULL,
  last_received_at timestamptz NOT NULL,
  last_issued_at timestamptz NOT NULL,
  offline_since timestamptz,
  updated_at timestamptz NOT NULL
);

-- Shifts (p.77): opened by the shift document, closed by the Z-report, reconciled by the operator.
CREATE TABLE fiscal.shifts (
  fiscal_module_number text NOT NULL,
  shift_number integer NOT NULL,
  register_id uuid NOT NULL,
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  z_number bigint,
  reconciliation text CHECK (reconciliation IN ('match', 'mismatch')),
  differences jsonb,
  PRIMARY KEY (fiscal_module_number, shift_number)
);
CREATE INDEX shifts_open_idx ON fiscal.shifts (opened_at) WHERE closed_at IS NULL;

-- Section 6: what has been refunded of each line of an original sale.
CREATE TABLE fiscal.refunded_lines (
  fiscal_module_number text NOT NULL,
  number bigint NOT NULL,
  line_no integer NOT NULL,
  quantity bigint NOT NULL,
  amount bigint NOT NULL,
  PRIMARY KEY (fiscal_module_number, number, line_no)
);

-- Alerts for the tax authority: gaps, broken chains, reused numbers, late offline data,
-- Z-report mismatches, missing Z-reports, over-long shifts, prohibited use.
CREATE TABLE fiscal.alerts (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  fiscal_module_number text NOT NULL,
  register_id uuid,
  business_tin text,
  inspectorate_code text,
  number bigint,
  detail jsonb NOT NULL,
  raised_at timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX alerts_module_idx ON fiscal.alerts (fiscal_module_number, raised_at DESC);
CREATE INDEX alerts_register_idx ON fiscal.alerts (register_id, raised_at DESC);
CREATE INDEX alerts_open_idx ON fiscal.alerts (kind, fiscal_module_number) WHERE resolved_at IS NULL;
