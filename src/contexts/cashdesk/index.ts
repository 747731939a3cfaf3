/**
 * The free virtual cash register (seed 004 p.5, p.34-42, p.63-82) that the operator hosts for
 * businesses, with the software fiscal module it plugs into. The only import target of the cashdesk
 * context for src/app. It asks the fiscal context only through that context's index.ts, and sends
 * its documents to the operator over HTTP (docs/cashdesk.md).
 */
import { join } from 'node:path';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { DueTimeChecker, EventHandler } from '../../platform/outbox.ts';
import type { ProblemSpec } from '../../platform/problems.ts';
import type { RegisterFactsForCashdesk } from '../fiscal/index.ts';
import { type CashdeskDeps, createLinkState } from './application/deps.ts';
import type { OperatorLink } from './application/ports.ts';
import { syncChecker } from './application/sync-register.ts';
import { cashdeskProblems } from './domain/errors.ts';
import { fiscalModuleProblems } from './domain/fiscal-module-errors.ts';
import { DEFAULT_GUARD_POLICY, type GuardPolicy } from './domain/register-guard.ts';
import { registerProblems } from './domain/register-errors.ts';
import { cashdeskRoutes } from './infrastructure/cashdesk.routes.ts';
import { createModuleHost } from './infrastructure/module-host.ts';
import { createHttpOperatorLink } from './infrastructure/operator-link.ts';

export type { OperatorLink, SendOutcome, BatchOutcome, TimeOutcome } from './application/ports.ts';
export type { CashdeskDeps } from './application/deps.ts';
/** `bekogaz pos …`: the register from a terminal, over the HTTP API. */
export { posCommands } from './infrastructure/pos.cli.ts';

/** Every refusal of the cash desk: the fiscal module's, the register's rules', the hosted register's (docs/errors.md). */
export const cashdeskErrorCatalogue: Readonly<Record<string, ProblemSpec>> = { ...fiscalModuleProblems, ...cashdeskProblems, ...registerProblems };

/** Settings of the cash desk (environment variables in src/app/container.ts). */
export type CashdeskOptions = {
  /** The server's data directory; each hosted fiscal module keeps its memory in `<dataDir>/cashdesk/modules/<number>`. */
  readonly dataDir: string;
  /** The operator's base URL (`BEKOGAZ_OPERATOR_URL`); default: this server's own address once it listens. */
  readonly operatorUrl?: string;
  /** The address buyers reach for the QR check and the e-receipt (`BEKOGAZ_PUBLIC_URL`); default: this server's own address. */
  readonly publicUrl?: string;
  /** How long one exchange with the operator may take (ms). */
  readonly linkTimeoutMs?: number;
  /** Documents a new module's memory holds (p.76-77). */
  readonly moduleCapacity?: number;
  readonly policy?: Partial<GuardPolicy>;
};

/** What the cash desk needs from the composition root. */
export type CashdeskContextDeps = {
  readonly database: Database;
  readonly clock: Clock;
  /** The fiscal context's `registerFactsForCashdesk`. */
  readonly registerFacts: (fiscalRegisterId: string) => Promise<RegisterFactsForCashdesk | undefined>;
};

/** Builds the cash desk: its routes, error catalogue, and the worker's checker that sends queued documents. */
export function createCashdeskContext(base: CashdeskContextDeps, options: CashdeskOptions) {
  let operatorUrl = options.operatorUrl;
  let ownUrl: string | undefined;
  let replacement: OperatorLink | undefined;
  const http = createHttpOperatorLink(() => operatorUrl ?? ownUrl, { timeoutMs: options.linkTimeoutMs ?? 5000 });
  const modules = createModuleHost(() => join(options.dataDir, 'cashdesk', 'modules'), {
    ...(options.moduleCapacity ? { capacity: options.moduleCapacity } : {}),
  });
  const deps: CashdeskDeps = {
    ...base,
    link: () => replacement ?? http,
    linkState: createLinkState(),
    modules,
    publicUrl: () => (options.publicUrl ?? ownUrl ?? operatorUrl ?? 'http://127.0.0.1:8080').replace(/\/$/, ''),
    policy: { ...DEFAULT_GUARD_POLICY, ...options.policy },
  };
  return {
    deps,
    problems: cashdeskErrorCatalogue,
    routes(app: App): void {
      cashdeskRoutes(app, deps);
    },
    handlers: [] as EventHandler[],
    checkers: [syncChecker(deps)] as DueTimeChecker[],
    /** The server's own address, learnt when it listens: the operator's default address (the operator is this server). */
    serverListening(url: string): void {
      ownUrl = url;
    },
    /** Points the link at another operator address; undefined goes back to the default. Tests cut the network with a closed port. */
    useOperatorUrl(url: string | undefined): void {
      operatorUrl = url;
      deps.linkState.reset();
    },
    /** Puts another link in place of HTTP (a test double that misbehaves); undefined restores HTTP. */
    useOperatorLink(link: OperatorLink | undefined): void {
      replacement = link;
      deps.linkState.reset();
    },
    /** Releases the fiscal modules' directories. */
    close: () => modules.close(),
  };
}

export type CashdeskContext = ReturnType<typeof createCashdeskContext>;
