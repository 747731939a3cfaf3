import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';

/** What every customs use case needs; wired in src/app. */
export type CustomsDeps = {
  readonly database: Database;
  readonly clock: Clock;
};

/** How the audit log names the acting user. */
export const actorOf = (p: AccountPrincipal): string => `${p.role}:${p.login}`;

/** Who may read the reference data behind a session (the public reads offices and commodity codes only). */
export const READER_ROLES = ['customs_officer', 'declarant', 'risk_analyst'] as const;
/** Who maintains it. */
export const WRITER_ROLES = ['customs_officer'] as const;
