-- p.59 (FIS-OPR-14): the authorised body instructs the operator to give a conclusion on whether a
-- TSC fully performs its duties; the operator answers with its findings and, when the TSC does
-- not, recommends removal from the state registry. An instruction is answered once.
CREATE TABLE fiscal.tsc_conclusions (
  id uuid PRIMARY KEY,
  tsc_id uuid NOT NULL REFERENCES fiscal.tscs (id),
  instruction_reference text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  instructed_at timestamptz NOT NULL,
  instructed_by text NOT NULL,
  status text NOT NULL CHECK (status IN ('instructed', 'given')),
  fully_performs boolean,
  recommendation text CHECK (recommendation IN ('none', 'remove')),
  findings jsonb,
  deadlines_studied integer,
  deadlines_kept integer,
  operator_comment text,
  given_at timestamptz,
  given_by text
);
CREATE INDEX tsc_conclusions_tsc_idx ON fiscal.tsc_conclusions (tsc_id, instructed_at DESC);
