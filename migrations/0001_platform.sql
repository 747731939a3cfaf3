-- Platform kernel: accounts and sessions, the hash-chained audit log, the outbox and the
-- idempotency ledger of event handlers, and the personal-cabinet notifications.
CREATE SCHEMA IF NOT EXISTS platform;

-- One row per person or system that can log in. `role` decides what the account may do;
-- `org_id` / `unit_id` bind a TSC specialist to a TSC and optionally a branch; `tin` binds a business.
CREATE TABLE platform.accounts (
  id uuid PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('operator_admin', 'tax_officer', 'tsc_specialist', 'business', 'customs_officer', 'risk_analyst', 'declarant')),
  login text NOT NULL UNIQUE,
  secret_hash text NOT NULL,
  display_name text NOT NULL,
  tin text,
  org_id uuid,
  unit_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  public_key text,
  created_at timestamptz NOT NULL,
  CHECK (role <> 'business' OR tin IS NOT NULL),
  CHECK (role <> 'tsc_specialist' OR org_id IS NOT NULL)
);
CREATE INDEX accounts_tin_idx ON platform.accounts (tin) WHERE tin IS NOT NULL;
CREATE INDEX accounts_org_idx ON platform.accounts (org_id) WHERE org_id IS NOT NULL;

-- A session token is shown to the client once; only its SHA-256 is stored.
CREATE TABLE platform.sessions (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES platform.accounts (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account_idx ON platform.sessions (account_id);

-- Append-only, hash-chained audit log. `hash` = SHA-256 over the canonical JSON of the entry and
-- `prev_hash`; `platform.audit_head` holds the tip so that concurrent writers take turns.
CREATE TABLE platform.audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity_idx ON platform.audit_log (entity, entity_id, seq);

CREATE TABLE platform.audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO platform.audit_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));

-- The product has no update or delete path for the audit log; the database refuses one too.
CREATE FUNCTION platform.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %.%: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON platform.audit_log
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_change();

-- Events between contexts, written in the same transaction as the state change.
CREATE TABLE platform.outbox (
  id uuid PRIMARY KEY,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  delivered_at timestamptz
);
CREATE INDEX outbox_pending_idx ON platform.outbox (available_at) WHERE delivered_at IS NULL;

-- Which handler has already processed which event: handlers tolerate repeats.
CREATE TABLE platform.processed_events (
  handler text NOT NULL,
  event_id uuid NOT NULL,
  processed_at timestamptz NOT NULL,
  PRIMARY KEY (handler, event_id)
);

-- The personal-cabinet inbox. A recipient is a business (TIN), an organisation (TSC or branch id),
-- a tax inspectorate (code) or a role. Texts are kept in all three languages.
CREATE TABLE platform.notifications (
  id uuid PRIMARY KEY,
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('business', 'org', 'unit', 'inspectorate', 'role', 'account')),
  recipient_id text NOT NULL,
  kind text NOT NULL,
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  subject_type text,
  subject_id text,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notifications_recipient_idx ON platform.notifications (recipient_kind, recipient_id, created_at DESC);
