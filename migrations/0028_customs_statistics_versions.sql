-- CUS-INF-03 with CUS-DEC-50 (art.504 p.1, art.124 p.11, art.133 p.8-9; docs/customs-exit-statistics.md):
-- the statistical database follows a change made after release. customs.statistics_items stays
-- append-only (corrections are new records): each row now names the version of the declaration it
-- was built from, a change after release adds the rows of the new version, and the statistics count
-- only the rows of each declaration's latest recorded version. The rows of earlier versions stay as
-- the history of what was counted.
ALTER TABLE customs.statistics_items ADD COLUMN declaration_version integer;

-- The rows already written were built from the version in force when they were recorded. Filling the
-- new column is the only change made to them (no figure changes), so the append-only guard is lifted
-- for this statement alone, inside the migration's transaction.
ALTER TABLE customs.statistics_items DISABLE TRIGGER statistics_items_append_only;
UPDATE customs.statistics_items s
   SET declaration_version = coalesce(
     (SELECT max(v.version) FROM customs.declaration_versions v WHERE v.declaration_id = s.declaration_id AND v.created_at <= s.recorded_at),
     1);
ALTER TABLE customs.statistics_items ENABLE TRIGGER statistics_items_append_only;

ALTER TABLE customs.statistics_items ALTER COLUMN declaration_version SET NOT NULL;
ALTER TABLE customs.statistics_items ADD CHECK (declaration_version >= 1);
-- One row per item of each version: a redelivered event of the same version writes nothing.
ALTER TABLE customs.statistics_items DROP CONSTRAINT statistics_items_pkey;
ALTER TABLE customs.statistics_items ADD PRIMARY KEY (declaration_id, declaration_version, item_no);
