-- Electronic customs: what the declarant asks and sees around the goods declaration (issue #5;
-- docs/customs-declarant-requests.md): permission to take samples (art.127 p.1 i.2, CUS-DEC-18),
-- results of tests of samples (art.127 p.1 i.4, CUS-DEC-20), currency-control data (art.124 p.12,
-- CUS-DEC-11), simplified declaring of exports at the declarant's request (art.137, CUS-DEC-75) and
-- the authorised body's list of changes after release (art.133 p.8-9, CUS-DEC-50).
-- Legal dates are `date`, instants `timestamptz`.

CREATE SEQUENCE customs.sample_permission_seq;
CREATE SEQUENCE customs.simplified_request_seq;

-- Art.127 p.1 i.2: the declarant asks customs' permission to take samples and specimens of imported
-- goods it will declare; the samples are then lines of that declaration (no declaration of their own).
CREATE TABLE customs.sample_permissions (
  id uuid PRIMARY KEY,
  -- SP-<year>-<6 digits>.
  number text NOT NULL UNIQUE,
  -- The draft (or filed) declaration whose lines state the samples.
  declaration_id uuid NOT NULL,
  declarant_code text NOT NULL,
  office_code text NOT NULL,
  -- [{commodityCode, description, quantity, unit}]: quantity in the unit of the code (kg or its supplementary unit).
  lines jsonb NOT NULL,
  purpose text NOT NULL,
  state text NOT NULL CHECK (state IN ('REQUESTED', 'GRANTED', 'REFUSED')),
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  decision_reason text,
  CHECK ((state = 'REQUESTED') = (decided_at IS NULL)),
  CHECK (state <> 'REFUSED' OR decision_reason IS NOT NULL)
);
CREATE INDEX sample_permissions_declaration ON customs.sample_permissions (declaration_id);

-- Art.127 p.1 i.4: results of the tests (laboratory, expertise) of samples customs holds, recorded
-- against the expertise order (a control event of the declaration, IMP-18).
CREATE TABLE customs.lab_results (
  id uuid PRIMARY KEY,
  declaration_id uuid NOT NULL,
  control_event_id uuid NOT NULL,
  laboratory text NOT NULL,
  report_number text NOT NULL,
  reported_on date NOT NULL,
  -- Item numbers of the declaration whose samples were tested.
  items integer[] NOT NULL CHECK (cardinality(items) > 0),
  conclusion text NOT NULL CHECK (conclusion IN ('conforms', 'does_not_conform', 'inconclusive')),
  findings text NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX lab_results_declaration ON customs.lab_results (declaration_id);

-- Art.124 p.12: when a declaration serves as the accounting document of currency control, by
-- direction, regime and customs value in calculation indicators (the authorised body's data, with
-- history). An empty `regimes` matches every regime; a null direction both.
CREATE TABLE customs.currency_control_rules (
  code text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  direction text CHECK (direction IN ('import', 'export')),
  regimes text[] NOT NULL,
  -- The declaration's customs value at or above this many calculation indicators of the day.
  threshold_indicators integer NOT NULL CHECK (threshold_indicators >= 0),
  required_fields text[] NOT NULL CHECK (cardinality(required_fields) > 0 AND required_fields <@ ARRAY['contract_number', 'contract_date',
    'contract_currency', 'contract_amount', 'bank_code', 'bank_name', 'deal_passport_number']::text[]),
  legal_basis text NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- The currency-control data the declarant gives with the draft (art.124 p.12); frozen once filed.
CREATE TABLE customs.currency_control_data (
  declaration_id uuid PRIMARY KEY,
  contract_number text,
  contract_date date,
  contract_currency text,
  contract_amount numeric(20, 2) CHECK (contract_amount > 0),
  bank_code text,
  bank_name text,
  deal_passport_number text,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Art.137 p.1-3: the declarant's request to declare exported domestic goods by the simplified
-- procedure of art.135 (incomplete) or art.136 (periodic), decided against art.137 p.2. An art.136
-- application for export is itself such a request: its permission is recorded here as granted.
CREATE TABLE customs.simplified_requests (
  id uuid PRIMARY KEY,
  -- SE-<year>-<6 digits>.
  number text NOT NULL UNIQUE,
  procedure text NOT NULL CHECK (procedure IN ('incomplete', 'periodic')),
  source text NOT NULL CHECK (source IN ('request', 'periodic_application')),
  periodic_application_number text,
  declarant_code text NOT NULL,
  office_code text NOT NULL,
  commodity_codes text[] NOT NULL CHECK (cardinality(commodity_codes) > 0),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  reason text NOT NULL,
  state text NOT NULL CHECK (state IN ('REQUESTED', 'GRANTED', 'REFUSED')),
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  -- Art.137 p.3 → art.132 p.5: a refusal is notified no later than the day after the request.
  refusal_notice_due_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  decision_reason text,
  refusal_conditions text,
  is_decision_late boolean,
  -- Art.137 p.2 facts seen at the decision: arrears, restricted codes.
  facts jsonb,
  CHECK (valid_to >= valid_from),
  CHECK ((source = 'periodic_application') = (periodic_application_number IS NOT NULL)),
  CHECK (state <> 'REFUSED' OR (decision_reason IS NOT NULL AND refusal_conditions IS NOT NULL))
);
CREATE INDEX simplified_requests_declarant ON customs.simplified_requests (declarant_code, state);

-- Art.133 p.8-9: the cases, set by the authorised body, in which declared data are changed after
-- release, the fields each allows, and whether by customs' decision, with its permission, or both.
CREATE TABLE customs.after_release_cases (
  code text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  -- Field paths of the declaration data: `consignee.address`, `items[].description`, `documents` (and all below).
  allowed_fields text[] NOT NULL CHECK (cardinality(allowed_fields) > 0),
  modes text[] NOT NULL CHECK (cardinality(modes) > 0 AND modes <@ ARRAY['decision', 'permission']::text[]),
  legal_basis text NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
INSERT INTO customs.after_release_cases (code, valid_from, name_tg, name_ru, name_en, allowed_fields, modes, legal_basis) VALUES
  ('TYPOGRAPHICAL', '2025-01-01', 'Ислоҳи хатоҳои чопӣ ва грамматикӣ', 'Исправление опечаток и грамматических ошибок',
   'Correction of typing and grammatical errors',
   ARRAY['consignor.name', 'consignor.address', 'consignee.name', 'consignee.address', 'items[].description', 'items[].packageKind', 'deliveryTerms'],
   ARRAY['decision', 'permission'], 'art.133 p.8-9 (demo list of the authorised body: verify)'),
  ('DOCUMENT_DETAILS', '2025-01-01', 'Маълумоти ҳуҷҷатҳои пешниҳодшуда', 'Сведения о представленных документах',
   'Details of the documents submitted', ARRAY['documents'], ARRAY['permission'], 'art.133 p.8-9 (demo list of the authorised body: verify)'),
  ('TRANSPORT_DETAILS', '2025-01-01', 'Маълумот дар бораи воситаҳои нақлиёт', 'Сведения о транспортных средствах',
   'Details of the means of transport', ARRAY['transport.vehicles', 'transport.nationality'], ARRAY['permission'],
   'art.133 p.8-9 (demo list of the authorised body: verify)'),
  ('CONTRACT_DETAILS', '2025-01-01', 'Рақам ва санаи шартнома', 'Номер и дата договора (контракта)', 'Number and date of the contract',
   ARRAY['valuation.contractNumber', 'valuation.contractDate'], ARRAY['decision', 'permission'],
   'art.133 p.8-9 (demo list of the authorised body: verify)'),
  ('CONTROL_FINDINGS', '2025-01-01', 'Ислоҳ бо қарори мақоми гумрукӣ пас аз назорат', 'Исправление по решению таможенного органа по результатам контроля',
   'Correction by decision of customs after control',
   ARRAY['items[].description', 'items[].originCountry', 'items[].grossMassKg', 'items[].netMassKg', 'items[].packages', 'items[].packageKind'],
   ARRAY['decision'], 'art.133 p.8-9 (demo list of the authorised body: verify)');
