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

export type { TaxServicesDeps } from './application/deps.ts';
export { CATALOGUE_396 } from './domain/catalogue.ts';
export { dashboard } from './application/dashboard.ts';
export { completeRequest, openRequest, rejectRequest } from './application/requests.ts';

/** Every refusal of the context (docs/errors.md). */
export const taxServicesErrorCatalogue: Readonly<Record<string, ProblemSpec>> = {
  ...requestProblems,
  // (helpers: spread your problem catalogues here)
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
    },
    handlers: [] as EventHandler[],
    checkers: [
      slaChecker(),
      // (helpers: add your checkers here)
    ] as DueTimeChecker[],
  };
}
