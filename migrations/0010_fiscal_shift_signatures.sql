-- Scheme FS1 (docs/fiscal-crypto.md): once a shift the module signs the Z-report together with the
-- Streebog-256 hash of its whole document chain (GOST R 34.10-2012, p.77, p.79). The operator
-- recomputes the chain from the documents it stored, verifies the signature with the module's
-- registered public key (p.81) and keeps both with the shift: non-repudiation for every document
-- of the shift.
ALTER TABLE fiscal.shifts ADD COLUMN chain_hash text;
ALTER TABLE fiscal.shifts ADD COLUMN signature text;
ALTER TABLE fiscal.shifts ADD COLUMN signature_verified_at timestamptz;
