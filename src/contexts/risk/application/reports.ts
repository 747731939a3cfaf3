/**
 * The effectiveness of profiles and lanes (art.429(2) p.1 steps 8-9; CUS-RMS-20; research/customs-
 * anchors.md "Risk engine quality": hit rate per profile, revenue yield). For each profile version
 * that was ever active, over the decisions of a period:
 * - matches: subjects its indicator met; selections: of those, the ones it selected;
 * - controlled: selections whose control gave a result; hits: results that found a violation;
 * - hitRate = hits / controlled (null before any result); revenue: additional payments found.
 * A version with no hit is flagged, so profiles that never hit are seen and reviewed.
 */
import { sql } from 'drizzle-orm';
import { startOfDushanbeDay } from '../../../platform/calendar/index.ts';
import { type Db, rows } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import { LANES } from '../domain/model.ts';
import { checkPeriod } from '../domain/period.ts';

export type Period = { readonly from?: string; readonly to?: string };

function bounds(p: Period): Result<{ from: string; to: string }, Failure<RiskErrorCode>> {
  const checked = checkPeriod(p, 'query');
  if (!checked.ok) return checked;
  const from = p.from ? startOfDushanbeDay(p.from).toISOString() : '1970-01-01T00:00:00.000Z';
  const to = p.to ? new Date(startOfDushanbeDay(p.to).getTime() + 86_400_000).toISOString() : '9999-01-01T00:00:00.000Z';
  return ok({ from, to });
}

type ProfileRow = {
  version_id: string;
  profile_id: string;
  code: string;
  version: number;
  state: string;
  lane: string;
  matches: number;
  selections: number;
  controlled: number;
  hits: number;
  revenue: string;
};

export async function profileReport(db: Db, p: Period & { readonly neverHit?: boolean }) {
  const b = bounds(p);
  if (!b.ok) return b;
  const found = await rows<ProfileRow>(
    db,
    sql`SELECT v.id::text AS version_id, v.profile_id::text AS profile_id, p.code, v.version, v.state, v.lane,
          count(h.decision_id)::int AS matches,
          count(*) FILTER (WHERE h.is_selected)::int AS selections,
          count(*) FILTER (WHERE h.is_selected AND s.found IS NOT NULL)::int AS controlled,
          count(*) FILTER (WHERE h.is_selected AND s.found)::int AS hits,
          coalesce(sum(r.revenue) FILTER (WHERE h.is_selected), 0)::text AS revenue
        FROM risk.profile_versions v
        JOIN risk.profiles p ON p.id = v.profile_id
        LEFT JOIN risk.decision_hits h ON h.version_id = v.id AND h.decided_at >= ${b.value.from}::timestamptz AND h.decided_at < ${b.value.to}::timestamptz
        LEFT JOIN risk.decisions d ON d.id = h.decision_id
        LEFT JOIN risk.subjects s ON s.id = d.subject_id
        LEFT JOIN LATERAL (SELECT sum(c.additional_dirams) AS revenue FROM risk.control_results c WHERE c.decision_id = d.id) r ON true
        WHERE v.activated_at IS NOT NULL
        GROUP BY v.id, p.code
        ORDER BY p.code, v.version`,
  );
  const report = found.map((r) => ({
    profileId: r.profile_id,
    versionId: r.version_id,
    code: r.code,
    version: Number(r.version),
    state: r.state,
    lane: r.lane,
    matches: r.matches,
    selections: r.selections,
    controlled: r.controlled,
    hits: r.hits,
    hitRate: r.controlled === 0 ? null : r.hits / r.controlled,
    revenueDirams: r.revenue,
    hasNeverHit: r.hits === 0,
  }));
  return ok(p.neverHit === undefined ? report : report.filter((r) => r.hasNeverHit === p.neverHit));
}

type LaneRow = { lane: string; decisions: number; by_profile: number; by_random: number; controlled: number; found: number; revenue: string };

/** Per lane in force: how many decisions, on what basis, how many controls found a violation, what they yielded. */
export async function laneReport(db: Db, p: Period) {
  const b = bounds(p);
  if (!b.ok) return b;
  const found = await rows<LaneRow>(
    db,
    sql`SELECT d.lane, count(*)::int AS decisions,
          count(*) FILTER (WHERE d.basis = 'profile')::int AS by_profile,
          count(*) FILTER (WHERE d.basis = 'random')::int AS by_random,
          count(*) FILTER (WHERE s.found IS NOT NULL)::int AS controlled,
          count(*) FILTER (WHERE s.found)::int AS found,
          coalesce(sum(r.revenue), 0)::text AS revenue
        FROM risk.decisions d
        LEFT JOIN risk.subjects s ON s.id = d.subject_id
        LEFT JOIN LATERAL (SELECT sum(c.additional_dirams) AS revenue FROM risk.control_results c WHERE c.decision_id = d.id) r ON true
        WHERE d.decided_at >= ${b.value.from}::timestamptz AND d.decided_at < ${b.value.to}::timestamptz
        GROUP BY d.lane`,
  );
  const total = found.reduce((sum, r) => sum + r.decisions, 0);
  return ok(
    LANES.map((lane) => {
      const r = found.find((x) => x.lane === lane);
      const decisions = r?.decisions ?? 0;
      const controlled = r?.controlled ?? 0;
      return {
        lane,
        decisions,
        share: total === 0 ? 0 : decisions / total,
        byProfile: r?.by_profile ?? 0,
        byRandom: r?.by_random ?? 0,
        controlled,
        found: r?.found ?? 0,
        hitRate: controlled === 0 ? null : (r?.found ?? 0) / controlled,
        revenueDirams: r?.revenue ?? '0',
      };
    }),
  );
}
