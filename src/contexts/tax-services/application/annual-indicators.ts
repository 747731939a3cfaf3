import { desc, eq, isNotNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { SERVICE_GROUPS } from '../domain/catalogue.ts';
import { COMPLAINT_SERVICES } from '../domain/complaint.ts';
import type { ComplaintErrorCode } from '../domain/complaint-errors.ts';
import { type AnnualIndicators, computeIndicators, INDICATORS, type IndicatorInputs } from '../domain/indicators.ts';
import type { RatingSums } from '../domain/rating.ts';
import { annualIndicators } from '../infrastructure/complaints.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { QUALITY_NOTE_SERVICE } from './monthly-note.ts';

const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+05:00`);
const COMPLAINT_KEYS = sql.join(
  COMPLAINT_SERVICES.map((k) => sql`${k}`),
  sql`, `,
);

/** The year's figures from the request register, the completion statistics and the ratings (TS-34). */
async function gatherInputs(db: Db, year: number): Promise<IndicatorInputs> {
  // Raw SQL takes instants as ISO text: postgres.js under drizzle does not serialise a Date parameter.
  const [start, end] = [yearStart(year).toISOString(), yearStart(year + 1).toISOString()];
  const received = await rows<{ service_key: string; channel: string; n: number }>(
    db,
    sql`SELECT service_key, channel, count(*)::int AS n FROM tax_services.requests
        WHERE received_at >= ${start} AND received_at < ${end} AND service_key <> ${QUALITY_NOTE_SERVICE}
        GROUP BY service_key, channel`,
  );
  // The completion statistics count by the Dushanbe month of completion (requests.ts), so a year is twelve of its months;
  // scope '' is the whole country (each request is also counted under its region).
  const closed = await rows<{ service_key: string; bucket: number; closed: number; late: number }>(
    db,
    sql`SELECT value AS service_key, bucket::int AS bucket, sum(closed)::int AS closed, sum(late)::int AS late
        FROM tax_services.completion_stats
        WHERE scope = '' AND dimension = 'service' AND month BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-01`}::date AND value <> ${QUALITY_NOTE_SERVICE}
        GROUP BY value, bucket`,
  );
  const [r] = await rows<{ count: number; overall: number; courtesy: number; clarity: number; timeliness: number; satisfied: number; d: number[] | string }>(
    db,
    sql`SELECT count(*)::int AS count, COALESCE(sum(overall), 0)::int AS overall, COALESCE(sum(courtesy), 0)::int AS courtesy,
               COALESCE(sum(clarity), 0)::int AS clarity, COALESCE(sum(timeliness), 0)::int AS timeliness,
               (count(*) FILTER (WHERE overall >= 4))::int AS satisfied,
               ARRAY[(count(*) FILTER (WHERE overall = 1))::int, (count(*) FILTER (WHERE overall = 2))::int, (count(*) FILTER (WHERE overall = 3))::int,
                     (count(*) FILTER (WHERE overall = 4))::int, (count(*) FILTER (WHERE overall = 5))::int] AS d
        FROM tax_services.ratings WHERE rated_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`,
  );
  const [answers] = await rows<{ answered: number; late: number }>(
    db,
    sql`SELECT count(*)::int AS answered, (count(*) FILTER (WHERE is_late))::int AS late FROM tax_services.requests
        WHERE service_key IN (${COMPLAINT_KEYS}) AND status = 'completed' AND completed_at >= ${start} AND completed_at < ${end}`,
  );
  const distribution = typeof r?.d === 'string' ? r.d.replace(/[{}]/g, '').split(',').map(Number) : (r?.d ?? []).map(Number);
  const ratings: RatingSums = {
    count: Number(r?.count ?? 0),
    overall: Number(r?.overall ?? 0),
    courtesy: Number(r?.courtesy ?? 0),
    clarity: Number(r?.clarity ?? 0),
    timeliness: Number(r?.timeliness ?? 0),
    satisfied: Number(r?.satisfied ?? 0),
    distribution,
  };
  return {
    year,
    received: received.map((x) => ({ serviceKey: x.service_key, channel: x.channel, count: Number(x.n) })),
    closed: closed.map((x) => ({ serviceKey: x.service_key, bucket: Number(x.bucket), closed: Number(x.closed), late: Number(x.late) })),
    ratings,
    complaintsAnswered: Number(answers?.answered ?? 0),
    complaintsAnsweredLate: Number(answers?.late ?? 0),
  };
}

type IndicatorFailure = Failure<ComplaintErrorCode>;

export type IndicatorsView = {
  readonly year: number;
  readonly revision: number;
  readonly computedAt: string;
  readonly publishedAt: string | null;
  readonly definitions: typeof INDICATORS;
  readonly values: AnnualIndicators['values'];
};

const viewOf = (r: typeof annualIndicators.$inferSelect): IndicatorsView => ({
  year: r.year,
  revision: r.revision,
  computedAt: r.computedAt.toISOString(),
  publishedAt: r.publishedAt?.toISOString() ?? null,
  definitions: INDICATORS,
  values: r.indicators.values,
});

/**
 * Computes the quality and accessibility indicators of a year that has ended (A1 p.11, TS-13,
 * TS-34); again on request until they are published, after which the published figures stand.
 */
export async function computeAnnualIndicators(
  deps: TaxServicesDeps,
  actor: string,
  year: number,
  at: Date = deps.clock.now(),
): Promise<Result<IndicatorsView, IndicatorFailure>> {
  if (yearStart(year + 1) > at) return fail('INDICATORS_YEAR_NOT_ENDED');
  return transact(deps.database.db, async (tx): Promise<Result<IndicatorsView, IndicatorFailure>> => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`tax-services.indicators:${year}`}))`);
    const [existing] = await tx.select().from(annualIndicators).where(eq(annualIndicators.year, year));
    if (existing?.publishedAt) return fail('INDICATORS_PUBLISHED');
    const indicators = computeIndicators(await gatherInputs(tx, year), SERVICE_GROUPS);
    const row = { year, indicators, revision: (existing?.revision ?? 0) + 1, computedAt: at, computedBy: actor };
    if (existing) await tx.update(annualIndicators).set(row).where(eq(annualIndicators.year, year));
    else await tx.insert(annualIndicators).values(row);
    await appendAudit(tx, at, {
      actor,
      action: 'tax-services.indicators.computed',
      entity: 'annual_indicators',
      entityId: String(year),
      after: { revision: row.revision },
    });
    await notify(tx, at, {
      recipient: { kind: 'role', id: 'service_officer' },
      kind: 'indicators_computed',
      title: { tg: `Нишондиҳандаҳои сифат барои соли ${year}`, ru: `Показатели качества за ${year} год`, en: `Quality indicators for ${year}` },
      body: { tg: 'Барои нашр омода аст', ru: 'Готовы к публикации', en: 'Ready to be published' },
    });
    return ok(viewOf({ ...row, publishedAt: null, publishedBy: null }));
  });
}

/** The TSD publishes a year's indicators (TS-03, TS-13): the public page serves them from now on, unchanged. */
export async function publishAnnualIndicators(deps: TaxServicesDeps, actor: string, year: number): Promise<Result<IndicatorsView, IndicatorFailure>> {
  const at = deps.clock.now();
  return transact(deps.database.db, async (tx): Promise<Result<IndicatorsView, IndicatorFailure>> => {
    const [row] = await tx.select().from(annualIndicators).where(eq(annualIndicators.year, year)).for('update');
    if (!row) return fail('INDICATORS_NOT_FOUND');
    if (row.publishedAt) return fail('INDICATORS_PUBLISHED');
    await tx.update(annualIndicators).set({ publishedAt: at, publishedBy: actor }).where(eq(annualIndicators.year, year));
    await appendAudit(tx, at, {
      actor,
      action: 'tax-services.indicators.published',
      entity: 'annual_indicators',
      entityId: String(year),
      before: { publishedAt: null },
      after: { publishedAt: at.toISOString() },
    });
    return ok(viewOf({ ...row, publishedAt: at, publishedBy: actor }));
  });
}

/** A year's indicators: any computed year for officers, only published ones for the public. */
export async function getAnnualIndicators(
  deps: TaxServicesDeps,
  year: number,
  options: { readonly publishedOnly: boolean },
): Promise<Result<IndicatorsView, IndicatorFailure>> {
  const [row] = await deps.database.db.select().from(annualIndicators).where(eq(annualIndicators.year, year));
  if (!row || (options.publishedOnly && !row.publishedAt)) return fail('INDICATORS_NOT_FOUND');
  return ok(viewOf(row));
}

/** The published years, newest first. */
export async function listPublishedYears(deps: TaxServicesDeps) {
  const found = await deps.database.db
    .select({ year: annualIndicators.year, publishedAt: annualIndicators.publishedAt })
    .from(annualIndicators)
    .where(isNotNull(annualIndicators.publishedAt))
    .orderBy(desc(annualIndicators.year));
  return found.map((r) => ({ year: r.year, publishedAt: r.publishedAt?.toISOString() ?? null }));
}

/**
 * TS-13: once a year, after it ends, computes the indicators of the year before (the TSD reviews
 * and publishes them). A year before the register's first request has nothing to assess.
 */
export function annualIndicatorsChecker(deps: TaxServicesDeps): DueTimeChecker {
  return {
    name: 'tax-services.annual-indicators',
    run: async (db, now) => {
      const year = Number(dushanbeDate(now).slice(0, 4)) - 1;
      const [existing] = await db.select({ year: annualIndicators.year }).from(annualIndicators).where(eq(annualIndicators.year, year));
      if (existing) return 0;
      const active = await rows<{ one: number }>(
        db,
        sql`SELECT 1 AS one FROM tax_services.requests WHERE received_at < ${yearStart(year + 1).toISOString()} AND service_key <> ${QUALITY_NOTE_SERVICE} LIMIT 1`,
      );
      if (active.length === 0) return 0;
      const made = await computeAnnualIndicators(deps, 'system', year, now);
      return made.ok ? 1 : 0;
    },
  };
}
