/**
 * Re-routing (issue #6; ASYCUDA MODSEL §6.18; AMB-11): before release, a customs officer or a risk
 * analyst may send a declaration to a stricter lane, or to a lower one with a recorded reason. The new
 * lane goes to customs in the same transaction (under control when now controlled; back to the release
 * check when lowered before any control act); the engine's own decision is kept beside it.
 */
import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import type { Lane } from '../domain/model.ts';
import { planReroute } from '../domain/routing.ts';
import { decisions, reroutes } from '../infrastructure/schema.ts';
import { actorOf, type RiskDeps } from './deps.ts';
import { type DecisionSummary, listDecisions } from './decision-queries.ts';
import { recordLane } from './facts-store.ts';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

export async function rerouteDecision(
  deps: RiskDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly lane: Lane; readonly reason?: string },
): Promise<Result<DecisionSummary, Failure<RiskErrorCode>>> {
  if (!isUuid(id)) return fail('RISK_DECISION_NOT_FOUND', 'params.id');
  return transact(deps.database.db, async (tx) => {
    const [d] = await tx.select().from(decisions).where(eq(decisions.id, id)).for('update');
    if (!d) return fail('RISK_DECISION_NOT_FOUND', 'params.id');
    // Preliminary information has no release to control: its lane only informs the officers at arrival.
    if (d.subjectKind !== 'declaration') return fail('RISK_REROUTE_TOO_LATE', 'params.id', { subjectKind: d.subjectKind });
    const reason = input.reason?.trim() ?? '';
    const plan = planReroute(d, input.lane, reason);
    if (!plan.ok) return plan;
    const now = deps.clock.now();
    const by = actorOf(actor);
    const applied = await deps.customs.applyLane(tx, d.subjectId, {
      lane: plan.value.lane,
      measures: plan.value.measures,
      basis: 'reroute',
      decisionId: d.id,
      at: now,
      actor: by,
    });
    if (!applied.ok) return fail('RISK_REROUTE_TOO_LATE', 'params.id', { ...applied.error.details });
    await tx.insert(reroutes).values({
      id: uuidv7(now.getTime()),
      decisionId: d.id,
      fromLane: d.lane,
      toLane: plan.value.lane,
      measures: [...plan.value.measures],
      isUpward: plan.value.isUpward,
      reason,
      actor: by,
      at: now,
    });
    await tx
      .update(decisions)
      .set({ lane: plan.value.lane, measures: [...plan.value.measures] })
      .where(eq(decisions.id, d.id));
    await recordLane(tx, d.subjectId, plan.value.lane);
    await appendAudit(tx, now, {
      actor: by,
      action: 'risk.decision_rerouted',
      entity: 'risk.decision',
      entityId: d.id,
      before: { lane: d.lane, measures: d.measures },
      after: { lane: plan.value.lane, measures: plan.value.measures, isUpward: plan.value.isUpward, reason, state: applied.value.state },
    });
    const listed = await listDecisions(tx, { subjectId: d.subjectId });
    return ok((listed.ok ? listed.value[0] : undefined) as DecisionSummary);
  });
}
