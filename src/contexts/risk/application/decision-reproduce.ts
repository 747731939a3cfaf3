/**
 * A decision is reproduced (issue #6; research/customs-anchors.md: "any release can be replayed"):
 * the stored subject, evaluated against the profile versions and prices of the decision's snapshot,
 * with the settings, observed rates and seed it stored, must give the same lane, measures and hits.
 */
import { eq } from 'drizzle-orm';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import { compileProfiles } from '../domain/evaluate.ts';
import { decideLane } from '../domain/lanes.ts';
import { decisions, engineSnapshots } from '../infrastructure/schema.ts';
import { pricesFromJson, rulesOf } from './engine-cache.ts';
import { readSubject } from './facts-store.ts';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

export async function reproduceDecision(db: Db, id: string) {
  if (!isUuid(id)) return fail('RISK_DECISION_NOT_FOUND', 'params.id');
  const [d] = await db.select().from(decisions).where(eq(decisions.id, id));
  if (!d) return fail('RISK_DECISION_NOT_FOUND', 'params.id');
  const [snapshot] = await db.select().from(engineSnapshots).where(eq(engineSnapshots.id, d.snapshotId));
  const subject = await readSubject(db, d.subjectId);
  if (!snapshot || !subject) throw new Error(`decision ${id} lost its snapshot or subject`);
  const started = performance.now();
  const engine = compileProfiles(await rulesOf(db, snapshot.versionIds), pricesFromJson(snapshot.prices));
  const { hits } = engine.evaluate(subject);
  const s = d.settings;
  const again = decideLane(hits, { randomRate: s.randomRate, expectedRates: s.expectedRates }, s.observed, d.seed);
  const stored = { lane: d.decidedLane, measures: d.decidedMeasures, basis: d.basis, hits: d.hits };
  const reproduced = { lane: again.lane, measures: [...again.measures], basis: again.basis, hits: [...again.hits] };
  return ok({
    decisionId: d.id,
    snapshotId: d.snapshotId,
    profilesInSnapshot: snapshot.versionIds.length,
    stored,
    reproduced,
    isEqual: canonicalJson(stored) === canonicalJson(reproduced),
    elapsedMs: performance.now() - started,
  });
}

export type Reproduction = Extract<Awaited<ReturnType<typeof reproduceDecision>>, { ok: true }>['value'];
export type ReproduceResult = Result<Reproduction, Failure<RiskErrorCode>>;
