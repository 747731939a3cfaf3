-- Complaints and appeals, the online Book of complaints, the service quality rating module, the
-- monthly information note and the annual quality indicators of the taxpayer service standard
-- (order 396: A1 p.10-15, note 1 to Annex 2, group 11.00.00, 10.10.03; TS-13 … TS-17, TS-21,
-- TS-33, TS-34, TS-39 … TS-41). Each complaint is a service request (11.11.01, 11.11.02, 11.11.04,
-- 11.11.05) with its SLA clock; this table keeps what the request register does not.

-- One complaint or appeal, whichever of the six channels of A1 p.13 it came through (TS-15, TS-39).
-- Its date of receipt is the request's received_at, taken by the channel rule of TS-16.
CREATE TABLE tax_services.complaints (
  request_id uuid PRIMARY KEY REFERENCES tax_services.requests (id),
  -- What it is about: the official and the unit complained of, and whether an action or an inaction.
  conduct text CHECK (conduct IN ('action', 'inaction')),
  official_name text,
  about_unit_id uuid REFERENCES tax_services.units (id),
  -- 11.11.01: the tax audit act or decision appealed; 11.11.04: the declaration to correct.
  decision_ref text,
  declaration_ref text,
  body text NOT NULL,
  complainant_address text,
  -- TS-16: in person, the second copy bears the receiver's full name, signature, date and stamp; by
  -- post or e-mail, the incoming-registration stamp of the records office dates the receipt; the
  -- electronic channels (the Book, the phones, the chat) are dated by their registration here.
  receipt_mode text NOT NULL CHECK (receipt_mode IN ('in_person', 'incoming_stamp', 'electronic')),
  receiver_name text,
  receiver_signed boolean,
  receipt_stamp text,
  incoming_number text,
  receipt_result_id uuid REFERENCES tax_services.results (id),
  -- The complainant's key to the public status page (TS-40): SHA-256 of a random 80-bit code.
  secret_hash text NOT NULL,
  -- TS-17: the written reply, kept as the request's result (a letter).
  outcome text CHECK (outcome IN ('upheld', 'partly_upheld', 'dismissed', 'explained')),
  reply_text text,
  answered_at timestamptz,
  answered_by text,
  reply_result_id uuid REFERENCES tax_services.results (id),
  CHECK (receipt_mode <> 'in_person' OR (receiver_name IS NOT NULL AND receiver_signed AND receipt_stamp IS NOT NULL)),
  CHECK (receipt_mode <> 'incoming_stamp' OR incoming_number IS NOT NULL),
  CHECK ((answered_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX complaints_about_unit ON tax_services.complaints (about_unit_id) WHERE about_unit_id IS NOT NULL;

-- The "Evaluation of service quality" module (A1 p.12, A1 p.16(4), TS-14, TS-41): a short survey
-- after a closed request (one per request), or a rating of a unit and its staff with remarks and
-- proposals from the website or the 151 line. Scores are 1 (very poor) … 5 (excellent).
CREATE TABLE tax_services.ratings (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('request', 'unit')),
  request_id uuid UNIQUE REFERENCES tax_services.requests (id),
  unit_id uuid NOT NULL REFERENCES tax_services.units (id),
  region text NOT NULL,
  service_key text,
  channel text NOT NULL,
  overall smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
  courtesy smallint NOT NULL CHECK (courtesy BETWEEN 1 AND 5),
  clarity smallint NOT NULL CHECK (clarity BETWEEN 1 AND 5),
  timeliness smallint NOT NULL CHECK (timeliness BETWEEN 1 AND 5),
  staff_name text,
  remark text,
  proposal text,
  rater_tin text,
  rater_name text,
  rated_by text NOT NULL,
  rated_at timestamptz NOT NULL,
  -- The Dushanbe date of the rating: the reports count by legal date.
  rated_on date NOT NULL,
  CHECK ((kind = 'request') = (request_id IS NOT NULL))
);
CREATE INDEX ratings_on ON tax_services.ratings (rated_on);
CREATE INDEX ratings_unit ON tax_services.ratings (unit_id, rated_on);

-- 10.10.03 (TS-33): one information note per month, kept as the results of its own request; an
-- officer's regeneration adds a revised note to the same request.
CREATE TABLE tax_services.quality_notes (
  year integer NOT NULL,
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  request_id uuid NOT NULL REFERENCES tax_services.requests (id),
  revision integer NOT NULL DEFAULT 1,
  generated_at timestamptz NOT NULL,
  generated_by text NOT NULL,
  PRIMARY KEY (year, month)
);

-- TS-13, TS-34: the quality and accessibility indicators of a year, computed once after the year
-- ends (again on an officer's request until published) and then published for "Boju khiroj" and
-- www.andoz.tj; a published year is not recomputed.
CREATE TABLE tax_services.annual_indicators (
  year integer PRIMARY KEY,
  indicators jsonb NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  computed_at timestamptz NOT NULL,
  computed_by text NOT NULL,
  published_at timestamptz,
  published_by text,
  CHECK ((published_at IS NULL) = (published_by IS NULL))
);
