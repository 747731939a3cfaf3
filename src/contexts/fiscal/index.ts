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
import { missingZReportChecker, partitionChecker } from './application/intake-checks.ts';
import { createReceiptLookup } from './application/check-receipt.ts';
import { createModuleContexts } from './application/intake-context.ts';
import { createIntake, type IntakeOptions } from './application/intake.ts';
import { operatorKeyStore } from './application/operator-keys.ts';
import { createFiscalScheme } from './domain/fiscal-scheme.ts';
import { intakeRoutes } from './infrastructure/intake.routes.ts';
import { createRateLimiter } from '../../platform/rate-limit.ts';
import { modelRoutes } from './infrastructure/models.routes.ts';
import { registerRoutes } from './infrastructure/registers.routes.ts';
import { tscRoutes } from './infrastructure/tsc.routes.ts';
import { tscNoticeHandlers } from './application/served-business-notices.ts';
import { isTscAccessAllowed } from './application/tsc-access.ts';
import { registerFactsForCashdesk } from './application/cashdesk-facts.ts';
import { Type } from 'typebox';

export type { FiscalDeps } from './application/deps.ts';

/** Tuning of the fiscal context (environment variables in src/app/container.ts). */
export type FiscalOptions = {
  readonly intake?: IntakeOptions;
  /** How long a module's registry facts are trusted before they are read again (ms). */
  readonly contextTtlMs?: number;
  /** Public receipt checks per second per client (burst twice as many). */
  readonly checksPerSecond?: number;
};
export { createFiscalScheme, type FiscalScheme, type ModuleKeys } from './domain/fiscal-scheme.ts';
export { lineAmount, lineTax, shiftTotals } from './domain/document-rules.ts';
export type { FiscalDocument, Receipt, ReceiptLine, ShiftOpening, ShiftTotals, ZReport } from '../../platform/fiscal-document.ts';
export { ReceiptLineSchema, receiptDataFields } from './infrastructure/intake.schemas.ts';
export { archiveOldDocuments } from './application/archive-documents.ts';
export { seedFiscalDemo } from './infrastructure/demo-seed.ts';
export { type OpenFiscal, readImportFile, registryCommands } from './infrastructure/registry.cli.ts';
export { type FiscalErrorCode, fiscalProblems } from './domain/errors.ts';
export type { RegisterFactsForCashdesk } from './application/cashdesk-facts.ts';
/** The QR text of a receipt (p.9 field 17, docs/fiscal-documents.md "The QR code"), for the printing side. */
export { qrText } from './application/check-receipt.ts';

/** The operator's clock as registers set theirs from it: RFC 3339 in UTC+05:00 (p.34, p.68 item 10). */
function operatorTimeRoute(app: App, deps: FiscalDeps): void {
  app.get(
    '/api/public/time',
    {
      schema: {
        tags: ['public'],
        summary: 'The operator’s date and time in UTC+05:00, which registers check and set their clocks from (p.34, p.68 item 10)',
        security: [],
        response: {
          200: Type.Object({
            now: Type.String({ description: 'RFC 3339 with the +05:00 offset of Dushanbe, to the millisecond' }),
            epochMs: Type.Integer({ description: 'The same instant in milliseconds since 1970 (UTC)' }),
          }),
        },
      },
    },
    async () => {
      const ms = deps.clock.now().getTime();
      return { now: `${new Date(ms + 5 * 3_600_000).toISOString().slice(0, 23)}+05:00`, epochMs: ms };
    },
  );
}

/** Builds the fiscal context: its routes, error catalogue, event handlers and due-time checkers. */
export function createFiscalContext(deps: FiscalDeps, options: FiscalOptions = {}) {
  const scheme = createFiscalScheme();
  const operatorKeys = operatorKeyStore(deps.database.db, scheme, deps.clock.now);
  const contexts = createModuleContexts(deps.database, deps.clock, scheme, operatorKeys, options.contextTtlMs);
  const intake = createIntake(deps, scheme, contexts, options.intake);
  const receiptLookup = createReceiptLookup(deps.database.query);
  const checkLimiter = createRateLimiter(options.checksPerSecond ?? 20, (options.checksPerSecond ?? 20) * 2);
  return {
    /** Makes the document partitions of the current month and the next two (also run hourly by the worker). */
    async start() {
      await partitionChecker().run(deps.database.db, deps.clock.now());
    },
    /** Writes the documents still waiting in the intake queue. */
    close: () => intake.drain(),
    intake,
    scheme,
    operatorKeys,
    moduleContexts: contexts,
    deps,
    problems: fiscalProblems,
    /**
     * What the registries say about one register, for the virtual cash register's checks before
     * work (p.3, p.19, p.31-32, p.56, p.67, p.70, p.81); undefined when there is no such register.
     */
    registerFactsForCashdesk: (registerId: string) => registerFactsForCashdesk(deps, operatorKeys, registerId),
    routes(app: App): void {
      operatorTimeRoute(app, deps);
      modelRoutes(app, deps);
      registerRoutes(app, deps);
      tscRoutes(app, deps);
      intakeRoutes(app, deps, { intake, scheme, operatorKeys, checkLimiter, receiptLookup });
    },
    handlers: [...tscNoticeHandlers(deps)] as EventHandler[],
    checkers: [overdueChecker(), partitionChecker(), missingZReportChecker()] as DueTimeChecker[],
    /** A TSC specialist works only while the TSC (and the branch) has access (FIS-ACC-03 to 06). */
    accessGate: (principal: AccountPrincipal): Promise<boolean> => isTscAccessAllowed(deps, principal),
  };
}
