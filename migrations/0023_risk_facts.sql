-- The risk context's facts store (CUS-RMS-20 step 1; issue #6; docs/risk-simulation.md): every subject
-- the risk engine evaluated, as it saw it, so that a draft profile can be tried on past declarations
-- before it is approved (step 5) and every release replayed against a profile. The reference prices
-- the "value below reference" indicator compares with (CUS-RMS-14: deviation).
-- src/contexts/risk/infrastructure/facts.schema.ts mirrors these tables.
CREATE SCHEMA IF NOT EXISTS risk;

-- One row per subject (declaration, preliminary information, transit), keyed by the subject's own id.
-- Figures are double precision: they are analysis figures, and the simulation must compute exactly
-- what the in-process evaluator computes on JavaScript numbers.
CREATE TABLE risk.subjects (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('declaration', 'preliminary', 'transit')),
  number text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('import', 'export', 'transit')),
  regime text NOT NULL,
  office_code text NOT NULL,
  trader_code text NOT NULL,
  broker_tin text,
  trader_violations integer NOT NULL CHECK (trader_violations >= 0),
  trader_debt double precision NOT NULL,
  trader_declarations_before integer NOT NULL CHECK (trader_declarations_before >= 0),
  transport_mode text NOT NULL,
  vehicles text[] NOT NULL,
  country_of_dispatch text NOT NULL,
  country_of_destination text NOT NULL,
  route text[] NOT NULL,
  planned_route text[],
  document_types text[] NOT NULL,
  -- The sum of the items' customs values, added in item order as the evaluator adds them.
  total_customs_value double precision NOT NULL,
  item_count integer NOT NULL CHECK (item_count >= 0),
  registered_at timestamptz NOT NULL,
  -- The Dushanbe day of registered_at: the day whose reference prices apply, and the period filter.
  registered_on date NOT NULL,
  -- The lane decided (filled by the risk service) and whether a control found a violation (CUS-RMS-20 step 8).
  lane text CHECK (lane IN ('green', 'blue', 'yellow', 'red')),
  found boolean
);
CREATE INDEX subjects_registered_on ON risk.subjects (registered_on);
CREATE INDEX subjects_trader ON risk.subjects (trader_code);

-- The items (goods lines) of a subject.
CREATE TABLE risk.subject_items (
  subject_id uuid NOT NULL REFERENCES risk.subjects (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  commodity_code text NOT NULL,
  description text NOT NULL,
  -- ' w1 w2 … ' : the description's words, lower-cased (Unicode), one space apart and around, written by
  -- the application (domain/model.ts descriptionWords) so that PGlite and a server read the same words.
  description_words text NOT NULL,
  goods_categories text[] NOT NULL,
  origin_country text NOT NULL,
  net_mass_kg double precision NOT NULL,
  supplementary_quantity double precision,
  customs_value double precision NOT NULL,
  -- The subject's registered_on again: the reference prices of an item's day are joined to the items
  -- alone, which PostgreSQL hashes once instead of looking them up item by item.
  registered_on date NOT NULL,
  PRIMARY KEY (subject_id, number)
);

-- Reference prices by named table (somoni per unit; per kg when the code has no other unit). Both
-- ends inclusive; valid_to null until further notice; no two versions of a code in a table share a day.
CREATE TABLE risk.price_references (
  table_name text NOT NULL,
  commodity_code text NOT NULL,
  price double precision NOT NULL CHECK (price > 0),
  unit text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  PRIMARY KEY (table_name, commodity_code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
