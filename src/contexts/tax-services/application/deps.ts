import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Calendar } from '../../../platform/calendar/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import type { SlaSettings } from '../domain/sla.ts';
import type { CatalogueCache } from './catalogue.ts';

/** What every tax-services use case needs; wired in src/app. */
export type TaxServicesDeps = {
  readonly database: Database;
  readonly clock: Clock;
  /** The calendar in force (reloaded when a decree changes the tables). */
  readonly calendar: () => Calendar;
  readonly sla: SlaSettings;
  /** The approved catalogue versions, read once and refreshed when a version is decided. */
  readonly catalogue: CatalogueCache;
};

/** How the audit log and the request history name the acting user. */
export const actorOf = (p: AccountPrincipal | 'system' | 'public'): string => (typeof p === 'string' ? p : `${p.role}:${p.login}`);

/** The roles that use the cabinet as a taxpayer: a business and a citizen, both bound to a TIN. */
export const TAXPAYER_ROLES = ['business', 'taxpayer'] as const;
/** Officers who work requests, and the Taxpayer Services Department that controls them (A1 p.3). */
export const OFFICER_ROLES = ['tax_officer', 'service_officer'] as const;
