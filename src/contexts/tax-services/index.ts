/**
 * The taxpayer service standard (seed 003, Tax Committee order 396 of 17 June 2025): the service
 * catalogue in versions, service requests with their legal deadlines, the services that are
 * software end to end, complaints, ratings and live compliance. The only import target of the
 * tax-services context for src/app (docs/tax-services.md).
 */
import type { Calendar } from '../../platform/calendar/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { DueTimeChecker, EventHandler } from '../../platform/outbox.ts';
import type { ProblemSpec } from '../../platform/problems.ts';
import { createCatalogueCache, ensureCatalogue } from './application/catalogue.ts';
import type { TaxServicesDeps } from './application/deps.ts';
import { slaChecker } from './application/sla-checker.ts';
import { requestProblems } from './domain/errors.ts';
import { DEFAULT_SLA_SETTINGS, type SlaSettings } from './domain/sla.ts';
import { requestRoutes } from './infrastructure/requests.routes.ts';
// (helpers: add imports of your routes, problems and checkers below this line)
import { nonFilerNoticeChecker } from './application/non-filer-notices.ts';
import { propertyNoticeChecker } from './application/property-notices.ts';
import { ledgerProblems } from './domain/ledger-errors.ts';
import { ledgerRoutes } from './infrastructure/ledger.routes.ts';
/** 04.04.03 and 05.05.04 batches, for a CLI command: this year's property notices (TS-37); the non-filer notices, refused outside the window (TS-36). */
export { runPropertyNotices } from './application/property-notices.ts';
export { runNonFilerNotices } from './application/non-filer-notices.ts';
import { edsExpiryChecker } from './application/eds-verification.ts';
import { spentChallengeCleaner } from './application/tin-lookup.ts';
import { identityProblems } from './domain/identity-errors.ts';
import { identityRoutes } from './infrastructure/identity.routes.ts';
/** The e-mail and SMS queue every service of the context writes to (TS-35, TS-36, TS-38). */
export { type NewOutgoingMessage, queueMessage } from './application/outgoing-messages.ts';
/** TS-50: checks a signature made with a platform EDS certificate (e-declarations use it). */
export { type SignatureCheck, type SignatureQuery, verifyEdsSignature } from './application/eds-verification.ts';
import { annualIndicatorsChecker } from './application/annual-indicators.ts';
import { qualityNoteChecker } from './application/monthly-note.ts';
import { complaintProblems } from './domain/complaint-errors.ts';
import { complaintRoutes } from './infrastructure/complaints.routes.ts';
/** Rating aggregates per service, unit, channel and staff member (TS-41), for the dashboard and reports. */
export { type RatingFilter, type RatingSummary, ratingSummary } from './application/ratings.ts';

export type { TaxServicesDeps } from './application/deps.ts';
export { CATALOGUE_396 } from './domain/catalogue.ts';
export { dashboard } from './application/dashboard.ts';
export { seedTaxServicesDemo } from './infrastructure/demo-seed.ts';
export { completeRequest, openRequest, rejectRequest } from './application/requests.ts';

/** Every refusal of the context (docs/errors.md). */
export const taxServicesErrorCatalogue: Readonly<Record<string, ProblemSpec>> = {
  ...requestProblems,
  // (helpers: spread your problem catalogues here)
  ...ledgerProblems,
  ...identityProblems,
  ...complaintProblems,
};

export type TaxServicesContextDeps = {
  readonly database: Database;
  readonly clock: Clock;
  readonly calendar: () => Calendar;
};

/** Builds the context: routes, error catalogue, the SLA checker; `start` enters the catalogue of order 396. */
export function createTaxServicesContext(base: TaxServicesContextDeps, options: { readonly sla?: Partial<SlaSettings> } = {}) {
  const deps: TaxServicesDeps = { ...base, sla: { ...DEFAULT_SLA_SETTINGS, ...options.sla }, catalogue: createCatalogueCache() };
  return {
    deps,
    problems: taxServicesErrorCatalogue,
    start: () => ensureCatalogue(deps),
    routes(app: App): void {
      requestRoutes(app, deps);
      // (helpers: register your routes here)
      ledgerRoutes(app, deps);
      identityRoutes(app, deps);
      complaintRoutes(app, deps);
    },
    handlers: [] as EventHandler[],
    checkers: [
      slaChecker(),
      // (helpers: add your checkers here)
      nonFilerNoticeChecker(deps),
      propertyNoticeChecker(deps),
      edsExpiryChecker(),
      spentChallengeCleaner(),
      qualityNoteChecker(deps),
      annualIndicatorsChecker(deps),
    ] as DueTimeChecker[],
  };
}
