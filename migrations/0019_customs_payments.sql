-- Electronic customs (issue #5): customs payments confirmed by the finance authority and the
-- guarantee registry (docs/customs-payments.md). Money is bigint dirams; instants timestamptz;
-- legal dates date.

-- CUS-DEC-85: the payment order (платежное поручение) replaces the customs receipt order. Customs
-- issues the payment details for a reference (the goods declaration's registration number): one
-- current version per reference; a new issue with other amounts supersedes the previous one.
CREATE TABLE customs.payment_orders (
  id uuid PRIMARY KEY,
  reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9/-]{3,40}$'),
  version integer NOT NULL CHECK (version > 0),
  payer_tin text NOT NULL CHECK (payer_tin ~ '^[0-9]{9}$'),
  status text NOT NULL CHECK (status IN ('issued', 'superseded')),
  total_dirams bigint NOT NULL CHECK (total_dirams >= 0),
  issued_at timestamptz NOT NULL,
  superseded_at timestamptz,
  UNIQUE (reference, version)
);
CREATE UNIQUE INDEX payment_orders_current ON customs.payment_orders (reference) WHERE status = 'issued';

CREATE TABLE customs.payment_order_lines (
  order_id uuid NOT NULL REFERENCES customs.payment_orders (id),
  kind text NOT NULL CHECK (kind IN ('duty', 'excise', 'vat', 'customs_fee')),
  budget_code text NOT NULL,
  amount_dirams bigint NOT NULL CHECK (amount_dirams > 0),
  PRIMARY KEY (order_id, kind)
);

-- Art.149 p.3: receipts into the budget as the finance authority confirmed them, pushed or found by
-- reconciliation. Kept unchanged; the payer's bank payment order (number, date, payer) is the key,
-- so a repeated push is recorded once. `status` says whether it was matched to an issued payment
-- order of the same reference and payer (only matched receipts count as paid).
CREATE TABLE customs.payment_confirmations (
  id uuid PRIMARY KEY,
  payment_order_number text NOT NULL,
  payment_order_date date NOT NULL,
  payer_tin text NOT NULL,
  reference text NOT NULL,
  budget_code text NOT NULL,
  amount_dirams bigint NOT NULL CHECK (amount_dirams > 0),
  finance_receipt_id text NOT NULL,
  received_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('push', 'reconciliation')),
  status text NOT NULL CHECK (status IN ('matched', 'unmatched')),
  unmatched_reason text CHECK (unmatched_reason IN ('NO_PAYMENT_ORDER', 'PAYER_MISMATCH', 'BUDGET_CODE_UNKNOWN')),
  order_id uuid REFERENCES customs.payment_orders (id),
  matched_at timestamptz,
  UNIQUE (payment_order_number, payment_order_date, payer_tin),
  CHECK ((status = 'matched') = (unmatched_reason IS NULL))
);
CREATE INDEX payment_confirmations_reference ON customs.payment_confirmations (reference, status);

-- Chapter 46 / IMP-11: the guarantee registry. `reference` is the guarantee's own number
-- (GUA-<year>-<seq>); other slices look a guarantee up by it. Amounts are fixed in calculation
-- indicators and turned into dirams with the indicator value on the day the guarantee is given
-- (AMB-17). `purposes` is the coverage: what the guarantee may secure.
CREATE SEQUENCE customs.guarantee_number_seq;
CREATE TABLE customs.guarantees (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  holder_tin text NOT NULL CHECK (holder_tin ~ '^[0-9]{9}$'),
  scope text NOT NULL CHECK (scope IN ('declaration', 'regime', 'general')),
  activity text CHECK (activity IN ('aeo', 'customs_broker', 'customs_warehouse_owner', 'duty_free_shop_owner')),
  secured_reference text,
  purposes text[] NOT NULL CHECK (cardinality(purposes) > 0),
  form text NOT NULL CHECK (form IN ('money_deposit', 'bank_guarantee', 'surety', 'pledge', 'insurance')),
  warehouse_type text CHECK (warehouse_type IN ('open', 'closed')),
  open_site_m2 numeric(12, 2) CHECK (open_site_m2 >= 0),
  building_m3 numeric(12, 2) CHECK (building_m3 >= 0),
  amount_indicators numeric(14, 2) NOT NULL CHECK (amount_indicators > 0),
  required_indicators numeric(14, 2),
  indicator_value_dirams bigint NOT NULL CHECK (indicator_value_dirams > 0),
  indicator_date date NOT NULL,
  amount_dirams bigint NOT NULL CHECK (amount_dirams > 0),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'accepted', 'refused')),
  documents jsonb NOT NULL,
  applied_by text NOT NULL,
  applied_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  decision_form text CHECK (decision_form IN ('electronic', 'written')),
  decision_reason text,
  CHECK (valid_to >= valid_from),
  CHECK ((scope = 'general') = (activity IS NOT NULL)),
  CHECK (scope = 'general' OR secured_reference IS NOT NULL)
);
CREATE INDEX guarantees_holder ON customs.guarantees (holder_tin, status);

-- Draws against a guarantee for one secured operation (a declaration, a transit, a storage); a
-- released use frees its amount again.
CREATE TABLE customs.guarantee_uses (
  id uuid PRIMARY KEY,
  guarantee_id uuid NOT NULL REFERENCES customs.guarantees (id),
  use_reference text NOT NULL,
  amount_dirams bigint NOT NULL CHECK (amount_dirams > 0),
  drawn_at timestamptz NOT NULL,
  released_at timestamptz,
  UNIQUE (guarantee_id, use_reference)
);

-- AMB-18: statutory amounts in calculation indicators as dated parameters. The Article 383 transit
-- amount is not in the draft: an officer enters it (code transit_art383) once it is confirmed.
CREATE TABLE customs.guarantee_parameters (
  code text NOT NULL CHECK (code IN ('customs_broker', 'warehouse_base', 'warehouse_per_m2_open_site', 'warehouse_per_m3_building',
                                     'duty_free_shop', 'aeo', 'transit_art383')),
  valid_from date NOT NULL,
  valid_to date,
  indicators numeric(14, 2) NOT NULL CHECK (indicators >= 0),
  legal_basis text NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
INSERT INTO customs.guarantee_parameters (code, valid_from, indicators, legal_basis) VALUES
  ('customs_broker', '2025-01-01', 3000, 'Customs Code art.140 i.3 (draft 2025, item 27)'),
  ('warehouse_base', '2025-01-01', 150, 'Customs Code art.227 p.1 i.2 (draft 2025, item 47)'),
  ('warehouse_per_m2_open_site', '2025-01-01', 4, 'Customs Code art.227 p.1 i.2 (draft 2025, item 47)'),
  ('warehouse_per_m3_building', '2025-01-01', 2, 'Customs Code art.227 p.1 i.2 (draft 2025, item 47)'),
  ('duty_free_shop', '2025-01-01', 3000, 'Customs Code art.260 i.2 (draft 2025, item 52)');
