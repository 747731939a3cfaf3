/**
 * The automated risk management system (seed 001 chapter 52, art.399, art.427-429(2); CUS-RMS,
 * CUS-CTL; docs/risk.md): risk profiles with their approval workflow, selectivity of every registered
 * declaration and preliminary information, re-routing, feedback of control results into the
 * profiles' statistics, and the confidentiality of profiles. The only import target of the risk
 * context for src/app and other contexts.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { DueTimeChecker, EventHandler } from '../../platform/outbox.ts';
import type { ProblemSpec } from '../../platform/problems.ts';
import { controlFeedbackHandler } from './application/control-feedback.ts';
import type { CustomsPorts, RiskDeps } from './application/deps.ts';
import { createEngineCache } from './application/engine-cache.ts';
import { selectivityHandlers } from './application/selectivity.ts';
import { riskProblems } from './domain/errors.ts';
import { indicatorProblems } from './domain/indicator-check.ts';
import { RISK_TOPICS } from './domain/model.ts';
import { priceProblems } from './domain/price-errors.ts';
import { analysisRoutes } from './infrastructure/analysis.routes.ts';
import { decisionRoutes } from './infrastructure/decision.routes.ts';
import { profileRoutes } from './infrastructure/profile.routes.ts';

export type { CustomsPorts, RiskDeps, SubjectFacts } from './application/deps.ts';
/** The shared model: lanes, measures, objects of analysis, indicators, the topics between customs and risk. */
export {
  type ControlResultEvent,
  type Indicator,
  LANES,
  type Lane,
  MEASURES,
  type Measure,
  OBJECTS_OF_ANALYSIS,
  RISK_TOPICS,
  type RiskSubject,
} from './domain/model.ts';
/** Demo data: one active profile (two analysts, four eyes) and its demo reference prices. */
export { seedRiskDemo } from './application/demo-seed.ts';
/** Refusals of profiles, decisions, settings and facts; of indicators; of price imports (docs/errors.md). */
export { riskProblems } from './domain/errors.ts';
export { indicatorProblems } from './domain/indicator-check.ts';
export { priceProblems } from './domain/price-errors.ts';

/** Every refusal of the context. */
export const riskErrorCatalogue: Readonly<Record<string, ProblemSpec>> = { ...riskProblems, ...indicatorProblems, ...priceProblems };

export type RiskContextDeps = {
  readonly database: Database;
  readonly clock: Clock;
  /** What risk management asks of customs and hands back to it (customs/index.ts). */
  readonly customs: CustomsPorts;
  /** The outbox topics customs publishes: a declaration registered, preliminary information registered, a control result. */
  readonly topics: { readonly declarationRegistered: string; readonly preliminaryRegistered: string; readonly controlResult: string };
};

/** Builds the context: routes, error catalogue, the selectivity and feedback handlers. */
export function createRiskContext(base: RiskContextDeps) {
  if (base.topics.controlResult !== RISK_TOPICS.controlResult) throw new Error('customs and risk disagree on the control result topic');
  const deps: RiskDeps = { database: base.database, clock: base.clock, customs: base.customs, engine: createEngineCache() };
  return {
    deps,
    problems: riskErrorCatalogue,
    start: async () => {},
    routes(app: App): void {
      profileRoutes(app, deps);
      decisionRoutes(app, deps);
      analysisRoutes(app, deps);
    },
    handlers: [...selectivityHandlers(deps, base.topics), controlFeedbackHandler(deps, base.topics.controlResult)] as EventHandler[],
    checkers: [] as DueTimeChecker[],
  };
}
