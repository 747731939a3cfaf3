-- Electronic customs: the forms the authorised customs body sets (art.124 p.7, p.10, p.13; art.362
-- p.1; CUS-DEC-07), the electronic customs value form (art.361-363, CUS-REG-08, CUS-REG-10) and the
-- customs value communications, electronic or written (art.364 p.1 i.3, art.365 p.1 i.2 and p.2,
-- CUS-REG-11); docs/customs-value.md.

-- A form definition: the data set and filling rules of one form, as data, in force from one day to
-- another (both inclusive; valid_to null: until further notice). A new version closes the open one
-- the day before it starts. `rules` is a list of {field, required?, when?: {field, equals? | oneOf? |
-- isPresent?}, pattern?, oneOf?, maxLength?} (src/contexts/customs/domain/form-definition.ts).
CREATE TABLE customs.form_definitions (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('goods_declaration', 'paper_declaration', 'customs_value_form', 'unregulated_case')),
  version integer NOT NULL CHECK (version >= 1),
  valid_from date NOT NULL,
  valid_to date,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  legal_basis text NOT NULL,
  rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
  published_by text NOT NULL,
  published_at timestamptz NOT NULL,
  UNIQUE (kind, version),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX form_definitions_in_force ON customs.form_definitions (kind, valid_from);

-- The customs value form of a declaration, every version kept unchanged: submitted with the
-- declaration (on its draft) or separately after it was filed (art.361 p.1). Its documents are
-- electronic copies in customs.document_files, named by SHA-256 (art.361 p.2).
CREATE TABLE customs.value_forms (
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  version integer NOT NULL CHECK (version >= 1),
  source text NOT NULL CHECK (source IN ('with_declaration', 'separate')),
  data jsonb NOT NULL,
  -- The definition in force on the day it was submitted, which it was checked against.
  definition_id uuid REFERENCES customs.form_definitions (id),
  -- SHA-256 of the canonical JSON of `data`.
  sha256 text NOT NULL,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (declaration_id, version)
);
CREATE TRIGGER value_forms_append_only BEFORE UPDATE OR DELETE ON customs.value_forms
  FOR EACH ROW EXECUTE FUNCTION customs.refuse_change();

-- Customs' requests and decisions on the customs value and the declarant's requests and answers,
-- electronic or written (items 72-73 of the draft). Electronic ones are delivered when recorded
-- (the cabinet or the system); a written one is delivered when its delivery is recorded.
CREATE TABLE customs.value_communications (
  id uuid PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES customs.declarations (id),
  kind text NOT NULL CHECK (kind IN ('documents_request', 'declarant_answer', 'value_decision', 'explanation_request', 'explanation')),
  direction text NOT NULL CHECK (direction IN ('to_declarant', 'to_customs')),
  channel text NOT NULL CHECK (channel IN ('electronic', 'written')),
  legal_basis text NOT NULL,
  in_reply_to uuid REFERENCES customs.value_communications (id),
  subject text NOT NULL,
  body text NOT NULL,
  decision text CHECK (decision IN ('accepted', 'adjusted', 'not_accepted')),
  -- SHA-256 of electronic copies in customs.document_files.
  documents jsonb NOT NULL CHECK (jsonb_typeof(documents) = 'array'),
  answer_due_on date,
  -- The declarant of the declaration (TIN or foreign code): whom customs' communications address.
  addressee_code text NOT NULL,
  sent_at timestamptz NOT NULL,
  delivered_at timestamptz,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK ((kind = 'value_decision') = (decision IS NOT NULL)),
  CHECK (channel = 'written' OR delivered_at IS NOT NULL),
  CHECK (delivered_at IS NULL OR delivered_at >= sent_at)
);
CREATE INDEX value_communications_declaration ON customs.value_communications (declaration_id, sent_at);

-- The platform's default definitions, in force until the authorised body publishes its own: the
-- data set the declaration schema already requires, and a few conditional rules as examples of the
-- rule language. Every declaration the platform accepted before passes them.
WITH declaration_rules (rules) AS (
  VALUES ('[
    {"field": "direction", "required": true, "oneOf": ["import", "export"]},
    {"field": "regime", "required": true},
    {"field": "officeCode", "required": true},
    {"field": "declarantCode", "required": true, "pattern": "[0-9]{9}|[A-Z]{2}-[A-Z0-9]{1,30}"},
    {"field": "brokerTin", "pattern": "[0-9]{9}"},
    {"field": "consignor.name", "required": true, "maxLength": 300},
    {"field": "consignor.country", "required": true, "pattern": "[A-Z]{2}"},
    {"field": "consignor.address", "required": true},
    {"field": "consignee.name", "required": true, "maxLength": 300},
    {"field": "consignee.country", "required": true, "pattern": "[A-Z]{2}"},
    {"field": "consignee.address", "required": true},
    {"field": "transport.mode", "required": true},
    {"field": "transport.nationality", "required": true},
    {"field": "countryOfDispatch", "required": true},
    {"field": "countryOfDestination", "required": true},
    {"field": "countryOfDestination", "when": {"field": "regime", "equals": "release_for_free_circulation"}, "oneOf": ["TJ"]},
    {"field": "countryOfDispatch", "when": {"field": "regime", "equals": "export"}, "oneOf": ["TJ"]},
    {"field": "currency", "required": true, "pattern": "[A-Z]{3}"},
    {"field": "invoiceTotal", "required": true},
    {"field": "deliveryTerms", "required": true},
    {"field": "valuation.method", "required": true, "oneOf": [1, 2, 3, 4, 5, 6]},
    {"field": "valuation.contractDate", "required": true, "when": {"field": "valuation.contractNumber", "isPresent": true}},
    {"field": "items[].commodityCode", "required": true, "pattern": "[0-9]{10}"},
    {"field": "items[].description", "required": true},
    {"field": "items[].originCountry", "required": true},
    {"field": "items[].grossMassKg", "required": true},
    {"field": "items[].netMassKg", "required": true},
    {"field": "items[].invoiceAmount", "required": true},
    {"field": "documents[].typeCode", "required": true},
    {"field": "documents[].number", "required": true},
    {"field": "documents[].date", "required": true}
  ]'::jsonb)
)
INSERT INTO customs.form_definitions (id, kind, version, valid_from, name_tg, name_ru, name_en, legal_basis, rules, published_by, published_at)
SELECT '01940000-0000-7000-8000-000000000701'::uuid, 'goods_declaration', 1, '2025-01-01'::date,
       'Эъломияи электронии мол', 'Электронная декларация на товары', 'Electronic goods declaration',
       'art.124 p.7 (default data set of the platform until the authorised body publishes its own)', rules, 'system:migration', '2025-01-01T00:00:00+05:00'::timestamptz
  FROM declaration_rules
UNION ALL
SELECT '01940000-0000-7000-8000-000000000702'::uuid, 'paper_declaration', 1, '2025-01-01'::date,
       'Эъломияи мол дар коғаз', 'Декларация на товары на бумажном носителе', 'Goods declaration on paper',
       'art.124 p.10 (default data set of the platform until the authorised body publishes its own)', rules, 'system:migration', '2025-01-01T00:00:00+05:00'::timestamptz
  FROM declaration_rules;

INSERT INTO customs.form_definitions (id, kind, version, valid_from, name_tg, name_ru, name_en, legal_basis, rules, published_by, published_at) VALUES
  ('01940000-0000-7000-8000-000000000703', 'customs_value_form', 1, '2025-01-01',
   'Шакли варақаи арзиши гумрукӣ', 'Форма бланка таможенной стоимости', 'Customs value form',
   'art.362 p.1 (default model of the platform until the authorised body publishes its own)', '[
    {"field": "method", "required": true, "oneOf": [1, 2, 3, 4, 5, 6]},
    {"field": "methodReasons", "required": true, "when": {"field": "method", "oneOf": [2, 3, 4, 5, 6]}, "maxLength": 2000},
    {"field": "invoiceNumber", "required": true, "when": {"field": "method", "equals": 1}},
    {"field": "invoiceDate", "required": true, "when": {"field": "invoiceNumber", "isPresent": true}},
    {"field": "contractDate", "required": true, "when": {"field": "contractNumber", "isPresent": true}},
    {"field": "transportCost", "required": true},
    {"field": "insuranceCost", "required": true},
    {"field": "otherCosts", "required": true},
    {"field": "isRelated", "required": true},
    {"field": "relationInfluence", "required": true, "when": {"field": "isRelated", "equals": true}, "maxLength": 2000},
    {"field": "hasRestrictions", "required": true},
    {"field": "hasConditions", "required": true},
    {"field": "hasRoyalties", "required": true},
    {"field": "hasResaleProceeds", "required": true},
    {"field": "documents", "required": true},
    {"field": "documents[].typeCode", "required": true},
    {"field": "documents[].sha256", "required": true}
   ]'::jsonb, 'system:migration', '2025-01-01T00:00:00+05:00'),
  ('01940000-0000-7000-8000-000000000704', 'unregulated_case', 1, '2025-01-01',
   'Эъломиякунӣ дар ҳолатҳои танзимнашуда', 'Декларирование в случаях, не урегулированных Кодексом', 'Declaring in cases the Code does not regulate',
   'art.124 p.13 (default data set of the platform until the authorised body publishes its own)', '[
    {"field": "officeCode", "required": true},
    {"field": "declarantCode", "required": true, "pattern": "[0-9]{9}|[A-Z]{2}-[A-Z0-9]{1,30}"},
    {"field": "circumstances", "required": true, "maxLength": 4000},
    {"field": "goodsDescription", "required": true, "maxLength": 2000}
   ]'::jsonb, 'system:migration', '2025-01-01T00:00:00+05:00');
