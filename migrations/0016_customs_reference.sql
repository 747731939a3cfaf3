-- Customs reference data with effective-date history (src/contexts/customs, docs/customs-reference.md).
-- IMP-07 / CUS-DEC-72: payment rates in force on the day a declaration is accepted apply (art.136
-- p.13), so every table keeps versions: valid_from .. valid_to (inclusive, NULL = until further
-- notice). A new version closes the previous one the day before; the application refuses overlaps
-- and past-dated changes under one advisory lock per table. Demo rows are marked as such: load the
-- official lists with the CSV import before production use.
CREATE SCHEMA IF NOT EXISTS customs;

-- Customs offices and their powers (art.125 p.1-3: which declarations and regimes an office may
-- accept, the published list of assignments), with the calendar that governs their deadlines.
CREATE TABLE customs.offices (
  code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  valid_from date NOT NULL,
  valid_to date,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  region text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('border', 'inland')),
  calendar_office text NOT NULL REFERENCES platform.calendar_offices (code),
  declaration_kinds text[] NOT NULL,
  regimes text[] NOT NULL,
  transport_modes text[] NOT NULL,
  goods_assignments text[] NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- The national commodity nomenclature (ТН ВЭД), 10 digits, with the rates of import duty, excise
-- and VAT. Rates are basis points (1250 = 12.5 %); specific rates are dirams per unit of measure.
CREATE TABLE customs.commodity_codes (
  code text NOT NULL CHECK (code ~ '^[0-9]{10}$'),
  valid_from date NOT NULL,
  valid_to date,
  description_tg text NOT NULL,
  description_ru text NOT NULL,
  description_en text NOT NULL,
  unit text NOT NULL,
  duty_ad_valorem_bp integer CHECK (duty_ad_valorem_bp BETWEEN 0 AND 100000),
  duty_specific_dirams bigint CHECK (duty_specific_dirams >= 0),
  excise_ad_valorem_bp integer CHECK (excise_ad_valorem_bp BETWEEN 0 AND 100000),
  excise_specific_dirams bigint CHECK (excise_specific_dirams >= 0),
  vat_bp integer NOT NULL CHECK (vat_bp BETWEEN 0 AND 10000),
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE customs.countries (
  code text NOT NULL CHECK (code ~ '^[A-Z]{2}$'),
  valid_from date NOT NULL,
  valid_to date,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE customs.currencies (
  code text NOT NULL CHECK (code ~ '^[A-Z]{3}$'),
  valid_from date NOT NULL,
  valid_to date,
  numeric_code text NOT NULL CHECK (numeric_code ~ '^[0-9]{3}$'),
  minor_units smallint NOT NULL CHECK (minor_units BETWEEN 0 AND 4),
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Somoni per one unit of the currency, exact (numeric, never a float), one version per rate day.
CREATE TABLE customs.exchange_rates (
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  valid_from date NOT NULL,
  valid_to date,
  somoni_per_unit numeric(18, 6) NOT NULL CHECK (somoni_per_unit > 0),
  source text NOT NULL,
  PRIMARY KEY (currency, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE customs.document_types (
  code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  valid_from date NOT NULL,
  valid_to date,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Declarants, customs brokers and carriers. A domestic person is keyed by TIN; a foreign one by
-- country and registration number, and may declare only on a ground of art.126 p.2.
CREATE TABLE customs.persons (
  code text NOT NULL CHECK (code ~ '^([0-9]{9}|[A-Z]{2}-[A-Z0-9-]{1,30})$'),
  valid_from date NOT NULL,
  valid_to date,
  name text NOT NULL,
  residence text NOT NULL CHECK (residence IN ('domestic', 'foreign')),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  roles text[] NOT NULL,
  foreign_ground text CHECK (foreign_ground IN ('personal_use', 'customs_privileges', 'representative_office', 'carrier_transit', 'other_disposal')),
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK ((residence = 'foreign') = (foreign_ground IS NOT NULL))
);

-- The calculation indicator (показатель для расчетов, AMB-17): one series, value in dirams.
CREATE TABLE customs.calculation_indicators (
  valid_from date PRIMARY KEY,
  valid_to date,
  value_dirams bigint NOT NULL CHECK (value_dirams > 0),
  legal_basis text NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Demo rows (codes of offices are mnemonic placeholders; rates are examples, not the tariff in force).
INSERT INTO customs.offices (code, valid_from, name_tg, name_ru, name_en, region, kind, calendar_office, declaration_kinds, regimes, transport_modes, goods_assignments) VALUES
  ('DUSHANBE', '2025-01-01', 'Гумруки Душанбе', 'Таможня Душанбе', 'Dushanbe customs', 'dushanbe', 'inland', 'default',
   '{goods,transit,preliminary}', '{release_for_free_circulation,export,temporary_import,customs_warehouse,transit}', '{road,rail,air}', '{cultural_valuables,weapons,radioactive,intellectual_property}'),
  ('KHUJAND', '2025-01-01', 'Гумруки Хуҷанд', 'Таможня Худжанд', 'Khujand customs', 'sughd', 'inland', 'default',
   '{goods,transit,preliminary}', '{release_for_free_circulation,export,temporary_import,customs_warehouse,transit}', '{road,rail,air}', '{intellectual_property}'),
  ('PANJI-POYON', '2025-01-01', 'Посгоҳи гумрукии Панҷи Поён', 'Таможенный пост Нижний Пяндж', 'Panj-i Poyon customs post', 'khatlon', 'border', 'round-the-clock',
   '{transit,preliminary}', '{transit,export}', '{road}', '{}'),
  ('KARAMYK', '2025-01-01', 'Посгоҳи гумрукии Қарамиқ', 'Таможенный пост Карамык', 'Karamyk customs post', 'rrp', 'border', 'round-the-clock',
   '{transit,preliminary}', '{transit,export}', '{road}', '{}'),
  ('FOTEHOBOD', '2025-01-01', 'Посгоҳи гумрукии Фотеҳобод', 'Таможенный пост Фотехобод', 'Fotehobod customs post', 'sughd', 'border', 'round-the-clock',
   '{goods,transit,preliminary}', '{release_for_free_circulation,transit,export}', '{road}', '{}'),
  ('DUSTI', '2025-01-01', 'Посгоҳи гумрукии Дӯстӣ', 'Таможенный пост Дусти', 'Dusti customs post', 'rrp', 'border', 'round-the-clock',
   '{transit,preliminary}', '{transit,export}', '{road,rail}', '{}');

INSERT INTO customs.commodity_codes (code, valid_from, description_tg, description_ru, description_en, unit, duty_ad_valorem_bp, duty_specific_dirams, excise_ad_valorem_bp, excise_specific_dirams, vat_bp) VALUES
  ('1001990000', '2025-01-01', 'Гандум ва меслин, дигар', 'Пшеница и меслин, прочие', 'Wheat and meslin, other', 'kg', 0, NULL, NULL, NULL, 1400),
  ('1101000000', '2025-01-01', 'Орди гандум ё орди меслин', 'Мука пшеничная или пшенично-ржаная', 'Wheat or meslin flour', 'kg', 500, NULL, NULL, NULL, 1400),
  ('1701999000', '2025-01-01', 'Шакари қамиш ё лаблабу, дигар', 'Сахар тростниковый или свекловичный, прочий', 'Cane or beet sugar, other', 'kg', 1000, NULL, NULL, NULL, 1400),
  ('2402200000', '2025-01-01', 'Сигаретҳои дорои тамоку', 'Сигареты, содержащие табак', 'Cigarettes containing tobacco', '1000 pcs', 1500, NULL, NULL, 2500, 1400),
  ('8517130000', '2025-01-01', 'Смартфонҳо', 'Смартфоны', 'Smartphones', 'pcs', 500, NULL, NULL, NULL, 1400),
  ('8703231940', '2025-01-01', 'Мошинҳои сабукрав, дигар', 'Автомобили легковые, прочие', 'Passenger cars, other', 'pcs', 1500, NULL, NULL, NULL, 1400);

INSERT INTO customs.countries (code, valid_from, name_tg, name_ru, name_en) VALUES
  ('TJ', '1991-09-09', 'Тоҷикистон', 'Таджикистан', 'Tajikistan'),
  ('UZ', '1991-09-09', 'Ӯзбекистон', 'Узбекистан', 'Uzbekistan'),
  ('KZ', '1991-09-09', 'Қазоқистон', 'Казахстан', 'Kazakhstan'),
  ('CN', '1991-09-09', 'Чин', 'Китай', 'China'),
  ('RU', '1991-09-09', 'Россия', 'Россия', 'Russia'),
  ('AF', '1991-09-09', 'Афғонистон', 'Афганистан', 'Afghanistan'),
  ('KG', '1991-09-09', 'Қирғизистон', 'Кыргызстан', 'Kyrgyzstan'),
  ('IR', '1991-09-09', 'Эрон', 'Иран', 'Iran'),
  ('TR', '1991-09-09', 'Туркия', 'Турция', 'Türkiye');

INSERT INTO customs.currencies (code, valid_from, numeric_code, minor_units, name_tg, name_ru, name_en) VALUES
  ('TJS', '2000-10-30', '972', 2, 'Сомонӣ', 'Сомони', 'Somoni'),
  ('USD', '2000-10-30', '840', 2, 'Доллари ИМА', 'Доллар США', 'US dollar'),
  ('EUR', '2000-10-30', '978', 2, 'Евро', 'Евро', 'Euro'),
  ('RUB', '2000-10-30', '643', 2, 'Рубли Россия', 'Российский рубль', 'Russian rouble'),
  ('CNY', '2000-10-30', '156', 2, 'Юани Чин', 'Китайский юань', 'Chinese yuan');

INSERT INTO customs.exchange_rates (currency, valid_from, valid_to, somoni_per_unit, source) VALUES
  ('TJS', '2000-10-30', NULL, 1, 'national currency'),
  ('USD', '2026-02-27', '2026-02-28', 10.9321, 'demo'),
  ('USD', '2026-03-01', NULL, 10.9500, 'demo'),
  ('EUR', '2026-03-01', NULL, 11.8712, 'demo'),
  ('RUB', '2026-03-01', NULL, 0.1215, 'demo'),
  ('CNY', '2026-03-01', NULL, 1.5103, 'demo');

INSERT INTO customs.document_types (code, valid_from, name_tg, name_ru, name_en) VALUES
  ('INVOICE', '2025-01-01', 'Ҳисобнома-фактура', 'Счёт-фактура (инвойс)', 'Commercial invoice'),
  ('CONTRACT', '2025-01-01', 'Шартномаи тиҷорати хориҷӣ', 'Внешнеторговый договор', 'Foreign trade contract'),
  ('CMR', '2025-01-01', 'Борхати байналмилалии автомобилӣ (CMR)', 'Международная товарно-транспортная накладная (CMR)', 'International consignment note (CMR)'),
  ('CERT-ORIGIN', '2025-01-01', 'Сертификати пайдоиш', 'Сертификат происхождения', 'Certificate of origin'),
  ('PHYTO', '2025-01-01', 'Сертификати фитосанитарӣ', 'Фитосанитарный сертификат', 'Phytosanitary certificate');

INSERT INTO customs.persons (code, valid_from, name, residence, country, roles, foreign_ground) VALUES
  ('010000101', '2025-01-01', 'ҶДММ «Брокери намунавӣ»', 'domestic', 'TJ', '{customs_broker,declarant}', NULL),
  ('KZ-990140000123', '2025-01-01', 'ТОО «Пример-Транс»', 'foreign', 'KZ', '{carrier,declarant}', 'carrier_transit');

INSERT INTO customs.calculation_indicators (valid_from, valid_to, value_dirams, legal_basis) VALUES
  ('2024-01-01', '2024-12-31', 7200, 'Law on the State Budget for 2024 (demo value: verify)'),
  ('2025-01-01', NULL, 7500, 'Law on the State Budget for 2025 (demo value: verify)');
