-- A document's body is kept as the exact text the module sent (p.53: the data as received), not
-- as jsonb: nothing is normalised, and the intake no longer pays for building jsonb on every
-- receipt (bench/intake). Queries that read inside a body cast it (`body::jsonb`).
ALTER TABLE fiscal.documents ALTER COLUMN body TYPE text USING body::text;
