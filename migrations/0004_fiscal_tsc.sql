-- State registry of TSCs, branches, specialists and fiscal modules (seed 004, section 10 and p.53-57):
-- indexes the use cases rely on. No new tables or columns.

-- The access gate (FIS-ACC-03 to 06) runs on every request of a TSC specialist and finds the
-- specialist's record by account.
CREATE INDEX specialists_account_idx ON fiscal.specialists (account_id) WHERE account_id IS NOT NULL;

-- p.102-105: one application of a legal entity is considered at a time; a new one may follow a
-- decision (a refusal, p.105). Two concurrent submissions cannot both be accepted.
CREATE UNIQUE INDEX tsc_applications_pending_tin_idx ON fiscal.tsc_applications (applicant_tin)
  WHERE status IN ('received', 'site_check');

-- A login asked for in a pending or registered specialist record is reserved (platform.accounts.login
-- is unique too, once the account exists); a refused record frees it.
CREATE UNIQUE INDEX specialists_open_login_idx ON fiscal.specialists (login) WHERE status IN ('applied', 'registered');

-- Lists of branches and specialists by TSC and status; modules by TSC and status exist in 0003.
CREATE INDEX branches_tsc_status_idx ON fiscal.branches (tsc_id, status);
CREATE INDEX specialists_branch_idx ON fiscal.specialists (branch_id) WHERE branch_id IS NOT NULL;
