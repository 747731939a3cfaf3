-- Electronic customs (issue #5, docs/customs-exit-statistics.md): the border office's exit data
-- (art.129 p.3), originals kept after release (art.361 p.3), the statistical database (art.504 p.1),
-- the undertaking to file a declaration (art.150) and the withdrawal of an export declaration to
-- complete a free customs zone or free warehouse regime (art.134 p.5).

-- CUS-DEC-29 (art.129 p.3, art.134 p.3): the border office records that goods actually left the
-- customs territory: when, where, by which vehicle, and what left: a released declaration, a
-- transport (consignment) document, or the goods themselves (exporter and commodity codes).
-- Append-only: the fact of an exit is evidence; a mistaken record is answered by a new record.
CREATE TABLE customs.exit_records (
  id uuid PRIMARY KEY,
  office_code text NOT NULL,
  exited_at timestamptz NOT NULL,
  transport_mode text NOT NULL,
  vehicles text[] NOT NULL,
  declaration_number text,
  transport_document_type text,
  transport_document_number text,
  exporter_code text,
  commodity_codes text[] NOT NULL DEFAULT '{}',
  description text NOT NULL DEFAULT '',
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  CHECK ((transport_document_type IS NULL) = (transport_document_number IS NULL)),
  CHECK (declaration_number IS NOT NULL OR transport_document_number IS NOT NULL OR (exporter_code IS NOT NULL AND cardinality(commodity_codes) > 0))
);
CREATE INDEX exit_records_document ON customs.exit_records (upper(replace(transport_document_number, ' ', '')));
CREATE INDEX exit_records_declaration ON customs.exit_records (declaration_number);
CREATE INDEX exit_records_exporter ON customs.exit_records (exporter_code);
CREATE INDEX exit_records_office ON customs.exit_records (office_code, exited_at DESC);
CREATE TRIGGER exit_records_append_only BEFORE UPDATE OR DELETE ON customs.exit_records
  FOR EACH ROW EXECUTE FUNCTION customs.refuse_change();

-- Art.129 p.3 "except in the cases this Code provides": when an export declaration may be filed for
-- goods that already left, as data with history. A row matches a filing by the declaration's form,
-- by its mode of transport, or by an accepted undertaking of art.150 covering the goods.
CREATE TABLE customs.exit_filing_exceptions (
  code text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  form text CHECK (form IN ('standard', 'preliminary', 'incomplete', 'periodic')),
  transport_mode text,
  needs_undertaking boolean NOT NULL DEFAULT false,
  legal_basis text NOT NULL,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  PRIMARY KEY (code, valid_from),
  -- A row that names no condition would excuse every filing.
  CHECK (form IS NOT NULL OR transport_mode IS NOT NULL OR needs_undertaking)
);
INSERT INTO customs.exit_filing_exceptions (code, valid_from, form, transport_mode, needs_undertaking, legal_basis, name_tg, name_ru, name_en) VALUES
  ('periodic_export', '2025-01-01', 'periodic', NULL, false, 'art.138 p.2: the full declaration within 1 month after the actual exit of the whole lot',
   'Декларатсиякунии даврии моли ватанӣ', 'Периодическое декларирование отечественных товаров', 'Periodic declaring of domestic goods'),
  ('pipeline', '2025-01-01', NULL, 'pipeline', false, 'art.137 p.4, chapter 40: goods moved by pipeline are declared in the order of chapter 40',
   'Интиқол бо қубур', 'Трубопроводный транспорт', 'Pipeline transport'),
  ('power_line', '2025-01-01', NULL, 'power_line', false, 'art.137 p.4, chapter 40: goods moved by power lines are declared in the order of chapter 40',
   'Хатҳои интиқоли барқ', 'Линии электропередачи', 'Power lines'),
  ('release_before_declaration', '2025-01-01', NULL, NULL, true, 'art.150: goods released before the declaration on the declarant''s undertaking to file it',
   'Барориш то пешниҳоди декларатсия бо ӯҳдадорӣ', 'Выпуск до подачи декларации под обязательство', 'Release before the declaration on an undertaking');

-- CUS-REG-09 (art.361 p.3 as amended): originals of the documents of art.361 that customs receives
-- after release: recorded on receipt, returned to the declarant, and the record (with the copy made
-- on receipt) kept for five years from the registration of the declaration.
CREATE TABLE customs.retention_documents (
  id uuid PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  declaration_number text NOT NULL,
  registered_on date NOT NULL,
  retain_until date NOT NULL,
  document_type text NOT NULL,
  document_number text NOT NULL,
  document_date date,
  issuer text NOT NULL,
  copy_sha256 text,
  received_at timestamptz NOT NULL,
  received_by text NOT NULL,
  returned_at timestamptz,
  returned_by text,
  returned_to text,
  return_method text CHECK (return_method IN ('in_person', 'post', 'electronic_notice')),
  ended_at timestamptz,
  ended_by text,
  CHECK (retain_until = (registered_on + interval '5 years')::date),
  CHECK ((returned_at IS NULL) = (returned_by IS NULL))
);
CREATE INDEX retention_documents_declaration ON customs.retention_documents (declaration_id);
CREATE INDEX retention_documents_due ON customs.retention_documents (retain_until) WHERE ended_at IS NULL;

-- Nothing deletes a retained record, or the copy it keeps, before its five years are over (the day
-- is Dushanbe's, UTC+05:00 with no daylight saving); what it says about the document never changes.
CREATE FUNCTION customs.guard_retention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.retain_until >= ((now() AT TIME ZONE 'UTC') + interval '5 hours')::date THEN
      RAISE EXCEPTION 'customs.retention_documents: kept until %', OLD.retain_until USING ERRCODE = '55000';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.declaration_id <> OLD.declaration_id OR NEW.registered_on <> OLD.registered_on OR NEW.retain_until <> OLD.retain_until
     OR NEW.document_type <> OLD.document_type OR NEW.document_number <> OLD.document_number OR NEW.issuer <> OLD.issuer
     OR NEW.copy_sha256 IS DISTINCT FROM OLD.copy_sha256 OR NEW.received_at <> OLD.received_at
     OR (OLD.returned_at IS NOT NULL AND NEW.returned_at IS DISTINCT FROM OLD.returned_at)
     OR (OLD.ended_at IS NOT NULL AND NEW.ended_at IS DISTINCT FROM OLD.ended_at) THEN
    RAISE EXCEPTION 'customs.retention_documents: a retained record does not change' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER retention_documents_guard BEFORE UPDATE OR DELETE ON customs.retention_documents
  FOR EACH ROW EXECUTE FUNCTION customs.guard_retention();

CREATE FUNCTION customs.guard_retained_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM customs.retention_documents r WHERE r.copy_sha256 = OLD.sha256
             AND r.retain_until >= ((now() AT TIME ZONE 'UTC') + interval '5 hours')::date) THEN
    RAISE EXCEPTION 'customs.document_files: % is a retained copy', OLD.sha256 USING ERRCODE = '55000';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER document_files_retained BEFORE DELETE ON customs.document_files
  FOR EACH ROW EXECUTE FUNCTION customs.guard_retained_copy();

-- CUS-INF-03 (art.124 p.11, art.504 p.1): the statistical database, one row per item of a released
-- declaration, with only the data statistics need: no party, price or document. Written once per
-- item by the handler of `customs.declaration_released` (a redelivered event adds nothing).
CREATE TABLE customs.statistics_items (
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  item_no integer NOT NULL,
  declaration_number text NOT NULL,
  period_month date NOT NULL CHECK (extract(day FROM period_month) = 1),
  released_at timestamptz NOT NULL,
  direction text NOT NULL CHECK (direction IN ('import', 'export')),
  regime text NOT NULL,
  office_code text NOT NULL,
  commodity_code text NOT NULL,
  origin_country text NOT NULL,
  destination_country text NOT NULL,
  -- Country of origin for imports, of destination for exports (the partner of trade statistics).
  partner_country text NOT NULL,
  customs_value_dirams bigint NOT NULL,
  -- The customs value in US cents at the rate of the day of acceptance; null when no rate was in force.
  statistical_value_usd_cents bigint,
  net_mass_grams bigint NOT NULL,
  -- Thousandths of the commodity code's unit of measure (kg: the net mass).
  statistical_quantity_milli bigint NOT NULL,
  statistical_unit text NOT NULL,
  event_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (declaration_id, item_no)
);
CREATE INDEX statistics_items_month ON customs.statistics_items (period_month, commodity_code);
CREATE INDEX statistics_items_number ON customs.statistics_items (declaration_number);
CREATE TRIGGER statistics_items_append_only BEFORE UPDATE OR DELETE ON customs.statistics_items
  FOR EACH ROW EXECUTE FUNCTION customs.refuse_change();

-- CUS-REL-08 (art.150 p.2 as amended, AMB-18): the longest period an undertaking may give, with
-- history. The base text of art.150 is not in the draft: the seeded 45 days is a reading to confirm.
CREATE TABLE customs.undertaking_parameters (
  valid_from date PRIMARY KEY,
  max_days integer NOT NULL CHECK (max_days BETWEEN 1 AND 366),
  basis text NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
INSERT INTO customs.undertaking_parameters (valid_from, max_days, basis, recorded_at, recorded_by) VALUES
  ('2025-01-01', 45, 'AMB-18 reading: art.150 p.2 "no more than" a limit the draft does not reproduce; 45 days from release (to confirm against the consolidated Code)',
   '2025-01-01T00:00:00Z', 'system:migration');

-- Art.150: the declarant's undertaking, electronic or written, to file the declaration within a
-- period; accepted, the goods are released before the declaration and the period runs from release.
CREATE TABLE customs.undertakings (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  declarant_code text NOT NULL,
  office_code text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('import', 'export')),
  channel text NOT NULL CHECK (channel IN ('electronic', 'written')),
  period_days integer NOT NULL,
  max_days integer NOT NULL,
  transport_document_type text,
  transport_document_number text,
  commodity_codes text[] NOT NULL,
  goods_description text NOT NULL,
  state text NOT NULL CHECK (state IN ('GIVEN', 'ACCEPTED', 'REFUSED', 'OVERDUE', 'FULFILLED')),
  given_at timestamptz NOT NULL,
  given_by text NOT NULL,
  decided_at timestamptz,
  decided_by text,
  refusal_reason text,
  released_at timestamptz,
  due_at timestamptz,
  overdue_at timestamptz,
  declaration_number text,
  fulfilled_at timestamptz,
  is_fulfilled_late boolean,
  CHECK (period_days BETWEEN 1 AND max_days),
  CHECK ((transport_document_type IS NULL) = (transport_document_number IS NULL))
);
CREATE INDEX undertakings_declarant ON customs.undertakings (declarant_code, given_at DESC);
CREATE INDEX undertakings_due ON customs.undertakings (due_at) WHERE state = 'ACCEPTED';
CREATE SEQUENCE customs.undertaking_serial;

-- CUS-DEC-54 (art.134 p.5): the declarant states that an export declaration of domestic goods is to
-- be withdrawn to complete a free customs zone or free warehouse regime, where the goods are, and
-- (outside the zone or warehouse) the declaration placing them under another regime filed with it.
-- The withdrawal request itself is the ordinary one of art.134, which checks this statement.
CREATE TABLE customs.free_zone_withdrawals (
  id uuid PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  location text NOT NULL CHECK (location IN ('inside', 'outside')),
  place_kind text NOT NULL CHECK (place_kind IN ('free_economic_zone', 'free_warehouse')),
  place_reference text NOT NULL,
  other_declaration_id uuid REFERENCES customs.declarations (id),
  other_declaration_number text,
  status text NOT NULL CHECK (status IN ('stated', 'requested', 'replaced')),
  stated_at timestamptz NOT NULL,
  stated_by text NOT NULL,
  requested_at timestamptz,
  CHECK ((location = 'outside') = (other_declaration_id IS NOT NULL)),
  CHECK ((other_declaration_id IS NULL) = (other_declaration_number IS NULL))
);
CREATE UNIQUE INDEX free_zone_withdrawals_stated ON customs.free_zone_withdrawals (declaration_id) WHERE status = 'stated';
CREATE UNIQUE INDEX free_zone_withdrawals_other ON customs.free_zone_withdrawals (other_declaration_id) WHERE status <> 'replaced';
