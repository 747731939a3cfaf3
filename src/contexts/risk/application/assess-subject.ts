/**
 * Selectivity (art.399 p.1-3, art.429(2) p.1 steps 1, 2 and 6; CUS-CTL-01, 02, CUS-RMS-17, 18): a
 * registered subject is stored as the engine saw it, evaluated against every active profile in force,
 * given a lane by MODSEL's rules with the configured random and expected rates, and the decision is
 * stored with everything needed to reproduce it (docs/risk.md).
 */
import { eq } from 'drizzle-orm';
import { appendAuditLater } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox.ts';
import { decideLane } from '../domain/lanes.ts';
import { RISK_TOPICS, type RiskSubject } from '../domain/model.ts';
import { type DecisionRow, decisionHits, decisions, type SettingsSnapshot } from '../infrastructure/schema.ts';
import type { RiskDeps, SubjectFacts } from './deps.ts';
import { recordLane, storeSubject } from './facts-store.ts';
import { loadSettings, observedRates } from './settings.ts';
import { traderHistoryOf } from './trader-facts.ts';

/** The seed of a subject's draws: the same subject always draws the same numbers (reproducible, not guessable before registration). */
export const seedOf = (subject: Pick<RiskSubject, 'kind' | 'id'>): string => `${subject.kind}:${subject.id}`;

/**
 * Decides the lane of one subject in the caller's transaction and answers the stored decision; a
 * subject already decided keeps its decision (`isNew` false: a repeated event is a no-op).
 */
export async function assessSubject(deps: RiskDeps, tx: Db, facts: SubjectFacts, at: Date): Promise<{ decision: DecisionRow; isNew: boolean }> {
  const [known] = await tx.select().from(decisions).where(eq(decisions.subjectId, facts.id));
  if (known) return { decision: known, isNew: false };
  const day = dushanbeDate(at);
  const { registeredAt, ...rest } = facts;
  const subject: RiskSubject = { ...rest, trader: await traderHistoryOf(tx, facts.traderCode, facts.id, registeredAt, day) };
  await storeSubject(tx, subject, registeredAt);
  const inputs = await deps.engine.current(tx, day, at);
  const { hits } = inputs.engine.evaluate(subject);
  const settings = await loadSettings(tx);
  const observed = await observedRates(tx, subject.kind, settings);
  const decided = decideLane(hits, settings, observed, seedOf(subject));
  const snapshot: SettingsSnapshot = {
    randomRate: settings.randomRate,
    expectedRates: settings.expectedRates,
    observed,
    observedWindow: settings.observedWindow,
  };
  const id = uuidv7(at.getTime());
  const [row] = await tx
    .insert(decisions)
    .values({
      id,
      subjectKind: subject.kind,
      subjectId: subject.id,
      subjectNumber: subject.number,
      traderCode: subject.traderCode,
      decidedAt: at,
      decidedLane: decided.lane,
      decidedMeasures: [...decided.measures],
      basis: decided.basis,
      hits: [...decided.hits],
      seed: decided.seed,
      settings: snapshot,
      snapshotId: inputs.snapshotId,
      inputsVersion: inputs.inputsVersion,
      lane: decided.lane,
      measures: [...decided.measures],
    })
    .returning();
  if (decided.hits.length > 0)
    await tx
      .insert(decisionHits)
      .values(decided.hits.map((h) => ({ decisionId: id, versionId: h.versionId, isSelected: h.selected, items: [...h.items], decidedAt: at })));
  await recordLane(tx, subject.id, decided.lane);
  await publish(
    tx,
    RISK_TOPICS.decided,
    { subjectKind: subject.kind, subjectId: subject.id, lane: decided.lane, measures: decided.measures, decisionId: id },
    at,
  );
  await appendAuditLater(tx, at, {
    actor: 'system:risk',
    action: 'risk.lane_decided',
    entity: 'risk.decision',
    entityId: id,
    after: { subjectKind: subject.kind, subjectId: subject.id, lane: decided.lane, basis: decided.basis, hits: decided.hits.length },
  });
  return { decision: row as DecisionRow, isNew: true };
}
