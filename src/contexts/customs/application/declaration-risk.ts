import { eq } from 'drizzle-orm';
import { appendAuditLater as appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { canMove, type DeclarationState } from '../domain/declaration.ts';
import { controlEvents, declarations } from '../infrastructure/declaration.schema.ts';
import { type ReleasePorts, releaseLockedIfReady } from './declaration-release.ts';

/** ASYCUDA's lanes (research/customs-anchors.md): green and blue release, yellow checks documents, red examines. */
export const LANES = ['green', 'blue', 'yellow', 'red'] as const;
export type Lane = (typeof LANES)[number];
/** The lanes that put the goods under control before release (D8). */
export const CONTROLLED_LANES: readonly Lane[] = ['yellow', 'red'];

/** The risk management system's answer for a declaration, as the `risk` context hands it over. */
export type RiskLaneInput = {
  readonly lane: Lane;
  /** Risk minimisation measures (art.428 i.7), e.g. documentary_check, physical_examination. */
  readonly measures: readonly string[];
  /** `profile`, `random`, `none`, or `reroute` when an officer changed the lane. */
  readonly basis: string;
  readonly decisionId: string;
  readonly at: Date;
  readonly actor: string;
};

export type AppliedLane = { readonly state: DeclarationState; readonly isReleased: boolean };

/**
 * Art.399 p.2-3, p.5 (CUS-CTL-02, 03, 05; CUS-RMS-18): the lane of the automated risk management
 * system, in the caller's transaction. Yellow and red put the declaration under control (D8); green
 * and blue let the system release it at once when every other condition of art.149 holds, with no
 * officer. A later call is a re-routing, allowed only while the declaration awaits release
 * (registered or under control): lowered to green or blue before any control act, the declaration
 * goes back to the release check.
 */
export async function applyRiskLane(
  tx: Db,
  ports: ReleasePorts,
  declarationId: string,
  input: RiskLaneInput,
): Promise<Result<AppliedLane, Failure<'DECLARATION_NOT_FOUND' | 'DECLARATION_STATE_INVALID'>>> {
  const [row] = await tx.select().from(declarations).where(eq(declarations.id, declarationId)).for('update');
  if (!row) return fail('DECLARATION_NOT_FOUND', 'params.id');
  const isFirst = row.riskLane === null;
  if (!isFirst && row.state !== 'REGISTERED' && row.state !== 'UNDER_CONTROL') return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
  const isControlled = CONTROLLED_LANES.includes(input.lane);
  let state = row.state;
  if (isControlled && canMove(row.state, 'D8_control')) state = 'UNDER_CONTROL';
  else if (!isControlled && !isFirst && row.state === 'UNDER_CONTROL') {
    const acts = await tx.select({ id: controlEvents.id }).from(controlEvents).where(eq(controlEvents.declarationId, row.id)).limit(1);
    if (acts.length === 0) state = 'REGISTERED';
  }
  // The row is locked above; the updated row as returned is what the release check needs, so it is not read again.
  const [updated] = await tx
    .update(declarations)
    .set({
      riskLane: input.lane,
      riskMeasures: [...input.measures],
      riskDecisionId: input.decisionId,
      ...(isFirst ? { riskDecidedAt: input.at } : {}),
      updatedAt: input.at,
      state,
    })
    .where(eq(declarations.id, row.id))
    .returning();
  const isReleased = !isControlled && updated !== undefined && (await releaseLockedIfReady(tx, ports, updated, input.at));
  // Last: the audit chain's tip stays locked until the commit.
  await appendAudit(tx, input.at, {
    actor: input.actor,
    action: isFirst ? 'customs.declaration_risk_decided' : 'customs.declaration_rerouted',
    entity: 'customs.declaration',
    entityId: row.id,
    before: { state: row.state, lane: row.riskLane },
    after: { state: isReleased ? 'RELEASED' : state, lane: input.lane, measures: input.measures, basis: input.basis, decisionId: input.decisionId },
  });
  return ok({ state: isReleased ? 'RELEASED' : state, isReleased });
}
