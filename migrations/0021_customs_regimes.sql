-- Customs regimes with electronic record keeping and processing permits (seed 001 items 36-43,
-- 50, 54, 57; CUS-REG-01..07, IMP-12, IMP-13; docs/customs-regimes.md).
-- src/contexts/customs/infrastructure/regime.schema.ts mirrors these tables.

-- The register of places whose owner keeps an electronic stock ledger in the customs system:
-- customs warehouses (art.230 p.1 i.2), duty-free shops (art.262 p.1 i.4), free warehouses (art.279 i.7).
CREATE SEQUENCE customs.regime_place_number_seq;
CREATE TABLE customs.regime_places (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('customs_warehouse', 'duty_free_shop', 'free_warehouse')),
  owner_tin text NOT NULL,
  name text NOT NULL,
  office_code text NOT NULL,
  address text NOT NULL,
  warehouse_type text CHECK (warehouse_type IN ('open', 'closed')),
  insurance jsonb,
  guarantee_reference text NOT NULL,
  status text NOT NULL CHECK (status IN ('active')),
  registered_at timestamptz NOT NULL,
  registered_by text NOT NULL,
  -- Only a customs warehouse is open or closed type (art.227-228 as amended, CUS-GUA-06) ...
  CHECK ((kind = 'customs_warehouse') = (warehouse_type IS NOT NULL)),
  -- ... and only an open-type one states an insurance policy.
  CHECK (insurance IS NULL OR warehouse_type = 'open'),
  CHECK (warehouse_type IS DISTINCT FROM 'open' OR insurance IS NOT NULL)
);
CREATE INDEX regime_places_owner ON customs.regime_places (owner_tin);

-- The owner's electronic stock ledger. One row per movement of a lot (the goods of one item of the
-- declaration that placed them under the regime); the balance of a lot is the sum of delta_milli.
CREATE TABLE customs.regime_entries (
  id uuid PRIMARY KEY,
  place_id uuid NOT NULL REFERENCES customs.regime_places (id),
  owner_tin text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receipt', 'issue', 'transfer_in', 'transfer_out', 'reversal')),
  lot_declaration_number text NOT NULL,
  item_no integer NOT NULL CHECK (item_no > 0),
  commodity_code text NOT NULL,
  unit text NOT NULL,
  delta_milli bigint NOT NULL CHECK (delta_milli <> 0),
  document_kind text NOT NULL CHECK (document_kind IN ('placing_declaration', 'declaration', 'sale', 'transfer', 'reversal')),
  document_number text NOT NULL,
  transfer_id uuid,
  reverses_entry_id uuid UNIQUE REFERENCES customs.regime_entries (id),
  channel text NOT NULL CHECK (channel IN ('portal', 'owner_software')),
  idempotency_key text,
  request_hash text,
  posted_at timestamptz NOT NULL,
  posted_by text NOT NULL,
  CHECK ((kind IN ('receipt', 'transfer_in')) = (delta_milli > 0) OR kind = 'reversal'),
  CHECK ((kind = 'reversal') = (reverses_entry_id IS NOT NULL)),
  CHECK ((kind IN ('transfer_in', 'transfer_out')) = (transfer_id IS NOT NULL)),
  CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);
CREATE INDEX regime_entries_place_lot ON customs.regime_entries (place_id, lot_declaration_number, item_no);
CREATE UNIQUE INDEX regime_entries_idempotency ON customs.regime_entries (owner_tin, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Stock-taking: the counted quantities against the book, with the differences.
CREATE TABLE customs.regime_stocktakes (
  id uuid PRIMARY KEY,
  place_id uuid NOT NULL REFERENCES customs.regime_places (id),
  taken_on date NOT NULL,
  lines jsonb NOT NULL,
  has_differences boolean NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX regime_stocktakes_place ON customs.regime_stocktakes (place_id, taken_on);

-- The ledger and the stock-takes are kept unchanged: corrections are new records (reversals).
CREATE TRIGGER regime_entries_append_only BEFORE UPDATE OR DELETE ON customs.regime_entries
  FOR EACH ROW EXECUTE FUNCTION customs.refuse_change();
CREATE TRIGGER regime_stocktakes_append_only BEFORE UPDATE OR DELETE ON customs.regime_stocktakes
  FOR EACH ROW EXECUTE FUNCTION customs.refuse_change();

-- Processing permits (art.179-181, 192-193, 203-204): the application, the 10-working-day clock
-- (art.180 p.3, art.193 p.3, art.204 p.3 as amended) and the permit issued under the law on the permit system.
CREATE SEQUENCE customs.processing_application_seq;
CREATE SEQUENCE customs.processing_permit_seq;
CREATE TABLE customs.processing_permits (
  id uuid PRIMARY KEY,
  application_number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('processing_inside', 'processing_outside', 'processing_for_domestic_consumption')),
  applicant_tin text NOT NULL,
  office_code text NOT NULL,
  calendar_office text NOT NULL,
  application_form text NOT NULL CHECK (application_form IN ('electronic', 'written')),
  operations text NOT NULL,
  goods jsonb NOT NULL,
  products jsonb NOT NULL,
  requested_until date NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'issued', 'refused')),
  submitted_at timestamptz NOT NULL,
  submitted_by text NOT NULL,
  warn_at timestamptz NOT NULL,
  decision_due_at timestamptz NOT NULL,
  warned_at timestamptz,
  overdue_at timestamptz,
  extended_at timestamptz,
  extension_working_days integer,
  extension_reason text,
  decided_at timestamptz,
  decided_by text,
  decision_form text CHECK (decision_form IN ('electronic', 'written')),
  is_decided_late boolean,
  refusal_reason text,
  permit_number text UNIQUE,
  permit_valid_from date,
  permit_valid_to date,
  permit_terms text,
  legal_basis text,
  CHECK ((status = 'submitted') = (decided_at IS NULL)),
  CHECK ((status = 'issued') = (permit_number IS NOT NULL))
);
CREATE INDEX processing_permits_applicant ON customs.processing_permits (applicant_tin);
CREATE INDEX processing_permits_due ON customs.processing_permits (decision_due_at) WHERE status = 'submitted';

-- AMB-18, CUS-REG-06: how many working days the law on the permit system allows an extension by,
-- as a dated parameter. No row in force: no extension.
CREATE TABLE customs.processing_permit_parameters (
  valid_from date PRIMARY KEY,
  extension_working_days integer NOT NULL CHECK (extension_working_days >= 0),
  basis text NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
