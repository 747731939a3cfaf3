-- The identity services of the taxpayer service standard (order 396; docs/tax-services-identity.md):
-- the register of taxpayers with their TINs (TS-19, TS-20, TS-44, TS-45), the TIN certificate
-- (01.01.01), the access log of identity data (TS-52), the outgoing e-mail and SMS queue (TS-38,
-- 12.12.01), and the electronic-signature certificates of the platform's own authority (12.12.02).

-- The taxpayer register of the context. A natural person (individual, individual entrepreneur)
-- has a surname, a given name and a birth date; an organisation (legal entity, dehkan farm) a name.
-- One person has one TIN: a passport is unique when present (series '' when the document has none).
CREATE TABLE tax_services.taxpayers (
  id uuid PRIMARY KEY,
  -- Nine digits. No public checksum rule is known, so none is checked (docs/tax-services-identity.md).
  tin text NOT NULL UNIQUE CHECK (tin ~ '^[0-9]{9}$'),
  kind text NOT NULL CHECK (kind IN ('individual', 'individual_entrepreneur', 'legal_entity', 'dehkan_farm')),
  surname text,
  given_name text,
  patronymic text,
  organisation_name text,
  birth_date date,
  passport_series text,
  passport_number text CHECK (passport_number ~ '^[0-9]{6,10}$'),
  address text NOT NULL,
  unit_id uuid NOT NULL REFERENCES tax_services.units (id),
  registered_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deregistered')),
  deregistered_at timestamptz,
  is_vat_payer boolean NOT NULL DEFAULT false,
  registered_by text NOT NULL,
  CHECK (kind NOT IN ('individual', 'individual_entrepreneur') OR (surname IS NOT NULL AND given_name IS NOT NULL AND birth_date IS NOT NULL)),
  CHECK (kind IN ('individual', 'individual_entrepreneur') OR organisation_name IS NOT NULL),
  CHECK ((passport_series IS NULL) = (passport_number IS NULL)),
  CHECK ((status = 'deregistered') = (deregistered_at IS NOT NULL))
);
CREATE UNIQUE INDEX taxpayers_passport ON tax_services.taxpayers (passport_number, passport_series) WHERE passport_number IS NOT NULL;

-- Who read identity data, when, and with what outcome (TS-52): the public "Find out TIN" page, the
-- 152 line, the counterparty check, an officer reading the register. The query itself (passport,
-- surname, birth date) is not kept; the client address only as a keyed hash.
CREATE TABLE tax_services.identity_access_log (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('tin_lookup', 'counterparty', 'register_read')),
  channel text NOT NULL CHECK (channel IN ('website', 'cabinet', 'phone_152', 'office')),
  actor text NOT NULL,
  client_key text,
  outcome text NOT NULL CHECK (outcome IN ('found', 'not_found')),
  taxpayer_id uuid REFERENCES tax_services.taxpayers (id),
  challenge_id text
);
CREATE INDEX identity_access_log_at ON tax_services.identity_access_log (at);
CREATE INDEX identity_access_log_taxpayer ON tax_services.identity_access_log (taxpayer_id, at) WHERE taxpayer_id IS NOT NULL;

-- Proof-of-work challenges already spent (each is usable once); rows past their expiry are purged.
CREATE TABLE tax_services.spent_challenges (
  id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX spent_challenges_expiry ON tax_services.spent_challenges (expires_at);

-- Server secrets made on first use and shared by every node (the HMAC key of the challenges).
CREATE TABLE tax_services.secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Electronic TIN certificates (01.01.01 "TIN certificate sent (electronic)"): the PDF itself is the
-- request's result; this row lets anyone check a certificate by its number and TIN, or its SHA-256.
CREATE SEQUENCE tax_services.tin_certificate_seq;
CREATE TABLE tax_services.tin_certificates (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  taxpayer_id uuid NOT NULL REFERENCES tax_services.taxpayers (id),
  tin text NOT NULL,
  request_id uuid NOT NULL REFERENCES tax_services.requests (id),
  result_id uuid NOT NULL REFERENCES tax_services.results (id),
  sha256 text NOT NULL UNIQUE,
  issued_at timestamptz NOT NULL
);

-- The e-mail and SMS gateway's queue (TS-38): every context service that sends an e-mail or an SMS
-- writes a row here in its own transaction; the gateway sends it and marks it sent. A one-time
-- secret (a cabinet password) is kept apart from the body, put in at delivery for `{secret}` and
-- erased when the message is sent.
CREATE TABLE tax_services.outgoing_messages (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  address text NOT NULL,
  subject text,
  body text NOT NULL,
  secret text,
  kind text NOT NULL,
  tin text,
  request_id uuid REFERENCES tax_services.requests (id),
  attachment_result_id uuid REFERENCES tax_services.results (id),
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  CHECK (channel = 'email' OR subject IS NULL),
  CHECK (sent_at IS NULL OR secret IS NULL)
);
CREATE INDEX outgoing_messages_pending ON tax_services.outgoing_messages (created_at) WHERE sent_at IS NULL;
CREATE INDEX outgoing_messages_tin ON tax_services.outgoing_messages (tin, created_at) WHERE tin IS NOT NULL;

-- The price list of 12.12.02 (Annex 2: "according to the approved price list"; dehkan farms free,
-- whatever the list says). A price is in force from its date until the next one of the same kind.
CREATE TABLE tax_services.eds_prices (
  id uuid PRIMARY KEY,
  taxpayer_kind text NOT NULL CHECK (taxpayer_kind IN ('individual', 'individual_entrepreneur', 'legal_entity', 'dehkan_farm')),
  amount_dirams bigint NOT NULL CHECK (amount_dirams >= 0),
  effective_from date NOT NULL,
  note text,
  UNIQUE (taxpayer_kind, effective_from)
);

-- The platform's own certificate authority, made on first use. The private key is kept here as
-- PKCS#8: whoever reads this table can issue certificates (docs/tax-services-identity.md).
CREATE TABLE tax_services.eds_ca (
  name text PRIMARY KEY,
  certificate_pem text NOT NULL,
  private_key_pkcs8 text NOT NULL,
  created_at timestamptz NOT NULL
);

-- An application for an EDS certificate (12.12.02): contract, then payment; the clock of the
-- request starts at the later of the two and the certificate is issued then.
CREATE TABLE tax_services.eds_applications (
  id uuid PRIMARY KEY,
  tin text NOT NULL,
  taxpayer_id uuid NOT NULL REFERENCES tax_services.taxpayers (id),
  status text NOT NULL CHECK (status IN ('pending', 'issued', 'cancelled')),
  key_source text NOT NULL CHECK (key_source IN ('csr', 'spki')),
  public_key_spki text NOT NULL,
  price_dirams bigint NOT NULL CHECK (price_dirams >= 0),
  renews_certificate_id uuid,
  contact_email text,
  contact_phone text,
  applied_at timestamptz NOT NULL,
  applied_by text NOT NULL,
  contract_signed_at timestamptz,
  paid_at timestamptz,
  payment_reference text,
  payment_recorded_by text,
  payment_recorded_at timestamptz,
  request_id uuid REFERENCES tax_services.requests (id),
  CHECK ((paid_at IS NULL) = (payment_reference IS NULL))
);
CREATE UNIQUE INDEX eds_applications_pending ON tax_services.eds_applications (tin) WHERE status = 'pending';

-- Certificates issued by the platform's authority: valid one year; reminders 30 and 7 days before
-- the end (TS-50); a renewal names the certificate that follows.
CREATE TABLE tax_services.eds_certificates (
  id uuid PRIMARY KEY,
  serial_number text NOT NULL UNIQUE,
  application_id uuid NOT NULL UNIQUE REFERENCES tax_services.eds_applications (id),
  tin text NOT NULL,
  taxpayer_id uuid NOT NULL REFERENCES tax_services.taxpayers (id),
  subject text NOT NULL,
  certificate_pem text NOT NULL,
  sha256 text NOT NULL UNIQUE,
  public_key_sha256 text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  issued_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revocation_reason text,
  renewed_by uuid REFERENCES tax_services.eds_certificates (id),
  reminded_30_at timestamptz,
  reminded_7_at timestamptz,
  CHECK (not_after > not_before),
  CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
CREATE INDEX eds_certificates_tin ON tax_services.eds_certificates (tin, not_after DESC);
CREATE INDEX eds_certificates_to_remind ON tax_services.eds_certificates (not_after) WHERE revoked_at IS NULL AND renewed_by IS NULL AND reminded_7_at IS NULL;

-- The price list as an administrator first enters it. These amounts are placeholders until the
-- approved price list of SUE "MBMA" is entered; dehkan farms are free by Annex 2 in any case.
INSERT INTO tax_services.eds_prices (id, taxpayer_kind, amount_dirams, effective_from, note) VALUES
  ('00000000-0000-7000-8000-000000000401', 'individual', 5000, '2025-06-17', 'placeholder until the approved price list is entered'),
  ('00000000-0000-7000-8000-000000000402', 'individual_entrepreneur', 10000, '2025-06-17', 'placeholder until the approved price list is entered'),
  ('00000000-0000-7000-8000-000000000403', 'legal_entity', 20000, '2025-06-17', 'placeholder until the approved price list is entered'),
  ('00000000-0000-7000-8000-000000000404', 'dehkan_farm', 0, '2025-06-17', 'Annex 2, 12.12.02: dehkan farms are free');

-- Demo taxpayers (fictitious people and organisations) so the public pages answer something.
INSERT INTO tax_services.taxpayers
  (id, tin, kind, surname, given_name, patronymic, organisation_name, birth_date, passport_series, passport_number, address, unit_id, registered_at, status, deregistered_at, is_vat_payer, registered_by)
VALUES
  ('00000000-0000-7000-8000-000000000501', '300000011', 'individual', 'Раҳимов', 'Фаридун', 'Наимович', NULL, '1990-05-14', 'A', '01234567',
   'ш. Душанбе, кӯч. Рӯдакӣ 10', '00000000-0000-7000-8000-000000000301', '2012-03-01T04:00:00Z', 'active', NULL, false, 'migration'),
  ('00000000-0000-7000-8000-000000000502', '300000022', 'individual_entrepreneur', 'Назарова', 'Малика', 'Умаровна', NULL, '1985-11-02', 'A', '07654321',
   'ш. Хуҷанд, кӯч. Ленин 5', '00000000-0000-7000-8000-000000000303', '2015-07-10T04:00:00Z', 'active', NULL, false, 'migration'),
  ('00000000-0000-7000-8000-000000000503', '300000033', 'legal_entity', NULL, NULL, NULL, 'ҶДММ «Боғи Сомон»', NULL, NULL, NULL,
   'ш. Душанбе, хиёбони Исмоили Сомонӣ 25', '00000000-0000-7000-8000-000000000302', '2018-02-20T04:00:00Z', 'active', NULL, true, 'migration'),
  ('00000000-0000-7000-8000-000000000504', '300000044', 'dehkan_farm', NULL, NULL, NULL, 'Хоҷагии деҳқонии «Ҳосилот»', NULL, NULL, NULL,
   'ш. Бохтар, деҳаи Гулистон', '00000000-0000-7000-8000-000000000304', '2019-04-05T04:00:00Z', 'active', NULL, false, 'migration'),
  ('00000000-0000-7000-8000-000000000505', '300000055', 'legal_entity', NULL, NULL, NULL, 'ҶСК «Сабз»', NULL, NULL, NULL,
   'ш. Ваҳдат, кӯч. Марказӣ 1', '00000000-0000-7000-8000-000000000306', '2014-09-09T04:00:00Z', 'deregistered', '2023-12-29T06:00:00Z', false, 'migration');
