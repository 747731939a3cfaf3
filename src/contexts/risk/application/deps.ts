import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Db } from '../../../platform/db.ts';
import type { Failure, Result } from '../../../platform/result.ts';
import type { Lane, Measure, RiskSubject } from '../domain/model.ts';
import type { EngineCache } from './engine-cache.ts';

/** A subject as customs reads it, before risk management adds the trader's history (art.429 i.9). */
export type SubjectFacts = Omit<RiskSubject, 'trader' | 'kind'> & { readonly kind: 'declaration' | 'preliminary'; readonly registeredAt: Date };

/** What risk management asks of customs (customs/index.ts), in the caller's transaction. */
export type CustomsPorts = {
  readonly declarationFacts: (tx: Db, id: string) => Promise<SubjectFacts | undefined>;
  readonly preliminaryFacts: (tx: Db, id: string) => Promise<SubjectFacts | undefined>;
  /** Hands a lane to the declaration (art.399 p.3); refuses once it no longer awaits release. */
  readonly applyLane: (
    tx: Db,
    declarationId: string,
    input: { lane: Lane; measures: readonly Measure[]; basis: string; decisionId: string; at: Date; actor: string },
  ) => Promise<Result<{ readonly state: string }, Failure>>;
};

/** What every risk use case needs; wired in src/app. */
export type RiskDeps = {
  readonly database: Database;
  readonly clock: Clock;
  readonly customs: CustomsPorts;
  /** The compiled active profiles, rebuilt only when they, the day or the prices change. */
  readonly engine: EngineCache;
};

/** How the audit log names the acting user. */
export const actorOf = (p: AccountPrincipal): string => `${p.role}:${p.login}`;
