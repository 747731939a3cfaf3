-- The taxpayer service standard (seed 003, Tax Committee order 396 of 17 June 2025): its own schema.
-- The catalogue of services in versions (TS-04, TS-24), the tax authority's units, and the register
-- of service requests with their SLA clocks (TS-26..TS-31). Every deadline is computed by the
-- platform calendar and stored as a due time on the request it governs.
CREATE SCHEMA IF NOT EXISTS tax_services;

-- Two roles of the standard: a taxpayer with a personal cabinet (12.12.01, by TIN) and an officer of
-- the Taxpayer Services Department, which controls compliance (A1 p.3) and approves catalogue changes.
ALTER TABLE platform.accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE platform.accounts ADD CONSTRAINT accounts_role_check
  CHECK (role IN ('operator_admin', 'tax_officer', 'tsc_specialist', 'business', 'customs_officer', 'risk_analyst', 'declarant', 'taxpayer', 'service_officer'));
ALTER TABLE platform.accounts ADD CONSTRAINT accounts_taxpayer_tin CHECK (role <> 'taxpayer' OR tin IS NOT NULL);

-- A version of the service catalogue (Annex 2). A change is proposed (A1 p.8: by central office
-- departments, territorial bodies or taxpayers), approved or rejected by the TSD, and an approved
-- version is in force from its effective date; the one before it ends the day before.
CREATE TABLE tax_services.catalogue_versions (
  id uuid PRIMARY KEY,
  label text NOT NULL,
  order_ref text NOT NULL,
  order_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'repealed')),
  effective_from date,
  effective_to date,
  proposal_source text CHECK (proposal_source IN ('central_office', 'territorial_body', 'taxpayer', 'order')),
  justification text,
  -- The complete list of lines (domain ServiceLine[]), so a request always reads the rules it was opened under.
  lines jsonb NOT NULL,
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  CHECK (status <> 'approved' OR effective_from IS NOT NULL),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX catalogue_versions_effective ON tax_services.catalogue_versions (effective_from) WHERE status = 'approved';

-- Structural units of the tax authorities (TS-05): central departments, regional departments,
-- city and district inspectorates, the LTTD and SUE "MBMA". `office` is the calendar office.
CREATE TABLE tax_services.units (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('central', 'regional', 'inspectorate', 'lttd', 'enterprise')),
  region text NOT NULL CHECK (region IN ('central', 'dushanbe', 'sughd', 'khatlon', 'gbao', 'rrs')),
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  office text NOT NULL DEFAULT 'default',
  parent_id uuid REFERENCES tax_services.units (id)
);

CREATE SEQUENCE tax_services.request_number_seq;

-- One service request (TS-26), from any channel. The clock: `started_at` is the start event the
-- standard names (null while the application waits for its documents, TS-29); `due_at` the legal
-- limit (null for pure real time); `warn_at` the warning (TS-30); a suspension moves `due_at` when
-- it ends (A-9). Completion stores the net time in seconds, so the dashboard reads one column.
CREATE TABLE tax_services.requests (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  catalogue_version_id uuid NOT NULL REFERENCES tax_services.catalogue_versions (id),
  service_key text NOT NULL,
  service_code text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('cabinet', 'office', 'terminal', 'phone_151', 'phone_152', 'trust_phone', 'email', 'chat', 'post', 'complaint_book')),
  applicant_tin text,
  applicant_name text,
  applicant_email text,
  applicant_phone text,
  unit_id uuid NOT NULL REFERENCES tax_services.units (id),
  region text NOT NULL,
  status text NOT NULL CHECK (status IN ('awaiting_documents', 'open', 'suspended', 'completed', 'rejected')),
  received_at timestamptz NOT NULL,
  started_at timestamptz,
  due_at timestamptz,
  warn_at timestamptz,
  target_at timestamptz,
  opens_at timestamptz,
  stage_due_at timestamptz,
  period_year integer,
  period_month integer CHECK (period_month BETWEEN 1 AND 12),
  plan_date date,
  -- TS-31: counter and terminal services record the queue wait apart from the service time.
  had_queue boolean,
  queue_wait_seconds integer CHECK (queue_wait_seconds >= 0),
  suspended_at timestamptz,
  suspensions integer NOT NULL DEFAULT 0,
  suspended_seconds bigint NOT NULL DEFAULT 0,
  warned_at timestamptz,
  escalated_at timestamptz,
  completed_at timestamptz,
  elapsed_seconds bigint CHECK (elapsed_seconds >= 0),
  is_late boolean,
  outcome_note text,
  subject jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by text NOT NULL,
  CHECK ((status IN ('completed', 'rejected')) = (completed_at IS NOT NULL)),
  CHECK (status <> 'awaiting_documents' OR started_at IS NULL),
  CHECK ((status = 'suspended') = (suspended_at IS NOT NULL))
);
CREATE INDEX requests_applicant ON tax_services.requests (applicant_tin, received_at DESC);
-- Unfinished requests, with every column the dashboard counts them by (an index-only scan).
CREATE INDEX requests_unit_open ON tax_services.requests (unit_id, due_at) INCLUDE (service_key, region, channel, status, warn_at) WHERE completed_at IS NULL;
-- The checker's two scans: warnings and breaches not yet raised.
CREATE INDEX requests_to_warn ON tax_services.requests (warn_at) WHERE completed_at IS NULL AND warned_at IS NULL AND warn_at IS NOT NULL;
CREATE INDEX requests_to_escalate ON tax_services.requests (due_at) WHERE completed_at IS NULL AND escalated_at IS NULL AND due_at IS NOT NULL;
CREATE INDEX requests_completed ON tax_services.requests (completed_at) WHERE completed_at IS NOT NULL;

-- What happened to a request, in order; never updated (received, documents requested and received,
-- warned, escalated, completed, rejected).
CREATE TABLE tax_services.request_events (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES tax_services.requests (id),
  at timestamptz NOT NULL,
  kind text NOT NULL,
  actor text NOT NULL,
  note text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX request_events_request ON tax_services.request_events (request_id, at);

-- The results delivered electronically (certificate, extract, notice, letter, SMS text), kept with the request.
CREATE TABLE tax_services.results (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES tax_services.requests (id),
  kind text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  -- Base64, as the fiscal context keeps attachments: the same bytes through both drivers.
  content_base64 text NOT NULL,
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX results_request ON tax_services.results (request_id);

-- The units the standard names as responsible (Annex 2) and the territorial bodies of TS-05. More
-- inspectorates are added by an administrator; these are enough to route every service.
INSERT INTO tax_services.units (id, code, kind, region, name_tg, name_ru, name_en, parent_id) VALUES
  ('00000000-0000-7000-8000-000000000101', 'tsd', 'central', 'central', 'Раёсати хизматрасонӣ ба андозсупорандагон', 'Управление обслуживания налогоплательщиков', 'Taxpayer Services Department', NULL),
  ('00000000-0000-7000-8000-000000000102', 'dtae', 'central', 'central', 'Раёсати маъмурикунонии андоз ва таъмини иҷрои уҳдадориҳои андозӣ', 'Управление налогового администрирования и обеспечения исполнения налоговых обязательств', 'Department of Tax Administration and Enforcement of Tax Obligations', NULL),
  ('00000000-0000-7000-8000-000000000103', 'tax-control', 'central', 'central', 'Раёсати назорати андоз', 'Управление налогового контроля', 'Tax Control Department', NULL),
  ('00000000-0000-7000-8000-000000000104', 'international', 'central', 'central', 'Раёсати ҳамкориҳои байналмилалӣ', 'Управление международного сотрудничества', 'International Cooperation Department', NULL),
  ('00000000-0000-7000-8000-000000000105', 'accounting', 'central', 'central', 'Раёсати баҳисобгирӣ ва коркарди маълумот', 'Управление учёта и обработки данных', 'Department of Accounting and Data Processing', NULL),
  ('00000000-0000-7000-8000-000000000106', 'mbma', 'enterprise', 'central', 'КВД «МБМА»', 'ГУП «МБМА»', 'SUE "MBMA"', NULL),
  ('00000000-0000-7000-8000-000000000107', 'lttd', 'lttd', 'central', 'Раёсати андози андозсупорандагони калон', 'Налоговое управление крупных налогоплательщиков', 'Large Taxpayers Tax Department', NULL),
  ('00000000-0000-7000-8000-000000000201', 'dushanbe', 'regional', 'dushanbe', 'Раёсати андози шаҳри Душанбе', 'Налоговое управление города Душанбе', 'Tax Department of Dushanbe', NULL),
  ('00000000-0000-7000-8000-000000000202', 'sughd', 'regional', 'sughd', 'Раёсати андози вилояти Суғд', 'Налоговое управление Согдийской области', 'Tax Department of Sughd Region', NULL),
  ('00000000-0000-7000-8000-000000000203', 'khatlon', 'regional', 'khatlon', 'Раёсати андози вилояти Хатлон', 'Налоговое управление Хатлонской области', 'Tax Department of Khatlon Region', NULL),
  ('00000000-0000-7000-8000-000000000204', 'gbao', 'regional', 'gbao', 'Раёсати андози ВМКБ', 'Налоговое управление ГБАО', 'Tax Department of GBAO', NULL),
  ('00000000-0000-7000-8000-000000000301', 'dushanbe-sino', 'inspectorate', 'dushanbe', 'Нозироти андози ноҳияи Сино', 'Налоговая инспекция района Сино', 'Sino District Tax Inspectorate', '00000000-0000-7000-8000-000000000201'),
  ('00000000-0000-7000-8000-000000000302', 'dushanbe-somoni', 'inspectorate', 'dushanbe', 'Нозироти андози ноҳияи И. Сомонӣ', 'Налоговая инспекция района И. Сомони', 'I. Somoni District Tax Inspectorate', '00000000-0000-7000-8000-000000000201'),
  ('00000000-0000-7000-8000-000000000303', 'khujand', 'inspectorate', 'sughd', 'Нозироти андози шаҳри Хуҷанд', 'Налоговая инспекция города Худжанда', 'Khujand City Tax Inspectorate', '00000000-0000-7000-8000-000000000202'),
  ('00000000-0000-7000-8000-000000000304', 'bokhtar', 'inspectorate', 'khatlon', 'Нозироти андози шаҳри Бохтар', 'Налоговая инспекция города Бохтара', 'Bokhtar City Tax Inspectorate', '00000000-0000-7000-8000-000000000203'),
  ('00000000-0000-7000-8000-000000000305', 'khorog', 'inspectorate', 'gbao', 'Нозироти андози шаҳри Хоруғ', 'Налоговая инспекция города Хорога', 'Khorog City Tax Inspectorate', '00000000-0000-7000-8000-000000000204'),
  ('00000000-0000-7000-8000-000000000306', 'vahdat', 'inspectorate', 'rrs', 'Нозироти андози шаҳри Ваҳдат', 'Налоговая инспекция города Вахдата', 'Vahdat City Tax Inspectorate', NULL);

-- The dashboard's completion statistics (TS-32), kept in the transaction that closes a request: per
-- month of completion, scope (the whole country '' or one region) and breakdown (all / service /
-- unit / region / channel), the number of requests whose net time fell into each log-scale bucket
-- (width 5 %, so a percentile read from it is within 2.5 % of the exact one; docs/tax-services.md).
-- The dashboard reads one scope's rows instead of sorting every request.
CREATE TABLE tax_services.completion_stats (
  month date NOT NULL,
  scope text NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('all', 'service', 'unit', 'region', 'channel')),
  value text NOT NULL,
  bucket smallint NOT NULL,
  closed integer NOT NULL,
  late integer NOT NULL,
  suspended integer NOT NULL,
  PRIMARY KEY (scope, month, dimension, value, bucket)
);
