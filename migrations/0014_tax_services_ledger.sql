-- The tax account ledger of each taxpayer and the services built on it (order 396, groups 04, 05
-- and 06; TS-35, TS-36, TS-37, TS-49): certificates of no tax debts (06.06.01), of income and social
-- tax payments (06.06.02), reconciliation acts (06.06.04), the filing register (05.05.01 a/b/c),
-- filing obligations and non-filer notices (05.05.04), the individuals' property register and its
-- notices (04.04.03). A taxpayer is a TIN here: no table of another context, or of the taxpayer
-- register, is referenced (docs/tax-services-ledger.md).

-- Tax types of the Tax Code of the Republic of Tajikistan: a reference table an administrator may extend.
CREATE TABLE tax_services.tax_types (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]{1,29}$'),
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  sort smallint NOT NULL
);
INSERT INTO tax_services.tax_types (code, name_tg, name_ru, name_en, sort) VALUES
  ('vat', 'Андоз аз арзиши иловашуда', 'Налог на добавленную стоимость', 'Value added tax', 10),
  ('pit', 'Андоз аз даромади шахсони воқеӣ', 'Налог на доходы физических лиц', 'Personal income tax', 20),
  ('profit', 'Андоз аз фоидаи шахсони ҳуқуқӣ', 'Налог на прибыль юридических лиц', 'Corporate profit tax', 30),
  ('social', 'Андози иҷтимоӣ', 'Социальный налог', 'Social tax', 40),
  ('simplified', 'Андоз аз рӯи низоми соддакардашуда', 'Налог по упрощённому режиму', 'Simplified regime tax', 50),
  ('patent', 'Пардохт барои патент', 'Плата за патент', 'Patent fee', 55),
  ('agricultural', 'Андози ягонаи кишоварзӣ', 'Единый сельскохозяйственный налог', 'Single agricultural tax', 60),
  ('excise', 'Аксизҳо', 'Акцизы', 'Excise duties', 70),
  ('natural_resources', 'Андозҳо барои захираҳои табиӣ', 'Налоги за природные ресурсы', 'Natural resource taxes', 80),
  ('sales', 'Андоз аз фурӯш', 'Налог с продаж', 'Sales tax', 90),
  ('gambling', 'Андоз аз бизнеси бозӣ', 'Налог на игорный бизнес', 'Gambling business tax', 95),
  ('real_estate', 'Андоз аз молу мулки ғайриманқул', 'Налог на недвижимое имущество', 'Real estate tax', 100),
  ('land', 'Андози замин', 'Земельный налог', 'Land tax', 110),
  ('vehicle', 'Андоз аз воситаҳои нақлиёт', 'Налог на транспортные средства', 'Vehicle tax', 120);

-- The ledger: one row per accounting entry, never updated or deleted. Debits (charge, interest,
-- penalty, refund, offset_out) raise what is owed, credits (payment, offset, write_off) lower it.
-- A correction is a reversal (`reverses`): the same entry again with the opposite effect, posted
-- once per entry, followed by the right entry. Amounts are positive dirams; the kind gives the side.
-- `value_date` is the day the entry counts from (a charge: when the tax is payable; a payment: when
-- the money reached the budget); balances and debts at a date read value_date <= that date.
CREATE TABLE tax_services.ledger_entries (
  id uuid PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  tin text NOT NULL CHECK (tin ~ '^\d{9}$'),
  tax_type text NOT NULL REFERENCES tax_services.tax_types (code),
  kind text NOT NULL CHECK (kind IN ('charge', 'interest', 'penalty', 'refund', 'offset_out', 'payment', 'offset', 'write_off')),
  period text NOT NULL CHECK (period ~ '^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000000),
  value_date date NOT NULL,
  document_ref text NOT NULL CHECK (length(document_ref) BETWEEN 1 AND 100),
  note text,
  reverses uuid REFERENCES tax_services.ledger_entries (id),
  source text NOT NULL CHECK (source IN ('officer', 'import', 'property_register', 'demo')),
  batch_id uuid,
  posted_at timestamptz NOT NULL,
  posted_by text NOT NULL
);
CREATE INDEX ledger_entries_tin ON tax_services.ledger_entries (tin, value_date, seq);
CREATE UNIQUE INDEX ledger_entries_one_reversal ON tax_services.ledger_entries (reverses) WHERE reverses IS NOT NULL;

-- Append-only on both databases: the product has no update or delete path, and the database
-- refuses one too (row triggers for UPDATE and DELETE, a statement trigger for TRUNCATE).
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON tax_services.ledger_entries
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON tax_services.ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION platform.refuse_change();

-- Documents issued from the ledger (certificates, acts, refusal letters, notices), each a result of
-- a request: the public check compares a number and the SHA-256 of the file (no TIN is shown unless both match).
CREATE TABLE tax_services.issued_documents (
  number text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('no_debt_certificate', 'payments_certificate', 'reconciliation_act', 'refusal_letter', 'property_notice')),
  tin text NOT NULL,
  request_id uuid NOT NULL REFERENCES tax_services.requests (id),
  result_id uuid NOT NULL REFERENCES tax_services.results (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  as_of date,
  period_from date,
  period_to date,
  issued_at timestamptz NOT NULL
);
CREATE INDEX issued_documents_request ON tax_services.issued_documents (request_id);
CREATE TRIGGER issued_documents_append_only BEFORE UPDATE OR DELETE ON tax_services.issued_documents
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_change();

-- Declaration forms: which tax, and whether filed for months, quarters or years.
CREATE TABLE tax_services.declaration_forms (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_-]{1,19}$'),
  tax_type text NOT NULL REFERENCES tax_services.tax_types (code),
  periodicity text NOT NULL CHECK (periodicity IN ('month', 'quarter', 'year')),
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL
);
INSERT INTO tax_services.declaration_forms (code, tax_type, periodicity, name_tg, name_ru, name_en) VALUES
  ('VAT', 'vat', 'month', 'Эъломияи андоз аз арзиши иловашуда', 'Декларация по налогу на добавленную стоимость', 'Value added tax return'),
  ('WAGES', 'pit', 'month', 'Ҳисоботи андоз аз даромад ва андози иҷтимоӣ аз музди меҳнат', 'Отчёт по подоходному и социальному налогам с заработной платы', 'Return of income and social tax on wages'),
  ('EXCISE', 'excise', 'month', 'Эъломияи аксизҳо', 'Декларация по акцизам', 'Excise return'),
  ('SIMPLIFIED', 'simplified', 'quarter', 'Эъломияи андоз аз рӯи низоми соддакардашуда', 'Декларация по налогу по упрощённому режиму', 'Simplified regime tax return'),
  ('PROFIT', 'profit', 'year', 'Эъломияи андоз аз фоида', 'Декларация по налогу на прибыль', 'Profit tax return'),
  ('INCOME', 'pit', 'year', 'Эъломияи андоз аз даромади шахсони воқеӣ', 'Декларация по налогу на доходы физических лиц', 'Personal income tax return');

-- The filing register (05.05.01): one row per declaration filed, whatever the channel. A second
-- filing for the same form and period is a corrective declaration and gets its own row. The
-- receipt number is the request's number with the prefix F-.
CREATE TABLE tax_services.filings (
  id uuid PRIMARY KEY,
  receipt_number text NOT NULL UNIQUE,
  tin text NOT NULL CHECK (tin ~ '^\d{9}$'),
  form_code text NOT NULL REFERENCES tax_services.declaration_forms (code),
  period text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('cabinet', 'office', 'terminal')),
  filed_at timestamptz NOT NULL,
  request_id uuid NOT NULL REFERENCES tax_services.requests (id),
  phone text,
  filed_by text NOT NULL
);
CREATE INDEX filings_obligation ON tax_services.filings (tin, form_code, period);

-- Filing obligations: which TIN must file which form for which period (TS-36). The window of the
-- 05.05.04 notice, the 16th to the 30th of the month after the period (A-12), is kept on the row;
-- `notice_request_id` is set once, when the notice is sent.
CREATE TABLE tax_services.filing_obligations (
  id uuid PRIMARY KEY,
  tin text NOT NULL CHECK (tin ~ '^\d{9}$'),
  form_code text NOT NULL REFERENCES tax_services.declaration_forms (code),
  period text NOT NULL,
  window_from date NOT NULL,
  window_to date NOT NULL,
  email text,
  notice_request_id uuid REFERENCES tax_services.requests (id),
  noticed_at timestamptz,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (tin, form_code, period),
  CHECK (window_to >= window_from),
  CHECK ((notice_request_id IS NULL) = (noticed_at IS NULL))
);
CREATE INDEX filing_obligations_due ON tax_services.filing_obligations (window_from, window_to) WHERE notice_request_id IS NULL;

-- The property register of individuals (04.04.01): real estate, land plots and vehicles with the
-- annual tax assessed on each, in dirams, and the owner's TIN and contacts.
CREATE TABLE tax_services.property_objects (
  id uuid PRIMARY KEY,
  owner_tin text NOT NULL CHECK (owner_tin ~ '^\d{9}$'),
  owner_name text NOT NULL,
  owner_email text,
  kind text NOT NULL CHECK (kind IN ('real_estate', 'land', 'vehicle')),
  registry_ref text NOT NULL,
  description text NOT NULL,
  annual_tax bigint NOT NULL CHECK (annual_tax >= 0 AND annual_tax <= 1000000000000000),
  owned_from date NOT NULL,
  owned_to date,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (kind, registry_ref, owned_from),
  CHECK (owned_to IS NULL OR owned_to >= owned_from)
);
CREATE INDEX property_objects_owner ON tax_services.property_objects (owner_tin);

-- 04.04.03: one notice per owner and year (TS-37), whatever runs the batch.
CREATE TABLE tax_services.property_notices (
  owner_tin text NOT NULL,
  year integer NOT NULL,
  request_id uuid NOT NULL REFERENCES tax_services.requests (id),
  total bigint NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (owner_tin, year)
);

-- Demo data (source 'demo') on the demo taxpayers of the taxpayer register (migration 0013):
-- 300000022, an individual entrepreneur on a patent who owes nothing; 300000033, a company with a
-- VAT debt and two November returns it has not filed; 300000011, an individual with an apartment,
-- a land plot and a car, whose property charges the 04.04.03 batch posts when it sends the notice.
INSERT INTO tax_services.ledger_entries (id, tin, tax_type, kind, period, amount, value_date, document_ref, note, source, posted_at, posted_by) VALUES
  ('00000000-0000-7000-8000-000000140001', '300000022', 'patent', 'charge', '2026-Q3', 60000, '2026-07-01', 'Патент 2026-Q3', NULL, 'demo', '2026-07-01T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140002', '300000022', 'patent', 'payment', '2026-Q3', 60000, '2026-06-28', 'квитансия 5521', NULL, 'demo', '2026-06-28T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140003', '300000022', 'social', 'charge', '2026-Q3', 25000, '2026-07-01', 'Патент 2026-Q3', NULL, 'demo', '2026-07-01T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140004', '300000022', 'social', 'payment', '2026-Q3', 25000, '2026-06-28', 'квитансия 5522', NULL, 'demo', '2026-06-28T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140005', '300000022', 'pit', 'charge', '2025', 120000, '2026-04-01', 'INCOME 2025', NULL, 'demo', '2026-03-20T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140006', '300000022', 'pit', 'payment', '2025', 125000, '2026-03-25', 'квитансия 4410', NULL, 'demo', '2026-03-25T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140011', '300000033', 'vat', 'charge', '2026-08', 3800000, '2026-09-15', 'VAT 2026-08', NULL, 'demo', '2026-09-12T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140012', '300000033', 'vat', 'payment', '2026-08', 2000000, '2026-09-20', 'п/п 118', NULL, 'demo', '2026-09-20T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140013', '300000033', 'vat', 'interest', '2026-08', 45600, '2026-10-01', 'Ҳисоби фоиз 2026-10', NULL, 'demo', '2026-10-01T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140014', '300000033', 'profit', 'charge', '2025', 900000, '2026-04-01', 'PROFIT 2025', NULL, 'demo', '2026-03-20T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140015', '300000033', 'profit', 'payment', '2025', 900000, '2026-03-30', 'п/п 77', NULL, 'demo', '2026-03-30T05:00:00Z', 'system');

INSERT INTO tax_services.filing_obligations (id, tin, form_code, period, window_from, window_to, email, created_at, created_by) VALUES
  ('00000000-0000-7000-8000-000000140201', '300000033', 'VAT', '2026-11', '2026-12-16', '2026-12-30', 'buhgalteriya@bogi-somon.example.tj', '2026-11-01T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140202', '300000033', 'WAGES', '2026-11', '2026-12-16', '2026-12-30', 'buhgalteriya@bogi-somon.example.tj', '2026-11-01T05:00:00Z', 'system');

INSERT INTO tax_services.property_objects (id, owner_tin, owner_name, owner_email, kind, registry_ref, description, annual_tax, owned_from, owned_to, created_at, created_by) VALUES
  ('00000000-0000-7000-8000-000000140301', '300000011', 'Раҳимов Фаридун Наимович', 'faridun@example.tj', 'real_estate', '01-01-012-0345-7', 'ш. Душанбе, кӯч. Рӯдакӣ 10, ҳуҷраи 12 (68 м²)', 48000, '2019-05-14', NULL, '2026-01-02T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140302', '300000011', 'Раҳимов Фаридун Наимович', 'faridun@example.tj', 'land', '01-01-012-0999-1', 'н. Ҳисор, деҳаи Ҳасанов, қитъаи 0,06 га', 12000, '2021-03-01', NULL, '2026-01-02T05:00:00Z', 'system'),
  ('00000000-0000-7000-8000-000000140303', '300000011', 'Раҳимов Фаридун Наимович', 'faridun@example.tj', 'vehicle', '0123 AA 01', 'Toyota Camry, 2018, 2,5 л', 35000, '2022-07-20', NULL, '2026-01-02T05:00:00Z', 'system');
