/**
 * Reading lane decisions. Art.429(2) p.3 (CUS-RMS-22, docs/risk.md "Who sees what"): a customs
 * officer sees a decision's lane, measures, basis and the codes of the profiles that selected it —
 * enough to act on it and to cite it as the legal basis of a control (CUS-CTL-03) — never an
 * indicator; the risk analyst also sees the hits with their items, the indicators, the settings and
 * the subject as evaluated. Declarants see none of this (customs shows them the lane and measures).
 */
import { and, asc, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { startOfDushanbeDay } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import type { Lane, SubjectKind } from '../domain/model.ts';
import { checkPeriod } from '../domain/period.ts';
import { controlResults, type DecisionRow, decisions, profiles, profileVersions, reroutes } from '../infrastructure/schema.ts';
import { readSubject } from './facts-store.ts';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

async function reroutesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(reroutes)
    .where(inArray(reroutes.decisionId, [...ids]))
    .orderBy(asc(reroutes.at));
}

/** What a customs officer sees of a decision. */
export function decisionSummary(d: DecisionRow, rerouted: readonly (typeof reroutes.$inferSelect)[]) {
  return {
    id: d.id,
    subjectKind: d.subjectKind,
    subjectId: d.subjectId,
    subjectNumber: d.subjectNumber,
    decidedAt: d.decidedAt.toISOString(),
    decidedLane: d.decidedLane,
    lane: d.lane,
    measures: d.measures,
    basis: d.basis,
    /** The codes of the profiles that selected the subject: the basis officers cite (no indicator). */
    profileCodes: d.hits.filter((h) => h.selected).map((h) => h.code),
    reroutes: rerouted
      .filter((r) => r.decisionId === d.id)
      .map((r) => ({ fromLane: r.fromLane, toLane: r.toLane, isUpward: r.isUpward, reason: r.reason, actor: r.actor, at: r.at.toISOString() })),
  };
}
export type DecisionSummary = ReturnType<typeof decisionSummary>;

export type DecisionFilter = {
  readonly subjectId?: string;
  readonly lane?: Lane;
  readonly kind?: SubjectKind;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
};

/** Decisions, newest first (an officer's work queue per lane, or the decision of one subject). */
export async function listDecisions(db: Db, f: DecisionFilter): Promise<Result<DecisionSummary[], Failure<RiskErrorCode>>> {
  const period = checkPeriod(f, 'query');
  if (!period.ok) return period;
  const where: SQL[] = [];
  if (f.subjectId) {
    if (!isUuid(f.subjectId)) return ok([]);
    where.push(eq(decisions.subjectId, f.subjectId));
  }
  if (f.lane) where.push(eq(decisions.lane, f.lane));
  if (f.kind) where.push(eq(decisions.subjectKind, f.kind));
  if (f.from) where.push(gte(decisions.decidedAt, startOfDushanbeDay(f.from)));
  if (f.to) where.push(lt(decisions.decidedAt, new Date(startOfDushanbeDay(f.to).getTime() + 86_400_000)));
  const rows = await db
    .select()
    .from(decisions)
    .where(and(...where))
    .orderBy(desc(decisions.decidedAt), desc(decisions.id))
    .limit(Math.min(500, f.limit ?? 100));
  const rerouted = await reroutesOf(
    db,
    rows.map((r) => r.id),
  );
  return ok(rows.map((r) => decisionSummary(r, rerouted)));
}

/** The whole decision, for the risk analyst: hits with the profile versions and items, settings, subject, results. */
export async function getDecision(db: Db, id: string): Promise<Result<ReturnType<typeof decisionDetail>, Failure<RiskErrorCode>>> {
  if (!isUuid(id)) return fail('RISK_DECISION_NOT_FOUND', 'params.id');
  const [d] = await db.select().from(decisions).where(eq(decisions.id, id));
  if (!d) return fail('RISK_DECISION_NOT_FOUND', 'params.id');
  const versionIds = d.hits.map((h) => h.versionId);
  const versions =
    versionIds.length === 0
      ? []
      : await db
          .select({
            id: profileVersions.id,
            profileId: profileVersions.profileId,
            version: profileVersions.version,
            code: profiles.code,
            indicator: profileVersions.indicator,
            lane: profileVersions.lane,
          })
          .from(profileVersions)
          .innerJoin(profiles, eq(profiles.id, profileVersions.profileId))
          .where(inArray(profileVersions.id, versionIds));
  const results = await db.select().from(controlResults).where(eq(controlResults.decisionId, d.id)).orderBy(asc(controlResults.at));
  const subject = await readSubject(db, d.subjectId);
  return ok(decisionDetail(d, await reroutesOf(db, [d.id]), versions, results, subject));
}

function decisionDetail(
  d: DecisionRow,
  rerouted: readonly (typeof reroutes.$inferSelect)[],
  versions: readonly { id: string; profileId: string; version: number; code: string; indicator: unknown; lane: string }[],
  results: readonly (typeof controlResults.$inferSelect)[],
  subject: unknown,
) {
  return {
    ...decisionSummary(d, rerouted),
    decidedMeasures: d.decidedMeasures,
    hits: d.hits.map((h) => {
      const v = versions.find((x) => x.id === h.versionId);
      return {
        ...h,
        items: [...h.items],
        profileId: v?.profileId ?? null,
        version: v?.version ?? null,
        lane: v?.lane ?? null,
        indicator: v?.indicator ?? null,
      };
    }),
    seed: d.seed,
    settings: d.settings,
    snapshotId: d.snapshotId,
    inputsVersion: d.inputsVersion,
    subject,
    controlResults: results.map((r) => ({
      isViolationFound: r.isViolationFound,
      findings: r.findings,
      additionalDirams: r.additionalDirams.toString(),
      source: r.source,
      at: r.at.toISOString(),
    })),
  };
}
