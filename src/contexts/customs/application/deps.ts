import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Calendar } from '../../../platform/calendar/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import type { DeclarationSettings } from './declaration-store.ts';
import type { NationalSignatureCheck } from './declaration-signature.ts';

/** What every customs use case needs; wired in src/app. */
export type CustomsDeps = {
  readonly database: Database;
  readonly clock: Clock;
  /** The working-time calendar in force (each office's days and hours: art.129 p.2, art.77 p.2). */
  readonly calendar: () => Calendar;
  /** The platform authority's check of its own EDS certificates (tax-services, TS-50); others chain to `trusted_issuers`. */
  readonly verifyNationalSignature?: NationalSignatureCheck;
  readonly declarations: DeclarationSettings;
};

/** How the audit log names the acting user. */
export const actorOf = (p: AccountPrincipal): string => `${p.role}:${p.login}`;

/** Who may read the reference data behind a session (the public reads offices and commodity codes only). */
export const READER_ROLES = ['customs_officer', 'declarant', 'risk_analyst'] as const;
/** Who maintains it. */
export const WRITER_ROLES = ['customs_officer'] as const;
