-- The automated risk management system (seed 001 chapter 52, art.399, art.427-429(2); CUS-RMS,
-- CUS-CTL; issue #6; docs/risk.md): risk profiles with their approval workflow and versions, the
-- lane decisions with the profile versions that fired, re-routing, the results of controls fed back
-- to the profiles' statistics, the selectivity settings and the traders' disclosable facts.
-- src/contexts/risk/infrastructure/schema.ts mirrors these tables.
CREATE SCHEMA IF NOT EXISTS risk;

-- A risk profile (art.428 i.5, CUS-RMS-07): the stable code officers and reports name it by.
CREATE TABLE risk.profiles (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Its versions, kept for good (CUS-RMS-21): a decision names the version that fired, so a version is
-- never changed once approved; editing an approved or active profile makes the next draft version.
CREATE TABLE risk.profile_versions (
  id uuid PRIMARY KEY,
  profile_id uuid NOT NULL REFERENCES risk.profiles (id),
  version integer NOT NULL CHECK (version > 0),
  state text NOT NULL CHECK (state IN ('draft', 'approved', 'active', 'retired')),
  -- Art.428 i.13 (CUS-RMS-15): the area of risk, the description of the risk and its conditions, {tg, ru, en}.
  area jsonb NOT NULL,
  -- Art.427 p.2 (CUS-RMS-02): one or more of the four categories.
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  -- Art.428 i.2-3 (CUS-RMS-04, 05).
  kind text NOT NULL CHECK (kind IN ('identified', 'potential')),
  -- Art.428 i.12 (CUS-RMS-14): the indicator as data (domain/model.ts Indicator).
  indicator jsonb NOT NULL,
  -- Art.429 (CUS-RMS-16): the objects of risk analysis the indicator reads, derived from it.
  objects text[] NOT NULL,
  subjects text[] NOT NULL CHECK (cardinality(subjects) > 0),
  lane text NOT NULL CHECK (lane IN ('blue', 'yellow', 'red')),
  selection_percent integer NOT NULL CHECK (selection_percent BETWEEN 1 AND 100),
  -- Art.428 i.7 (CUS-RMS-09).
  measures text[] NOT NULL,
  -- Art.428 i.4 (CUS-RMS-06): 1 (low) to 5 (critical).
  level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
  -- Art.429(2) p.2 (CUS-RMS-21): Dushanbe days, both inclusive.
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  approved_by text,
  approved_at timestamptz,
  activated_by text,
  activated_at timestamptz,
  retired_by text,
  retired_at timestamptz,
  UNIQUE (profile_id, version),
  CHECK (valid_to >= valid_from),
  -- Four eyes (docs/decisions.md): the approver is not the author.
  CHECK (approved_by IS NULL OR approved_by <> created_by),
  CHECK (state = 'draft' OR approved_by IS NOT NULL)
);
CREATE UNIQUE INDEX profile_versions_one_active ON risk.profile_versions (profile_id) WHERE state = 'active';
CREATE INDEX profile_versions_active ON risk.profile_versions (valid_from) WHERE state = 'active';

-- Bumped in the transaction of every change to what the engine reads (an activation, a retirement,
-- a price import): each node's compiled engine is rebuilt only when this or the day changed.
CREATE TABLE risk.engine_state (
  id boolean PRIMARY KEY CHECK (id),
  inputs_version bigint NOT NULL
);
INSERT INTO risk.engine_state (id, inputs_version) VALUES (true, 1);

-- What a compiled engine was built from: the profile versions in force that day and the reference
-- prices, addressed by the SHA-256 of their canonical JSON, so a decision can be reproduced.
CREATE TABLE risk.engine_snapshots (
  id text PRIMARY KEY,
  day date NOT NULL,
  version_ids jsonb NOT NULL,
  prices jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- The selectivity settings (art.399 p.1-3; ASYCUDA MODSEL): shares 0..1. Zero by default: nothing is
-- selected at random until the authorised body sets a rate.
CREATE TABLE risk.settings (
  id boolean PRIMARY KEY CHECK (id),
  random_rate double precision NOT NULL CHECK (random_rate >= 0 AND random_rate <= 1),
  expected_blue double precision NOT NULL CHECK (expected_blue >= 0 AND expected_blue <= 1),
  expected_yellow double precision NOT NULL CHECK (expected_yellow >= 0 AND expected_yellow <= 1),
  expected_red double precision NOT NULL CHECK (expected_red >= 0 AND expected_red <= 1),
  -- How many recent decisions the observed lane shares are taken over.
  observed_window integer NOT NULL CHECK (observed_window BETWEEN 10 AND 100000),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
INSERT INTO risk.settings VALUES (true, 0, 0, 0, 0, 1000, 'system', '2026-01-01T00:00:00Z');

-- One lane decision per subject (art.399 p.2-3; CUS-CTL-02, 03): what the engine decided and on what
-- (snapshot, settings, observed shares, seed), and the lane in force after any re-routing.
CREATE TABLE risk.decisions (
  id uuid PRIMARY KEY,
  subject_kind text NOT NULL CHECK (subject_kind IN ('declaration', 'preliminary', 'transit')),
  subject_id uuid NOT NULL UNIQUE,
  subject_number text NOT NULL,
  trader_code text NOT NULL,
  decided_at timestamptz NOT NULL,
  decided_lane text NOT NULL CHECK (decided_lane IN ('green', 'blue', 'yellow', 'red')),
  decided_measures text[] NOT NULL,
  basis text NOT NULL CHECK (basis IN ('profile', 'random', 'none')),
  hits jsonb NOT NULL,
  seed text NOT NULL,
  settings jsonb NOT NULL,
  snapshot_id text NOT NULL REFERENCES risk.engine_snapshots (id),
  inputs_version bigint NOT NULL,
  lane text NOT NULL CHECK (lane IN ('green', 'blue', 'yellow', 'red')),
  measures text[] NOT NULL
);
CREATE INDEX decisions_decided_at ON risk.decisions (decided_at);
CREATE INDEX decisions_kind_decided_at ON risk.decisions (subject_kind, decided_at DESC);

-- The profile versions that fired, one row each: the statistics per profile version (CUS-RMS-20).
CREATE TABLE risk.decision_hits (
  decision_id uuid NOT NULL REFERENCES risk.decisions (id),
  version_id uuid NOT NULL REFERENCES risk.profile_versions (id),
  is_selected boolean NOT NULL,
  items integer[] NOT NULL,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (decision_id, version_id)
);
CREATE INDEX decision_hits_version ON risk.decision_hits (version_id, decided_at);

-- Re-routing by an officer (issue #6): upward at will, downward only with a recorded reason.
CREATE TABLE risk.reroutes (
  id uuid PRIMARY KEY,
  decision_id uuid NOT NULL REFERENCES risk.decisions (id),
  from_lane text NOT NULL CHECK (from_lane IN ('green', 'blue', 'yellow', 'red')),
  to_lane text NOT NULL CHECK (to_lane IN ('green', 'blue', 'yellow', 'red')),
  measures text[] NOT NULL,
  is_upward boolean NOT NULL,
  reason text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL,
  CHECK (from_lane <> to_lane),
  CHECK (is_upward OR reason <> '')
);
CREATE INDEX reroutes_decision ON risk.reroutes (decision_id, at);

-- Art.429(2) p.1 i.1, i.8 (CUS-RMS-20): the result of every control and audit, by the customs event
-- that carried it (a repeated delivery is a no-op), linked to the decision when there is one.
CREATE TABLE risk.control_results (
  event_id uuid PRIMARY KEY,
  decision_id uuid REFERENCES risk.decisions (id),
  subject_kind text NOT NULL CHECK (subject_kind IN ('declaration', 'preliminary', 'transit', 'audit')),
  subject_id uuid NOT NULL,
  trader_code text NOT NULL,
  is_violation_found boolean NOT NULL,
  findings text NOT NULL,
  additional_dirams bigint NOT NULL CHECK (additional_dirams >= 0),
  source text NOT NULL CHECK (source IN ('control', 'audit')),
  at timestamptz NOT NULL
);
CREATE INDEX control_results_decision ON risk.control_results (decision_id);

-- Art.429 i.9 and art.429(2) p.3 (CUS-RMS-22): what risk management knows of a trader. Liability
-- facts and arrears are the two kinds the person concerned may see; `violation` is a violation a
-- control or an audit found, counted with the liability facts by the `trader.violations` indicator.
CREATE TABLE risk.trader_facts (
  id uuid PRIMARY KEY,
  trader_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('liability', 'arrears', 'violation')),
  description text NOT NULL,
  reference text NOT NULL,
  amount_dirams bigint CHECK (amount_dirams IS NULL OR amount_dirams >= 0),
  decided_on date NOT NULL,
  settled_on date,
  source text NOT NULL CHECK (source IN ('analyst', 'import', 'control', 'audit')),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK (kind <> 'arrears' OR amount_dirams IS NOT NULL),
  CHECK (settled_on IS NULL OR settled_on >= decided_on)
);
CREATE INDEX trader_facts_trader ON risk.trader_facts (trader_code);

-- The customs side of the hand-off (art.399 p.3, CUS-CTL-03): the decision and its measures on the
-- declaration, and on each control event the decision that is its legal basis.
ALTER TABLE customs.declarations ADD COLUMN risk_decision_id uuid, ADD COLUMN risk_measures jsonb;
ALTER TABLE customs.control_events ADD COLUMN risk_decision_id uuid;
