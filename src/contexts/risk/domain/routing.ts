/**
 * Re-routing a decided subject (issue #6; ASYCUDA MODSEL §6.18, research/customs-anchors.md): an
 * officer may send a declaration to a stricter lane at will, or to a lower one only with a recorded
 * reason. Pure.
 */
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from './errors.ts';
import { LANE_RANK, type Lane, MEASURES, type Measure } from './model.ts';

/** The form of control each lane stands for (ASYCUDA: yellow checks documents, red examines, blue audits after release). */
export const LANE_MEASURES: Readonly<Record<Lane, readonly Measure[]>> = {
  green: [],
  blue: ['post_clearance_audit'],
  yellow: ['documentary_check'],
  red: ['documentary_check', 'physical_examination'],
};

export type Reroute = { readonly lane: Lane; readonly measures: readonly Measure[]; readonly isUpward: boolean };

/**
 * The new lane and its measures: upward keeps the measures in force and adds the new lane's;
 * downward keeps only the new lane's own, since the officer set aside what selected the stricter one.
 */
export function planReroute(
  from: { readonly lane: Lane; readonly measures: readonly Measure[] },
  to: Lane,
  reason: string,
): Result<Reroute, Failure<RiskErrorCode>> {
  if (from.lane === to) return fail('RISK_REROUTE_SAME_LANE', 'body.lane', { lane: to });
  const isUpward = LANE_RANK[to] > LANE_RANK[from.lane];
  if (!isUpward && reason.trim() === '') return fail('RISK_REROUTE_REASON_REQUIRED', 'body.reason', { from: from.lane, to });
  const wanted = new Set<Measure>([...(isUpward ? from.measures : []), ...LANE_MEASURES[to]]);
  return ok({ lane: to, measures: MEASURES.filter((m) => wanted.has(m)), isUpward });
}
