import { eq, type SQL, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ComplaintErrorCode } from '../domain/complaint-errors.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { aggregateOf, isRatable, type RatingAggregate, type RatingSums, type Survey } from '../domain/rating.ts';
import { ratings } from '../infrastructure/complaints.schema.ts';
import { type RequestRow, requests, units } from '../infrastructure/schema.ts';
import { complaintBySecret } from './complaints.ts';
import { CHANNEL_NAMES } from './dashboard.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';

type RatingFailure = Failure<ComplaintErrorCode | RequestErrorCode>;

/** The short survey after a closed request (TS-41), with an optional comment. */
export type RequestSurvey = Survey & { readonly comment?: string | null };

/** A rating of a unit and its staff, with remarks and proposals (A1 p.16(4)). */
export type UnitRatingInput = Survey & {
  readonly staffName?: string | null;
  readonly remark?: string | null;
  readonly proposal?: string | null;
  readonly raterName?: string | null;
  /** The website (the personal cabinet or the public page) or the 151 line recording it (A1 p.16). */
  readonly channel: 'cabinet' | 'phone_151';
};

const isTaxpayer = (p: AccountPrincipal) => p.role === 'business' || p.role === 'taxpayer';

/**
 * Records the survey of a closed request, once (TS-41). The caller has proved that the rater is
 * the applicant (the cabinet by TIN, the Book of complaints by the complaint's secret).
 */
export async function rateClosedRequest(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  row: RequestRow,
  survey: RequestSurvey,
): Promise<Result<{ id: string }, RatingFailure>> {
  if (!isRatable(row.status)) return fail('RATING_REQUEST_NOT_CLOSED');
  const at = deps.clock.now();
  const id = uuidv7(at.getTime());
  const inserted = await tx
    .insert(ratings)
    .values({
      id,
      kind: 'request',
      requestId: row.id,
      unitId: row.unitId,
      region: row.region,
      serviceKey: row.serviceKey,
      channel: row.channel,
      overall: survey.overall,
      courtesy: survey.courtesy,
      clarity: survey.clarity,
      timeliness: survey.timeliness,
      remark: survey.comment ?? null,
      raterTin: row.applicantTin,
      raterName: row.applicantName,
      ratedBy: actor,
      ratedAt: at,
      ratedOn: dushanbeDate(at),
    })
    .onConflictDoNothing()
    .returning({ id: ratings.id });
  // One rating per request: the unique request_id decides between two that arrive together.
  if (inserted.length === 0) return fail('RATING_ALREADY_GIVEN');
  await appendAudit(tx, at, { actor, action: 'tax-services.rating.given', entity: 'service_request', entityId: row.id, after: { ...survey } });
  return ok({ id });
}

/** The applicant rates their own closed request from the personal cabinet (TS-41, TS-49). */
export async function rateOwnRequest(
  deps: TaxServicesDeps,
  p: AccountPrincipal,
  requestId: string,
  survey: RequestSurvey,
): Promise<Result<{ id: string }, RatingFailure>> {
  return transact(deps.database.db, async (tx): Promise<Result<{ id: string }, RatingFailure>> => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId));
    if (!row || !isTaxpayer(p) || row.applicantTin === null || row.applicantTin !== p.tin) return fail('REQUEST_NOT_FOUND');
    return rateClosedRequest(tx, deps, actorOf(p), row, survey);
  });
}

/** The complainant of the Book of complaints rates the handling of their complaint with its secret (TS-40, TS-41). */
export async function rateComplaintBySecret(
  deps: TaxServicesDeps,
  registrationNumber: string,
  secret: string,
  survey: RequestSurvey,
): Promise<Result<{ id: string }, RatingFailure>> {
  return transact(deps.database.db, async (tx): Promise<Result<{ id: string }, RatingFailure>> => {
    const found = await complaintBySecret(tx, registrationNumber, secret);
    if (!found) return fail('COMPLAINT_NOT_FOUND');
    return rateClosedRequest(tx, deps, `public:complaint:${registrationNumber}`, found.request, survey);
  });
}

/** Anyone rates a unit and its staff, with remarks and proposals (A1 p.16(4), note 1 to Annex 2). */
export async function rateUnit(
  deps: TaxServicesDeps,
  rater: { readonly actor: string; readonly tin: string | null },
  unitCode: string,
  input: UnitRatingInput,
): Promise<Result<{ id: string }, RatingFailure>> {
  return transact(deps.database.db, async (tx): Promise<Result<{ id: string }, RatingFailure>> => {
    const [unit] = await tx.select().from(units).where(eq(units.code, unitCode));
    if (!unit) return fail('UNIT_NOT_FOUND', 'params.code');
    const at = deps.clock.now();
    const id = uuidv7(at.getTime());
    await tx.insert(ratings).values({
      id,
      kind: 'unit',
      unitId: unit.id,
      region: unit.region,
      channel: input.channel,
      overall: input.overall,
      courtesy: input.courtesy,
      clarity: input.clarity,
      timeliness: input.timeliness,
      staffName: input.staffName ?? null,
      remark: input.remark ?? null,
      proposal: input.proposal ?? null,
      raterTin: rater.tin,
      raterName: input.raterName ?? null,
      ratedBy: rater.actor,
      ratedAt: at,
      ratedOn: dushanbeDate(at),
    });
    await appendAudit(tx, at, {
      actor: rater.actor,
      action: 'tax-services.rating.unit',
      entity: 'unit',
      entityId: unit.id,
      after: { id, overall: input.overall },
    });
    return ok({ id });
  });
}

export type RatingFilter = {
  /** First and last Dushanbe date of rating, inclusive (default: the current month to today). */
  readonly from?: string;
  readonly to?: string;
  readonly region?: string;
  readonly unitCode?: string;
  readonly serviceKey?: string;
  readonly channel?: string;
  readonly kind?: 'request' | 'unit';
};

export type RatingRow = RatingAggregate & { readonly key: string; readonly name: Localised };

export type RatingSummary = {
  readonly from: string;
  readonly to: string;
  readonly totals: RatingAggregate;
  readonly byService: readonly RatingRow[];
  readonly byUnit: readonly RatingRow[];
  readonly byChannel: readonly RatingRow[];
  /** Staff named in ratings of units (A1 p.16(4)): key is "unit code / name". */
  readonly byStaff: readonly RatingRow[];
};

type SumRow = {
  dimension: 'all' | 'service' | 'unit' | 'channel' | 'staff';
  value: string;
  count: number;
  overall: number;
  courtesy: number;
  clarity: number;
  timeliness: number;
  satisfied: number;
  d1: number;
  d2: number;
  d3: number;
  d4: number;
  d5: number;
};

const sumsOf = (r: SumRow): RatingSums => ({
  count: Number(r.count),
  overall: Number(r.overall),
  courtesy: Number(r.courtesy),
  clarity: Number(r.clarity),
  timeliness: Number(r.timeliness),
  satisfied: Number(r.satisfied),
  distribution: [r.d1, r.d2, r.d3, r.d4, r.d5].map(Number),
});

/** A real calendar date 'YYYY-MM-DD' (not 31 February). */
export const isCalendarDate = (s: string | undefined): s is string =>
  s !== undefined &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * Aggregates of the ratings (TS-41 feeding TS-32 and TS-34): counts, mean scores per question,
 * the share of satisfied raters and the distribution of overall scores, in total and per service,
 * unit, channel and named staff member.
 */
export async function ratingSummary(deps: TaxServicesDeps, filter: RatingFilter = {}): Promise<RatingSummary> {
  const today = dushanbeDate(deps.clock.now());
  const from = isCalendarDate(filter.from) ? filter.from : `${today.slice(0, 7)}-01`;
  const to = isCalendarDate(filter.to) ? filter.to : today;
  const conditions: SQL[] = [sql`r.rated_on BETWEEN ${from}::date AND ${to}::date`];
  if (filter.region) conditions.push(sql`r.region = ${filter.region}`);
  if (filter.unitCode) conditions.push(sql`u.code = ${filter.unitCode}`);
  if (filter.serviceKey) conditions.push(sql`r.service_key = ${filter.serviceKey}`);
  if (filter.channel) conditions.push(sql`r.channel = ${filter.channel}`);
  if (filter.kind) conditions.push(sql`r.kind = ${filter.kind}`);
  const db = deps.database.db;
  const sums = await rows<SumRow>(
    db,
    sql`SELECT CASE WHEN GROUPING(r.staff_name) = 0 THEN 'staff' WHEN GROUPING(r.service_key) = 0 THEN 'service'
                    WHEN GROUPING(u.code) = 0 THEN 'unit' WHEN GROUPING(r.channel) = 0 THEN 'channel' ELSE 'all' END AS dimension,
               CASE WHEN GROUPING(r.staff_name) = 0 THEN u.code || ' / ' || r.staff_name
                    ELSE COALESCE(r.service_key, u.code, r.channel, '') END AS value,
               count(*)::int AS count, sum(r.overall)::int AS overall, sum(r.courtesy)::int AS courtesy,
               sum(r.clarity)::int AS clarity, sum(r.timeliness)::int AS timeliness,
               (count(*) FILTER (WHERE r.overall >= 4))::int AS satisfied,
               (count(*) FILTER (WHERE r.overall = 1))::int AS d1, (count(*) FILTER (WHERE r.overall = 2))::int AS d2,
               (count(*) FILTER (WHERE r.overall = 3))::int AS d3, (count(*) FILTER (WHERE r.overall = 4))::int AS d4,
               (count(*) FILTER (WHERE r.overall = 5))::int AS d5
        FROM tax_services.ratings r JOIN tax_services.units u ON u.id = r.unit_id
        WHERE ${sql.join(conditions, sql` AND `)}
        GROUP BY GROUPING SETS ((r.service_key), (u.code), (r.channel), (u.code, r.staff_name), ())`,
  );
  const unitNames = new Map(
    (
      await rows<{ code: string; name_tg: string; name_ru: string; name_en: string }>(db, sql`SELECT code, name_tg, name_ru, name_en FROM tax_services.units`)
    ).map((u) => [u.code, { tg: u.name_tg, ru: u.name_ru, en: u.name_en }]),
  );
  const catalogue = deps.catalogue.at(today) ?? deps.catalogue.versions().at(-1);
  const nameOf = (dimension: SumRow['dimension'], value: string): Localised => {
    const plain = { tg: value, ru: value, en: value };
    if (dimension === 'service') return catalogue?.lines.get(value)?.name ?? plain;
    if (dimension === 'unit') return unitNames.get(value) ?? plain;
    if (dimension === 'channel') return CHANNEL_NAMES[value] ?? plain;
    return plain;
  };
  // A grouping set whose column is null (a unit rating has no service; most have no staff name) is not a group.
  const rowsOf = (dimension: SumRow['dimension']) =>
    sums
      .filter((r) => r.dimension === dimension && r.value !== '' && r.value !== null)
      .map((r) => ({ key: r.value, name: nameOf(dimension, r.value), ...aggregateOf(sumsOf(r)) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const all = sums.find((r) => r.dimension === 'all');
  return {
    from,
    to,
    totals: aggregateOf(all ? sumsOf(all) : { count: 0, overall: 0, courtesy: 0, clarity: 0, timeliness: 0, satisfied: 0, distribution: [] }),
    byService: rowsOf('service'),
    byUnit: rowsOf('unit'),
    byChannel: rowsOf('channel'),
    byStaff: rowsOf('staff'),
  };
}

/** The remarks and proposals left with ratings, newest first, for the TSD (A1 p.16(4), TS-23). */
export async function listRatingRemarks(deps: TaxServicesDeps, filter: { readonly unitCode?: string; readonly limit?: number; readonly offset?: number } = {}) {
  const unitCondition = filter.unitCode ? sql`AND u.code = ${filter.unitCode}` : sql``;
  return rows<Record<string, unknown>>(
    deps.database.db,
    sql`SELECT r.id::text, r.kind, u.code AS "unitCode", r.service_key AS "serviceKey", r.channel, r.overall, r.courtesy, r.clarity,
               r.timeliness, r.staff_name AS "staffName", r.remark, r.proposal, r.rater_tin AS "raterTin", r.rater_name AS "raterName",
               r.rated_at AS "ratedAt", q.number AS "requestNumber"
        FROM tax_services.ratings r JOIN tax_services.units u ON u.id = r.unit_id
        LEFT JOIN tax_services.requests q ON q.id = r.request_id
        WHERE (r.remark IS NOT NULL OR r.proposal IS NOT NULL) ${unitCondition}
        ORDER BY r.rated_at DESC, r.id DESC
        LIMIT ${Math.min(filter.limit ?? 50, 500)} OFFSET ${filter.offset ?? 0}`,
  );
}
