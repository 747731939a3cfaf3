-- The module keys the operator derives once (VKO, milliseconds of CPU) are kept sealed with the
-- operator's key-encryption key, so intake never derives them on the hot path again.
ALTER TABLE fiscal.fiscal_modules ADD COLUMN sealed_keys text;
