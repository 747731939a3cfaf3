/**
 * Electronic customs (seed 001, the draft amendments to the Customs Code): this first slice holds
 * the reference data with effective-date history (IMP-07). The only import target of the customs
 * context for src/app and other contexts (docs/customs-reference.md).
 */
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { DueTimeChecker, EventHandler } from '../../platform/outbox.ts';
import type { ProblemSpec } from '../../platform/problems.ts';
import type { CustomsDeps } from './application/deps.ts';
import { referenceProblems } from './domain/errors.ts';
import { referenceRoutes } from './infrastructure/reference.routes.ts';

export type { CustomsDeps } from './application/deps.ts';
/** Rates and values on a day (the day a declaration is accepted, art.136 p.13): for declarations and guarantees. */
export { exchangeRateOn, getReferenceOn, tariffOn } from './application/reference-queries.ts';
/** Which offices may accept a filing (art.125 p.1-2). */
export { competentOffices } from './domain/offices.ts';
export { TABLES } from './domain/tables.ts';

/** Every refusal of the context (docs/errors.md). */
export const customsErrorCatalogue: Readonly<Record<string, ProblemSpec>> = { ...referenceProblems };

export type CustomsContextDeps = { readonly database: Database; readonly clock: Clock };

/** Builds the context: routes and error catalogue; nothing to start yet. */
export function createCustomsContext(base: CustomsContextDeps) {
  const deps: CustomsDeps = { ...base };
  return {
    deps,
    problems: customsErrorCatalogue,
    start: async () => {},
    routes(app: App): void {
      referenceRoutes(app, deps);
    },
    handlers: [] as EventHandler[],
    checkers: [] as DueTimeChecker[],
  };
}
