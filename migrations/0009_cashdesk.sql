-- The free virtual cash register (seed 004 p.5, p.34-42, p.63-82): its own schema. It never reads
-- the fiscal schema (the operator is asked through src/contexts/fiscal/index.ts and its public
-- intake API), and the fiscal module keeps its memory on disk; these tables are the register's
-- own records: instances, product list, shifts and a copy of every sealed document.
CREATE SCHEMA IF NOT EXISTS cashdesk;

-- One row per VCR instance: a virtual register of the operator's registry, run here for its business.
CREATE TABLE cashdesk.registers (
  id uuid PRIMARY KEY,
  fiscal_register_id uuid NOT NULL UNIQUE,
  registry_number text NOT NULL,
  -- p.9 field 2: the VCR's serial number (the manufacturer number in the registry).
  serial_number text NOT NULL,
  fiscal_module_number text NOT NULL UNIQUE,
  business_tin text NOT NULL,
  -- p.65 item 10, p.68 item 7: the program password, scrypt.
  password_hash text NOT NULL,
  failed_unlocks integer NOT NULL DEFAULT 0,
  unlock_refused_until timestamptz,
  -- p.34, p.68 item 10: the last check of the clock against the operator's, and the offset found (local − operator).
  clock_checked_at timestamptz,
  clock_offset_ms integer,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX registers_business ON cashdesk.registers (business_tin);

-- Unlocking with the program password holds for one login session (its token's hash) until it ends.
CREATE TABLE cashdesk.unlocks (
  register_id uuid NOT NULL,
  session_hash text NOT NULL,
  unlocked_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (register_id, session_hash)
);

-- The product list of a business, shared by its registers (p.5; p.65 item 6, p.68 item 5: GS1 codes).
CREATE TABLE cashdesk.products (
  business_tin text NOT NULL,
  code text NOT NULL,
  gtin text,
  -- The GTIN padded to 14 digits: an EAN-13 scan finds the product stored with its GTIN-14 and back.
  gtin14 text,
  name jsonb NOT NULL,
  name_tg text NOT NULL,
  unit text NOT NULL,
  price bigint NOT NULL CHECK (price > 0),
  tax_kind text NOT NULL CHECK (tax_kind IN ('vat', 'simplified', 'none')),
  tax_rate_bp integer NOT NULL,
  requires_marking_code boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (business_tin, code)
);
CREATE UNIQUE INDEX products_gtin ON cashdesk.products (business_tin, gtin14) WHERE gtin14 IS NOT NULL;
CREATE INDEX products_name ON cashdesk.products (business_tin, name_tg, code);

CREATE TABLE cashdesk.shifts (
  register_id uuid NOT NULL,
  shift_number integer NOT NULL,
  opened_at timestamptz NOT NULL,
  opening_cash bigint NOT NULL DEFAULT 0,
  closed_at timestamptz,
  -- p.77, p.79 (scheme FS1): the module's signature over the Z-report and its document chain,
  -- `{shiftNumber, chainHash, signature}`, sent to the operator once the Z-report is acknowledged.
  z_number bigint,
  shift_signature jsonb,
  signature_verified_at timestamptz,
  signature_refusal text,
  PRIMARY KEY (register_id, shift_number)
);
-- The worker finds the signatures still to send through this index.
CREATE INDEX shifts_signature_unsent ON cashdesk.shifts (register_id) WHERE shift_signature IS NOT NULL AND signature_verified_at IS NULL AND signature_refusal IS NULL;

-- A copy of every document the module sealed (shift openings, receipts, Z-reports), for reports,
-- refunds, reprints and the buyer's electronic receipt; and what the operator answered.
CREATE TABLE cashdesk.documents (
  fiscal_module_number text NOT NULL,
  number bigint NOT NULL,
  register_id uuid NOT NULL,
  doc_type text NOT NULL CHECK (doc_type IN ('receipt', 'shift_open', 'z_report')),
  shift_number integer NOT NULL,
  operation text CHECK (operation IN ('sale', 'refund')),
  issued_at timestamptz NOT NULL,
  total bigint NOT NULL DEFAULT 0,
  is_offline boolean NOT NULL,
  refund_of_number bigint,
  body jsonb NOT NULL,
  change bigint NOT NULL DEFAULT 0,
  buyer_name text,
  e_receipt_token text UNIQUE,
  delivery text NOT NULL CHECK (delivery IN ('queued', 'accepted', 'refused')),
  refusal_code text,
  violations jsonb NOT NULL DEFAULT '[]',
  acknowledged_at timestamptz,
  PRIMARY KEY (fiscal_module_number, number)
);
CREATE INDEX documents_register_time ON cashdesk.documents (register_id, issued_at);
CREATE INDEX documents_register_shift ON cashdesk.documents (register_id, shift_number, number);
CREATE INDEX documents_refunds ON cashdesk.documents (fiscal_module_number, refund_of_number) WHERE refund_of_number IS NOT NULL;
-- The worker's checker finds the registers with a queue through this index.
CREATE INDEX documents_queued ON cashdesk.documents (register_id) WHERE delivery = 'queued';
