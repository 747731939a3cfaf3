-- Customs control (docs/customs-control-powers.md): art.399 p.4, CUS-CTL-04. Customs control is
-- carried out by officers authorised under the law and within their powers. The head of the
-- customs authority sets, per officer, the forms of control the officer may apply; an officer with
-- no row here holds the forms the role gives every customs officer. One row per officer, replaced
-- when the head changes it; every change is in the audit log with the forms before and after.
CREATE TABLE customs.control_powers (
  account_id uuid PRIMARY KEY,
  forms text[] NOT NULL,
  basis text NOT NULL CHECK (length(btrim(basis)) > 0),
  set_at timestamptz NOT NULL,
  set_by text NOT NULL,
  CHECK (forms <@ ARRAY['documentary_check', 'physical_examination', 'expert_examination', 'release_suspension']::text[])
);
