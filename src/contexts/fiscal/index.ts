/**
 * The fiscal data operator (seed 004, Res. 432 of 9 October 2021). The only import target of the
 * fiscal context for other contexts and for src/app.
 */
import type { AccountPrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/http.ts';
import type { DueTimeChecker, EventHandler } from '../../platform/outbox.ts';
import type { FiscalDeps } from './application/deps.ts';
import { fiscalProblems } from './domain/errors.ts';
import { overdueChecker } from './application/deadline-queries.ts';
import { modelRoutes } from './infrastructure/models.routes.ts';
import { registerRoutes } from './infrastructure/registers.routes.ts';
import { tscRoutes } from './infrastructure/tsc.routes.ts';
import { tscNoticeHandlers } from './application/served-business-notices.ts';
import { isTscAccessAllowed } from './application/tsc-access.ts';

export type { FiscalDeps } from './application/deps.ts';
export { checkGtin, type GtinCheck } from './domain/gs1.ts';
export { seedFiscalDemo } from './infrastructure/demo-seed.ts';
export { type OpenFiscal, readImportFile, registryCommands } from './infrastructure/registry.cli.ts';
export { type FiscalErrorCode, fiscalProblems } from './domain/errors.ts';

/** Builds the fiscal context: its routes, error catalogue, event handlers and due-time checkers. */
export function createFiscalContext(deps: FiscalDeps) {
  return {
    deps,
    problems: fiscalProblems,
    routes(app: App): void {
      modelRoutes(app, deps);
      registerRoutes(app, deps);
      tscRoutes(app, deps);
    },
    handlers: [...tscNoticeHandlers(deps)] as EventHandler[],
    checkers: [overdueChecker()] as DueTimeChecker[],
    /** A TSC specialist works only while the TSC (and the branch) has access (FIS-ACC-03 to 06). */
    accessGate: (principal: AccountPrincipal): Promise<boolean> => isTscAccessAllowed(deps, principal),
  };
}
